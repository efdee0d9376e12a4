import CompressNIO
import Foundation
import NIOCore

/// How protocol values travel: JSON bodies, gzip-compressed both ways, within size limits.
package enum Wire {
    /// The most bytes a request or response body may take on the wire. Default: 8 MiB.
    package static let maxWireBytes = 8 << 20
    /// The most bytes a response body may take once decompressed, as a client reads it:
    /// far more than the hub's largest pull page (`PlausibleValues.maxPullPageBytes`).
    /// Default: 32 MiB.
    package static let maxBodyBytes = 32 << 20
    /// The most bytes a request body may take once decompressed, as the hub reads it: a
    /// client's largest push page (`PlausibleValues.maxPushPageBytes`) and then some.
    /// Default: 8 MiB.
    package static let maxRequestBodyBytes = 8 << 20
    /// The content type of every body.
    package static let contentType = "application/json; charset=utf-8"

    /// `value` as JSON.
    package static func encode<T: Encodable>(_ value: T) throws(SyncError) -> ByteBuffer {
        if let value = value as? any FastJSONEncodable {
            var writer = JSONWriter(capacity: 4096)
            try value.write(to: &writer)
            return ByteBuffer(bytes: writer.bytes)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return ByteBuffer(bytes: try encoder.encode(value))
        } catch {
            throw .storage("cannot encode \(T.self): \(error)")
        }
    }

    /// Decodes JSON, with a message that names the offending key path.
    package static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws(SyncError) -> T {
        // The fast path reads well-formed bodies; anything it cannot read is read again by
        // Foundation, so that a bad body gets Foundation's message with its key path.
        var fastError: SyncError?
        if let fast = T.self as? any FastJSONDecodable.Type {
            var reader = JSONReader(bytes: Array(buffer.readableBytesView))
            do {
                let value = try fast.init(from: &reader)
                try reader.end()
                if let value = value as? T { return value }
            } catch {
                fastError = error
            }
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            let message = describe(error)
            // Where Foundation only says "invalid JSON" (nesting too deep, a number out of
            // range), the fast reader's own refusal names the field.
            if message == "invalid JSON", let fastError, fastError.kind == .invalidInput {
                throw .malformed("invalid JSON: \(fastError.message)")
            }
            throw .malformed(message)
        } catch {
            throw .malformed("invalid JSON: \(error)")
        }
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
        var input = buffer
        do {
            return try input.compress(with: .gzip())
        } catch {
            throw .storage("cannot compress: \(error)")
        }
    }

    /// Decompresses a gzip body: one whole gzip member, trailer checked, nothing after
    /// it; refuses one that would exceed `maxSize` bytes.
    package static func gunzip(_ buffer: ByteBuffer, maxSize: Int = maxBodyBytes) throws(SyncError) -> ByteBuffer {
        try Gzip.decompress(buffer, maxSize: maxSize)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            let joined = keys.joined().drop { $0 == "." }
            return joined.isEmpty ? "body" : String(joined)
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(describe(type))"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(describe(type)), got null"
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return parent == "body" ? "missing field \(key.stringValue)" : "\(parent): missing field \(key.stringValue)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default: return "invalid JSON"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: "\(type)".lowercased()
        }
    }
}
