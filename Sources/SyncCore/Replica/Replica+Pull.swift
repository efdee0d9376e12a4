import GRDB

/// A row named by table and id.
struct RowKey: Hashable, Sendable {
    var table: String
    var rowID: String
}

extension Replica {
    /// A pull request from this replica's cursor.
    package func pullRequest(limit: Int) throws -> PullRequest {
        PullRequest(replicaID: replicaID, clientTime: clock.nowMilliseconds(), after: try pullCursor(), limit: limit)
    }

    /// The pull cursor: the last hub log position applied here.
    package func pullCursor() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, cached: "SELECT pull_cursor FROM sync_state WHERE id = 1") ?? 0 }
    }

    /// Applies a page of the hub's log and stores the new cursor in the same transaction.
    /// Entries at or before the cursor (a page delivered twice) are skipped. Rows this
    /// replica has pending changes for keep those changes on top.
    @discardableResult
    package func apply(_ page: PullResponse) throws -> Int {
        let now = clock.nowMilliseconds()
        return try writer.write { db in
            let cursor = try Int64.fetchOne(db, cached: "SELECT pull_cursor FROM sync_state WHERE id = 1") ?? 0
            guard page.cursor >= cursor else { return 0 }
            try db.execute(cached: "UPDATE sync_state SET applying = 1 WHERE id = 1")
            var touched = Set<RowKey>()
            var newest = HLCTimestamp.zero
            var applied = 0
            for entry in page.entries where entry.seq > cursor {
                applied += 1
                newest = max(newest, entry.hlc)
                switch entry.kind {
                case .upsert:
                    try Replica.confirm(db, entry)
                    touched.insert(RowKey(table: entry.table, rowID: entry.rowID))
                case .delete:
                    try db.execute(
                        cached: "DELETE FROM sync_base_rows WHERE tbl = ? AND row_id = ?",
                        arguments: [entry.table, entry.rowID])
                    touched.insert(RowKey(table: entry.table, rowID: entry.rowID))
                case .conflict:
                    guard let record = entry.conflict else { continue }
                    try record.save(db)
                }
            }
            // Acknowledged changes whose effect the confirmed state now holds leave the outbox.
            let settled = try Row.fetchAll(
                db, cached: "SELECT tbl, row_id FROM sync_outbox WHERE state = 'acked' AND settle_seq <= ?",
                arguments: [page.cursor])
            for row in settled { touched.insert(RowKey(table: row["tbl"], rowID: row["row_id"])) }
            try db.execute(
                cached: "DELETE FROM sync_outbox WHERE state = 'acked' AND settle_seq <= ?", arguments: [page.cursor])
            try Replica.rebase(db, rows: touched)
            try db.execute(
                cached: """
                    UPDATE sync_state SET applying = 0, pull_cursor = ?, hlc = MAX(hlc, ?), hub_drift_ms = ?
                    WHERE id = 1
                    """,
                arguments: [page.cursor, newest.rawValue, now - page.hubTime])
            return applied
        }
    }

    /// Folds an upsert into the confirmed copy of its row, each field at the entry's version.
    private static func confirm(_ db: Database, _ entry: LogEntry) throws {
        var values = SyncRow()
        var versions: [String: Int64] = [:]
        if let row = try Row.fetchOne(
            db, cached: "SELECT vals, vers FROM sync_base_rows WHERE tbl = ? AND row_id = ?",
            arguments: [entry.table, entry.rowID])
        {
            values = try JSONText.decode(SyncRow.self, from: row["vals"])
            versions = try JSONText.decode([String: Int64].self, from: row["vers"])
        }
        for (column, value) in entry.values ?? [:] {
            values[column] = value
            if column != TableSpec.idColumn { versions[column] = entry.seq }
        }
        values[TableSpec.idColumn] = .text(entry.rowID)
        try db.execute(
            cached: "INSERT OR REPLACE INTO sync_base_rows (tbl, row_id, vals, vers) VALUES (?, ?, ?, ?)",
            arguments: [entry.table, entry.rowID, try JSONText.encode(values), try JSONText.encode(versions)])
    }

    /// Rewrites the visible copy of each row as its confirmed state with every outbox
    /// change of the row (pending, acknowledged or rejected) laid on top, in order — each
    /// one that still makes a valid row.
    /// Runs with capture off: the caller sets `sync_state.applying`.
    static func rebase(_ db: Database, rows: Set<RowKey>) throws {
        let applying = try Bool.fetchOne(db, cached: "SELECT applying FROM sync_state WHERE id = 1") ?? false
        if !applying { try db.execute(cached: "UPDATE sync_state SET applying = 1 WHERE id = 1") }
        for key in rows.sorted(by: { ($0.table, $0.rowID) < ($1.table, $1.rowID) }) {
            let table = try ReplicatedSchema.table(key.table)
            var row = try String.fetchOne(
                db, cached: "SELECT vals FROM sync_base_rows WHERE tbl = ? AND row_id = ?",
                arguments: [key.table, key.rowID]
            ).map { text throws(SyncError) in try JSONText.decode(SyncRow.self, from: text) }
            let overlay = try Row.fetchAll(
                db, cached: "SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE tbl = ? AND row_id = ? ORDER BY seq",
                arguments: [key.table, key.rowID])
            for entry in overlay {
                let candidate = try OutboxEntry(row: entry).apply(to: row)
                // Edits valid one by one can make an invalid row together (kind = money from
                // the hub, a fractional amount here). Such an edit stays pending — the hub
                // decides, and refuses it with a reason — but is not laid on top.
                if let candidate, (try? table.completeRow(candidate)) == nil { continue }
                row = candidate
            }
            if let row {
                try table.insertRow(db, row, replacing: true)
            } else {
                try table.deleteRow(db, id: key.rowID)
            }
        }
        if !applying { try db.execute(cached: "UPDATE sync_state SET applying = 0 WHERE id = 1") }
    }
}
