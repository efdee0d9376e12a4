import GRDB

/// Finds a hamlet by what a person types: its id, or its exact name (compared as Unicode
/// text, so a name typed with composed or decomposed diacritics matches either way).
package enum HamletLookup {
    /// The id of the hamlet `text` names in `db`'s `hamlets` table.
    static func resolve(_ text: String, in db: Database) throws -> String {
        let hamlets = try Row.fetchAll(db, sql: "SELECT id, name FROM hamlets ORDER BY name, id").map {
            (id: try $0.checked("id") as String, name: (try $0.checked("name") as String?) ?? "")
        }
        return try resolve(text, among: hamlets)
    }

    /// The id of the hamlet `text` names among `hamlets`: an id, or a name only one hamlet has.
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
        let known = hamlets.prefix(20).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        throw .invalidValue(
            table: "hamlets", column: "hamlet",
            "no hamlet has the id or name '\(text)'" + (known.isEmpty ? "; sync first" : "; known: \(known)"))
    }
}

extension Replica {
    /// The id of the hamlet `text` names on this replica (its id, or its exact name).
    package func hamletID(named text: String) throws -> String {
        try writer.read { db in try HamletLookup.resolve(text, in: db) }
    }
}
