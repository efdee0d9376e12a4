import Foundation
import Synchronization

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

/// UUIDv7-shaped ids from a clock and a seeded random generator: the same seed and clock
/// readings give the same ids, so a simulation replays exactly.
package final class SeededIDGenerator: IDGenerator {
    private let clock: any WallClock
    private let state: Mutex<UInt64>

    /// Ids from `seed`, stamped with `clock`'s time.
    package init(seed: UInt64, clock: any WallClock) {
        self.clock = clock
        self.state = Mutex(seed)
    }

    package func makeID() -> String {
        let ms = UInt64(max(0, clock.nowMilliseconds()))
        let (high, low) = state.withLock { state -> (UInt64, UInt64) in
            (SplitMix64.next(&state), SplitMix64.next(&state))
        }
        let a = (ms << 16) | 0x7000 | (high & 0x0FFF)
        let b = 0x8000_0000_0000_0000 | (low & 0x3FFF_FFFF_FFFF_FFFF)
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let first = hex(a, 16)
        let second = hex(b, 16)
        let chars = Array(first + second)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    }
}

/// SplitMix64: a small, fast, seedable random generator.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator from `seed`.
    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 { SplitMix64.next(&state) }

    /// Advances `state` and returns the next value.
    package static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
