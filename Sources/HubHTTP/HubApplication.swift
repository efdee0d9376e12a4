import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import SyncCore

/// What a hub process serves: one commune's store at `/`, or every commune of a province's
/// database, each under `/c/CODE/` (DESIGN.md §7).
package enum HubTarget: Sendable {
    case store(Hub)
    case communes(any CommuneDirectory)
}

/// The responder of either target: one type, so the server is built once for both.
enum HubResponder: HTTPResponder {
    typealias Context = HubRequestContext
    case commune(RouterResponder<HubRequestContext>)
    case province(ProvinceResponder)

    func respond(to request: Request, context: HubRequestContext) async throws -> Response {
        switch self {
        case .commune(let responder): try await responder.respond(to: request, context: context)
        case .province(let responder): try await responder.respond(to: request, context: context)
        }
    }
}

/// Builds the hub's HTTP application.
package enum HubApplication {
    /// An application serving `target` on `host:port` (port 0: any free port, reported to
    /// `onListening`), over TLS when `tls` is given.
    package static func make(
        _ target: HubTarget, host: String, port: Int, limits: HubServerLimits = HubServerLimits(),
        tls: HubTLS? = nil, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let responder: HubResponder =
            switch target {
            case .store(let store):
                .commune(HubAPI(store: store, limits: limits, secure: tls != nil).router().buildResponder())
            case .communes(let directory):
                .province(ProvinceResponder(directory: directory, limits: limits, secure: tls != nil, logger: logger))
            }
        return make(
            responder: responder, host: host, port: port, limits: limits, tls: tls, logger: logger,
            onListening: onListening)
    }

    /// An application serving `store` on `host:port`.
    package static func make(
        store: Hub, host: String, port: Int, limits: HubServerLimits = HubServerLimits(),
        tls: HubTLS? = nil, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        make(.store(store), host: host, port: port, limits: limits, tls: tls, logger: logger, onListening: onListening)
    }

    private static func make<Responder: HTTPResponder<HubRequestContext>>(
        responder: Responder, host: String, port: Int, limits: HubServerLimits, tls: HubTLS?, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let requestTimeout = limits.requestTimeout
        let share = AddressShare(limit: limits.addressShare, loopbackCounted: limits.loopbackCounted)
        var http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                RequestDeadlineHandler(timeout: requestTimeout), AddressShareHandler(share: share),
            ],
            idleTimeout: limits.idleTimeout)
        http1.httpDecoder = .init(
            maxHeaderFieldSize: limits.maxHeaderBytes, maxHeaderListSize: limits.maxHeaderBytes,
            maxHeaderFieldCount: 100)
        let channel = http1
        let server: HTTPServerBuilder =
            if let tls {
                HTTPServerBuilder { responder in
                    HTTP1Channel(responder: responder, configuration: channel).withTLSOrRefusal(tls)
                }
            } else {
                .http1(configuration: http1)
            }
        return Application(
            responder: responder,
            server: server,
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
        store: Hub, limits: HubServerLimits = HubServerLimits(), tls: HubTLS? = nil, logger: Logger,
        _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        try await withRunningHub(.store(store), limits: limits, tls: tls, logger: logger, body)
    }

    /// Serves `target` on 127.0.0.1 on a free port while `body` runs with the server's base
    /// URL, then stops the server.
    package static func withRunningHub<T: Sendable>(
        _ target: HubTarget, limits: HubServerLimits = HubServerLimits(), tls: HubTLS? = nil, logger: Logger,
        _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = make(target, host: "127.0.0.1", port: 0, limits: limits, tls: tls, logger: logger) { port in
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
                let result = try await body("\(tls == nil ? "http" : "https")://127.0.0.1:\(port)")
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
