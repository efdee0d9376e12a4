/// Who a table's rows belong to.
package enum TableScope: Sendable, Hashable {
    /// Commune reference rows (`hamlets`, `criteria`): written by commune staff, read by all.
    case commune
    /// Rows of one hamlet, with a `hamlet_id` column: written by that hamlet's head.
    case hamlet
}

/// A rule that spans several columns of a row.
package enum RowRule: Sendable, Hashable {
    /// At least one of these columns holds a value.
    case oneOf([String])
    /// When `column` equals `value`, `wholeColumn` holds a whole number (VND amounts).
    case wholeNumberWhen(column: String, equals: String, wholeColumn: String)
    /// `limited` is at most `maximum` unless `column` equals `value` (amounts other than
    /// money).
    case atMostUnless(limited: String, maximum: Double, column: String, equals: String)

    /// The columns the rule reads.
    var columns: [String] {
        switch self {
        case .oneOf(let names): names
        case .wholeNumberWhen(let column, _, let wholeColumn): [column, wholeColumn]
        case .atMostUnless(let limited, _, let column, _): [limited, column]
        }
    }
}

/// One replicated table: its columns beyond `id`, its scope and its row rules.
package struct TableSpec: Sendable, Hashable {
    /// The SQL table name.
    package let name: String
    /// Whether rows belong to the commune or to one hamlet.
    package let scope: TableScope
    /// Columns beyond `id`, `hamlet_id` first for hamlet tables.
    package let columns: [ColumnSpec]
    /// Rules across columns.
    package let rowRules: [RowRule]
    /// The schema version that added the table (1: from the start).
    package let since: Int

    /// Every column name, `id` first.
    package let columnNames: [String]
    /// Each column's default in `columnNames`' order (null where none): what a row
    /// written before the column existed holds in it.
    let columnDefaults: [SyncValue]
    /// `INSERT` of every column, and the same replacing a row of the same id.
    let insertSQL: String
    let upsertSQL: String

    /// The name of the primary key column of every replicated table.
    package static let idColumn = "id"
    /// The name of the scope column of hamlet tables.
    package static let scopeColumn = "hamlet_id"

    /// Declares a table; hamlet tables get their `hamlet_id` column here.
    package init(
        _ name: String, scope: TableScope, columns: [ColumnSpec], rowRules: [RowRule] = [], since: Int = 1
    ) {
        self.name = name
        self.scope = scope
        self.since = since
        let scopeColumns =
            scope == .hamlet ? [ColumnSpec(TableSpec.scopeColumn, .text, required: true, text: .reference)] : []
        self.columns = scopeColumns + columns
        self.rowRules = rowRules
        let names = [TableSpec.idColumn] + self.columns.map(\.name)
        self.columnNames = names
        self.columnDefaults = [.null] + self.columns.map { $0.defaultValue ?? .null }
        self.insertSQL = """
            INSERT INTO "\(name)" (\(names.map { "\"\($0)\"" }.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))
            """
        self.upsertSQL =
            insertSQL + " ON CONFLICT(id) DO UPDATE SET "
            + self.columns.map { "\"\($0.name)\" = excluded.\"\($0.name)\"" }.joined(separator: ", ")
    }

    /// The table as schema version `version` has it: only the columns it knows, and the
    /// row rules over those. Nil when the table came later.
    package func at(version: Int) -> TableSpec? {
        guard since <= version else { return nil }
        let known = columns.filter { $0.since <= version }
        guard known.count < columns.count else { return self }
        let names = Set(known.map(\.name))
        return TableSpec(
            name, scope: scope, columns: known.filter { $0.name != TableSpec.scopeColumn },
            rowRules: rowRules.filter { Set($0.columns).isSubset(of: names) }, since: since)
    }

    /// The column called `name`, if declared.
    package func column(_ name: String) -> ColumnSpec? {
        columns.first { $0.name == name }
    }

    /// Whether any column needs a reviewer on concurrent edits; such rows also open a
    /// conflict when a delete races an update.
    package var hasReviewColumns: Bool {
        columns.contains { $0.policy == .review }
    }
}
