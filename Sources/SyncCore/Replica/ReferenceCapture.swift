/// Capture by reference, for the replica's schema version 4 (`docs/replica-v4-plan.md`):
/// generated from the one schema declaration. A change records which row changed, which
/// columns (a bit mask), its stamp, and for each column as it first changes the value the
/// author saw and that value's confirmed version; no copy of the values as JSON. Changes to
/// a row not yet sent fold into one entry. Values are read when a page is built.
///
/// Not yet part of any migration: the v4 migration freezes this SQL when the layout is
/// whole (the capture, the shadow tables, the push, the pull and the upgrade).
package enum ReferenceCapture {
    /// Columns a replicated table may have besides its id: one bit of `mask`, and one pair of
    /// `pN` (the value the author saw) and `bN` (its confirmed version), each.
    package static let slots = 16

    /// What a change did to its row. (An entry reads 0 for an instant when an insert not
    /// yet sent is deleted: the delete trigger marks it so, without reading the table it
    /// writes — which would make SQLite copy the row through an ephemeral B-tree — and
    /// removes it with its next statement.)
    enum Operation: Int {
        case insert = 1
        case update = 2
        case delete = 3
    }

    /// Where an entry stands: `pending` entries fold further changes of their row and have
    /// no wire number yet; `sent` ones went out with `wire_seq` and are resent as they went.
    enum State: Int {
        case pending = 0
        case sent = 1
        case acked = 2
        case rejected = 3
    }

    /// The changes table and its one index (pending entries, one per row).
    package static var changesTableSQL: [String] {
        let values = (0..<slots).map { "p\($0)" }.joined(separator: ", ")
        let versions = (0..<slots).map { "b\($0) INTEGER" }.joined(separator: ", ")
        return [
            """
            CREATE TABLE sync_changes (
              seq INTEGER PRIMARY KEY,
              tbl INTEGER NOT NULL,
              row_id TEXT NOT NULL,
              op INTEGER NOT NULL CHECK (op = 0 OR op = 1 OR op = 2 OR op = 3),
              mask INTEGER NOT NULL,
              hlc INTEGER NOT NULL,
              created_at INTEGER NOT NULL,
              state INTEGER NOT NULL DEFAULT 0 CHECK (state = 0 OR state = 1 OR state = 2 OR state = 3),
              wire_seq INTEGER,
              settle_seq INTEGER,
              reason TEXT,
              \(values),
              \(versions)
            )
            """,
            "CREATE UNIQUE INDEX sync_changes_pending ON sync_changes (tbl, row_id) WHERE state = 0",
        ]
    }

    /// The confirmed copy of `table` as columns: its values as the hub last sent them, and
    /// per column its version (`v_…`, the log position that set it). Who wrote a version is
    /// kept once per version, for every column it set (`originsTableSQL`).
    package static func shadowTableSQL(_ table: TableSpec) -> String {
        let columns = table.columns.map { "\"\($0.name)\" \($0.kind.sqlType)" }
        let versions = table.columns.map { "\"v_\($0.name)\" INTEGER" }
        return """
            CREATE TABLE "\(shadowName(table))" (
              id TEXT PRIMARY KEY NOT NULL,
              \((columns + versions).joined(separator: ",\n  "))
            ) WITHOUT ROWID
            """
    }

    /// Who wrote each confirmed version (a log position): what a restore offers back with a
    /// field (`Replica+Refill`).
    package static let originsTableSQL = """
        CREATE TABLE sync_origins (
          version INTEGER PRIMARY KEY,
          author TEXT NOT NULL,
          replica_id TEXT NOT NULL,
          hlc INTEGER NOT NULL
        )
        """

    /// The upgrade's fill of `table`'s shadow from `sync_base_rows` (values and versions as
    /// JSON): each column's value and version. A row whose JSON another tool broke is left
    /// out rather than failing the upgrade: the engine then finds that row missing from the
    /// confirmed copy and rebuilds the copy from the hub, as it does today.
    package static func shadowFillSQL(_ table: TableSpec) -> String {
        let names = table.columns.map(\.name)
        let columns = ["id"] + names.map { "\"\($0)\"" } + names.map { "\"v_\($0)\"" }
        let values =
            ["row_id"] + names.map { "json_extract(vals, '$.\"\($0)\"')" }
            + names.map { "json_extract(vers, '$.\"\($0)\"')" }
        return """
            INSERT INTO "\(shadowName(table))" (\(columns.joined(separator: ", ")))
            SELECT \(values.joined(separator: ", ")) FROM sync_base_rows
            WHERE tbl = '\(table.name)' AND json_valid(vals) AND json_valid(vers)
              AND json_type(vals) = 'object' AND json_type(vers) = 'object'
            """
    }

    /// The upgrade's fill of `sync_origins` from every confirmed row's origins (by version,
    /// as JSON). Origins are a help, not a need: what another tool broke is left out.
    package static let originsFillSQL = """
        INSERT OR IGNORE INTO sync_origins (version, author, replica_id, hlc)
        SELECT CAST(o.key AS INTEGER), COALESCE(json_extract(o.value, '$.a'), ''),
          COALESCE(json_extract(o.value, '$.r'), ''), COALESCE(json_extract(o.value, '$.t'), 0)
        FROM sync_base_rows AS r,
          json_each(CASE WHEN json_valid(r.origins) AND json_type(r.origins) = 'object' THEN r.origins ELSE '{}' END) AS o
        WHERE json_type(o.value) = 'object'
        """

    /// The text of each sent change, as it went (or will go) in a push body: a sent entry is
    /// resent exactly as it first went.
    package static let sentTableSQL = "CREATE TABLE sync_sent (seq INTEGER PRIMARY KEY, change TEXT NOT NULL)"

    /// An outbox entry of versions 1–3 the upgrade can read: a known table, a known operation
    /// and state, and its JSON texts objects.
    static func readable(_ tables: [TableSpec]) -> String {
        let json = ["new_values", "old_values", "base_versions"].map {
            "(\($0) IS NULL OR (json_valid(\($0)) AND json_type(\($0)) = 'object'))"
        }
        let names = tables.map { "'\($0.name)'" }.joined(separator: ", ")
        return """
            (tbl IN (\(names)) AND op IN ('insert', 'update', 'delete') AND state IN ('pending', 'acked', 'rejected')
              AND typeof(hlc) = 'integer' AND typeof(created_at) = 'integer' AND \(json.joined(separator: " AND ")))
            """
    }

    /// The upgrade's first step on the outbox: entries it cannot read (another tool edited
    /// them) are set aside, every column as it was, as a push would set them aside.
    package static func outboxSetAsideSQL(_ tables: [TableSpec]) -> [String] {
        [
            """
            INSERT INTO sync_set_aside (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc,
              created_at, state, reason_was, reason, set_aside_at)
            SELECT seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at, state, reason,
              'unreadable when the replica moved to schema version 4',
              COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), \(ReplicatedSchema.sqliteNowMilliseconds))
            FROM sync_outbox WHERE NOT \(readable(tables))
            """,
            "DELETE FROM sync_outbox WHERE NOT \(readable(tables))",
        ]
    }

    /// The wire number of outbox entry `o` (versions 1–3): its seq less the base of the
    /// identity it was captured under.
    static let wireNumber = """
        (o.seq - COALESCE((SELECT i.seq_base FROM sync_identities AS i WHERE o.seq > i.seq_base AND o.seq < i.until_seq),
          (SELECT seq_base FROM sync_state WHERE id = 1)))
        """

    /// Whether outbox entry `o`'s update changed the member at JSON path `path` (an SQL
    /// expression): named by the new values, and not the same in the old (as
    /// `OutboxEntry.changedColumns` reads them).
    static func changedInJSON(_ path: String) -> String {
        """
        (json_type(o.new_values, \(path)) IS NOT NULL AND (json_extract(o.new_values, \(path)) IS NOT json_extract(o.old_values, \(path)) OR json_type(o.old_values, \(path)) IS NULL))
        """
    }

    /// The upgrade's conversion of `table`'s outbox entries (versions 1–3, values as JSON)
    /// into entries by reference. None is folded: a pending entry may have reached the hub
    /// with its answer lost, so each becomes *sent* under the number it had, and its change
    /// text is kept as `OutboxEntry.change` makes it (`changeTextSQL`). Acknowledged and
    /// refused entries keep their state, number, settle point and reason.
    package static func outboxConversionSQL(_ table: TableSpec, number: Int, tables: [TableSpec]) -> String {
        let indices = Array(table.columns.indices)
        let path = { (index: Int) in "'$.\"\(table.columns[index].name)\"'" }
        let mask = indices.map { "(\(changedInJSON(path($0))) << \($0))" }.joined(separator: " | ")
        let slots =
            indices.map { index in
                """
                CASE o.op WHEN 'insert' THEN NULL WHEN 'delete' THEN json_extract(o.old_values, \(path(index)))
                  ELSE CASE WHEN \(changedInJSON(path(index))) THEN json_extract(o.old_values, \(path(index))) END END
                """
            }
            + indices.map { index in
                """
                CASE o.op WHEN 'insert' THEN NULL WHEN 'delete' THEN json_extract(o.base_versions, \(path(index)))
                  ELSE CASE WHEN \(changedInJSON(path(index))) THEN json_extract(o.base_versions, \(path(index))) END END
                """
            }
        let slotNames = indices.map { "p\($0)" } + indices.map { "b\($0)" }
        return """
            INSERT INTO sync_changes (seq, tbl, row_id, op, mask, hlc, created_at, state, wire_seq, settle_seq, reason,
              \(slotNames.joined(separator: ", ")))
            SELECT o.seq, \(number), o.row_id, CASE o.op WHEN 'insert' THEN 1 WHEN 'update' THEN 2 ELSE 3 END,
              CASE o.op WHEN 'update' THEN \(mask) ELSE \(allColumns(table)) END,
              o.hlc, o.created_at, CASE o.state WHEN 'pending' THEN 1 WHEN 'acked' THEN 2 ELSE 3 END,
              \(wireNumber), o.settle_seq, o.reason,
              \(slots.joined(separator: ",\n  "))
            FROM sync_outbox AS o WHERE o.tbl = '\(table.name)' AND \(readable(tables))
            """
    }

    /// The change text of every pending outbox entry (versions 1–3), as `OutboxEntry.change`
    /// makes it and a push writes it: an insert's values whole; an update's values, previous
    /// values and bases of the columns it changed; a delete's previous values and bases whole.
    package static func changeTextSQL(_ tables: [TableSpec]) -> String {
        let member = { (source: String, alias: String) in
            """
            (SELECT json_group_object(\(alias).key, \(alias).value) FROM json_each(o.\(source)) AS \(alias)
              WHERE \(changedInJSON("'$.\"' || \(alias).key || '\"'")))
            """
        }
        return """
            INSERT INTO sync_sent (seq, change)
            SELECT o.seq, json_object(
              'base_versions', CASE o.op WHEN 'insert' THEN json('{}') WHEN 'delete' THEN json(COALESCE(o.base_versions, '{}'))
                ELSE \(member("base_versions", "b")) END,
              'created_at', o.created_at, 'hlc', o.hlc, 'operation', o.op,
              'previous', CASE o.op WHEN 'insert' THEN json('{}') WHEN 'delete' THEN json(COALESCE(o.old_values, '{}'))
                ELSE \(member("old_values", "v")) END,
              'row_id', o.row_id, 'seq', \(wireNumber), 'table', o.tbl,
              'values', CASE o.op WHEN 'insert' THEN json(COALESCE(o.new_values, '{}')) WHEN 'delete' THEN json('{}')
                ELSE \(member("new_values", "n")) END)
            FROM sync_outbox AS o WHERE o.state = 'pending' AND \(readable(tables))
            """
    }

    /// The capture of `table` on its own, for measuring and testing it before the v4
    /// migration: a minimal `sync_state` (the clock and the switches the triggers read), the
    /// changes table, the table's shadow, the origins, and the triggers. The table itself
    /// is the caller's to create.
    package static func standaloneSQL(for table: TableSpec, number: Int) -> [String] {
        [
            """
            CREATE TABLE sync_state (id INTEGER PRIMARY KEY CHECK (id = 1), hlc INTEGER NOT NULL,
              applying INTEGER NOT NULL DEFAULT 0, writer_now_ms INTEGER)
            """,
            "INSERT INTO sync_state (id, hlc) VALUES (1, 0)",
        ] + changesTableSQL + [shadowTableSQL(table), originsTableSQL] + triggers(for: table, number: number)
    }

    /// The shadow table's name.
    static func shadowName(_ table: TableSpec) -> String { "sync_base_\(table.name)" }

    /// The bit of column `index` in `mask`.
    static func bit(_ index: Int) -> Int64 { Int64(1) << Int64(index) }

    /// Every column's bit.
    static func allColumns(_ table: TableSpec) -> Int64 { bit(table.columns.count) - 1 }

    /// The capture triggers of `table`, the `number`th of the schema (its `tbl` in entries).
    package static func triggers(for table: TableSpec, number: Int) -> [String] {
        precondition(table.columns.count <= slots, "\(table.name) has more columns than an entry has slots")
        let name = table.name
        let now = "COALESCE(s.writer_now_ms, \(ReplicatedSchema.sqliteNowMilliseconds))"
        let notApplying = "(SELECT applying FROM sync_state WHERE id = 1) = 0"
        let tick =
            "UPDATE sync_state SET hlc = MAX(hlc + 1, COALESCE(writer_now_ms, \(ReplicatedSchema.sqliteNowMilliseconds)) * 65536) WHERE id = 1;"
        let indices = Array(table.columns.indices)
        let differs = { (index: Int) in
            "OLD.\"\(table.columns[index].name)\" IS NOT NEW.\"\(table.columns[index].name)\""
        }
        let slotNames = indices.map { "p\($0)" } + indices.map { "b\($0)" }
        /// The first value and version of each column stay; a column changing for the first
        /// time takes the incoming ones.
        let keepFirst = indices.flatMap { index in
            ["p\(index)", "b\(index)"].map { slot in
                "\(slot) = CASE WHEN mask & \(bit(index)) THEN \(slot) ELSE excluded.\(slot) END"
            }
        }
        let fold = "ON CONFLICT (tbl, row_id) WHERE state = 0 DO UPDATE SET"
        let shadow = "LEFT JOIN \"\(shadowName(table))\" AS b ON b.id = OLD.id"
        let updateMask = indices.map { "((\(differs($0))) << \($0))" }.joined(separator: " | ")
        let updateSlots =
            indices.map { "CASE WHEN \(differs($0)) THEN OLD.\"\(table.columns[$0].name)\" END" }
            + indices.map { "CASE WHEN \(differs($0)) THEN b.\"v_\(table.columns[$0].name)\" END" }
        let deleteSlots =
            indices.map { "OLD.\"\(table.columns[$0].name)\"" } + indices.map { "b.\"v_\(table.columns[$0].name)\"" }
        return [
            """
            CREATE TRIGGER sync_capture_insert_\(name) AFTER INSERT ON "\(name)" WHEN \(notApplying)
            BEGIN
            \(tick)
            INSERT INTO sync_changes (tbl, row_id, op, mask, hlc, created_at)
              SELECT \(number), NEW.id, 1, \(allColumns(table)), s.hlc, \(now) FROM sync_state AS s WHERE s.id = 1
              \(fold) op = CASE op WHEN 3 THEN 2 ELSE op END, mask = mask | excluded.mask, hlc = excluded.hlc;
            END
            """,
            """
            CREATE TRIGGER sync_capture_update_\(name) AFTER UPDATE ON "\(name)"
            WHEN \(notApplying) AND (\(indices.map(differs).joined(separator: " OR ")))
            BEGIN
            \(tick)
            INSERT INTO sync_changes (tbl, row_id, op, mask, hlc, created_at, \(slotNames.joined(separator: ", ")))
              SELECT \(number), NEW.id, 2, \(updateMask), s.hlc, \(now), \(updateSlots.joined(separator: ", "))
              FROM sync_state AS s \(shadow) WHERE s.id = 1
              \(fold) mask = mask | excluded.mask, hlc = excluded.hlc, \(keepFirst.joined(separator: ", "));
            END
            """,
            """
            CREATE TRIGGER sync_capture_delete_\(name) AFTER DELETE ON "\(name)" WHEN \(notApplying)
            BEGIN
            \(tick)
            INSERT INTO sync_changes (tbl, row_id, op, mask, hlc, created_at, \(slotNames.joined(separator: ", ")))
              SELECT \(number), OLD.id, 3, \(allColumns(table)), s.hlc, \(now), \(deleteSlots.joined(separator: ", "))
              FROM sync_state AS s \(shadow) WHERE s.id = 1
              \(fold) op = CASE op WHEN 1 THEN 0 ELSE 3 END, mask = mask | excluded.mask, hlc = excluded.hlc,
                \(keepFirst.joined(separator: ", "));
            DELETE FROM sync_changes WHERE tbl = \(number) AND row_id = OLD.id AND state = 0 AND op = 0;
            END
            """,
        ]
    }
}
