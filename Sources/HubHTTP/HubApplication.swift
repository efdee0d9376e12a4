import Hummingbird
import Logging
import NIOCore
import SyncCore

/// Builds the hub's HTTP application.
package enum HubApplication {
    /// An application serving `store` on `host:port` (port 0: any free port, reported to
    /// `onListening`).
    package static func make(
        store: any HubStore, host: String, port: Int, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: HubAPI(store: store).router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "ntm-hub"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
