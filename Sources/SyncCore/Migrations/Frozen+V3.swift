// Frozen: the SQL of migrations already shipped. Never edit a migration here; add a new
// one (docs/architecture.md, "Adding a column or a table"). MigrationSnapshotTests pins
// each by the SHA-256 of its SQL.

extension FrozenMigration {
    /// Schema version 3 on a replica (issue 14): attachments, their capture triggers, and
    /// the file's own store of their content, by SHA-256.
    static let replicaV3 = FrozenMigration(
        "v3-schema", schemaVersion: 3,
        sql: #"""
            -- Schema version 3 (DESIGN.md §8): evidence attached to rows.
            CREATE TABLE "attachments" (
              "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
              "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
              "row_table" TEXT NOT NULL CHECK ("row_table" IN ('households', 'cleanups', 'road_segments', 'land_donations', 'contributions')),
              "row_id" TEXT NOT NULL CHECK (typeof("row_id") = 'text' AND length(trim("row_id", ' ' || char(9, 10, 13))) > 0),
              "sha256" TEXT NOT NULL CHECK (typeof("sha256") = 'text' AND length(trim("sha256", ' ' || char(9, 10, 13))) > 0),
              "media_type" TEXT NOT NULL CHECK ("media_type" IN ('image/jpeg', 'image/png', 'application/pdf')),
              "bytes" INTEGER NOT NULL CHECK (typeof("bytes") = 'integer' AND "bytes" BETWEEN 1 AND 10485760),
              "caption" TEXT CHECK ("caption" IS NULL OR (typeof("caption") = 'text')),
              "taken_on" TEXT CHECK ("taken_on" IS NULL OR (typeof("taken_on") = 'text' AND date("taken_on", '+0 days') IS "taken_on" AND "taken_on" >= '1900-01-01'))
            );
            CREATE TRIGGER sync_capture_insert_attachments AFTER INSERT ON "attachments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'attachments', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'row_table', NEW."row_table", 'row_id', NEW."row_id", 'sha256', NEW."sha256", 'media_type', NEW."media_type", 'bytes', NEW."bytes", 'caption', NEW."caption", 'taken_on', NEW."taken_on"), NULL, NULL,
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            CREATE TRIGGER sync_capture_update_attachments AFTER UPDATE ON "attachments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."row_table" IS NOT NEW."row_table" OR OLD."row_id" IS NOT NEW."row_id" OR OLD."sha256" IS NOT NEW."sha256" OR OLD."media_type" IS NOT NEW."media_type" OR OLD."bytes" IS NOT NEW."bytes" OR OLD."caption" IS NOT NEW."caption" OR OLD."taken_on" IS NOT NEW."taken_on")
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'attachments', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'row_table', NEW."row_table", 'row_id', NEW."row_id", 'sha256', NEW."sha256", 'media_type', NEW."media_type", 'bytes', NEW."bytes", 'caption', NEW."caption", 'taken_on', NEW."taken_on"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'row_table', OLD."row_table", 'row_id', OLD."row_id", 'sha256', OLD."sha256", 'media_type', OLD."media_type", 'bytes', OLD."bytes", 'caption', OLD."caption", 'taken_on', OLD."taken_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'attachments' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            CREATE TRIGGER sync_capture_delete_attachments AFTER DELETE ON "attachments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'attachments', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'row_table', OLD."row_table", 'row_id', OLD."row_id", 'sha256', OLD."sha256", 'media_type', OLD."media_type", 'bytes', OLD."bytes", 'caption', OLD."caption", 'taken_on', OLD."taken_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'attachments' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            CREATE TRIGGER sync_guard_id_attachments BEFORE UPDATE OF id ON "attachments" WHEN OLD.id IS NOT NEW.id
            BEGIN SELECT RAISE(ABORT, 'attachments.id: cannot change'); END;
            CREATE TRIGGER sync_guard_hamlet_attachments BEFORE UPDATE OF hamlet_id ON "attachments"
            WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
            BEGIN SELECT RAISE(ABORT, 'attachments.hamlet_id: cannot change; delete the row and add it to the other hamlet'); END;
            CREATE TRIGGER sync_plausible_insert_attachments BEFORE INSERT ON "attachments"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."row_id" IS NULL OR (length(CAST(NEW."row_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."row_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."row_id" AS BLOB), X'00') = 0)) AND (NEW."sha256" IS NULL OR (length(CAST(NEW."sha256" AS BLOB)) = 64 AND NEW."sha256" NOT GLOB '*[^0-9a-f]*')) AND (NEW."caption" IS NULL OR (length(NEW."caption") <= 2000 AND NEW."caption" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."caption" AS BLOB), X'00') = 0)) AND (NEW."taken_on" IS NULL OR (NEW."taken_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'attachments.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.row_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."row_id" IS NULL OR (length(CAST(NEW."row_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."row_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."row_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.sha256: must be a SHA-256: 64 lowercase hexadecimal digits') WHERE NOT (NEW."sha256" IS NULL OR (length(CAST(NEW."sha256" AS BLOB)) = 64 AND NEW."sha256" NOT GLOB '*[^0-9a-f]*'));
            SELECT RAISE(ABORT, 'attachments.caption: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."caption" IS NULL OR (length(NEW."caption") <= 2000 AND NEW."caption" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."caption" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.taken_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."taken_on" IS NULL OR (NEW."taken_on" <= '2100-12-31'));
            END;
            CREATE TRIGGER sync_plausible_update_attachments BEFORE UPDATE ON "attachments"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."row_id" IS NULL OR (length(CAST(NEW."row_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."row_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."row_id" AS BLOB), X'00') = 0)) AND (NEW."sha256" IS NULL OR (length(CAST(NEW."sha256" AS BLOB)) = 64 AND NEW."sha256" NOT GLOB '*[^0-9a-f]*')) AND (NEW."caption" IS NULL OR (length(NEW."caption") <= 2000 AND NEW."caption" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."caption" AS BLOB), X'00') = 0)) AND (NEW."taken_on" IS NULL OR (NEW."taken_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'attachments.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.row_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."row_id" IS NULL OR (length(CAST(NEW."row_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."row_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."row_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.sha256: must be a SHA-256: 64 lowercase hexadecimal digits') WHERE NOT (NEW."sha256" IS NULL OR (length(CAST(NEW."sha256" AS BLOB)) = 64 AND NEW."sha256" NOT GLOB '*[^0-9a-f]*'));
            SELECT RAISE(ABORT, 'attachments.caption: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."caption" IS NULL OR (length(NEW."caption") <= 2000 AND NEW."caption" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."caption" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'attachments.taken_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."taken_on" IS NULL OR (NEW."taken_on" <= '2100-12-31'));
            END;
            -- The content of attachments, stored once by SHA-256: recorded here, or fetched
            -- from the hub on demand. `uploaded`: the hub holds it whole.
            CREATE TABLE sync_blobs (
              sha256 TEXT PRIMARY KEY NOT NULL,
              media_type TEXT NOT NULL,
              bytes INTEGER NOT NULL,
              data BLOB NOT NULL,
              uploaded INTEGER NOT NULL DEFAULT 0
            );
            -- The attachments the replica's earlier pulls left out are fetched again: from
            -- version 2, or from where a backfill still under way began.
            UPDATE sync_state SET
              backfill_cursor = CASE WHEN backfill_until IS NULL THEN 0 ELSE backfill_cursor END,
              backfill_from = CASE WHEN backfill_until IS NULL THEN 2 ELSE backfill_from END,
              backfill_until = pull_cursor
            WHERE pull_cursor > 0;
            """#)

    /// Schema version 3 on the hub: attachments, the content of each stored once by
    /// SHA-256, and uploads in progress as the pieces received so far.
    static let hubV3 = FrozenMigration(
        "v3-schema", schemaVersion: 3,
        sql: #"""
            -- Schema version 3 (DESIGN.md §8): evidence attached to rows.
            CREATE TABLE "attachments" (
              "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
              "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
              "row_table" TEXT NOT NULL CHECK ("row_table" IN ('households', 'cleanups', 'road_segments', 'land_donations', 'contributions')),
              "row_id" TEXT NOT NULL CHECK (typeof("row_id") = 'text' AND length(trim("row_id", ' ' || char(9, 10, 13))) > 0),
              "sha256" TEXT NOT NULL CHECK (typeof("sha256") = 'text' AND length(trim("sha256", ' ' || char(9, 10, 13))) > 0),
              "media_type" TEXT NOT NULL CHECK ("media_type" IN ('image/jpeg', 'image/png', 'application/pdf')),
              "bytes" INTEGER NOT NULL CHECK (typeof("bytes") = 'integer' AND "bytes" BETWEEN 1 AND 10485760),
              "caption" TEXT CHECK ("caption" IS NULL OR (typeof("caption") = 'text')),
              "taken_on" TEXT CHECK ("taken_on" IS NULL OR (typeof("taken_on") = 'text' AND date("taken_on", '+0 days') IS "taken_on" AND "taken_on" >= '1900-01-01'))
            );
            CREATE TABLE sync_blobs (
              sha256 TEXT PRIMARY KEY NOT NULL,
              media_type TEXT NOT NULL,
              bytes INTEGER NOT NULL,
              data BLOB NOT NULL,
              stored_at INTEGER NOT NULL
            );
            CREATE TABLE sync_blob_pieces (
              sha256 TEXT NOT NULL,
              offset INTEGER NOT NULL,
              data BLOB NOT NULL,
              bytes INTEGER NOT NULL,
              received_at INTEGER NOT NULL,
              PRIMARY KEY (sha256, offset)
            );
            """#)
}
