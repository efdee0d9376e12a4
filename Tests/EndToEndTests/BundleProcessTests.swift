import Foundation
import SyncCore
import Testing

/// Issue 14, with the real programs: a hamlet's records go to the office on a file and
/// come back resolved on another, through `ntm-hub bundle import` at the office or a
/// reviewer's `ntm bundle relay` over the network; altered and foreign files are refused
/// in the user's language and change nothing.
@Suite(.serialized) struct BundleProcessTests {
    typealias Commune = ProcessTests.Commune

    @Test func aHamletSyncsByFileThroughTheOfficeAndThroughARelay() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        for name in ["dong", "office"] {
            try await commune.ntm(name, ["init", "--hub", url, "--token", commune.tokens[name] ?? ""])
        }
        // No signal from here on for Xóm Đông.
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-02", "--participants", "38"])
        try await commune.ntm("dong", ["donation", "add", "--donor", "Hoàng Văn Cường", "--area-m2", "100"])
        let export = try await commune.ntm("dong", ["bundle", "export", "dong.ntmb", "--lang", "vi"])
        #expect(export.stdout.contains("đã ghi dong.ntmb"), "\(export.stdout)")
        #expect(export.stdout.contains("2 thay đổi"))

        // At the office, beside the running hub.
        let imported = try await Programs.runDetached(
            "ntm-hub",
            ["bundle", "import", "dong.ntmb", "--reply", "dong-reply.ntmb", "--db", "hub.sqlite", "--lang", "vi"],
            in: commune.folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("nhận 2 thay đổi"), "\(imported.stdout)")
        #expect(imported.stdout.contains("Nguyễn Văn An"), "the head the device speaks for")
        let onHub = try await commune.hubRows("land_donations", for: Principal(role: .reviewer, name: "test"))
        #expect(onHub.map { $0["donor_name"] } == [.text("Hoàng Văn Cường")])

        let applied = try await commune.ntm("dong", ["bundle", "import", "dong-reply.ntmb", "--lang", "vi"])
        #expect(applied.stdout.contains("hub đã nhận 2 thay đổi từ tệp gói của bạn"), "\(applied.stdout)")
        await #expect(try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).pendingChanges == 0)
        // The same reply again: nothing new, nothing changed.
        let again = try await commune.ntm("dong", ["bundle", "import", "dong-reply.ntmb", "--lang", "vi"])
        #expect(again.stdout.contains("không có gì mới"), "\(again.stdout)")

        // Through a reviewer's ntm, over the network: the office's news comes back too.
        try await commune.ntm("office", ["sync"])
        try await commune.ntm("office", ["household", "add", "--name", "Lò Văn Sùng", "--hamlet", commune.dongID])
        try await commune.ntm("office", ["sync"])
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-09", "--participants", "41"])
        try await commune.ntm("dong", ["bundle", "export", "week2.ntmb"])
        let relayed = try await commune.ntm("office", ["bundle", "relay", "week2.ntmb", "--reply", "week2-reply.ntmb"])
        #expect(relayed.stdout.contains("week2-reply.ntmb"), "\(relayed.stdout)")
        try await commune.ntm("dong", ["bundle", "import", "week2-reply.ntmb"])
        let households = try await commune.ntm("dong", ["list", "households", "--json"]).json([SyncRow].self)
        #expect(households.map { $0["head_name"] } == [.text("Lò Văn Sùng")])
        await #expect(try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).pendingChanges == 0)
        // A head's token cannot relay.
        try await commune.ntm("dong", ["bundle", "export", "week3.ntmb"])
        let refused = try await commune.ntm("dong", ["bundle", "relay", "week3.ntmb", "--reply", "x.ntmb"], expect: 1)
        #expect(refused.stderr.contains("reviewer"), "\(refused.stderr)")
    }

    @Test func alteredForeignAndMistakenFilesAreRefusedInTheUsersLanguage() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        for name in ["dong", "doai"] {
            try await commune.ntm(name, ["init", "--hub", url, "--token", commune.tokens[name] ?? ""])
        }
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-02", "--note", "Dọn kênh mương"])
        try await commune.ntm("dong", ["bundle", "export", "dong.ntmb"])
        let file = commune.folder.appendingPathComponent("dong.ntmb")
        var bytes = [UInt8](try Data(contentsOf: file))

        func hubImport(_ name: String, reply: String = "r.ntmb") async throws -> Programs.Result {
            try await Programs.runDetached(
                "ntm-hub", ["bundle", "import", name, "--reply", reply, "--db", "hub.sqlite", "--lang", "vi"],
                in: commune.folder)
        }
        // One byte altered in the compressed body.
        bytes[bytes.count - 12] ^= 0x40
        try Data(bytes).write(to: commune.folder.appendingPathComponent("altered.ntmb"))
        let altered = try await hubImport("altered.ntmb")
        #expect(altered.status == 2)
        #expect(altered.stderr.contains("altered.ntmb: tệp gói"), "\(altered.stderr)")
        // A text file renamed.
        try Data("Biên bản họp thôn".utf8).write(to: commune.folder.appendingPathComponent("notes.ntmb"))
        let notes = try await hubImport("notes.ntmb")
        #expect(notes.status == 2)
        #expect(notes.stderr.contains("không phải tệp gói NTM Sync"), "\(notes.stderr)")
        // Another hamlet's device cannot import the reply meant for Xóm Đông.
        await #expect(try hubImport("dong.ntmb").status == 0)
        let foreign = try await commune.ntm("doai", ["bundle", "import", "r.ntmb", "--lang", "vi"], expect: 2)
        #expect(foreign.stderr.contains("dành cho thiết bị khác"), "\(foreign.stderr)")
        // A bundle offered as a reply, and a reply offered to the hub.
        let mistaken = try await commune.ntm("dong", ["bundle", "import", "dong.ntmb", "--lang", "vi"], expect: 2)
        #expect(mistaken.stderr.contains("không phải tệp trả lời"), "\(mistaken.stderr)")
        let backwards = try await hubImport("r.ntmb", reply: "r2.ntmb")
        #expect(backwards.status == 2)
        #expect(backwards.stderr.contains("là tệp trả lời của hub"), "\(backwards.stderr)")
        // Sizes out of bounds, and a directory.
        let tiny = try await commune.ntm("dong", ["bundle", "export", "x.ntmb", "--max-size", "1KB"], expect: 2)
        #expect(tiny.stderr.contains("--max-size"), "\(tiny.stderr)")
        let folder = try await hubImport(".")
        #expect(folder.status == 2, "\(folder.stderr)")
        // Nothing of the refused files reached the hub twice or at all.
        let cleanups = try await commune.hubRows("cleanups", for: Principal(role: .reviewer, name: "test"))
        #expect(cleanups.count == 1)
    }
}
