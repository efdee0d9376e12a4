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

extension TableSpec {
    /// `CREATE TABLE` for this table, the same on replicas and on the hub, with CHECK
    /// constraints that mirror the validation so that even raw SQL writes stay valid.
    package var createTableSQL: String { createTableSQL(enumerationsAsOr: false) }

    /// `createTableSQL`, with each enumeration's CHECK written as `c = 'a' OR c = 'b' …`
    /// when `enumerationsAsOr`: SQLite checks an `IN (…)` list of three or more through an
    /// ephemeral B-tree built for every row written; the `OR` chain builds none. (Schema
    /// version 4 takes this form; the frozen migrations of versions 1–3 keep `IN`.)
    package func createTableSQL(enumerationsAsOr: Bool) -> String {
        var lines = [
            """
            "id" TEXT PRIMARY KEY NOT NULL DEFAULT (\(ReplicatedSchema.uuidv7SQL)) \
            CHECK (typeof("id") = 'text' AND length("id") > 0)
            """
        ]
        lines += columns.map { $0.definitionSQL(enumerationsAsOr: enumerationsAsOr) }
        lines += rowRules.compactMap { $0.checkSQL.map { "CHECK (\($0))" } }
        return "CREATE TABLE \"\(name)\" (\n  \(lines.joined(separator: ",\n  "))\n)"
    }
}

extension ColumnSpec {
    /// The column's definition in `CREATE TABLE` (or `ALTER TABLE … ADD COLUMN`).
    package var definitionSQL: String { definitionSQL(enumerationsAsOr: false) }

    /// `definitionSQL`, an enumeration's CHECK as an `OR` chain when `enumerationsAsOr`.
    package func definitionSQL(enumerationsAsOr: Bool) -> String {
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
            let literals = values.map { SyncValue.text($0).sqlLiteral }
            checks = [
                enumerationsAsOr
                    ? "(\(literals.map { "\(quoted) = \($0)" }.joined(separator: " OR ")))"
                    : "\(quoted) IN (\(literals.joined(separator: ", ")))"
            ]
        }
        if let rule { checks.append(rule.checkSQL(quoted)) }
        let condition = checks.joined(separator: " AND ")
        parts.append(isRequired ? "CHECK (\(condition))" : "CHECK (\(quoted) IS NULL OR (\(condition)))")
        return parts.joined(separator: " ")
    }
}

extension ValueRule {
    /// The rule on column `quoted` in SQL (the same in SQLite and PostgreSQL).
    package func checkSQL(_ quoted: String) -> String {
        switch self {
        case .positive: "\(quoted) > 0"
        case .nonNegative: "\(quoted) >= 0"
        case .range(let range): "\(quoted) BETWEEN \(range.lowerBound) AND \(range.upperBound)"
        }
    }
}

extension RowRule {
    /// The rule as an SQL table constraint; nil for the plausible bounds, which the
    /// triggers of `plausibleValueTriggers` enforce.
    var checkSQL: String? {
        switch self {
        case .oneOf(let names):
            names.map { "length(trim(coalesce(\"\($0)\", ''), \(ReplicatedSchema.blankCharacters))) > 0" }
                .joined(separator: " OR ")
        case .wholeNumberWhen(let column, let value, let wholeColumn):
            "\"\(column)\" IS NOT \(SyncValue.text(value).sqlLiteral) OR \"\(wholeColumn)\" = CAST(\"\(wholeColumn)\" AS INTEGER)"
        case .atMostUnless: nil
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

// MARK: Plausible values (DESIGN.md §3)

extension TableSpec {
    /// `BEFORE INSERT` and `BEFORE UPDATE` triggers that abort a write of an implausible
    /// value with a message naming its column. Each evaluates one condition per row; the
    /// per-column checks run only when it fails.
    func plausibleValueTriggers(when condition: String) -> [String] {
        let idColumn = ColumnSpec(TableSpec.idColumn, .text, required: true, text: .reference)
        let checks = ([idColumn] + columns).compactMap { column in
            column.plausibleSQL("NEW").map { (column.name, $0, column) }
        }
        let rowChecks = rowRules.compactMap { rule -> (String, String)? in
            guard case .atMostUnless(let limited, let maximum, let column, let equals) = rule else { return nil }
            return (
                "\(name).\(limited): must be at most \(SyncValue.format(maximum)) unless \(column) is \(equals)",
                "NEW.\"\(column)\" IS \(SyncValue.text(equals).sqlLiteral) OR NEW.\"\(limited)\" IS NULL OR NEW.\"\(limited)\" <= \(SyncValue.real(maximum).sqlLiteral)"
            )
        }
        let all =
            checks.map { (message: "\(name).\($0.0): \($0.2.plausibleMessage)", sql: $0.1) }
            + rowChecks.map { (message: $0.0, sql: $0.1) }
        guard !all.isEmpty else { return [] }
        let valid = all.map { "(\($0.sql))" }.joined(separator: " AND ")
        let guardSQL = "\(condition) AND NOT (\(valid))"
        let body = all.map { check in
            "SELECT RAISE(ABORT, \(SyncValue.text(check.message).sqlLiteral)) WHERE NOT (\(check.sql));"
        }.joined(separator: "\n")
        return ["INSERT", "UPDATE"].map { event in
            """
            CREATE TRIGGER sync_plausible_\(event.lowercased())_\(name) BEFORE \(event) ON "\(name)"
            WHEN \(guardSQL)
            BEGIN
            \(body)
            END
            """
        }
    }
}

extension ColumnSpec {
    /// The column's plausible bounds as an SQL condition on `row` (`NEW`); nil when the
    /// type's own CHECK already says everything.
    func plausibleSQL(_ row: String) -> String? {
        let value = "\(row).\"\(name)\""
        let condition: String
        switch kind {
        case .text where text == .digest:
            condition = "length(CAST(\(value) AS BLOB)) = 64 AND \(value) NOT GLOB '*[^0-9a-f]*'"
        case .text:
            // Length in characters (bytes for ids), no control characters by GLOB, and no
            // NUL, which GLOB and length() cannot see, by the bytes.
            let length =
                text == .reference
                ? "length(CAST(\(value) AS BLOB)) BETWEEN 1 AND \(text.maxLength)"
                : "length(\(value)) <= \(text.maxLength)"
            let refused: String
            switch text {
            case .note: refused = "char(1) || '-' || char(8) || char(11) || '-' || char(31)"
            case .reference: refused = "char(1) || '-' || char(32)"
            case .name, .line, .digest: refused = "char(1) || '-' || char(31)"
            }
            condition =
                "\(length) AND \(value) NOT GLOB ('*[' || \(refused) || char(127) || '-' || char(159) || ']*') "
                + "AND instr(CAST(\(value) AS BLOB), X'00') = 0"
        case .integer, .real:
            guard let maximum else { return nil }
            condition = "\(value) <= \(SyncValue.real(maximum).sqlLiteral)"
        case .date:
            condition = "\(value) <= \(SyncValue.text(PlausibleValues.latestDate).sqlLiteral)"
        case .boolean, .enumeration:
            return nil
        }
        return "\(value) IS NULL OR (\(condition))"
    }

    /// What `plausibleSQL` asks, in words.
    var plausibleMessage: String {
        switch kind {
        case .text:
            switch text {
            case .reference: "must be an id of 1 to \(text.maxLength) bytes without spaces or control characters"
            case .note: "must be at most \(text.maxLength) characters, without control characters but tab and newline"
            case .name, .line: "must be at most \(text.maxLength) characters without control characters"
            case .digest: "must be a SHA-256: 64 lowercase hexadecimal digits"
            }
        case .date: "must be between \(PlausibleValues.earliestDate) and \(PlausibleValues.latestDate)"
        default: "must be at most \(maximum.map(SyncValue.format) ?? "")"
        }
    }
}
