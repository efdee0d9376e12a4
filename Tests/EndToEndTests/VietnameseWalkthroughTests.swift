import Foundation
import Testing

@testable import SyncCore

/// Issue 12: the README's walk-through in Vietnamese (`Hướng dẫn nhanh`), run with the
/// built programs as a hamlet head and a commune officer would, output checked. CI runs it
/// with the release binaries (`NTM_BIN_DIR`).
@Suite(.serialized) struct VietnameseWalkthroughTests {
    let folder: URL
    static let vietnamese = ["LANG": "vi_VN.UTF-8"]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-vi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @discardableResult
    func run(
        _ program: String, _ arguments: [String], db: String? = nil, expect status: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Programs.Result {
        var environment = Self.vietnamese
        if let db { environment["NTM_DB"] = db }
        let result = try await Programs.runDetached(program, arguments, in: folder, environment: environment)
        #expect(
            result.status == status, "\(program) \(arguments): \(result.stdout) \(result.stderr)",
            sourceLocation: sourceLocation)
        return result
    }

    func line(_ result: Programs.Result) -> String { result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test func aHamletHeadAndACommuneOfficerWorkInVietnamese() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Ban quản lý xã dựng hub.
        await #expect(
            line(try run("ntm-hub", ["init", "--commune", "Xã Tân Lập"])).hasSuffix(
                "đã ghi 19 tiêu chí quốc gia (tệp ntm-hub.sqlite)"))
        await #expect(
            line(try run("ntm-hub", ["init", "--commune", "Xã Tân Lập"]))
                == "ntm-hub.sqlite đã là hub của Xã Tân Lập; không thay đổi gì")
        let dong = await line(try run("ntm-hub", ["hamlet", "add", "Xóm Đông", "--head", "Nguyễn Văn An"]))
        try await run("ntm-hub", ["hamlet", "add", "Xóm Đoài"])
        try await run("ntm-hub", ["hamlet", "set", "Xóm Đông", "--target", "model", "--households", "120"])
        let issued = try await run("ntm-hub", ["token", "issue", "--hamlet", "Xóm Đông", "--role", "head", "--json"])
            .json(IssuedToken.self)
        #expect(issued.principal.hamletID == dong && issued.principal.name == "Nguyễn Văn An")
        let officer = await line(try run("ntm-hub", ["token", "issue", "--role", "reviewer", "--name", "Lê Văn Tám"]))
        let missing = try await run("ntm-hub", ["hamlet", "list", "--db", "sai.sqlite"], expect: 2)
        #expect(
            missing.stderr
                == "error: không có tệp hub tại sai.sqlite: hãy chỉ --db ĐƯỜNG_DẪN, hoặc tạo bằng ntm-hub init\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sai.sqlite").path))
        let (hub, url) = try await Programs.serve(db: "ntm-hub.sqlite", in: folder)
        defer { hub.kill9() }

        // Máy của trưởng xóm: ghi khi không có mạng, rồi đồng bộ (nhận 19 tiêu chí, 2 thôn/xóm và 1 lần sửa).
        try Data(issued.token.utf8).write(to: folder.appendingPathComponent("dong.token"))
        let initialized = try await run(
            "ntm", ["--db", "dong.sqlite", "init", "--hub", url, "--token-file", "dong.token"])
        #expect(
            initialized.stdout.contains("bản sao dữ liệu tại dong.sqlite: Nguyễn Văn An, trưởng Xóm Đông"),
            "\(initialized.stdout)")
        let head = "dong.sqlite"
        try await run(
            "ntm",
            [
                "cleanup", "add", "--date", "02/11/2026", "--participants", "40", "--households", "25", "--waste-kg",
                "120,5",
            ], db: head)
        let donation = await line(
            try run(
                "ntm",
                [
                    "donation", "add", "--donor", "Hoàng Văn Cường", "--area-m2", "100", "--assets-value-vnd",
                    "4.500.000 đ",
                ], db: head))
        try await run(
            "ntm", ["road", "add", "--name", "Ngõ 3", "--length-m", "120", "--width-before-m", "3,5", "--kind", "ngo"],
            db: head)
        let refused = try await run("ntm", ["cleanup", "add", "--date", "31/02/2026"], db: head, expect: 2)
        #expect(refused.stderr == "error: Ngày (cleanups.date): không có ngày này: tháng 2/2026 chỉ có 28 ngày\n")
        let ambiguous = try await run(
            "ntm", ["road", "add", "--name", "Ngõ 4", "--length-m", "1.500", "--width-before-m", "3"], db: head,
            expect: 2)
        #expect(ambiguous.stderr.hasPrefix("error: Dài (m) (road_segments.length_m): không rõ nghĩa"))
        let synced = try await run("ntm", ["sync"], db: head)
        #expect(
            synced.stdout.hasPrefix("đã gửi 3 thay đổi lên hub; đã nhận 22 thay đổi từ nơi khác"), "\(synced.stdout)")

        // `add` and `set` take the same flags; a row is named by the start of its id.
        let household = await line(try run("ntm", ["household", "add", "--name", "Nguyễn Văn Bảy"], db: head))
        let renamed = try await run(
            "ntm", ["household", "set", String(household.prefix(13)), "--name", "Nguyễn Văn Bẩy"], db: head)
        #expect(line(renamed).hasPrefix("đã sửa hộ Nguyễn Văn Bẩy ("), "\(renamed.stdout)")
        try await run(
            "ntm",
            [
                "household", "set", String(household.prefix(13)), "--head-name", "Nguyễn Văn Bảy", "--phone",
                "0912 345 678",
            ], db: head)
        let deleted = try await run("ntm", ["--json", "household", "delete", String(household.prefix(13))], db: head)
            .json([String: String].self)
        #expect(deleted == ["deleted": household, "table": "households"])

        // Máy của văn phòng xã.
        try await run("ntm", ["--db", "office.sqlite", "init", "--hub", url, "--token", officer])
        try await run("ntm", ["--db", "office.sqlite", "sync"])

        // Một xung đột: cả hai cùng sửa diện tích trước khi đồng bộ; mã rút gọn 13 ký tự là đủ.
        let short = String(donation.prefix(13))
        try await run("ntm", ["donation", "set", short, "--area-m2", "120"], db: head)
        try await run("ntm", ["--db", "office.sqlite", "donation", "set", short, "--area-m2", "110"])
        try await run("ntm", ["sync"], db: head)
        let conflicted = try await run("ntm", ["--db", "office.sqlite", "sync"])
        #expect(conflicted.stdout.contains("1 thay đổi của bạn xung đột với dữ liệu của xã"), "\(conflicted.stdout)")
        let listed = try await run("ntm", ["--db", "office.sqlite", "conflicts", "list"])
        #expect(listed.stdout.contains("đang mở  hiến đất Hoàng Văn Cường"), "\(listed.stdout)")
        #expect(listed.stdout.contains("Diện tích (m²)  hub 120 ↔ Lê Văn Tám 110"), "\(listed.stdout)")
        let conflicts = try await run("ntm", ["--db", "office.sqlite", "conflicts", "list", "--json"]).json(
            [ConflictRecord].self)
        let conflict = try #require(conflicts.first)
        let shown = try await run(
            "ntm", ["--db", "office.sqlite", "conflicts", "show", String(conflict.id.prefix(13))])
        for expected in [
            "gốc:      100", "hub:      120  bởi Nguyễn Văn An", "mới gửi:  110  bởi Lê Văn Tám", "(UTC+7)",
        ] {
            #expect(shown.stdout.contains(expected), "\(expected) in \(shown.stdout)")
        }
        try await run(
            "ntm",
            [
                "--db", "office.sqlite", "conflicts", "resolve", String(conflict.id.prefix(13)), "--value", "115,5",
                "--note", "đo lại tại thực địa",
            ])
        try await run("ntm", ["sync"], db: head)
        try await run("ntm", ["--db", "office.sqlite", "sync"])
        let donations = try await run("ntm", ["list", "donations"], db: head)
        #expect(donations.stdout.contains("Hoàng Văn Cường  115,5"), "\(donations.stdout)")
        #expect(donations.stdout.contains("4.500.000 đ"), "\(donations.stdout)")

        // Ghi chú: trưởng xóm sửa trước, văn phòng sửa sau và đồng bộ trước: bản của trưởng
        // xóm đến hub sau nhưng cũ hơn, nên mất (LWW) — và vẫn xem lại được.
        try await run("ntm", ["donation", "set", short, "--note", "đã cắm mốc"], db: head)
        try await Task.sleep(for: .milliseconds(20))
        try await run("ntm", ["--db", "office.sqlite", "donation", "set", short, "--note", "chờ đo lại"])
        try await run("ntm", ["--db", "office.sqlite", "sync"])
        let lostSync = try await run("ntm", ["sync"], db: head)
        #expect(lostSync.stdout.contains("1 trường bạn sửa đã có người sửa sau"), "\(lostSync.stdout)")
        let fromHub = try await run("ntm", ["--db", "office.sqlite", "history", short])
        for expected in [
            "Lịch sử hiến đất Hoàng Văn Cường", "theo nhật ký và vết kiểm tra của hub",
            "Diện tích (m²) = 110 — giữ lại chờ cán bộ xã (xung đột); hub giữ 120 của Nguyễn Văn An",
            "Diện tích (m²) = 115,5 — quyết định của cán bộ xã",
            "Ghi chú = đã cắm mốc — mất vì có bản sửa sau được giữ; giữ: chờ đo lại của Lê Văn Tám",
        ] {
            #expect(fromHub.stdout.contains(expected), "\(expected) in \(fromHub.stdout)")
        }
        let history = try await run("ntm", ["--db", "office.sqlite", "--json", "history", short]).json(RowHistory.self)
        let lost = try #require(history.events.first { $0.kind == .lost })
        #expect(lost.author == "Nguyễn Văn An" && lost.keptBy == "Lê Văn Tám" && lost.value == .text("đã cắm mốc"))
        #expect(history.events.filter { $0.column == "area_m2" && $0.value == .real(115.5) }.map(\.kind) == [.resolved])
        let held = try #require(history.events.first { $0.kind == .held })
        #expect(held.author == "Lê Văn Tám" && held.keptBy == "Nguyễn Văn An" && held.value == .real(110))
        let fromDevice = try await run("ntm", ["history", short], db: head)
        for expected in [
            "theo những gì máy này đã thấy", "Ghi chú = đã cắm mốc — mất vì có bản sửa sau được giữ",
            "Ghi chú = chờ đo lại",
        ] {
            #expect(fromDevice.stdout.contains(expected), "\(expected) in \(fromDevice.stdout)")
        }

        // Báo cáo của xã: văn bản, CSV, và JSON giống hệt của hub.
        let report = try await run("ntm", ["--db", "office.sqlite", "report", "month", "11/2026"])
        for expected in [
            "Báo cáo tháng 11/2026", "Xóm Đông       1", "120,5", "chưa tổ chức: Xóm Đoài", "ngõ xóm 120 m",
        ] {
            #expect(report.stdout.contains(expected), "\(expected) in \(report.stdout)")
        }
        let csv = try Programs.start(
            "ntm", ["--db", "office.sqlite", "--csv", "report", "month", "11/2026"], in: folder,
            environment: Self.vietnamese)
        csv.process.waitUntilExit()
        let bytes = try Data(contentsOf: csv.stdoutURL)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("Mã thôn/xóm,Thôn/xóm,Từ ngày"))
        let fromReplica = try await run("ntm", ["--db", "office.sqlite", "--json", "report", "month", "2026-11"]).json(
            CommuneReport.self)
        let hubReport = try await run("ntm-hub", ["report", "month", "11/2026", "--json"]).json(CommuneReport.self)
        #expect(fromReplica == hubReport)
        #expect(hubReport.totals.land.areaM2 == 115.5 && hubReport.cleanupMissed.map(\.name) == ["Xóm Đoài"])

        let status = try await run("ntm", ["status"], db: head)
        for expected in ["thay đổi chờ gửi: 0", "xung đột đang mở: 0", "lệch đồng hồ:"] {
            #expect(status.stdout.contains(expected), "\(expected) in \(status.stdout)")
        }
        await #expect(line(try run("ntm", ["--version"])) == BuildInfo.description)
    }

    @Test func theHelpInVietnameseMatchesItsSnapshot() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
        for (program, arguments, name) in [
            ("ntm", ["--help"], "help-ntm.vi.txt"),
            ("ntm", ["donation", "add", "--help"], "help-ntm-donation-add.vi.txt"),
            ("ntm", ["report", "candidates", "--help"], "help-ntm-report-candidates.vi.txt"),
            ("ntm-hub", ["--help"], "help-ntm-hub.vi.txt"),
        ] {
            let text = try await run(program, arguments).stdout
            // Issue 27: a line continuation written twice showed as a literal backslash.
            #expect(!text.contains("\\"), "\(name) shows a backslash")
            let file = snapshots.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["NTM_UPDATE_SNAPSHOTS"] == "1" {
                try Data(text.utf8).write(to: file)
            } else {
                #expect(text == (try String(contentsOf: file, encoding: .utf8)), "\(name) differs from its snapshot")
            }
        }
    }
}
