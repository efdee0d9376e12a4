import Foundation

/// A body that crosses the wire (an HTTP request or answer, a bundle file) as JSON.
///
/// Each body type declares this conformance, and with it how its text is written: the
/// hot bodies, which carry changes and log entries by the thousand, are also
/// `FastJSONEncodable` and get `JSONWriter` (the same text as Foundation's, much faster);
/// the rest get Foundation's `JSONEncoder`. The choice is made once, when the conformance
/// is declared, not looked up at each call.
package protocol WireEncodable: Encodable {
    /// The body's JSON text.
    func wireJSON() throws(SyncError) -> [UInt8]
}

/// A body read from the wire; see `WireEncodable`. A text the fast reader cannot read is
/// read again by Foundation, so that bad input gets an error naming its key path.
package protocol WireDecodable: Decodable {
    /// The body in `bytes`, or an error naming what is wrong with it.
    static func fromWireJSON(_ bytes: [UInt8]) throws(SyncError) -> Self
}

package typealias WireCodable = WireEncodable & WireDecodable

extension WireEncodable {
    package func wireJSON() throws(SyncError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw .storage("cannot encode \(Self.self): \(error)")
        }
    }
}

extension WireEncodable where Self: FastJSONEncodable {
    package func wireJSON() throws(SyncError) -> [UInt8] {
        var writer = JSONWriter(capacity: 4096)
        try write(to: &writer)
        return writer.bytes
    }
}

extension WireDecodable {
    package static func fromWireJSON(_ bytes: [UInt8]) throws(SyncError) -> Self {
        try WireJSON.foundationDecode(Self.self, from: bytes, fastError: nil)
    }
}

extension WireDecodable where Self: FastJSONDecodable {
    package static func fromWireJSON(_ bytes: [UInt8]) throws(SyncError) -> Self {
        var reader = JSONReader(bytes: bytes)
        let fastError: SyncError
        do {
            let value = try Self(from: &reader)
            try reader.end()
            return value
        } catch {
            fastError = error
        }
        return try WireJSON.foundationDecode(Self.self, from: bytes, fastError: fastError)
    }
}

/// How big a body may be: on the wire (an HTTP body, a bundle file relayed in one) and
/// once decompressed.
package enum WireLimits {
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
}

/// Wire bodies as bytes.
package enum WireJSON {
    /// `value`'s JSON text, written the way its type chose.
    package static func encode<T: WireEncodable>(_ value: T) throws(SyncError) -> [UInt8] {
        try value.wireJSON()
    }

    /// The body in `bytes`, read the way its type chose.
    package static func decode<T: WireDecodable>(_ type: T.Type, from bytes: [UInt8]) throws(SyncError) -> T {
        try T.fromWireJSON(bytes)
    }

    /// Decodes with Foundation, with a message that names the offending key path.
    static func foundationDecode<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], fastError: SyncError?
    ) throws(SyncError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
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
