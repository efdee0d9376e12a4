import Foundation
import GRDB
import Testing

@testable import SyncCore

/// The built `ntm-hub` binary driven by the built `ntm` binary, as separate processes on 127.0.0.1.
@Suite(.serialized) struct ProcessTests {
    /// A commune set up through `ntm-hub`'s admin commands, in a temporary folder.
    struct Commune {
        let folder: URL
        let dongID: String
        let doaiID: String
        let tokens: [String: String]

        init() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-proc-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            self.folder = folder
            func hub(_ arguments: [String]) throws -> String {
                let result = try Programs.run("ntm-hub", arguments + ["--db", "hub.sqlite"], in: folder)
                #expect(result.status == 0, "ntm-hub \(arguments): \(result.stderr)")
                return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            _ = try hub(["init", "--commune", "Xã Tân Lập"])
            dongID = try hub(["hamlet", "add", "Xóm Đông", "--head", "Nguyễn Văn An"])
            doaiID = try hub(["hamlet", "add", "Xóm Đoài", "--head", "Trần Thị Bình"])
            tokens = [
                "dong": try hub(["token", "issue", "--hamlet", dongID, "--role", "head"]),
                "doai": try hub(["token", "issue", "--hamlet", doaiID, "--role", "head"]),
                "office": try hub(["token", "issue", "--role", "reviewer", "--name", "Lê Văn Tám"]),
            ]
        }

        var hubPath: String { folder.appendingPathComponent("hub.sqlite").path }

        /// Runs `ntm` on replica `name`.
        @discardableResult
        func ntm(
            _ name: String, _ arguments: [String], expect status: Int32 = 0,
            sourceLocation: SourceLocation = #_sourceLocation
        )
            async throws -> Programs.Result
        {
            let result = try await Programs.runDetached(
                "ntm", arguments, in: folder, environment: ["NTM_DB": "\(name).sqlite"])
            #expect(result.status == status, "ntm \(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            return result
        }

        /// Makes the replicas `names` (`dong.sqlite`, …), each bound to the hub at `url` with
        /// its own token.
        func join(_ names: [String], hub url: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            for name in names {
                try await ntm(
                    name, ["init", "--hub", url, "--token", tokens[name] ?? ""], sourceLocation: sourceLocation)
            }
        }

        /// The hub's rows of `table` within `principal`'s scope, read from the hub file.
        func hubRows(_ table: String, for principal: Principal) async throws -> [SyncRow] {
            let store = try Hub(sqliteFile: hubPath, logger: TestHub.quietLogger)
            return try await store.rows(table: table, for: principal)
        }
    }

    static let lists = [
        "households": "households", "cleanups": "cleanups", "roads": "road_segments", "donations": "land_donations",
        "contributions": "contributions", "hamlets": "hamlets", "criteria": "criteria",
    ]

    @Test func theCommandLineWalkthroughConvergesAcrossProcesses() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        for name in ["dong", "doai", "office"] {
            try await commune.ntm(name, ["init", "--hub", url, "--token", commune.tokens[name] ?? ""])
        }

        // Offline records.
        try await commune.ntm(
            "dong", ["cleanup", "add", "--date", "2026-11-02", "--participants", "38", "--waste-kg", "95.5"])
        let road = try await commune.ntm(
            "dong", ["road", "add", "--name", "Đường trục xóm", "--length-m", "420", "--width-before-m", "3.5"]
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let donation = try await commune.ntm(
            "dong", ["donation", "add", "--donor", "Hoàng Văn Cường", "--area-m2", "100", "--road", road, "--json"]
        ).json(SyncRow.self)
        #expect(donation["area_m2"] == .real(100))
        try await commune.ntm("doai", ["household", "add", "--name", "Lò Văn Sùng", "--phone", "0912 345 678"])
        try await commune.ntm(
            "doai", ["contribution", "add", "--donor", "Hộ bà Lan", "--kind", "labor_days", "--amount", "2.5"])
        await #expect(try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).pendingChanges == 3)

        // Bad input: exit 2, one error line, nothing written.
        let negative = try await commune.ntm("dong", ["donation", "add", "--donor", "X", "--area-m2=-5"], expect: 2)
        #expect(negative.stderr == "error: land_donations.area_m2: must be greater than 0\n")
        let impossible = try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-02-30"], expect: 2)
        #expect(impossible.stderr == "error: cleanups.date: no such day: month 2 of 2026 has 28 days\n")
        try await commune.ntm("dong", ["list", "tractors"], expect: 2)
        try await commune.ntm("dong", ["donation", "set", donation.id, "--colour", "red"], expect: 2)
        await #expect(try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).pendingChanges == 3)

        for name in ["dong", "doai", "office"] { try await commune.ntm(name, ["sync"]) }

        // A review conflict: both sides correct the area offline.
        try await commune.ntm("dong", ["donation", "set", donation.id, "--area-m2", "120"])
        try await commune.ntm("office", ["donation", "set", donation.id, "--area-m2", "110"])
        try await commune.ntm("dong", ["sync"])
        let officeSync = try await commune.ntm("office", ["sync", "--json"])
        #expect(officeSync.stdout.contains("\"conflicts\" : 1"))
        let listed = try await commune.ntm("office", ["conflicts", "list", "--json"]).json([ConflictRecord].self)
        #expect(listed.count == 1)
        let conflict = try #require(listed.first)
        let shown = try await commune.ntm("office", ["conflicts", "show", conflict.id])
        #expect(shown.stdout.contains("hub:      120  by Nguyễn Văn An"))
        #expect(shown.stdout.contains("incoming: 110  by Lê Văn Tám"))
        #expect(shown.stdout.contains("base:     100"))
        // The hamlet sees its conflict; it may not resolve it.
        try await commune.ntm("dong", ["sync"])
        await #expect(
            try commune.ntm("dong", ["conflicts", "list", "--json"]).json([ConflictRecord].self).map(\.id) == [
                conflict.id
            ])
        let refused = try await commune.ntm("dong", ["conflicts", "resolve", conflict.id, "--take", "hub"], expect: 1)
        #expect(refused.stderr.hasPrefix("error: hub: only a reviewer"))
        try await commune.ntm("office", ["conflicts", "resolve", conflict.id, "--value", "115", "--note", "đo lại"])

        for _ in 0..<2 {
            for name in ["dong", "doai", "office"] { try await commune.ntm(name, ["sync"]) }
        }

        // Every replica's `ntm list … --json` equals the hub's rows in its scope.
        let principals = [
            "dong": Principal(role: .head(hamletID: commune.dongID), name: ""),
            "doai": Principal(role: .head(hamletID: commune.doaiID), name: ""),
            "office": Principal(role: .reviewer, name: ""),
        ]
        for (name, principal) in principals {
            for (list, table) in Self.lists {
                let listed = try await commune.ntm(name, ["list", list, "--json"]).json([SyncRow].self)
                // In the list's order (hamlets by name, Xóm 2 before Xóm 10), the hub's rows.
                let normalized = try listed.map { try ReplicatedSchema.table(table).normalize(values: $0) }
                #expect(
                    normalized.sorted { $0.id < $1.id } == (try await commune.hubRows(table, for: principal)),
                    "\(list) on \(name)")
            }
            let status = try await commune.ntm(name, ["status", "--json"]).json(ReplicaStatus.self)
            #expect(status.pendingChanges == 0 && status.openConflicts == 0 && status.rejected.isEmpty)
        }
        let area = try await commune.ntm("doai", ["list", "donations", "--json"]).json([SyncRow].self)
        #expect(area.isEmpty)
        let settled = try await commune.ntm("dong", ["list", "donations", "--json"]).json([SyncRow].self)
        #expect(settled.first?["area_m2"] == .real(115))
        let report = try await commune.ntm("dong", ["report", "month", "2026-11", "--json"]).json(CommuneReport.self)
        #expect(report.hamlets.first?.figures.cleanups.held == 1)
        #expect(report.totals.land.areaM2 == 115)
    }

    @Test func aLostPhonesTokenIsRevokedAndItsReplacementCarriesOnWithTheSameReplica() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.ntm("dong", ["init", "--hub", url, "--token", commune.tokens["dong"] ?? ""])
        try await commune.ntm("dong", ["sync"])
        @discardableResult
        func admin(_ arguments: [String], expect status: Int32 = 0) async throws -> Programs.Result {
            let result = try await Programs.runDetached(
                "ntm-hub", arguments + ["--db", "hub.sqlite"], in: commune.folder)
            #expect(result.status == status, "ntm-hub \(arguments): \(result.stderr)")
            return result
        }
        let tokens = try await admin(["token", "list", "--json"]).json([TokenInfo].self)
        let dong = try #require(tokens.first { $0.hamletID == commune.dongID })
        #expect(dong.devices == 1 && dong.revokedAt == nil && dong.name == "Nguyễn Văn An")
        await #expect(
            !(try admin(["token", "list"]).stdout.contains(commune.tokens["dong"] ?? "-")), "never the secret")

        let devices = try await admin(["devices", "--json"]).json([DeviceInfo].self)
        #expect(devices.map(\.holder) == ["Nguyễn Văn An"] && devices.first?.appVersion == BuildInfo.version)
        #expect(devices.first?.pending == 0 && devices.first?.hamletName == "Xóm Đông")
        try await admin(["token", "revoke", String(dong.id.prefix(6))])
        await #expect(try admin(["devices"]).stdout.contains("token revoked"))
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-20"])
        let refused = try await commune.ntm("dong", ["sync"], expect: 1)
        #expect(refused.stderr.contains("no longer accepts this device's token"), "\(refused.stderr)")
        #expect(refused.stderr.contains("1 change(s) stay here"), "\(refused.stderr)")

        let replacement = try await admin(["token", "replace", dong.id]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        try Data(replacement.utf8).write(to: commune.folder.appendingPathComponent("new.token"))
        let before = try await commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).replicaID
        try await commune.ntm("dong", ["token", "set", "--token-file", "new.token"])
        let synced = try await commune.ntm("dong", ["sync"])
        #expect(synced.stdout.hasPrefix("sent 1 change(s) to the hub"), "\(synced.stdout)")
        await #expect(try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).replicaID == before)
        // A token to another machine over plain HTTP: warned, whatever the answer; loopback: not.
        let port = url.split(separator: ":").last.map(String.init) ?? ""
        let plain = try await Programs.runDetached(
            "ntm", ["--db", "far.sqlite", "init", "--hub", "http://0.0.0.0:\(port)", "--token-file", "new.token"],
            in: commune.folder)
        #expect(
            plain.stderr.hasPrefix("warning: the token goes in clear text over http:// to 0.0.0.0"), "\(plain.stderr)")
        #expect(!synced.stderr.contains("warning:"))
        // Another hamlet's token is refused for this replica, and changes nothing.
        try Data((commune.tokens["doai"] ?? "").utf8).write(to: commune.folder.appendingPathComponent("doai.token"))
        try await commune.ntm("dong", ["token", "set", "--token-file", "doai.token"], expect: 2)
        try await commune.ntm("dong", ["sync"])
    }

    /// Issue 13: the office turns on TLS with its own CA; a new phone joins over HTTPS, and
    /// a phone already in the field moves to it without a new replica.
    @Test func aCommuneTurnsOnTLSWithItsOwnCAAndItsPhonesFollow() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (plainHub, plainURL) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        try await commune.ntm("dong", ["init", "--hub", plainURL, "--token", commune.tokens["dong"] ?? ""])
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-02"])
        try await commune.ntm("dong", ["sync"])
        plainHub.kill9()

        let made = try await Programs.runDetached(
            "ntm-hub", ["tls", "self-signed", "--dir", "tls", "--host", "127.0.0.1", "--commune", "Xã Tân Lập"],
            in: commune.folder)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("made the commune's CA"), "\(made.stdout)")
        let (hub, url) = try await Programs.serve(
            db: "hub.sqlite", in: commune.folder, extra: ["--tls-cert", "tls/hub.pem", "--tls-key", "tls/hub-key.pem"])
        defer { hub.kill9() }
        #expect(url.hasPrefix("https://127.0.0.1:"))

        // A new phone: without the CA it is refused, with it it joins.
        let untrusted = try await commune.ntm(
            "doai", ["init", "--hub", url, "--token", commune.tokens["doai"] ?? ""], expect: 1)
        #expect(untrusted.stderr.contains("not trusted by this device"), "\(untrusted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: commune.folder.appendingPathComponent("doai.sqlite").path))
        try await commune.ntm(
            "doai", ["init", "--hub", url, "--token", commune.tokens["doai"] ?? "", "--ca-file", "tls/ca.pem"])
        try await commune.ntm("doai", ["cleanup", "add", "--date", "2026-11-03"])
        try await commune.ntm("doai", ["sync"])

        // The phone in the field still has the old address: told what is wrong, in Vietnamese too.
        let stale = try await commune.ntm("dong", ["sync", "--lang", "vi"], expect: 1)
        #expect(stale.stderr.contains("không kết nối được với hub"), "\(stale.stderr)")
        let plainToTLS = plainURL.replacingOccurrences(
            of: #":[0-9]+$"#, with: ":" + (url.split(separator: ":").last.map(String.init) ?? ""),
            options: .regularExpression)
        // Moving it is checked with the hub first: http:// to the TLS port is refused, and nothing changes.
        let wrongScheme = try await commune.ntm("dong", ["hub", "set", "--url", plainToTLS], expect: 1)
        #expect(wrongScheme.stderr.contains("hub: this hub speaks HTTPS only"), "\(wrongScheme.stderr)")
        let wrongSchemeVi = try await commune.ntm(
            "dong", ["hub", "set", "--url", plainToTLS, "--lang", "vi"], expect: 1)
        #expect(wrongSchemeVi.stderr.contains("hub chỉ nhận kết nối HTTPS"), "\(wrongSchemeVi.stderr)")
        await #expect(try commune.ntm("dong", ["hub", "show"]).stdout.contains(plainURL))
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-09"])
        try await commune.ntm("dong", ["hub", "set", "--url", url, "--ca-file", "tls/ca.pem"])
        let synced = try await commune.ntm("dong", ["sync"])
        #expect(synced.stdout.hasPrefix("sent 1 change(s) to the hub"), "\(synced.stdout)")
        await #expect(try commune.ntm("dong", ["hub", "show"]).stdout.contains(url))
        let store = try Hub(sqliteFile: commune.hubPath, logger: TestHub.quietLogger)
        let cleanups = try await store.rows(table: "cleanups", for: Principal(role: .reviewer, name: "test"))
        #expect(cleanups.count == 3, "every cleanup reached the hub, over http:// and then https://")
        // Issue 14: `init` learned the hub's signing key over the TLS connection, and the
        // hub registered each phone's key.
        let doai = try Replica(path: commune.folder.appendingPathComponent("doai.sqlite").path)
        #expect(try doai.hubPublicKey() == store.publicKey && store.publicKey != nil)
        let doaiID = try doai.replicaID
        let registered = try await store.devices().first { $0.replicaID == doaiID }
        #expect(registered != nil)
        #expect(try doai.devicePublicKey() != nil)
    }

    @Test func killingTheHubMidSyncLosesNothingAndAppliesNothingTwice() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        var (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        let port = Int(url.split(separator: ":").last ?? "") ?? 0
        try await commune.ntm("dong", ["init", "--hub", url, "--token", commune.tokens["dong"] ?? ""])

        // A long offline stretch: 3,000 cleanups, recorded through the engine for speed.
        let replica = try Replica(path: commune.folder.appendingPathComponent("dong.sqlite").path)
        try replica.write { db in
            let cleanups = try ReplicatedSchema.table("cleanups")
            for day in 0..<3_000 {
                try cleanups.insertRow(
                    db,
                    try cleanups.completeRow([
                        "id": .text(UUIDv7Generator().makeID()), "hamlet_id": .text(commune.dongID),
                        "date": .text(String(format: "2026-%02d-%02d", day % 12 + 1, day % 28 + 1)),
                        "participants": .integer(Int64(day)),
                    ]))
            }
        }
        try replica.close()

        let sync = try Programs.start(
            "ntm", ["sync", "--page-size", "50"], in: commune.folder, environment: ["NTM_DB": "dong.sqlite"])
        let hubFile = try DatabaseQueue(path: commune.hubPath)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, sync.process.isRunning {
            let received = try await hubFile.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_received") ?? 0
            }
            if received >= 500 { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        hub.kill9()
        try await sync.wait(seconds: 60)
        let cut = sync.result()
        #expect(cut.status == 1, "the sync was cut mid-way: \(cut.stderr)")
        #expect(cut.stderr.hasPrefix("error: "))
        #expect(cut.stderr.contains("stay pending"))
        let pendingAfterCut = try await commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self)
            .pendingChanges
        #expect(pendingAfterCut > 0 && pendingAfterCut < 3_000)

        (hub, url) = try await Programs.serve(db: "hub.sqlite", port: port, in: commune.folder)
        defer { hub.kill9() }
        try await commune.ntm("dong", ["sync"])

        let status = try await commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self)
        #expect(status.pendingChanges == 0 && status.rejected.isEmpty)
        let local = try await commune.ntm("dong", ["list", "cleanups", "--json"]).json([SyncRow].self)
        #expect(local.count == 3_000)
        let atHub = try await commune.hubRows("cleanups", for: Principal(role: .reviewer, name: ""))
        #expect(atHub.map(\.id) == local.map(\.id))
        let (logged, received, integrity) = try await hubFile.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_log WHERE tbl = 'cleanups'") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_received") ?? 0,
                try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? ""
            )
        }
        #expect(logged == 3_000, "each change applied exactly once")
        #expect(received == 3_000)
        #expect(integrity == "ok")
        #expect(try Replica(path: commune.folder.appendingPathComponent("dong.sqlite").path).integrityCheck() == "ok")
    }

    @Test func aRefusedChangeStaysUntilTheHeadDiscardsIt() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.ntm("dong", ["init", "--hub", url, "--token", commune.tokens["dong"] ?? ""])
        // A row of the other hamlet, written straight into the file.
        let replica = try Replica(path: commune.folder.appendingPathComponent("dong.sqlite").path)
        try replica.write { db in
            try db.execute(
                sql: "INSERT INTO cleanups (hamlet_id, date) VALUES (?, '2026-11-05')", arguments: [commune.doaiID])
        }
        try replica.close()
        let refused = try await commune.ntm("dong", ["sync"], expect: 1)
        #expect(refused.stderr.hasPrefix("error: the hub refused 1 change(s)"))
        let status = try await commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self)
        let rejected = try #require(status.rejected.first)
        #expect(rejected.reason.contains("belongs to hamlet \(commune.doaiID)"))
        await #expect(try commune.ntm("dong", ["list", "cleanups", "--json"]).json([SyncRow].self).count == 1)

        try await commune.ntm("dong", ["discard", "\(rejected.seq)"])
        await #expect(try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).rejected.isEmpty)
        await #expect(try commune.ntm("dong", ["list", "cleanups", "--json"]).json([SyncRow].self).isEmpty)
        try await commune.ntm("dong", ["discard", "\(rejected.seq)"], expect: 2)
        try await commune.ntm("dong", ["sync"])
    }

    @Test func theDemoRunsToConvergence() async throws {
        let folder = FileManager.default.temporaryDirectory
        let demo = try await Programs.runDetached("ntm-hub", ["demo"], in: folder)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("every replica equals the hub in its scope"))
        #expect(demo.stdout.contains("Done: all replicas converged."))
        // The same words as `ntm sync` (issue 27).
        #expect(demo.stdout.contains("Xóm Đông: sent 3 change(s) to the hub; received "), "\(demo.stdout)")
    }

    /// `ntm-bench`, which `scripts/bench-report` drives, measures real work: the rows an
    /// initial sync brings from a spawned `ntm-hub serve` are all there, or it fails.
    @Test func theBenchmarkFiguresRunAgainstARealHubProcess() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let write = try await Programs.runDetached("ntm-bench", ["local-write", "--rows", "300"], in: folder)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout.contains("\"changes\":300"))

        let prepared = try await Programs.runDetached(
            "ntm-bench", ["prepare-hub", "--db", folder.appendingPathComponent("hub.sqlite").path, "--rows", "1200"],
            in: folder)
        #expect(prepared.status == 0, "\(prepared.stderr)")
        let fixture = folder.appendingPathComponent("fixture.json")
        try prepared.stdout.write(to: fixture, atomically: true, encoding: .utf8)
        let sync = try await Programs.runDetached("ntm-bench", ["initial-sync", "--fixture", fixture.path], in: folder)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("\"rows\":1200"))
        #expect(sync.stdout.contains("\"hubPeakBytes\""))

        let bad = try await Programs.runDetached("ntm-bench", ["local-write", "--rows", "many"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--rows must be a whole number"))
    }

    @Test(arguments: [
        ("ntm", ["bogus"]), ("ntm", ["cleanup", "add"]), ("ntm", ["sync", "--page-size", "0"]),
        ("ntm-hub", ["token", "issue", "--role", "head"]), ("ntm-hub", ["serve", "--port", "70000"]),
        ("ntm", ["conflicts", "resolve", "x"]),
    ])
    func usageErrorsAreOneErrorLineAndExit2(program: String, arguments: [String]) async throws {
        let folder = FileManager.default.temporaryDirectory
        let result = try await Programs.runDetached(program, arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }
}
