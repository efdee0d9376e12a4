/// A hybrid logical clock stamp packed in one integer: wall-clock milliseconds in the high
/// 48 bits, a logical counter in the low 16.
///
/// Packing makes stamps compare as integers, in Swift and in SQL alike; the replica's
/// capture triggers compute stamps with the same arithmetic.
package struct HLCTimestamp: RawRepresentable, Comparable, Hashable, Sendable, Codable,
    CustomStringConvertible
{
    /// The packed stamp: `physicalMilliseconds << 16 | logical`.
    package let rawValue: Int64

    /// Wraps a packed stamp.
    package init(rawValue: Int64) { self.rawValue = rawValue }

    /// Packs wall-clock milliseconds and a logical counter.
    package init(physicalMilliseconds: Int64, logical: Int64 = 0) {
        self.rawValue = physicalMilliseconds << 16 | (logical & 0xFFFF)
    }

    /// The zero stamp, before every other.
    package static let zero = HLCTimestamp(rawValue: 0)

    /// Wall-clock milliseconds since 1970.
    package var physicalMilliseconds: Int64 { rawValue >> 16 }

    /// The logical counter among stamps of the same millisecond.
    package var logical: Int64 { rawValue & 0xFFFF }

    package static func < (lhs: HLCTimestamp, rhs: HLCTimestamp) -> Bool { lhs.rawValue < rhs.rawValue }

    package init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    package var description: String { "\(physicalMilliseconds).\(logical)" }
}
