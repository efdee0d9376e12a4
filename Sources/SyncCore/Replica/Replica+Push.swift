import GRDB

extension Replica {
    /// The oldest changes not yet acknowledged by the hub, in sequence order, as a push
    /// request under the replica's current identity: at most `limit` of them and about
    /// `maxBytes` of JSON (at least one), so that a push page fits the hub's limit on a
    /// request body however large the changes. (A change over
    /// `PlausibleValues.maxChangeBytes`, possible only in a file written before the bounds,
    /// goes alone and the hub refuses it with a reason.) Nil when nothing is pending.
    package func pushPage(limit: Int, maxBytes: Int = PlausibleValues.maxPushPageBytes) throws -> PushPage? {
        let now = clock.nowMilliseconds()
        return try writer.read { db in
            let (replicaID, seqBase) = try Self.identity(db)
            var changes: [Change] = []
            var bytes = 0
            let rows = try Row.fetchCursor(
                try db.cachedStatement(
                    sql: "SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE state = 'pending' ORDER BY seq LIMIT ?"),
                arguments: [limit])
            while let row = try rows.next() {
                let entry = try OutboxEntry(row: row)
                let size = entry.textBytes + Self.changeOverheadBytes
                if let last = changes.last {
                    // A page is contiguous: after a change set aside or discarded, the next
                    // page starts past the gap, the hub answers `sequence_gap`, and the
                    // replica forks to number its changes afresh.
                    if bytes + size > maxBytes || entry.seq - seqBase != last.seq + 1 { break }
                }
                bytes += size
                var change = entry.change
                change.seq -= seqBase
                changes.append(change)
            }
            guard !changes.isEmpty else { return nil }
            return PushPage(
                request: PushRequest(replicaID: replicaID, clientTime: now, changes: changes), seqBase: seqBase)
        }
    }

    /// The changes the next push would send (numbered as on the wire).
    package func pendingChanges(limit: Int) throws -> [Change] {
        try pushPage(limit: limit)?.request.changes ?? []
    }

    /// A push request for `changes` (numbered as on the wire) under the current identity.
    package func pushRequest(_ changes: [Change]) throws -> PushRequest {
        PushRequest(replicaID: try replicaID, clientTime: clock.nowMilliseconds(), changes: changes)
    }

    /// What a change adds on the wire beyond its stored JSON texts, at most.
    static let changeOverheadBytes = 512

    /// Takes in the hub's outcomes for `page`: acknowledged changes stay on top of the
    /// confirmed state until the pull cursor reaches their settle point; rejected ones
    /// stay, with the reason, until the user acts. Should the hub hold other content under
    /// one of the page's change ids (this file is a copy), the replica forks: see `fork`.
    @discardableResult
    package func record(_ response: PushResponse, for page: PushPage) throws -> PushSummary {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        return try writer.write { db in
            var summary = PushSummary()
            var reused = false
            for outcome in response.outcomes {
                let seq = outcome.seq + page.seqBase
                switch outcome.status {
                case .rejected where outcome.code == SyncError.Kind.changeIDReused.rawValue:
                    reused = true
                    continue
                case .applied:
                    try db.execute(
                        cached:
                            "UPDATE sync_outbox SET state = 'acked', settle_seq = ? WHERE seq = ? AND state = 'pending'",
                        arguments: [outcome.settleSeq, seq])
                    summary.applied += 1
                case .rejected:
                    try db.execute(
                        cached:
                            "UPDATE sync_outbox SET state = 'rejected', reason = ? WHERE seq = ? AND state = 'pending'",
                        arguments: [outcome.reason ?? "rejected by the hub", seq])
                    summary.rejected += 1
                }
                summary.conflicts += outcome.conflicts.count
                summary.lost += outcome.fields.values.filter { $0 == .lost }.count
            }
            try db.execute(
                cached: "UPDATE sync_state SET hub_drift_ms = ? WHERE id = 1",
                arguments: [Milliseconds.difference(now, response.hubTime)])
            if reused {
                summary.forkedTo = try Self.fork(
                    db, from: page.request.replicaID, reason: .copied, now: now, ids: ids)
            }
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
    /// The new id this replica took, when the hub showed it to be a copy.
    package var forkedTo: String?

    /// Nothing yet.
    package init() {}

    /// Adds another push's counts.
    package mutating func add(_ other: PushSummary) {
        applied += other.applied
        rejected += other.rejected
        conflicts += other.conflicts
        lost += other.lost
        forkedTo = other.forkedTo ?? forkedTo
    }
}
