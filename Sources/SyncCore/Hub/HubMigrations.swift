import GRDB

/// The hub file's named, additive migrations.
enum HubMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        ReplicatedSchema.registerMigrations(in: &migrator)
        migrator.registerMigration("v1-hub-engine") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sync_hub_state (
                      id INTEGER PRIMARY KEY CHECK (id = 1),
                      hlc INTEGER NOT NULL DEFAULT 0,
                      created_at INTEGER NOT NULL
                    );
                    -- The ordered log replicas pull; seq is each entry's version. Never deleted from.
                    CREATE TABLE sync_log (
                      seq INTEGER PRIMARY KEY,
                      kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete', 'conflict')),
                      tbl TEXT NOT NULL,
                      row_id TEXT NOT NULL,
                      hamlet_id TEXT,
                      data TEXT NOT NULL,
                      hlc INTEGER NOT NULL,
                      replica_id TEXT NOT NULL,
                      author TEXT NOT NULL,
                      logged_at INTEGER NOT NULL
                    );
                    CREATE INDEX sync_log_scope ON sync_log (hamlet_id, seq);
                    -- Per row: its hamlet, whether deleted, and per field who set it at which version.
                    CREATE TABLE sync_row_meta (
                      tbl TEXT NOT NULL,
                      row_id TEXT NOT NULL,
                      hamlet_id TEXT,
                      deleted INTEGER NOT NULL DEFAULT 0,
                      fields TEXT NOT NULL,
                      tombstone TEXT,
                      PRIMARY KEY (tbl, row_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE sync_replicas (
                      replica_id TEXT PRIMARY KEY NOT NULL,
                      role TEXT NOT NULL,
                      hamlet_id TEXT,
                      author TEXT NOT NULL,
                      last_seq INTEGER NOT NULL DEFAULT 0,
                      first_seen_at INTEGER NOT NULL,
                      last_seen_at INTEGER NOT NULL,
                      drift_ms INTEGER NOT NULL DEFAULT 0,
                      clamped_changes INTEGER NOT NULL DEFAULT 0
                    );
                    -- Idempotency: every change received, with its digest and its outcome.
                    CREATE TABLE sync_received (
                      replica_id TEXT NOT NULL,
                      seq INTEGER NOT NULL,
                      digest TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      PRIMARY KEY (replica_id, seq)
                    ) WITHOUT ROWID;
                    CREATE TABLE sync_audit (
                      id INTEGER PRIMARY KEY,
                      tbl TEXT NOT NULL,
                      row_id TEXT NOT NULL,
                      col TEXT,
                      decision TEXT NOT NULL,
                      entry TEXT NOT NULL
                    );
                    CREATE INDEX sync_audit_row ON sync_audit (tbl, row_id);
                    """)
            try db.execute(sql: ReplicatedSchema.conflictsTableSQL)
            try db.execute(sql: "CREATE INDEX sync_conflicts_status ON sync_conflicts (status, hamlet_id)")
        }
        registerAdministration(in: &migrator)
        migrator.registerMigration("v1-hub-log-origin") { db in
            // Which change of its replica produced each entry: who changed what, exactly.
            try db.execute(sql: "ALTER TABLE sync_log ADD COLUMN origin_seq INTEGER")
        }
        migrator.registerMigration("v1-hub-replica-token") { db in
            // One identity per device: the token that first used a replica id owns it.
            try db.execute(sql: "ALTER TABLE sync_replicas ADD COLUMN token_id TEXT")
        }
        return migrator
    }
}

extension HubMigrations {
    /// Migrations of the hub's administration: the commune's name and access tokens.
    static func registerAdministration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-hub-administration") { db in
            try db.execute(
                sql: """
                    ALTER TABLE sync_hub_state ADD COLUMN commune_name TEXT;
                    -- Access tokens: only the SHA-256 of the secret half is kept.
                    CREATE TABLE sync_tokens (
                      id TEXT PRIMARY KEY NOT NULL,
                      secret_sha256 TEXT NOT NULL,
                      role TEXT NOT NULL CHECK (role IN ('head', 'reviewer')),
                      hamlet_id TEXT,
                      name TEXT NOT NULL,
                      created_at INTEGER NOT NULL,
                      revoked_at INTEGER
                    );
                    """)
        }
    }
}
