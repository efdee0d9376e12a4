import Foundation

/// Makes the text ids of replicated rows, replicas and conflicts.
package protocol IDGenerator: Sendable {
    /// A new, unique, lowercase id.
    func makeID() -> String
}

/// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids made
/// on one device sort by creation time and ids from different devices do not collide.
package struct UUIDv7Generator: IDGenerator {
    private let clock: any WallClock

    /// Ids stamped with `clock`'s time.
    package init(clock: any WallClock = SystemWallClock()) { self.clock = clock }

    package func makeID() -> String {
        let ms = UInt64(max(0, clock.nowMilliseconds()))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: ms >> (8 * (5 - index))) }
        var generator = SystemRandomNumberGenerator()
        for index in 6..<16 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let chars = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    }

    /// Whether `text` is a well-formed UUID (any version), lowercase or uppercase.
    package static func isWellFormed(_ text: String) -> Bool {
        UUID(uuidString: text) != nil
    }
}
