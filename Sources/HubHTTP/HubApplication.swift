import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import SyncCore

/// Builds the hub's HTTP application.
package enum HubApplication {
    /// An application serving `store` on `host:port` (port 0: any free port, reported to
    /// `onListening`).
    package static func make(
        store: any HubStore, host: String, port: Int, limits: HubServerLimits = HubServerLimits(), logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let requestTimeout = limits.requestTimeout
        var http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestDeadlineHandler(timeout: requestTimeout)],
            idleTimeout: limits.idleTimeout)
        http1.httpDecoder = .init(
            maxHeaderFieldSize: limits.maxHeaderBytes, maxHeaderListSize: limits.maxHeaderBytes,
            maxHeaderFieldCount: 100)
        return Application(
            router: HubAPI(store: store, limits: limits).router(),
            server: .http1(configuration: http1),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "ntm-hub",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

extension HubApplication {
    /// Serves `store` on 127.0.0.1 on a free port while `body` runs with the hub's base URL,
    /// then stops the server: for the demo and for tests.
    package static func withRunningHub<T: Sendable>(
        store: any HubStore, limits: HubServerLimits = HubServerLimits(), logger: Logger,
        _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = make(store: store, host: "127.0.0.1", port: 0, limits: limits, logger: logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                throw SyncError.unavailable("the hub did not start")
            }
            do {
                let result = try await body("http://127.0.0.1:\(port)")
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
