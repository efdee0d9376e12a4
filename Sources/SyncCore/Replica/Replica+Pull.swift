import GRDB

/// A row named by table and id.
struct RowKey: Hashable, Sendable {
    var table: String
    var rowID: String
}

extension Replica {
    /// A pull request from this replica's cursor.
    package func pullRequest(limit: Int) throws -> PullRequest {
        let now = clock.nowMilliseconds()
        return try writer.read { db in
            let state = try Row.fetchOne(db, cached: "SELECT pull_cursor, pull_mark FROM sync_state WHERE id = 1")
            var request = PullRequest(
                replicaID: try Self.identity(db).replicaID, clientTime: now,
                after: try state?.checked("pull_cursor") ?? 0, limit: limit, afterMark: try state?.checked("pull_mark"),
                schemaVersion: schema.version)
            // Former ids whose acknowledged changes have not settled: the hub must still hold them.
            let formers = try Row.fetchAll(
                db,
                cached: """
                    SELECT i.replica_id, i.seq_base, i.until_seq FROM sync_identities AS i
                    WHERE EXISTS (SELECT 1 FROM sync_outbox AS o
                      WHERE o.state = 'acked' AND o.seq > i.seq_base AND o.seq < i.until_seq)
                    ORDER BY i.until_seq DESC LIMIT 8
                    """)
            if !formers.isEmpty { request.formerReplicaIDs = try formers.map { try $0.checked("replica_id") } }
            // The newest of them under each id, which the hub must hold as this replica sent it.
            var marks: [String: AcknowledgedMark] = [:]
            let (current, base) = try Self.identity(db)
            marks[current] = try Self.acknowledgedMark(db, base: base)
            for former in formers {
                marks[try former.checked("replica_id")] = try Self.acknowledgedMark(
                    db, base: try former.checked("seq_base"), until: try former.checked("until_seq"))
            }
            if !marks.isEmpty { request.acknowledged = marks }
            request.appVersion = BuildInfo.version
            if let key = try SigningKeys.stored(db, table: "sync_keys") {
                request.deviceKey = SigningKeys.text(key.publicKey)
            }
            request.pending = try Int64.fetchOne(
                db, cached: "SELECT COUNT(*) FROM sync_outbox WHERE state = 'pending'")
            return request
        }
    }

    /// Whether this replica holds, under its current id, a change the hub acknowledged
    /// beyond `received`, the last the hub now holds from it: then the hub lost it.
    /// So too for each former id in `former` (what the hub holds of each).
    static func hubLostAcknowledged(_ db: Database, received: Int64, former: [String: Int64] = [:]) throws -> Bool {
        let (_, base) = try identity(db)
        let acked =
            try Int64.fetchOne(
                db, cached: "SELECT MAX(seq) FROM sync_outbox WHERE state = 'acked' AND seq > ?", arguments: [base])
            ?? 0
        if acked - base > received { return true }
        for (id, held) in former {
            guard
                let identity = try Row.fetchOne(
                    db, cached: "SELECT seq_base, until_seq FROM sync_identities WHERE replica_id = ?", arguments: [id])
            else { continue }
            let formerBase: Int64 = try identity.checked("seq_base")
            let until: Int64 = try identity.checked("until_seq")
            let acked =
                try Int64.fetchOne(
                    db, cached: "SELECT MAX(seq) FROM sync_outbox WHERE state = 'acked' AND seq > ? AND seq < ?",
                    arguments: [formerBase, until]) ?? 0
            if acked - formerBase > held { return true }
        }
        return false
    }

    /// The newest change numbered after `base` (and before `until`) that the hub acknowledged
    /// and that has not settled, as the hub knows it; nil when there is none, or when another
    /// tool made it unreadable.
    static func acknowledgedMark(_ db: Database, base: Int64, until: Int64 = .max) throws -> AcknowledgedMark? {
        guard
            let row = try Row.fetchOne(
                db,
                cached: """
                    SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE state = 'acked' AND seq > ? AND seq < ?
                    ORDER BY seq DESC LIMIT 1
                    """,
                arguments: [base, until]),
            var change = try? OutboxEntry(row: row).change
        else { return nil }
        change.seq -= base
        guard let digest = try? change.receivedDigest() else { return nil }
        return AcknowledgedMark(seq: change.seq, digest: digest)
    }

    /// Whether the hub lost changes it acknowledged, by what a page says it holds.
    func hubLostAcknowledged(_ page: PullResponse) throws -> Bool {
        guard let received = page.receivedSeq else { return false }
        return try writer.read { db in
            try Self.hubLostAcknowledged(db, received: received, former: page.formerReceived ?? [:])
        }
    }

    /// How many recent page ends a replica remembers the marks of.
    static let keptPullMarks = 256

    /// The mark of the hub's log entry at the pull cursor, as it was pulled (nil at 0, or
    /// from a hub that sends none).
    package func pullMark() throws -> String? {
        try writer.read { db in try String.fetchOne(db, cached: "SELECT pull_mark FROM sync_state WHERE id = 1") }
    }

    /// The pull cursor: the last hub log position applied here.
    package func pullCursor() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, cached: "SELECT pull_cursor FROM sync_state WHERE id = 1") ?? 0 }
    }

    /// Applies a page of the hub's log and stores the new cursor in the same transaction;
    /// returns how many of its entries came from others (not this replica's own changes).
    /// Entries at or before the cursor (a page delivered twice) are skipped. Rows this
    /// replica has pending changes for keep those changes on top.
    @discardableResult
    package func apply(_ page: PullResponse) throws -> Int {
        try page.check()
        let now = clock.nowMilliseconds()
        return try writer.write { db in
            try Self.ensureCapture(db, schema, now: now)
            let cursor = try Int64.fetchOne(db, cached: "SELECT pull_cursor FROM sync_state WHERE id = 1") ?? 0
            // A page from behind the cursor, or the same page again: nothing to do.
            guard page.cursor > cursor || page.entries.contains(where: { $0.seq > cursor }) else { return 0 }
            // Changes the hub acknowledged and no longer holds: it was restored from an
            // older copy, whatever its log position says.
            if let received = page.receivedSeq,
                try Self.hubLostAcknowledged(db, received: received, former: page.formerReceived ?? [:])
            {
                throw SyncError.hubRestored(position: page.cursor)
            }
            if let hubKey = page.hubKey { try Self.recordHubKey(db, hubKey) }
            try db.execute(cached: "UPDATE sync_state SET applying = 1 WHERE id = 1")
            // The confirmed copy of each row the page touches, read once and written once.
            var confirmed: [RowKey: ConfirmedRow?] = [:]
            var newest = HLCTimestamp.zero
            var applied = 0
            // This replica's own changes come back too: only the others' are counted.
            var own = Set(try String.fetchAll(db, cached: "SELECT replica_id FROM sync_identities"))
            own.insert(try Self.identity(db).replicaID)
            let journal = HistoryJournal.kept(schema)
            for entry in page.entries where entry.seq > cursor {
                if !own.contains(entry.replicaID) { applied += 1 }
                newest = max(newest, entry.hlc)
                let key = RowKey(table: entry.table, rowID: entry.rowID)
                switch entry.kind {
                case .upsert:
                    // Known from this page (a delete earlier in it: start afresh), or read.
                    let known = try confirmed[key].map { $0 ?? ConfirmedRow() } ?? ConfirmedRow.fetch(db, key)
                    var row = known ?? ConfirmedRow()
                    if journal {
                        let existed = confirmed[key].map { $0 != nil } ?? (known != nil)
                        try HistoryJournal.note(db, entry: entry, known: existed)
                    }
                    row.fold(entry)
                    // The hub's first entry of a row holds it whole: a partial one means
                    // the confirmed copy lost the row (emptied by another tool).
                    // (A column added by a later schema version is missing from entries logged
                    // before it existed: the row holds its default.)
                    if known == nil, let table = try? schema.table(key.table),
                        table.columns.contains(where: {
                            $0.isRequired && $0.since == 1 && (row.values[$0.name] ?? .null) == .null
                        })
                    {
                        throw ConfirmedStateDamaged(
                            detail: "the confirmed copy has no \(key.table) row \(key.rowID), which the hub updates")
                    }
                    confirmed[key] = row
                case .delete:
                    if journal { try HistoryJournal.note(db, entry: entry, known: true) }
                    confirmed[key] = .some(nil)
                    try db.execute(
                        cached:
                            "INSERT OR REPLACE INTO sync_base_deleted (tbl, row_id, version, origin) VALUES (?, ?, ?, ?)",
                        arguments: [
                            key.table, key.rowID, entry.seq,
                            try JSONText.foundationEncode(
                                FieldOrigin(hlc: entry.hlc, replicaID: entry.replicaID, author: entry.author)),
                        ])
                case .conflict:
                    guard let record = entry.conflict else { continue }
                    try record.save(db)
                    if journal { try HistoryJournal.note(db, entry: entry, known: true) }
                }
            }
            for (key, row) in confirmed {
                if let row {
                    try row.save(db, key)
                } else {
                    try db.execute(
                        cached: "DELETE FROM sync_base_rows WHERE tbl = ? AND row_id = ?",
                        arguments: [key.table, key.rowID])
                }
            }
            // Acknowledged changes whose effect the confirmed state now holds leave the outbox.
            var touched = Set(confirmed.keys)
            let settled = try Row.fetchAll(
                db, cached: "SELECT tbl, row_id FROM sync_outbox WHERE state = 'acked' AND settle_seq <= ?",
                arguments: [page.cursor])
            for row in settled {
                touched.insert(RowKey(table: try row.checked("tbl"), rowID: try row.checked("row_id")))
            }
            try db.execute(
                cached: "DELETE FROM sync_outbox WHERE state = 'acked' AND settle_seq <= ?", arguments: [page.cursor])
            // A change of ours found unreadable (garbled by another tool) is set aside; the
            // row keeps what its author made of it, captured afresh once capture is back on.
            let setAside = try Replica.rebase(
                db, schema, rows: touched, confirmed: confirmed.mapValues { $0?.values }, now: now)
            try db.execute(
                cached: """
                    UPDATE sync_state SET applying = 0, pull_cursor = ?, pull_mark = ?, hlc = MAX(hlc, ?), hub_drift_ms = ?
                    WHERE id = 1
                    """,
                arguments: [
                    page.cursor, page.cursorMark, newest.rawValue, Milliseconds.difference(now, page.hubTime),
                ])
            if let mark = page.cursorMark {
                // Recent page ends, to find where a restored hub's log parted from ours.
                try db.execute(
                    cached: "INSERT OR REPLACE INTO sync_pull_marks (seq, mark) VALUES (?, ?)",
                    arguments: [page.cursor, mark])
                try db.execute(
                    cached: """
                        DELETE FROM sync_pull_marks WHERE seq < (SELECT seq FROM sync_pull_marks ORDER BY seq DESC
                          LIMIT 1 OFFSET \(Self.keptPullMarks - 1))
                        """)
            }
            if !setAside.isEmpty { _ = try Self.captureUnrecorded(db, schema, now: now, keys: setAside) }
            // A rebuilt confirmed copy is whole again once the pulls reach where it stood:
            // rows no one else knows of (written while it was damaged) are captured now.
            if let until = try Int64.fetchOne(db, cached: "SELECT rebuild_until FROM sync_state WHERE id = 1"),
                page.cursor >= until, !page.hasMore
            {
                try db.execute(cached: "UPDATE sync_state SET rebuild_until = NULL WHERE id = 1")
                _ = try Self.captureUnrecorded(db, schema, now: now)
            }
            return applied
        }
    }

    /// Rewrites the visible copy of each row as its confirmed state with every outbox
    /// change of the row (pending, acknowledged or rejected) laid on top, in order — each
    /// one that still makes a valid row.
    /// Runs with capture off: the caller sets `sync_state.applying`.
    /// `confirmed` holds the confirmed values of rows the caller already has in hand (nil:
    /// no row); the others are read from `sync_base_rows`.
    /// Returns the rows whose changes were set aside and are still to be captured afresh:
    /// when the caller had capture off (`applying`), it captures them once it turns it on.
    @discardableResult
    static func rebase(
        _ db: Database, _ schema: SchemaView, rows: Set<RowKey>, confirmed: [RowKey: SyncRow?] = [:], now: Int64? = nil
    ) throws -> Set<RowKey> {
        let applying = try Bool.fetchOne(db, cached: "SELECT applying FROM sync_state WHERE id = 1") ?? false
        if !applying { try db.execute(cached: "UPDATE sync_state SET applying = 1 WHERE id = 1") }
        // Nothing pending anywhere (a fresh replica's first sync, a quiet one's pulls): no
        // row needs its outbox looked up.
        let outboxEmpty = try Bool.fetchOne(db, cached: "SELECT NOT EXISTS (SELECT 1 FROM sync_outbox)") ?? false
        var unreadable: Set<RowKey> = []
        for key in rows.sorted(by: { ($0.table, $0.rowID) < ($1.table, $1.rowID) }) {
            let table = try schema.table(key.table)
            var setAside = false
            let row = try expectedRow(
                db, key, table: table, confirmed: confirmed[key], outboxEmpty: outboxEmpty, setAside: &setAside)
            // A change of the row could not be read and was set aside: the row keeps what its
            // author wrote, captured afresh below.
            if setAside {
                unreadable.insert(key)
                continue
            }
            if let row {
                try table.insertRow(db, row, replacing: true)
            } else {
                try table.deleteRow(db, id: key.rowID)
            }
        }
        if !applying { try db.execute(cached: "UPDATE sync_state SET applying = 0 WHERE id = 1") }
        guard !unreadable.isEmpty, !applying else { return unreadable }
        _ = try captureUnrecorded(db, schema, now: now, keys: unreadable)
        return []
    }

    /// The row as this replica shows it: its confirmed state (`confirmed`, when the caller
    /// has it in hand: nil for no row) with every outbox change of the row laid on top, in
    /// order — each one that still makes a valid row. Nil: no row.
    /// `setAside` becomes true when one of the row's changes could not be read and was set aside.
    static func expectedRow(
        _ db: Database, _ key: RowKey, table: TableSpec, confirmed: SyncRow?? = nil, outboxEmpty: Bool = false,
        setAside: inout Bool
    ) throws -> SyncRow? {
        var row = try confirmed ?? ConfirmedRow.fetch(db, key)?.values
        guard !outboxEmpty else { return row }
        for entry in try overlay(db, key, setAside: &setAside) {
            let candidate = entry.apply(to: row)
            // Edits valid one by one can make an invalid row together (kind = money from
            // the hub, a fractional amount here). Such an edit stays pending — the hub
            // decides, and refuses it with a reason — but is not laid on top.
            if let candidate, (try? table.completeRow(candidate)) == nil { continue }
            row = candidate
        }
        return row
    }

    /// A row's outbox changes, in order. One that can no longer be read (edited by another
    /// tool) is set aside, its content kept, and the others go on.
    static func overlay(_ db: Database, _ key: RowKey, setAside found: inout Bool) throws -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        for row in try Row.fetchAll(
            db, cached: "SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE tbl = ? AND row_id = ? ORDER BY seq",
            arguments: [key.table, key.rowID])
        {
            do {
                entries.append(try OutboxEntry(row: row))
            } catch {
                try setAside(db, seq: try row.checked("seq"), reason: "\(error)")
                found = true
            }
        }
        return entries
    }
}

/// A row's hub-confirmed values and per-field versions (`sync_base_rows`).
struct ConfirmedRow {
    var values = SyncRow()
    var versions: [String: Int64] = [:]
    /// Who wrote each version the fields hold, by version.
    var origins: [String: FieldOrigin] = [:]

    static func fetch(_ db: Database, _ key: RowKey) throws -> ConfirmedRow? {
        guard
            let row = try Row.fetchOne(
                db, cached: "SELECT vals, vers, origins FROM sync_base_rows WHERE tbl = ? AND row_id = ?",
                arguments: [key.table, key.rowID])
        else { return nil }
        do {
            // Origins are a help, not a need: unreadable or absent (a file from before), none.
            let origins = ((try? row.checked("origins")) as String??)?.flatMap { $0 }.flatMap {
                try? JSONText.decode([String: FieldOrigin].self, from: $0)
            }
            return ConfirmedRow(
                values: try JSONText.decode(SyncRow.self, from: try row.checked("vals")),
                versions: try JSONText.decode([String: Int64].self, from: try row.checked("vers")),
                origins: origins ?? [:])
        } catch {
            throw ConfirmedStateDamaged(detail: "the confirmed copy of \(key.table) row \(key.rowID) is unreadable")
        }
    }

    /// Folds an upsert in, each field at the entry's version, and notes who wrote it.
    mutating func fold(_ entry: LogEntry) {
        for (column, value) in entry.values ?? [:] {
            values[column] = value
            if column != TableSpec.idColumn { versions[column] = entry.seq }
        }
        values[TableSpec.idColumn] = .text(entry.rowID)
        origins["\(entry.seq)"] = FieldOrigin(hlc: entry.hlc, replicaID: entry.replicaID, author: entry.author)
        let held = Set(versions.values.map { "\($0)" })
        origins = origins.filter { held.contains($0.key) }
    }
}

/// Who wrote a confirmed version: the author's stamp, replica and name.
package struct FieldOrigin: Sendable, Hashable, Codable {
    package var hlc: HLCTimestamp
    package var replicaID: String
    package var author: String

    enum CodingKeys: String, CodingKey {
        case hlc = "t"
        case replicaID = "r"
        case author = "a"
    }
}

extension PullResponse {
    /// Refuses a page no sound hub sends (a stamp beyond 2100, a position beyond the
    /// protocol's range, an unknown table): a hub, or something posing as one, cannot
    /// make the replica store what would break it later. Nothing of the page is applied.
    func check() throws(SyncError) {
        func refuse(_ what: String) -> SyncError {
            .storage("the hub's answer is not acceptable: \(what); nothing of it was applied")
        }
        if let hubKey, SigningKeys.publicKey(hubKey) == nil { throw refuse("hub_key is not a public key") }
        guard (0...PlausibleValues.maxSequence).contains(cursor) else { throw refuse("cursor \(cursor)") }
        for entry in entries {
            guard (1...PlausibleValues.maxSequence).contains(entry.seq) else {
                throw refuse("log position \(entry.seq)")
            }
            guard (0...PlausibleValues.maxStamp.rawValue).contains(entry.hlc.rawValue) else {
                throw refuse("entry \(entry.seq) has an absurd stamp (hlc \(entry.hlc.rawValue))")
            }
            guard (try? ReplicatedSchema.table(entry.table)) != nil else {
                throw refuse("entry \(entry.seq) names an unknown table")
            }
        }
    }
}
