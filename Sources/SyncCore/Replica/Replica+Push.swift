import GRDB

extension Replica {
    /// The oldest changes not yet acknowledged by the hub, in sequence order, as a push
    /// request under the replica's current identity: at most `limit` of them and about
    /// `maxBytes` of JSON (at least one), so that a push page fits the hub's limit on a
    /// request body however large the changes. (A change over
    /// `PlausibleValues.maxChangeBytes`, possible only in a file written before the bounds,
    /// goes alone and the hub refuses it with a reason.) Nil when nothing is pending.
    /// `after`: the outbox position after which the page starts (a bundle's next page).
    package func pushPage(
        limit: Int, maxBytes: Int = PlausibleValues.maxPushPageBytes, after: Int64 = 0
    ) throws -> PushPage? {
        let now = clock.nowMilliseconds()
        var recaptured: Set<RowKey> = []
        while true {
            let (page, unreadable) = try writer.read { db -> (PushPage?, Unreadable?) in
                let (replicaID, seqBase) = try Self.identity(db)
                var changes: [Change] = []
                var bytes = 0
                let rows = try Row.fetchCursor(
                    try db.cachedStatement(
                        sql:
                            "SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?"
                    ),
                    arguments: [after, limit])
                while let row = try rows.next() {
                    let entry: OutboxEntry
                    do {
                        entry = try OutboxEntry(row: row)
                    } catch {
                        // Edited by another tool: the page ends before it, and it is set aside.
                        if changes.isEmpty {
                            return (
                                nil,
                                Unreadable(
                                    seq: try row.checked("seq"),
                                    key: RowKey(
                                        table: (try? row.checked("tbl")) ?? "",
                                        rowID: (try? row.checked("row_id")) ?? ""),
                                    reason: "\(error)")
                            )
                        }
                        break
                    }
                    let size = entry.textBytes + Self.changeOverheadBytes
                    if let last = changes.last {
                        // A page is contiguous: after a change set aside or discarded, the
                        // next page starts past the gap, the hub answers `sequence_gap`, and
                        // the replica forks to number its changes afresh.
                        if bytes + size > maxBytes || entry.seq - seqBase != last.seq + 1 { break }
                    }
                    bytes += size
                    var change = entry.change
                    change.seq -= seqBase
                    changes.append(change)
                }
                guard !changes.isEmpty else { return (nil, nil) }
                var request = PushRequest(
                    replicaID: replicaID, clientTime: now, changes: changes, schemaVersion: schema.version)
                request.acknowledged = try Self.acknowledgedMark(db, base: seqBase)
                return (PushPage(request: request, seqBase: seqBase), nil)
            }
            guard let unreadable else { return page }
            // The row still shows what its author wrote: captured afresh, it goes on to the hub.
            // (Once per row: should the fresh capture be unreadable too, it is only set aside.)
            let recapture = recaptured.insert(unreadable.key).inserted
            try writer.write { db in
                try Self.ensureCapture(db, schema, now: now)
                try Self.setAside(db, seq: unreadable.seq, reason: unreadable.reason)
                if recapture { _ = try Self.captureUnrecorded(db, schema, now: now, keys: [unreadable.key]) }
            }
        }
    }

    private struct Unreadable: Sendable {
        var seq: Int64
        var key: RowKey
        var reason: String
    }

    /// The changes the next push would send (numbered as on the wire).
    package func pendingChanges(limit: Int) throws -> [Change] {
        try pushPage(limit: limit)?.request.changes ?? []
    }

    /// A push request for `changes` (numbered as on the wire) under the current identity.
    package func pushRequest(_ changes: [Change]) throws -> PushRequest {
        PushRequest(
            replicaID: try replicaID, clientTime: clock.nowMilliseconds(), changes: changes,
            schemaVersion: schema.version)
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
            try Self.ensureCapture(db, schema, now: now)
            var summary = PushSummary()
            var reused = false
            let changes = Dictionary(page.request.changes.map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
            let journal = HistoryJournal.kept(schema)
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
                summary.conflictIDs += outcome.conflicts
                summary.lost += outcome.fields.values.filter { $0 == .lost }.count
                // An edit of ours that did not stay: kept in the history with its value.
                if journal, let change = changes[outcome.seq] {
                    for (column, field) in outcome.fields.sorted(by: { $0.key < $1.key }) where field == .lost {
                        try HistoryJournal.note(
                            db, table: change.table, rowID: change.rowID,
                            HistoryEvent(
                                kind: .lost, column: column == "*" ? nil : column,
                                value: column == "*" ? nil : change.values[column], author: principal.name,
                                at: change.hlc.physicalMilliseconds))
                    }
                }
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
        _ = try discard(.outbox(seq), onlyRejected: true, saving: nil)
    }

    /// Drops a change not yet at the hub — pending, rejected or set aside — after `saving`
    /// has been given its content (every stored column, as JSON) to keep: the caller writes
    /// it to a file, and a failure there drops nothing. The row shows the confirmed state
    /// with the remaining changes on top. A pending change that already reached the hub
    /// (its answer lost) still comes back with the next pull.
    /// - Returns: the content saved.
    @discardableResult
    package func discard(
        _ change: ChangePlace, onlyRejected: Bool = false, saving: ((String) throws -> Void)?
    ) throws -> String {
        let now = clock.nowMilliseconds()
        return try writer.write { db in
            try Self.ensureCapture(db, schema, now: now)
            let (table, sql, id): (String, String, Int64)
            switch change {
            case .outbox(let seq):
                (table, sql, id) = ("sync_outbox", "seq", seq)
            case .setAside(let number):
                (table, sql, id) = ("sync_set_aside", "id", number)
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE \(sql) = ?", arguments: [id]) else {
                switch change {
                case .outbox(let seq):
                    throw SyncError.notFound(onlyRejected ? "rejected change \(seq)" : "change \(seq)")
                case .setAside(let number): throw SyncError.notFound("set-aside change \(number)")
                }
            }
            if case .outbox(let seq) = change {
                let state: String = (try? row.checked("state")) ?? ""
                if onlyRejected, state != "rejected" { throw SyncError.notFound("rejected change \(seq)") }
                if state == "acked" {
                    throw SyncError.conflict(
                        "change \(seq) is already at the hub; it leaves the outbox by itself at the next sync")
                }
            }
            var content = SyncRow()
            for (column, value) in row {
                content[column] = SyncValue.fromDatabaseValue(value) ?? .text("(blob of \(row.count) columns)")
            }
            content["discarded_from"] = .text(table)
            content["discarded_at"] = .integer(now)
            let text = try JSONText.encode(content)
            try saving?(text)
            try db.execute(sql: "DELETE FROM \(table) WHERE \(sql) = ?", arguments: [id])
            if case .outbox(let seq) = change, (try? row.checked("state") as String) == "pending" {
                try Self.closeGap(db, at: seq)
            }
            if table == "sync_outbox", let tbl: String = try? row.checked("tbl"),
                let rowID: String = try? row.checked("row_id"), (try? schema.table(tbl)) != nil
            {
                // The row's other changes that can no longer be read are set aside first: the
                // row then shows what its readable changes make of it without the one dropped
                // (a rejected insert discarded takes its row away, whatever else was garbled).
                let key = RowKey(table: tbl, rowID: rowID)
                var unreadable = false
                _ = try Self.overlay(db, key, setAside: &unreadable)
                try Replica.rebase(db, schema, rows: [key])
            }
            return text
        }
    }

    /// Numbers the pending changes after a dropped pending change `seq` one lower, so that
    /// the hub sees the same identity with no gap, as if the dropped change had never been
    /// made. (Should the hub have received the dropped change, its answer lost, the next
    /// push reuses its number with other content and the replica forks: nothing is lost.)
    /// When a later change is no longer pending the numbers stay: the gap makes the replica
    /// fork at its next push, which also loses nothing.
    static func closeGap(_ db: Database, at seq: Int64) throws {
        let later = try Row.fetchAll(
            db, cached: "SELECT seq, state FROM sync_outbox WHERE seq > ? ORDER BY seq", arguments: [seq])
        var numbers: [Int64] = []
        for row in later {
            guard (try? row.checked("state") as String) == "pending" else { return }
            numbers.append(try row.checked("seq"))
        }
        // In rising order, each one lower: never onto a number still taken.
        for number in numbers {
            try db.execute(cached: "UPDATE sync_outbox SET seq = ? WHERE seq = ?", arguments: [number - 1, number])
        }
        try db.execute(
            cached: "UPDATE sync_state SET next_seq = next_seq - 1 WHERE id = 1 AND next_seq > ?", arguments: [seq])
    }
}

/// Where a change to discard is.
package enum ChangePlace: Sendable, Hashable {
    /// An outbox entry, by its number (`ntm status`).
    case outbox(Int64)
    /// A change set aside, by its number among them (`ntm status`).
    case setAside(Int64)
}

/// What one push did.
package struct PushSummary: Sendable, Hashable, Codable {
    /// Changes the hub took in.
    package var applied = 0
    /// Changes the hub refused.
    package var rejected = 0
    /// Conflicts the changes opened.
    package var conflicts = 0
    /// Their ids.
    package var conflictIDs: [String] = []
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
        conflictIDs += other.conflictIDs
        lost += other.lost
        forkedTo = other.forkedTo ?? forkedTo
    }
}
