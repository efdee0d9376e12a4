import GRDB

/// A change the hub refused, kept on the replica until the user acts.
package struct RejectedChange: Sendable, Hashable, Codable {
    /// The change's sequence number.
    package var seq: Int64
    /// The table.
    package var table: String
    /// The row.
    package var rowID: String
    /// Insert, update or delete.
    package var operation: ChangeOperation
    /// The hub's reason.
    package var reason: String
    /// When the change was made (replica clock, ms).
    package var createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case seq, table, operation, reason
        case rowID = "row_id"
        case createdAt = "created_at"
    }
}

/// Where a replica stands: what waits to be sent, what the hub refused, what needs review.
package struct ReplicaStatus: Sendable, Hashable, Codable {
    /// This replica's id.
    package var replicaID: String
    /// The head's hamlet; nil for a reviewer.
    package var hamletID: String?
    /// Changes not yet acknowledged by the hub.
    package var pendingChanges: Int
    /// When the oldest of them was made (replica clock, ms).
    package var oldestPendingAt: Int64?
    /// When the last complete sync ended (replica clock, ms).
    package var lastSyncAt: Int64?
    /// Open conflicts in this replica's scope.
    package var openConflicts: Int
    /// Changes the hub refused, with reasons.
    package var rejected: [RejectedChange]
    /// This replica's clock minus the hub's at the last exchange (ms; positive: fast).
    package var clockDriftMilliseconds: Int64?
    /// The last hub log position applied.
    package var pullCursor: Int64
    /// Changes that could no longer be read, set aside with their content.
    package var setAside: [SetAsideChange] = []
    /// The ids this replica synced under before (a copy of its file forked).
    package var formerReplicaIDs: [String] = []
    /// Whether the confirmed copy of the hub's rows is being rebuilt (until the next sync).
    package var rebuilding = false
    /// The schema version of the file's tables.
    package var schemaVersion = ReplicatedSchema.version
    /// Whether the file was upgraded and has yet to fetch the new columns' values (at the
    /// next sync).
    package var backfilling = false

    enum CodingKeys: String, CodingKey {
        case rejected
        case replicaID = "replica_id"
        case hamletID = "hamlet_id"
        case pendingChanges = "pending_changes"
        case oldestPendingAt = "oldest_pending_at"
        case lastSyncAt = "last_sync_at"
        case openConflicts = "open_conflicts"
        case clockDriftMilliseconds = "clock_drift_ms"
        case pullCursor = "pull_cursor"
        case setAside = "set_aside"
        case formerReplicaIDs = "former_replica_ids"
        case rebuilding, backfilling
        case schemaVersion = "schema_version"
    }
}

extension Replica {
    /// Where this replica stands.
    package func status() throws -> ReplicaStatus {
        let hamletID = principal.hamletID
        return try writer.read { db in
            let replicaID = try Self.identity(db).replicaID
            let pending = try Row.fetchOne(
                db, sql: "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM sync_outbox WHERE state = 'pending'")
            let state = try Row.fetchOne(
                db, sql: "SELECT last_sync_at, hub_drift_ms, pull_cursor FROM sync_state WHERE id = 1")
            let rejected = try Row.fetchAll(
                db,
                sql:
                    "SELECT seq, tbl, row_id, op, reason, created_at FROM sync_outbox WHERE state = 'rejected' ORDER BY seq"
            ).map { row in
                RejectedChange(
                    seq: try row.checked("seq"), table: try row.checked("tbl"), rowID: try row.checked("row_id"),
                    operation: ChangeOperation(rawValue: try row.checked("op")) ?? .update,
                    reason: try row.checked("reason") ?? "",
                    createdAt: try row.checked("created_at"))
            }
            return ReplicaStatus(
                replicaID: replicaID, hamletID: hamletID, pendingChanges: (try pending?.checked("n")) ?? 0,
                oldestPendingAt: (try pending?.checked("oldest")), lastSyncAt: (try state?.checked("last_sync_at")),
                openConflicts: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_conflicts WHERE status = 'open'")
                    ?? 0,
                rejected: rejected, clockDriftMilliseconds: (try state?.checked("hub_drift_ms")),
                pullCursor: (try state?.checked("pull_cursor")) ?? 0,
                setAside: try Self.setAsideChanges(db),
                formerReplicaIDs: try String.fetchAll(
                    db, sql: "SELECT replica_id FROM sync_identities ORDER BY retired_at, until_seq"),
                rebuilding: try Int64.fetchOne(db, sql: "SELECT rebuild_until FROM sync_state WHERE id = 1") != nil,
                schemaVersion: schema.version,
                backfilling: try schema.version >= 2
                    && Int64.fetchOne(db, sql: "SELECT backfill_until FROM sync_state WHERE id = 1") != nil)
        }
    }

    /// The conflicts the hub has published to this replica, optionally only those with `status`.
    package func conflicts(status: ConflictRecord.Status? = nil) throws -> [ConflictRecord] {
        try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT record FROM sync_conflicts WHERE ?1 IS NULL OR status = ?1 ORDER BY id",
                arguments: [status?.rawValue]
            ).map { text throws(SyncError) in try JSONText.foundationDecode(ConflictRecord.self, from: text) }
        }
    }

    /// Records the end of a complete sync.
    package func markSynced() throws {
        let now = clock.nowMilliseconds()
        try writer.write { db in
            try db.execute(sql: "UPDATE sync_state SET last_sync_at = ? WHERE id = 1", arguments: [now])
        }
    }
}

/// A change made on this replica that the hub has not taken yet, as `ntm pending` shows it.
package struct PendingChange: Sendable, Hashable, Codable {
    /// Its number, which `ntm discard` takes.
    package var seq: Int64
    /// The table.
    package var table: String
    /// The row.
    package var rowID: String
    /// Insert, update or delete.
    package var operation: ChangeOperation
    /// The fields it sets (an insert: every field given; a delete: none).
    package var fields: [String]
    /// The row as it stands here now, or as it was before a delete: what names it to people.
    package var row: SyncRow
    /// When the change was made (replica clock, ms).
    package var createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case seq, table, operation, fields, row
        case rowID = "row_id"
        case createdAt = "created_at"
    }
}

extension Replica {
    /// The changes waiting to be sent, oldest first, at most `limit`. A change another
    /// tool garbled is listed with what can be read of it (no fields).
    package func pendingList(limit: Int = 1_000) throws -> [PendingChange] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
                arguments: [limit]
            ).map { row in
                let seq: Int64 = try row.checked("seq")
                let table: String = (try? row.checked("tbl")) ?? "?"
                let rowID: String = (try? row.checked("row_id")) ?? "?"
                let entry = try? OutboxEntry(row: row)
                let current = try (try? schema.table(table))?.fetchRow(db, id: rowID)
                let fields: [String] =
                    switch entry?.operation {
                    case .insert?: entry?.new.filter { $0.value != .null }.keys.sorted() ?? []
                    case .update?: entry?.changedColumns ?? []
                    case .delete?, nil: []
                    }
                return PendingChange(
                    seq: seq, table: table, rowID: rowID,
                    operation: entry?.operation ?? ChangeOperation(rawValue: (try? row.checked("op")) ?? "") ?? .update,
                    fields: fields.filter { $0 != TableSpec.idColumn && $0 != TableSpec.scopeColumn },
                    row: current ?? entry?.old ?? entry?.new ?? [TableSpec.idColumn: .text(rowID)],
                    createdAt: (try? row.checked("created_at")) ?? 0)
            }
        }
    }
}
