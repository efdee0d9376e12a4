PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1-replicated-tables');
INSERT INTO grdb_migrations VALUES('v1-hub-engine');
INSERT INTO grdb_migrations VALUES('v1-hub-administration');
INSERT INTO grdb_migrations VALUES('v1-hub-log-origin');
INSERT INTO grdb_migrations VALUES('v1-hub-replica-token');
INSERT INTO grdb_migrations VALUES('v2-schema');
INSERT INTO grdb_migrations VALUES('v2-hub-log-rows');
INSERT INTO grdb_migrations VALUES('v2-hub-devices');
INSERT INTO grdb_migrations VALUES('v2-hub-keys');
INSERT INTO grdb_migrations VALUES('v3-schema');
CREATE TABLE IF NOT EXISTS "hamlets" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "kind" TEXT NOT NULL DEFAULT 'xom' CHECK ("kind" IN ('xom', 'thon', 'lang', 'ban')),
  "head_name" TEXT CHECK ("head_name" IS NULL OR (typeof("head_name") = 'text')),
  "households_total" INTEGER CHECK ("households_total" IS NULL OR (typeof("households_total") = 'integer' AND "households_total" >= 0)),
  "target" TEXT NOT NULL DEFAULT 'standard' CHECK ("target" IN ('standard', 'model')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
, "achieved" TEXT NOT NULL DEFAULT 'none' CHECK ("achieved" IN ('none', 'standard', 'model')), "achieved_year" INTEGER CHECK ("achieved_year" IS NULL OR (typeof("achieved_year") = 'integer' AND "achieved_year" BETWEEN 2000 AND 2100)));
INSERT INTO hamlets VALUES('01a25363-8325-7efd-b101-a6325a4a8da9','Xóm Đông','xom','Lò Văn Sùng',NULL,'standard',NULL,'none',NULL);
CREATE TABLE IF NOT EXISTS "criteria" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "number" INTEGER NOT NULL CHECK (typeof("number") = 'integer' AND "number" BETWEEN 1 AND 19),
  "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
  "status" TEXT NOT NULL DEFAULT 'not_met' CHECK ("status" IN ('met', 'not_met')),
  "target_year" INTEGER CHECK ("target_year" IS NULL OR (typeof("target_year") = 'integer' AND "target_year" BETWEEN 2000 AND 2100)),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
, "level" TEXT NOT NULL DEFAULT 'standard' CHECK ("level" IN ('standard', 'advanced', 'model')), "owner" TEXT CHECK ("owner" IS NULL OR (typeof("owner") = 'text')), "due_on" TEXT CHECK ("due_on" IS NULL OR (typeof("due_on") = 'text' AND date("due_on", '+0 days') IS "due_on" AND "due_on" >= '1900-01-01')));
INSERT INTO criteria VALUES('01a25363-82dc-7853-976e-c71ca49e5fd9',1,'Quy hoạch','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82df-7bb4-8236-45960bc0ca57',2,'Giao thông','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82df-72d6-b611-d3a735ad16ae',3,'Thủy lợi và phòng chống thiên tai','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82df-730e-b8fa-21848e22f790',4,'Điện','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82df-73aa-8285-e934b7df92c8',5,'Giáo dục','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e0-71a8-808a-af9f2855d8d1',6,'Văn hóa','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e0-76f4-8200-a58f505f5a42',7,'Cơ sở hạ tầng thương mại nông thôn','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e0-7049-b1f1-56c3a509c5d0',8,'Thông tin và truyền thông','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e1-708c-acec-c209f276bfc8',9,'Nhà ở dân cư','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e1-70e7-8edc-7330aed3eb68',10,'Thu nhập','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e1-766f-bd0b-46a2c0b30087',11,'Nghèo đa chiều','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e1-70fd-8ecf-848a32210cb6',12,'Lao động','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e2-7736-941e-8bfc0879db15',13,'Tổ chức sản xuất và phát triển kinh tế nông thôn','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e2-7607-a322-58504c003317',14,'Y tế','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e2-7f17-85fd-6ff75dc33d1e',15,'Hành chính công','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e2-759b-bd53-2d34fa984f1e',16,'Tiếp cận pháp luật','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e2-7a69-9a66-8d391e375cd0',17,'Môi trường','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e3-72be-9547-cc559397e196',18,'Chất lượng môi trường sống','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-82e3-7cc5-a45b-f850576fae26',19,'Quốc phòng và An ninh','not_met',NULL,NULL,'standard',NULL,NULL);
CREATE TABLE IF NOT EXISTS "households" (
  "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
  "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
  "head_name" TEXT NOT NULL CHECK (typeof("head_name") = 'text' AND length(trim("head_name", ' ' || char(9, 10, 13))) > 0),
  "address" TEXT CHECK ("address" IS NULL OR (typeof("address") = 'text')),
  "phone" TEXT CHECK ("phone" IS NULL OR (typeof("phone") = 'text')),
  "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
);
INSERT INTO households VALUES('01a25363-8757-7281-b8f4-00eea16faaa3','01a25363-8325-7efd-b101-a6325a4a8da9','Lò Văn Sùng','Xóm Đông, ngõ 3',NULL,NULL);
INSERT INTO households VALUES('01a25363-87b7-7418-aa45-e02517936ada','01a25363-8325-7efd-b101-a6325a4a8da9','Phạm Thị Hoa',NULL,NULL,NULL);
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
INSERT INTO cleanups VALUES('01a25363-8809-7d63-bd2b-7b86607eb12c','01a25363-8325-7efd-b101-a6325a4a8da9','2026-11-02','done',42,31,120.5,NULL,NULL);
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
INSERT INTO road_segments VALUES('01a25363-8871-7b44-9626-5e917d447c63','01a25363-8325-7efd-b101-a6325a4a8da9','Trục xóm Đông',420.0,3.5,6.0,6.0,'planned',0,0,NULL,'truc',NULL);
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
INSERT INTO land_donations VALUES('01a25363-88ba-71b9-80d7-45e583108ba0','01a25363-8325-7efd-b101-a6325a4a8da9','01a25363-8871-7b44-9626-5e917d447c63','01a25363-8757-7281-b8f4-00eea16faaa3',NULL,115.0,NULL,NULL,'pledged',NULL,NULL,NULL);
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
INSERT INTO contributions VALUES('01a25363-88fa-701e-817b-ea1d653937d5','01a25363-8325-7efd-b101-a6325a4a8da9',NULL,'Phạm Thị Hoa','money',4500000.0,NULL,'đổ bê tông',NULL,NULL);
CREATE TABLE sync_hub_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hlc INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
, commune_name TEXT);
INSERT INTO sync_hub_state VALUES(1,117748227297705984,1796695360214,'Xã Tân Lập');
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
INSERT INTO sync_log VALUES(1,'upsert','criteria','01a25363-82dc-7853-976e-c71ca49e5fd9',NULL,'{"due_on":null,"id":"01a25363-82dc-7853-976e-c71ca49e5fd9","level":"standard","name":"Quy hoạch","note":null,"number":1,"owner":null,"status":"not_met","target_year":null}',117748227127312384,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(2,'upsert','criteria','01a25363-82df-7bb4-8236-45960bc0ca57',NULL,'{"due_on":null,"id":"01a25363-82df-7bb4-8236-45960bc0ca57","level":"standard","name":"Giao thông","note":null,"number":2,"owner":null,"status":"not_met","target_year":null}',117748227127312385,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(3,'upsert','criteria','01a25363-82df-72d6-b611-d3a735ad16ae',NULL,'{"due_on":null,"id":"01a25363-82df-72d6-b611-d3a735ad16ae","level":"standard","name":"Thủy lợi và phòng chống thiên tai","note":null,"number":3,"owner":null,"status":"not_met","target_year":null}',117748227127312386,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(4,'upsert','criteria','01a25363-82df-730e-b8fa-21848e22f790',NULL,'{"due_on":null,"id":"01a25363-82df-730e-b8fa-21848e22f790","level":"standard","name":"Điện","note":null,"number":4,"owner":null,"status":"not_met","target_year":null}',117748227127312387,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(5,'upsert','criteria','01a25363-82df-73aa-8285-e934b7df92c8',NULL,'{"due_on":null,"id":"01a25363-82df-73aa-8285-e934b7df92c8","level":"standard","name":"Giáo dục","note":null,"number":5,"owner":null,"status":"not_met","target_year":null}',117748227127312388,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(6,'upsert','criteria','01a25363-82e0-71a8-808a-af9f2855d8d1',NULL,'{"due_on":null,"id":"01a25363-82e0-71a8-808a-af9f2855d8d1","level":"standard","name":"Văn hóa","note":null,"number":6,"owner":null,"status":"not_met","target_year":null}',117748227127312389,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(7,'upsert','criteria','01a25363-82e0-76f4-8200-a58f505f5a42',NULL,'{"due_on":null,"id":"01a25363-82e0-76f4-8200-a58f505f5a42","level":"standard","name":"Cơ sở hạ tầng thương mại nông thôn","note":null,"number":7,"owner":null,"status":"not_met","target_year":null}',117748227127312390,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(8,'upsert','criteria','01a25363-82e0-7049-b1f1-56c3a509c5d0',NULL,'{"due_on":null,"id":"01a25363-82e0-7049-b1f1-56c3a509c5d0","level":"standard","name":"Thông tin và truyền thông","note":null,"number":8,"owner":null,"status":"not_met","target_year":null}',117748227127312391,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(9,'upsert','criteria','01a25363-82e1-708c-acec-c209f276bfc8',NULL,'{"due_on":null,"id":"01a25363-82e1-708c-acec-c209f276bfc8","level":"standard","name":"Nhà ở dân cư","note":null,"number":9,"owner":null,"status":"not_met","target_year":null}',117748227127312392,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(10,'upsert','criteria','01a25363-82e1-70e7-8edc-7330aed3eb68',NULL,'{"due_on":null,"id":"01a25363-82e1-70e7-8edc-7330aed3eb68","level":"standard","name":"Thu nhập","note":null,"number":10,"owner":null,"status":"not_met","target_year":null}',117748227127312393,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(11,'upsert','criteria','01a25363-82e1-766f-bd0b-46a2c0b30087',NULL,'{"due_on":null,"id":"01a25363-82e1-766f-bd0b-46a2c0b30087","level":"standard","name":"Nghèo đa chiều","note":null,"number":11,"owner":null,"status":"not_met","target_year":null}',117748227127312394,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(12,'upsert','criteria','01a25363-82e1-70fd-8ecf-848a32210cb6',NULL,'{"due_on":null,"id":"01a25363-82e1-70fd-8ecf-848a32210cb6","level":"standard","name":"Lao động","note":null,"number":12,"owner":null,"status":"not_met","target_year":null}',117748227127312395,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(13,'upsert','criteria','01a25363-82e2-7736-941e-8bfc0879db15',NULL,'{"due_on":null,"id":"01a25363-82e2-7736-941e-8bfc0879db15","level":"standard","name":"Tổ chức sản xuất và phát triển kinh tế nông thôn","note":null,"number":13,"owner":null,"status":"not_met","target_year":null}',117748227127312396,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(14,'upsert','criteria','01a25363-82e2-7607-a322-58504c003317',NULL,'{"due_on":null,"id":"01a25363-82e2-7607-a322-58504c003317","level":"standard","name":"Y tế","note":null,"number":14,"owner":null,"status":"not_met","target_year":null}',117748227127312397,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(15,'upsert','criteria','01a25363-82e2-7f17-85fd-6ff75dc33d1e',NULL,'{"due_on":null,"id":"01a25363-82e2-7f17-85fd-6ff75dc33d1e","level":"standard","name":"Hành chính công","note":null,"number":15,"owner":null,"status":"not_met","target_year":null}',117748227127312398,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(16,'upsert','criteria','01a25363-82e2-759b-bd53-2d34fa984f1e',NULL,'{"due_on":null,"id":"01a25363-82e2-759b-bd53-2d34fa984f1e","level":"standard","name":"Tiếp cận pháp luật","note":null,"number":16,"owner":null,"status":"not_met","target_year":null}',117748227127312399,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(17,'upsert','criteria','01a25363-82e2-7a69-9a66-8d391e375cd0',NULL,'{"due_on":null,"id":"01a25363-82e2-7a69-9a66-8d391e375cd0","level":"standard","name":"Môi trường","note":null,"number":17,"owner":null,"status":"not_met","target_year":null}',117748227127312400,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(18,'upsert','criteria','01a25363-82e3-72be-9547-cc559397e196',NULL,'{"due_on":null,"id":"01a25363-82e3-72be-9547-cc559397e196","level":"standard","name":"Chất lượng môi trường sống","note":null,"number":18,"owner":null,"status":"not_met","target_year":null}',117748227127312401,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(19,'upsert','criteria','01a25363-82e3-7cc5-a45b-f850576fae26',NULL,'{"due_on":null,"id":"01a25363-82e3-7cc5-a45b-f850576fae26","level":"standard","name":"Quốc phòng và An ninh","note":null,"number":19,"owner":null,"status":"not_met","target_year":null}',117748227127312402,'hub','ntm-hub admin',1796695360219,NULL);
INSERT INTO sync_log VALUES(20,'upsert','hamlets','01a25363-8325-7efd-b101-a6325a4a8da9',NULL,'{"achieved":"none","achieved_year":null,"head_name":"Lò Văn Sùng","households_total":null,"id":"01a25363-8325-7efd-b101-a6325a4a8da9","kind":"xom","name":"Xóm Đông","note":null,"target":"standard"}',117748227132096512,'hub','ntm-hub admin',1796695360292,NULL);
INSERT INTO sync_log VALUES(21,'upsert','households','01a25363-8757-7281-b8f4-00eea16faaa3','01a25363-8325-7efd-b101-a6325a4a8da9','{"address":"Xóm Đông, ngõ 3","hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","head_name":"Lò Văn Sùng","id":"01a25363-8757-7281-b8f4-00eea16faaa3","note":null,"phone":null}',117748227202613248,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695361938,1);
INSERT INTO sync_log VALUES(22,'upsert','households','01a25363-87b7-7418-aa45-e02517936ada','01a25363-8325-7efd-b101-a6325a4a8da9','{"address":null,"hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","head_name":"Phạm Thị Hoa","id":"01a25363-87b7-7418-aa45-e02517936ada","note":null,"phone":null}',117748227208904704,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695361938,2);
INSERT INTO sync_log VALUES(23,'upsert','cleanups','01a25363-8809-7d63-bd2b-7b86607eb12c','01a25363-8325-7efd-b101-a6325a4a8da9','{"area":null,"date":"2026-11-02","hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","households_joined":31,"id":"01a25363-8809-7d63-bd2b-7b86607eb12c","note":null,"participants":40,"status":"done","waste_kg":120.5}',117748227214278656,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695361938,3);
INSERT INTO sync_log VALUES(24,'upsert','road_segments','01a25363-8871-7b44-9626-5e917d447c63','01a25363-8325-7efd-b101-a6325a4a8da9','{"completed_on":null,"hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","id":"01a25363-8871-7b44-9626-5e917d447c63","kind":"truc","length_m":420,"lighting":0,"name":"Trục xóm Đông","note":null,"status":"planned","target_width_m":6,"trees":0,"width_after_m":null,"width_before_m":3.5}',117748227221028864,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695361938,4);
INSERT INTO sync_log VALUES(25,'upsert','land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','01a25363-8325-7efd-b101-a6325a4a8da9','{"area_m2":120,"assets":null,"assets_value_vnd":null,"donor_name":null,"hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","handed_over_on":null,"household_id":"01a25363-8757-7281-b8f4-00eea16faaa3","id":"01a25363-88ba-71b9-80d7-45e583108ba0","note":null,"road_segment_id":"01a25363-8871-7b44-9626-5e917d447c63","signed_on":null,"status":"pledged"}',117748227225812992,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695361938,5);
INSERT INTO sync_log VALUES(26,'upsert','contributions','01a25363-88fa-701e-817b-ea1d653937d5','01a25363-8325-7efd-b101-a6325a4a8da9','{"amount":4500000,"date":null,"donor_name":"Phạm Thị Hoa","hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","household_id":null,"id":"01a25363-88fa-701e-817b-ea1d653937d5","kind":"money","note":null,"purpose":"đổ bê tông","unit":null}',117748227230072832,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695361938,6);
INSERT INTO sync_log VALUES(27,'upsert','attachments','01a25363-893f-772e-ba22-2fece07a0114','01a25363-8325-7efd-b101-a6325a4a8da9','{"bytes":22,"caption":"Biên bản hiến đất","hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","id":"01a25363-893f-772e-ba22-2fece07a0114","media_type":"image/jpeg","row_id":"01a25363-88ba-71b9-80d7-45e583108ba0","row_table":"land_donations","sha256":"d20f6ffd523b78a86cd2f916fa34af5d1918d75f7b142237c752ad6b254213ab","taken_on":null}',117748227234529280,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695361938,7);
INSERT INTO sync_log VALUES(28,'upsert','land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','01a25363-8325-7efd-b101-a6325a4a8da9','{"area_m2":115}',117748227266314240,'01a25363-8a58-73dd-ace9-74ee29eba696','Cán bộ xã',1796695362425,1);
INSERT INTO sync_log VALUES(29,'conflict','land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','01a25363-8325-7efd-b101-a6325a4a8da9','{"base":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748227225812992,"replica_id":"01a25363-86dc-75ee-a670-3e48bd4fa615","value":120,"version":25},"column":"area_m2","hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","hub":{"author":"Cán bộ xã","deleted":false,"hlc":117748227266314240,"replica_id":"01a25363-8a58-73dd-ace9-74ee29eba696","value":115,"version":28},"id":"01a25363-8c19-7b77-89c1-b906aa5d6770","incoming":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748227276734464,"replica_id":"01a25363-86dc-75ee-a670-3e48bd4fa615","value":125,"version":0},"kind":"field","opened_at":1796695362585,"row_id":"01a25363-88ba-71b9-80d7-45e583108ba0","status":"open","table":"land_donations"}',117748227276734464,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695362585,8);
INSERT INTO sync_log VALUES(30,'upsert','road_segments','01a25363-8871-7b44-9626-5e917d447c63','01a25363-8325-7efd-b101-a6325a4a8da9','{"width_after_m":6}',117748227293315072,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695362955,9);
INSERT INTO sync_log VALUES(31,'upsert','cleanups','01a25363-8809-7d63-bd2b-7b86607eb12c','01a25363-8325-7efd-b101-a6325a4a8da9','{"participants":42}',117748227297705984,'01a25363-86dc-75ee-a670-3e48bd4fa615','Lò Văn Sùng',1796695362955,10);
CREATE TABLE sync_row_meta (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hamlet_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  fields TEXT NOT NULL,
  tombstone TEXT,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
INSERT INTO sync_row_meta VALUES('attachments','01a25363-893f-772e-ba22-2fece07a0114','01a25363-8325-7efd-b101-a6325a4a8da9',0,'[{"a":"Lò Văn Sùng","f":["bytes","caption","hamlet_id","media_type","row_id","row_table","sha256","taken_on"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227234529280,"v":27}]',NULL);
INSERT INTO sync_row_meta VALUES('cleanups','01a25363-8809-7d63-bd2b-7b86607eb12c','01a25363-8325-7efd-b101-a6325a4a8da9',0,'[{"a":"Lò Văn Sùng","f":["area","date","hamlet_id","households_joined","note","status","waste_kg"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227214278656,"v":23},{"a":"Lò Văn Sùng","f":["participants"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227297705984,"v":31}]',NULL);
INSERT INTO sync_row_meta VALUES('contributions','01a25363-88fa-701e-817b-ea1d653937d5','01a25363-8325-7efd-b101-a6325a4a8da9',0,'[{"a":"Lò Văn Sùng","f":["amount","date","donor_name","hamlet_id","household_id","kind","note","purpose","unit"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227230072832,"v":26}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82dc-7853-976e-c71ca49e5fd9',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312384,"v":1}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82df-72d6-b611-d3a735ad16ae',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312386,"v":3}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82df-730e-b8fa-21848e22f790',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312387,"v":4}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82df-73aa-8285-e934b7df92c8',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312388,"v":5}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82df-7bb4-8236-45960bc0ca57',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312385,"v":2}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e0-7049-b1f1-56c3a509c5d0',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312391,"v":8}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e0-71a8-808a-af9f2855d8d1',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312389,"v":6}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e0-76f4-8200-a58f505f5a42',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312390,"v":7}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e1-708c-acec-c209f276bfc8',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312392,"v":9}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e1-70e7-8edc-7330aed3eb68',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312393,"v":10}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e1-70fd-8ecf-848a32210cb6',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312395,"v":12}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e1-766f-bd0b-46a2c0b30087',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312394,"v":11}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e2-759b-bd53-2d34fa984f1e',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312399,"v":16}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e2-7607-a322-58504c003317',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312397,"v":14}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e2-7736-941e-8bfc0879db15',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312396,"v":13}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e2-7a69-9a66-8d391e375cd0',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312400,"v":17}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e2-7f17-85fd-6ff75dc33d1e',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312398,"v":15}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e3-72be-9547-cc559397e196',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312401,"v":18}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-82e3-7cc5-a45b-f850576fae26',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748227127312402,"v":19}]',NULL);
INSERT INTO sync_row_meta VALUES('hamlets','01a25363-8325-7efd-b101-a6325a4a8da9',NULL,0,'[{"a":"ntm-hub admin","f":["achieved","achieved_year","head_name","households_total","kind","name","note","target"],"r":"hub","t":117748227132096512,"v":20}]',NULL);
INSERT INTO sync_row_meta VALUES('households','01a25363-8757-7281-b8f4-00eea16faaa3','01a25363-8325-7efd-b101-a6325a4a8da9',0,'[{"a":"Lò Văn Sùng","f":["address","hamlet_id","head_name","note","phone"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227202613248,"v":21}]',NULL);
INSERT INTO sync_row_meta VALUES('households','01a25363-87b7-7418-aa45-e02517936ada','01a25363-8325-7efd-b101-a6325a4a8da9',0,'[{"a":"Lò Văn Sùng","f":["address","hamlet_id","head_name","note","phone"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227208904704,"v":22}]',NULL);
INSERT INTO sync_row_meta VALUES('land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','01a25363-8325-7efd-b101-a6325a4a8da9',0,'[{"a":"Lò Văn Sùng","f":["assets","assets_value_vnd","donor_name","hamlet_id","handed_over_on","household_id","note","road_segment_id","signed_on","status"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227225812992,"v":25},{"a":"Cán bộ xã","f":["area_m2"],"r":"01a25363-8a58-73dd-ace9-74ee29eba696","t":117748227266314240,"v":28}]',NULL);
INSERT INTO sync_row_meta VALUES('road_segments','01a25363-8871-7b44-9626-5e917d447c63','01a25363-8325-7efd-b101-a6325a4a8da9',0,'[{"a":"Lò Văn Sùng","f":["completed_on","hamlet_id","kind","length_m","lighting","name","note","status","target_width_m","trees","width_before_m"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227221028864,"v":24},{"a":"Lò Văn Sùng","f":["width_after_m"],"r":"01a25363-86dc-75ee-a670-3e48bd4fa615","t":117748227293315072,"v":30}]',NULL);
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
, token_id TEXT, app_version TEXT, pending INTEGER, device_key TEXT);
INSERT INTO sync_replicas VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615','head','01a25363-8325-7efd-b101-a6325a4a8da9','Lò Văn Sùng',11,1796695361276,1796695362955,-15,0,'889bc58120366055','0.2.0',0,'ZJY/1JZ5t/7yi8by2jJwLuE8aO76dY696oNEGJQ95CY=');
INSERT INTO sync_replicas VALUES('01a25363-8a58-73dd-ace9-74ee29eba696','reviewer',NULL,'Cán bộ xã',1,1796695362166,1796695362425,-11,0,'25f55393b0d3f464','0.2.0',0,'WOpa9a5pb5bYMYugUVXr1bVc7q9floVe8lQB4yktm38=');
CREATE TABLE sync_received (
  replica_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  digest TEXT NOT NULL,
  outcome TEXT NOT NULL,
  PRIMARY KEY (replica_id, seq)
) WITHOUT ROWID;
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',1,'bbf1419fc0152926','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":1,"settle_seq":21,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',2,'9a46bd34841dbbe','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":2,"settle_seq":22,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',3,'f8975845aaaa6ac1','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":3,"settle_seq":23,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',4,'ae19f6bdb5449d2a','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":4,"settle_seq":24,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',5,'d5522c44721d676f','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":5,"settle_seq":25,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',6,'6e6bc6196da5afac','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":6,"settle_seq":26,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',7,'a23d25999f77ffe8','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":7,"settle_seq":27,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',8,'8e57aca131d78529','{"clamped":false,"conflicts":["01a25363-8c19-7b77-89c1-b906aa5d6770"],"fields":{"area_m2":"held"},"seq":8,"settle_seq":29,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',9,'eb20339450ae2923','{"clamped":false,"conflicts":[],"fields":{"width_after_m":"applied"},"seq":9,"settle_seq":30,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',10,'b31356a19a587025','{"clamped":false,"conflicts":[],"fields":{"participants":"applied"},"seq":10,"settle_seq":31,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-86dc-75ee-a670-3e48bd4fa615',11,'2b2970292c669c38','{"clamped":false,"code":"forbidden","conflicts":[],"fields":{},"reason":"a hamlet head may not write commune table hamlets","seq":11,"settle_seq":31,"status":"rejected"}');
INSERT INTO sync_received VALUES('01a25363-8a58-73dd-ace9-74ee29eba696',1,'232fe136abb58199','{"clamped":false,"conflicts":[],"fields":{"area_m2":"applied"},"seq":1,"settle_seq":28,"status":"applied"}');
CREATE TABLE sync_audit (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT,
  decision TEXT NOT NULL,
  entry TEXT NOT NULL
);
INSERT INTO sync_audit VALUES(1,'land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','area_m2','overwritten','{"at":1796695362425,"column":"area_m2","decision":"overwritten","new":115,"new_author":"Cán bộ xã","new_hlc":117748227266314240,"new_replica_id":"01a25363-8a58-73dd-ace9-74ee29eba696","old":120,"old_author":"Lò Văn Sùng","row_id":"01a25363-88ba-71b9-80d7-45e583108ba0","table":"land_donations"}');
INSERT INTO sync_audit VALUES(2,'land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','area_m2','held','{"at":1796695362585,"column":"area_m2","decision":"held","new":125,"new_author":"Lò Văn Sùng","new_hlc":117748227276734464,"new_replica_id":"01a25363-86dc-75ee-a670-3e48bd4fa615","old":115,"old_author":"Cán bộ xã","row_id":"01a25363-88ba-71b9-80d7-45e583108ba0","table":"land_donations"}');
INSERT INTO sync_audit VALUES(3,'road_segments','01a25363-8871-7b44-9626-5e917d447c63','width_after_m','overwritten','{"at":1796695362955,"column":"width_after_m","decision":"overwritten","new":6,"new_author":"Lò Văn Sùng","new_hlc":117748227293315072,"new_replica_id":"01a25363-86dc-75ee-a670-3e48bd4fa615","old":null,"old_author":"Lò Văn Sùng","row_id":"01a25363-8871-7b44-9626-5e917d447c63","table":"road_segments"}');
INSERT INTO sync_audit VALUES(4,'cleanups','01a25363-8809-7d63-bd2b-7b86607eb12c','participants','overwritten','{"at":1796695362955,"column":"participants","decision":"overwritten","new":42,"new_author":"Lò Văn Sùng","new_hlc":117748227297705984,"new_replica_id":"01a25363-86dc-75ee-a670-3e48bd4fa615","old":40,"old_author":"Lò Văn Sùng","row_id":"01a25363-8809-7d63-bd2b-7b86607eb12c","table":"cleanups"}');
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hamlet_id TEXT,
  col TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  record TEXT NOT NULL
);
INSERT INTO sync_conflicts VALUES('01a25363-8c19-7b77-89c1-b906aa5d6770','land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','01a25363-8325-7efd-b101-a6325a4a8da9','area_m2','open','{"base":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748227225812992,"replica_id":"01a25363-86dc-75ee-a670-3e48bd4fa615","value":120,"version":25},"column":"area_m2","hamlet_id":"01a25363-8325-7efd-b101-a6325a4a8da9","hub":{"author":"Cán bộ xã","deleted":false,"hlc":117748227266314240,"replica_id":"01a25363-8a58-73dd-ace9-74ee29eba696","value":115,"version":28},"id":"01a25363-8c19-7b77-89c1-b906aa5d6770","incoming":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748227276734464,"replica_id":"01a25363-86dc-75ee-a670-3e48bd4fa615","value":125,"version":0},"kind":"field","opened_at":1796695362585,"row_id":"01a25363-88ba-71b9-80d7-45e583108ba0","status":"open","table":"land_donations"}');
CREATE TABLE sync_tokens (
  id TEXT PRIMARY KEY NOT NULL,
  secret_sha256 TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('head', 'reviewer')),
  hamlet_id TEXT,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
INSERT INTO sync_tokens VALUES('889bc58120366055','a6d2a8563751904751881d4a53a33e6ae92a00182951f6abd12e469466d97b2a','head','01a25363-8325-7efd-b101-a6325a4a8da9','Lò Văn Sùng',1796695360350,NULL);
INSERT INTO sync_tokens VALUES('25f55393b0d3f464','464f58f9db3bcd9ffbe9acae898ac6b60b399ba3041283da0092b27c08dfb124','reviewer',NULL,'Cán bộ xã',1796695360416,NULL);
CREATE TABLE sync_hub_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  private_key BLOB NOT NULL
);
INSERT INTO sync_hub_key VALUES(1,X'9828c6fcd3523c6b099222a62bf419cd59aab101813b8e961e9f37f14f7d6991');
CREATE TABLE IF NOT EXISTS "attachments" (
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
INSERT INTO attachments VALUES('01a25363-893f-772e-ba22-2fece07a0114','01a25363-8325-7efd-b101-a6325a4a8da9','land_donations','01a25363-88ba-71b9-80d7-45e583108ba0','d20f6ffd523b78a86cd2f916fa34af5d1918d75f7b142237c752ad6b254213ab','image/jpeg',22,'Biên bản hiến đất',NULL);
CREATE TABLE sync_blobs (
  sha256 TEXT PRIMARY KEY NOT NULL,
  media_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  data BLOB NOT NULL,
  stored_at INTEGER NOT NULL
);
INSERT INTO sync_blobs VALUES('d20f6ffd523b78a86cd2f916fa34af5d1918d75f7b142237c752ad6b254213ab','image/jpeg',22,X'ffd8ffe000104a46494600010100000100010000ffd9',1796695362004);
CREATE TABLE sync_blob_pieces (
  sha256 TEXT NOT NULL,
  offset INTEGER NOT NULL,
  data BLOB NOT NULL,
  bytes INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (sha256, offset)
);
CREATE INDEX sync_log_scope ON sync_log (hamlet_id, seq);
CREATE INDEX sync_audit_row ON sync_audit (tbl, row_id);
CREATE INDEX sync_conflicts_status ON sync_conflicts (status, hamlet_id);
CREATE INDEX sync_log_row ON sync_log (row_id);
COMMIT;
