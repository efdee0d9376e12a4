import CommandSupport
import Foundation
import Testing

@testable import SyncCore

/// Issue 13: the commune office's page in a real browser (Debian's chromium through
/// chromedriver, `Tests/Browser/office_page.py`), against the built `ntm-hub` over TLS:
/// a head's token is refused, a reviewer signs in, the page reads well at phone and desktop
/// widths, every figure equals `ntm-hub report`'s JSON, and an expired session goes back to
/// sign-in. `.ci/run` installs the browser and sets NTM_REQUIRE_BROWSER=1, so there it
/// cannot be skipped.
@Suite struct OfficePageBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/office_page.py").path

    static var browserAvailable: Bool {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import selenium"]
        python.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), (try? python.run()) != nil
        else { return false }
        python.waitUntilExit()
        return python.terminationStatus == 0
    }

    static var enabled: Bool {
        ProcessInfo.processInfo.environment["NTM_REQUIRE_BROWSER"] == "1" || browserAvailable
    }

    struct PageFigure: Decodable {
        let hamlet: String?
        let figure: String
        let value: String?
        let text: String
    }

    struct Cookie: Decodable {
        let name: String
        let httpOnly: Bool
        let secure: Bool
        let sameSite: String?
    }

    struct Width: Decodable {
        let viewport: Int
        let content: Int
        let screenshot: String
        let bars: Int
        let device_cell_tops: [Double]
    }

    struct BrowserResult: Decodable {
        let head_refused: Bool
        let head_cookie: [String]
        let url_after_sign_in: String
        let title: String
        let cookies: [Cookie]
        let scripts: Int
        let html_lang: String
        let text: String
        let figures: [PageFigure]
        let widths: [String: Width]
        let url_after_cookie_expiry: String
        let url_after_expiry: String
        let expired_message: Bool
    }

    @Test(.enabled(if: enabled)) func theOfficeSeesTheReportsFiguresInABrowserAndOnlyWithAReviewerToken()
        async throws
    {
        let commune = try ProcessTests.Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let made = try await Programs.runDetached(
            "ntm-hub", ["tls", "self-signed", "--dir", "tls", "--host", "127.0.0.1"], in: commune.folder)
        #expect(made.status == 0, "\(made.stderr)")
        let sessionSeconds = 30
        let (hub, url) = try await Programs.serve(
            db: "hub.sqlite", in: commune.folder,
            extra: [
                "--tls-cert", "tls/hub.pem", "--tls-key", "tls/hub-key.pem", "--session-seconds", "\(sessionSeconds)",
            ])
        defer { hub.kill9() }

        // A month's work in two hamlets, and a conflict between a head and the office.
        let month = Format.today().monthText
        let day = "\(month)-01"
        func ntm(_ name: String, _ arguments: [String]) async throws {
            try await commune.ntm(name, arguments)
        }
        try await ntm(
            "dong", ["init", "--hub", url, "--token", commune.tokens["dong"] ?? "", "--ca-file", "tls/ca.pem"])
        try await ntm(
            "doai", ["init", "--hub", url, "--token", commune.tokens["doai"] ?? "", "--ca-file", "tls/ca.pem"])
        try await ntm(
            "office", ["init", "--hub", url, "--token", commune.tokens["office"] ?? "", "--ca-file", "tls/ca.pem"])
        for _ in 1...2 { try await ntm("dong", ["cleanup", "add", "--date", day, "--participants", "30"]) }
        try await ntm("doai", ["cleanup", "add", "--date", day])
        try await ntm("dong", ["road", "add", "--name", "Ngõ 3", "--length-m", "120", "--width-before-m", "3,5"])
        try await ntm(
            "dong",
            [
                "road", "add", "--name", "Trục xóm", "--length-m", "1250,5", "--width-before-m", "4", "--width-after-m",
                "6",
            ])
        let donation = try await commune.ntm(
            "dong", ["donation", "add", "--donor", "Hoàng Văn Cường", "--area-m2", "100"]
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try await ntm("doai", ["donation", "add", "--donor", "Trần Văn Dũng", "--area-m2", "30,5"])
        for name in ["dong", "doai", "office"] { try await ntm(name, ["sync"]) }
        try await ntm("dong", ["donation", "set", String(donation.prefix(13)), "--area-m2", "120"])
        try await ntm("office", ["donation", "set", String(donation.prefix(13)), "--area-m2", "110"])
        for name in ["dong", "office"] { try await ntm(name, ["sync"]) }

        let report = try await Programs.runDetached(
            "ntm-hub", ["report", "month", month, "--json", "--db", "hub.sqlite"], in: commune.folder
        ).json(CommuneReport.self)
        let openConflicts = try await Hub(sqliteFile: commune.hubPath, logger: TestHub.quietLogger)
            .conflicts(status: .open, for: Principal(role: .reviewer, name: "test")).count
        #expect(openConflicts == 1)
        let devices = try await Programs.runDetached(
            "ntm-hub", ["devices", "--json", "--db", "hub.sqlite"], in: commune.folder
        )
        .json([DeviceInfo].self)

        // The browser.
        let folder = commune.folder.path
        try Data((commune.tokens["office"] ?? "").utf8).write(to: commune.folder.appendingPathComponent("office.token"))
        try Data((commune.tokens["dong"] ?? "").utf8).write(to: commune.folder.appendingPathComponent("dong.token"))
        let screenshots = commune.folder.appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let run = try await Programs.runDetached(
            "/usr/bin/env",
            [
                "python3", Self.script, "--url", url, "--reviewer-token-file", "\(folder)/office.token",
                "--head-token-file", "\(folder)/dong.token", "--out", screenshots.path, "--expire-after",
                "\(sessionSeconds)",
            ], in: commune.folder)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try run.json(BrowserResult.self)

        // Sign-in: a head is refused without a session; a reviewer gets a strict cookie.
        #expect(page.head_refused)
        #expect(page.head_cookie.isEmpty)
        #expect(page.url_after_sign_in == url + "/", "no token in the URL: \(page.url_after_sign_in)")
        // Under TLS the cookie carries the __Host- prefix: only a secure origin can set it.
        let session = try #require(page.cookies.first { $0.name == "__Host-ntm_session" })
        #expect(session.httpOnly && session.secure && session.sameSite == "Strict")
        #expect(page.scripts == 0, "no JavaScript")
        #expect(page.html_lang == "vi" && page.title == "Xã Tân Lập — Tháng \(Format.month(month, language: .vi))")

        // Every figure on the page is the report's, as a number and as the words shown.
        func shown(_ figure: String, _ hamlet: String) -> PageFigure? {
            page.figures.first { $0.figure == figure && $0.hamlet == hamlet }
        }
        let rows = report.hamlets.map { ($0.id, $0.figures) } + [("total", report.totals)]
        #expect(report.hamlets.count == 2)
        for (id, figures) in rows {
            let expected: [(String, Double, String)] = [
                ("cleanups_held", Double(figures.cleanups.held), " buổi"),
                ("roads_at_target_m", figures.roads.atTargetM, " m"),
                ("land_area_m2", figures.land.areaM2, " m²"),
            ]
            for (figure, value, unit) in expected {
                let onPage = shown(figure, id)
                #expect(onPage.flatMap { $0.value.flatMap(Double.init) } == value, "\(figure) of \(id)")
                let words = Format.number(value, language: .vi)
                #expect(
                    onPage?.text.hasPrefix(words) == true && onPage?.text.hasSuffix(unit) == true,
                    "\(figure) of \(id): '\(onPage?.text ?? "missing")' shows \(words)")
            }
            let total = Format.number(figures.roads.totalM, language: .vi)
            #expect(shown("roads_at_target_m", id)?.text.contains("/ \(total) m") == true)
        }
        #expect(report.totals.cleanups.held == 3 && report.totals.roads.atTargetM == 1250.5)
        #expect(report.totals.land.areaM2 == 110 + 30.5 || report.totals.land.areaM2 == 120 + 30.5)
        #expect(page.figures.first { $0.figure == "open_conflicts" }?.value == String(openConflicts))
        #expect(page.figures.first { $0.figure == "devices" }?.value == String(devices.count))
        #expect(devices.count == 3)
        for device in devices { #expect(page.text.contains(device.holder)) }
        #expect(page.text.contains("Xung đột chờ xử lý: 1"))

        // Usable on a phone: nothing wider than the screen; both screenshots saved.
        for name in ["phone", "desktop"] {
            let width = try #require(page.widths[name])
            #expect(width.content <= width.viewport, "\(name): \(width.content) px of content in \(width.viewport)")
            // Per hamlet: a track and a bar in each chart, and the road's total behind its bar.
            #expect(width.bars == report.hamlets.count * 7, "\(name): the bars are drawn")
            // Issue 27: on a phone a device's cells stack, one line each, instead of five
            // squeezed columns; on a desktop they stand in one row.
            let tops = width.device_cell_tops
            #expect(tops.count == 5, "\(name): \(tops)")
            #expect(
                Set(tops).count == (name == "phone" ? tops.count : 1),
                "\(name): the device's cells start at \(tops)")
            let size = (try? FileManager.default.attributesOfItem(atPath: width.screenshot)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(name) screenshot")
            if let keep = ProcessInfo.processInfo.environment["NTM_SCREENSHOTS"] {
                try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
                let target = URL(fileURLWithPath: keep).appendingPathComponent("office-\(name).png")
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: URL(fileURLWithPath: width.screenshot), to: target)
            }
        }

        // The session expired: back to sign-in; a replayed cookie is refused, saying why.
        #expect(page.url_after_cookie_expiry == url + "/login")
        #expect(page.url_after_expiry == url + "/login?het_han=1")
        #expect(page.expired_message)
    }
}
