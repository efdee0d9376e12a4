import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// How many connections each client address holds now, against the most one address may
/// hold (`HubServerLimits.maxConnectionsPerAddress`), shared by every connection of a
/// server. One client cannot take every connection the hub accepts and lock out the rest.
final class AddressShare: Sendable {
    let limit: Int
    let loopbackCounted: Bool
    private let held = Mutex<[String: Int]>([:])

    init(limit: Int, loopbackCounted: Bool) {
        self.limit = limit
        self.loopbackCounted = loopbackCounted
    }

    /// Counts a connection from `address`; false (and not counted) when it already holds
    /// `limit`.
    func take(_ address: String) -> Bool {
        held.withLock { held in
            let count = held[address, default: 0]
            guard count < limit else { return false }
            held[address] = count + 1
            return true
        }
    }

    /// A counted connection from `address` closed.
    func give(_ address: String) {
        held.withLock { held in
            let count = held[address, default: 0] - 1
            held[address] = count > 0 ? count : nil
        }
    }
}

/// Answers the first request of a connection beyond its address's share with 429 naming the
/// limit, then closes it; the others pass untouched.
final class AddressShareHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let share: AddressShare
    /// The address counted for this connection (nil: not counted).
    private var counted: String?
    private var refused = false

    init(share: AddressShare) { self.share = share }

    /// 127.0.0.0/8, ::1, and 127.0.0.0/8 mapped into IPv6 (::ffff:127.x.x.x).
    static func isLoopback(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4(let v4): return UInt32(bigEndian: v4.address.sin_addr.s_addr) >> 24 == 127
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }) else { return false }
            let loopback6 = bytes[10..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
            let mapped4 = bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
            return loopback6 || mapped4
        case .unixDomainSocket: return true
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // A connection without an IP address (a Unix socket) is not counted, nor one from
        // loopback unless the server says so (a reverse proxy speaks for many clients).
        guard let remote = context.channel.remoteAddress, let address = remote.ipAddress,
            share.loopbackCounted || !Self.isLoopback(remote)
        else { return }
        if share.take(address) { counted = address } else { refused = true }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if let counted { share.give(counted) }
        counted = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refused else { return context.fireChannelRead(data) }
        guard case .head = unwrapInboundIn(data) else { return }
        let body = ByteBuffer(
            string:
                #"{"error":{"code":"too_many_requests","message":"this address already holds \#(share.limit) connections to the hub (the most one address may hold): close one, or try again in a moment"}}"#
        )
        var head = HTTPResponse(status: .tooManyRequests)
        head.headerFields[.contentType] = "application/json"
        head.headerFields[.contentLength] = String(body.readableBytes)
        head.headerFields[.connection] = "close"
        head.headerFields[.retryAfter] = "5"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
