import Foundation
import SyncCore
import Testing

/// Issue 27: what a new user met first, with the real programs: a token never echoed, a
/// mistyped command named, a taken port explained, hints that keep the `--db` that chose
/// the replica, the pending changes listed with their numbers.
@Suite(.serialized) struct FirstUseProcessTests {
    typealias Commune = ProcessTests.Commune

    @Test func aTokenIsNeverEchoedAndTokenSetTakesItAsAnArgument() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        let token = try #require(commune.tokens["dong"])
        let secret = String(token.suffix(64))
        try await commune.ntm("dong", ["init", "--hub", url, "--token", token])

        // A stray word after the token: refused without showing the secret.
        let stray = try await commune.ntm("dong", ["token", "set", token, "extra"], expect: 2)
        #expect(!stray.stderr.contains(secret), "\(stray.stderr)")
        #expect(stray.stderr.hasPrefix("error: "))
        let unknown = try await commune.ntm("dong", ["init", "--hub", url, "--tokn", token], expect: 2)
        #expect(!unknown.stderr.contains(secret), "\(unknown.stderr)")

        // ntm-hub token replace's help says `ntm token set NEW`: that form works.
        let listed = try await Programs.runDetached(
            "ntm-hub", ["token", "list", "--json", "--db", "hub.sqlite"], in: commune.folder
        )
        .json([TokenInfo].self)
        let old = try #require(listed.first { $0.hamletID == commune.dongID })
        let replaced = try await Programs.runDetached(
            "ntm-hub", ["token", "replace", old.id, "--db", "hub.sqlite"], in: commune.folder)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let new = replaced.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let set = try await commune.ntm("dong", ["token", "set", new])
        #expect(set.stdout.contains("Nguyễn Văn An"), "\(set.stdout)")
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-02"])
        await #expect(try commune.ntm("dong", ["sync"]).stdout.hasPrefix("sent 1 change(s)"))
        let help = try await Programs.runDetached("ntm-hub", ["token", "replace", "--help"], in: commune.folder)
        #expect(help.stdout.contains("ntm token set"), "\(help.stdout)")
    }

    @Test func aMistypedCommandIsNamedWithTheNearestOne() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let typo = try await Programs.runDetached("ntm", ["--db", "x.sqlite", "statuss"], in: commune.folder)
        #expect(typo.status == 2)
        #expect(typo.stderr == "error: ntm has no command 'statuss'; did you mean 'status'? (ntm --help lists them)\n")
        let vietnamese = try await Programs.runDetached("ntm-hub", ["--lang", "vi", "devicse"], in: commune.folder)
        #expect(vietnamese.stderr.contains("ntm-hub không có lệnh 'devicse'; có phải ý bạn là 'devices'?"))
        #expect(!FileManager.default.fileExists(atPath: commune.folder.appendingPathComponent("x.sqlite").path))
    }

    @Test func aTakenPortIsNamedWithWhatToDo() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        let port = try #require(url.split(separator: ":").last.map(String.init))
        let second = try await Programs.runDetached(
            "ntm-hub", ["serve", "--db", "hub.sqlite", "--port", port], in: commune.folder)
        #expect(second.status == 1)
        #expect(
            second.stderr.contains("port \(port) on 127.0.0.1 is already taken")
                && second.stderr.contains("choose another port with --port"), "\(second.stderr)")
        #expect(!second.stderr.contains("errno"), "\(second.stderr)")
    }

    @Test func hintsToPasteKeepTheReplicaThatWasChosen() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        @discardableResult
        func ntm(_ arguments: [String], expect status: Int32 = 0) async throws -> Programs.Result {
            let result = try await Programs.runDetached("ntm", arguments, in: commune.folder)
            #expect(result.status == status, "ntm \(arguments): \(result.stderr)")
            return result
        }
        let initialised = try await ntm([
            "--db", "my phone.sqlite", "init", "--hub", url, "--token", commune.tokens["dong"] ?? "",
        ])
        #expect(initialised.stdout.contains("next: ntm --db 'my phone.sqlite' sync"), "\(initialised.stdout)")
        #expect(initialised.stdout.contains("head of Xóm Đông"), "the hamlet by name: \(initialised.stdout)")
        try await ntm(["--db", "office.sqlite", "init", "--hub", url, "--token", commune.tokens["office"] ?? ""])
        try await ntm(["--db", "my phone.sqlite", "sync"])
        try await ntm(["--db", "office.sqlite", "sync"])

        // What waits, with its number, and the command to drop one for this replica.
        let household = try await ntm(["--db", "my phone.sqlite", "household", "add", "--name", "Nhập nhầm"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = try await ntm(["--db", "my phone.sqlite", "status"])
        #expect(status.stdout.contains("(listed by ntm --db 'my phone.sqlite' pending)"), "\(status.stdout)")
        #expect(status.stdout.contains("(Nguyễn Văn An, Xóm Đông)"), "\(status.stdout)")
        let pending = try await ntm(["--db", "my phone.sqlite", "pending"])
        #expect(pending.stdout.contains("add household Nhập nhầm ("), "\(pending.stdout)")
        #expect(pending.stdout.contains("ntm --db 'my phone.sqlite' discard NUMBER"), "\(pending.stdout)")
        let numbered = try await ntm(["--db", "my phone.sqlite", "pending", "--json"]).json([PendingChange].self)
        #expect(numbered.map(\.rowID) == [household] && numbered.first?.fields == ["head_name"])

        // A conflict: the hint to resolve it names the office's replica.
        let donation = try await ntm([
            "--db", "my phone.sqlite", "donation", "add", "--donor", "Hộ ông Sáu", "--area-m2", "50",
        ])
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try await ntm(["--db", "my phone.sqlite", "sync"])
        try await ntm(["--db", "office.sqlite", "sync"])
        try await ntm(["--db", "my phone.sqlite", "donation", "set", donation, "--area-m2", "60"])
        try await ntm(["--db", "office.sqlite", "donation", "set", donation, "--area-m2", "55"])
        try await ntm(["--db", "my phone.sqlite", "sync"])
        let conflicted = try await ntm(["--db", "office.sqlite", "sync"])
        #expect(conflicted.stdout.contains("the hub kept 60 (Nguyễn Văn An); yours, 55"), "\(conflicted.stdout)")
        #expect(conflicted.stdout.contains("(ntm --db office.sqlite conflicts show "), "\(conflicted.stdout)")
        let conflict = try await #require(
            try ntm(["--db", "office.sqlite", "conflicts", "list", "--json"]).json([ConflictRecord].self).first)
        let shown = try await ntm(["--db", "office.sqlite", "conflicts", "show", String(conflict.id.prefix(13))])
        #expect(shown.stdout.contains("ntm --db office.sqlite conflicts resolve "), "\(shown.stdout)")
        // `history` takes the conflict's id and shows its row's.
        let history = try await ntm(["--db", "office.sqlite", "history", String(conflict.id.prefix(13))])
        #expect(history.stdout.contains("Hộ ông Sáu"), "\(history.stdout)")
    }

    @Test func rowsMadeInTheSameMinuteAreShownByIdsThatNameOneRow() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.join(["dong"], hub: url)
        // Rows of several tables within one minute share their first 8 characters.
        for day in 1...3 { try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-11-0\(day)"]) }
        // One road: alone in its table, 8 characters told it from the other roads, not from
        // the cleanups (the list showed 8, and `history` found 4 rows for them).
        try await commune.ntm("dong", ["road", "add", "--name", "Ngõ 1", "--length-m", "100", "--width-before-m", "3"])
        let listed = try await commune.ntm("dong", ["list", "roads"]).stdout
        let roads = try await commune.ntm("dong", ["list", "roads", "--json"]).json([SyncRow].self)
        for road in roads {
            // The id as the list shows it names this row alone, in `history` as everywhere.
            let shown = try #require(
                listed.components(separatedBy: .whitespacesAndNewlines).first {
                    $0.count >= 8 && road.id.hasPrefix($0)
                },
                "\(road.id) in \(listed)")
            let history = try await commune.ntm("dong", ["history", shown])
            #expect(history.stdout.contains(road.text("name")), "\(shown): \(history.stdout)")
        }
    }

    @Test func anAttachmentIsTakenByItsIdOrItsContentsSHA256() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.join(["dong"], hub: url)
        let donation = try await commune.ntm("dong", ["donation", "add", "--donor", "Hộ bà Xuân", "--area-m2", "64"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 500)
        try Data(photo).write(to: commune.folder.appendingPathComponent("so-do.png"))
        // The table's word as the record commands spell it, one or many.
        try await commune.ntm("dong", ["attach", "donation", donation, "so-do.png"])
        let listed = try await commune.ntm("dong", ["attachments", "list"]).stdout
        #expect(listed.contains("donation") && !listed.contains("land_donations"), "\(listed)")
        let sha = BlobContent.digest(photo)
        try await commune.ntm("dong", ["attachments", "get", String(sha.prefix(12)), "--out", "copy.png"])
        #expect([UInt8](try Data(contentsOf: commune.folder.appendingPathComponent("copy.png"))) == photo)
        try await commune.ntm("dong", ["attachments", "get", sha, "--out", "copy2.png"])
    }

    /// Every command prints stable JSON with `--json`, as the README says; `serve` and
    /// `demo` print no result, and `TABLE set` reads every flag itself (`--json` among them).
    @Test(arguments: ["ntm", "ntm-hub"]) func everyCommandTakesJSON(_ program: String) async throws {
        struct Dump: Decodable {
            struct Command: Decodable {
                struct Argument: Decodable {
                    struct Name: Decodable { let name: String }
                    let names: [Name]?
                }
                let commandName: String
                let arguments: [Argument]?
                let subcommands: [Command]?
            }
            let command: Command
        }
        let folder = FileManager.default.temporaryDirectory
        let dump = try await Programs.runDetached(program, ["--experimental-dump-help"], in: folder).json(Dump.self)
        var missing: [String] = []
        func walk(_ command: Dump.Command, _ path: [String]) {
            let subcommands = (command.subcommands ?? []).filter { $0.commandName != "help" }
            guard subcommands.isEmpty else {
                for sub in subcommands { walk(sub, path + [sub.commandName]) }
                return
            }
            let names = (command.arguments ?? []).flatMap { $0.names ?? [] }.map(\.name)
            if !names.contains("json") { missing.append(path.joined(separator: " ")) }
        }
        walk(dump.command, [program])
        let exempt = [
            "ntm-hub serve", "ntm-hub demo", "ntm household set", "ntm cleanup set", "ntm road set", "ntm donation set",
            "ntm contribution set",
        ]
        #expect(missing.filter { !exempt.contains($0) } == [])
    }

    @Test func aRecordIsShownAloneAndListsFilterByMonthAndHamlet() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        try await commune.join(["dong", "doai", "office"], hub: url)
        let november = try await commune.ntm(
            "dong", ["cleanup", "add", "--date", "2026-11-03", "--participants", "31"]
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try await commune.ntm("dong", ["cleanup", "add", "--date", "2026-10-03"])
        try await commune.ntm("doai", ["cleanup", "add", "--date", "2026-11-20"])
        for name in ["dong", "doai", "office"] { try await commune.ntm(name, ["sync"]) }

        let month = try await commune.ntm("office", ["list", "cleanups", "--month", "11/2026", "--json"]).json(
            [SyncRow].self)
        #expect(Set(month.compactMap { $0["date"]?.text }) == ["2026-11-03", "2026-11-20"])
        let dong = try await commune.ntm(
            "office", ["list", "cleanups", "--month", "2026-11", "--hamlet", "Xóm Đông", "--json"]
        ).json([SyncRow].self)
        #expect(dong.map(\.id) == [november])
        let refused = try await commune.ntm("office", ["list", "households", "--month", "2026-11"], expect: 2)
        #expect(refused.stderr.contains("--month"), "\(refused.stderr)")

        let shown = try await commune.ntm("office", ["--lang", "vi", "show", String(november.prefix(13))])
        for expected in ["tổng vệ sinh 03/11/2026", "Thôn/xóm", "Xóm Đông", "Số người", "31", "đã gửi lên hub"] {
            #expect(shown.stdout.contains(expected), "\(expected) in \(shown.stdout)")
        }
        let json = try await commune.ntm("office", ["show", november, "--json"]).stdout
        #expect(json.contains("\"table\" : \"cleanups\""), "\(json)")
    }

    /// The README documents tab completion: the script each program writes is valid bash and
    /// knows the commands, in either language.
    @Test(arguments: ["ntm", "ntm-hub"]) func tabCompletionScriptsAreValidBash(_ program: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ntm-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = try await Programs.runDetached(
            program, ["--generate-completion-script", "bash"], in: folder, environment: ["LANG": "vi_VN.UTF-8"])
        #expect(script.status == 0)
        #expect(script.stdout.contains(program == "ntm" ? "pending" : "devices"))
        try Data(script.stdout.utf8).write(to: folder.appendingPathComponent("completion.bash"))
        let checked = try await Programs.runDetached("/bin/bash", ["-n", "completion.bash"], in: folder)
        #expect(checked.status == 0, "\(checked.stderr)")
    }

    /// A token issued for a hamlet with no head named is held by `trưởng <hamlet>`, in
    /// Vietnamese, as the office would write it.
    @Test func aTokensDefaultHolderIsNamedInVietnamese() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        func hub(_ arguments: [String]) async throws -> Programs.Result {
            try await Programs.runDetached("ntm-hub", arguments + ["--db", "hub.sqlite"], in: commune.folder)
        }
        let added = try await hub(["hamlet", "add", "Xóm 14"])
        #expect(added.status == 0)
        let issued = try await hub(["token", "issue", "--hamlet", "Xóm 14", "--role", "head", "--json"]).json(
            IssuedToken.self)
        #expect(issued.principal.name == "trưởng Xóm 14")
    }
}
