import Foundation
import GRDB
import Testing

@testable import SyncCore

/// Issue 11 with the real programs: files written by the `ntm` and `ntm-hub` of schema
/// version 1 (Tests/Fixtures/v1), upgraded in place by this build, with a kill -9 in the
/// middle of each upgrade.
@Suite(.serialized) struct SchemaUpgradeProcessTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/v1")

    private struct Facts: Decodable {
        var head: String
        var reviewer: String
    }

    /// Writes the fixture file `name` to `path` from its dump.
    private static func restore(_ name: String, to path: String) throws {
        let dump = try String(contentsOf: fixtures.appendingPathComponent("\(name).sql"), encoding: .utf8)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
        try queue.close()
    }

    /// What an upgrade must never leave half done: the migrations applied, the columns of
    /// the tables, and the outbox.
    private static func state(_ path: String) throws -> (migrations: [String], roadColumns: [String], outbox: [String])
    {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            return (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                try Row.fetchAll(db, sql: "PRAGMA table_info(road_segments)").map { $0["name"] as String },
                try db.tableExists("sync_outbox")
                    ? try Row.fetchAll(db, sql: "SELECT seq, state, new_values FROM sync_outbox ORDER BY seq").map {
                        "\($0["seq"] as Int64) \($0["state"] as String) \($0["new_values"] as String? ?? "")"
                    } : []
            )
        }
    }

    /// Runs `program` with the failpoint inside the version-2 migration, waits until it
    /// is there (inside the migration's transaction), and kills it.
    private static func killDuringUpgrade(_ program: String, _ arguments: [String], in folder: URL) async throws {
        let running = try Programs.start(
            program, arguments, in: folder, environment: ["NTM_FAILPOINT": "migration:v2-schema"])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, running.process.isRunning,
            !running.stderr.contains("failpoint migration:v2-schema reached")
        {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(running.stderr.contains("failpoint migration:v2-schema reached"), "\(running.stderr)")
        running.kill9()
    }

    @Test func aKillDuringTheUpgradeLeavesVersionOneAndTheNextRunUpgradesAndSyncs() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try JSONDecoder().decode(
            Facts.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("fixture.json")))
        let replica = folder.appendingPathComponent("dong.sqlite").path
        let hub = folder.appendingPathComponent("hub.sqlite").path
        try Self.restore("dong", to: replica)
        try Self.restore("hub", to: hub)
        let before = try Self.state(replica)
        #expect(!before.migrations.contains("v2-schema") && !before.roadColumns.contains("kind"))
        #expect(before.outbox.count == 6)

        // Killed inside the upgrade's transaction: the file is exactly as version 1 left it.
        try await Self.killDuringUpgrade("ntm", ["--db", "dong.sqlite", "status"], in: folder)
        let killed = try Self.state(replica)
        #expect(killed.migrations == before.migrations)
        #expect(killed.roadColumns == before.roadColumns)
        #expect(killed.outbox == before.outbox)
        let hubBefore = try Self.state(hub)
        try await Self.killDuringUpgrade("ntm-hub", ["hamlet", "list", "--db", "hub.sqlite"], in: folder)
        let hubKilled = try Self.state(hub)
        #expect(hubKilled.migrations == hubBefore.migrations && hubKilled.roadColumns == hubBefore.roadColumns)
        #expect(!hubKilled.migrations.contains("v2-schema"))

        // The hub upgrades as it starts; the replica at its next command, whole.
        let (server, url) = try await Programs.serve(db: "hub.sqlite", in: folder)
        defer { server.kill9() }
        let queue = try DatabaseQueue(path: replica)
        try await queue.write { db in try db.execute(sql: "UPDATE sync_hub SET url = ?", arguments: [url]) }
        try queue.close()
        let status = try await Programs.runDetached("ntm", ["--db", "dong.sqlite", "status", "--json"], in: folder)
        #expect(status.status == 0, "\(status.stderr)")
        let upgradedStatus = try status.json(ReplicaStatus.self)
        #expect(upgradedStatus.schemaVersion == ReplicatedSchema.version && upgradedStatus.backfilling)
        #expect(upgradedStatus.pendingChanges == 3 && upgradedStatus.rejected.map(\.seq) == [9])
        let upgraded = try Self.state(replica)
        #expect(upgraded.migrations.contains("v2-schema") && upgraded.roadColumns.contains("kind"))
        #expect(upgraded.outbox == before.outbox, "pending, acknowledged and rejected changes as they were")
        let report = try await Programs.runDetached("ntm", ["--db", "dong.sqlite", "sync", "--json"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"pushed\" : 3") || report.stdout.contains("\"pushed\":3"), "\(report.stdout)")
        let after = try await Programs.runDetached("ntm", ["--db", "dong.sqlite", "status", "--json"], in: folder).json(
            ReplicaStatus.self)
        #expect(after.pendingChanges == 0 && after.rejected.map(\.seq) == [9] && !after.backfilling)
        let roads = try await Programs.runDetached(
            "ntm", ["--db", "dong.sqlite", "list", "roads", "--json"], in: folder
        ).json(
            [SyncRow].self)
        #expect(roads.count == 2 && roads.allSatisfy { $0["kind"] == .text("truc") })
        // A version-2 field set now reaches the office's view at the hub.
        let road = try #require(roads.first { $0["name"] == .text("Ngõ 4 xóm Đông") })
        let set = try await Programs.runDetached(
            "ntm", ["--db", "dong.sqlite", "road", "set", road.id, "--kind", "ngo", "--completed-on", "2026-11-22"],
            in: folder)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try await Programs.runDetached("ntm", ["--db", "dong.sqlite", "sync"], in: folder).status == 0)
        let office = try await Programs.runDetached(
            "ntm", ["--db", "office.sqlite", "init", "--hub", url], in: folder,
            environment: ["NTM_TOKEN": facts.reviewer])
        #expect(office.status == 0, "\(office.stderr)")
        #expect(try await Programs.runDetached("ntm", ["--db", "office.sqlite", "sync"], in: folder).status == 0)
        let seen = try await Programs.runDetached(
            "ntm", ["--db", "office.sqlite", "list", "roads", "--json"], in: folder
        ).json(
            [SyncRow].self)
        #expect(seen.first { $0.id == road.id }?["kind"] == .text("ngo"))
        #expect(seen.first { $0.id == road.id }?["completed_on"] == .text("2026-11-22"))
    }
}
