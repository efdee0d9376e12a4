PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1-replicated-tables');
INSERT INTO grdb_migrations VALUES('v1-replica-engine');
INSERT INTO grdb_migrations VALUES('v1-replica-hub');
INSERT INTO grdb_migrations VALUES('v1-plausible-values');
INSERT INTO grdb_migrations VALUES('v1-replica-identities');
INSERT INTO grdb_migrations VALUES('v1-replica-set-aside');
INSERT INTO grdb_migrations VALUES('v1-replica-refill');
INSERT INTO grdb_migrations VALUES('v2-schema');
INSERT INTO grdb_migrations VALUES('v2-replica-history');
INSERT INTO grdb_migrations VALUES('v2-replica-hub-trust');
INSERT INTO grdb_migrations VALUES('v2-replica-keys');
CREATE TABLE IF NOT EXISTS "hamlets" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "kind" TEXT NOT NULL DEFAULT 'xom' CHECK ("kind" IN ('xom', 'thon', 'lang', 'ban')),
  "head_name" TEXT CHECK ("head_name" IS NULL OR (typeof("head_name") = 'text')),
  "households_total" INTEGER CHECK ("households_total" IS NULL OR (typeof("households_total") = 'integer' AND "households_total" >= 0)),
  "target" TEXT NOT NULL DEFAULT 'standard' CHECK ("target" IN ('standard', 'model')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
, "achieved" TEXT NOT NULL DEFAULT 'none' CHECK ("achieved" IN ('none', 'standard', 'model')), "achieved_year" INTEGER CHECK ("achieved_year" IS NULL OR (typeof("achieved_year") = 'integer' AND "achieved_year" BETWEEN 2000 AND 2100)));
INSERT INTO hamlets VALUES('01a25363-5a3b-7724-9d43-853369019ffa','Xóm Đông','xom','Lò Văn Sùng',NULL,'standard',NULL,'none',NULL);
CREATE TABLE IF NOT EXISTS "criteria" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "number" INTEGER NOT NULL CHECK (typeof("number") = 'integer' AND "number" BETWEEN 1 AND 19),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "status" TEXT NOT NULL DEFAULT 'not_met' CHECK ("status" IN ('met', 'not_met')),
  "target_year" INTEGER CHECK ("target_year" IS NULL OR (typeof("target_year") = 'integer' AND "target_year" BETWEEN 2000 AND 2100)),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
, "level" TEXT NOT NULL DEFAULT 'standard' CHECK ("level" IN ('standard', 'advanced', 'model')), "owner" TEXT CHECK ("owner" IS NULL OR (typeof("owner") = 'text')), "due_on" TEXT CHECK ("due_on" IS NULL OR (typeof("due_on") = 'text' AND date("due_on", '+0 days') IS "due_on" AND "due_on" >= '1900-01-01')));
INSERT INTO criteria VALUES('01a25363-5a10-7ae4-a4dc-09d1700a1dbe',1,'Quy hoạch','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a11-7b02-8c69-23f3b5f3a67f',2,'Giao thông','met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-714d-b2f9-222535d61f2d',7,'Cơ sở hạ tầng thương mại nông thôn','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-71ce-8fb7-6acc0ad33280',5,'Giáo dục','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-7367-bb94-cd0baa82217b',3,'Thủy lợi và phòng chống thiên tai','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-7469-95d4-708acbb417c5',4,'Điện','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-7b1a-ab39-725828ff3595',6,'Văn hóa','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-70cb-b77e-0c73cb8c1acf',10,'Thu nhập','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7338-b07f-b6b41814b814',8,'Thông tin và truyền thông','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-74b7-a877-1aa151caf624',13,'Tổ chức sản xuất và phát triển kinh tế nông thôn','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7b90-9f87-a0af700c7316',11,'Nghèo đa chiều','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7f91-b367-b466849efca0',9,'Nhà ở dân cư','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7fca-98d3-810ab66af118',12,'Lao động','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-77e1-8e41-96d3b937d09f',16,'Tiếp cận pháp luật','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-793a-9fca-e1baeacc38b7',18,'Chất lượng môi trường sống','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-7a8e-8879-8f49a9cedbda',17,'Môi trường','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-7ba2-8215-2f45b7473ce1',15,'Hành chính công','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-7e57-9bb1-9110884fa32b',14,'Y tế','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a15-7d16-96b7-2d35f348571e',19,'Quốc phòng và An ninh','not_met',NULL,NULL,'standard',NULL,NULL);
CREATE TABLE IF NOT EXISTS "households" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
  "head_name" TEXT NOT NULL CHECK (typeof("head_name") = 'text' AND length(trim("head_name", ' ' || char(9, 10, 13))) > 0),
  "address" TEXT CHECK ("address" IS NULL OR (typeof("address") = 'text')),
  "phone" TEXT CHECK ("phone" IS NULL OR (typeof("phone") = 'text')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
);
INSERT INTO households VALUES('01a25363-5df2-785d-9281-15b52510e4f0','01a25363-5a3b-7724-9d43-853369019ffa','Lò Văn Sùng','Xóm Đông, ngõ 3',NULL,NULL);
INSERT INTO households VALUES('01a25363-5e41-7cf0-9186-4a46acbe6d44','01a25363-5a3b-7724-9d43-853369019ffa','Phạm Thị Hoa',NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "cleanups" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
  "date" TEXT NOT NULL CHECK (typeof("date") = 'text' AND date("date", '+0 days') IS "date" AND "date" >= '1900-01-01'),
  "status" TEXT NOT NULL DEFAULT 'done' CHECK ("status" IN ('planned', 'done', 'cancelled')),
  "participants" INTEGER CHECK ("participants" IS NULL OR (typeof("participants") = 'integer' AND "participants" >= 0)),
  "households_joined" INTEGER CHECK ("households_joined" IS NULL OR (typeof("households_joined") = 'integer' AND "households_joined" >= 0)),
  "waste_kg" REAL CHECK ("waste_kg" IS NULL OR (typeof("waste_kg") IN ('real', 'integer') AND abs("waste_kg") <= 1.7976931348623157e308 AND "waste_kg" >= 0)),
  "area" TEXT CHECK ("area" IS NULL OR (typeof("area") = 'text')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
);
INSERT INTO cleanups VALUES('01a25363-5e9c-7384-8917-642c0ca90876','01a25363-5a3b-7724-9d43-853369019ffa','2026-11-02','done',40,31,120.5,NULL,NULL);
CREATE TABLE IF NOT EXISTS "road_segments" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "length_m" REAL NOT NULL CHECK (typeof("length_m") IN ('real', 'integer') AND abs("length_m") <= 1.7976931348623157e308 AND "length_m" > 0),
  "width_before_m" REAL CHECK ("width_before_m" IS NULL OR (typeof("width_before_m") IN ('real', 'integer') AND abs("width_before_m") <= 1.7976931348623157e308 AND "width_before_m" > 0)),
  "width_after_m" REAL CHECK ("width_after_m" IS NULL OR (typeof("width_after_m") IN ('real', 'integer') AND abs("width_after_m") <= 1.7976931348623157e308 AND "width_after_m" > 0)),
  "target_width_m" REAL NOT NULL DEFAULT 6.0 CHECK (typeof("target_width_m") IN ('real', 'integer') AND abs("target_width_m") <= 1.7976931348623157e308 AND "target_width_m" > 0),
  "status" TEXT NOT NULL DEFAULT 'planned' CHECK ("status" IN ('planned', 'surveyed', 'clearing', 'building', 'done')),
  "lighting" INTEGER NOT NULL DEFAULT 0 CHECK ("lighting" IN (0, 1)),
  "trees" INTEGER NOT NULL DEFAULT 0 CHECK ("trees" IN (0, 1)),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
, "kind" TEXT NOT NULL DEFAULT 'truc' CHECK ("kind" IN ('truc', 'ngo', 'noi_dong')), "completed_on" TEXT CHECK ("completed_on" IS NULL OR (typeof("completed_on") = 'text' AND date("completed_on", '+0 days') IS "completed_on" AND "completed_on" >= '1900-01-01')));
INSERT INTO road_segments VALUES('01a25363-5eec-7e98-8d80-3e91475fd537','01a25363-5a3b-7724-9d43-853369019ffa','Trục xóm Đông',420.0,3.5,NULL,6.0,'planned',0,0,NULL,'truc',NULL);
CREATE TABLE IF NOT EXISTS "land_donations" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
  "road_segment_id" TEXT CHECK ("road_segment_id" IS NULL OR (typeof("road_segment_id") = 'text')),
  "household_id" TEXT CHECK ("household_id" IS NULL OR (typeof("household_id") = 'text')),
  "donor_name" TEXT CHECK ("donor_name" IS NULL OR (typeof("donor_name") = 'text')),
  "area_m2" REAL NOT NULL CHECK (typeof("area_m2") IN ('real', 'integer') AND abs("area_m2") <= 1.7976931348623157e308 AND "area_m2" > 0),
  "assets" TEXT CHECK ("assets" IS NULL OR (typeof("assets") = 'text')),
  "assets_value_vnd" INTEGER CHECK ("assets_value_vnd" IS NULL OR (typeof("assets_value_vnd") = 'integer' AND "assets_value_vnd" >= 0)),
  "status" TEXT NOT NULL DEFAULT 'pledged' CHECK ("status" IN ('pledged', 'signed', 'handed_over', 'withdrawn')),
  "signed_on" TEXT CHECK ("signed_on" IS NULL OR (typeof("signed_on") = 'text' AND date("signed_on", '+0 days') IS "signed_on" AND "signed_on" >= '1900-01-01')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text')), "handed_over_on" TEXT CHECK ("handed_over_on" IS NULL OR (typeof("handed_over_on") = 'text' AND date("handed_over_on", '+0 days') IS "handed_over_on" AND "handed_over_on" >= '1900-01-01')),
  CHECK (length(trim(coalesce("household_id", ''), ' ' || char(9, 10, 13))) > 0 OR length(trim(coalesce("donor_name", ''), ' ' || char(9, 10, 13))) > 0)
);
INSERT INTO land_donations VALUES('01a25363-5f3d-7f55-8ea8-bff9a4d981a6','01a25363-5a3b-7724-9d43-853369019ffa','01a25363-5eec-7e98-8d80-3e91475fd537','01a25363-5df2-785d-9281-15b52510e4f0',NULL,115.0,NULL,NULL,'pledged',NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "contributions" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
  "household_id" TEXT CHECK ("household_id" IS NULL OR (typeof("household_id") = 'text')),
  "donor_name" TEXT CHECK ("donor_name" IS NULL OR (typeof("donor_name") = 'text')),
  "kind" TEXT NOT NULL CHECK ("kind" IN ('money', 'materials', 'labor_days')),
  "amount" REAL NOT NULL CHECK (typeof("amount") IN ('real', 'integer') AND abs("amount") <= 1.7976931348623157e308 AND "amount" >= 0),
  "unit" TEXT CHECK ("unit" IS NULL OR (typeof("unit") = 'text')),
  "purpose" TEXT CHECK ("purpose" IS NULL OR (typeof("purpose") = 'text')),
  "date" TEXT CHECK ("date" IS NULL OR (typeof("date") = 'text' AND date("date", '+0 days') IS "date" AND "date" >= '1900-01-01')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text')),
  CHECK (length(trim(coalesce("household_id", ''), ' ' || char(9, 10, 13))) > 0 OR length(trim(coalesce("donor_name", ''), ' ' || char(9, 10, 13))) > 0),
  CHECK ("kind" IS NOT 'money' OR "amount" = CAST("amount" AS INTEGER))
);
INSERT INTO contributions VALUES('01a25363-5f90-7bc0-be80-096c1eecef66','01a25363-5a3b-7724-9d43-853369019ffa',NULL,'Phạm Thị Hoa','money',4500000.0,NULL,'đổ bê tông',NULL,NULL);
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
, seq_base INTEGER NOT NULL DEFAULT 0, rebuild_until INTEGER, pull_mark TEXT, backfill_from INTEGER, backfill_until INTEGER, backfill_cursor INTEGER NOT NULL DEFAULT 0);
INSERT INTO sync_state VALUES(1,'01a25363-6092-7c1b-9de2-415db7541220','reviewer',NULL,'Cán bộ xã',3,117748226629304320,0,NULL,28,1796695351953,4,1796695351443,0,NULL,'1b28da6663622a4d',NULL,NULL,0);
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
INSERT INTO sync_outbox VALUES(2,'criteria','01a25363-5a11-7b02-8c69-23f3b5f3a67f','update','{"id":"01a25363-5a11-7b02-8c69-23f3b5f3a67f","number":2,"name":"Giao thông","status":"met","target_year":null,"note":null,"level":"standard","owner":null,"due_on":null}','{"id":"01a25363-5a11-7b02-8c69-23f3b5f3a67f","number":2,"name":"Giao thông","status":"not_met","target_year":null,"note":null,"level":"standard","owner":null,"due_on":null}','{"due_on":2,"level":2,"name":2,"note":2,"number":2,"owner":2,"status":2,"target_year":2}',117748226629304320,1796695352620,'pending',NULL,NULL);
CREATE TABLE sync_base_rows (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  vals TEXT NOT NULL,
  vers TEXT NOT NULL, origins TEXT,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
INSERT INTO sync_base_rows VALUES('cleanups','01a25363-5e9c-7384-8917-642c0ca90876','{"area":null,"date":"2026-11-02","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","households_joined":31,"id":"01a25363-5e9c-7384-8917-642c0ca90876","note":null,"participants":40,"status":"done","waste_kg":120.5}','{"area":23,"date":23,"hamlet_id":23,"households_joined":23,"note":23,"participants":23,"status":23,"waste_kg":23}','{"23":{"a":"Lò Văn Sùng","r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226519269376}}');
INSERT INTO sync_base_rows VALUES('contributions','01a25363-5f90-7bc0-be80-096c1eecef66','{"amount":4500000,"date":null,"donor_name":"Phạm Thị Hoa","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","household_id":null,"id":"01a25363-5f90-7bc0-be80-096c1eecef66","kind":"money","note":null,"purpose":"đổ bê tông","unit":null}','{"amount":26,"date":26,"donor_name":26,"hamlet_id":26,"household_id":26,"kind":26,"note":26,"purpose":26,"unit":26}','{"26":{"a":"Lò Văn Sùng","r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226535260160}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a10-7ae4-a4dc-09d1700a1dbe','{"due_on":null,"id":"01a25363-5a10-7ae4-a4dc-09d1700a1dbe","level":"standard","name":"Quy hoạch","note":null,"number":1,"owner":null,"status":"not_met","target_year":null}','{"due_on":1,"level":1,"name":1,"note":1,"number":1,"owner":1,"status":1,"target_year":1}','{"1":{"a":"ntm-hub admin","r":"hub","t":117748226442919936}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a11-7b02-8c69-23f3b5f3a67f','{"due_on":null,"id":"01a25363-5a11-7b02-8c69-23f3b5f3a67f","level":"standard","name":"Giao thông","note":null,"number":2,"owner":null,"status":"not_met","target_year":null}','{"due_on":2,"level":2,"name":2,"note":2,"number":2,"owner":2,"status":2,"target_year":2}','{"2":{"a":"ntm-hub admin","r":"hub","t":117748226442919937}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a12-714d-b2f9-222535d61f2d','{"due_on":null,"id":"01a25363-5a12-714d-b2f9-222535d61f2d","level":"standard","name":"Cơ sở hạ tầng thương mại nông thôn","note":null,"number":7,"owner":null,"status":"not_met","target_year":null}','{"due_on":7,"level":7,"name":7,"note":7,"number":7,"owner":7,"status":7,"target_year":7}','{"7":{"a":"ntm-hub admin","r":"hub","t":117748226442919942}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a12-71ce-8fb7-6acc0ad33280','{"due_on":null,"id":"01a25363-5a12-71ce-8fb7-6acc0ad33280","level":"standard","name":"Giáo dục","note":null,"number":5,"owner":null,"status":"not_met","target_year":null}','{"due_on":5,"level":5,"name":5,"note":5,"number":5,"owner":5,"status":5,"target_year":5}','{"5":{"a":"ntm-hub admin","r":"hub","t":117748226442919940}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a12-7367-bb94-cd0baa82217b','{"due_on":null,"id":"01a25363-5a12-7367-bb94-cd0baa82217b","level":"standard","name":"Thủy lợi và phòng chống thiên tai","note":null,"number":3,"owner":null,"status":"not_met","target_year":null}','{"due_on":3,"level":3,"name":3,"note":3,"number":3,"owner":3,"status":3,"target_year":3}','{"3":{"a":"ntm-hub admin","r":"hub","t":117748226442919938}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a12-7469-95d4-708acbb417c5','{"due_on":null,"id":"01a25363-5a12-7469-95d4-708acbb417c5","level":"standard","name":"Điện","note":null,"number":4,"owner":null,"status":"not_met","target_year":null}','{"due_on":4,"level":4,"name":4,"note":4,"number":4,"owner":4,"status":4,"target_year":4}','{"4":{"a":"ntm-hub admin","r":"hub","t":117748226442919939}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a12-7b1a-ab39-725828ff3595','{"due_on":null,"id":"01a25363-5a12-7b1a-ab39-725828ff3595","level":"standard","name":"Văn hóa","note":null,"number":6,"owner":null,"status":"not_met","target_year":null}','{"due_on":6,"level":6,"name":6,"note":6,"number":6,"owner":6,"status":6,"target_year":6}','{"6":{"a":"ntm-hub admin","r":"hub","t":117748226442919941}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a13-70cb-b77e-0c73cb8c1acf','{"due_on":null,"id":"01a25363-5a13-70cb-b77e-0c73cb8c1acf","level":"standard","name":"Thu nhập","note":null,"number":10,"owner":null,"status":"not_met","target_year":null}','{"due_on":10,"level":10,"name":10,"note":10,"number":10,"owner":10,"status":10,"target_year":10}','{"10":{"a":"ntm-hub admin","r":"hub","t":117748226442919945}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a13-7338-b07f-b6b41814b814','{"due_on":null,"id":"01a25363-5a13-7338-b07f-b6b41814b814","level":"standard","name":"Thông tin và truyền thông","note":null,"number":8,"owner":null,"status":"not_met","target_year":null}','{"due_on":8,"level":8,"name":8,"note":8,"number":8,"owner":8,"status":8,"target_year":8}','{"8":{"a":"ntm-hub admin","r":"hub","t":117748226442919943}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a13-74b7-a877-1aa151caf624','{"due_on":null,"id":"01a25363-5a13-74b7-a877-1aa151caf624","level":"standard","name":"Tổ chức sản xuất và phát triển kinh tế nông thôn","note":null,"number":13,"owner":null,"status":"not_met","target_year":null}','{"due_on":13,"level":13,"name":13,"note":13,"number":13,"owner":13,"status":13,"target_year":13}','{"13":{"a":"ntm-hub admin","r":"hub","t":117748226442919948}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a13-7b90-9f87-a0af700c7316','{"due_on":null,"id":"01a25363-5a13-7b90-9f87-a0af700c7316","level":"standard","name":"Nghèo đa chiều","note":null,"number":11,"owner":null,"status":"not_met","target_year":null}','{"due_on":11,"level":11,"name":11,"note":11,"number":11,"owner":11,"status":11,"target_year":11}','{"11":{"a":"ntm-hub admin","r":"hub","t":117748226442919946}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a13-7f91-b367-b466849efca0','{"due_on":null,"id":"01a25363-5a13-7f91-b367-b466849efca0","level":"standard","name":"Nhà ở dân cư","note":null,"number":9,"owner":null,"status":"not_met","target_year":null}','{"due_on":9,"level":9,"name":9,"note":9,"number":9,"owner":9,"status":9,"target_year":9}','{"9":{"a":"ntm-hub admin","r":"hub","t":117748226442919944}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a13-7fca-98d3-810ab66af118','{"due_on":null,"id":"01a25363-5a13-7fca-98d3-810ab66af118","level":"standard","name":"Lao động","note":null,"number":12,"owner":null,"status":"not_met","target_year":null}','{"due_on":12,"level":12,"name":12,"note":12,"number":12,"owner":12,"status":12,"target_year":12}','{"12":{"a":"ntm-hub admin","r":"hub","t":117748226442919947}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a14-77e1-8e41-96d3b937d09f','{"due_on":null,"id":"01a25363-5a14-77e1-8e41-96d3b937d09f","level":"standard","name":"Tiếp cận pháp luật","note":null,"number":16,"owner":null,"status":"not_met","target_year":null}','{"due_on":16,"level":16,"name":16,"note":16,"number":16,"owner":16,"status":16,"target_year":16}','{"16":{"a":"ntm-hub admin","r":"hub","t":117748226442919951}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a14-793a-9fca-e1baeacc38b7','{"due_on":null,"id":"01a25363-5a14-793a-9fca-e1baeacc38b7","level":"standard","name":"Chất lượng môi trường sống","note":null,"number":18,"owner":null,"status":"not_met","target_year":null}','{"due_on":18,"level":18,"name":18,"note":18,"number":18,"owner":18,"status":18,"target_year":18}','{"18":{"a":"ntm-hub admin","r":"hub","t":117748226442919953}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a14-7a8e-8879-8f49a9cedbda','{"due_on":null,"id":"01a25363-5a14-7a8e-8879-8f49a9cedbda","level":"standard","name":"Môi trường","note":null,"number":17,"owner":null,"status":"not_met","target_year":null}','{"due_on":17,"level":17,"name":17,"note":17,"number":17,"owner":17,"status":17,"target_year":17}','{"17":{"a":"ntm-hub admin","r":"hub","t":117748226442919952}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a14-7ba2-8215-2f45b7473ce1','{"due_on":null,"id":"01a25363-5a14-7ba2-8215-2f45b7473ce1","level":"standard","name":"Hành chính công","note":null,"number":15,"owner":null,"status":"not_met","target_year":null}','{"due_on":15,"level":15,"name":15,"note":15,"number":15,"owner":15,"status":15,"target_year":15}','{"15":{"a":"ntm-hub admin","r":"hub","t":117748226442919950}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a14-7e57-9bb1-9110884fa32b','{"due_on":null,"id":"01a25363-5a14-7e57-9bb1-9110884fa32b","level":"standard","name":"Y tế","note":null,"number":14,"owner":null,"status":"not_met","target_year":null}','{"due_on":14,"level":14,"name":14,"note":14,"number":14,"owner":14,"status":14,"target_year":14}','{"14":{"a":"ntm-hub admin","r":"hub","t":117748226442919949}}');
INSERT INTO sync_base_rows VALUES('criteria','01a25363-5a15-7d16-96b7-2d35f348571e','{"due_on":null,"id":"01a25363-5a15-7d16-96b7-2d35f348571e","level":"standard","name":"Quốc phòng và An ninh","note":null,"number":19,"owner":null,"status":"not_met","target_year":null}','{"due_on":19,"level":19,"name":19,"note":19,"number":19,"owner":19,"status":19,"target_year":19}','{"19":{"a":"ntm-hub admin","r":"hub","t":117748226442919954}}');
INSERT INTO sync_base_rows VALUES('hamlets','01a25363-5a3b-7724-9d43-853369019ffa','{"achieved":"none","achieved_year":null,"head_name":"Lò Văn Sùng","households_total":null,"id":"01a25363-5a3b-7724-9d43-853369019ffa","kind":"xom","name":"Xóm Đông","note":null,"target":"standard"}','{"achieved":20,"achieved_year":20,"head_name":20,"households_total":20,"kind":20,"name":20,"note":20,"target":20}','{"20":{"a":"ntm-hub admin","r":"hub","t":117748226445737984}}');
INSERT INTO sync_base_rows VALUES('households','01a25363-5df2-785d-9281-15b52510e4f0','{"address":"Xóm Đông, ngõ 3","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","head_name":"Lò Văn Sùng","id":"01a25363-5df2-785d-9281-15b52510e4f0","note":null,"phone":null}','{"address":21,"hamlet_id":21,"head_name":21,"note":21,"phone":21}','{"21":{"a":"Lò Văn Sùng","r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226508128256}}');
INSERT INTO sync_base_rows VALUES('households','01a25363-5e41-7cf0-9186-4a46acbe6d44','{"address":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","head_name":"Phạm Thị Hoa","id":"01a25363-5e41-7cf0-9186-4a46acbe6d44","note":null,"phone":null}','{"address":22,"hamlet_id":22,"head_name":22,"note":22,"phone":22}','{"22":{"a":"Lò Văn Sùng","r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226513240064}}');
INSERT INTO sync_base_rows VALUES('land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','{"area_m2":115,"assets":null,"assets_value_vnd":null,"donor_name":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","handed_over_on":null,"household_id":"01a25363-5df2-785d-9281-15b52510e4f0","id":"01a25363-5f3d-7f55-8ea8-bff9a4d981a6","note":null,"road_segment_id":"01a25363-5eec-7e98-8d80-3e91475fd537","signed_on":null,"status":"pledged"}','{"area_m2":27,"assets":25,"assets_value_vnd":25,"donor_name":25,"hamlet_id":25,"handed_over_on":25,"household_id":25,"note":25,"road_segment_id":25,"signed_on":25,"status":25}','{"25":{"a":"Lò Văn Sùng","r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226529820672},"27":{"a":"Cán bộ xã","r":"01a25363-6092-7c1b-9de2-415db7541220","t":117748226563178496}}');
INSERT INTO sync_base_rows VALUES('road_segments','01a25363-5eec-7e98-8d80-3e91475fd537','{"completed_on":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","id":"01a25363-5eec-7e98-8d80-3e91475fd537","kind":"truc","length_m":420,"lighting":0,"name":"Trục xóm Đông","note":null,"status":"planned","target_width_m":6,"trees":0,"width_after_m":null,"width_before_m":3.5}','{"completed_on":24,"hamlet_id":24,"kind":24,"length_m":24,"lighting":24,"name":24,"note":24,"status":24,"target_width_m":24,"trees":24,"width_after_m":24,"width_before_m":24}','{"24":{"a":"Lò Văn Sùng","r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226524446720}}');
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hamlet_id TEXT,
  col TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  record TEXT NOT NULL
);
INSERT INTO sync_conflicts VALUES('01a25363-622c-79be-9b12-76077bf6abe7','land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','01a25363-5a3b-7724-9d43-853369019ffa','area_m2','open','{"base":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748226529820672,"replica_id":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","value":120,"version":25},"column":"area_m2","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","hub":{"author":"Cán bộ xã","deleted":false,"hlc":117748226563178496,"replica_id":"01a25363-6092-7c1b-9de2-415db7541220","value":115,"version":27},"id":"01a25363-622c-79be-9b12-76077bf6abe7","incoming":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748226573860864,"replica_id":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","value":125,"version":0},"kind":"field","opened_at":1796695351852,"row_id":"01a25363-5f3d-7f55-8ea8-bff9a4d981a6","status":"open","table":"land_donations"}');
CREATE TABLE sync_hub (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  token TEXT NOT NULL
, ca_pem TEXT);
INSERT INTO sync_hub VALUES(1,'http://127.0.0.1:8080','ntm_544be69e6a58a3e2_9b8aa1a9471c967bd27ab3fe906d961b2bf5c4a423e961e2eb8466442a4a5352',NULL);
CREATE TABLE sync_identities (
  replica_id TEXT PRIMARY KEY NOT NULL,
  seq_base INTEGER NOT NULL,
  until_seq INTEGER NOT NULL,
  retired_at INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE TABLE sync_set_aside (
  id INTEGER PRIMARY KEY,
  seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at,
  state, reason_was,
  reason TEXT NOT NULL,
  set_aside_at INTEGER NOT NULL
);
CREATE TABLE sync_pull_marks (seq INTEGER PRIMARY KEY, mark TEXT NOT NULL);
INSERT INTO sync_pull_marks VALUES(26,'10f84c46b2d276ae');
INSERT INTO sync_pull_marks VALUES(27,'fdab0001cf977d49');
INSERT INTO sync_pull_marks VALUES(28,'1b28da6663622a4d');
CREATE TABLE sync_base_deleted (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  origin TEXT,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE TABLE sync_reoffer (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  kept INTEGER NOT NULL,
  fields TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE TABLE sync_history (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  event TEXT NOT NULL
);
INSERT INTO sync_history VALUES(1,'criteria','01a25363-5a10-7ae4-a4dc-09d1700a1dbe','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a10-7ae4-a4dc-09d1700a1dbe","level":"standard","name":"Quy hoạch","note":null,"number":1,"owner":null,"status":"not_met","target_year":null},"seq":1}');
INSERT INTO sync_history VALUES(2,'criteria','01a25363-5a11-7b02-8c69-23f3b5f3a67f','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a11-7b02-8c69-23f3b5f3a67f","level":"standard","name":"Giao thông","note":null,"number":2,"owner":null,"status":"not_met","target_year":null},"seq":2}');
INSERT INTO sync_history VALUES(3,'criteria','01a25363-5a12-7367-bb94-cd0baa82217b','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a12-7367-bb94-cd0baa82217b","level":"standard","name":"Thủy lợi và phòng chống thiên tai","note":null,"number":3,"owner":null,"status":"not_met","target_year":null},"seq":3}');
INSERT INTO sync_history VALUES(4,'criteria','01a25363-5a12-7469-95d4-708acbb417c5','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a12-7469-95d4-708acbb417c5","level":"standard","name":"Điện","note":null,"number":4,"owner":null,"status":"not_met","target_year":null},"seq":4}');
INSERT INTO sync_history VALUES(5,'criteria','01a25363-5a12-71ce-8fb7-6acc0ad33280','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a12-71ce-8fb7-6acc0ad33280","level":"standard","name":"Giáo dục","note":null,"number":5,"owner":null,"status":"not_met","target_year":null},"seq":5}');
INSERT INTO sync_history VALUES(6,'criteria','01a25363-5a12-7b1a-ab39-725828ff3595','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a12-7b1a-ab39-725828ff3595","level":"standard","name":"Văn hóa","note":null,"number":6,"owner":null,"status":"not_met","target_year":null},"seq":6}');
INSERT INTO sync_history VALUES(7,'criteria','01a25363-5a12-714d-b2f9-222535d61f2d','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a12-714d-b2f9-222535d61f2d","level":"standard","name":"Cơ sở hạ tầng thương mại nông thôn","note":null,"number":7,"owner":null,"status":"not_met","target_year":null},"seq":7}');
INSERT INTO sync_history VALUES(8,'criteria','01a25363-5a13-7338-b07f-b6b41814b814','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a13-7338-b07f-b6b41814b814","level":"standard","name":"Thông tin và truyền thông","note":null,"number":8,"owner":null,"status":"not_met","target_year":null},"seq":8}');
INSERT INTO sync_history VALUES(9,'criteria','01a25363-5a13-7f91-b367-b466849efca0','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a13-7f91-b367-b466849efca0","level":"standard","name":"Nhà ở dân cư","note":null,"number":9,"owner":null,"status":"not_met","target_year":null},"seq":9}');
INSERT INTO sync_history VALUES(10,'criteria','01a25363-5a13-70cb-b77e-0c73cb8c1acf','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a13-70cb-b77e-0c73cb8c1acf","level":"standard","name":"Thu nhập","note":null,"number":10,"owner":null,"status":"not_met","target_year":null},"seq":10}');
INSERT INTO sync_history VALUES(11,'criteria','01a25363-5a13-7b90-9f87-a0af700c7316','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a13-7b90-9f87-a0af700c7316","level":"standard","name":"Nghèo đa chiều","note":null,"number":11,"owner":null,"status":"not_met","target_year":null},"seq":11}');
INSERT INTO sync_history VALUES(12,'criteria','01a25363-5a13-7fca-98d3-810ab66af118','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a13-7fca-98d3-810ab66af118","level":"standard","name":"Lao động","note":null,"number":12,"owner":null,"status":"not_met","target_year":null},"seq":12}');
INSERT INTO sync_history VALUES(13,'criteria','01a25363-5a13-74b7-a877-1aa151caf624','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a13-74b7-a877-1aa151caf624","level":"standard","name":"Tổ chức sản xuất và phát triển kinh tế nông thôn","note":null,"number":13,"owner":null,"status":"not_met","target_year":null},"seq":13}');
INSERT INTO sync_history VALUES(14,'criteria','01a25363-5a14-7e57-9bb1-9110884fa32b','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a14-7e57-9bb1-9110884fa32b","level":"standard","name":"Y tế","note":null,"number":14,"owner":null,"status":"not_met","target_year":null},"seq":14}');
INSERT INTO sync_history VALUES(15,'criteria','01a25363-5a14-7ba2-8215-2f45b7473ce1','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a14-7ba2-8215-2f45b7473ce1","level":"standard","name":"Hành chính công","note":null,"number":15,"owner":null,"status":"not_met","target_year":null},"seq":15}');
INSERT INTO sync_history VALUES(16,'criteria','01a25363-5a14-77e1-8e41-96d3b937d09f','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a14-77e1-8e41-96d3b937d09f","level":"standard","name":"Tiếp cận pháp luật","note":null,"number":16,"owner":null,"status":"not_met","target_year":null},"seq":16}');
INSERT INTO sync_history VALUES(17,'criteria','01a25363-5a14-7a8e-8879-8f49a9cedbda','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a14-7a8e-8879-8f49a9cedbda","level":"standard","name":"Môi trường","note":null,"number":17,"owner":null,"status":"not_met","target_year":null},"seq":17}');
INSERT INTO sync_history VALUES(18,'criteria','01a25363-5a14-793a-9fca-e1baeacc38b7','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a14-793a-9fca-e1baeacc38b7","level":"standard","name":"Chất lượng môi trường sống","note":null,"number":18,"owner":null,"status":"not_met","target_year":null},"seq":18}');
INSERT INTO sync_history VALUES(19,'criteria','01a25363-5a15-7d16-96b7-2d35f348571e','{"at":1796695349776,"author":"ntm-hub admin","kind":"inserted","row":{"due_on":null,"id":"01a25363-5a15-7d16-96b7-2d35f348571e","level":"standard","name":"Quốc phòng và An ninh","note":null,"number":19,"owner":null,"status":"not_met","target_year":null},"seq":19}');
INSERT INTO sync_history VALUES(20,'hamlets','01a25363-5a3b-7724-9d43-853369019ffa','{"at":1796695349819,"author":"ntm-hub admin","kind":"inserted","row":{"achieved":"none","achieved_year":null,"head_name":"Lò Văn Sùng","households_total":null,"id":"01a25363-5a3b-7724-9d43-853369019ffa","kind":"xom","name":"Xóm Đông","note":null,"target":"standard"},"seq":20}');
INSERT INTO sync_history VALUES(21,'households','01a25363-5df2-785d-9281-15b52510e4f0','{"at":1796695350771,"author":"Lò Văn Sùng","kind":"inserted","row":{"address":"Xóm Đông, ngõ 3","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","head_name":"Lò Văn Sùng","id":"01a25363-5df2-785d-9281-15b52510e4f0","note":null,"phone":null},"seq":21}');
INSERT INTO sync_history VALUES(22,'households','01a25363-5e41-7cf0-9186-4a46acbe6d44','{"at":1796695350849,"author":"Lò Văn Sùng","kind":"inserted","row":{"address":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","head_name":"Phạm Thị Hoa","id":"01a25363-5e41-7cf0-9186-4a46acbe6d44","note":null,"phone":null},"seq":22}');
INSERT INTO sync_history VALUES(23,'cleanups','01a25363-5e9c-7384-8917-642c0ca90876','{"at":1796695350941,"author":"Lò Văn Sùng","kind":"inserted","row":{"area":null,"date":"2026-11-02","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","households_joined":31,"id":"01a25363-5e9c-7384-8917-642c0ca90876","note":null,"participants":40,"status":"done","waste_kg":120.5},"seq":23}');
INSERT INTO sync_history VALUES(24,'road_segments','01a25363-5eec-7e98-8d80-3e91475fd537','{"at":1796695351020,"author":"Lò Văn Sùng","kind":"inserted","row":{"completed_on":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","id":"01a25363-5eec-7e98-8d80-3e91475fd537","kind":"truc","length_m":420,"lighting":0,"name":"Trục xóm Đông","note":null,"status":"planned","target_width_m":6,"trees":0,"width_after_m":null,"width_before_m":3.5},"seq":24}');
INSERT INTO sync_history VALUES(25,'land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','{"at":1796695351102,"author":"Lò Văn Sùng","kind":"inserted","row":{"area_m2":120,"assets":null,"assets_value_vnd":null,"donor_name":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","handed_over_on":null,"household_id":"01a25363-5df2-785d-9281-15b52510e4f0","id":"01a25363-5f3d-7f55-8ea8-bff9a4d981a6","note":null,"road_segment_id":"01a25363-5eec-7e98-8d80-3e91475fd537","signed_on":null,"status":"pledged"},"seq":25}');
INSERT INTO sync_history VALUES(26,'contributions','01a25363-5f90-7bc0-be80-096c1eecef66','{"at":1796695351185,"author":"Lò Văn Sùng","kind":"inserted","row":{"amount":4500000,"date":null,"donor_name":"Phạm Thị Hoa","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","household_id":null,"id":"01a25363-5f90-7bc0-be80-096c1eecef66","kind":"money","note":null,"purpose":"đổ bê tông","unit":null},"seq":26}');
INSERT INTO sync_history VALUES(27,'land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','{"at":1796695351611,"author":"Cán bộ xã","column":"area_m2","kind":"set","seq":27,"value":115}');
INSERT INTO sync_history VALUES(28,'land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','{"at":1796695351774,"author":"Lò Văn Sùng","column":"area_m2","kept":115,"kept_by":"Cán bộ xã","kind":"held","value":125}');
CREATE TABLE sync_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  private_key BLOB NOT NULL,
  hub_key TEXT
);
INSERT INTO sync_keys VALUES(1,X'47c58f80922cb7d4bd745fcd87b712284eef4abe4a3d80d907143fd5847f0932','RlBEOugUzQc11pZTO76s8ek4REbBn2yP5BYH9UstfX0=');
CREATE INDEX sync_outbox_row ON sync_outbox (tbl, row_id);
CREATE INDEX sync_outbox_state ON sync_outbox (state, seq);
CREATE TRIGGER sync_guard_id_hamlets BEFORE UPDATE OF id ON "hamlets" WHEN OLD.id IS NOT NEW.id
BEGIN SELECT RAISE(ABORT, 'hamlets.id: cannot change'); END;
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
CREATE TRIGGER sync_guard_id_road_segments BEFORE UPDATE OF id ON "road_segments" WHEN OLD.id IS NOT NEW.id
BEGIN SELECT RAISE(ABORT, 'road_segments.id: cannot change'); END;
CREATE TRIGGER sync_guard_hamlet_road_segments BEFORE UPDATE OF hamlet_id ON "road_segments"
WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
BEGIN SELECT RAISE(ABORT, 'road_segments.hamlet_id: cannot change; delete the row and add it to the other hamlet'); END;
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
CREATE TRIGGER sync_capture_insert_hamlets AFTER INSERT ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'hamlets', NEW.id, 'insert', json_object('id', NEW."id", 'name', NEW."name", 'kind', NEW."kind", 'head_name', NEW."head_name", 'households_total', NEW."households_total", 'target', NEW."target", 'note', NEW."note", 'achieved', NEW."achieved", 'achieved_year', NEW."achieved_year"), NULL, NULL,
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_update_hamlets AFTER UPDATE ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."name" IS NOT NEW."name" OR OLD."kind" IS NOT NEW."kind" OR OLD."head_name" IS NOT NEW."head_name" OR OLD."households_total" IS NOT NEW."households_total" OR OLD."target" IS NOT NEW."target" OR OLD."note" IS NOT NEW."note" OR OLD."achieved" IS NOT NEW."achieved" OR OLD."achieved_year" IS NOT NEW."achieved_year")
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'hamlets', NEW.id, 'update', json_object('id', NEW."id", 'name', NEW."name", 'kind', NEW."kind", 'head_name', NEW."head_name", 'households_total', NEW."households_total", 'target', NEW."target", 'note', NEW."note", 'achieved', NEW."achieved", 'achieved_year', NEW."achieved_year"), json_object('id', OLD."id", 'name', OLD."name", 'kind', OLD."kind", 'head_name', OLD."head_name", 'households_total', OLD."households_total", 'target', OLD."target", 'note', OLD."note", 'achieved', OLD."achieved", 'achieved_year', OLD."achieved_year"), (SELECT vers FROM sync_base_rows WHERE tbl = 'hamlets' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_delete_hamlets AFTER DELETE ON "hamlets" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'hamlets', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'name', OLD."name", 'kind', OLD."kind", 'head_name', OLD."head_name", 'households_total', OLD."households_total", 'target', OLD."target", 'note', OLD."note", 'achieved', OLD."achieved", 'achieved_year', OLD."achieved_year"), (SELECT vers FROM sync_base_rows WHERE tbl = 'hamlets' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_insert_criteria AFTER INSERT ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'criteria', NEW.id, 'insert', json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'status', NEW."status", 'target_year', NEW."target_year", 'note', NEW."note", 'level', NEW."level", 'owner', NEW."owner", 'due_on', NEW."due_on"), NULL, NULL,
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_update_criteria AFTER UPDATE ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."number" IS NOT NEW."number" OR OLD."name" IS NOT NEW."name" OR OLD."status" IS NOT NEW."status" OR OLD."target_year" IS NOT NEW."target_year" OR OLD."note" IS NOT NEW."note" OR OLD."level" IS NOT NEW."level" OR OLD."owner" IS NOT NEW."owner" OR OLD."due_on" IS NOT NEW."due_on")
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'criteria', NEW.id, 'update', json_object('id', NEW."id", 'number', NEW."number", 'name', NEW."name", 'status', NEW."status", 'target_year', NEW."target_year", 'note', NEW."note", 'level', NEW."level", 'owner', NEW."owner", 'due_on', NEW."due_on"), json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'status', OLD."status", 'target_year', OLD."target_year", 'note', OLD."note", 'level', OLD."level", 'owner', OLD."owner", 'due_on', OLD."due_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'criteria' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_delete_criteria AFTER DELETE ON "criteria" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'criteria', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'number', OLD."number", 'name', OLD."name", 'status', OLD."status", 'target_year', OLD."target_year", 'note', OLD."note", 'level', OLD."level", 'owner', OLD."owner", 'due_on', OLD."due_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'criteria' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_plausible_insert_criteria BEFORE INSERT ON "criteria"
WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0)) AND (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31')))
BEGIN
SELECT RAISE(ABORT, 'criteria.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.owner: must be at most 200 characters without control characters') WHERE NOT (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.due_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31'));
END;
CREATE TRIGGER sync_plausible_update_criteria BEFORE UPDATE ON "criteria"
WHEN (SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1) AND NOT ((NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0)) AND (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0)) AND (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0)) AND (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0)) AND (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31')))
BEGIN
SELECT RAISE(ABORT, 'criteria.id: must be an id of 1 to 128 bytes without spaces or control characters') WHERE NOT (NEW."id" IS NULL OR (length(CAST(NEW."id" AS BLOB)) BETWEEN 1 AND 128 AND NEW."id" NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."id" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.name: must be at most 200 characters without control characters') WHERE NOT (NEW."name" IS NULL OR (length(NEW."name") <= 200 AND NEW."name" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."name" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.note: must be at most 2000 characters, without control characters but tab and newline') WHERE NOT (NEW."note" IS NULL OR (length(NEW."note") <= 2000 AND NEW."note" NOT GLOB ('*[' || char(1) || '-' || char(8) || char(11) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."note" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.owner: must be at most 200 characters without control characters') WHERE NOT (NEW."owner" IS NULL OR (length(NEW."owner") <= 200 AND NEW."owner" NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*') AND instr(CAST(NEW."owner" AS BLOB), X'00') = 0));
SELECT RAISE(ABORT, 'criteria.due_on: must be between 1900-01-01 and 2100-12-31') WHERE NOT (NEW."due_on" IS NULL OR (NEW."due_on" <= '2100-12-31'));
END;
CREATE TRIGGER sync_capture_insert_road_segments AFTER INSERT ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'road_segments', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'name', NEW."name", 'length_m', NEW."length_m", 'width_before_m', NEW."width_before_m", 'width_after_m', NEW."width_after_m", 'target_width_m', NEW."target_width_m", 'status', NEW."status", 'lighting', NEW."lighting", 'trees', NEW."trees", 'note', NEW."note", 'kind', NEW."kind", 'completed_on', NEW."completed_on"), NULL, NULL,
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_update_road_segments AFTER UPDATE ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."name" IS NOT NEW."name" OR OLD."length_m" IS NOT NEW."length_m" OR OLD."width_before_m" IS NOT NEW."width_before_m" OR OLD."width_after_m" IS NOT NEW."width_after_m" OR OLD."target_width_m" IS NOT NEW."target_width_m" OR OLD."status" IS NOT NEW."status" OR OLD."lighting" IS NOT NEW."lighting" OR OLD."trees" IS NOT NEW."trees" OR OLD."note" IS NOT NEW."note" OR OLD."kind" IS NOT NEW."kind" OR OLD."completed_on" IS NOT NEW."completed_on")
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'road_segments', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'name', NEW."name", 'length_m', NEW."length_m", 'width_before_m', NEW."width_before_m", 'width_after_m', NEW."width_after_m", 'target_width_m', NEW."target_width_m", 'status', NEW."status", 'lighting', NEW."lighting", 'trees', NEW."trees", 'note', NEW."note", 'kind', NEW."kind", 'completed_on', NEW."completed_on"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'name', OLD."name", 'length_m', OLD."length_m", 'width_before_m', OLD."width_before_m", 'width_after_m', OLD."width_after_m", 'target_width_m', OLD."target_width_m", 'status', OLD."status", 'lighting', OLD."lighting", 'trees', OLD."trees", 'note', OLD."note", 'kind', OLD."kind", 'completed_on', OLD."completed_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'road_segments' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_delete_road_segments AFTER DELETE ON "road_segments" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'road_segments', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'name', OLD."name", 'length_m', OLD."length_m", 'width_before_m', OLD."width_before_m", 'width_after_m', OLD."width_after_m", 'target_width_m', OLD."target_width_m", 'status', OLD."status", 'lighting', OLD."lighting", 'trees', OLD."trees", 'note', OLD."note", 'kind', OLD."kind", 'completed_on', OLD."completed_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'road_segments' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
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
CREATE TRIGGER sync_capture_insert_land_donations AFTER INSERT ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'land_donations', NEW.id, 'insert', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'road_segment_id', NEW."road_segment_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'area_m2', NEW."area_m2", 'assets', NEW."assets", 'assets_value_vnd', NEW."assets_value_vnd", 'status', NEW."status", 'signed_on', NEW."signed_on", 'note', NEW."note", 'handed_over_on', NEW."handed_over_on"), NULL, NULL,
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_update_land_donations AFTER UPDATE ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND (OLD."hamlet_id" IS NOT NEW."hamlet_id" OR OLD."road_segment_id" IS NOT NEW."road_segment_id" OR OLD."household_id" IS NOT NEW."household_id" OR OLD."donor_name" IS NOT NEW."donor_name" OR OLD."area_m2" IS NOT NEW."area_m2" OR OLD."assets" IS NOT NEW."assets" OR OLD."assets_value_vnd" IS NOT NEW."assets_value_vnd" OR OLD."status" IS NOT NEW."status" OR OLD."signed_on" IS NOT NEW."signed_on" OR OLD."note" IS NOT NEW."note" OR OLD."handed_over_on" IS NOT NEW."handed_over_on")
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'land_donations', NEW.id, 'update', json_object('id', NEW."id", 'hamlet_id', NEW."hamlet_id", 'road_segment_id', NEW."road_segment_id", 'household_id', NEW."household_id", 'donor_name', NEW."donor_name", 'area_m2', NEW."area_m2", 'assets', NEW."assets", 'assets_value_vnd', NEW."assets_value_vnd", 'status', NEW."status", 'signed_on', NEW."signed_on", 'note', NEW."note", 'handed_over_on', NEW."handed_over_on"), json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'road_segment_id', OLD."road_segment_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'area_m2', OLD."area_m2", 'assets', OLD."assets", 'assets_value_vnd', OLD."assets_value_vnd", 'status', OLD."status", 'signed_on', OLD."signed_on", 'note', OLD."note", 'handed_over_on', OLD."handed_over_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'land_donations' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
CREATE TRIGGER sync_capture_delete_land_donations AFTER DELETE ON "land_donations" WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
  SELECT s.next_seq, 'land_donations', OLD.id, 'delete', NULL, json_object('id', OLD."id", 'hamlet_id', OLD."hamlet_id", 'road_segment_id', OLD."road_segment_id", 'household_id', OLD."household_id", 'donor_name', OLD."donor_name", 'area_m2', OLD."area_m2", 'assets', OLD."assets", 'assets_value_vnd', OLD."assets_value_vnd", 'status', OLD."status", 'signed_on', OLD."signed_on", 'note', OLD."note", 'handed_over_on', OLD."handed_over_on"), (SELECT vers FROM sync_base_rows WHERE tbl = 'land_donations' AND row_id = OLD.id),
         MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
  FROM sync_state AS s, (SELECT COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS now_ms) AS n WHERE s.id = 1;
UPDATE sync_state SET next_seq = next_seq + 1,
  hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
END;
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
CREATE INDEX sync_history_row ON sync_history (row_id);
COMMIT;
