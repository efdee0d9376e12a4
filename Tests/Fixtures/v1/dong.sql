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
CREATE TABLE IF NOT EXISTS "hamlets" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "kind" TEXT NOT NULL DEFAULT 'xom' CHECK ("kind" IN ('xom', 'thon', 'lang', 'ban')),
  "head_name" TEXT CHECK ("head_name" IS NULL OR (typeof("head_name") = 'text')),
  "households_total" INTEGER CHECK ("households_total" IS NULL OR (typeof("households_total") = 'integer' AND "households_total" >= 0)),
  "target" TEXT NOT NULL DEFAULT 'standard' CHECK ("target" IN ('standard', 'model')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
);
INSERT INTO hamlets VALUES('01a2090d-4886-728b-b382-c34c63a78984','Xóm Đông','xom','Nguyễn Văn An',NULL,'standard','sửa tay');
CREATE TABLE IF NOT EXISTS "criteria" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "number" INTEGER NOT NULL CHECK (typeof("number") = 'integer' AND "number" BETWEEN 1 AND 19),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "status" TEXT NOT NULL DEFAULT 'not_met' CHECK ("status" IN ('met', 'not_met')),
  "target_year" INTEGER CHECK ("target_year" IS NULL OR (typeof("target_year") = 'integer' AND "target_year" BETWEEN 2000 AND 2100)),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
);
INSERT INTO criteria VALUES('01a2090d-487d-7c0b-a7d5-39c27f524a5d',1,'Quy hoạch','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-487f-78e7-9d2a-44cb771f1445',2,'Giao thông','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-487f-79be-87d9-6d1dffd96503',3,'Thủy lợi và phòng chống thiên tai','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4880-7108-b3a3-e8f2ad3cee44',6,'Văn hóa','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4880-751b-815a-383e221330c4',5,'Giáo dục','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4880-7d3f-bbbb-2d7263a6063a',4,'Điện','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4881-7104-bb35-a981d9560f43',8,'Thông tin và truyền thông','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4881-7ee8-8048-f738d012a1c3',9,'Nhà ở dân cư','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4881-7f3f-9655-ea0cf075780b',7,'Cơ sở hạ tầng thương mại nông thôn','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-73a6-80d9-14732442595b',13,'Tổ chức sản xuất và phát triển kinh tế nông thôn','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-7916-85b3-0c3c08b7eca7',10,'Thu nhập','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-7c19-bd51-0cbac4019542',11,'Nghèo đa chiều','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-7ce9-a7ef-ec7e19ce60ef',12,'Lao động','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4883-7334-8f4f-db7ea33a1c9a',16,'Tiếp cận pháp luật','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4883-7684-bc7d-e9e8ceb9b953',14,'Y tế','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4883-7839-817d-e51eab2195ee',15,'Hành chính công','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4884-7389-9b0a-2fac7d947839',19,'Quốc phòng và An ninh','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4884-7770-a194-4a6c6c159ce7',17,'Môi trường','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4884-7c88-878f-0ca133b987b1',18,'Chất lượng môi trường sống','not_met',NULL,NULL);
CREATE TABLE IF NOT EXISTS "households" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
  "head_name" TEXT NOT NULL CHECK (typeof("head_name") = 'text' AND length(trim("head_name", ' ' || char(9, 10, 13))) > 0),
  "address" TEXT CHECK ("address" IS NULL OR (typeof("address") = 'text')),
  "phone" TEXT CHECK ("phone" IS NULL OR (typeof("phone") = 'text')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
);
INSERT INTO households VALUES('01a2090d-4957-7619-84dd-f6bfe3cfe5ca','01a2090d-4886-728b-b382-c34c63a78984','Hoàng Văn Cường','Đội 3',NULL,NULL);
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
INSERT INTO cleanups VALUES('01a2090d-4958-7027-91aa-370d3a88ff73','01a2090d-4886-728b-b382-c34c63a78984','2026-11-02','done',40,NULL,120.0,NULL,NULL);
INSERT INTO cleanups VALUES('01a2090d-4999-7d56-bed1-0659c44706c9','01a2090d-4886-728b-b382-c34c63a78984','2026-11-16','done',35,NULL,NULL,NULL,NULL);
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
);
INSERT INTO road_segments VALUES('01a2090d-4959-7631-b92c-8af0ffae117d','01a2090d-4886-728b-b382-c34c63a78984','Trục xóm Đông',850.0,3.5,6.0,6.0,'surveyed',0,0,NULL);
INSERT INTO road_segments VALUES('01a2090d-49a1-7c41-bc04-bf9009298b0e','01a2090d-4886-728b-b382-c34c63a78984','Ngõ 4 xóm Đông',210.0,NULL,NULL,6.0,'planned',0,0,NULL);
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
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text')),
  CHECK (length(trim(coalesce("household_id", ''), ' ' || char(9, 10, 13))) > 0 OR length(trim(coalesce("donor_name", ''), ' ' || char(9, 10, 13))) > 0)
);
INSERT INTO land_donations VALUES('01a2090d-495a-70ef-bcf6-2d5d924ea80f','01a2090d-4886-728b-b382-c34c63a78984','01a2090d-4959-7631-b92c-8af0ffae117d','01a2090d-4957-7619-84dd-f6bfe3cfe5ca','Hoàng Văn Cường',120.0,NULL,NULL,'pledged',NULL,NULL);
INSERT INTO land_donations VALUES('01a2090d-49a3-7fb2-bf53-73a9ccc6754f','01a2090d-4886-728b-b382-c34c63a78984',NULL,NULL,'Phạm Văn Dũng',45.500000000000000001,NULL,NULL,'pledged',NULL,NULL);
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
INSERT INTO contributions VALUES('01a2090d-495c-7904-9f95-10385803a902','01a2090d-4886-728b-b382-c34c63a78984',NULL,'Trần Thị Hoa','money',3500000.0,NULL,NULL,'2026-11-05',NULL);
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
, seq_base INTEGER NOT NULL DEFAULT 0, rebuild_until INTEGER, pull_mark TEXT);
INSERT INTO sync_state VALUES(1,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','head','01a2090d-4886-728b-b382-c34c63a78984','Nguyễn Văn An',13,117666492939567105,0,NULL,27,1795448195476,0,1795448195270,0,NULL,'7b85a2d0939c76b3');
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
INSERT INTO sync_outbox VALUES(7,'road_segments','01a2090d-4959-7631-b92c-8af0ffae117d','update','{"id":"01a2090d-4959-7631-b92c-8af0ffae117d","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","name":"Trục xóm Đông","length_m":850.0,"width_before_m":3.5,"width_after_m":null,"target_width_m":6.0,"status":"surveyed","lighting":0,"trees":0,"note":null}','{"id":"01a2090d-4959-7631-b92c-8af0ffae117d","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","name":"Trục xóm Đông","length_m":850.0,"width_before_m":3.5,"width_after_m":null,"target_width_m":6.0,"status":"planned","lighting":0,"trees":0,"note":null}','{"hamlet_id":23,"length_m":23,"lighting":23,"name":23,"note":23,"status":23,"target_width_m":23,"trees":23,"width_after_m":23,"width_before_m":23}',117666492938715136,1795448195476,'acked',28,NULL);
INSERT INTO sync_outbox VALUES(8,'cleanups','01a2090d-4999-7d56-bed1-0659c44706c9','insert','{"id":"01a2090d-4999-7d56-bed1-0659c44706c9","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","date":"2026-11-16","status":"done","participants":35,"households_joined":null,"waste_kg":null,"area":null,"note":null}',NULL,NULL,117666492939042816,1795448195481,'acked',29,NULL);
INSERT INTO sync_outbox VALUES(9,'hamlets','01a2090d-4886-728b-b382-c34c63a78984','update','{"id":"01a2090d-4886-728b-b382-c34c63a78984","name":"Xóm Đông","kind":"xom","head_name":"Nguyễn Văn An","households_total":null,"target":"standard","note":"sửa tay"}','{"id":"01a2090d-4886-728b-b382-c34c63a78984","name":"Xóm Đông","kind":"xom","head_name":"Nguyễn Văn An","households_total":null,"target":"standard","note":null}','{"head_name":20,"households_total":20,"kind":20,"name":20,"note":20,"target":20}',117666492939239424,1795448195484,'rejected',NULL,'a hamlet head may not write commune table hamlets');
INSERT INTO sync_outbox VALUES(10,'road_segments','01a2090d-4959-7631-b92c-8af0ffae117d','update','{"id":"01a2090d-4959-7631-b92c-8af0ffae117d","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","name":"Trục xóm Đông","length_m":850.0,"width_before_m":3.5,"width_after_m":6.0,"target_width_m":6.0,"status":"surveyed","lighting":0,"trees":0,"note":null}','{"id":"01a2090d-4959-7631-b92c-8af0ffae117d","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","name":"Trục xóm Đông","length_m":850.0,"width_before_m":3.5,"width_after_m":null,"target_width_m":6.0,"status":"surveyed","lighting":0,"trees":0,"note":null}','{"hamlet_id":23,"length_m":23,"lighting":23,"name":23,"note":23,"status":23,"target_width_m":23,"trees":23,"width_after_m":23,"width_before_m":23}',117666492939436032,1795448195487,'pending',NULL,NULL);
INSERT INTO sync_outbox VALUES(11,'road_segments','01a2090d-49a1-7c41-bc04-bf9009298b0e','insert','{"id":"01a2090d-49a1-7c41-bc04-bf9009298b0e","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","name":"Ngõ 4 xóm Đông","length_m":210.0,"width_before_m":null,"width_after_m":null,"target_width_m":6.0,"status":"planned","lighting":0,"trees":0,"note":null}',NULL,NULL,117666492939567104,1795448195489,'pending',NULL,NULL);
INSERT INTO sync_outbox VALUES(12,'land_donations','01a2090d-49a3-7fb2-bf53-73a9ccc6754f','insert','{"id":"01a2090d-49a3-7fb2-bf53-73a9ccc6754f","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","road_segment_id":null,"household_id":null,"donor_name":"Phạm Văn Dũng","area_m2":45.5,"assets":null,"assets_value_vnd":null,"status":"pledged","signed_on":null,"note":null}',NULL,NULL,117666492939567105,1795448195489,'pending',NULL,NULL);
CREATE TABLE sync_base_rows (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  vals TEXT NOT NULL,
  vers TEXT NOT NULL, origins TEXT,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
INSERT INTO sync_base_rows VALUES('cleanups','01a2090d-4958-7027-91aa-370d3a88ff73','{"area":null,"date":"2026-11-02","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","households_joined":null,"id":"01a2090d-4958-7027-91aa-370d3a88ff73","note":null,"participants":40,"status":"done","waste_kg":120}','{"area":22,"date":22,"hamlet_id":22,"households_joined":22,"note":22,"participants":22,"status":22,"waste_kg":22}','{"22":{"a":"Nguyễn Văn An","r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934782976}}');
INSERT INTO sync_base_rows VALUES('contributions','01a2090d-495c-7904-9f95-10385803a902','{"amount":3500000,"date":"2026-11-05","donor_name":"Trần Thị Hoa","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","household_id":null,"id":"01a2090d-495c-7904-9f95-10385803a902","kind":"money","note":null,"purpose":null,"unit":null}','{"amount":25,"date":25,"donor_name":25,"hamlet_id":25,"household_id":25,"kind":25,"note":25,"purpose":25,"unit":25}','{"25":{"a":"Nguyễn Văn An","r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492935045120}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-487d-7c0b-a7d5-39c27f524a5d','{"id":"01a2090d-487d-7c0b-a7d5-39c27f524a5d","name":"Quy hoạch","note":null,"number":1,"status":"not_met","target_year":null}','{"name":1,"note":1,"number":1,"status":1,"target_year":1}','{"1":{"a":"ntm-hub admin","r":"hub","t":117666492920365056}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-487f-78e7-9d2a-44cb771f1445','{"id":"01a2090d-487f-78e7-9d2a-44cb771f1445","name":"Giao thông","note":null,"number":2,"status":"not_met","target_year":null}','{"name":2,"note":2,"number":2,"status":2,"target_year":2}','{"2":{"a":"ntm-hub admin","r":"hub","t":117666492920365057}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-487f-79be-87d9-6d1dffd96503','{"id":"01a2090d-487f-79be-87d9-6d1dffd96503","name":"Thủy lợi và phòng chống thiên tai","note":null,"number":3,"status":"not_met","target_year":null}','{"name":3,"note":3,"number":3,"status":3,"target_year":3}','{"3":{"a":"ntm-hub admin","r":"hub","t":117666492920365058}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4880-7108-b3a3-e8f2ad3cee44','{"id":"01a2090d-4880-7108-b3a3-e8f2ad3cee44","name":"Văn hóa","note":null,"number":6,"status":"not_met","target_year":null}','{"name":6,"note":6,"number":6,"status":6,"target_year":6}','{"6":{"a":"ntm-hub admin","r":"hub","t":117666492920365061}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4880-751b-815a-383e221330c4','{"id":"01a2090d-4880-751b-815a-383e221330c4","name":"Giáo dục","note":null,"number":5,"status":"not_met","target_year":null}','{"name":5,"note":5,"number":5,"status":5,"target_year":5}','{"5":{"a":"ntm-hub admin","r":"hub","t":117666492920365060}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4880-7d3f-bbbb-2d7263a6063a','{"id":"01a2090d-4880-7d3f-bbbb-2d7263a6063a","name":"Điện","note":null,"number":4,"status":"not_met","target_year":null}','{"name":4,"note":4,"number":4,"status":4,"target_year":4}','{"4":{"a":"ntm-hub admin","r":"hub","t":117666492920365059}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4881-7104-bb35-a981d9560f43','{"id":"01a2090d-4881-7104-bb35-a981d9560f43","name":"Thông tin và truyền thông","note":null,"number":8,"status":"not_met","target_year":null}','{"name":8,"note":8,"number":8,"status":8,"target_year":8}','{"8":{"a":"ntm-hub admin","r":"hub","t":117666492920365063}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4881-7ee8-8048-f738d012a1c3','{"id":"01a2090d-4881-7ee8-8048-f738d012a1c3","name":"Nhà ở dân cư","note":null,"number":9,"status":"not_met","target_year":null}','{"name":9,"note":9,"number":9,"status":9,"target_year":9}','{"9":{"a":"ntm-hub admin","r":"hub","t":117666492920365064}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4881-7f3f-9655-ea0cf075780b','{"id":"01a2090d-4881-7f3f-9655-ea0cf075780b","name":"Cơ sở hạ tầng thương mại nông thôn","note":null,"number":7,"status":"not_met","target_year":null}','{"name":7,"note":7,"number":7,"status":7,"target_year":7}','{"7":{"a":"ntm-hub admin","r":"hub","t":117666492920365062}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4882-73a6-80d9-14732442595b','{"id":"01a2090d-4882-73a6-80d9-14732442595b","name":"Tổ chức sản xuất và phát triển kinh tế nông thôn","note":null,"number":13,"status":"not_met","target_year":null}','{"name":13,"note":13,"number":13,"status":13,"target_year":13}','{"13":{"a":"ntm-hub admin","r":"hub","t":117666492920365068}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4882-7916-85b3-0c3c08b7eca7','{"id":"01a2090d-4882-7916-85b3-0c3c08b7eca7","name":"Thu nhập","note":null,"number":10,"status":"not_met","target_year":null}','{"name":10,"note":10,"number":10,"status":10,"target_year":10}','{"10":{"a":"ntm-hub admin","r":"hub","t":117666492920365065}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4882-7c19-bd51-0cbac4019542','{"id":"01a2090d-4882-7c19-bd51-0cbac4019542","name":"Nghèo đa chiều","note":null,"number":11,"status":"not_met","target_year":null}','{"name":11,"note":11,"number":11,"status":11,"target_year":11}','{"11":{"a":"ntm-hub admin","r":"hub","t":117666492920365066}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4882-7ce9-a7ef-ec7e19ce60ef','{"id":"01a2090d-4882-7ce9-a7ef-ec7e19ce60ef","name":"Lao động","note":null,"number":12,"status":"not_met","target_year":null}','{"name":12,"note":12,"number":12,"status":12,"target_year":12}','{"12":{"a":"ntm-hub admin","r":"hub","t":117666492920365067}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4883-7334-8f4f-db7ea33a1c9a','{"id":"01a2090d-4883-7334-8f4f-db7ea33a1c9a","name":"Tiếp cận pháp luật","note":null,"number":16,"status":"not_met","target_year":null}','{"name":16,"note":16,"number":16,"status":16,"target_year":16}','{"16":{"a":"ntm-hub admin","r":"hub","t":117666492920365071}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4883-7684-bc7d-e9e8ceb9b953','{"id":"01a2090d-4883-7684-bc7d-e9e8ceb9b953","name":"Y tế","note":null,"number":14,"status":"not_met","target_year":null}','{"name":14,"note":14,"number":14,"status":14,"target_year":14}','{"14":{"a":"ntm-hub admin","r":"hub","t":117666492920365069}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4883-7839-817d-e51eab2195ee','{"id":"01a2090d-4883-7839-817d-e51eab2195ee","name":"Hành chính công","note":null,"number":15,"status":"not_met","target_year":null}','{"name":15,"note":15,"number":15,"status":15,"target_year":15}','{"15":{"a":"ntm-hub admin","r":"hub","t":117666492920365070}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4884-7389-9b0a-2fac7d947839','{"id":"01a2090d-4884-7389-9b0a-2fac7d947839","name":"Quốc phòng và An ninh","note":null,"number":19,"status":"not_met","target_year":null}','{"name":19,"note":19,"number":19,"status":19,"target_year":19}','{"19":{"a":"ntm-hub admin","r":"hub","t":117666492920365074}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4884-7770-a194-4a6c6c159ce7','{"id":"01a2090d-4884-7770-a194-4a6c6c159ce7","name":"Môi trường","note":null,"number":17,"status":"not_met","target_year":null}','{"name":17,"note":17,"number":17,"status":17,"target_year":17}','{"17":{"a":"ntm-hub admin","r":"hub","t":117666492920365072}}');
INSERT INTO sync_base_rows VALUES('criteria','01a2090d-4884-7c88-878f-0ca133b987b1','{"id":"01a2090d-4884-7c88-878f-0ca133b987b1","name":"Chất lượng môi trường sống","note":null,"number":18,"status":"not_met","target_year":null}','{"name":18,"note":18,"number":18,"status":18,"target_year":18}','{"18":{"a":"ntm-hub admin","r":"hub","t":117666492920365073}}');
INSERT INTO sync_base_rows VALUES('hamlets','01a2090d-4886-728b-b382-c34c63a78984','{"head_name":"Nguyễn Văn An","households_total":null,"id":"01a2090d-4886-728b-b382-c34c63a78984","kind":"xom","name":"Xóm Đông","note":null,"target":"standard"}','{"head_name":20,"households_total":20,"kind":20,"name":20,"note":20,"target":20}','{"20":{"a":"ntm-hub admin","r":"hub","t":117666492920954880}}');
INSERT INTO sync_base_rows VALUES('households','01a2090d-4957-7619-84dd-f6bfe3cfe5ca','{"address":"Đội 3","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","head_name":"Hoàng Văn Cường","id":"01a2090d-4957-7619-84dd-f6bfe3cfe5ca","note":null,"phone":null}','{"address":21,"hamlet_id":21,"head_name":21,"note":21,"phone":21}','{"21":{"a":"Nguyễn Văn An","r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934717440}}');
INSERT INTO sync_base_rows VALUES('land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','{"area_m2":120,"assets":null,"assets_value_vnd":null,"donor_name":"Hoàng Văn Cường","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","household_id":"01a2090d-4957-7619-84dd-f6bfe3cfe5ca","id":"01a2090d-495a-70ef-bcf6-2d5d924ea80f","note":null,"road_segment_id":"01a2090d-4959-7631-b92c-8af0ffae117d","signed_on":null,"status":"pledged"}','{"area_m2":26,"assets":24,"assets_value_vnd":24,"donor_name":24,"hamlet_id":24,"household_id":24,"note":24,"road_segment_id":24,"signed_on":24,"status":24}','{"24":{"a":"Nguyễn Văn An","r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934914048},"26":{"a":"Nguyễn Văn An","r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492937404416}}');
INSERT INTO sync_base_rows VALUES('road_segments','01a2090d-4959-7631-b92c-8af0ffae117d','{"hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","id":"01a2090d-4959-7631-b92c-8af0ffae117d","length_m":850,"lighting":0,"name":"Trục xóm Đông","note":null,"status":"planned","target_width_m":6,"trees":0,"width_after_m":null,"width_before_m":3.5}','{"hamlet_id":23,"length_m":23,"lighting":23,"name":23,"note":23,"status":23,"target_width_m":23,"trees":23,"width_after_m":23,"width_before_m":23}','{"23":{"a":"Nguyễn Văn An","r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934848512}}');
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hamlet_id TEXT,
  col TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  record TEXT NOT NULL
);
INSERT INTO sync_conflicts VALUES('01a2090d-498b-7690-b6ed-bf3624d962d2','land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','01a2090d-4886-728b-b382-c34c63a78984','area_m2','open','{"base":{"author":"Nguyễn Văn An","deleted":false,"hlc":117666492934914048,"replica_id":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","value":100,"version":24},"column":"area_m2","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","hub":{"author":"Nguyễn Văn An","deleted":false,"hlc":117666492937404416,"replica_id":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","value":120,"version":26},"id":"01a2090d-498b-7690-b6ed-bf3624d962d2","incoming":{"author":"Lê Văn Tám","deleted":false,"hlc":117666492937535488,"replica_id":"01a2090d-4922-7c56-8963-d88d4adf8d59","value":110,"version":0},"kind":"field","opened_at":1795448195466,"row_id":"01a2090d-495a-70ef-bcf6-2d5d924ea80f","status":"open","table":"land_donations"}');
CREATE TABLE sync_hub (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  token TEXT NOT NULL
);
INSERT INTO sync_hub VALUES(1,'http://127.0.0.1:8080','ntm_f885a9a603a44bb8_467f637b2b127b67eb6a7137c41f9c642be10f8321dcdb4b41f6cfb6ee76c41e');
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
INSERT INTO sync_pull_marks VALUES(20,'399d3ea5f27c1277');
INSERT INTO sync_pull_marks VALUES(25,'600b48ab9fce8d0');
INSERT INTO sync_pull_marks VALUES(26,'7910c35a20d55add');
INSERT INTO sync_pull_marks VALUES(27,'7b85a2d0939c76b3');
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
CREATE INDEX sync_outbox_row ON sync_outbox (tbl, row_id);
CREATE INDEX sync_outbox_state ON sync_outbox (state, seq);
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
COMMIT;
