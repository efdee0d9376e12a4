import GRDB

extension Replica {
    /// Runs `body` in one write transaction on the replica, the engine's clock standing in
    /// for SQLite's in the capture triggers. Whatever `body` writes to the replicated
    /// tables is captured into the outbox in the same transaction.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        let now = clock.nowMilliseconds()
        return try writer.write { db in
            try Self.ensureCapture(db, schema, now: now)
            try db.execute(cached: "UPDATE sync_state SET writer_now_ms = ? WHERE id = 1", arguments: [now])
            let result = try body(db)
            try db.execute(cached: "UPDATE sync_state SET writer_now_ms = NULL WHERE id = 1")
            return result
        }
    }

    /// Records a new row and returns it complete (id, hamlet and defaults filled in).
    /// A head's rows go to its own hamlet.
    @discardableResult
    package func insert(into tableName: String, values: SyncRow) throws -> SyncRow {
        try insert(into: tableName, rows: [values])[0]
    }

    /// Records several new rows in one transaction (a form with many lines, an import):
    /// all of them or, when one is invalid, none. Returns them complete.
    @discardableResult
    package func insert(into tableName: String, rows: [SyncRow]) throws -> [SyncRow] {
        let table = try schema.table(tableName)
        let complete = try rows.map { values throws -> SyncRow in
            var values = values
            if values[TableSpec.idColumn] == nil { values[TableSpec.idColumn] = .text(ids.makeID()) }
            try checkScope(table, hamletID: values[TableSpec.scopeColumn]?.text)
            if table.scope == .hamlet, values[TableSpec.scopeColumn] == nil, let hamletID = principal.hamletID {
                values[TableSpec.scopeColumn] = .text(hamletID)
            }
            return try table.completeRow(values)
        }
        try write { db in
            var known: Set<String> = []
            for row in complete {
                // A reviewer names the hamlet: it must be one the commune has, or the row
                // would vanish from every report (the hub refuses it too).
                if table.scope == .hamlet, principal.isReviewer, let hamletID = row[TableSpec.scopeColumn]?.text,
                    !known.contains(hamletID)
                {
                    guard
                        try Bool.fetchOne(db, cached: "SELECT 1 FROM hamlets WHERE id = ?", arguments: [hamletID])
                            ?? false
                    else {
                        throw SyncError.invalidValue(
                            table: table.name, column: TableSpec.scopeColumn,
                            "no hamlet '\(hamletID)' on this replica; give a hamlet id from ntm list hamlets")
                    }
                    known.insert(hamletID)
                }
                try table.insertRow(db, row)
            }
        }
        return complete
    }

    /// Changes some fields of a row and returns the row as it now stands.
    @discardableResult
    package func update(_ tableName: String, id: String, values: SyncRow) throws -> SyncRow {
        let table = try schema.table(tableName)
        let values = try table.normalize(values: values)
        return try write { db in
            guard let current = try table.fetchRow(db, id: id) else {
                throw SyncError.notFound("\(tableName) row \(id)")
            }
            try checkScope(table, hamletID: current[TableSpec.scopeColumn]?.text)
            for key in [TableSpec.idColumn, TableSpec.scopeColumn]
            where values[key].map({ $0 != current[key] }) ?? false {
                throw SyncError.invalidValue(table: tableName, column: key, "cannot change")
            }
            let updated = current.merging(values) { $1 }
            try table.checkRowRules(updated)
            try table.updateRow(db, id: id, values)
            return updated
        }
    }

    /// Deletes a row.
    package func delete(from tableName: String, id: String) throws {
        let table = try schema.table(tableName)
        try write { db in
            guard let current = try table.fetchRow(db, id: id) else {
                throw SyncError.notFound("\(tableName) row \(id)")
            }
            try checkScope(table, hamletID: current[TableSpec.scopeColumn]?.text)
            try table.deleteRow(db, id: id)
        }
    }

    /// Refuses, before anything is written, what the hub would refuse for this replica's role.
    private func checkScope(_ table: TableSpec, hamletID: String?) throws(SyncError) {
        guard let own = principal.hamletID else { return }
        if table.scope == .commune {
            throw .forbidden("a hamlet head may not write commune table \(table.name)")
        }
        if let hamletID, hamletID != own {
            throw .forbidden("this replica writes hamlet \(own) only, not \(hamletID)")
        }
    }
}
