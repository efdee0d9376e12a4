// Frozen: the SQL of migrations already shipped. Never edit a migration here; add a new
// one (docs/architecture.md, "Adding a column or a table"). MigrationSnapshotTests pins
// each by the SHA-256 of its SQL.

extension FrozenMigration {
    /// The hub's migrations of schema version 1, in order.
    static let hubV1: [FrozenMigration] = [
        v1ReplicatedTables,
        FrozenMigration(
            "v1-hub-engine", schemaVersion: 1,
            sql: #"""
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
                CREATE TABLE sync_conflicts (
                  id TEXT PRIMARY KEY NOT NULL,
                  tbl TEXT NOT NULL,
                  row_id TEXT NOT NULL,
                  hamlet_id TEXT,
                  col TEXT,
                  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
                  record TEXT NOT NULL
                );
                CREATE INDEX sync_conflicts_status ON sync_conflicts (status, hamlet_id);
                """#),
        FrozenMigration(
            "v1-hub-administration", schemaVersion: 1,
            sql: #"""
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
                """#),
        // Which change of its replica produced each entry: who changed what, exactly.
        FrozenMigration(
            "v1-hub-log-origin", schemaVersion: 1,
            sql: #"""
                ALTER TABLE sync_log ADD COLUMN origin_seq INTEGER;
                """#),
        // One identity per device: the token that first used a replica id owns it.
        FrozenMigration(
            "v1-hub-replica-token", schemaVersion: 1,
            sql: #"""
                ALTER TABLE sync_replicas ADD COLUMN token_id TEXT;
                """#),
    ]
}
