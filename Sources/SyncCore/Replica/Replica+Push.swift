import GRDB

extension Replica {
    /// The oldest changes not yet acknowledged by the hub, in sequence order: at most
    /// `limit` of them and about `maxBytes` of JSON (at least one), so that a push page
    /// fits the hub's limit on a request body however large the changes. (A change over
    /// `PlausibleValues.maxChangeBytes`, possible only in a file written before the bounds,
    /// goes alone and the hub refuses it with a reason.)
    package func pendingChanges(limit: Int, maxBytes: Int = PlausibleValues.maxPushPageBytes) throws -> [Change] {
        try writer.read { db in
            var changes: [Change] = []
            var bytes = 0
            let rows = try Row.fetchCursor(
                try db.cachedStatement(
                    sql: "SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE state = 'pending' ORDER BY seq LIMIT ?"),
                arguments: [limit])
            while let row = try rows.next() {
                let entry = try OutboxEntry(row: row)
                let size = entry.textBytes + Self.changeOverheadBytes
                if !changes.isEmpty, bytes + size > maxBytes { break }
                bytes += size
                changes.append(entry.change)
            }
            return changes
        }
    }

    /// What a change adds on the wire beyond its stored JSON texts, at most.
    static let changeOverheadBytes = 512

    /// A push request for `changes`, stamped with this replica's clock.
    package func pushRequest(_ changes: [Change]) -> PushRequest {
        PushRequest(replicaID: replicaID, clientTime: clock.nowMilliseconds(), changes: changes)
    }

    /// Takes in the hub's outcomes: acknowledged changes stay on top of the confirmed state
    /// until the pull cursor reaches their settle point; rejected ones stay, with the
    /// reason, until the user acts.
    @discardableResult
    package func record(_ response: PushResponse) throws -> PushSummary {
        let now = clock.nowMilliseconds()
        return try writer.write { db in
            var summary = PushSummary()
            for outcome in response.outcomes {
                switch outcome.status {
                case .applied:
                    try db.execute(
                        cached:
                            "UPDATE sync_outbox SET state = 'acked', settle_seq = ? WHERE seq = ? AND state = 'pending'",
                        arguments: [outcome.settleSeq, outcome.seq])
                    summary.applied += 1
                case .rejected:
                    try db.execute(
                        cached:
                            "UPDATE sync_outbox SET state = 'rejected', reason = ? WHERE seq = ? AND state = 'pending'",
                        arguments: [outcome.reason ?? "rejected by the hub", outcome.seq])
                    summary.rejected += 1
                }
                summary.conflicts += outcome.conflicts.count
                summary.lost += outcome.fields.values.filter { $0 == .lost }.count
            }
            try db.execute(
                cached: "UPDATE sync_state SET hub_drift_ms = ? WHERE id = 1",
                arguments: [Milliseconds.difference(now, response.hubTime)])
            return summary
        }
    }

    /// Drops a rejected change: the row shows the hub's state again.
    package func discardRejected(seq: Int64) throws {
        try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db, cached: "SELECT tbl, row_id FROM sync_outbox WHERE seq = ? AND state = 'rejected'",
                    arguments: [seq])
            else { throw SyncError.notFound("rejected change \(seq)") }
            try db.execute(cached: "DELETE FROM sync_outbox WHERE seq = ?", arguments: [seq])
            try Replica.rebase(db, rows: [RowKey(table: try row.checked("tbl"), rowID: try row.checked("row_id"))])
        }
    }
}

/// What one push did.
package struct PushSummary: Sendable, Hashable, Codable {
    /// Changes the hub took in.
    package var applied = 0
    /// Changes the hub refused.
    package var rejected = 0
    /// Conflicts the changes opened.
    package var conflicts = 0
    /// Field edits that lost to a concurrent edit.
    package var lost = 0

    /// Nothing yet.
    package init() {}

    /// Adds another push's counts.
    package mutating func add(_ other: PushSummary) {
        applied += other.applied
        rejected += other.rejected
        conflicts += other.conflicts
        lost += other.lost
    }
}
