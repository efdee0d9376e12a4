import GRDB

/// One replicated field value: the SQLite storage classes the schema uses.
///
/// Text compares byte for byte (UTF-8), not by Unicode canonical equivalence, so that a
/// name typed precomposed on one device and decomposed on another stays as entered.
package enum SyncValue: Sendable, Codable, CustomStringConvertible {
    /// SQL NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text, kept byte for byte.
    case text(String)

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let int = try? container.decode(Int64.self) {
            self = .integer(int)
        } else if let double = try? container.decode(Double.self) {
            self = .real(double)
        } else if let string = try? container.decode(String.self) {
            self = .text(string)
        } else if let bool = try? container.decode(Bool.self) {
            self = .integer(bool ? 1 : 0)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected null, a finite number or a string")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }

    /// Whether this is SQL NULL.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The text, if this is text.
    package var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The number as a whole number, if this is one (a real without a fraction included).
    package var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .real(let value): Int64(exactly: value)
        default: nil
        }
    }

    /// The number as a double, if this is a number.
    package var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    package var description: String {
        switch self {
        case .null: "null"
        case .integer(let value): String(value)
        case .real(let value): SyncValue.format(value)
        case .text(let value): value
        }
    }

    /// A double printed without a trailing `.0` when it is whole.
    package static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// Numbers compare by value, as in SQLite (`100 = 100.0`): JSON does not keep a whole
/// double apart from an integer, and a REAL column stores both alike.
extension SyncValue: Hashable {
    package static func == (lhs: SyncValue, rhs: SyncValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.integer(let a), .integer(let b)): a == b
        case (.real(let a), .real(let b)): a == b
        case (.integer(let a), .real(let b)), (.real(let b), .integer(let a)): Double(a) == b && Int64(exactly: b) == a
        case (.text(let a), .text(let b)): a.utf8.elementsEqual(b.utf8)
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .integer(let value): hasher.combine(1); hasher.combine(value)
        case .real(let value):
            if let whole = Int64(exactly: value) {
                hasher.combine(1); hasher.combine(whole)
            } else {
                hasher.combine(2); hasher.combine(value)
            }
        case .text(let value):
            hasher.combine(3)
            for byte in value.utf8 { hasher.combine(byte) }
        }
    }
}

extension SyncValue: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        }
    }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> SyncValue? {
        switch dbValue.storage {
        case .null: .null
        case .int64(let value): .integer(value)
        case .double(let value): .real(value)
        case .string(let value): .text(value)
        case .blob: nil
        }
    }
}

/// A row's values keyed by column name.
package typealias SyncRow = [String: SyncValue]
