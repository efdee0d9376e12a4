/// What a text column holds: its longest plausible value and the characters it takes.
///
/// Lengths count Unicode scalars, as SQLite's `length()` counts characters, so that the
/// replica's triggers and the engine's validation agree on every text.
package enum TextShape: Sendable, Hashable {
    /// A person's or place's name: at most 200 characters on one line.
    case name
    /// Other one-line text (an address, a purpose): at most 2,000 characters.
    case line
    /// Free notes: at most 2,000 characters; tab and newline allowed.
    case note
    /// The id of another row: 1 to 128 bytes, no spaces or control characters.
    case reference
    /// A SHA-256 digest: 64 lowercase hexadecimal digits.
    case digest

    /// The most characters (bytes for a reference) a value may have.
    package var maxLength: Int {
        switch self {
        case .name: 200
        case .line, .note: 2_000
        case .reference: PlausibleValues.maxIDBytes
        case .digest: 64
        }
    }

    /// Whether `scalar` is refused in this kind of text: control characters (C0, DEL,
    /// C1) everywhere except tab and newline in notes; spaces too in references.
    package func refuses(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if self == .digest { return !(0x30...0x39).contains(value) && !(0x61...0x66).contains(value) }
        if self == .note, value == 0x09 || value == 0x0A { return false }
        if self == .reference, value == 0x20 { return true }
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// Why `text` is not acceptable, or nil when it is.
    package func problem(with text: String) -> String? {
        if self == .digest {
            return text.utf8.count == 64 && !text.unicodeScalars.contains(where: refuses)
                ? nil : "must be a SHA-256: 64 lowercase hexadecimal digits"
        }
        var count = 0
        for scalar in text.unicodeScalars {
            if refuses(scalar) {
                return self == .note
                    ? "must not contain control characters other than tab and newline"
                    : self == .reference
                        ? "must be an id without spaces or control characters" : "must not contain control characters"
            }
            count += 1
        }
        switch self {
        case .reference:
            if text.isEmpty || text.utf8.count > maxLength { return "must be an id of 1 to \(maxLength) bytes" }
        default:
            if count > maxLength { return "must be at most \(maxLength) characters" }
        }
        return nil
    }
}

/// The plausible values of DESIGN.md §3 that are not a column's own bound, and the limits
/// of ids, stamps and sequence numbers on the wire.
package enum PlausibleValues {
    /// The earliest date a date column takes.
    package static let earliestDate = "1900-01-01"
    /// The latest date a date column takes.
    package static let latestDate = "2100-12-31"
    /// The longest id (row, replica, conflict), in UTF-8 bytes.
    package static let maxIDBytes = 128
    /// The largest change sequence number and log position: 2^53 − 1, exact in any JSON
    /// reader.
    package static let maxSequence: Int64 = 9_007_199_254_740_991
    /// The largest change as JSON text, in bytes: every field at its longest fits.
    package static let maxChangeBytes = 128 << 10
    /// The most bytes of entries one pull page carries (JSON, before compression). A page
    /// holds at least one entry, and one entry is far smaller than this.
    package static let maxPullPageBytes = 4 << 20
    /// The most bytes of changes a client puts in one push (JSON, before compression):
    /// well within the hub's limit on a request body.
    package static let maxPushPageBytes = 4 << 20
    /// The largest money amount, in VND.
    package static let maxMoneyVND: Double = 1_000_000_000_000
    /// The largest amount of anything but money.
    package static let maxOtherAmount: Double = 10_000_000
    /// 2100-01-01T00:00:00Z in milliseconds since 1970: wall-clock times and stamps
    /// beyond it are absurd.
    package static let latestMilliseconds: Int64 = 4_102_444_800_000
    /// The largest plausible hybrid-logical-clock stamp (`latestMilliseconds` packed).
    package static let maxStamp = HLCTimestamp(physicalMilliseconds: latestMilliseconds, logical: 0xFFFF)

    /// Why `id` is not acceptable as a replica, row or conflict id, or nil when it is.
    package static func problem(withID id: String) -> String? {
        TextShape.reference.problem(with: id)
    }
}
