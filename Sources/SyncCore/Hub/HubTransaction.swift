import GRDB

extension RowMeta {
    /// The bookkeeping as `sync_row_meta` stores it.
    init(metaRow row: SQLRow) throws {
        let tombstone = try row.optionalText("tombstone")
        self.init(
            hamletID: try row.optionalText("hamlet_id"),
            deleted: try row.bool("deleted"),
            fields: try FieldStampStorage.decode(try row.text("fields")),
            tombstone: try tombstone.map { text throws(SyncError) in try JSONText.decode(SyncRow.self, from: text) })
    }
}

/// One write transaction on the hub's store: the row, log, bookkeeping and audit
/// primitives that pushes and resolutions are built from. The same on both engines: it
/// speaks `SQLTransaction`.
struct HubTransaction {
    let sql: any SQLTransaction
    let now: Int64
    let ids: any IDGenerator
    /// The hub's schema version and its tables as the hub file has them.
    let schema: SchemaView
    var clock: HybridLogicalClock
    /// The log head as this transaction has left it (nil: not read yet).
    private let logHead = LogHead()
    /// While set, writes are held and sent at the end of the page (`PageWrites`), and
    /// rows and bookkeeping are read through what the page has left so far.
    var page: PageWrites?

    private final class LogHead {
        var value: Int64?
        /// The head as first read: positions above it are this transaction's.
        var base: Int64?
        /// Once taken (`takePositions`): how far the head moved since `base`.
        var shift: Int64?
        /// The hub's clock as stored when the positions were taken.
        var storedHLC: Int64 = 0
        /// Hamlets known to exist, looked up once per transaction.
        var hamlets: Set<String> = []
    }

    /// Whether this page merges alongside other pages of the commune (PostgreSQL's pushes):
    /// it locks the rows it reads, and numbers its log entries only at its end.
    var alongsideOthers: Bool { sql.writesAlongsideOthers }

    /// Where this transaction's log positions land (`LogPositions`): unmoved for a writer
    /// that has the commune to itself.
    var positions: LogPositions {
        guard alongsideOthers, let base = logHead.base else { return .unmoved }
        return LogPositions(base: base, shift: logHead.shift ?? 0)
    }

    /// Takes the commune's row, held to COMMIT, and with it the log's true head: from here
    /// on this page's positions are final, given in commit order. A page merging alongside
    /// others calls it at its end (or before a write that cannot wait); for any other
    /// writer it does nothing (its lock was taken first).
    func takePositions() throws {
        guard alongsideOthers, logHead.shift == nil else { return }
        logHead.storedHLC = try sql.fetchInt64("SELECT hlc FROM sync_hub_state WHERE id = 1 FOR UPDATE") ?? 0
        let head = try sql.fetchInt64("SELECT MAX(seq) FROM sync_log") ?? 0
        if let base = logHead.base {
            logHead.shift = head - base
            sql.positionsTaken(shift: head - base)
        } else {
            logHead.base = head
            logHead.value = head
            logHead.shift = 0
        }
    }

    /// Refuses to go on alongside other pages: the store runs the page again with the
    /// commune to itself.
    func needsTheCommune(_ reason: String) throws {
        if alongsideOthers { throw NeedsTheCommune(reason: reason) }
    }

    /// Opens the bookkeeping of a transaction: reads the hub's clock.
    init(sql: any SQLTransaction, now: Int64, ids: any IDGenerator, schema: SchemaView) throws {
        self.sql = sql
        self.now = now
        self.ids = ids
        self.schema = schema
        let last = try sql.fetchInt64("SELECT hlc FROM sync_hub_state WHERE id = 1") ?? 0
        self.clock = HybridLogicalClock(last: HLCTimestamp(rawValue: last))
    }

    /// A transaction on the SQLite hub file.
    init(db: Database, now: Int64, ids: any IDGenerator, schema: SchemaView) throws {
        try self.init(sql: SQLiteTransaction(db), now: now, ids: ids, schema: schema)
    }

    /// Sends what the page holds and stores the hub's clock; call before the transaction
    /// commits. A page merging alongside others first writes what carries no log position,
    /// then takes the positions (and the commune's row) for the rest.
    func finish() throws {
        if alongsideOthers { try page?.sendUnpositioned(sql) }
        try send()
        let last = max(clock.last.rawValue, logHead.storedHLC)
        try sql.execute("UPDATE sync_hub_state SET hlc = \(last) WHERE id = 1")
    }

    /// Sends the writes held for the page (nothing when none are held), its positions taken.
    func send() throws {
        guard let page else { return }
        try takePositions()
        try page.send(sql, positions: positions)
    }

    /// Runs a statement that returns nothing, or holds it for the end of the page.
    func write(_ statement: SQL) throws {
        if let page {
            page.add(.fixed(statement))
        } else {
            try sql.execute(statement)
        }
    }

    /// `write` of a statement whose values carry log positions: made once the positions
    /// are final.
    func write(positioned statement: @escaping (LogPositions) throws -> SQL) throws {
        if let page {
            page.add(.positioned(statement))
        } else {
            try sql.execute(try statement(positions))
        }
    }

    /// The last log position: read once, then kept as this transaction appends.
    func head() throws -> Int64 {
        if let head = logHead.value { return head }
        let head = try sql.fetchInt64("SELECT MAX(seq) FROM sync_log") ?? 0
        logHead.value = head
        if logHead.base == nil { logHead.base = head }
        return head
    }

    /// Forgets the log head read so far (after a savepoint rolled entries back).
    func forgetHead() {
        logHead.value = nil
        logHead.base = nil
    }

    /// Whether the hub has a hamlet row with this id.
    func hamletExists(_ hamletID: String) throws -> Bool {
        if let known = page?.rows[PageWrites.Key(table: "hamlets", rowID: hamletID)] { return known != nil }
        if logHead.hamlets.contains(hamletID) { return true }
        guard try sql.exists("SELECT 1 FROM hamlets WHERE id = \(hamletID)") else { return false }
        logHead.hamlets.insert(hamletID)
        return true
    }

    // MARK: Rows

    func meta(_ table: String, _ rowID: String) throws -> RowMeta? {
        let key = PageWrites.Key(table: table, rowID: rowID)
        if let known = page?.metas[key] { return known }
        try needsTheCommune("\(table) row \(rowID) was not read with the page's rows")
        let meta = try sql.fetchOne(
            "SELECT hamlet_id, deleted, fields, tombstone FROM sync_row_meta WHERE tbl = \(table) AND row_id = \(rowID)"
        ).map { row throws in try RowMeta(metaRow: row) }
        page?.metas[key] = .some(meta)
        return meta
    }

    func saveMeta(_ meta: RowMeta, table: String, rowID: String) throws {
        page?.metas[PageWrites.Key(table: table, rowID: rowID)] = .some(meta)
        let tombstone = try meta.tombstone.map { row throws(SyncError) in try JSONText.encode(row) }
        try write { positions in
            """
            INSERT INTO sync_row_meta (tbl, row_id, hamlet_id, deleted, fields, tombstone)
            VALUES (\(table), \(rowID), \(meta.hamletID), \(meta.deleted),
              \(FieldStampStorage.encode(positions(meta).fields)), \(tombstone))
            ON CONFLICT (tbl, row_id) DO UPDATE SET hamlet_id = excluded.hamlet_id, deleted = excluded.deleted,
              fields = excluded.fields, tombstone = excluded.tombstone
            """
        }
    }

    func row(_ table: TableSpec, _ rowID: String) throws -> SyncRow? {
        let key = PageWrites.Key(table: table.name, rowID: rowID)
        if let known = page?.rows[key] { return known }
        try needsTheCommune("\(table.name) row \(rowID) was not read with the page's rows")
        let row = try table.fetchRow(sql, id: rowID)
        page?.rows[key] = .some(row)
        return row
    }

    /// Reads at once what merging `changes` needs of the hub (each row's bookkeeping, and
    /// the row itself where it exists), a statement per table and 500 rows, for the page's
    /// merge to find as it plans each change. Without a page, nothing.
    func prefetch(_ changes: [Change]) throws {
        guard let page else { return }
        var byTable: [String: Set<String>] = [:]
        for change in changes { byTable[change.table, default: []].insert(change.rowID) }
        // Merging alongside others, each row's bookkeeping is locked as it is read, in one
        // order every page follows (tables by name, rows by id's bytes), so that two pages
        // wait for one another rather than each for the other.
        let lock = alongsideOthers ? " ORDER BY row_id COLLATE \"C\" FOR UPDATE" : ""
        func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        for (name, rowIDs) in byTable.sorted(by: { bytewise($0.key, $1.key) }) {
            guard let table = try? schema.table(name) else { continue }
            let sorted = rowIDs.sorted(by: bytewise)
            for start in stride(from: 0, to: sorted.count, by: Self.prefetchChunk) {
                let chunk = Array(sorted[start..<min(start + Self.prefetchChunk, sorted.count)])
                var live: [String] = []
                for row in try sql.fetchAll(
                    """
                    SELECT row_id, hamlet_id, deleted, fields, tombstone FROM sync_row_meta
                    WHERE tbl = \(name) AND row_id IN (\(list: chunk))\(raw: lock)
                    """)
                {
                    let rowID = try row.text("row_id")
                    let meta = try RowMeta(metaRow: row)
                    page.metas[PageWrites.Key(table: name, rowID: rowID)] = .some(meta)
                    if !meta.deleted { live.append(rowID) }
                }
                for rowID in chunk where page.metas[PageWrites.Key(table: name, rowID: rowID)] == nil {
                    page.metas[PageWrites.Key(table: name, rowID: rowID)] = .some(nil)
                }
                guard !live.isEmpty else { continue }
                var found: Set<String> = []
                for row in try sql.fetchAll("SELECT * FROM \(identifier: table.name) WHERE id IN (\(list: live))") {
                    let values = row.syncRow
                    found.insert(values.id)
                    page.rows[PageWrites.Key(table: name, rowID: values.id)] = .some(values)
                }
                for rowID in live where !found.contains(rowID) {
                    page.rows[PageWrites.Key(table: name, rowID: rowID)] = .some(nil)
                }
            }
        }
    }

    /// Rows named in one prefetch statement.
    static let prefetchChunk = 500

    // MARK: Log, audit, conflicts

    /// Appends one entry to the ordered log and returns its position.
    func appendLog(
        _ kind: LogEntry.Kind, table: String, rowID: String, hamletID: String?, data: String,
        hlc: HLCTimestamp, author: ChangeAuthor
    ) throws -> Int64 {
        // The next position, written explicitly: the store's writers take turns (one SQLite
        // writer; a lock on `sync_hub_state` in PostgreSQL), so it is the log's next one.
        let (seq, overflow) = try head().addingReportingOverflow(1)
        guard !overflow else { throw SyncError.storage("the hub's log is at its last position") }
        page?.logged[seq] = (author.name, author.replicaID, hlc)
        let now = self.now
        try write { positions in
            """
            INSERT INTO sync_log (seq, kind, tbl, row_id, hamlet_id, data, hlc, replica_id, author, logged_at, origin_seq)
            VALUES (\(positions(seq)), \(kind.rawValue), \(table), \(rowID), \(hamletID), \(data), \(hlc.rawValue),
              \(author.replicaID), \(author.name), \(now), \(author.originSeq))
            """
        }
        logHead.value = seq
        return seq
    }

    /// Who wrote the log entry at `seq`, as a conflict side with `value`; nil when there is none.
    func side(atVersion seq: Int64, value: SyncValue?) throws -> ConflictSide? {
        if let held = page?.logged[seq] {
            return ConflictSide(
                value: value, version: seq, author: held.author, replicaID: held.replicaID, hlc: held.hlc)
        }
        guard seq > 0,
            let row = try sql.fetchOne("SELECT author, replica_id, hlc FROM sync_log WHERE seq = \(seq)")
        else { return nil }
        return ConflictSide(
            value: value, version: seq, author: try row.text("author"), replicaID: try row.text("replica_id"),
            hlc: HLCTimestamp(rawValue: try row.int64("hlc")))
    }

    func audit(_ entry: AuditEntry) throws {
        let text = try JSONText.encode(entry)
        try write(
            """
            INSERT INTO sync_audit (tbl, row_id, col, decision, entry)
            VALUES (\(entry.table), \(entry.rowID), \(entry.column), \(entry.decision.rawValue), \(text))
            """)
    }

    func conflict(_ id: String) throws -> ConflictRecord? {
        try sql.fetchText("SELECT record FROM sync_conflicts WHERE id = \(id)")
            .map { text throws(SyncError) in try JSONText.foundationDecode(ConflictRecord.self, from: text) }
    }

    /// Stores a conflict record and logs it, so that replicas in its scope see it.
    func publish(_ record: ConflictRecord, author: ChangeAuthor, hlc: HLCTimestamp) throws -> Int64 {
        // The record names versions: stored as they land, so the positions are taken first
        // (and what the page holds so far goes with them).
        if alongsideOthers { try send() }
        let text = try positions(record).save(sql)
        return try appendLog(
            .conflict, table: record.table, rowID: record.rowID, hamletID: record.hamletID, data: text, hlc: hlc,
            author: author)
    }
}
