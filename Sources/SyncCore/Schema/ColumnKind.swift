/// The type of a replicated column and the values it accepts.
package enum ColumnKind: Sendable, Hashable {
    /// Free text, kept byte for byte.
    case text
    /// A whole number.
    case integer
    /// A number with a fraction.
    case real
    /// An ISO `YYYY-MM-DD` calendar date, stored as text.
    case date
    /// A flag, stored as 0 or 1.
    case boolean
    /// One of a closed set of text values.
    case enumeration([String])

    /// The SQLite column type.
    package var sqlType: String {
        switch self {
        case .integer, .boolean: "INTEGER"
        case .real: "REAL"
        case .text, .date, .enumeration: "TEXT"
        }
    }
}

/// A rule on a column's value beyond its type.
package enum ValueRule: Sendable, Hashable {
    /// Greater than zero (areas, lengths).
    case positive
    /// Zero or more (counts, money).
    case nonNegative
    /// Within a closed range (criterion numbers, years).
    case range(ClosedRange<Int64>)
}
