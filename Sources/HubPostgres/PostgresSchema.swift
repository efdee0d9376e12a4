import Foundation
import SyncCore

/// The hub's tables in PostgreSQL, one schema per commune. Like the SQLite
/// migrations, each is frozen once shipped: a change is a new migration, never an edit
/// (MigrationSnapshotTests pins each by the SHA-256 of its SQL).
package enum PostgresSchema {
    /// The province's registry of communes, in the database's `public` schema.
    static let registry = """
        CREATE TABLE IF NOT EXISTS public.ntm_communes (
          code TEXT PRIMARY KEY,
          schema_name TEXT NOT NULL UNIQUE,
          created_at BIGINT NOT NULL
        )
        """

    /// A date as the schema keeps dates: `YYYY-MM-DD`, a real day, from 1900. Plain SQL on
    /// the text's digits, so it is what it is declared: IMMUTABLE (no cast to `date`, whose
    /// reading depends on `DateStyle`) and cheap (no exception block, which costs a
    /// subtransaction per call, in every CHECK of every row), and no text comparison, whose
    /// order depends on the collation. Frozen in migration
    /// `pg-v3-date-sql`, which replaces the plpgsql one communes were created with.
    static let dateFunction = """
        CREATE OR REPLACE FUNCTION ntm_is_date(value TEXT) RETURNS BOOLEAN
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT CASE
            WHEN value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' OR substr(value, 1, 4)::int < 1900 THEN false
            ELSE substr(value, 9, 2)::int BETWEEN 1 AND CASE substr(value, 6, 2)::int
              WHEN 1 THEN 31 WHEN 3 THEN 31 WHEN 5 THEN 31 WHEN 7 THEN 31 WHEN 8 THEN 31
              WHEN 10 THEN 31 WHEN 12 THEN 31 WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30
              WHEN 11 THEN 30
              WHEN 2 THEN CASE WHEN substr(value, 1, 4)::int % 4 = 0
                AND (substr(value, 1, 4)::int % 100 <> 0 OR substr(value, 1, 4)::int % 400 = 0)
                THEN 29 ELSE 28 END
              ELSE 0 END
          END
        $$
        """

    /// `dateFunction` without STRICT, so that PostgreSQL inlines it into every CHECK that
    /// calls it (a STRICT function is inlined only when its body is provably strict, and a
    /// CASE is not): a call per date column per row was about 5 µs of a change's 90 µs in
    /// the database. Its answers are the same: NULL gives NULL (every branch
    /// reads `value`), which a CHECK lets pass as before. Frozen in migration
    /// `pg-v3-date-inline`.
    static let inlinedDateFunction = dateFunction.replacingOccurrences(
        of: "IMMUTABLE STRICT PARALLEL SAFE", with: "IMMUTABLE PARALLEL SAFE")

    /// The hub's own tables a move from SQLite copies (`PostgresHubDriver.migrate`), besides
    /// the replicated ones.
    static let copiedTables = [
        "sync_hub_state", "sync_hub_key", "sync_log", "sync_row_meta", "sync_replicas", "sync_received",
        "sync_audit", "sync_conflicts", "sync_tokens", "sync_blobs", "sync_blob_pieces",
    ]

    /// The migrations of a commune's schema, in order: (identifier, SQL).
    package static let migrations: [(identifier: String, sql: String)] = [
        ("pg-v3-hub", hubTables + "\n" + replicatedTables(version: 3)),
        ("pg-v3-date-sql", dateFunction + ";\n"),
        ("pg-v3-date-inline", inlinedDateFunction + ";\n"),
    ]

    /// The hub's own tables at schema version 3, as the SQLite hub has them after its
    /// migrations of versions 1 to 3.
    static let hubTables = """
        CREATE TABLE sync_hub_state (
          id BIGINT PRIMARY KEY CHECK (id = 1),
          hlc BIGINT NOT NULL DEFAULT 0,
          created_at BIGINT NOT NULL,
          commune_name TEXT
        );
        CREATE TABLE sync_log (
          seq BIGINT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete', 'conflict')),
          tbl TEXT NOT NULL,
          row_id TEXT NOT NULL,
          hamlet_id TEXT,
          data TEXT NOT NULL,
          hlc BIGINT NOT NULL,
          replica_id TEXT NOT NULL,
          author TEXT NOT NULL,
          logged_at BIGINT NOT NULL,
          origin_seq BIGINT
        );
        CREATE INDEX sync_log_scope ON sync_log (hamlet_id, seq);
        CREATE INDEX sync_log_row ON sync_log (row_id);
        CREATE TABLE sync_row_meta (
          tbl TEXT NOT NULL,
          row_id TEXT NOT NULL,
          hamlet_id TEXT,
          deleted BIGINT NOT NULL DEFAULT 0,
          fields TEXT NOT NULL,
          tombstone TEXT,
          PRIMARY KEY (tbl, row_id)
        );
        CREATE TABLE sync_replicas (
          replica_id TEXT PRIMARY KEY NOT NULL,
          role TEXT NOT NULL,
          hamlet_id TEXT,
          author TEXT NOT NULL,
          last_seq BIGINT NOT NULL DEFAULT 0,
          first_seen_at BIGINT NOT NULL,
          last_seen_at BIGINT NOT NULL,
          drift_ms BIGINT NOT NULL DEFAULT 0,
          clamped_changes BIGINT NOT NULL DEFAULT 0,
          token_id TEXT,
          app_version TEXT,
          pending BIGINT,
          device_key TEXT
        );
        CREATE TABLE sync_received (
          replica_id TEXT NOT NULL,
          seq BIGINT NOT NULL,
          digest TEXT NOT NULL,
          outcome TEXT NOT NULL,
          PRIMARY KEY (replica_id, seq)
        );
        CREATE TABLE sync_audit (
          id BIGSERIAL PRIMARY KEY,
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
        CREATE TABLE sync_tokens (
          id TEXT PRIMARY KEY NOT NULL,
          secret_sha256 TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('head', 'reviewer')),
          hamlet_id TEXT,
          name TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          revoked_at BIGINT
        );
        CREATE TABLE sync_hub_key (
          id BIGINT PRIMARY KEY CHECK (id = 1),
          private_key BYTEA NOT NULL
        );
        CREATE TABLE sync_blobs (
          sha256 TEXT PRIMARY KEY NOT NULL,
          media_type TEXT NOT NULL,
          bytes BIGINT NOT NULL,
          data BYTEA NOT NULL,
          stored_at BIGINT NOT NULL
        );
        CREATE TABLE sync_blob_pieces (
          sha256 TEXT NOT NULL,
          "offset" BIGINT NOT NULL,
          data BYTEA NOT NULL,
          bytes BIGINT NOT NULL,
          received_at BIGINT NOT NULL,
          PRIMARY KEY (sha256, "offset")
        );
        """

    /// The replicated tables of schema version `version`, from the one schema declaration,
    /// with CHECKs that mean what the SQLite ones mean.
    static func replicatedTables(version: Int) -> String {
        guard let schema = try? SchemaView.at(version) else { return "" }
        return schema.tables.map(\.postgresCreateTableSQL).joined(separator: ";\n") + ";"
    }
}

extension TableSpec {
    /// `CREATE TABLE` for PostgreSQL: the SQLite table's columns, defaults and CHECKs.
    var postgresCreateTableSQL: String {
        var lines = [#""id" TEXT PRIMARY KEY NOT NULL CHECK (length("id") > 0)"#]
        lines += columns.map(\.postgresDefinitionSQL)
        lines += rowRules.compactMap(\.postgresCheckSQL).map { "CHECK (\($0))" }
        return "CREATE TABLE \"\(name)\" (\n  \(lines.joined(separator: ",\n  "))\n)"
    }
}

extension ColumnSpec {
    /// Blank: nothing but spaces, tabs and line breaks (SQLite's rule: `trim` of those).
    static func postgresNotBlank(_ quoted: String) -> String {
        "length(btrim(\(quoted), E' \\t\\n\\r')) > 0"
    }

    var postgresDefinitionSQL: String {
        let quoted = "\"\(name)\""
        var parts = [quoted]
        var checks: [String] = []
        switch kind {
        case .text:
            parts.append("TEXT")
            if isRequired { checks.append(Self.postgresNotBlank(quoted)) }
        case .integer:
            parts.append("BIGINT")
        case .boolean:
            parts.append("BIGINT")
            checks.append("\(quoted) IN (0, 1)")
        case .real:
            parts.append("DOUBLE PRECISION")
            // As SQLite's: no infinities (JSON cannot carry them), no NaN.
            checks.append("\(quoted) NOT IN ('Infinity'::float8, '-Infinity'::float8, 'NaN'::float8)")
        case .date:
            parts.append("TEXT")
            checks.append("ntm_is_date(\(quoted))")
        case .enumeration(let values):
            parts.append("TEXT")
            checks.append("\(quoted) IN (\(values.map { SyncValue.text($0).sqlLiteral }.joined(separator: ", ")))")
        }
        if isRequired { parts.append("NOT NULL") }
        if let defaultValue { parts.append("DEFAULT \(defaultValue.sqlLiteral)") }
        if let rule { checks.append(rule.checkSQL(quoted)) }
        if !checks.isEmpty {
            let condition = checks.joined(separator: " AND ")
            parts.append(isRequired ? "CHECK (\(condition))" : "CHECK (\(quoted) IS NULL OR (\(condition)))")
        }
        return parts.joined(separator: " ")
    }
}

extension RowRule {
    var postgresCheckSQL: String? {
        switch self {
        case .oneOf(let names):
            names.map { ColumnSpec.postgresNotBlank("coalesce(\"\($0)\", '')") }.joined(separator: " OR ")
        case .wholeNumberWhen(let column, let value, let wholeColumn):
            "\"\(column)\" IS DISTINCT FROM \(SyncValue.text(value).sqlLiteral) OR \"\(wholeColumn)\" = trunc(\"\(wholeColumn)\")"
        case .atMostUnless:
            // A plausible bound: the hub's validation holds it, as the SQLite hub's triggers do.
            nil
        }
    }
}
