import GRDB

extension TableSpec {
    /// The row with id `rowID`, if present.
    func fetchRow(_ db: Database, id rowID: String) throws -> SyncRow? {
        try Row.fetchOne(db, cached: "SELECT * FROM \"\(name)\" WHERE id = ?", arguments: [rowID])
            .map(SyncRow.init(databaseRow:))
    }

    /// Every row, ordered by id; only `hamletID`'s for hamlet tables when given.
    func fetchRows(_ db: Database, hamletID: String? = nil) throws -> [SyncRow] {
        if let hamletID, scope == .hamlet {
            return try Row.fetchAll(
                db, cached: "SELECT * FROM \"\(name)\" WHERE hamlet_id = ? ORDER BY id", arguments: [hamletID]
            ).map(SyncRow.init(databaseRow:))
        }
        return try Row.fetchAll(db, cached: "SELECT * FROM \"\(name)\" ORDER BY id").map(SyncRow.init(databaseRow:))
    }

    /// Inserts a complete row; with `replacing`, an existing row of the same id takes its values.
    /// A column the row does not name (it was added after the row was recorded) takes its default.
    func insertRow(_ db: Database, _ row: SyncRow, replacing: Bool = false) throws {
        try db.execute(
            cached: replacing ? upsertSQL : insertSQL,
            arguments: StatementArguments(zip(columnNames, columnDefaults).map { row[$0] ?? $1 }))
    }

    /// Sets some fields of one row.
    func updateRow(_ db: Database, id rowID: String, _ values: SyncRow) throws {
        guard !values.isEmpty else { return }
        let names = values.keys.sorted()
        try db.execute(
            cached: "UPDATE \"\(name)\" SET \(names.map { "\"\($0)\" = ?" }.joined(separator: ", ")) WHERE id = ?",
            arguments: StatementArguments(names.map { values[$0] ?? .null } + [.text(rowID)]))
    }

    /// Deletes one row.
    func deleteRow(_ db: Database, id rowID: String) throws {
        try db.execute(cached: "DELETE FROM \"\(name)\" WHERE id = ?", arguments: [rowID])
    }
}

extension SyncRow {
    /// The row's id ("" when it has none).
    package var id: String { self[TableSpec.idColumn]?.text ?? "" }

    /// The values of a fetched database row; blobs, which the schema never stores, are skipped.
    init(databaseRow: Row) {
        self.init(minimumCapacity: databaseRow.count)
        for (column, dbValue) in databaseRow {
            if let value = SyncValue.fromDatabaseValue(dbValue) { self[column] = value }
        }
    }
}

extension TableSpec {
    /// The column that names a row to people (a name, else the donor, else the date); nil
    /// for tables without one.
    package var labelColumn: String? {
        columns.first { ["name", "head_name", "donor_name", "date"].contains($0.name) }?.name
    }
}

extension TableSpec {
    /// `insertRow` through the hub's SQL (either store).
    func insertRow(_ sql: any HubSQL, _ row: SyncRow, replacing: Bool = false) throws {
        try sql.execute(
            replacing ? upsertSQL : insertSQL, zip(columnNames, columnDefaults).map { SQLValue(row[$0] ?? $1) })
    }

    /// `updateRow` through the hub's SQL.
    func updateRow(_ sql: any HubSQL, id rowID: String, _ values: SyncRow) throws {
        guard !values.isEmpty else { return }
        let names = values.keys.sorted()
        try sql.execute(
            "UPDATE \"\(name)\" SET \(names.map { "\"\($0)\" = ?" }.joined(separator: ", ")) WHERE id = ?",
            names.map { SQLValue(values[$0] ?? .null) } + [.text(rowID)])
    }

    /// `deleteRow` through the hub's SQL.
    func deleteRow(_ sql: any HubSQL, id rowID: String) throws {
        try sql.execute("DELETE FROM \"\(name)\" WHERE id = ?", [.text(rowID)])
    }
}
