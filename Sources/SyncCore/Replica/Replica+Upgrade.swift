import GRDB

/// A replica upgraded from an earlier schema version (DESIGN.md §5, evolving schema): its
/// pulls so far carried only the columns its old version knew. The values the hub's log
/// holds for the newer columns, up to where the replica had pulled, are fetched again
/// (`PullRequest.addedAfterSchema`) and laid into the confirmed copy wherever nothing newer
/// has been pulled since. Pending changes stay on top throughout.
extension Replica {
    /// The next pull of the backfill; nil when there is nothing left to fetch again.
    package func backfillRequest(limit: Int) throws -> PullRequest? {
        guard schema.version >= 2 else { return nil }
        let now = clock.nowMilliseconds()
        return try writer.read { db in
            guard
                let state = try Row.fetchOne(
                    db, sql: "SELECT backfill_from, backfill_until, backfill_cursor FROM sync_state WHERE id = 1"),
                let from: Int = try state.checked("backfill_from"), from < schema.version,
                let until: Int64 = try state.checked("backfill_until"),
                let cursor: Int64 = try state.checked("backfill_cursor"), cursor < until
            else { return nil }
            var request = PullRequest(
                replicaID: try Self.identity(db).replicaID, clientTime: now, after: cursor, limit: limit,
                schemaVersion: schema.version)
            request.addedAfterSchema = from
            return request
        }
    }

    /// Lays a backfill page into the confirmed copy and shows the rows it touched; returns
    /// how many fields it set.
    @discardableResult
    package func applyBackfill(_ page: PullResponse) throws -> Int {
        try page.check()
        let now = clock.nowMilliseconds()
        return try writer.write { db in
            try Self.ensureCapture(db, schema, now: now)
            guard let until = try Int64.fetchOne(db, sql: "SELECT backfill_until FROM sync_state WHERE id = 1")
            else { return 0 }
            let from = try Int.fetchOne(db, sql: "SELECT backfill_from FROM sync_state WHERE id = 1") ?? 1
            var touched: Set<RowKey> = []
            var set = 0
            for entry in page.entries where entry.seq <= until {
                let key = RowKey(table: entry.table, rowID: entry.rowID)
                guard let table = try? schema.table(entry.table) else { continue }
                // A table new since the replica's earlier version: its rows come whole,
                // each field unless something newer was pulled since.
                let whole = table.since > from
                if whole, try Self.backfillWhole(db, entry, key) {
                    touched.insert(key)
                    set += 1
                    continue
                }
                guard entry.kind == .upsert,
                    var row = try ConfirmedRow.fetch(db, key) ?? (whole ? try Self.absentRow(db, entry, key) : nil)
                else {
                    continue
                }
                let added = row.backfill(entry, known: table)
                guard added > 0 else { continue }
                try row.save(db, key)
                touched.insert(key)
                set += added
            }
            try Self.rebase(db, schema, rows: touched, now: now)
            if page.cursor >= until || !page.hasMore {
                try endBackfill(db)
            } else {
                try db.execute(sql: "UPDATE sync_state SET backfill_cursor = ? WHERE id = 1", arguments: [page.cursor])
            }
            return set
        }
    }

    /// An empty confirmed row for `entry` to fill, unless the row was deleted by a later
    /// entry already pulled.
    private static func absentRow(_ db: Database, _ entry: LogEntry, _ key: RowKey) throws -> ConfirmedRow? {
        let deleted = try Int64.fetchOne(
            db, sql: "SELECT version FROM sync_base_deleted WHERE tbl = ? AND row_id = ?",
            arguments: [key.table, key.rowID])
        if let deleted, deleted > entry.seq { return nil }
        var row = ConfirmedRow()
        row.values[TableSpec.idColumn] = .text(entry.rowID)
        return row
    }

    /// A delete or a conflict of a table new since the replica's earlier version, laid into
    /// the confirmed copy unless something newer was pulled since; false for an upsert.
    private static func backfillWhole(_ db: Database, _ entry: LogEntry, _ key: RowKey) throws -> Bool {
        switch entry.kind {
        case .upsert:
            return false
        case .delete:
            guard let row = try ConfirmedRow.fetch(db, key), (row.versions.values.max() ?? 0) < entry.seq else {
                return true
            }
            try db.execute(
                sql: "DELETE FROM sync_base_rows WHERE tbl = ? AND row_id = ?", arguments: [key.table, key.rowID])
            return true
        case .conflict:
            guard let record = entry.conflict,
                try
                    !(Bool.fetchOne(db, sql: "SELECT 1 FROM sync_conflicts WHERE id = ?", arguments: [record.id])
                    ?? false)
            else { return true }
            try record.save(db)
            return true
        }
    }

    /// Gives the backfill up (the hub no longer holds the log it would read: it was
    /// restored from an older copy, and the refill brings the rows back whole).
    package func endBackfill() throws {
        try writer.write { db in try endBackfill(db) }
    }

    private func endBackfill(_ db: Database) throws {
        guard schema.version >= 2 else { return }
        try db.execute(sql: "UPDATE sync_state SET backfill_until = NULL WHERE id = 1")
    }
}

extension ConfirmedRow {
    /// Sets each field of `entry` that this copy holds no newer version of, among the
    /// columns `known`; returns how many it set.
    mutating func backfill(_ entry: LogEntry, known: TableSpec) -> Int {
        var set = 0
        for (column, value) in entry.values ?? [:] where known.column(column) != nil {
            guard (versions[column] ?? 0) < entry.seq else { continue }
            values[column] = value
            versions[column] = entry.seq
            origins["\(entry.seq)"] = FieldOrigin(hlc: entry.hlc, replicaID: entry.replicaID, author: entry.author)
            set += 1
        }
        return set
    }

    /// Writes this copy as the confirmed state of `key`.
    func save(_ db: Database, _ key: RowKey) throws {
        try db.execute(
            cached: "INSERT OR REPLACE INTO sync_base_rows (tbl, row_id, vals, vers, origins) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                key.table, key.rowID, try JSONText.encode(values), try JSONText.encode(versions),
                try JSONText.encode(origins),
            ])
    }
}
