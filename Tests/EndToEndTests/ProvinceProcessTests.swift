import Foundation
import HubPostgres
import Testing

@testable import SyncCore

/// Issue 16 with the built programs (DESIGN.md §7): a commune's SQLite hub moved into a
/// province's PostgreSQL database by `ntm-hub migrate`, served by two `ntm-hub serve
/// --postgres` processes under `/c/CODE/`, administered with `--postgres URL --code CODE`,
/// and followed by its phones with `ntm relocate`, nothing lost.
@Suite(.serialized, .enabled(if: TestPostgres.url != nil)) struct ProvinceProcessTests {
    @Test func aCommuneMovedToTheProvinceIsServedByTwoProcessesAndItsPhonesFollowIt() async throws {
        let database = try #require(TestPostgres.url)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-province-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = ScratchCommune.newCode(prefix: "t")
        let other = ScratchCommune.newCode(prefix: "t")
        // Each program is waited for on a thread of its own (`runDetached`): a test that
        // blocked Swift concurrency's few threads for its whole run would starve the
        // in-process hubs of the tests running beside it.
        func hub(_ arguments: [String], expect status: Int32 = 0) async throws -> String {
            let result = try await Programs.runDetached("ntm-hub", arguments, in: folder)
            #expect(result.status == status, "ntm-hub \(arguments): \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        @discardableResult func ntm(
            _ name: String, _ arguments: [String], expect status: Int32 = 0
        ) async throws -> Programs.Result {
            let result = try await Programs.runDetached(
                "ntm", arguments, in: folder, environment: ["NTM_DB": "\(name).sqlite"])
            #expect(result.status == status, "ntm \(arguments): \(result.stderr)")
            return result
        }
        let file = ["--db", "hub.sqlite"]
        let province = ["--postgres", database, "--code", code]

        // Months on the commune's own SQLite hub.
        _ = try await hub(["init", "--commune", "Xã Tân Lập"] + file)
        let dongID = try await hub(["hamlet", "add", "Xóm Đông", "--head", "Nguyễn Văn An"] + file)
        let token = try await hub(["token", "issue", "--hamlet", dongID, "--role", "head"] + file)
        let (sqliteHub, sqliteURL) = try await Programs.serve(db: "hub.sqlite", in: folder)
        try await ntm("dong", ["init", "--hub", sqliteURL, "--token", token])
        try await ntm("dong", ["cleanup", "add", "--date", "2026-11-02", "--participants", "38"])
        try await ntm("dong", ["sync"])
        sqliteHub.kill9()
        // Recorded offline while the commune moves.
        try await ntm("dong", ["household", "add", "--name", "Phạm Thị Hoa"])

        // The move, and two hub processes on the province's database.
        let moved = try await hub(["migrate", "--from", "hub.sqlite", "--to", database, "--code", code])
        #expect(moved.contains("commune \(code)"))
        _ = try await hub(["init", "--commune", "Xã Bên Cạnh", "--postgres", database, "--code", other])
        let (first, firstURL) = try await Programs.serve(db: nil, in: folder, extra: ["--postgres", database])
        defer { first.kill9() }
        let (second, secondURL) = try await Programs.serve(db: nil, in: folder, extra: ["--postgres", database])
        defer { second.kill9() }
        #expect(first.stdout.contains("commune(s): \(firstURL)/c/"), "the listening line shows where: \(first.stdout)")

        // The phone follows its hub; a commune that is not its own is refused, nothing changed.
        let refused = try await ntm("dong", ["relocate", "\(firstURL)/c/\(other)"], expect: 1)
        #expect(refused.stderr.contains("unknown, forged or revoked token"), "\(refused.stderr)")
        let nowhere = try await ntm("dong", ["relocate", "\(firstURL)/c/nosuchcommune"], expect: 1)
        #expect(nowhere.stderr.contains("commune nosuchcommune not found:"), "\(nowhere.stderr)")
        #expect(try await ntm("dong", ["hub", "show"]).stdout.contains(sqliteURL))
        try await ntm("dong", ["relocate", "\(firstURL)/c/\(code)"])
        #expect(try await ntm("dong", ["hub", "show"]).stdout.contains("\(firstURL)/c/\(code)"))
        try await ntm("dong", ["sync"])
        #expect(try await ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).pendingChanges == 0)

        // The office, through the other process, sees everything; admin commands reach the
        // commune by its code.
        let office = try await hub(["token", "issue", "--role", "reviewer", "--name", "Lê Văn Tám"] + province)
        try await ntm("office", ["init", "--hub", "\(secondURL)/c/\(code)", "--token", office])
        try await ntm("office", ["sync"])
        let households = try await ntm("office", ["list", "households", "--json"]).json([SyncRow].self)
        #expect(households.map { $0["head_name"] } == [.text("Phạm Thị Hoa")])
        #expect(try await ntm("office", ["list", "cleanups", "--json"]).json([SyncRow].self).count == 1)
        #expect(try await hub(["hamlet", "list"] + province).contains("Xóm Đông"))
        #expect(try await hub(["devices"] + province).contains("Nguyễn Văn An"))
        // A commune code that is not in the database is refused, not created, by admin commands.
        let missing = try await Programs.runDetached(
            "ntm-hub", ["hamlet", "list", "--postgres", database, "--code", "nosuch"], in: folder)
        #expect(
            missing.status != 0 && missing.stderr.contains("commune nosuch not found: create it"), "\(missing.stderr)")
        // Issue 29: the code as a user types it (the URL's `/c/tan-lap/`) is refused with the
        // rule and the code it should be, before the database is touched.
        let hyphen = try await Programs.runDetached(
            "ntm-hub", ["init", "--commune", "Xã Tân Lập", "--postgres", database, "--code", "tan-lap"], in: folder)
        #expect(
            hyphen.status != 0
                && hyphen.stderr.contains(
                    "must be 1 to 32 lowercase letters (a-z), digits or _, starting with a letter: tan_lap, not tan-lap"
                ),
            "\(hyphen.stderr)")
        // The commands only a file has say what to do instead.
        let backup = try await Programs.runDetached("ntm-hub", ["backup", "copy.sqlite"] + province, in: folder)
        #expect(backup.status == 2 && backup.stderr.contains("pg_dump"), "\(backup.stderr)")
    }
}
