import GRDB

extension TableSpec {
    // The replica's file and the hub's store read and write rows through one implementation
    // (`SQLTransaction`); these take a replica's GRDB connection.

    /// The row with id `rowID`, if present.
    func fetchRow(_ db: Database, id rowID: String) throws -> SyncRow? {
        try fetchRow(SQLiteTransaction(db), id: rowID)
    }

    /// Every row, ordered by id; only `hamletID`'s for hamlet tables when given.
    func fetchRows(_ db: Database, hamletID: String? = nil) throws -> [SyncRow] {
        try fetchRows(SQLiteTransaction(db), hamletID: hamletID)
    }

    /// Inserts a complete row; with `replacing`, an existing row of the same id takes its values.
    /// A column the row does not name (it was added after the row was recorded) takes its default.
    func insertRow(_ db: Database, _ row: SyncRow, replacing: Bool = false) throws {
        try insertRow(SQLiteTransaction(db), row, replacing: replacing)
    }

    /// Sets some fields of one row.
    func updateRow(_ db: Database, id rowID: String, _ values: SyncRow) throws {
        try updateRow(SQLiteTransaction(db), id: rowID, values)
    }

    /// Deletes one row.
    func deleteRow(_ db: Database, id rowID: String) throws {
        try deleteRow(SQLiteTransaction(db), id: rowID)
    }
}

extension SyncRow {
    /// The row's id ("" when it has none).
    package var id: String { self[TableSpec.idColumn]?.text ?? "" }

}

extension TableSpec {
    /// The column that names a row to people (a name, else the donor, else the date); nil
    /// for tables without one.
    package var labelColumn: String? {
        columns.first { ["name", "head_name", "donor_name", "date"].contains($0.name) }?.name
    }
}

extension TableSpec {
    /// The row with id `rowID`, if present (either store).
    func fetchRow(_ sql: any SQLTransaction, id rowID: String) throws -> SyncRow? {
        try sql.fetchOne("SELECT * FROM \(identifier: name) WHERE id = \(rowID)")?.syncRow
    }

    /// Every row, ordered by id; only `hamletID`'s for hamlet tables when given.
    func fetchRows(_ sql: any SQLTransaction, hamletID: String? = nil) throws -> [SyncRow] {
        if let hamletID, scope == .hamlet {
            return try sql.fetchAll("SELECT * FROM \(identifier: name) WHERE hamlet_id = \(hamletID) ORDER BY id")
                .map(\.syncRow)
        }
        return try sql.fetchAll("SELECT * FROM \(identifier: name) ORDER BY id").map(\.syncRow)
    }

    /// Inserts a complete row (either store).
    func insertRow(_ sql: any SQLTransaction, _ row: SyncRow, replacing: Bool = false) throws {
        try sql.execute(insertStatement(row, replacing: replacing))
    }

    /// The statement that inserts a complete row (replacing one of the same id when
    /// `replacing`); a column the row does not name takes its default.
    func insertStatement(_ row: SyncRow, replacing: Bool) -> SQL {
        SQL(
            generated: replacing ? upsertSQL : insertSQL,
            values: zip(columnNames, columnDefaults).map { SQLValue(row[$0] ?? $1) })
    }

    /// Sets some fields of one row (either store).
    func updateRow(_ sql: any SQLTransaction, id rowID: String, _ values: SyncRow) throws {
        guard let statement = updateStatement(id: rowID, values) else { return }
        try sql.execute(statement)
    }

    /// The statement that sets some fields of one row; nil when there are none.
    func updateStatement(id rowID: String, _ values: SyncRow) -> SQL? {
        guard !values.isEmpty else { return nil }
        var statement: SQL = "UPDATE \(identifier: name) SET "
        for (index, column) in values.keys.sorted().enumerated() {
            statement.append("\(raw: index == 0 ? "" : ", ")\(identifier: column) = \(values[column] ?? .null)")
        }
        statement.append(" WHERE id = \(rowID)")
        return statement
    }

    /// Deletes one row (either store).
    func deleteRow(_ sql: any SQLTransaction, id rowID: String) throws {
        try sql.execute(deleteStatement(id: rowID))
    }

    /// The statement that deletes one row.
    func deleteStatement(id rowID: String) -> SQL { "DELETE FROM \(identifier: name) WHERE id = \(rowID)" }
}
