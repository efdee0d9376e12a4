import GRDB

/// Finds a hamlet by what a person types: its id, or its exact name (compared as Unicode
/// text, so a name typed with composed or decomposed diacritics matches either way).
package enum HamletLookup {
    /// The id of the hamlet `text` names in `db`'s `hamlets` table.
    static func resolve(_ text: String, in db: Database) throws -> String {
        try resolve(text, in: SQLiteTransaction(db))
    }

    /// The same, on either hub store.
    static func resolve(_ text: String, in sql: any SQLTransaction) throws -> String {
        let hamlets = try sql.fetchAll("SELECT id, name FROM hamlets ORDER BY name, id").map {
            (id: try $0.text("id"), name: try $0.optionalText("name") ?? "")
        }
        return try resolve(text, among: hamlets)
    }

    /// The id of the hamlet `text` names among `hamlets`: an id, a name only one hamlet has,
    /// or the start of only one id.
    package static func resolve(_ text: String, among hamlets: [(id: String, name: String)]) throws(SyncError) -> String
    {
        if hamlets.contains(where: { $0.id == text }) { return text }
        let named = hamlets.filter { $0.name == text }
        if named.count == 1, let hamlet = named.first { return hamlet.id }
        if named.count > 1 {
            throw .invalidValue(
                table: "hamlets", column: "hamlet",
                "\(named.count) hamlets are named '\(text)'; give the id: \(named.map(\.id).joined(separator: ", "))")
        }
        if let id = try RowLookup.byPrefix(text, among: hamlets, table: "hamlets", column: "hamlet") { return id }
        let known = hamlets.prefix(20).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        throw .invalidValue(
            table: "hamlets", column: "hamlet",
            "no hamlet has the id or name '\(text)'" + (known.isEmpty ? "; sync first" : "; known: \(known)"))
    }
}

/// Rows named as people name them: by id, or by the start of one (as git takes commit ids).
package enum RowLookup {
    /// The least a prefix must hold: the first 8 characters of a UUIDv7 are its minute.
    package static let minimumPrefix = 4

    /// The id `text` names among `rows` (each an id and a name to show): the id, or the
    /// start of exactly one id; an error naming the candidates otherwise.
    package static func resolve(
        _ text: String, among rows: [(id: String, name: String)], table: String, column: String = "id"
    ) throws(SyncError) -> String {
        if rows.contains(where: { $0.id == text }) { return text }
        if let id = try byPrefix(text, among: rows, table: table, column: column) { return id }
        throw .invalidValue(table: table, column: column, "no row has an id starting with '\(text)'")
    }

    /// The one id starting with `text`, nil when none does; an error when several do.
    static func byPrefix(
        _ text: String, among rows: [(id: String, name: String)], table: String, column: String
    ) throws(SyncError) -> String? {
        let typed = text.lowercased()
        guard typed.utf8.count >= minimumPrefix else {
            if rows.contains(where: { $0.id.hasPrefix(typed) }) {
                throw .invalidValue(
                    table: table, column: column,
                    "'\(text)' is too short: give at least \(minimumPrefix) characters of the id")
            }
            return nil
        }
        let matches = rows.filter { $0.id.hasPrefix(typed) }
        guard matches.count <= 1 else {
            let short = shortIDs(rows.map(\.id))
            let listed = matches.prefix(10).map { "\(short[$0.id] ?? $0.id) \($0.name)" }.joined(separator: ", ")
            throw .invalidValue(
                table: table, column: column, "\(matches.count) rows have ids starting with '\(text)': \(listed)")
        }
        return matches.first?.id
    }

    /// For each id, the shortest start (at least 8 characters) that no other id shares.
    package static func shortIDs(_ ids: [String]) -> [String: String] {
        let sorted = Array(Set(ids)).sorted()
        var result: [String: String] = [:]
        func common(_ a: String, _ b: String) -> Int { zip(a, b).prefix { $0 == $1 }.count }
        for (index, id) in sorted.enumerated() {
            var needed = 0
            if index > 0 { needed = max(needed, common(id, sorted[index - 1]) + 1) }
            if index + 1 < sorted.count { needed = max(needed, common(id, sorted[index + 1]) + 1) }
            result[id] = String(id.prefix(max(8, needed)))
        }
        return result
    }
}

extension Replica {
    /// The id of the hamlet `text` names on this replica (its id, or its exact name).
    package func hamletID(named text: String) throws -> String {
        try writer.read { db in try HamletLookup.resolve(text, in: db) }
    }
}

extension Replica {
    /// For each of `ids`, the shortest start (at least 8 characters) that no other id on this
    /// replica shares, whatever its table, nor any conflict's: what every list and message
    /// shows, and what `history` and the record commands take back.
    package func shortIDs(_ ids: [String]) throws -> [String: String] {
        let all = try writer.read { db in
            var all: [String] = []
            for table in schema.tables {
                all += try String.fetchAll(db, sql: "SELECT id FROM \"\(table.name)\"")
            }
            return all + (try String.fetchAll(db, sql: "SELECT id FROM sync_conflicts"))
        }
        let short = RowLookup.shortIDs(all + ids)
        return Dictionary(ids.map { ($0, short[$0] ?? $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The id of the `table` row `text` names: its id or the start of one.
    package func rowID(_ text: String, in table: String) throws -> String {
        let spec = try schema.table(table)
        let label = spec.labelColumn
        let rows = try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id\(label.map { ", \"\($0)\" AS label" } ?? "") FROM \"\(table)\""
            )
            .map { (id: try $0.checked("id") as String, name: ((try? $0.checked("label") as String?) ?? nil) ?? "") }
        }
        return try RowLookup.resolve(text, among: rows, table: table)
    }
}
