extension ReplicatedSchema {
    /// Wall-clock milliseconds since 1970 in SQL, from SQLite's own clock.
    static let sqliteNowMilliseconds = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

    /// A UUIDv7 in SQL, the default id of rows inserted without one (from the `sqlite3`
    /// shell, say).
    static let uuidv7SQL: String = {
        let hexTime = "printf('%012x', \(sqliteNowMilliseconds))"
        return """
            lower(substr(\(hexTime), 1, 8) || '-' || substr(\(hexTime), 9, 4) || '-7' || \
            substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || \
            substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))
            """
    }()
}

extension TableSpec {
    /// `CREATE TABLE` for this table, the same on replicas and on the hub, with CHECK
    /// constraints that mirror the validation so that even raw SQL writes stay valid.
    package var createTableSQL: String {
        var lines = [
            """
            "id" TEXT PRIMARY KEY NOT NULL DEFAULT (\(ReplicatedSchema.uuidv7SQL)) \
            CHECK (typeof("id") = 'text' AND length("id") > 0)
            """
        ]
        lines += columns.map(\.definitionSQL)
        return "CREATE TABLE \"\(name)\" (\n  \(lines.joined(separator: ",\n  "))\n)"
    }
}

extension ColumnSpec {
    /// The column's definition in `CREATE TABLE` (or `ALTER TABLE … ADD COLUMN`).
    package var definitionSQL: String {
        let quoted = "\"\(name)\""
        var parts = [quoted, kind.sqlType]
        if isRequired { parts.append("NOT NULL") }
        if let defaultValue { parts.append("DEFAULT \(defaultValue.sqlLiteral)") }
        var checks: [String]
        switch kind {
        case .text: checks = ["typeof(\(quoted)) = 'text'"]
        case .integer: checks = ["typeof(\(quoted)) = 'integer'"]
        case .real: checks = ["typeof(\(quoted)) IN ('real', 'integer')"]
        case .boolean: checks = ["\(quoted) IN (0, 1)"]
        case .date: checks = ["typeof(\(quoted)) = 'text'", "date(\(quoted), '+0 days') IS \(quoted)"]
        case .enumeration(let values):
            checks = ["\(quoted) IN (\(values.map { SyncValue.text($0).sqlLiteral }.joined(separator: ", ")))"]
        }
        switch rule {
        case .positive: checks.append("\(quoted) > 0")
        case .nonNegative: checks.append("\(quoted) >= 0")
        case .range(let range): checks.append("\(quoted) BETWEEN \(range.lowerBound) AND \(range.upperBound)")
        case nil: break
        }
        let condition = checks.joined(separator: " AND ")
        parts.append(isRequired ? "CHECK (\(condition))" : "CHECK (\(quoted) IS NULL OR (\(condition)))")
        return parts.joined(separator: " ")
    }
}

extension SyncValue {
    /// The value as an SQL literal.
    package var sqlLiteral: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "'\(value.replacingOccurrences(of: "'", with: "''"))'"
        }
    }
}
