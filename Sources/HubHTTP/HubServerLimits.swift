import NIOCore

/// The hub server's limits on connections, time and failed sign-ins (DESIGN.md §5,
/// bounded everywhere): no client can hold the hub's connections, memory or attention.
package struct HubServerLimits: Sendable {
    /// How long a connection may stay without a request, which is also how long a client
    /// has to send a request's head. Default: 30 seconds.
    package var idleTimeout: TimeAmount = .seconds(30)
    /// How long one request may take from its head to the end of its body, however
    /// steadily the bytes trickle in. Default: 120 seconds, enough for a full push page
    /// over a weak 2G link.
    package var requestTimeout: TimeAmount = .seconds(120)
    /// The most connections open at once; further clients wait to be accepted. Default: 256.
    package var maxConnections = 256
    /// The most connections one client address holds at once; a connection beyond it is
    /// answered 429 and closed, so one client cannot keep the others out. Default: half of
    /// `maxConnections` (generous: many phones may reach the hub through one carrier's
    /// address).
    package var maxConnectionsPerAddress: Int?
    /// The share in force.
    var addressShare: Int { max(1, maxConnectionsPerAddress ?? maxConnections / 2) }
    /// Whether connections from a loopback address (127.0.0.0/8, ::1) count against the
    /// share. Default: false, because every client of a hub behind a reverse proxy on the
    /// same machine arrives from loopback, as do local tools and load tests; the cap on all
    /// connections still holds for them.
    package var loopbackCounted = false
    /// The most bytes of request headers. Default: 16 KiB.
    package var maxHeaderBytes = 16 << 10
    /// Pushes and pulls handled at once (their bodies read, decoded and applied); others
    /// wait their turn, so the hub's memory stays bounded. Default: 8.
    package var maxConcurrentSyncRequests = 8
    /// Failed authentications from one client address before it gets 429. Default: 10.
    package var maxFailedAuthentications = 10
    /// The window over which failed authentications count. Default: 60 seconds.
    package var failedAuthenticationWindow: Duration = .seconds(60)

    /// How long a sign-in to the office page lasts. Default: 8 hours.
    package var officeSessionLifetime: Duration = .seconds(8 * 3_600)

    /// The defaults.
    package init() {}
}
