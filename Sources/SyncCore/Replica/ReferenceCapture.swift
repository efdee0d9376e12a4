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
        let changed = { (index: Int) in
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
        let updateMask = indices.map { "((\(changed($0))) << \($0))" }.joined(separator: " | ")
        let updateSlots =
            indices.map { "CASE WHEN \(changed($0)) THEN OLD.\"\(table.columns[$0].name)\" END" }
            + indices.map { "CASE WHEN \(changed($0)) THEN b.\"v_\(table.columns[$0].name)\" END" }
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
            WHEN \(notApplying) AND (\(indices.map(changed).joined(separator: " OR ")))
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
