// Frozen: the SQL of migrations already shipped. Never edit a migration here; add a new
// one (docs/architecture.md, "Adding a column or a table"). MigrationSnapshotTests pins
// each by the SHA-256 of its SQL.

extension FrozenMigration {
    /// The replicated tables of schema version 1, on replicas and on the hub.
    static let v1ReplicatedTables = FrozenMigration(
        "v1-replicated-tables", schemaVersion: 1,
        sql: #"""
            CREATE TABLE "hamlets" (
              "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
              "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
              "kind" TEXT NOT NULL DEFAULT 'xom' CHECK ("kind" IN ('xom', 'thon', 'lang', 'ban')),
              "head_name" TEXT CHECK ("head_name" IS NULL OR (typeof("head_name") = 'text')),
              "households_total" INTEGER CHECK ("households_total" IS NULL OR (typeof("households_total") = 'integer' AND "households_total" >= 0)),
              "target" TEXT NOT NULL DEFAULT 'standard' CHECK ("target" IN ('standard', 'model')),
              "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
            );
            CREATE TABLE "criteria" (
              "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
              "number" INTEGER NOT NULL CHECK (typeof("number") = 'integer' AND "number" BETWEEN 1 AND 19),
              "name" TEXT NOT NULL CHECK (typeof("name") = 'text' AND length(trim("name", ' ' || char(9, 10, 13))) > 0),
              "status" TEXT NOT NULL DEFAULT 'not_met' CHECK ("status" IN ('met', 'not_met')),
              "target_year" INTEGER CHECK ("target_year" IS NULL OR (typeof("target_year") = 'integer' AND "target_year" BETWEEN 2000 AND 2100)),
              "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
            );
            CREATE TABLE "households" (
              "id" TEXT PRIMARY KEY NOT NULL DEFAULT (lower(substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)))) CHECK (typeof("id") = 'text' AND length("id") > 0),
              "hamlet_id" TEXT NOT NULL CHECK (typeof("hamlet_id") = 'text' AND length(trim("hamlet_id", ' ' || char(9, 10, 13))) > 0),
              "head_name" TEXT NOT NULL CHECK (typeof("head_name") = 'text' AND length(trim("head_name", ' ' || char(9, 10, 13))) > 0),
              "address" TEXT CHECK ("address" IS NULL OR (typeof("address") = 'text')),
              "phone" TEXT CHECK ("phone" IS NULL OR (typeof("phone") = 'text')),
              "note" TEXT CHECK ("note" IS NULL OR (typeof("note") = 'text'))
            );
            CREATE TABLE "cleanups" (
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
            CREATE TABLE "road_segments" (
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
            CREATE TABLE "land_donations" (
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
            CREATE TABLE "contributions" (
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
            """#)
}
