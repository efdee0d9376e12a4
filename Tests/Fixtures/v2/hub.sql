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
INSERT INTO criteria VALUES('01a25363-5a11-7b02-8c69-23f3b5f3a67f',2,'Giao thông','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-7367-bb94-cd0baa82217b',3,'Thủy lợi và phòng chống thiên tai','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-7469-95d4-708acbb417c5',4,'Điện','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-71ce-8fb7-6acc0ad33280',5,'Giáo dục','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-7b1a-ab39-725828ff3595',6,'Văn hóa','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a12-714d-b2f9-222535d61f2d',7,'Cơ sở hạ tầng thương mại nông thôn','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7338-b07f-b6b41814b814',8,'Thông tin và truyền thông','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7f91-b367-b466849efca0',9,'Nhà ở dân cư','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-70cb-b77e-0c73cb8c1acf',10,'Thu nhập','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7b90-9f87-a0af700c7316',11,'Nghèo đa chiều','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-7fca-98d3-810ab66af118',12,'Lao động','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a13-74b7-a877-1aa151caf624',13,'Tổ chức sản xuất và phát triển kinh tế nông thôn','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-7e57-9bb1-9110884fa32b',14,'Y tế','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-7ba2-8215-2f45b7473ce1',15,'Hành chính công','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-77e1-8e41-96d3b937d09f',16,'Tiếp cận pháp luật','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-7a8e-8879-8f49a9cedbda',17,'Môi trường','not_met',NULL,NULL,'standard',NULL,NULL);
INSERT INTO criteria VALUES('01a25363-5a14-793a-9fca-e1baeacc38b7',18,'Chất lượng môi trường sống','not_met',NULL,NULL,'standard',NULL,NULL);
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
INSERT INTO cleanups VALUES('01a25363-5e9c-7384-8917-642c0ca90876','01a25363-5a3b-7724-9d43-853369019ffa','2026-11-02','done',42,31,120.5,NULL,NULL);
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
INSERT INTO road_segments VALUES('01a25363-5eec-7e98-8d80-3e91475fd537','01a25363-5a3b-7724-9d43-853369019ffa','Trục xóm Đông',420.0,3.5,6.0,6.0,'planned',0,0,NULL,'truc',NULL);
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
CREATE TABLE sync_hub_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hlc INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
, commune_name TEXT);
INSERT INTO sync_hub_state VALUES(1,117748226592866304,1796695349773,'Xã Tân Lập');
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
INSERT INTO sync_log VALUES(1,'upsert','criteria','01a25363-5a10-7ae4-a4dc-09d1700a1dbe',NULL,'{"due_on":null,"id":"01a25363-5a10-7ae4-a4dc-09d1700a1dbe","level":"standard","name":"Quy hoạch","note":null,"number":1,"owner":null,"status":"not_met","target_year":null}',117748226442919936,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(2,'upsert','criteria','01a25363-5a11-7b02-8c69-23f3b5f3a67f',NULL,'{"due_on":null,"id":"01a25363-5a11-7b02-8c69-23f3b5f3a67f","level":"standard","name":"Giao thông","note":null,"number":2,"owner":null,"status":"not_met","target_year":null}',117748226442919937,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(3,'upsert','criteria','01a25363-5a12-7367-bb94-cd0baa82217b',NULL,'{"due_on":null,"id":"01a25363-5a12-7367-bb94-cd0baa82217b","level":"standard","name":"Thủy lợi và phòng chống thiên tai","note":null,"number":3,"owner":null,"status":"not_met","target_year":null}',117748226442919938,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(4,'upsert','criteria','01a25363-5a12-7469-95d4-708acbb417c5',NULL,'{"due_on":null,"id":"01a25363-5a12-7469-95d4-708acbb417c5","level":"standard","name":"Điện","note":null,"number":4,"owner":null,"status":"not_met","target_year":null}',117748226442919939,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(5,'upsert','criteria','01a25363-5a12-71ce-8fb7-6acc0ad33280',NULL,'{"due_on":null,"id":"01a25363-5a12-71ce-8fb7-6acc0ad33280","level":"standard","name":"Giáo dục","note":null,"number":5,"owner":null,"status":"not_met","target_year":null}',117748226442919940,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(6,'upsert','criteria','01a25363-5a12-7b1a-ab39-725828ff3595',NULL,'{"due_on":null,"id":"01a25363-5a12-7b1a-ab39-725828ff3595","level":"standard","name":"Văn hóa","note":null,"number":6,"owner":null,"status":"not_met","target_year":null}',117748226442919941,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(7,'upsert','criteria','01a25363-5a12-714d-b2f9-222535d61f2d',NULL,'{"due_on":null,"id":"01a25363-5a12-714d-b2f9-222535d61f2d","level":"standard","name":"Cơ sở hạ tầng thương mại nông thôn","note":null,"number":7,"owner":null,"status":"not_met","target_year":null}',117748226442919942,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(8,'upsert','criteria','01a25363-5a13-7338-b07f-b6b41814b814',NULL,'{"due_on":null,"id":"01a25363-5a13-7338-b07f-b6b41814b814","level":"standard","name":"Thông tin và truyền thông","note":null,"number":8,"owner":null,"status":"not_met","target_year":null}',117748226442919943,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(9,'upsert','criteria','01a25363-5a13-7f91-b367-b466849efca0',NULL,'{"due_on":null,"id":"01a25363-5a13-7f91-b367-b466849efca0","level":"standard","name":"Nhà ở dân cư","note":null,"number":9,"owner":null,"status":"not_met","target_year":null}',117748226442919944,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(10,'upsert','criteria','01a25363-5a13-70cb-b77e-0c73cb8c1acf',NULL,'{"due_on":null,"id":"01a25363-5a13-70cb-b77e-0c73cb8c1acf","level":"standard","name":"Thu nhập","note":null,"number":10,"owner":null,"status":"not_met","target_year":null}',117748226442919945,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(11,'upsert','criteria','01a25363-5a13-7b90-9f87-a0af700c7316',NULL,'{"due_on":null,"id":"01a25363-5a13-7b90-9f87-a0af700c7316","level":"standard","name":"Nghèo đa chiều","note":null,"number":11,"owner":null,"status":"not_met","target_year":null}',117748226442919946,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(12,'upsert','criteria','01a25363-5a13-7fca-98d3-810ab66af118',NULL,'{"due_on":null,"id":"01a25363-5a13-7fca-98d3-810ab66af118","level":"standard","name":"Lao động","note":null,"number":12,"owner":null,"status":"not_met","target_year":null}',117748226442919947,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(13,'upsert','criteria','01a25363-5a13-74b7-a877-1aa151caf624',NULL,'{"due_on":null,"id":"01a25363-5a13-74b7-a877-1aa151caf624","level":"standard","name":"Tổ chức sản xuất và phát triển kinh tế nông thôn","note":null,"number":13,"owner":null,"status":"not_met","target_year":null}',117748226442919948,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(14,'upsert','criteria','01a25363-5a14-7e57-9bb1-9110884fa32b',NULL,'{"due_on":null,"id":"01a25363-5a14-7e57-9bb1-9110884fa32b","level":"standard","name":"Y tế","note":null,"number":14,"owner":null,"status":"not_met","target_year":null}',117748226442919949,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(15,'upsert','criteria','01a25363-5a14-7ba2-8215-2f45b7473ce1',NULL,'{"due_on":null,"id":"01a25363-5a14-7ba2-8215-2f45b7473ce1","level":"standard","name":"Hành chính công","note":null,"number":15,"owner":null,"status":"not_met","target_year":null}',117748226442919950,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(16,'upsert','criteria','01a25363-5a14-77e1-8e41-96d3b937d09f',NULL,'{"due_on":null,"id":"01a25363-5a14-77e1-8e41-96d3b937d09f","level":"standard","name":"Tiếp cận pháp luật","note":null,"number":16,"owner":null,"status":"not_met","target_year":null}',117748226442919951,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(17,'upsert','criteria','01a25363-5a14-7a8e-8879-8f49a9cedbda',NULL,'{"due_on":null,"id":"01a25363-5a14-7a8e-8879-8f49a9cedbda","level":"standard","name":"Môi trường","note":null,"number":17,"owner":null,"status":"not_met","target_year":null}',117748226442919952,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(18,'upsert','criteria','01a25363-5a14-793a-9fca-e1baeacc38b7',NULL,'{"due_on":null,"id":"01a25363-5a14-793a-9fca-e1baeacc38b7","level":"standard","name":"Chất lượng môi trường sống","note":null,"number":18,"owner":null,"status":"not_met","target_year":null}',117748226442919953,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(19,'upsert','criteria','01a25363-5a15-7d16-96b7-2d35f348571e',NULL,'{"due_on":null,"id":"01a25363-5a15-7d16-96b7-2d35f348571e","level":"standard","name":"Quốc phòng và An ninh","note":null,"number":19,"owner":null,"status":"not_met","target_year":null}',117748226442919954,'hub','ntm-hub admin',1796695349776,NULL);
INSERT INTO sync_log VALUES(20,'upsert','hamlets','01a25363-5a3b-7724-9d43-853369019ffa',NULL,'{"achieved":"none","achieved_year":null,"head_name":"Lò Văn Sùng","households_total":null,"id":"01a25363-5a3b-7724-9d43-853369019ffa","kind":"xom","name":"Xóm Đông","note":null,"target":"standard"}',117748226445737984,'hub','ntm-hub admin',1796695349819,NULL);
INSERT INTO sync_log VALUES(21,'upsert','households','01a25363-5df2-785d-9281-15b52510e4f0','01a25363-5a3b-7724-9d43-853369019ffa','{"address":"Xóm Đông, ngõ 3","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","head_name":"Lò Văn Sùng","id":"01a25363-5df2-785d-9281-15b52510e4f0","note":null,"phone":null}',117748226508128256,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695351256,1);
INSERT INTO sync_log VALUES(22,'upsert','households','01a25363-5e41-7cf0-9186-4a46acbe6d44','01a25363-5a3b-7724-9d43-853369019ffa','{"address":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","head_name":"Phạm Thị Hoa","id":"01a25363-5e41-7cf0-9186-4a46acbe6d44","note":null,"phone":null}',117748226513240064,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695351256,2);
INSERT INTO sync_log VALUES(23,'upsert','cleanups','01a25363-5e9c-7384-8917-642c0ca90876','01a25363-5a3b-7724-9d43-853369019ffa','{"area":null,"date":"2026-11-02","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","households_joined":31,"id":"01a25363-5e9c-7384-8917-642c0ca90876","note":null,"participants":40,"status":"done","waste_kg":120.5}',117748226519269376,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695351256,3);
INSERT INTO sync_log VALUES(24,'upsert','road_segments','01a25363-5eec-7e98-8d80-3e91475fd537','01a25363-5a3b-7724-9d43-853369019ffa','{"completed_on":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","id":"01a25363-5eec-7e98-8d80-3e91475fd537","kind":"truc","length_m":420,"lighting":0,"name":"Trục xóm Đông","note":null,"status":"planned","target_width_m":6,"trees":0,"width_after_m":null,"width_before_m":3.5}',117748226524446720,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695351256,4);
INSERT INTO sync_log VALUES(25,'upsert','land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','01a25363-5a3b-7724-9d43-853369019ffa','{"area_m2":120,"assets":null,"assets_value_vnd":null,"donor_name":null,"hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","handed_over_on":null,"household_id":"01a25363-5df2-785d-9281-15b52510e4f0","id":"01a25363-5f3d-7f55-8ea8-bff9a4d981a6","note":null,"road_segment_id":"01a25363-5eec-7e98-8d80-3e91475fd537","signed_on":null,"status":"pledged"}',117748226529820672,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695351256,5);
INSERT INTO sync_log VALUES(26,'upsert','contributions','01a25363-5f90-7bc0-be80-096c1eecef66','01a25363-5a3b-7724-9d43-853369019ffa','{"amount":4500000,"date":null,"donor_name":"Phạm Thị Hoa","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","household_id":null,"id":"01a25363-5f90-7bc0-be80-096c1eecef66","kind":"money","note":null,"purpose":"đổ bê tông","unit":null}',117748226535260160,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695351256,6);
INSERT INTO sync_log VALUES(27,'upsert','land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','01a25363-5a3b-7724-9d43-853369019ffa','{"area_m2":115}',117748226563178496,'01a25363-6092-7c1b-9de2-415db7541220','Cán bộ xã',1796695351691,1);
INSERT INTO sync_log VALUES(28,'conflict','land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','01a25363-5a3b-7724-9d43-853369019ffa','{"base":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748226529820672,"replica_id":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","value":120,"version":25},"column":"area_m2","hamlet_id":"01a25363-5a3b-7724-9d43-853369019ffa","hub":{"author":"Cán bộ xã","deleted":false,"hlc":117748226563178496,"replica_id":"01a25363-6092-7c1b-9de2-415db7541220","value":115,"version":27},"id":"01a25363-622c-79be-9b12-76077bf6abe7","incoming":{"author":"Lò Văn Sùng","deleted":false,"hlc":117748226573860864,"replica_id":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","value":125,"version":0},"kind":"field","opened_at":1796695351852,"row_id":"01a25363-5f3d-7f55-8ea8-bff9a4d981a6","status":"open","table":"land_donations"}',117748226573860864,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695351852,7);
INSERT INTO sync_log VALUES(29,'upsert','road_segments','01a25363-5eec-7e98-8d80-3e91475fd537','01a25363-5a3b-7724-9d43-853369019ffa','{"width_after_m":6}',117748226589786112,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695352190,8);
INSERT INTO sync_log VALUES(30,'upsert','cleanups','01a25363-5e9c-7384-8917-642c0ca90876','01a25363-5a3b-7724-9d43-853369019ffa','{"participants":42}',117748226592866304,'01a25363-5d8a-7a83-803e-b723c5e0f7d4','Lò Văn Sùng',1796695352190,9);
CREATE TABLE sync_row_meta (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  hamlet_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  fields TEXT NOT NULL,
  tombstone TEXT,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
INSERT INTO sync_row_meta VALUES('cleanups','01a25363-5e9c-7384-8917-642c0ca90876','01a25363-5a3b-7724-9d43-853369019ffa',0,'[{"a":"Lò Văn Sùng","f":["area","date","hamlet_id","households_joined","note","status","waste_kg"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226519269376,"v":23},{"a":"Lò Văn Sùng","f":["participants"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226592866304,"v":30}]',NULL);
INSERT INTO sync_row_meta VALUES('contributions','01a25363-5f90-7bc0-be80-096c1eecef66','01a25363-5a3b-7724-9d43-853369019ffa',0,'[{"a":"Lò Văn Sùng","f":["amount","date","donor_name","hamlet_id","household_id","kind","note","purpose","unit"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226535260160,"v":26}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a10-7ae4-a4dc-09d1700a1dbe',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919936,"v":1}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a11-7b02-8c69-23f3b5f3a67f',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919937,"v":2}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a12-714d-b2f9-222535d61f2d',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919942,"v":7}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a12-71ce-8fb7-6acc0ad33280',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919940,"v":5}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a12-7367-bb94-cd0baa82217b',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919938,"v":3}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a12-7469-95d4-708acbb417c5',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919939,"v":4}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a12-7b1a-ab39-725828ff3595',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919941,"v":6}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a13-70cb-b77e-0c73cb8c1acf',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919945,"v":10}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a13-7338-b07f-b6b41814b814',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919943,"v":8}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a13-74b7-a877-1aa151caf624',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919948,"v":13}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a13-7b90-9f87-a0af700c7316',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919946,"v":11}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a13-7f91-b367-b466849efca0',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919944,"v":9}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a13-7fca-98d3-810ab66af118',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919947,"v":12}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a14-77e1-8e41-96d3b937d09f',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919951,"v":16}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a14-793a-9fca-e1baeacc38b7',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919953,"v":18}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a14-7a8e-8879-8f49a9cedbda',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919952,"v":17}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a14-7ba2-8215-2f45b7473ce1',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919950,"v":15}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a14-7e57-9bb1-9110884fa32b',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919949,"v":14}]',NULL);
INSERT INTO sync_row_meta VALUES('criteria','01a25363-5a15-7d16-96b7-2d35f348571e',NULL,0,'[{"a":"ntm-hub admin","f":["due_on","level","name","note","number","owner","status","target_year"],"r":"hub","t":117748226442919954,"v":19}]',NULL);
INSERT INTO sync_row_meta VALUES('hamlets','01a25363-5a3b-7724-9d43-853369019ffa',NULL,0,'[{"a":"ntm-hub admin","f":["achieved","achieved_year","head_name","households_total","kind","name","note","target"],"r":"hub","t":117748226445737984,"v":20}]',NULL);
INSERT INTO sync_row_meta VALUES('households','01a25363-5df2-785d-9281-15b52510e4f0','01a25363-5a3b-7724-9d43-853369019ffa',0,'[{"a":"Lò Văn Sùng","f":["address","hamlet_id","head_name","note","phone"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226508128256,"v":21}]',NULL);
INSERT INTO sync_row_meta VALUES('households','01a25363-5e41-7cf0-9186-4a46acbe6d44','01a25363-5a3b-7724-9d43-853369019ffa',0,'[{"a":"Lò Văn Sùng","f":["address","hamlet_id","head_name","note","phone"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226513240064,"v":22}]',NULL);
INSERT INTO sync_row_meta VALUES('land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','01a25363-5a3b-7724-9d43-853369019ffa',0,'[{"a":"Lò Văn Sùng","f":["assets","assets_value_vnd","donor_name","hamlet_id","handed_over_on","household_id","note","road_segment_id","signed_on","status"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226529820672,"v":25},{"a":"Cán bộ xã","f":["area_m2"],"r":"01a25363-6092-7c1b-9de2-415db7541220","t":117748226563178496,"v":27}]',NULL);
INSERT INTO sync_row_meta VALUES('road_segments','01a25363-5eec-7e98-8d80-3e91475fd537','01a25363-5a3b-7724-9d43-853369019ffa',0,'[{"a":"Lò Văn Sùng","f":["completed_on","hamlet_id","kind","length_m","lighting","name","note","status","target_width_m","trees","width_before_m"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226524446720,"v":24},{"a":"Lò Văn Sùng","f":["width_after_m"],"r":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","t":117748226589786112,"v":29}]',NULL);
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
INSERT INTO sync_replicas VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4','head','01a25363-5a3b-7724-9d43-853369019ffa','Lò Văn Sùng',10,1796695350690,1796695352190,-15,0,'f7912820cfeeebbf','0.2.0',0,'FNk8dFtxNet02NLm0F8KgNPiU3FGPgrvjve3sxKNpsA=');
INSERT INTO sync_replicas VALUES('01a25363-6092-7c1b-9de2-415db7541220','reviewer',NULL,'Cán bộ xã',1,1796695351460,1796695351691,-14,0,'544be69e6a58a3e2','0.2.0',0,'rUgwpdkpRvMeusCP8Rax0UzDS2YiaoLuz5DhnRWsY4c=');
CREATE TABLE sync_received (
  replica_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  digest TEXT NOT NULL,
  outcome TEXT NOT NULL,
  PRIMARY KEY (replica_id, seq)
) WITHOUT ROWID;
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',1,'48d86b263c6af95b','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":1,"settle_seq":21,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',2,'582171b62695eeca','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":2,"settle_seq":22,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',3,'1007fbda88e5ef3f','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":3,"settle_seq":23,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',4,'e99084df11e9c545','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":4,"settle_seq":24,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',5,'e0e504ce07602c3b','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":5,"settle_seq":25,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',6,'5fa8304c1b965292','{"clamped":false,"conflicts":[],"fields":{"*":"applied"},"seq":6,"settle_seq":26,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',7,'4103066fbdf44850','{"clamped":false,"conflicts":["01a25363-622c-79be-9b12-76077bf6abe7"],"fields":{"area_m2":"held"},"seq":7,"settle_seq":28,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',8,'526ee7a95cc8213d','{"clamped":false,"conflicts":[],"fields":{"width_after_m":"applied"},"seq":8,"settle_seq":29,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',9,'49f19b72b58414c9','{"clamped":false,"conflicts":[],"fields":{"participants":"applied"},"seq":9,"settle_seq":30,"status":"applied"}');
INSERT INTO sync_received VALUES('01a25363-5d8a-7a83-803e-b723c5e0f7d4',10,'2f377d16aad02fd3','{"clamped":false,"code":"forbidden","conflicts":[],"fields":{},"reason":"a hamlet head may not write commune table hamlets","seq":10,"settle_seq":30,"status":"rejected"}');
INSERT INTO sync_received VALUES('01a25363-6092-7c1b-9de2-415db7541220',1,'4fbefc475598427d','{"clamped":false,"conflicts":[],"fields":{"area_m2":"applied"},"seq":1,"settle_seq":27,"status":"applied"}');
CREATE TABLE sync_audit (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT,
  decision TEXT NOT NULL,
  entry TEXT NOT NULL
);
INSERT INTO sync_audit VALUES(1,'land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','area_m2','overwritten','{"at":1796695351691,"column":"area_m2","decision":"overwritten","new":115,"new_author":"Cán bộ xã","new_hlc":117748226563178496,"new_replica_id":"01a25363-6092-7c1b-9de2-415db7541220","old":120,"old_author":"Lò Văn Sùng","row_id":"01a25363-5f3d-7f55-8ea8-bff9a4d981a6","table":"land_donations"}');
INSERT INTO sync_audit VALUES(2,'land_donations','01a25363-5f3d-7f55-8ea8-bff9a4d981a6','area_m2','held','{"at":1796695351852,"column":"area_m2","decision":"held","new":125,"new_author":"Lò Văn Sùng","new_hlc":117748226573860864,"new_replica_id":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","old":115,"old_author":"Cán bộ xã","row_id":"01a25363-5f3d-7f55-8ea8-bff9a4d981a6","table":"land_donations"}');
INSERT INTO sync_audit VALUES(3,'road_segments','01a25363-5eec-7e98-8d80-3e91475fd537','width_after_m','overwritten','{"at":1796695352190,"column":"width_after_m","decision":"overwritten","new":6,"new_author":"Lò Văn Sùng","new_hlc":117748226589786112,"new_replica_id":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","old":null,"old_author":"Lò Văn Sùng","row_id":"01a25363-5eec-7e98-8d80-3e91475fd537","table":"road_segments"}');
INSERT INTO sync_audit VALUES(4,'cleanups','01a25363-5e9c-7384-8917-642c0ca90876','participants','overwritten','{"at":1796695352190,"column":"participants","decision":"overwritten","new":42,"new_author":"Lò Văn Sùng","new_hlc":117748226592866304,"new_replica_id":"01a25363-5d8a-7a83-803e-b723c5e0f7d4","old":40,"old_author":"Lò Văn Sùng","row_id":"01a25363-5e9c-7384-8917-642c0ca90876","table":"cleanups"}');
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
CREATE TABLE sync_tokens (
  id TEXT PRIMARY KEY NOT NULL,
  secret_sha256 TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('head', 'reviewer')),
  hamlet_id TEXT,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
INSERT INTO sync_tokens VALUES('f7912820cfeeebbf','c3aeaf548fc93d3b0fd57ec02995beffbc66967355d09460da5f6d2102a22c03','head','01a25363-5a3b-7724-9d43-853369019ffa','Lò Văn Sùng',1796695349853,NULL);
INSERT INTO sync_tokens VALUES('544be69e6a58a3e2','fe8b9679a8e7afbfced08aa48e14e8e1442d11e1c389ec1d14263d67b3c01bb3','reviewer',NULL,'Cán bộ xã',1796695349889,NULL);
CREATE TABLE sync_hub_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  private_key BLOB NOT NULL
);
INSERT INTO sync_hub_key VALUES(1,X'26a79ef9cab2d1dcdd8b927cbfe1185f43d7747c91834b970333be732908019d');
CREATE INDEX sync_log_scope ON sync_log (hamlet_id, seq);
CREATE INDEX sync_audit_row ON sync_audit (tbl, row_id);
CREATE INDEX sync_conflicts_status ON sync_conflicts (status, hamlet_id);
CREATE INDEX sync_log_row ON sync_log (row_id);
COMMIT;
