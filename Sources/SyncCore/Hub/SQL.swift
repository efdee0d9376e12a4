/// A statement and the values bound to it, each written where it appears:
///
///     try sql.fetchOne("SELECT digest FROM sync_received WHERE replica_id = \(replicaID) AND seq = \(seq)")
///
/// An interpolated value becomes a placeholder and is bound, never spliced into the text;
/// SQL text from elsewhere (a column list declared once, a table's quoted name) goes in
/// only when it says so: `\(raw: Self.logColumns)`, `\(identifier: table.name)`. So the
/// placeholders and their values cannot fall out of step, and no value can change what a
/// statement says. (The shape of GRDB's `SQL` and PostgresNIO's `PostgresQuery`.)
package struct SQL: Sendable, ExpressibleByStringInterpolation {
    /// The statement's text, with a `?` for each bound value.
    package private(set) var text: String
    /// The bound values, in the order of their `?`.
    package private(set) var arguments: [SQLValue]

    package init(stringLiteral text: String) {
        self.text = text
        arguments = []
    }

    package init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
        arguments = stringInterpolation.arguments
    }

    /// A statement whose text was made elsewhere and holds no placeholder of its own.
    package init(raw text: String) {
        self.text = text
        arguments = []
    }

    /// A statement generated from a table's declaration together with its values: one
    /// placeholder per declared column, the values in the same order (`TableSpec.insertStatement`).
    init(generated text: String, values: [SQLValue]) {
        self.text = text
        arguments = values
    }

    /// This statement followed by `other` (a condition added, a clause): their values in order.
    package mutating func append(_ other: SQL) {
        text += other.text
        arguments += other.arguments
    }

    package static func + (lhs: SQL, rhs: SQL) -> SQL {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    package struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        var arguments: [SQLValue] = []

        package init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount)
            arguments.reserveCapacity(interpolationCount)
        }

        package mutating func appendLiteral(_ literal: String) { text += literal }

        /// A value, bound.
        package mutating func appendInterpolation(_ value: SQLValue) {
            text += "?"
            arguments.append(value)
        }

        package mutating func appendInterpolation(_ value: String) { appendInterpolation(SQLValue.text(value)) }
        package mutating func appendInterpolation(_ value: String?) { appendInterpolation(SQLValue(value)) }
        package mutating func appendInterpolation(_ value: Int64) { appendInterpolation(SQLValue.integer(value)) }
        package mutating func appendInterpolation(_ value: Int64?) { appendInterpolation(SQLValue(value)) }
        package mutating func appendInterpolation(_ value: Int) { appendInterpolation(SQLValue(value)) }
        package mutating func appendInterpolation(_ value: Bool) { appendInterpolation(SQLValue(value)) }
        package mutating func appendInterpolation(_ value: Double) { appendInterpolation(SQLValue.real(value)) }
        package mutating func appendInterpolation(_ value: [UInt8]) { appendInterpolation(SQLValue.blob(value)) }
        package mutating func appendInterpolation(_ value: SyncValue) { appendInterpolation(SQLValue(value)) }

        /// A part of a statement, with its own bound values.
        package mutating func appendInterpolation(_ fragment: SQL) {
            text += fragment.text
            arguments += fragment.arguments
        }

        /// Values, bound, separated by commas: `IN (\(list: ids))`.
        package mutating func appendInterpolation(list values: [String]) {
            for (index, value) in values.enumerated() {
                if index > 0 { text += ", " }
                appendInterpolation(value)
            }
        }

        /// A name (a table's, a column's), quoted: `"name"`.
        package mutating func appendInterpolation(identifier name: String) {
            text += "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }

        /// SQL text the program wrote itself (a column list, a clause chosen by engine, a
        /// number it computed), as is. Never a value that came from outside.
        package mutating func appendInterpolation(raw text: some CustomStringConvertible) {
            self.text += text.description
        }
    }
}
