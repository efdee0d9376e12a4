import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOSSL
import SyncCore

/// The hub's TLS (DESIGN.md §7): a certificate and key in PEM files, and a port that
/// answers a plain-HTTP client with a plain-HTTP error saying to use https://, instead of
/// closing on it.
package struct HubTLS: Sendable {
    /// The server's TLS context, built once.
    let context: NIOSSLContext

    /// TLS from a PEM certificate chain (the hub's certificate first) and its PEM private
    /// key; a clear error naming the file when either cannot be used.
    package init(certificateFile: String, keyFile: String) throws(SyncError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(Array(try Self.read(certificateFile, what: "certificate")))
        } catch let error as SyncError {
            throw error
        } catch {
            throw .malformed("--tls-cert \(certificateFile): not a PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        guard !chain.isEmpty else {
            throw .malformed("--tls-cert \(certificateFile): not a PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: Array(try Self.read(keyFile, what: "key")), format: .pem)
        } catch let error as SyncError {
            throw error
        } catch {
            throw .malformed("--tls-key \(keyFile): not a PEM private key (-----BEGIN PRIVATE KEY-----)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .malformed(
                "--tls-key \(keyFile) does not belong to the certificate in --tls-cert \(certificateFile) (\(error))")
        }
    }

    private static func read(_ path: String, what: String) throws(SyncError) -> Data {
        let flag = what == "key" ? "--tls-key" : "--tls-cert"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw .malformed("\(flag) \(path): no such file")
        }
        guard ((attributes[.size] as? NSNumber)?.intValue ?? 0) <= 1 << 20 else {
            throw .tooLarge("\(flag) \(path)", limit: 1 << 20)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .malformed("\(flag) \(path): cannot be read (permissions?)")
        }
        return data
    }

    /// The error body a plain-HTTP request to the TLS port gets.
    static func plainRequestRefusal() -> ByteBuffer {
        let body = #"{"error":{"code":"unavailable","message":"this hub speaks HTTPS only: use an https:// address"}}"#
        return ByteBuffer(
            string: "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n" + body)
    }
}

/// A child channel that speaks TLS to a client whose first byte opens a TLS handshake,
/// and answers anything else with `HubTLS.plainRequestRefusal()`, then closes.
struct TLSOrRefusalChannel<BaseChannel: ServerChildChannel>: ServerChildChannel {
    typealias Value = BaseChannel.Value
    let base: BaseChannel
    let tls: HubTLS

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(TLSSniffer(context: tls.context))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: BaseChannel.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension TLSOrRefusalChannel: HTTPChannelHandler where BaseChannel: HTTPChannelHandler {
    var responder: HTTPChannelHandler.Responder { base.responder }
}

extension ServerChildChannel {
    /// This channel behind `TLSOrRefusalChannel`.
    func withTLSOrRefusal(_ tls: HubTLS) -> any ServerChildChannel {
        TLSOrRefusalChannel(base: self, tls: tls)
    }
}

/// Looks at a connection's first byte: 0x16 (a TLS handshake record) puts TLS in the
/// pipeline; anything else is a plain-HTTP client, which is told to use https://.
final class TLSSniffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private let context: NIOSSLContext
    private var refused = false

    init(context: NIOSSLContext) { self.context = context }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A refused client's further bytes are dropped until it hangs up (or the idle
        // timeout closes the connection).
        guard !refused else { return }
        let buffer = unwrapInboundIn(data)
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return }
        if first == 0x16 {
            do {
                try context.pipeline.syncOperations.addHandler(
                    NIOSSLServerHandler(context: self.context), position: .after(self))
            } catch {
                context.close(promise: nil)
                return
            }
            context.fireChannelRead(data)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        } else {
            // The answer, then the write side closed: the client reads the answer before
            // it sees the connection end, even while it is still sending its request.
            refused = true
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(HubTLS.plainRequestRefusal())).whenComplete { _ in
                channel.close(mode: .output, promise: nil)
            }
        }
    }
}
