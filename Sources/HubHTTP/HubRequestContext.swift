import Hummingbird
import SyncCore
import SyncWire

/// The context of one hub request: Hummingbird's own, plus the principal the bearer token
/// speaks for once `BearerAuthMiddleware` has checked it.
package struct HubRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// Who is calling; nil before authentication and on `/healthz`.
    package var principal: Principal?
    /// The client's IP address, when the connection has one.
    package let remoteAddress: String?

    package init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are bounded by `Wire.maxWireBytes` on the wire.
    package var maxUploadSize: Int { Wire.maxWireBytes }

    /// The authenticated principal, or 401.
    func requirePrincipal() throws(SyncError) -> Principal {
        guard let principal else { throw .unauthorized("missing bearer token") }
        return principal
    }

    /// The authenticated principal if it is a reviewer, or 403.
    func requireReviewer() throws(SyncError) -> Principal {
        let principal = try requirePrincipal()
        guard principal.isReviewer else {
            throw .forbidden(
                "only a reviewer token may use this endpoint; a head's replica sees its conflicts by syncing")
        }
        return principal
    }
}
