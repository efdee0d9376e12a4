import Foundation
import SyncCore
import Testing

/// Issue 27: every command that writes a file leaves a file that exists as it is, unless
/// told `--force`, and then replaces it whole. (Before, `replaceItemAt` on Linux deleted the
/// file there and wrote nothing.)
@Suite(.serialized) struct OutputFileProcessTests {
    typealias Commune = ProcessTests.Commune

    static let precious = "precious notes\n"

    func plant(_ name: String, in commune: Commune) throws {
        try Data(Self.precious.utf8).write(to: commune.folder.appendingPathComponent(name))
    }

    func contents(_ name: String, in commune: Commune) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: commune.folder.appendingPathComponent(name)))
    }

    func expectUntouched(_ name: String, in commune: Commune, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            (try? contents(name, in: commune)) == Array(Self.precious.utf8), "\(name) was changed",
            sourceLocation: sourceLocation)
    }

    @Test func everyCommandThatWritesAFileKeepsOneThatExistsUnlessForced() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.join(["dong", "office"], hub: url)
        let donation = try await commune.ntm(
            "dong", ["donation", "add", "--donor", "Hoàng Văn Cường", "--area-m2", "100"]
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        // ntm bundle export
        try plant("notes.txt", in: commune)
        let export = try await commune.ntm("dong", ["bundle", "export", "notes.txt", "--lang", "vi"], expect: 2)
        #expect(export.stderr.contains("notes.txt đã có và được giữ nguyên"), "\(export.stderr)")
        expectUntouched("notes.txt", in: commune)
        try await commune.ntm("dong", ["bundle", "export", "dong.ntmb"])
        let first = try contents("dong.ntmb", in: commune)
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-02"])
        try await commune.ntm("dong", ["bundle", "export", "dong.ntmb"], expect: 2)
        #expect(try contents("dong.ntmb", in: commune) == first, "a second export leaves the first")
        try await commune.ntm("dong", ["bundle", "export", "dong.ntmb", "--force"])
        #expect(try contents("dong.ntmb", in: commune) != first, "--force replaces it")

        // ntm-hub bundle import --reply: twice with the same reply refuses before importing.
        @discardableResult
        func hubImport(_ extra: [String] = [], expect status: Int32) async throws -> Programs.Result {
            let result = try await Programs.runDetached(
                "ntm-hub", ["bundle", "import", "dong.ntmb", "--reply", "reply.ntmb", "--db", "hub.sqlite"] + extra,
                in: commune.folder)
            #expect(result.status == status, "\(result.stderr)")
            return result
        }
        try await hubImport(expect: 0)
        let reply = try contents("reply.ntmb", in: commune)
        let again = try await hubImport(expect: 2)
        #expect(again.stderr.contains("reply.ntmb already exists"), "\(again.stderr)")
        #expect(try contents("reply.ntmb", in: commune) == reply)
        try plant("office-notes.txt", in: commune)
        let hubRefused = try await Programs.runDetached(
            "ntm-hub", ["bundle", "import", "dong.ntmb", "--reply", "office-notes.txt", "--db", "hub.sqlite"],
            in: commune.folder)
        #expect(hubRefused.status == 2)
        expectUntouched("office-notes.txt", in: commune)
        try await hubImport(["--force"], expect: 0)
        #expect(try !contents("reply.ntmb", in: commune).isEmpty)

        // ntm bundle relay --reply
        try await commune.ntm("office", ["bundle", "relay", "dong.ntmb", "--reply", "office-notes.txt"], expect: 2)
        expectUntouched("office-notes.txt", in: commune)
        try await commune.ntm("office", ["bundle", "relay", "dong.ntmb", "--reply", "office-notes.txt", "--force"])
        #expect(try contents("office-notes.txt", in: commune) != Array(Self.precious.utf8))

        // ntm attachments get --out
        var photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
        photo += (0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(photo).write(to: commune.folder.appendingPathComponent("bien-ban.jpg"))
        let attachment = try await commune.ntm("dong", ["attach", "donations", donation, "bien-ban.jpg"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try plant("photo-notes.txt", in: commune)
        let get = try await commune.ntm(
            "dong", ["attachments", "get", attachment, "--out", "photo-notes.txt"], expect: 2)
        #expect(get.stderr.contains("photo-notes.txt already exists"), "\(get.stderr)")
        expectUntouched("photo-notes.txt", in: commune)
        try await commune.ntm("dong", ["attachments", "get", attachment, "--out", "photo-notes.txt", "--force"])
        #expect(try contents("photo-notes.txt", in: commune) == photo)

        // ntm discard --to
        let pending = try await commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self)
        #expect(pending.pendingChanges > 0)
        try plant("discard-notes.txt", in: commune)
        try await commune.ntm("dong", ["discard", "1", "--to", "discard-notes.txt", "--yes"], expect: 2)
        expectUntouched("discard-notes.txt", in: commune)
        await #expect(
            try commune.ntm("dong", ["status", "--json"]).json(ReplicaStatus.self).pendingChanges
                == pending.pendingChanges)

        // ntm-hub backup: refused over a file, replaced whole with --force.
        try plant("backup.sqlite", in: commune)
        let backup = try await Programs.runDetached(
            "ntm-hub", ["backup", "backup.sqlite", "--db", "hub.sqlite"], in: commune.folder)
        #expect(backup.status == 2, "\(backup.stderr)")
        expectUntouched("backup.sqlite", in: commune)
        let forced = try await Programs.runDetached(
            "ntm-hub", ["backup", "backup.sqlite", "--db", "hub.sqlite", "--force"], in: commune.folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try contents("backup.sqlite", in: commune).starts(with: Array("SQLite format 3".utf8)))

        // Nothing half-written is left beside them.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: commune.folder.path)
            .filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aFileWrittenWholeIsPrivateAndRefusesToReplaceUnlessAsked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("reply.ntmb").path
        try PrivateFile.write(Array("một".utf8), to: path, replacing: false)
        #expect(throws: PrivateFile.WriteFailure.exists) {
            try PrivateFile.write(Array("hai".utf8), to: path, replacing: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "một")
        try PrivateFile.write(Array("hai".utf8), to: path, replacing: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hai")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Where the folder has no hard links (a USB stick's FAT), the same: a file there is
        // kept, a new name written whole.
        let stick = folder.appendingPathComponent("stick.ntmb").path
        try PrivateFile.write(Array("một".utf8), to: stick, replacing: false, hardLinks: false)
        #expect(throws: PrivateFile.WriteFailure.exists) {
            try PrivateFile.write(Array("hai".utf8), to: stick, replacing: false, hardLinks: false)
        }
        #expect(try String(contentsOfFile: stick, encoding: .utf8) == "một")
        try FileManager.default.removeItem(atPath: stick)
        // A folder in the way is never replaced by a file.
        let dir = folder.appendingPathComponent("dir").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        #expect(throws: PrivateFile.WriteFailure.self) { try PrivateFile.write([1], to: dir, replacing: true) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["dir", "reply.ntmb"])
    }
}
