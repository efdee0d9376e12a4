PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1-replicated-tables');
INSERT INTO grdb_migrations VALUES('v1-hub-engine');
INSERT INTO grdb_migrations VALUES('v1-hub-administration');
INSERT INTO grdb_migrations VALUES('v1-hub-log-origin');
INSERT INTO grdb_migrations VALUES('v1-hub-replica-token');
CREATE TABLE IF NOT EXISTS "hamlets" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "kind" TEXT NOT NULL DEFAULT 'xom' CHECK ("kind" IN ('xom', 'thon', 'lang', 'ban')),
  "head_name" TEXT CHECK ("head_name" IS NULL OR (typeof("head_name") = 'text')),
  "households_total" INTEGER CHECK ("households_total" IS NULL OR (typeof("households_total") = 'integer' AND "households_total" >= 0)),
  "target" TEXT NOT NULL DEFAULT 'standard' CHECK ("target" IN ('standard', 'model')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
);
INSERT INTO hamlets VALUES('01a2090d-4886-728b-b382-c34c63a78984','Xóm Đông','xom','Nguyễn Văn An',NULL,'standard',NULL);
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
INSERT INTO criteria VALUES('01a2090d-4880-7d3f-bbbb-2d7263a6063a',4,'Điện','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4880-751b-815a-383e221330c4',5,'Giáo dục','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4880-7108-b3a3-e8f2ad3cee44',6,'Văn hóa','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4881-7f3f-9655-ea0cf075780b',7,'Cơ sở hạ tầng thương mại nông thôn','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4881-7104-bb35-a981d9560f43',8,'Thông tin và truyền thông','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4881-7ee8-8048-f738d012a1c3',9,'Nhà ở dân cư','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-7916-85b3-0c3c08b7eca7',10,'Thu nhập','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-7c19-bd51-0cbac4019542',11,'Nghèo đa chiều','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-7ce9-a7ef-ec7e19ce60ef',12,'Lao động','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4882-73a6-80d9-14732442595b',13,'Tổ chức sản xuất và phát triển kinh tế nông thôn','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4883-7684-bc7d-e9e8ceb9b953',14,'Y tế','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4883-7839-817d-e51eab2195ee',15,'Hành chính công','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4883-7334-8f4f-db7ea33a1c9a',16,'Tiếp cận pháp luật','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4884-7770-a194-4a6c6c159ce7',17,'Môi trường','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4884-7c88-878f-0ca133b987b1',18,'Chất lượng môi trường sống','not_met',NULL,NULL);
INSERT INTO criteria VALUES('01a2090d-4884-7389-9b0a-2fac7d947839',19,'Quốc phòng và An ninh','not_met',NULL,NULL);
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
INSERT INTO road_segments VALUES('01a2090d-4959-7631-b92c-8af0ffae117d','01a2090d-4886-728b-b382-c34c63a78984','Trục xóm Đông',850.0,3.5,NULL,6.0,'surveyed',0,0,NULL);
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
CREATE TABLE sync_hub_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hlc INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
, commune_name TEXT);
INSERT INTO sync_hub_state VALUES(1,117666492939042816,1795448195196,'Xã Tân Lập');
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
, origin_seq INTEGER);
INSERT INTO sync_log VALUES(1,'upsert','criteria','01a2090d-487d-7c0b-a7d5-39c27f524a5d',NULL,'{"id":"01a2090d-487d-7c0b-a7d5-39c27f524a5d","name":"Quy hoạch","note":null,"number":1,"status":"not_met","target_year":null}',117666492920365056,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(2,'upsert','criteria','01a2090d-487f-78e7-9d2a-44cb771f1445',NULL,'{"id":"01a2090d-487f-78e7-9d2a-44cb771f1445","name":"Giao thông","note":null,"number":2,"status":"not_met","target_year":null}',117666492920365057,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(3,'upsert','criteria','01a2090d-487f-79be-87d9-6d1dffd96503',NULL,'{"id":"01a2090d-487f-79be-87d9-6d1dffd96503","name":"Thủy lợi và phòng chống thiên tai","note":null,"number":3,"status":"not_met","target_year":null}',117666492920365058,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(4,'upsert','criteria','01a2090d-4880-7d3f-bbbb-2d7263a6063a',NULL,'{"id":"01a2090d-4880-7d3f-bbbb-2d7263a6063a","name":"Điện","note":null,"number":4,"status":"not_met","target_year":null}',117666492920365059,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(5,'upsert','criteria','01a2090d-4880-751b-815a-383e221330c4',NULL,'{"id":"01a2090d-4880-751b-815a-383e221330c4","name":"Giáo dục","note":null,"number":5,"status":"not_met","target_year":null}',117666492920365060,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(6,'upsert','criteria','01a2090d-4880-7108-b3a3-e8f2ad3cee44',NULL,'{"id":"01a2090d-4880-7108-b3a3-e8f2ad3cee44","name":"Văn hóa","note":null,"number":6,"status":"not_met","target_year":null}',117666492920365061,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(7,'upsert','criteria','01a2090d-4881-7f3f-9655-ea0cf075780b',NULL,'{"id":"01a2090d-4881-7f3f-9655-ea0cf075780b","name":"Cơ sở hạ tầng thương mại nông thôn","note":null,"number":7,"status":"not_met","target_year":null}',117666492920365062,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(8,'upsert','criteria','01a2090d-4881-7104-bb35-a981d9560f43',NULL,'{"id":"01a2090d-4881-7104-bb35-a981d9560f43","name":"Thông tin và truyền thông","note":null,"number":8,"status":"not_met","target_year":null}',117666492920365063,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(9,'upsert','criteria','01a2090d-4881-7ee8-8048-f738d012a1c3',NULL,'{"id":"01a2090d-4881-7ee8-8048-f738d012a1c3","name":"Nhà ở dân cư","note":null,"number":9,"status":"not_met","target_year":null}',117666492920365064,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(10,'upsert','criteria','01a2090d-4882-7916-85b3-0c3c08b7eca7',NULL,'{"id":"01a2090d-4882-7916-85b3-0c3c08b7eca7","name":"Thu nhập","note":null,"number":10,"status":"not_met","target_year":null}',117666492920365065,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(11,'upsert','criteria','01a2090d-4882-7c19-bd51-0cbac4019542',NULL,'{"id":"01a2090d-4882-7c19-bd51-0cbac4019542","name":"Nghèo đa chiều","note":null,"number":11,"status":"not_met","target_year":null}',117666492920365066,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(12,'upsert','criteria','01a2090d-4882-7ce9-a7ef-ec7e19ce60ef',NULL,'{"id":"01a2090d-4882-7ce9-a7ef-ec7e19ce60ef","name":"Lao động","note":null,"number":12,"status":"not_met","target_year":null}',117666492920365067,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(13,'upsert','criteria','01a2090d-4882-73a6-80d9-14732442595b',NULL,'{"id":"01a2090d-4882-73a6-80d9-14732442595b","name":"Tổ chức sản xuất và phát triển kinh tế nông thôn","note":null,"number":13,"status":"not_met","target_year":null}',117666492920365068,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(14,'upsert','criteria','01a2090d-4883-7684-bc7d-e9e8ceb9b953',NULL,'{"id":"01a2090d-4883-7684-bc7d-e9e8ceb9b953","name":"Y tế","note":null,"number":14,"status":"not_met","target_year":null}',117666492920365069,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(15,'upsert','criteria','01a2090d-4883-7839-817d-e51eab2195ee',NULL,'{"id":"01a2090d-4883-7839-817d-e51eab2195ee","name":"Hành chính công","note":null,"number":15,"status":"not_met","target_year":null}',117666492920365070,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(16,'upsert','criteria','01a2090d-4883-7334-8f4f-db7ea33a1c9a',NULL,'{"id":"01a2090d-4883-7334-8f4f-db7ea33a1c9a","name":"Tiếp cận pháp luật","note":null,"number":16,"status":"not_met","target_year":null}',117666492920365071,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(17,'upsert','criteria','01a2090d-4884-7770-a194-4a6c6c159ce7',NULL,'{"id":"01a2090d-4884-7770-a194-4a6c6c159ce7","name":"Môi trường","note":null,"number":17,"status":"not_met","target_year":null}',117666492920365072,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(18,'upsert','criteria','01a2090d-4884-7c88-878f-0ca133b987b1',NULL,'{"id":"01a2090d-4884-7c88-878f-0ca133b987b1","name":"Chất lượng môi trường sống","note":null,"number":18,"status":"not_met","target_year":null}',117666492920365073,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(19,'upsert','criteria','01a2090d-4884-7389-9b0a-2fac7d947839',NULL,'{"id":"01a2090d-4884-7389-9b0a-2fac7d947839","name":"Quốc phòng và An ninh","note":null,"number":19,"status":"not_met","target_year":null}',117666492920365074,'hub','ntm-hub admin',1795448195196,NULL);
INSERT INTO sync_log VALUES(20,'upsert','hamlets','01a2090d-4886-728b-b382-c34c63a78984',NULL,'{"head_name":"Nguyễn Văn An","households_total":null,"id":"01a2090d-4886-728b-b382-c34c63a78984","kind":"xom","name":"Xóm Đông","note":null,"target":"standard"}',117666492920954880,'hub','ntm-hub admin',1795448195205,NULL);
INSERT INTO sync_log VALUES(21,'upsert','households','01a2090d-4957-7619-84dd-f6bfe3cfe5ca','01a2090d-4886-728b-b382-c34c63a78984','{"address":"Đội 3","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","head_name":"Hoàng Văn Cường","id":"01a2090d-4957-7619-84dd-f6bfe3cfe5ca","note":null,"phone":null}',117666492934717440,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195424,1);
INSERT INTO sync_log VALUES(22,'upsert','cleanups','01a2090d-4958-7027-91aa-370d3a88ff73','01a2090d-4886-728b-b382-c34c63a78984','{"area":null,"date":"2026-11-02","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","households_joined":null,"id":"01a2090d-4958-7027-91aa-370d3a88ff73","note":null,"participants":40,"status":"done","waste_kg":120}',117666492934782976,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195424,2);
INSERT INTO sync_log VALUES(23,'upsert','road_segments','01a2090d-4959-7631-b92c-8af0ffae117d','01a2090d-4886-728b-b382-c34c63a78984','{"hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","id":"01a2090d-4959-7631-b92c-8af0ffae117d","length_m":850,"lighting":0,"name":"Trục xóm Đông","note":null,"status":"planned","target_width_m":6,"trees":0,"width_after_m":null,"width_before_m":3.5}',117666492934848512,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195424,3);
INSERT INTO sync_log VALUES(24,'upsert','land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','01a2090d-4886-728b-b382-c34c63a78984','{"area_m2":100,"assets":null,"assets_value_vnd":null,"donor_name":"Hoàng Văn Cường","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","household_id":"01a2090d-4957-7619-84dd-f6bfe3cfe5ca","id":"01a2090d-495a-70ef-bcf6-2d5d924ea80f","note":null,"road_segment_id":"01a2090d-4959-7631-b92c-8af0ffae117d","signed_on":null,"status":"pledged"}',117666492934914048,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195424,4);
INSERT INTO sync_log VALUES(25,'upsert','contributions','01a2090d-495c-7904-9f95-10385803a902','01a2090d-4886-728b-b382-c34c63a78984','{"amount":3500000,"date":"2026-11-05","donor_name":"Trần Thị Hoa","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","household_id":null,"id":"01a2090d-495c-7904-9f95-10385803a902","kind":"money","note":null,"purpose":null,"unit":null}',117666492935045120,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195424,5);
INSERT INTO sync_log VALUES(26,'upsert','land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','01a2090d-4886-728b-b382-c34c63a78984','{"area_m2":120}',117666492937404416,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195461,6);
INSERT INTO sync_log VALUES(27,'conflict','land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','01a2090d-4886-728b-b382-c34c63a78984','{"base":{"author":"Nguyễn Văn An","deleted":false,"hlc":117666492934914048,"replica_id":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","value":100,"version":24},"column":"area_m2","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","hub":{"author":"Nguyễn Văn An","deleted":false,"hlc":117666492937404416,"replica_id":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","value":120,"version":26},"id":"01a2090d-498b-7690-b6ed-bf3624d962d2","incoming":{"author":"Lê Văn Tám","deleted":false,"hlc":117666492937535488,"replica_id":"01a2090d-4922-7c56-8963-d88d4adf8d59","value":110,"version":0},"kind":"field","opened_at":1795448195466,"row_id":"01a2090d-495a-70ef-bcf6-2d5d924ea80f","status":"open","table":"land_donations"}',117666492937535488,'01a2090d-4922-7c56-8963-d88d4adf8d59','Lê Văn Tám',1795448195466,1);
INSERT INTO sync_log VALUES(28,'upsert','road_segments','01a2090d-4959-7631-b92c-8af0ffae117d','01a2090d-4886-728b-b382-c34c63a78984','{"status":"surveyed"}',117666492938715136,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195483,7);
INSERT INTO sync_log VALUES(29,'upsert','cleanups','01a2090d-4999-7d56-bed1-0659c44706c9','01a2090d-4886-728b-b382-c34c63a78984','{"area":null,"date":"2026-11-16","hamlet_id":"01a2090d-4886-728b-b382-c34c63a78984","households_joined":null,"id":"01a2090d-4999-7d56-bed1-0659c44706c9","note":null,"participants":35,"status":"done","waste_kg":null}',117666492939042816,'01a2090d-48c6-7a06-bb12-dc7b2c7b5608','Nguyễn Văn An',1795448195483,8);
CREATE TABLE sync_row_meta (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hamlet_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  fields TEXT NOT NULL,
  tombstone TEXT,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
INSERT INTO sync_row_meta VALUES('cleanups','01a2090d-4958-7027-91aa-370d3a88ff73','01a2090d-4886-728b-b382-c34c63a78984',0,'[{"a":"Nguyễn Văn An","f":["area","date","hamlet_id","households_joined","note","participants","status","waste_kg"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934782976,"v":22}]',NULL);
INSERT INTO sync_row_meta VALUES('cleanups','01a2090d-4999-7d56-bed1-0659c44706c9','01a2090d-4886-728b-b382-c34c63a78984',0,'[{"a":"Nguyễn Văn An","f":["area","date","hamlet_id","households_joined","note","participants","status","waste_kg"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492939042816,"v":29}]',NULL);
INSERT INTO sync_row_meta VALUES('contributions','01a2090d-495c-7904-9f95-10385803a902','01a2090d-4886-728b-b382-c34c63a78984',0,'[{"a":"Nguyễn Văn An","f":["amount","date","donor_name","hamlet_id","household_id","kind","note","purpose","unit"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492935045120,"v":25}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-487d-7c0b-a7d5-39c27f524a5d',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365056,"v":1}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-487f-78e7-9d2a-44cb771f1445',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365057,"v":2}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-487f-79be-87d9-6d1dffd96503',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365058,"v":3}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4880-7108-b3a3-e8f2ad3cee44',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365061,"v":6}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4880-751b-815a-383e221330c4',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365060,"v":5}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4880-7d3f-bbbb-2d7263a6063a',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365059,"v":4}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4881-7104-bb35-a981d9560f43',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365063,"v":8}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4881-7ee8-8048-f738d012a1c3',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365064,"v":9}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4881-7f3f-9655-ea0cf075780b',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365062,"v":7}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4882-73a6-80d9-14732442595b',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365068,"v":13}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4882-7916-85b3-0c3c08b7eca7',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365065,"v":10}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4882-7c19-bd51-0cbac4019542',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365066,"v":11}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4882-7ce9-a7ef-ec7e19ce60ef',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365067,"v":12}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4883-7334-8f4f-db7ea33a1c9a',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365071,"v":16}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4883-7684-bc7d-e9e8ceb9b953',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365069,"v":14}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4883-7839-817d-e51eab2195ee',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365070,"v":15}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4884-7389-9b0a-2fac7d947839',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365074,"v":19}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4884-7770-a194-4a6c6c159ce7',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365072,"v":17}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a2090d-4884-7c88-878f-0ca133b987b1',NULL,0,'[{"a":"ntm-hub admin","f":["name","note","number","status","target_year"],"r":"hub","t":117666492920365073,"v":18}]',NULL);
INSERT INTO sync_row_meta VALUES('hamlets','01a2090d-4886-728b-b382-c34c63a78984',NULL,0,'[{"a":"ntm-hub admin","f":["head_name","households_total","kind","name","note","target"],"r":"hub","t":117666492920954880,"v":20}]',NULL);
INSERT INTO sync_row_meta VALUES('households','01a2090d-4957-7619-84dd-f6bfe3cfe5ca','01a2090d-4886-728b-b382-c34c63a78984',0,'[{"a":"Nguyễn Văn An","f":["address","hamlet_id","head_name","note","phone"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934717440,"v":21}]',NULL);
INSERT INTO sync_row_meta VALUES('land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','01a2090d-4886-728b-b382-c34c63a78984',0,'[{"a":"Nguyễn Văn An","f":["assets","assets_value_vnd","donor_name","hamlet_id","household_id","note","road_segment_id","signed_on","status"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934914048,"v":24},{"a":"Nguyễn Văn An","f":["area_m2"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492937404416,"v":26}]',NULL);
INSERT INTO sync_row_meta VALUES('road_segments','01a2090d-4959-7631-b92c-8af0ffae117d','01a2090d-4886-728b-b382-c34c63a78984',0,'[{"a":"Nguyễn Văn An","f":["hamlet_id","length_m","lighting","name","note","target_width_m","trees","width_after_m","width_before_m"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492934848512,"v":23},{"a":"Nguyễn Văn An","f":["status"],"r":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","t":117666492938715136,"v":28}]',NULL);
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
, token_id TEXT);
INSERT INTO sync_replicas VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608','head','01a2090d-4886-728b-b382-c34c63a78984','Nguyễn Văn An',9,1795448195393,1795448195486,-1,0,'f885a9a603a44bb8');
INSERT INTO sync_replicas VALUES('01a2090d-4922-7c56-8963-d88d4adf8d59','reviewer',NULL,'Lê Văn Tám',1,1795448195405,1795448195466,-1,0,'491a1015f0014c47');
CREATE TABLE sync_received (
  replica_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  digest TEXT NOT NULL,
  outcome TEXT NOT NULL,
  PRIMARY KEY (replica_id, seq)
) WITHOUT ROWID;
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',1,'941fabc1feb97ae0','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":1,"settle_seq":21,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',2,'820fead046e71647','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":2,"settle_seq":22,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',3,'9f47952fba54d92f','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":3,"settle_seq":23,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',4,'8cd0c85b1a5063c3','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":4,"settle_seq":24,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',5,'5f747235d8df246e','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":5,"settle_seq":25,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',6,'7a489d1c7687c8f2','{"clamped":false,"conflicts":[],"fields":{"area_m2":"applied"},"seq":6,"settle_seq":26,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',7,'14d51cff890e0a51','{"clamped":false,"conflicts":[],"fields":{"status":"applied"},"seq":7,"settle_seq":28,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',8,'dd29f2ba14e5bd6d','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":8,"settle_seq":29,"status":"applied"}');
INSERT INTO sync_received VALUES('01a2090d-48c6-7a06-bb12-dc7b2c7b5608',9,'3fe34a6d803fe742','{"clamped":false,"code":"forbidden","conflicts":[],"fields":{},"reason":"a hamlet head may not write commune table hamlets","seq":9,"settle_seq":29,"status":"rejected"}');
INSERT INTO sync_received VALUES('01a2090d-4922-7c56-8963-d88d4adf8d59',1,'36c3e01754e14352','{"clamped":false,"conflicts":["01a2090d-498b-7690-b6ed-bf3624d962d2"],"fields":{"area_m2":"held"},"seq":1,"settle_seq":27,"status":"applied"}');
CREATE TABLE sync_audit (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT,
  decision TEXT NOT NULL,
  entry TEXT NOT NULL
);
INSERT INTO sync_audit VALUES(1,'land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','area_m2','overwritten','{"at":1795448195461,"column":"area_m2","decision":"overwritten","new":120,"new_author":"Nguyễn Văn An","new_hlc":117666492937404416,"new_replica_id":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","old":100,"old_author":"Nguyễn Văn An","row_id":"01a2090d-495a-70ef-bcf6-2d5d924ea80f","table":"land_donations"}');
INSERT INTO sync_audit VALUES(2,'land_donations','01a2090d-495a-70ef-bcf6-2d5d924ea80f','area_m2','held','{"at":1795448195466,"column":"area_m2","decision":"held","new":110,"new_author":"Lê Văn Tám","new_hlc":117666492937535488,"new_replica_id":"01a2090d-4922-7c56-8963-d88d4adf8d59","old":120,"old_author":"Nguyễn Văn An","row_id":"01a2090d-495a-70ef-bcf6-2d5d924ea80f","table":"land_donations"}');
INSERT INTO sync_audit VALUES(3,'road_segments','01a2090d-4959-7631-b92c-8af0ffae117d','status','overwritten','{"at":1795448195483,"column":"status","decision":"overwritten","new":"surveyed","new_author":"Nguyễn Văn An","new_hlc":117666492938715136,"new_replica_id":"01a2090d-48c6-7a06-bb12-dc7b2c7b5608","old":"planned","old_author":"Nguyễn Văn An","row_id":"01a2090d-4959-7631-b92c-8af0ffae117d","table":"road_segments"}');
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
CREATE TABLE sync_tokens (
  id TEXT PRIMARY KEY NOT NULL,
  secret_sha256 TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('head', 'reviewer')),
  hamlet_id TEXT,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
INSERT INTO sync_tokens VALUES('f885a9a603a44bb8','6ad2a75e9a86f06202ed88c33e62002fa61ade67dbab8fbb3528287e6bee399e','head','01a2090d-4886-728b-b382-c34c63a78984','Nguyễn Văn An',1795448195206,NULL);
INSERT INTO sync_tokens VALUES('491a1015f0014c47','ed821174a004a33a6fe80eb9d61a797232aa2cd01e06df89840adda9ad383346','reviewer',NULL,'Lê Văn Tám',1795448195208,NULL);
CREATE INDEX sync_log_scope ON sync_log (hamlet_id, seq);
CREATE INDEX sync_audit_row ON sync_audit (tbl, row_id);
CREATE INDEX sync_conflicts_status ON sync_conflicts (status, hamlet_id);
COMMIT;
