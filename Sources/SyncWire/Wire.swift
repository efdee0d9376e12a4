import NIOCore
import SyncCore

/// How protocol values travel over HTTP, for the hub and the client alike: JSON bodies
/// (`WireEncodable`, `WireDecodable`), gzip-compressed both ways, within size limits.
package enum Wire {
    /// The limits (`WireLimits`), named where HTTP uses them.
    package static let maxWireBytes = WireLimits.maxWireBytes
    package static let maxBodyBytes = WireLimits.maxBodyBytes
    package static let maxRequestBodyBytes = WireLimits.maxRequestBodyBytes
    /// The content type of every body.
    package static let contentType = "application/json; charset=utf-8"

    /// `value` as JSON, written the way its type chose.
    package static func encode<T: WireEncodable>(_ value: T) throws(SyncError) -> ByteBuffer {
        ByteBuffer(bytes: try WireJSON.encode(value))
    }

    /// The body in `buffer`, with a message naming the offending key path when it is bad.
    package static func decode<T: WireDecodable>(_ type: T.Type, from buffer: ByteBuffer) throws(SyncError) -> T {
        try WireJSON.decode(T.self, from: Array(buffer.readableBytesView))
    }

    /// A request body as the hub reads it, given its `Content-Encoding`: unpacked when it is
    /// gzip, and within `maxRequestBodyBytes` either way.
    package static func requestBody(_ raw: ByteBuffer, contentEncoding: String?) throws(SyncError) -> ByteBuffer {
        let plain: ByteBuffer
        switch contentEncoding?.lowercased() {
        case nil, "identity": plain = raw
        case "gzip": plain = try gunzip(raw, maxSize: maxRequestBodyBytes)
        case let other?:
            let shown = String(other.prefix(40).unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
            throw .malformed("unsupported Content-Encoding \(shown); send gzip or identity")
        }
        guard plain.readableBytes <= maxRequestBodyBytes else {
            throw .tooLarge("the request body", limit: maxRequestBodyBytes)
        }
        return plain
    }

    /// Gzip-compresses a body.
    package static func gzip(_ buffer: ByteBuffer) throws(SyncError) -> ByteBuffer {
        ByteBuffer(bytes: try buffer.withUnsafeReadableBytes { bytes throws(SyncError) in try Gzip.compress(bytes) })
    }

    /// Decompresses a gzip body: one whole gzip member, trailer checked, nothing after
    /// it; refuses one that would exceed `maxSize` bytes.
    package static func gunzip(_ buffer: ByteBuffer, maxSize: Int = maxBodyBytes) throws(SyncError) -> ByteBuffer {
        var output = ByteBuffer()
        try buffer.withUnsafeReadableBytes { bytes throws(SyncError) in
            try Gzip.decompress(bytes, maxSize: maxSize) { output.writeBytes($0) }
        }
        return output
    }
}
