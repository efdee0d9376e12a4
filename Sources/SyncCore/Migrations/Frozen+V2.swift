// Frozen: the SQL of migrations already shipped. Never edit a migration here; add a new
// one (docs/architecture.md, "Adding a column or a table"). MigrationSnapshotTests pins
// each by the SHA-256 of its SQL.

extension FrozenMigration {
    /// Schema version 2 on a replica, in one transaction: the new columns, the triggers
    /// that list columns rebuilt, and what the replica must fetch again from the hub.
    static let replicaV2 = FrozenMigration(
        "v2-schema", schemaVersion: 2,
        sql: #"""
            -- Schema version 2 (DESIGN.md §3): road kind and completion date, handed-over date,
            -- hamlet achievement, criteria level, owner and due date.
            ALTER TABLE "hamlets" ADD COLUMN "achieved" TEXT NOT NULL DEFAULT 'none' CHECK ("achieved" IN ('none', 'standard', 'model'));
            ALTER TABLE "hamlets" ADD COLUMN "achieved_year" INTEGER CHECK ("achieved_year" IS NULL OR (typeof("achieved_year") = 'integer' AND "achieved_year" BETWEEN 2000 AND 2100));
            ALTER TABLE "criteria" ADD COLUMN "level" TEXT NOT NULL DEFAULT 'standard' CHECK ("level" IN ('standard', 'advanced', 'model'));
            ALTER TABLE "criteria" ADD COLUMN "owner" TEXT CHECK ("owner" IS NULL OR (typeof("owner") = 'text'));
            ALTER TABLE "criteria" ADD COLUMN "due_on" TEXT CHECK ("due_on" IS NULL OR (typeof("due_on") = 'text' AND date("due_on", '+0 days') IS "due_on" AND "due_on" >= '1900-01-01'));
            ALTER TABLE "road_segments" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'truc' CHECK ("kind" IN ('truc', 'ngo', 'noi_dong'));
            ALTER TABLE "road_segments" ADD COLUMN "completed_on" TEXT CHECK ("completed_on" IS NULL OR (typeof("completed_on") = 'text' AND date("completed_on", '+0 days') IS "completed_on" AND "completed_on" >= '1900-01-01'));
            ALTER TABLE "land_donations" ADD COLUMN "handed_over_on" TEXT CHECK ("handed_over_on" IS NULL OR (typeof("handed_over_on") = 'text' AND date("handed_over_on", '+0 days') IS "handed_over_on" AND "handed_over_on" >= '1900-01-01'));
            -- The capture and plausible-value triggers of the tables that gained columns.
            DROP TRIGGER sync_capture_insert_hamlets;
            CREATE TRIGGER sync_capture_insert_hamlets AFTER INSERT ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'hamlets', NEW.id, 'insert', json_object('id', NEW."id", 'name', NEW."name", 'kind', NEW."kind", 'head_name', NEW."head_name", 'households_total', NEW."households_total", 'target', NEW."target", 'note', NEW."note", 'achieved', NEW."achieved", 'achieved_year', NEW."achieved_year"), NULL, NULL,
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_update_hamlets;
            CREATE TRIGGER sync_capture_update_hamlets AFTER UPDATE ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."name" IS NOT NEW."name" OR OLD."kind" IS NOT NEW."kind" OR OLD."head_name" IS NOT NEW."head_name" OR OLD."households_total" IS NOT NEW."households_total" OR OLD."target" IS NOT NEW."target" OR OLD."note" IS NOT NEW."note" OR OLD."achieved" IS NOT NEW."achieved" OR OLD."achieved_year" IS NOT NEW."achieved_year")
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'hamlets', NEW.id, 'update', json_object('id', NEW."id", 'name', NEW."name", 'kind', NEW."kind", 'head_name', NEW."head_name", 'households_total', NEW."households_total", 'target', NEW."target", 'note', NEW."note", 'achieved', NEW."achieved", 'achieved_year', NEW."achieved_year"), json_object('id', OLD."id", 'name', OLD."name", 'kind', OLD."kind", 'head_name', OLD."head_name", 'households_total', OLD."households_total", 'target', OLD."target", 'note', OLD."note", 'achieved', OLD."achieved", 'achieved_year', OLD."achieved_year"), (SELECT vers FROM sync_base_rows WHERE tbl = 'hamlets' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_delete_hamlets;
            CREATE TRIGGER sync_capture_delete_hamlets AFTER DELETE ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'hamlets', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'name', OLD."name", 'kind', OLD."kind", 'head_name', OLD."head_name", 'households_total', OLD."households_total", 'target', OLD."target", 'note', OLD."note", 'achieved', OLD."achieved", 'achieved_year', OLD."achieved_year"), (SELECT vers FROM sync_base_rows WHERE tbl = 'hamlets' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_insert_criteria;
            CREATE TRIGGER sync_capture_insert_criteria AFTER INSERT ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'criteria', NEW.id, 'insert', json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'status', NEW."status", 'target_year', NEW."target_year", 'note', NEW."note", 'level', NEW."level", 'owner', NEW."owner", 'due_on', NEW."due_on"), NULL, NULL,
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_update_criteria;
            CREATE TRIGGER sync_capture_update_criteria AFTER UPDATE ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."number" IS NOT NEW."number" OR OLD."name" IS NOT NEW."name" OR OLD."status" IS NOT NEW."status" OR OLD."target_year" IS NOT NEW."target_year" OR OLD."note" IS NOT NEW."note" OR OLD."level" IS NOT NEW."level" OR OLD."owner" IS NOT NEW."owner" OR OLD."due_on" IS NOT NEW."due_on")
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'criteria', NEW.id, 'update', json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'status', NEW."status", 'target_year', NEW."target_year", 'note', NEW."note", 'level', NEW."level", 'owner', NEW."owner", 'due_on', NEW."due_on"), json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'status', OLD."status", 'target_year', OLD."target_year", 'note', OLD."note", 'level', OLD."level", 'owner', OLD."owner", 'due_on', OLD."due_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'criteria' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_delete_criteria;
            CREATE TRIGGER sync_capture_delete_criteria AFTER DELETE ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'criteria', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'status', OLD."status", 'target_year', OLD."target_year", 'note', OLD."note", 'level', OLD."level", 'owner', OLD."owner", 'due_on', OLD."due_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'criteria' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_plausible_insert_criteria;
            CREATE TRIGGER sync_plausible_insert_criteria BEFORE INSERT ON "criteria"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0)) AND (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'criteria.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.owner: must be at most 200 characters without control characters') WHERE NOT (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.due_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31'));
            END;
            DROP TRIGGER sync_plausible_update_criteria;
            CREATE TRIGGER sync_plausible_update_criteria BEFORE UPDATE ON "criteria"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0)) AND (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'criteria.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.owner: must be at most 200 characters without control characters') WHERE NOT (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'criteria.due_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31'));
            END;
            DROP TRIGGER sync_capture_insert_road_segments;
            CREATE TRIGGER sync_capture_insert_road_segments AFTER INSERT ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'road_segments', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'name', NEW."name", 'length_m', NEW."length_m", 'width_before_m', NEW."width_before_m", 'width_after_m', NEW."width_after_m", 'target_width_m', NEW."target_width_m", 'status', NEW."status", 'lighting', NEW."lighting", 'trees', NEW."trees", 'note', NEW."note", 'kind', NEW."kind", 'completed_on', NEW."completed_on"), NULL, NULL,
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_update_road_segments;
            CREATE TRIGGER sync_capture_update_road_segments AFTER UPDATE ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."name" IS NOT NEW."name" OR OLD."length_m" IS NOT NEW."length_m" OR OLD."width_before_m" IS NOT NEW."width_before_m" OR OLD."width_after_m" IS NOT NEW."width_after_m" OR OLD."target_width_m" IS NOT NEW."target_width_m" OR OLD."status" IS NOT NEW."status" OR OLD."lighting" IS NOT NEW."lighting" OR OLD."trees" IS NOT NEW."trees" OR OLD."note" IS NOT NEW."note" OR OLD."kind" IS NOT NEW."kind" OR OLD."completed_on" IS NOT NEW."completed_on")
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'road_segments', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'name', NEW."name", 'length_m', NEW."length_m", 'width_before_m', NEW."width_before_m", 'width_after_m', NEW."width_after_m", 'target_width_m', NEW."target_width_m", 'status', NEW."status", 'lighting', NEW."lighting", 'trees', NEW."trees", 'note', NEW."note", 'kind', NEW."kind", 'completed_on', NEW."completed_on"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'name', OLD."name", 'length_m', OLD."length_m", 'width_before_m', OLD."width_before_m", 'width_after_m', OLD."width_after_m", 'target_width_m', OLD."target_width_m", 'status', OLD."status", 'lighting', OLD."lighting", 'trees', OLD."trees", 'note', OLD."note", 'kind', OLD."kind", 'completed_on', OLD."completed_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'road_segments' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_delete_road_segments;
            CREATE TRIGGER sync_capture_delete_road_segments AFTER DELETE ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'road_segments', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'name', OLD."name", 'length_m', OLD."length_m", 'width_before_m', OLD."width_before_m", 'width_after_m', OLD."width_after_m", 'target_width_m', OLD."target_width_m", 'status', OLD."status", 'lighting', OLD."lighting", 'trees', OLD."trees", 'note', OLD."note", 'kind', OLD."kind", 'completed_on', OLD."completed_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'road_segments' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_plausible_insert_road_segments;
            CREATE TRIGGER sync_plausible_insert_road_segments BEFORE INSERT ON "road_segments"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0)) AND (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0)) AND (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0)) AND (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."completed_on" IS NULL OR (NEW."completed_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'road_segments.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.length_m: must be at most 50000') WHERE NOT (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0));
            SELECT RAISE(ABORT, 'road_segments.width_before_m: must be at most 50') WHERE NOT (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0));
            SELECT RAISE(ABORT, 'road_segments.width_after_m: must be at most 50') WHERE NOT (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0));
            SELECT RAISE(ABORT, 'road_segments.target_width_m: must be at most 50') WHERE NOT (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0));
            SELECT RAISE(ABORT, 'road_segments.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.completed_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."completed_on" IS NULL OR (NEW."completed_on" <= '2100-12-31'));
            END;
            DROP TRIGGER sync_plausible_update_road_segments;
            CREATE TRIGGER sync_plausible_update_road_segments BEFORE UPDATE ON "road_segments"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0)) AND (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0)) AND (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0)) AND (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."completed_on" IS NULL OR (NEW."completed_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'road_segments.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.length_m: must be at most 50000') WHERE NOT (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0));
            SELECT RAISE(ABORT, 'road_segments.width_before_m: must be at most 50') WHERE NOT (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0));
            SELECT RAISE(ABORT, 'road_segments.width_after_m: must be at most 50') WHERE NOT (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0));
            SELECT RAISE(ABORT, 'road_segments.target_width_m: must be at most 50') WHERE NOT (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0));
            SELECT RAISE(ABORT, 'road_segments.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'road_segments.completed_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."completed_on" IS NULL OR (NEW."completed_on" <= '2100-12-31'));
            END;
            DROP TRIGGER sync_capture_insert_land_donations;
            CREATE TRIGGER sync_capture_insert_land_donations AFTER INSERT ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'land_donations', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'road_segment_id', NEW."road_segment_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'area_m2', NEW."area_m2", 'assets', NEW."assets", 'assets_value_vnd', NEW."assets_value_vnd", 'status', NEW."status", 'signed_on', NEW."signed_on", 'note', NEW."note", 'handed_over_on', NEW."handed_over_on"), NULL, NULL,
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_update_land_donations;
            CREATE TRIGGER sync_capture_update_land_donations AFTER UPDATE ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."road_segment_id" IS NOT NEW."road_segment_id" OR OLD."household_id" IS NOT NEW."household_id" OR OLD."donor_name" IS NOT NEW."donor_name" OR OLD."area_m2" IS NOT NEW."area_m2" OR OLD."assets" IS NOT NEW."assets" OR OLD."assets_value_vnd" IS NOT NEW."assets_value_vnd" OR OLD."status" IS NOT NEW."status" OR OLD."signed_on" IS NOT NEW."signed_on" OR OLD."note" IS NOT NEW."note" OR OLD."handed_over_on" IS NOT NEW."handed_over_on")
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'land_donations', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'road_segment_id', NEW."road_segment_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'area_m2', NEW."area_m2", 'assets', NEW."assets", 'assets_value_vnd', NEW."assets_value_vnd", 'status', NEW."status", 'signed_on', NEW."signed_on", 'note', NEW."note", 'handed_over_on', NEW."handed_over_on"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'road_segment_id', OLD."road_segment_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'area_m2', OLD."area_m2", 'assets', OLD."assets", 'assets_value_vnd', OLD."assets_value_vnd", 'status', OLD."status", 'signed_on', OLD."signed_on", 'note', OLD."note", 'handed_over_on', OLD."handed_over_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'land_donations' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_capture_delete_land_donations;
            CREATE TRIGGER sync_capture_delete_land_donations AFTER DELETE ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
            BEGIN
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, 'land_donations', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'road_segment_id', OLD."road_segment_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'area_m2', OLD."area_m2", 'assets', OLD."assets", 'assets_value_vnd', OLD."assets_value_vnd", 'status', OLD."status", 'signed_on', OLD."signed_on", 'note', OLD."note", 'handed_over_on', OLD."handed_over_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'land_donations' AND row_id = OLD.id),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            END;
            DROP TRIGGER sync_plausible_insert_land_donations;
            CREATE TRIGGER sync_plausible_insert_land_donations BEFORE INSERT ON "land_donations"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."road_segment_id" IS NULL OR (length(CAST(NEW."road_segment_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."road_segment_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."road_segment_id" AS BLOB), X'00') = 0)) AND (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0)) AND (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0)) AND (NEW."area_m2" IS NULL OR (NEW."area_m2" <= 100000.0)) AND (NEW."assets" IS NULL OR (length(NEW."assets") <= 2000 AND NEW."assets" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."assets" AS BLOB), X'00') = 0)) AND (NEW."assets_value_vnd" IS NULL OR (NEW."assets_value_vnd" <= 1000000000000.0)) AND (NEW."signed_on" IS NULL OR (NEW."signed_on" <= '2100-12-31')) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."handed_over_on" IS NULL OR (NEW."handed_over_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'land_donations.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.road_segment_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."road_segment_id" IS NULL OR (length(CAST(NEW."road_segment_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."road_segment_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."road_segment_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.household_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.donor_name: must be at most 200 characters without control characters') WHERE NOT (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.area_m2: must be at most 100000') WHERE NOT (NEW."area_m2" IS NULL OR (NEW."area_m2" <= 100000.0));
            SELECT RAISE(ABORT, 'land_donations.assets: must be at most 2000 characters without control characters') WHERE NOT (NEW."assets" IS NULL OR (length(NEW."assets") <= 2000 AND NEW."assets" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."assets" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.assets_value_vnd: must be at most 1000000000000') WHERE NOT (NEW."assets_value_vnd" IS NULL OR (NEW."assets_value_vnd" <= 1000000000000.0));
            SELECT RAISE(ABORT, 'land_donations.signed_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."signed_on" IS NULL OR (NEW."signed_on" <= '2100-12-31'));
            SELECT RAISE(ABORT, 'land_donations.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.handed_over_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."handed_over_on" IS NULL OR (NEW."handed_over_on" <= '2100-12-31'));
            END;
            DROP TRIGGER sync_plausible_update_land_donations;
            CREATE TRIGGER sync_plausible_update_land_donations BEFORE UPDATE ON "land_donations"
            WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."road_segment_id" IS NULL OR (length(CAST(NEW."road_segment_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."road_segment_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."road_segment_id" AS BLOB), X'00') = 0)) AND (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0)) AND (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0)) AND (NEW."area_m2" IS NULL OR (NEW."area_m2" <= 100000.0)) AND (NEW."assets" IS NULL OR (length(NEW."assets") <= 2000 AND NEW."assets" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."assets" AS BLOB), X'00') = 0)) AND (NEW."assets_value_vnd" IS NULL OR (NEW."assets_value_vnd" <= 1000000000000.0)) AND (NEW."signed_on" IS NULL OR (NEW."signed_on" <= '2100-12-31')) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."handed_over_on" IS NULL OR (NEW."handed_over_on" <= '2100-12-31')))
            BEGIN
            SELECT RAISE(ABORT, 'land_donations.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.road_segment_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."road_segment_id" IS NULL OR (length(CAST(NEW."road_segment_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."road_segment_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."road_segment_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.household_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.donor_name: must be at most 200 characters without control characters') WHERE NOT (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.area_m2: must be at most 100000') WHERE NOT (NEW."area_m2" IS NULL OR (NEW."area_m2" <= 100000.0));
            SELECT RAISE(ABORT, 'land_donations.assets: must be at most 2000 characters without control characters') WHERE NOT (NEW."assets" IS NULL OR (length(NEW."assets") <= 2000 AND NEW."assets" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."assets" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.assets_value_vnd: must be at most 1000000000000') WHERE NOT (NEW."assets_value_vnd" IS NULL OR (NEW."assets_value_vnd" <= 1000000000000.0));
            SELECT RAISE(ABORT, 'land_donations.signed_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."signed_on" IS NULL OR (NEW."signed_on" <= '2100-12-31'));
            SELECT RAISE(ABORT, 'land_donations.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
            SELECT RAISE(ABORT, 'land_donations.handed_over_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."handed_over_on" IS NULL OR (NEW."handed_over_on" <= '2100-12-31'));
            END;
            -- A replica upgraded from version 1 has pulled the hub's log up to its cursor without
            -- the new columns: their values there are fetched again, from backfill_cursor up to
            -- backfill_until, and only where nothing newer has been pulled since.
            ALTER TABLE sync_state ADD COLUMN backfill_from INTEGER;
            ALTER TABLE sync_state ADD COLUMN backfill_until INTEGER;
            ALTER TABLE sync_state ADD COLUMN backfill_cursor INTEGER NOT NULL DEFAULT 0;
            UPDATE sync_state SET backfill_from = 1, backfill_until = pull_cursor WHERE pull_cursor > 0;
            """#)

    /// Schema version 2 on the hub: the new columns. Rows already there take the
    /// columns' defaults, as a version-1 replica's inserts do.
    static let hubV2 = FrozenMigration(
        "v2-schema", schemaVersion: 2,
        sql: #"""
            -- Schema version 2 (DESIGN.md §3): road kind and completion date, handed-over date,
            -- hamlet achievement, criteria level, owner and due date.
            ALTER TABLE "hamlets" ADD COLUMN "achieved" TEXT NOT NULL DEFAULT 'none' CHECK ("achieved" IN ('none', 'standard', 'model'));
            ALTER TABLE "hamlets" ADD COLUMN "achieved_year" INTEGER CHECK ("achieved_year" IS NULL OR (typeof("achieved_year") = 'integer' AND "achieved_year" BETWEEN 2000 AND 2100));
            ALTER TABLE "criteria" ADD COLUMN "level" TEXT NOT NULL DEFAULT 'standard' CHECK ("level" IN ('standard', 'advanced', 'model'));
            ALTER TABLE "criteria" ADD COLUMN "owner" TEXT CHECK ("owner" IS NULL OR (typeof("owner") = 'text'));
            ALTER TABLE "criteria" ADD COLUMN "due_on" TEXT CHECK ("due_on" IS NULL OR (typeof("due_on") = 'text' AND date("due_on", '+0 days') IS "due_on" AND "due_on" >= '1900-01-01'));
            ALTER TABLE "road_segments" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'truc' CHECK ("kind" IN ('truc', 'ngo', 'noi_dong'));
            ALTER TABLE "road_segments" ADD COLUMN "completed_on" TEXT CHECK ("completed_on" IS NULL OR (typeof("completed_on") = 'text' AND date("completed_on", '+0 days') IS "completed_on" AND "completed_on" >= '1900-01-01'));
            ALTER TABLE "land_donations" ADD COLUMN "handed_over_on" TEXT CHECK ("handed_over_on" IS NULL OR (typeof("handed_over_on") = 'text' AND date("handed_over_on", '+0 days') IS "handed_over_on" AND "handed_over_on" >= '1900-01-01'));
            """#)
}

extension FrozenMigration {
    /// Issue 12: a row's log entries found without reading the whole log (`ntm history`).
    static let hubLogRows = FrozenMigration(
        "v2-hub-log-rows", schemaVersion: 2,
        sql: #"""
            CREATE INDEX sync_log_row ON sync_log (row_id);
            """#)

    /// Issue 12: what a replica has seen happen to its rows, for `ntm history`: each value
    /// pulled, delete, conflict held or resolved, and edit of its own that did not stay, as
    /// `HistoryEvent` JSON.
    static let replicaHistory = FrozenMigration(
        "v2-replica-history", schemaVersion: 2,
        sql: #"""
            CREATE TABLE sync_history (
              id INTEGER PRIMARY KEY,
              tbl TEXT NOT NULL,
              row_id TEXT NOT NULL,
              event TEXT NOT NULL
            );
            CREATE INDEX sync_history_row ON sync_history (row_id);
            """#)
}

extension FrozenMigration {
    /// Issue 13: what each device last said of itself, for `ntm-hub devices`.
    static let hubDevices = FrozenMigration(
        "v2-hub-devices", schemaVersion: 2,
        sql: #"""
            ALTER TABLE sync_replicas ADD COLUMN app_version TEXT;
            ALTER TABLE sync_replicas ADD COLUMN pending INTEGER;
            """#)
}

extension FrozenMigration {
    /// Issue 13: the certificates a replica trusts for its hub besides the system's (a
    /// commune's own CA, `ntm init --ca-file`), kept in the replica so a moved CA file
    /// does not cut it off.
    static let replicaHubTrust = FrozenMigration(
        "v2-replica-hub-trust", schemaVersion: 2,
        sql: #"""
            ALTER TABLE sync_hub ADD COLUMN ca_pem TEXT;
            """#)
}

extension FrozenMigration {
    /// Issue 14: this device's Ed25519 signing key, made by the replica and never sent
    /// (the public half goes to the hub with each pull), and the hub's public key as this
    /// replica learned it over its authenticated connection: what signs and checks bundles.
    static let replicaKeys = FrozenMigration(
        "v2-replica-keys", schemaVersion: 2,
        sql: #"""
            CREATE TABLE sync_keys (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              private_key BLOB NOT NULL,
              hub_key TEXT
            );
            """#)

    /// Issue 14: each replica's registered public key, and the hub's own signing key.
    static let hubKeys = FrozenMigration(
        "v2-hub-keys", schemaVersion: 2,
        sql: #"""
            ALTER TABLE sync_replicas ADD COLUMN device_key TEXT;
            CREATE TABLE sync_hub_key (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              private_key BLOB NOT NULL
            );
            """#)
}
