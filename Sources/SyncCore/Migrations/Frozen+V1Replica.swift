// Frozen: the SQL of migrations already shipped. Never edit a migration here; add a new
// one (docs/architecture.md, "Adding a column or a table"). MigrationSnapshotTests pins
// each by the SHA-256 of its SQL.

extension FrozenMigration {
    /// The replica's migrations of schema version 1, in order.
    static let replicaV1: [FrozenMigration] = [
        v1ReplicatedTables,
        FrozenMigration(
            "v1-replica-engine", schemaVersion: 1,
            sql: #"""
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
                CREATE TABLE sync_conflicts (
                  id TEXT PRIMARY KEY NOT NULL,
                  tbl TEXT NOT NULL,
                  row_id TEXT NOT NULL,
                  hamlet_id TEXT,
                  col TEXT,
                  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
                  record TEXT NOT NULL
                );
                CREATE TRIGGER sync_capture_insert_hamlets AFTER INSERT ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'hamlets', NEW.id, 'insert', json_object('id', NEW."id", 'name', NEW."name", 'kind', NEW."kind", 'head_name', NEW."head_name", 'households_total', NEW."households_total", 'target', NEW."target", 'note', NEW."note"), NULL, NULL,
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_update_hamlets AFTER UPDATE ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."name" IS NOT NEW."name" OR OLD."kind" IS NOT NEW."kind" OR OLD."head_name" IS NOT NEW."head_name" OR OLD."households_total" IS NOT NEW."households_total" OR OLD."target" IS NOT NEW."target" OR OLD."note" IS NOT NEW."note")
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'hamlets', NEW.id, 'update', json_object('id', NEW."id", 'name', NEW."name", 'kind', NEW."kind", 'head_name', NEW."head_name", 'households_total', NEW."households_total", 'target', NEW."target", 'note', NEW."note"), json_object('id', OLD."id", 'name', OLD."name", 'kind', OLD."kind", 'head_name', OLD."head_name", 'households_total', OLD."households_total", 'target', OLD."target", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'hamlets' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_delete_hamlets AFTER DELETE ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'hamlets', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'name', OLD."name", 'kind', OLD."kind", 'head_name', OLD."head_name", 'households_total', OLD."households_total", 'target', OLD."target", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'hamlets' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_guard_id_hamlets BEFORE UPDATE OF id ON "hamlets" WHEN OLD.id IS NOT NEW.id
                BEGIN SELECT RAISE(ABORT, 'hamlets.id: cannot change'); END;
                CREATE TRIGGER sync_capture_insert_criteria AFTER INSERT ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'criteria', NEW.id, 'insert', json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'status', NEW."status", 'target_year', NEW."target_year", 'note', NEW."note"), NULL, NULL,
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_update_criteria AFTER UPDATE ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."number" IS NOT NEW."number" OR OLD."name" IS NOT NEW."name" OR OLD."status" IS NOT NEW."status" OR OLD."target_year" IS NOT NEW."target_year" OR OLD."note" IS NOT NEW."note")
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'criteria', NEW.id, 'update', json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'status', NEW."status", 'target_year', NEW."target_year", 'note', NEW."note"), json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'status', OLD."status", 'target_year', OLD."target_year", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'criteria' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_delete_criteria AFTER DELETE ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'criteria', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'status', OLD."status", 'target_year', OLD."target_year", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'criteria' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_guard_id_criteria BEFORE UPDATE OF id ON "criteria" WHEN OLD.id IS NOT NEW.id
                BEGIN SELECT RAISE(ABORT, 'criteria.id: cannot change'); END;
                CREATE TRIGGER sync_capture_insert_households AFTER INSERT ON "households" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'households', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'head_name', NEW."head_name", 'address', NEW."address", 'phone', NEW."phone", 'note', NEW."note"), NULL, NULL,
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_update_households AFTER UPDATE ON "households" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."head_name" IS NOT NEW."head_name" OR OLD."address" IS NOT NEW."address" OR OLD."phone" IS NOT NEW."phone" OR OLD."note" IS NOT NEW."note")
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'households', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'head_name', NEW."head_name", 'address', NEW."address", 'phone', NEW."phone", 'note', NEW."note"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'head_name', OLD."head_name", 'address', OLD."address", 'phone', OLD."phone", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'households' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_delete_households AFTER DELETE ON "households" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'households', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'head_name', OLD."head_name", 'address', OLD."address", 'phone', OLD."phone", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'households' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_guard_id_households BEFORE UPDATE OF id ON "households" WHEN OLD.id IS NOT NEW.id
                BEGIN SELECT RAISE(ABORT, 'households.id: cannot change'); END;
                CREATE TRIGGER sync_guard_hamlet_households BEFORE UPDATE OF hamlet_id ON "households"
                WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
                BEGIN SELECT RAISE(ABORT, 'households.hamlet_id: cannot change; delete the row and add it to the other hamlet'); END;
                CREATE TRIGGER sync_capture_insert_cleanups AFTER INSERT ON "cleanups" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'cleanups', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'date', NEW."date", 'status', NEW."status", 'participants', NEW."participants", 'households_joined', NEW."households_joined", 'waste_kg', NEW."waste_kg", 'area', NEW."area", 'note', NEW."note"), NULL, NULL,
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_update_cleanups AFTER UPDATE ON "cleanups" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."date" IS NOT NEW."date" OR OLD."status" IS NOT NEW."status" OR OLD."participants" IS NOT NEW."participants" OR OLD."households_joined" IS NOT NEW."households_joined" OR OLD."waste_kg" IS NOT NEW."waste_kg" OR OLD."area" IS NOT NEW."area" OR OLD."note" IS NOT NEW."note")
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'cleanups', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'date', NEW."date", 'status', NEW."status", 'participants', NEW."participants", 'households_joined', NEW."households_joined", 'waste_kg', NEW."waste_kg", 'area', NEW."area", 'note', NEW."note"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'date', OLD."date", 'status', OLD."status", 'participants', OLD."participants", 'households_joined', OLD."households_joined", 'waste_kg', OLD."waste_kg", 'area', OLD."area", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'cleanups' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_delete_cleanups AFTER DELETE ON "cleanups" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'cleanups', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'date', OLD."date", 'status', OLD."status", 'participants', OLD."participants", 'households_joined', OLD."households_joined", 'waste_kg', OLD."waste_kg", 'area', OLD."area", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'cleanups' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_guard_id_cleanups BEFORE UPDATE OF id ON "cleanups" WHEN OLD.id IS NOT NEW.id
                BEGIN SELECT RAISE(ABORT, 'cleanups.id: cannot change'); END;
                CREATE TRIGGER sync_guard_hamlet_cleanups BEFORE UPDATE OF hamlet_id ON "cleanups"
                WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
                BEGIN SELECT RAISE(ABORT, 'cleanups.hamlet_id: cannot change; delete the row and add it to the other hamlet'); END;
                CREATE TRIGGER sync_capture_insert_road_segments AFTER INSERT ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'road_segments', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'name', NEW."name", 'length_m', NEW."length_m", 'width_before_m', NEW."width_before_m", 'width_after_m', NEW."width_after_m", 'target_width_m', NEW."target_width_m", 'status', NEW."status", 'lighting', NEW."lighting", 'trees', NEW."trees", 'note', NEW."note"), NULL, NULL,
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_update_road_segments AFTER UPDATE ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."name" IS NOT NEW."name" OR OLD."length_m" IS NOT NEW."length_m" OR OLD."width_before_m" IS NOT NEW."width_before_m" OR OLD."width_after_m" IS NOT NEW."width_after_m" OR OLD."target_width_m" IS NOT NEW."target_width_m" OR OLD."status" IS NOT NEW."status" OR OLD."lighting" IS NOT NEW."lighting" OR OLD."trees" IS NOT NEW."trees" OR OLD."note" IS NOT NEW."note")
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'road_segments', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'name', NEW."name", 'length_m', NEW."length_m", 'width_before_m', NEW."width_before_m", 'width_after_m', NEW."width_after_m", 'target_width_m', NEW."target_width_m", 'status', NEW."status", 'lighting', NEW."lighting", 'trees', NEW."trees", 'note', NEW."note"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'name', OLD."name", 'length_m', OLD."length_m", 'width_before_m', OLD."width_before_m", 'width_after_m', OLD."width_after_m", 'target_width_m', OLD."target_width_m", 'status', OLD."status", 'lighting', OLD."lighting", 'trees', OLD."trees", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'road_segments' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_delete_road_segments AFTER DELETE ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'road_segments', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'name', OLD."name", 'length_m', OLD."length_m", 'width_before_m', OLD."width_before_m", 'width_after_m', OLD."width_after_m", 'target_width_m', OLD."target_width_m", 'status', OLD."status", 'lighting', OLD."lighting", 'trees', OLD."trees", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'road_segments' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_guard_id_road_segments BEFORE UPDATE OF id ON "road_segments" WHEN OLD.id IS NOT NEW.id
                BEGIN SELECT RAISE(ABORT, 'road_segments.id: cannot change'); END;
                CREATE TRIGGER sync_guard_hamlet_road_segments BEFORE UPDATE OF hamlet_id ON "road_segments"
                WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
                BEGIN SELECT RAISE(ABORT, 'road_segments.hamlet_id: cannot change; delete the row and add it to the other hamlet'); END;
                CREATE TRIGGER sync_capture_insert_land_donations AFTER INSERT ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'land_donations', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'road_segment_id', NEW."road_segment_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'area_m2', NEW."area_m2", 'assets', NEW."assets", 'assets_value_vnd', NEW."assets_value_vnd", 'status', NEW."status", 'signed_on', NEW."signed_on", 'note', NEW."note"), NULL, NULL,
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_update_land_donations AFTER UPDATE ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."road_segment_id" IS NOT NEW."road_segment_id" OR OLD."household_id" IS NOT NEW."household_id" OR OLD."donor_name" IS NOT NEW."donor_name" OR OLD."area_m2" IS NOT NEW."area_m2" OR OLD."assets" IS NOT NEW."assets" OR OLD."assets_value_vnd" IS NOT NEW."assets_value_vnd" OR OLD."status" IS NOT NEW."status" OR OLD."signed_on" IS NOT NEW."signed_on" OR OLD."note" IS NOT NEW."note")
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'land_donations', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'road_segment_id', NEW."road_segment_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'area_m2', NEW."area_m2", 'assets', NEW."assets", 'assets_value_vnd', NEW."assets_value_vnd", 'status', NEW."status", 'signed_on', NEW."signed_on", 'note', NEW."note"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'road_segment_id', OLD."road_segment_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'area_m2', OLD."area_m2", 'assets', OLD."assets", 'assets_value_vnd', OLD."assets_value_vnd", 'status', OLD."status", 'signed_on', OLD."signed_on", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'land_donations' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_delete_land_donations AFTER DELETE ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'land_donations', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'road_segment_id', OLD."road_segment_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'area_m2', OLD."area_m2", 'assets', OLD."assets", 'assets_value_vnd', OLD."assets_value_vnd", 'status', OLD."status", 'signed_on', OLD."signed_on", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'land_donations' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_guard_id_land_donations BEFORE UPDATE OF id ON "land_donations" WHEN OLD.id IS NOT NEW.id
                BEGIN SELECT RAISE(ABORT, 'land_donations.id: cannot change'); END;
                CREATE TRIGGER sync_guard_hamlet_land_donations BEFORE UPDATE OF hamlet_id ON "land_donations"
                WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
                BEGIN SELECT RAISE(ABORT, 'land_donations.hamlet_id: cannot change; delete the row and add it to the other hamlet'); END;
                CREATE TRIGGER sync_capture_insert_contributions AFTER INSERT ON "contributions" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'contributions', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'kind', NEW."kind", 'amount', NEW."amount", 'unit', NEW."unit", 'purpose', NEW."purpose", 'date', NEW."date", 'note', NEW."note"), NULL, NULL,
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_update_contributions AFTER UPDATE ON "contributions" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."household_id" IS NOT NEW."household_id" OR OLD."donor_name" IS NOT NEW."donor_name" OR OLD."kind" IS NOT NEW."kind" OR OLD."amount" IS NOT NEW."amount" OR OLD."unit" IS NOT NEW."unit" OR OLD."purpose" IS NOT NEW."purpose" OR OLD."date" IS NOT NEW."date" OR OLD."note" IS NOT NEW."note")
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'contributions', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'kind', NEW."kind", 'amount', NEW."amount", 'unit', NEW."unit", 'purpose', NEW."purpose", 'date', NEW."date", 'note', NEW."note"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'kind', OLD."kind", 'amount', OLD."amount", 'unit', OLD."unit", 'purpose', OLD."purpose", 'date', OLD."date", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'contributions' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_capture_delete_contributions AFTER DELETE ON "contributions" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
                BEGIN
                INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
                  SELECT s.next_seq, 'contributions', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'kind', OLD."kind", 'amount', OLD."amount", 'unit', OLD."unit", 'purpose', OLD."purpose", 'date', OLD."date", 'note', OLD."note"), (SELECT vers FROM sync_base_rows WHERE tbl = 'contributions' AND row_id = OLD.id),
                         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
                  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
                UPDATE sync_state SET next_seq = next_seq + 1,
                  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
                END;
                CREATE TRIGGER sync_guard_id_contributions BEFORE UPDATE OF id ON "contributions" WHEN OLD.id IS NOT NEW.id
                BEGIN SELECT RAISE(ABORT, 'contributions.id: cannot change'); END;
                CREATE TRIGGER sync_guard_hamlet_contributions BEFORE UPDATE OF hamlet_id ON "contributions"
                WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
                BEGIN SELECT RAISE(ABORT, 'contributions.hamlet_id: cannot change; delete the row and add it to the other hamlet'); END;
                """#),
        FrozenMigration(
            "v1-replica-hub", schemaVersion: 1,
            sql: #"""
                -- Where this replica syncs, and the bearer token it syncs with.
                CREATE TABLE sync_hub (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  url TEXT NOT NULL,
                  token TEXT NOT NULL
                );
                """#),
        // Writes by other tools (the `sqlite3` shell) refuse implausible values.
        FrozenMigration(
            "v1-plausible-values", schemaVersion: 1,
            sql: #"""
                CREATE TRIGGER sync_plausible_insert_hamlets BEFORE INSERT ON "hamlets"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0)) AND (NEW."households_total" IS NULL OR (NEW."households_total" <= 100000.0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'hamlets.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'hamlets.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'hamlets.head_name: must be at most 200 characters without control characters') WHERE NOT (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'hamlets.households_total: must be at most 100000') WHERE NOT (NEW."households_total" IS NULL OR (NEW."households_total" <= 100000.0));
                SELECT RAISE(ABORT, 'hamlets.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_update_hamlets BEFORE UPDATE ON "hamlets"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0)) AND (NEW."households_total" IS NULL OR (NEW."households_total" <= 100000.0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'hamlets.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'hamlets.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'hamlets.head_name: must be at most 200 characters without control characters') WHERE NOT (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'hamlets.households_total: must be at most 100000') WHERE NOT (NEW."households_total" IS NULL OR (NEW."households_total" <= 100000.0));
                SELECT RAISE(ABORT, 'hamlets.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_insert_criteria BEFORE INSERT ON "criteria"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'criteria.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'criteria.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'criteria.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_update_criteria BEFORE UPDATE ON "criteria"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'criteria.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'criteria.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'criteria.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_insert_households BEFORE INSERT ON "households"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0)) AND (NEW."address" IS NULL OR (length(NEW."address") <= 2000 AND NEW."address" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."address" AS BLOB), X'00') = 0)) AND (NEW."phone" IS NULL OR (length(NEW."phone") <= 200 AND NEW."phone" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."phone" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'households.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.head_name: must be at most 200 characters without control characters') WHERE NOT (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.address: must be at most 2000 characters without control characters') WHERE NOT (NEW."address" IS NULL OR (length(NEW."address") <= 2000 AND NEW."address" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."address" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.phone: must be at most 200 characters without control characters') WHERE NOT (NEW."phone" IS NULL OR (length(NEW."phone") <= 200 AND NEW."phone" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."phone" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_update_households BEFORE UPDATE ON "households"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0)) AND (NEW."address" IS NULL OR (length(NEW."address") <= 2000 AND NEW."address" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."address" AS BLOB), X'00') = 0)) AND (NEW."phone" IS NULL OR (length(NEW."phone") <= 200 AND NEW."phone" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."phone" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'households.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.head_name: must be at most 200 characters without control characters') WHERE NOT (NEW."head_name" IS NULL OR (length(NEW."head_name") <= 200 AND NEW."head_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."head_name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.address: must be at most 2000 characters without control characters') WHERE NOT (NEW."address" IS NULL OR (length(NEW."address") <= 2000 AND NEW."address" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."address" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.phone: must be at most 200 characters without control characters') WHERE NOT (NEW."phone" IS NULL OR (length(NEW."phone") <= 200 AND NEW."phone" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."phone" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'households.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_insert_cleanups BEFORE INSERT ON "cleanups"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31')) AND (NEW."participants" IS NULL OR (NEW."participants" <= 100000.0)) AND (NEW."households_joined" IS NULL OR (NEW."households_joined" <= 100000.0)) AND (NEW."waste_kg" IS NULL OR (NEW."waste_kg" <= 1000000.0)) AND (NEW."area" IS NULL OR (length(NEW."area") <= 2000 AND NEW."area" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."area" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'cleanups.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'cleanups.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'cleanups.date: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31'));
                SELECT RAISE(ABORT, 'cleanups.participants: must be at most 100000') WHERE NOT (NEW."participants" IS NULL OR (NEW."participants" <= 100000.0));
                SELECT RAISE(ABORT, 'cleanups.households_joined: must be at most 100000') WHERE NOT (NEW."households_joined" IS NULL OR (NEW."households_joined" <= 100000.0));
                SELECT RAISE(ABORT, 'cleanups.waste_kg: must be at most 1000000') WHERE NOT (NEW."waste_kg" IS NULL OR (NEW."waste_kg" <= 1000000.0));
                SELECT RAISE(ABORT, 'cleanups.area: must be at most 2000 characters without control characters') WHERE NOT (NEW."area" IS NULL OR (length(NEW."area") <= 2000 AND NEW."area" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."area" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'cleanups.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_update_cleanups BEFORE UPDATE ON "cleanups"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31')) AND (NEW."participants" IS NULL OR (NEW."participants" <= 100000.0)) AND (NEW."households_joined" IS NULL OR (NEW."households_joined" <= 100000.0)) AND (NEW."waste_kg" IS NULL OR (NEW."waste_kg" <= 1000000.0)) AND (NEW."area" IS NULL OR (length(NEW."area") <= 2000 AND NEW."area" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."area" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'cleanups.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'cleanups.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'cleanups.date: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31'));
                SELECT RAISE(ABORT, 'cleanups.participants: must be at most 100000') WHERE NOT (NEW."participants" IS NULL OR (NEW."participants" <= 100000.0));
                SELECT RAISE(ABORT, 'cleanups.households_joined: must be at most 100000') WHERE NOT (NEW."households_joined" IS NULL OR (NEW."households_joined" <= 100000.0));
                SELECT RAISE(ABORT, 'cleanups.waste_kg: must be at most 1000000') WHERE NOT (NEW."waste_kg" IS NULL OR (NEW."waste_kg" <= 1000000.0));
                SELECT RAISE(ABORT, 'cleanups.area: must be at most 2000 characters without control characters') WHERE NOT (NEW."area" IS NULL OR (length(NEW."area") <= 2000 AND NEW."area" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."area" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'cleanups.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_insert_road_segments BEFORE INSERT ON "road_segments"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0)) AND (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0)) AND (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0)) AND (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'road_segments.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'road_segments.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'road_segments.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'road_segments.length_m: must be at most 50000') WHERE NOT (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0));
                SELECT RAISE(ABORT, 'road_segments.width_before_m: must be at most 50') WHERE NOT (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0));
                SELECT RAISE(ABORT, 'road_segments.width_after_m: must be at most 50') WHERE NOT (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0));
                SELECT RAISE(ABORT, 'road_segments.target_width_m: must be at most 50') WHERE NOT (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0));
                SELECT RAISE(ABORT, 'road_segments.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_update_road_segments BEFORE UPDATE ON "road_segments"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0)) AND (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0)) AND (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0)) AND (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
                BEGIN
                SELECT RAISE(ABORT, 'road_segments.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'road_segments.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'road_segments.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'road_segments.length_m: must be at most 50000') WHERE NOT (NEW."length_m" IS NULL OR (NEW."length_m" <= 50000.0));
                SELECT RAISE(ABORT, 'road_segments.width_before_m: must be at most 50') WHERE NOT (NEW."width_before_m" IS NULL OR (NEW."width_before_m" <= 50.0));
                SELECT RAISE(ABORT, 'road_segments.width_after_m: must be at most 50') WHERE NOT (NEW."width_after_m" IS NULL OR (NEW."width_after_m" <= 50.0));
                SELECT RAISE(ABORT, 'road_segments.target_width_m: must be at most 50') WHERE NOT (NEW."target_width_m" IS NULL OR (NEW."target_width_m" <= 50.0));
                SELECT RAISE(ABORT, 'road_segments.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                END;
                CREATE TRIGGER sync_plausible_insert_land_donations BEFORE INSERT ON "land_donations"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."road_segment_id" IS NULL OR (length(CAST(NEW."road_segment_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."road_segment_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."road_segment_id" AS BLOB), X'00') = 0)) AND (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0)) AND (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0)) AND (NEW."area_m2" IS NULL OR (NEW."area_m2" <= 100000.0)) AND (NEW."assets" IS NULL OR (length(NEW."assets") <= 2000 AND NEW."assets" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."assets" AS BLOB), X'00') = 0)) AND (NEW."assets_value_vnd" IS NULL OR (NEW."assets_value_vnd" <= 1000000000000.0)) AND (NEW."signed_on" IS NULL OR (NEW."signed_on" <= '2100-12-31')) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
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
                END;
                CREATE TRIGGER sync_plausible_update_land_donations BEFORE UPDATE ON "land_donations"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."road_segment_id" IS NULL OR (length(CAST(NEW."road_segment_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."road_segment_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."road_segment_id" AS BLOB), X'00') = 0)) AND (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0)) AND (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0)) AND (NEW."area_m2" IS NULL OR (NEW."area_m2" <= 100000.0)) AND (NEW."assets" IS NULL OR (length(NEW."assets") <= 2000 AND NEW."assets" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."assets" AS BLOB), X'00') = 0)) AND (NEW."assets_value_vnd" IS NULL OR (NEW."assets_value_vnd" <= 1000000000000.0)) AND (NEW."signed_on" IS NULL OR (NEW."signed_on" <= '2100-12-31')) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)))
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
                END;
                CREATE TRIGGER sync_plausible_insert_contributions BEFORE INSERT ON "contributions"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0)) AND (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0)) AND (NEW."amount" IS NULL OR (NEW."amount" <= 1000000000000.0)) AND (NEW."unit" IS NULL OR (length(NEW."unit") <= 200 AND NEW."unit" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."unit" AS BLOB), X'00') = 0)) AND (NEW."purpose" IS NULL OR (length(NEW."purpose") <= 2000 AND NEW."purpose" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."purpose" AS BLOB), X'00') = 0)) AND (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31')) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."kind" IS 'money' OR NEW."amount" IS NULL OR NEW."amount" <= 10000000.0))
                BEGIN
                SELECT RAISE(ABORT, 'contributions.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.household_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.donor_name: must be at most 200 characters without control characters') WHERE NOT (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.amount: must be at most 1000000000000') WHERE NOT (NEW."amount" IS NULL OR (NEW."amount" <= 1000000000000.0));
                SELECT RAISE(ABORT, 'contributions.unit: must be at most 200 characters without control characters') WHERE NOT (NEW."unit" IS NULL OR (length(NEW."unit") <= 200 AND NEW."unit" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."unit" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.purpose: must be at most 2000 characters without control characters') WHERE NOT (NEW."purpose" IS NULL OR (length(NEW."purpose") <= 2000 AND NEW."purpose" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."purpose" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.date: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31'));
                SELECT RAISE(ABORT, 'contributions.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.amount: must be at most 10000000 unless kind is money') WHERE NOT (NEW."kind" IS 'money' OR NEW."amount" IS NULL OR NEW."amount" <= 10000000.0);
                END;
                CREATE TRIGGER sync_plausible_update_contributions BEFORE UPDATE ON "contributions"
                WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0)) AND (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0)) AND (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0)) AND (NEW."amount" IS NULL OR (NEW."amount" <= 1000000000000.0)) AND (NEW."unit" IS NULL OR (length(NEW."unit") <= 200 AND NEW."unit" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."unit" AS BLOB), X'00') = 0)) AND (NEW."purpose" IS NULL OR (length(NEW."purpose") <= 2000 AND NEW."purpose" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."purpose" AS BLOB), X'00') = 0)) AND (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31')) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."kind" IS 'money' OR NEW."amount" IS NULL OR NEW."amount" <= 10000000.0))
                BEGIN
                SELECT RAISE(ABORT, 'contributions.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.hamlet_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."hamlet_id" IS NULL OR (length(CAST(NEW."hamlet_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."hamlet_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."hamlet_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.household_id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."household_id" IS NULL OR (length(CAST(NEW."household_id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."household_id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."household_id" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.donor_name: must be at most 200 characters without control characters') WHERE NOT (NEW."donor_name" IS NULL OR (length(NEW."donor_name") <= 200 AND NEW."donor_name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."donor_name" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.amount: must be at most 1000000000000') WHERE NOT (NEW."amount" IS NULL OR (NEW."amount" <= 1000000000000.0));
                SELECT RAISE(ABORT, 'contributions.unit: must be at most 200 characters without control characters') WHERE NOT (NEW."unit" IS NULL OR (length(NEW."unit") <= 200 AND NEW."unit" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."unit" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.purpose: must be at most 2000 characters without control characters') WHERE NOT (NEW."purpose" IS NULL OR (length(NEW."purpose") <= 2000 AND NEW."purpose" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."purpose" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.date: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."date" IS NULL OR (NEW."date" <= '2100-12-31'));
                SELECT RAISE(ABORT, 'contributions.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
                SELECT RAISE(ABORT, 'contributions.amount: must be at most 10000000 unless kind is money') WHERE NOT (NEW."kind" IS 'money' OR NEW."amount" IS NULL OR NEW."amount" <= 10000000.0);
                END;
                """#),
        FrozenMigration(
            "v1-replica-identities", schemaVersion: 1,
            sql: #"""
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
                """#),
        FrozenMigration(
            "v1-replica-set-aside", schemaVersion: 1,
            sql: #"""
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
                """#),
        FrozenMigration(
            "v1-replica-refill", schemaVersion: 1,
            sql: #"""
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
                """#),
    ]
}
