import Foundation

/// JSON text as stored in SQLite columns (log entries, audit values, conflict records).
package enum JSONText {
    /// Encodes `value` with sorted keys, so equal values give equal text.
    package static func foundationEncode<T: Encodable>(_ value: T) throws(SyncError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .storage("cannot encode \(T.self): \(error)")
        }
    }

    /// Decodes `text` as `T`.
    package static func foundationDecode<T: Decodable>(_ type: T.Type, from text: String) throws(SyncError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw .storage("cannot decode \(T.self): \(error)")
        }
    }

    /// A stable 64-bit FNV-1a digest of `value`'s JSON text, to tell a repeated change
    /// from a different change reusing its id.
    package static func digest<T: Encodable>(_ value: T) throws(SyncError) -> String {
        fnv1a(try foundationEncode(value))
    }

    package static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
