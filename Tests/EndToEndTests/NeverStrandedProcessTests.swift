import Foundation
import Testing

@testable import SyncCore

/// Issue 10 with the real programs: files copied with `sqlite3 .backup`, capture switched
/// off by the shell, an unreachable hub.
@Suite(.serialized) struct NeverStrandedProcessTests {
    typealias Commune = ProcessTests.Commune

    private func sqlite3(_ arguments: [String], in folder: URL) throws {
        let process = try ChildProcess(
            executable: "/usr/bin/env", arguments: ["sqlite3"] + arguments, directory: folder.path)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 \(arguments)")
    }

    @Test func aReplicaCopiedWithSqliteBackupKeepsBothCopiesRecordsOnce() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.ntm("dong", ["init", "--hub", url, "--token", commune.tokens["dong"] ?? ""])
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-01", "--note", "trước khi chép"])
        try await commune.ntm("dong", ["sync"])
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-02", "--note", "chưa gửi khi chép"])
        try sqlite3(["dong.sqlite", ".backup usb.sqlite"], in: commune.folder)

        for day in 3...5 {
            try await commune.ntm(
                "dong", ["cleanup", "add", "--date", "2026-11-0\(day)", "--note", "máy chính \(day)"])
            try await commune.ntm("usb", ["cleanup", "add", "--date", "2026-11-1\(day)", "--note", "bản chép \(day)"])
        }
        try await commune.ntm("dong", ["sync"])
        let copy = try await commune.ntm("usb", ["sync", "--json"])
        #expect(copy.stdout.contains("\"forked_to\""))
        for name in ["dong", "usb", "dong", "usb"] { try await commune.ntm(name, ["sync"]) }

        let notes = try await commune.hubRows("cleanups", for: Principal(role: .reviewer, name: "")).compactMap {
            $0["note"]?.text
        }
        let expected =
            ["trước khi chép", "chưa gửi khi chép"] + (3...5).map { "máy chính \($0)" }
            + (3...5).map { "bản chép \($0)" }
        #expect(notes.sorted() == expected.sorted(), "every record at the hub, once")
        for name in ["dong", "usb"] {
            let status = try await commune.ntm(name, ["status", "--json"]).json(ReplicaStatus.self)
            #expect(status.pendingChanges == 0)
            await #expect(try commune.ntm(name, ["list", "cleanups", "--json"]).json([SyncRow].self).count == 8)
        }
        let usb = try await commune.ntm("usb", ["status", "--json"]).json(ReplicaStatus.self)
        let dong = try await commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self)
        #expect(usb.formerReplicaIDs == [dong.replicaID])
    }

    /// Issue 28: the hub is stopped with SIGTERM (a service manager, a reboot) while three
    /// devices push long offline months: it stops cleanly, its file is whole, and after it
    /// starts again every record reaches it exactly once.
    @Test func sigtermWithSyncsInFlightStopsTheHubCleanlyAndLosesNothing() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        var (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        let names = ["dong", "doai", "office"]
        try await commune.join(names, hub: url)
        // A month offline each, written straight into the files (captured by the triggers).
        for (name, hamlet) in [("dong", commune.dongID), ("doai", commune.doaiID)] {
            try sqlite3(
                [
                    "\(name).sqlite",
                    """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
                    INSERT INTO cleanups (hamlet_id, date, participants, note)
                    SELECT '\(hamlet)', printf('2026-10-%02d', (i % 28) + 1), i, 'dọn đường ' || i FROM n;
                    """,
                ], in: commune.folder)
        }
        let syncs = try names.map { name in
            try Programs.start(
                "ntm", ["sync", "--page-size", "10"], in: commune.folder, environment: ["NTM_DB": "\(name).sqlite"])
        }
        // Stopped once the pushes are under way.
        let received = { () async throws -> Int in
            try await commune.hubRows("cleanups", for: Principal(role: .reviewer, name: "")).count
        }
        let deadline = Date().addingTimeInterval(30)
        while try await received() < 20, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        hub.process.terminate(SIGTERM)
        try await hub.wait(seconds: 30)
        #expect(!hub.process.isRunning, "SIGTERM stops the hub")
        #expect(hub.process.terminationStatus == 0, "a clean stop: \(hub.stderr)")
        for sync in syncs { try await sync.wait(seconds: 60) }
        try sqlite3(["hub.sqlite", "PRAGMA integrity_check"], in: commune.folder)

        // Started again on the same port: every device finishes, and nothing is lost or doubled.
        let port = Int(url.split(separator: ":").last ?? "") ?? 0
        (hub, _) = try await Programs.serve(db: "hub.sqlite", port: port, in: commune.folder)
        for _ in 0..<2 {
            for name in names { try await commune.ntm(name, ["sync"]) }
        }
        let cleanups = try await commune.hubRows("cleanups", for: Principal(role: .reviewer, name: ""))
        #expect(cleanups.count == 800)
        #expect(Set(cleanups.compactMap { $0["id"]?.text }).count == 800)
        for name in names {
            let status = try await commune.ntm(name, ["status", "--json"]).json(ReplicaStatus.self)
            #expect(status.pendingChanges == 0, "\(name)")
        }
    }

    @Test func captureSwitchedOffInTheShellIsFoundByCheckAndRepaired() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.ntm("dong", ["init", "--hub", url, "--token", commune.tokens["dong"] ?? ""])
        try await commune.ntm("dong", ["sync"])
        try sqlite3(
            [
                "dong.sqlite",
                "UPDATE sync_state SET applying = 1; INSERT INTO households (hamlet_id, head_name) VALUES ('\(commune.dongID)', 'Đinh Văn Khoa');",
            ], in: commune.folder)
        // Opening the file switches capture back on and captures the row: any command does.
        await #expect(try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).pendingChanges == 1)
        await #expect(try commune.ntm("dong", ["check"]).stdout.contains("no problems found"))

        // An outbox entry the shell made unreadable: `check` finds it; `--repair` sets it aside.
        try sqlite3(["dong.sqlite", "UPDATE sync_outbox SET new_values = '{\"head_name\": NaN'"], in: commune.folder)
        let found = try await commune.ntm("dong", ["check", "--json"], expect: 1).json(CheckReport.self)
        #expect(found.problems.contains { $0.contains("cannot be read") })
        let repaired = try await commune.ntm("dong", ["check", "--repair", "--json"]).json(CheckReport.self)
        #expect(repaired.changesSetAside == 1)
        let status = try await commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self)
        #expect(status.setAside.count == 1)
        try await commune.ntm(
            "dong", ["discard", "--set-aside", "\(status.setAside.first?.id ?? 0)", "--to", "kept.json"])
        let kept = try String(contentsOf: commune.folder.appendingPathComponent("kept.json"), encoding: .utf8)
        #expect(kept.contains("NaN"))
        try await commune.ntm("dong", ["check", "--repair"])
        try await commune.ntm("dong", ["sync"])
        let names = try await commune.hubRows("households", for: Principal(role: .reviewer, name: "")).compactMap {
            $0["head_name"]?.text
        }
        #expect(names == ["Đinh Văn Khoa"], "the row itself was captured again from what the file shows")
        await #expect(try commune.ntm("dong", ["check"]).stdout.contains("no problems found"))
    }

    @Test func anUnreachableHubFailsFastInOneLineAndAReviewerStillReadsOffline() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        try await commune.ntm("office", ["init", "--hub", url, "--token", commune.tokens["office"] ?? ""])
        try await commune.ntm("office", ["sync"])
        // A reviewer names a hamlet by its name; an unknown one is refused with exit 2.
        try await commune.ntm("office", ["cleanup", "add", "--hamlet", "Xóm Đông", "--date", "2026-11-20"])
        let unknown = try await commune.ntm(
            "office", ["cleanup", "add", "--hamlet", "Xóm Nam", "--date", "2026-11-20"], expect: 2)
        #expect(unknown.stderr.hasPrefix("error: hamlets.hamlet: no hamlet has the id or name 'Xóm Nam'"))
        hub.kill9()

        let started = Date()
        let failed = try await commune.ntm("office", ["sync"], expect: 1)
        #expect(Date().timeIntervalSince(started) < 10, "a refused connection is reported at once")
        #expect(failed.stderr.split(separator: "\n").count == 1)
        #expect(failed.stderr.contains("connection was refused"))
        #expect(failed.stderr.contains("1 change(s) stay pending"))

        // Read-only commands work from the replica, saying how old their data is.
        let listed = try await commune.ntm("office", ["conflicts", "list"])
        #expect(listed.stderr.hasPrefix("offline: "))
        #expect(listed.stderr.contains("last synced"))
        try await commune.ntm("office", ["list", "hamlets"])
        try await commune.ntm("office", ["status"])
    }

    @Test func aHubRestoredFromABackupTakenMidRunIsRefilledByItsReplicas() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        var (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        for name in ["dong", "doai", "office"] {
            try await commune.ntm(name, ["init", "--hub", url, "--token", commune.tokens[name] ?? ""])
        }
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-01", "--note", "trước sao lưu"])
        for name in ["dong", "doai", "office"] { try await commune.ntm(name, ["sync"]) }
        // Last night's backup, taken while the hub runs.
        let backup = try await Programs.runDetached(
            "ntm-hub", ["backup", "nightly.sqlite", "--db", "hub.sqlite"], in: commune.folder)
        #expect(backup.status == 0, "\(backup.stderr)")

        // A day's work after the backup.
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-02", "--note", "sau sao lưu 1"])
        try await commune.ntm("doai", ["household", "add", "--name", "Lò Thị Xuân"])
        try await commune.ntm(
            "office", ["cleanup", "add", "--hamlet", "Xóm Đoài", "--date", "2026-11-03", "--note", "xã ghi"])
        for name in ["dong", "doai", "office", "dong", "doai"] { try await commune.ntm(name, ["sync"]) }
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-04", "--note", "chưa gửi"])

        // The disk dies: the hub is stopped and last night's copy put back.
        hub.kill9()
        let restored = try await Programs.runDetached(
            "ntm-hub", ["restore", "nightly.sqlite", "--db", "hub.sqlite"], in: commune.folder)
        #expect(restored.status == 0, "\(restored.stderr)")
        (hub, url) = try await Programs.serve(
            db: "hub.sqlite", port: Int(url.split(separator: ":").last ?? "0") ?? 0, in: commune.folder)
        defer { hub.kill9() }
        for _ in 0..<2 {
            for name in ["doai", "dong", "office"] { try await commune.ntm(name, ["sync"]) }
        }

        let reviewer = Principal(role: .reviewer, name: "")
        let notes = try await commune.hubRows("cleanups", for: reviewer).compactMap { $0["note"]?.text }
        #expect(notes.sorted() == ["chưa gửi", "sau sao lưu 1", "trước sao lưu", "xã ghi"].sorted())
        #expect(
            try await commune.hubRows("households", for: reviewer).compactMap { $0["head_name"]?.text } == [
                "Lò Thị Xuân"
            ])
        for name in ["dong", "doai", "office"] {
            let status = try await commune.ntm(name, ["status", "--json"]).json(ReplicaStatus.self)
            #expect(status.pendingChanges == 0, "\(name)")
        }
    }
}
