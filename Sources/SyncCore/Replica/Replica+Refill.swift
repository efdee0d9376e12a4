import GRDB

/// A page of lost fields ready to offer back, with what to forget once the hub has them.
package struct RestoreOffer: Sendable {
    /// The request.
    package var request: RestoreRequest
    /// The queued rows it carries.
    let keys: [RowKey]
}

extension Replica {
    /// The marks of recent page ends, oldest first.
    package func pullMarks() throws -> [(seq: Int64, mark: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, mark FROM sync_pull_marks ORDER BY seq").map {
                (try $0.checked("seq"), try $0.checked("mark"))
            }
        }
    }

    /// Gets ready to refill a hub restored from an older copy whose log still holds what
    /// this replica pulled up to `kept`, in one transaction:
    /// - every confirmed field set after `kept` is queued to be offered back with its
    ///   original author and stamp (`sync_reoffer`);
    /// - acknowledged changes the hub may have lost (settling after `kept`) are pending again;
    /// - the replica forks, so that they and the pending ones go out under a new id;
    /// - the pull cursor goes back to `kept`.
    package func prepareRefill(kept: Int64) throws {
        let (now, ids, name) = (clock.nowMilliseconds(), self.ids, principal.name)
        try writer.write { db in
            try Self.ensureCapture(db, schema, now: now)
            let (replicaID, _) = try Self.identity(db)
            let rows = try Row.fetchCursor(db, sql: "SELECT tbl, row_id FROM sync_base_rows")
            var lost: [(RowKey, [String: RestoredField])] = []
            while let row = try rows.next() {
                let key = RowKey(table: try row.checked("tbl"), rowID: try row.checked("row_id"))
                guard let confirmed = try? ConfirmedRow.fetch(db, key) else { continue }
                var fields: [String: RestoredField] = [:]
                for (column, version) in confirmed.versions where version > kept {
                    // A file from before origins were kept: the field goes as this replica's.
                    let origin =
                        confirmed.origins["\(version)"]
                        ?? FieldOrigin(hlc: .zero, replicaID: replicaID, author: name)
                    fields[column] = RestoredField(
                        value: confirmed.values[column] ?? .null, version: version, origin: origin)
                }
                if !fields.isEmpty { lost.append((key, fields)) }
            }
            for (key, fields) in lost {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO sync_reoffer (tbl, row_id, kept, fields) VALUES (?, ?, ?, ?)",
                    arguments: [key.table, key.rowID, kept, try JSONText.foundationEncode(fields)])
            }
            // Deletes the lost log held, for rows with no confirmed copy since.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.tbl, d.row_id, d.version, d.origin FROM sync_base_deleted AS d
                    WHERE d.version > ? AND NOT EXISTS
                      (SELECT 1 FROM sync_base_rows AS b WHERE b.tbl = d.tbl AND b.row_id = d.row_id)
                    """, arguments: [kept])
            {
                let text: String? = try row.checked("origin")
                let origin =
                    text.flatMap { try? JSONText.foundationDecode(FieldOrigin.self, from: $0) }
                    ?? FieldOrigin(hlc: .zero, replicaID: replicaID, author: name)
                let deletion = RestoredField(value: .null, version: try row.checked("version"), origin: origin)
                try db.execute(
                    sql: "INSERT OR REPLACE INTO sync_reoffer (tbl, row_id, kept, fields) VALUES (?, ?, ?, ?)",
                    arguments: [
                        try row.checked("tbl") as String, try row.checked("row_id") as String, kept,
                        try JSONText.foundationEncode([Self.deletionKey: deletion]),
                    ])
            }
            // Every conflict record as this replica holds it: a reviewer's the hub takes back
            // if it lost them; of the others, the hub publishes its own state again or says
            // it has none, and the copy here is corrected (it may be of the lost log).
            for row in try Row.fetchAll(db, sql: "SELECT id, record FROM sync_conflicts") {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO sync_reoffer (tbl, row_id, kept, fields) VALUES (?, ?, ?, ?)",
                    arguments: [
                        Self.conflictTable, try row.checked("id") as String, kept, try row.checked("record") as String,
                    ])
            }
            try db.execute(
                sql:
                    "UPDATE sync_outbox SET state = 'pending', settle_seq = NULL WHERE state = 'acked' AND settle_seq > ?",
                arguments: [kept])
            _ = try Self.fork(db, from: replicaID, reason: .hubRestored, now: now, ids: ids)
            try db.execute(
                sql: """
                    UPDATE sync_state SET pull_cursor = ?1,
                      pull_mark = (SELECT mark FROM sync_pull_marks WHERE seq = ?1) WHERE id = 1
                    """,
                arguments: [kept])
            try db.execute(sql: "DELETE FROM sync_pull_marks WHERE seq > ?", arguments: [kept])
        }
    }

    /// The next rows of lost fields to offer back (at most `limit`), nil when none wait.
    package func restoreOffer(limit: Int = 200) throws -> RestoreOffer? {
        let now = clock.nowMilliseconds()
        return try writer.read { db in
            var rows: [RestoreRow] = []
            var conflicts: [ConflictRecord] = []
            var keys: [RowKey] = []
            var kept: Int64 = 0
            var bytes = 0
            for row in try Row.fetchAll(
                db,
                sql: "SELECT tbl, row_id, kept, fields FROM sync_reoffer ORDER BY \(Self.tableOrder), row_id LIMIT ?",
                arguments: [limit])
            {
                let text: String = try row.checked("fields")
                if !rows.isEmpty, bytes + text.utf8.count > PlausibleValues.maxPushPageBytes { break }
                bytes += text.utf8.count
                let key = RowKey(table: try row.checked("tbl"), rowID: try row.checked("row_id"))
                keys.append(key)
                kept = max(kept, try row.checked("kept"))
                if key.table == Self.conflictTable {
                    if let record = try? JSONText.foundationDecode(ConflictRecord.self, from: text) {
                        conflicts.append(record)
                    }
                    continue
                }
                guard var fields = try? JSONText.foundationDecode([String: RestoredField].self, from: text) else {
                    continue
                }
                let deletion = fields.removeValue(forKey: Self.deletionKey)
                rows.append(RestoreRow(table: key.table, rowID: key.rowID, fields: fields, deletion: deletion))
            }
            guard !keys.isEmpty else { return nil }
            var request = RestoreRequest(
                replicaID: try Self.identity(db).replicaID, clientTime: now, kept: kept, rows: rows,
                schemaVersion: schema.version)
            if !conflicts.isEmpty { request.conflicts = conflicts }
            return RestoreOffer(request: request, keys: keys)
        }
    }

    /// The queue's table name for conflict records (no replicated table has it).
    static let conflictTable = "(conflict)"

    /// Tables in the schema's order: hamlets before the rows that name them.
    static let tableOrder =
        "CASE tbl "
        + ReplicatedSchema.tables.enumerated().map { "WHEN '\($0.element.name)' THEN \($0.offset)" }.joined(
            separator: " ")
        + " ELSE \(ReplicatedSchema.tables.count) END"

    /// Where a queued delete is kept among a row's fields (no column has this name).
    static let deletionKey = "(deleted)"

    /// Forgets the rows of `offer`: the hub has them; and the conflict records the hub
    /// answered it does not hold.
    package func restored(_ offer: RestoreOffer, answer: RestoreResponse) throws {
        let offered = Set(offer.request.conflicts?.map(\.id) ?? [])
        try writer.write { db in
            for key in offer.keys {
                try db.execute(
                    sql: "DELETE FROM sync_reoffer WHERE tbl = ? AND row_id = ?", arguments: [key.table, key.rowID])
            }
            for id in answer.unknownConflicts ?? [] where offered.contains(id) {
                try db.execute(sql: "DELETE FROM sync_conflicts WHERE id = ?", arguments: [id])
            }
        }
    }
}
