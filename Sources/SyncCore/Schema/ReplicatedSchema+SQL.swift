import GRDB

extension ReplicatedSchema {
    /// Wall-clock milliseconds since 1970 in SQL, from SQLite's own clock.
    static let sqliteNowMilliseconds = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

    /// The characters `trim` removes before a text counts as blank.
    static let blankCharacters = "' ' || char(9, 10, 13)"

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

extension ReplicatedSchema {
    /// Registers the migrations that create the replicated tables, the same on replicas and hub.
    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-replicated-tables") { db in
            for table in tables { try db.execute(sql: table.createTableSQL) }
        }
    }

    /// Conflict records as the hub publishes them; the hub's authoritative copy and each
    /// replica's mirror of those in its scope share this shape.
    static let conflictsTableSQL = """
        CREATE TABLE sync_conflicts (
          id TEXT PRIMARY KEY NOT NULL,
          tbl TEXT NOT NULL,
          row_id TEXT NOT NULL,
          hamlet_id TEXT,
          col TEXT,
          status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
          record TEXT NOT NULL
        )
        """
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
        lines += rowRules.map { "CHECK (\($0.checkSQL))" }
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
        case .text:
            checks = ["typeof(\(quoted)) = 'text'"]
            if isRequired { checks.append("length(trim(\(quoted), \(ReplicatedSchema.blankCharacters))) > 0") }
        case .integer: checks = ["typeof(\(quoted)) = 'integer'"]
        case .real:
            // SQLite reads 1e999 as infinity, which JSON cannot carry; NaN it stores as NULL.
            checks = ["typeof(\(quoted)) IN ('real', 'integer')", "abs(\(quoted)) <= 1.7976931348623157e308"]
        case .boolean: checks = ["\(quoted) IN (0, 1)"]
        case .date:
            checks = [
                "typeof(\(quoted)) = 'text'", "date(\(quoted), '+0 days') IS \(quoted)",
                "\(quoted) >= '\(CalendarDate.earliestYear)-01-01'",
            ]
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

extension RowRule {
    /// The rule as an SQL table constraint.
    var checkSQL: String {
        switch self {
        case .oneOf(let names):
            names.map { "length(trim(coalesce(\"\($0)\", ''), \(ReplicatedSchema.blankCharacters))) > 0" }
                .joined(separator: " OR ")
        case .wholeNumberWhen(let column, let value, let wholeColumn):
            "\"\(column)\" IS NOT \(SyncValue.text(value).sqlLiteral) OR \"\(wholeColumn)\" = CAST(\"\(wholeColumn)\" AS INTEGER)"
        }
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
