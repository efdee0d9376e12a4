/// Drafts, from the schema declaration, the SQL that takes the replicated tables from one
/// schema version to the next: new tables whole, new columns by `ALTER TABLE … ADD
/// COLUMN`, and on replicas the capture and plausible-value triggers of every changed
/// table rebuilt (they list the columns). A developer reviews the draft and freezes it as
/// a new migration (docs/architecture.md, "Adding a column or a table"); it is never run
/// as drafted, so later changes to this code cannot alter a shipped migration.
package enum MigrationDraft {
    /// The tables and columns version `version` adds to the one before it.
    package static func replicatedTables(addedIn version: Int) -> String {
        var statements: [String] = []
        for table in SchemaView.current.tables {
            guard let now = table.at(version: version) else { continue }
            guard let before = table.at(version: version - 1) else {
                statements.append(now.createTableSQL)
                continue
            }
            let known = Set(before.columnNames)
            for column in now.columns where !known.contains(column.name) {
                statements.append("ALTER TABLE \"\(table.name)\" ADD COLUMN \(column.definitionSQL)")
            }
        }
        return statements.map { $0 + ";\n" }.joined()
    }

    /// The replica's triggers that version `version` changes (they list a table's columns):
    /// each dropped where it existed, and created anew.
    package static func replicaTriggers(changedIn version: Int) -> String {
        var statements: [String] = []
        for table in SchemaView.current.tables {
            guard let now = table.at(version: version) else { continue }
            let before = table.at(version: version - 1).map(ReplicaTriggers.all(for:)) ?? []
            let old = Dictionary(zip(ReplicaTriggers.names(of: before), before)) { first, _ in first }
            let new = ReplicaTriggers.all(for: now)
            for (name, sql) in zip(ReplicaTriggers.names(of: new), new) where old[name] != sql {
                if old[name] != nil { statements.append("DROP TRIGGER \(name)") }
                statements.append(sql)
            }
        }
        return statements.map { $0 + ";\n" }.joined()
    }
}
