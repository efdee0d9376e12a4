import GRDB

/// The replica file's named, additive migrations.
enum ReplicaMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ReplicatedSchema.registerMigrations(in: &migrator)
        migrator.registerMigration("v1-replica-engine") { db in
            try db.execute(
                sql: """
                    -- The replica's identity, clock, change sequence and pull cursor: one row.
                    CREATE TABLE sync_state (
                      id INTEGER PRIMARY KEY CHECK (id = 1),
                      replica_id TEXT NOT NULL,
                      role TEXT NOT NULL CHECK (role IN ('head', 'reviewer')),
                      hamlet_id TEXT,
                      author TEXT NOT NULL DEFAULT '',
                      next_seq INTEGER NOT NULL DEFAULT 1,
                      hlc INTEGER NOT NULL DEFAULT 0,
                      applying INTEGER NOT NULL DEFAULT 0,
                      writer_now_ms INTEGER,
                      pull_cursor INTEGER NOT NULL DEFAULT 0,
                      last_sync_at INTEGER,
                      hub_drift_ms INTEGER,
                      created_at INTEGER NOT NULL
                    );
                    -- Local changes captured by triggers, in the writing transaction.
                    -- state: pending (not yet acknowledged), acked (merged at the hub; kept on
                    -- top until the pull cursor reaches settle_seq), rejected (kept, with reason).
                    CREATE TABLE sync_outbox (
                      seq INTEGER PRIMARY KEY,
                      tbl TEXT NOT NULL,
                      row_id TEXT NOT NULL,
                      op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
                      new_values TEXT,
                      old_values TEXT,
                      base_versions TEXT,
                      hlc INTEGER NOT NULL,
                      created_at INTEGER NOT NULL,
                      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'rejected')),
                      settle_seq INTEGER,
                      reason TEXT
                    );
                    CREATE INDEX sync_outbox_row ON sync_outbox (tbl, row_id);
                    CREATE INDEX sync_outbox_state ON sync_outbox (state, seq);
                    -- Hub-confirmed rows: values and per-field versions as last pulled.
                    CREATE TABLE sync_base_rows (
                      tbl TEXT NOT NULL,
                      row_id TEXT NOT NULL,
                      vals TEXT NOT NULL,
                      vers TEXT NOT NULL,
                      PRIMARY KEY (tbl, row_id)
                    ) WITHOUT ROWID;
                    """)
            try db.execute(sql: ReplicatedSchema.conflictsTableSQL)
            for table in ReplicatedSchema.tables {
                for statement in ReplicaTriggers.create(for: table) { try db.execute(sql: statement) }
            }
        }
        migrator.registerMigration("v1-replica-hub") { db in
            try db.execute(
                sql: """
                    -- Where this replica syncs, and the bearer token it syncs with.
                    CREATE TABLE sync_hub (
                      id INTEGER PRIMARY KEY CHECK (id = 1),
                      url TEXT NOT NULL,
                      token TEXT NOT NULL
                    );
                    """)
        }
        // Writes by other tools (the `sqlite3` shell) refuse implausible values. The engine's
        // own writes are checked before they are made, against the same declaration (the
        // triggers would double the cost of a local write), and rows applied from the hub
        // are the hub's to judge.
        ReplicatedSchema.registerPlausibleValues(in: &migrator, when: ReplicaTriggers.otherTools)
        migrator.registerMigration("v1-replica-identities") { db in
            try db.execute(
                sql: """
                    -- A copy of the file forks: it takes a new id, and its unacknowledged changes
                    -- are numbered from 1 again under it. Outbox seq = wire seq + seq_base.
                    ALTER TABLE sync_state ADD COLUMN seq_base INTEGER NOT NULL DEFAULT 0;
                    -- The ids this replica synced under before: changes with seq < until_seq
                    -- went out under replica_id.
                    CREATE TABLE sync_identities (
                      replica_id TEXT PRIMARY KEY NOT NULL,
                      seq_base INTEGER NOT NULL,
                      until_seq INTEGER NOT NULL,
                      retired_at INTEGER NOT NULL,
                      reason TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v1-replica-set-aside") { db in
            try db.execute(
                sql: """
                    -- Outbox entries that can no longer be read (edited by another tool): moved
                    -- here with every column as it was, so that sync goes on and nothing is lost.
                    CREATE TABLE sync_set_aside (
                      id INTEGER PRIMARY KEY,
                      seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at,
                      state, reason_was,
                      reason TEXT NOT NULL,
                      set_aside_at INTEGER NOT NULL
                    );
                    -- While the confirmed copy is rebuilt from the hub (it was damaged), the log
                    -- position it must reach before rows can be compared with it again.
                    ALTER TABLE sync_state ADD COLUMN rebuild_until INTEGER;
                    """)
        }
        migrator.registerMigration("v1-replica-refill") { db in
            try db.execute(
                sql: """
                    -- The mark of the log entry at the pull cursor, and of recent page ends: a hub
                    -- restored from an older copy is found, and where its log parted from ours.
                    ALTER TABLE sync_state ADD COLUMN pull_mark TEXT;
                    CREATE TABLE sync_pull_marks (seq INTEGER PRIMARY KEY, mark TEXT NOT NULL);
                    -- Who wrote each confirmed version, so that what a restored hub lost can be
                    -- offered back with its original authors and stamps.
                    ALTER TABLE sync_base_rows ADD COLUMN origins TEXT;
                    -- Rows the hub's log deleted, by version and author, so that a delete a restored
                    -- hub lost is offered back too. (A row that comes back has a confirmed copy,
                    -- which wins over a stale entry here.)
                    CREATE TABLE sync_base_deleted (
                      tbl TEXT NOT NULL,
                      row_id TEXT NOT NULL,
                      version INTEGER NOT NULL,
                      origin TEXT,
                      PRIMARY KEY (tbl, row_id)
                    ) WITHOUT ROWID;
                    -- Confirmed fields a restored hub lost, waiting to be offered back.
                    CREATE TABLE sync_reoffer (
                      tbl TEXT NOT NULL,
                      row_id TEXT NOT NULL,
                      kept INTEGER NOT NULL,
                      fields TEXT NOT NULL,
                      PRIMARY KEY (tbl, row_id)
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }
}

/// The capture triggers: every insert, update and delete of a replicated table, by any
/// SQLite client, goes into `sync_outbox` in the writing transaction with a hybrid clock
/// stamp and the per-field versions its author last saw. While the engine applies rows
/// from the hub it sets `sync_state.applying`, and the triggers stand aside.
enum ReplicaTriggers {
    /// Wall-clock milliseconds: the engine's injected clock when it is the writer, SQLite's
    /// clock otherwise (the `sqlite3` shell, another program).
    static let now =
        "COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), \(ReplicatedSchema.sqliteNowMilliseconds))"
    static let notApplying = "(SELECT applying FROM sync_state WHERE id = 1) = 0"
    /// True for a write by another program: neither the engine applying the hub's rows nor
    /// the engine writing for its user (`Replica.write` sets `writer_now_ms`).
    static let otherTools = "(SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1)"

    static func create(for table: TableSpec) -> [String] {
        let name = table.name
        func json(_ prefix: String) -> String {
            "json_object(" + table.columnNames.map { "'\($0)', \(prefix).\"\($0)\"" }.joined(separator: ", ") + ")"
        }
        let base = "(SELECT vers FROM sync_base_rows WHERE tbl = '\(name)' AND row_id = OLD.id)"
        func capture(_ op: String, row: String, new: String, old: String, base: String) -> String {
            """
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, '\(name)', \(row).id, '\(op)', \(new), \(old), \(base),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT \(now) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            """
        }
        let changed = table.columns.map { "OLD.\"\($0.name)\" IS NOT NEW.\"\($0.name)\"" }.joined(separator: " OR ")
        var statements = [
            """
            CREATE TRIGGER sync_capture_insert_\(name) AFTER INSERT ON "\(name)" WHEN \(notApplying)
            BEGIN
            \(capture("insert", row: "NEW", new: json("NEW"), old: "NULL", base: "NULL"))
            END
            """,
            """
            CREATE TRIGGER sync_capture_update_\(name) AFTER UPDATE ON "\(name)" WHEN \(notApplying) AND (\(changed))
            BEGIN
            \(capture("update", row: "NEW", new: json("NEW"), old: json("OLD"), base: base))
            END
            """,
            """
            CREATE TRIGGER sync_capture_delete_\(name) AFTER DELETE ON "\(name)" WHEN \(notApplying)
            BEGIN
            \(capture("delete", row: "OLD", new: "NULL", old: json("OLD"), base: base))
            END
            """,
            """
            CREATE TRIGGER sync_guard_id_\(name) BEFORE UPDATE OF id ON "\(name)" WHEN OLD.id IS NOT NEW.id
            BEGIN SELECT RAISE(ABORT, '\(name).id: cannot change'); END
            """,
        ]
        if table.scope == .hamlet {
            statements.append(
                """
                CREATE TRIGGER sync_guard_hamlet_\(name) BEFORE UPDATE OF hamlet_id ON "\(name)"
                WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
                BEGIN SELECT RAISE(ABORT, '\(name).hamlet_id: cannot change; delete the row and add it to the other hamlet'); END
                """)
        }
        return statements
    }
}
