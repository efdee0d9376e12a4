import GRDB

/// The confirmed copy of the hub's rows (`sync_base_rows`) is damaged: a row is unreadable,
/// or missing where the hub's log needs it. The replica rebuilds it from the hub.
struct ConfirmedStateDamaged: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}

/// What `ntm check` found and, with `--repair`, did.
package struct CheckReport: Sendable, Hashable, Codable {
    /// `PRAGMA integrity_check`'s verdict (`ok` when sound).
    package var integrity = "ok"
    /// Each thing found wrong, in words.
    package var problems: [String] = []
    /// Whether the problems were repaired.
    package var repaired = false
    /// Rows whose visible state differed from the confirmed state with the outbox on top
    /// (written while capture was off): captured as changes.
    package var rowsCaptured = 0
    /// Capture or guard triggers missing or altered, and put back.
    package var triggersRestored = 0
    /// Outbox entries that could not be read, set aside with their content.
    package var changesSetAside = 0
    /// Whether the confirmed copy is being rebuilt from the hub (it completes at the next sync).
    package var rebuilding = false

    /// Nothing checked yet.
    package init() {}

    enum CodingKeys: String, CodingKey {
        case integrity, problems, repaired, rebuilding
        case rowsCaptured = "rows_captured"
        case triggersRestored = "triggers_restored"
        case changesSetAside = "changes_set_aside"
    }
}

/// A row whose visible state differs from what the replica recorded.
struct UnrecordedRow {
    var table: TableSpec
    var key: RowKey
    var visible: SyncRow?
    var expected: SyncRow?
}

/// An outbox entry set aside because it could no longer be read.
package struct SetAsideChange: Sendable, Hashable, Codable {
    /// Its number among set-aside changes (`ntm discard --set-aside ID`).
    package var id: Int64
    /// Its outbox sequence number when it was set aside.
    package var seq: Int64?
    /// The table and row, as far as they could be read.
    package var table: String?
    package var rowID: String?
    /// Why it was set aside.
    package var reason: String
    /// When (replica clock, ms).
    package var setAsideAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, seq, table, reason
        case rowID = "row_id"
        case setAsideAt = "set_aside_at"
    }
}

extension Replica {
    /// Checks the replica file: integrity, capture switched on with every trigger in
    /// place, every outbox entry readable, the confirmed copy readable, and every row as
    /// the confirmed state with the outbox on top. With `repair`, puts each of these right:
    /// triggers back, capture on, unreadable entries set aside, rows written while capture
    /// was off captured as changes, a damaged confirmed copy rebuilt from the hub at the
    /// next sync. Pending changes are never dropped.
    package func check(repair: Bool) throws -> CheckReport {
        var report = CheckReport()
        report.integrity = try integrityCheck()
        if report.integrity != "ok" { report.problems.append("integrity_check: \(report.integrity)") }
        let now = clock.nowMilliseconds()
        if repair {
            try writer.write { db in try Self.inspect(db, schema, repair: true, now: now, into: &report) }
            report.repaired = true
        } else {
            report = try writer.read { db in
                var report = report
                try Self.inspect(db, schema, repair: false, now: now, into: &report)
                return report
            }
        }
        return report
    }

    private static func inspect(
        _ db: Database, _ schema: SchemaView, repair: Bool, now: Int64, into report: inout CheckReport
    ) throws {
        guard let state = try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE id = 1") else {
            throw SyncError.storage("the replica has no identity (sync_state is empty); run ntm init on a new file")
        }
        let applying: Int64? = try state.checked("applying")
        let writerNow: Int64? = try state.checked("writer_now_ms")
        if applying != 0 { report.problems.append("capture was switched off (sync_state.applying = \(applying ?? 0))") }
        if writerNow != nil { report.problems.append("a writer's clock was left behind (sync_state.writer_now_ms)") }
        let triggers = try damagedTriggers(db, schema)
        for name in triggers { report.problems.append("trigger \(name) is missing or altered") }
        report.problems += try repairCounters(db, repair: repair)

        var unreadable: [(seq: Int64, reason: String)] = []
        for row in try Row.fetchAll(db, sql: "SELECT \(OutboxEntry.columns) FROM sync_outbox ORDER BY seq") {
            do { _ = try OutboxEntry(row: row) } catch {
                unreadable.append((try row.checked("seq"), "\(error)"))
            }
        }
        for (seq, reason) in unreadable { report.problems.append("outbox change \(seq) cannot be read: \(reason)") }

        let rebuilding = try confirmedCopyDamage(db, schema)
        if let rebuilding { report.problems.append(rebuilding) }
        report.rebuilding = try Int64.fetchOne(db, sql: "SELECT rebuild_until FROM sync_state WHERE id = 1") != nil

        guard repair else {
            if rebuilding == nil, !report.rebuilding, unreadable.isEmpty {
                let differing = try unrecordedRows(db, schema)
                if !differing.isEmpty {
                    report.problems.append(
                        "\(differing.count) row(s) differ from what the replica recorded (written while capture was off)"
                    )
                    report.rowsCaptured = differing.count
                }
            }
            return
        }
        try db.execute(sql: "UPDATE sync_state SET applying = 0, writer_now_ms = NULL WHERE id = 1")
        report.triggersRestored = try restoreTriggers(db, schema)
        for (seq, reason) in unreadable { try setAside(db, seq: seq, reason: reason) }
        report.changesSetAside = unreadable.count
        if rebuilding != nil {
            try startRebuild(db)
            report.rebuilding = true
        } else if !report.rebuilding {
            report.rowsCaptured = try captureUnrecorded(db, schema, now: now)
        }
    }

    // MARK: Capture cannot stay off

    /// The engine's triggers that are missing or altered, and `sync_` triggers it does not know.
    static func damagedTriggers(_ db: Database, _ schema: SchemaView) throws -> [String] {
        let present = Dictionary(
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").map {
                (try $0.checked("name") as String, (try $0.checked("sql") as String?) ?? "")
            }, uniquingKeysWith: { first, _ in first })
        let expectedTriggers = ReplicaTriggers.expected(schema)
        var damaged = expectedTriggers.compactMap { name, sql in present[name] == sql ? nil : name }
        damaged += present.keys.filter { $0.hasPrefix("sync_") && expectedTriggers[$0] == nil }
        return damaged.sorted()
    }

    /// Puts every engine trigger back as created; returns how many were missing or altered.
    static func restoreTriggers(_ db: Database, _ schema: SchemaView) throws -> Int {
        let damaged = try damagedTriggers(db, schema)
        for name in damaged {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
            if let sql = ReplicaTriggers.expected(schema)[name] { try db.execute(sql: sql) }
        }
        return damaged.count
    }

    /// Called at the start of every engine write: should another tool have switched
    /// capture off (`sync_state.applying`) or dropped a trigger, capture is switched back
    /// on and whatever was written meanwhile is captured, before anything else happens.
    static func ensureCapture(_ db: Database, _ schema: SchemaView, now: Int64) throws {
        try repairCounters(db)
        let applying = try Int64.fetchOne(db, cached: "SELECT applying FROM sync_state WHERE id = 1") ?? 0
        let triggers =
            try Int.fetchOne(
                db,
                cached: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'"
            )
            ?? 0
        guard applying != 0 || triggers != ReplicaTriggers.expected(schema).count else { return }
        try db.execute(cached: "UPDATE sync_state SET applying = 0 WHERE id = 1")
        _ = try restoreTriggers(db, schema)
        _ = try captureUnrecorded(db, schema, now: now)
    }

    /// The clock and the change counter as another tool may have left them: an absurd
    /// clock (beyond 2100, negative, not a number) would stamp every later change absurdly;
    /// a counter at or below an outbox entry would make every capture fail. Each is put
    /// back where the outbox says it stood. Returns what was wrong, in words.
    @discardableResult
    static func repairCounters(_ db: Database, repair: Bool = true) throws -> [String] {
        let sane = try Row.fetchOne(
            db,
            cached: """
                SELECT typeof(hlc) = 'integer' AND hlc BETWEEN 0 AND ? AS clock,
                  typeof(next_seq) = 'integer' AND next_seq > COALESCE((SELECT MAX(seq) FROM sync_outbox), 0) AS counter
                FROM sync_state WHERE id = 1
                """, arguments: [PlausibleValues.maxStamp.rawValue])
        var problems: [String] = []
        if let sane, !(try sane.checked("clock") as Bool) {
            problems.append("the replica's clock (sync_state.hlc) holds an absurd value")
            if repair {
                try db.execute(
                    sql: """
                        UPDATE sync_state SET hlc = COALESCE((SELECT MAX(hlc) FROM sync_outbox
                          WHERE typeof(hlc) = 'integer' AND hlc BETWEEN 0 AND ?1), 0) WHERE id = 1
                        """, arguments: [PlausibleValues.maxStamp.rawValue])
            }
        }
        if let sane, !(try sane.checked("counter") as Bool) {
            problems.append("the change counter (sync_state.next_seq) is behind the outbox")
            if repair {
                try db.execute(
                    sql:
                        "UPDATE sync_state SET next_seq = COALESCE((SELECT MAX(seq) FROM sync_outbox), 0) + 1 WHERE id = 1"
                )
            }
        }
        return problems
    }

    // MARK: Rows written while capture was off

    /// Rows whose visible state differs from the confirmed state with the outbox on top.
    /// Only the rows in `keys`, when given.
    static func unrecordedRows(_ db: Database, _ schema: SchemaView, keys: Set<RowKey>? = nil) throws -> [UnrecordedRow]
    {
        var found: [UnrecordedRow] = []
        for table in schema.tables {
            var visible: [String: SyncRow] = [:]
            var ids: Set<String>
            if let keys {
                ids = Set(keys.filter { $0.table == table.name }.map(\.rowID))
                for id in ids { visible[id] = try table.fetchRow(db, id: id) }
            } else {
                for row in try table.fetchRows(db) { visible[row[TableSpec.idColumn]?.text ?? ""] = row }
                ids = Set(visible.keys)
                ids.formUnion(
                    try String.fetchAll(
                        db, sql: "SELECT row_id FROM sync_base_rows WHERE tbl = ?", arguments: [table.name]))
                ids.formUnion(
                    try String.fetchAll(
                        db, sql: "SELECT DISTINCT row_id FROM sync_outbox WHERE tbl = ?", arguments: [table.name]))
            }
            for id in ids.sorted() {
                let key = RowKey(table: table.name, rowID: id)
                var setAside = false
                let expected = try expectedRow(db, key, table: table, setAside: &setAside)
                // Compared as the table stores them (120 and 120.0 are one length).
                let normalized = expected.map { (try? table.completeRow($0)) ?? $0 }
                let current = visible[id].map { (try? table.completeRow($0)) ?? $0 }
                if normalized != current {
                    found.append(UnrecordedRow(table: table, key: key, visible: visible[id], expected: expected))
                }
            }
        }
        return found
    }

    /// Captures every row written while capture was off: the recorded state goes back
    /// without capture, then the visible one is written again with capture on, so that
    /// the triggers record exactly what changed, with the versions it was based on.
    /// Returns how many changes were captured. Skipped while the confirmed copy is rebuilt.
    static func captureUnrecorded(
        _ db: Database, _ schema: SchemaView, now: Int64?, keys: Set<RowKey>? = nil
    ) throws -> Int {
        guard try Int64.fetchOne(db, sql: "SELECT rebuild_until FROM sync_state WHERE id = 1") == nil else { return 0 }
        if try confirmedCopyDamage(db, schema) != nil {
            try startRebuild(db)
            return 0
        }
        let before = try Int64.fetchOne(db, sql: "SELECT next_seq FROM sync_state WHERE id = 1") ?? 0
        let writerNow = try Int64.fetchOne(db, sql: "SELECT writer_now_ms FROM sync_state WHERE id = 1")
        // Stamped by the engine's clock when it has one, as its own writes are.
        try db.execute(sql: "UPDATE sync_state SET writer_now_ms = ? WHERE id = 1", arguments: [writerNow ?? now])
        for unrecorded in try unrecordedRows(db, schema, keys: keys) {
            let (table, key, visible, expected) = (
                unrecorded.table, unrecorded.key, unrecorded.visible, unrecorded.expected
            )
            try db.execute(sql: "UPDATE sync_state SET applying = 1 WHERE id = 1")
            if let expected {
                try table.insertRow(db, expected, replacing: true)
            } else {
                try table.deleteRow(db, id: key.rowID)
            }
            try db.execute(sql: "UPDATE sync_state SET applying = 0 WHERE id = 1")
            switch (expected, visible) {
            case (nil, let visible?): try table.insertRow(db, visible)
            case (_?, nil): try table.deleteRow(db, id: key.rowID)
            case (_?, let visible?): try table.updateRow(db, id: key.rowID, visible)
            case (nil, nil): break
            }
        }
        try db.execute(sql: "UPDATE sync_state SET writer_now_ms = ? WHERE id = 1", arguments: [writerNow])
        return Int((try Int64.fetchOne(db, sql: "SELECT next_seq FROM sync_state WHERE id = 1") ?? before) - before)
    }

    // MARK: A damaged confirmed copy

    /// Why the confirmed copy cannot be trusted, if it cannot: a row unreadable, or none
    /// left though the replica has pulled rows.
    static func confirmedCopyDamage(_ db: Database, _ schema: SchemaView) throws -> String? {
        let cursor = try Int64.fetchOne(db, sql: "SELECT pull_cursor FROM sync_state WHERE id = 1") ?? 0
        let confirmed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_base_rows") ?? 0
        if cursor > 0, confirmed == 0 {
            let visible = try schema.tables.contains { table in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(table.name)\")") ?? false
            }
            if visible {
                return "the confirmed copy of the hub's rows is empty though \(cursor) log entries were applied"
            }
        }
        let unreadable =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM sync_base_rows
                    WHERE NOT json_valid(vals) OR NOT json_valid(vers)
                      OR json_type(vals) IS NOT 'object' OR json_type(vers) IS NOT 'object'
                    """) ?? 0
        return unreadable > 0 ? "\(unreadable) row(s) of the confirmed copy cannot be read" : nil
    }

    /// Starts rebuilding the confirmed copy from the hub: it is emptied and the pull
    /// cursor goes back to the start; the outbox stays. Until the pulls reach the old
    /// cursor, rows are not compared with it.
    static func startRebuild(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE sync_state SET rebuild_until = MAX(pull_cursor, COALESCE(rebuild_until, 0)), pull_cursor = 0
                WHERE id = 1
                """)
        try db.execute(sql: "DELETE FROM sync_base_rows")
        try db.execute(sql: "DELETE FROM sync_base_deleted")
    }

    /// Starts rebuilding the confirmed copy (see `startRebuild`).
    func startRebuild() throws {
        try writer.write { db in try Self.startRebuild(db) }
    }

    // MARK: Set aside, discard

    /// Moves outbox entry `seq` to `sync_set_aside`, every column as it was.
    static func setAside(_ db: Database, seq: Int64, reason: String) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_set_aside (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc,
                  created_at, state, reason_was, reason, set_aside_at)
                SELECT seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at, state, reason,
                  ?, COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), \(ReplicatedSchema.sqliteNowMilliseconds))
                FROM sync_outbox WHERE seq = ?
                """,
            arguments: [reason, seq])
        try db.execute(sql: "DELETE FROM sync_outbox WHERE seq = ?", arguments: [seq])
    }

    /// The changes set aside, oldest first.
    package func setAsideChanges() throws -> [SetAsideChange] {
        try writer.read { db in try Self.setAsideChanges(db) }
    }

    static func setAsideChanges(_ db: Database) throws -> [SetAsideChange] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, CAST(seq AS INTEGER) AS seq, CAST(tbl AS TEXT) AS tbl, CAST(row_id AS TEXT) AS row_id,
                  reason, set_aside_at
                FROM sync_set_aside ORDER BY id
                """
        ).map { row in
            SetAsideChange(
                id: try row.checked("id"), seq: try row.checked("seq"), table: try row.checked("tbl"),
                rowID: try row.checked("row_id"), reason: try row.checked("reason"),
                setAsideAt: try row.checked("set_aside_at"))
        }
    }
}
