import GRDB

/// One write transaction on the hub file: the row, log, bookkeeping and audit primitives
/// that pushes and resolutions are built from. `db` never escapes it.
struct HubTransaction {
    let db: Database
    let now: Int64
    let ids: any IDGenerator
    /// The hub's schema version and its tables as the hub file has them.
    let schema: SchemaView
    var clock: HybridLogicalClock
    /// The log head as this transaction has left it (nil: not read yet).
    private let logHead = LogHead()

    private final class LogHead {
        var value: Int64?
        /// Hamlets known to exist, looked up once per transaction.
        var hamlets: Set<String> = []
    }

    /// Opens the bookkeeping of a transaction: reads the hub's clock.
    init(db: Database, now: Int64, ids: any IDGenerator, schema: SchemaView) throws {
        self.db = db
        self.now = now
        self.ids = ids
        self.schema = schema
        let last = try Int64.fetchOne(db, cached: "SELECT hlc FROM sync_hub_state WHERE id = 1") ?? 0
        self.clock = HybridLogicalClock(last: HLCTimestamp(rawValue: last))
    }

    /// Stores the hub's clock; call before the transaction commits.
    func finish() throws {
        try db.execute(cached: "UPDATE sync_hub_state SET hlc = ? WHERE id = 1", arguments: [clock.last.rawValue])
    }

    /// The last log position: read once, then kept as this transaction appends.
    func head() throws -> Int64 {
        if let head = logHead.value { return head }
        let head = try Int64.fetchOne(db, cached: "SELECT MAX(seq) FROM sync_log") ?? 0
        logHead.value = head
        return head
    }

    /// Forgets the log head read so far (after a savepoint rolled entries back).
    func forgetHead() {
        logHead.value = nil
    }

    /// Whether the hub has a hamlet row with this id.
    func hamletExists(_ hamletID: String) throws -> Bool {
        if logHead.hamlets.contains(hamletID) { return true }
        guard try Bool.fetchOne(db, cached: "SELECT 1 FROM hamlets WHERE id = ?", arguments: [hamletID]) ?? false
        else { return false }
        logHead.hamlets.insert(hamletID)
        return true
    }

    // MARK: Rows

    func meta(_ table: String, _ rowID: String) throws -> RowMeta? {
        guard
            let row = try Row.fetchOne(
                db,
                cached: "SELECT hamlet_id, deleted, fields, tombstone FROM sync_row_meta WHERE tbl = ? AND row_id = ?",
                arguments: [table, rowID])
        else { return nil }
        let tombstone: String? = row["tombstone"]
        return RowMeta(
            hamletID: row["hamlet_id"],
            deleted: row["deleted"] as Bool,
            fields: try FieldStampStorage.decode(row["fields"]),
            tombstone: try tombstone.map { text throws(SyncError) in try JSONText.decode(SyncRow.self, from: text) })
    }

    func saveMeta(_ meta: RowMeta, table: String, rowID: String) throws {
        try db.execute(
            cached: """
                INSERT OR REPLACE INTO sync_row_meta (tbl, row_id, hamlet_id, deleted, fields, tombstone)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                table, rowID, meta.hamletID, meta.deleted, FieldStampStorage.encode(meta.fields),
                try meta.tombstone.map { row throws(SyncError) in try JSONText.encode(row) },
            ])
    }

    func row(_ table: TableSpec, _ rowID: String) throws -> SyncRow? {
        try table.fetchRow(db, id: rowID)
    }

    // MARK: Log, audit, conflicts

    /// Appends one entry to the ordered log and returns its position.
    func appendLog(
        _ kind: LogEntry.Kind, table: String, rowID: String, hamletID: String?, data: String,
        hlc: HLCTimestamp, author: ChangeAuthor
    ) throws -> Int64 {
        try db.execute(
            cached: """
                INSERT INTO sync_log (kind, tbl, row_id, hamlet_id, data, hlc, replica_id, author, logged_at, origin_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                kind.rawValue, table, rowID, hamletID, data, hlc.rawValue, author.replicaID, author.name, now,
                author.originSeq,
            ])
        logHead.value = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    /// Who wrote the log entry at `seq`, as a conflict side with `value`; nil when there is none.
    func side(atVersion seq: Int64, value: SyncValue?) throws -> ConflictSide? {
        guard seq > 0,
            let row = try Row.fetchOne(
                db, cached: "SELECT author, replica_id, hlc FROM sync_log WHERE seq = ?", arguments: [seq])
        else { return nil }
        return ConflictSide(
            value: value, version: seq, author: row["author"], replicaID: row["replica_id"],
            hlc: HLCTimestamp(rawValue: row["hlc"]))
    }

    func audit(_ entry: AuditEntry) throws {
        try db.execute(
            cached: "INSERT INTO sync_audit (tbl, row_id, col, decision, entry) VALUES (?, ?, ?, ?, ?)",
            arguments: [entry.table, entry.rowID, entry.column, entry.decision.rawValue, try JSONText.encode(entry)])
    }

    func conflict(_ id: String) throws -> ConflictRecord? {
        try String.fetchOne(db, cached: "SELECT record FROM sync_conflicts WHERE id = ?", arguments: [id])
            .map { text throws(SyncError) in try JSONText.foundationDecode(ConflictRecord.self, from: text) }
    }

    /// Stores a conflict record and logs it, so that replicas in its scope see it.
    func publish(_ record: ConflictRecord, author: ChangeAuthor, hlc: HLCTimestamp) throws -> Int64 {
        let text = try record.save(db)
        return try appendLog(
            .conflict, table: record.table, rowID: record.rowID, hamletID: record.hamletID, data: text, hlc: hlc,
            author: author)
    }
}
