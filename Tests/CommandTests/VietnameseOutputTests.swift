import CommandSupport
import Foundation
import Testing

@testable import SyncCore

/// Issue 12: what people read, in Vietnamese: numbers, money, dates, times, aligned tables,
/// and the commune's report as a snapshot.
@Suite struct VietnameseOutputTests {
    @Test func numbersMoneyAndDatesAsVietnameseWriteThem() {
        #expect(Format.number(5.5, language: .vi) == "5,5")
        #expect(Format.number(1234.5, language: .vi) == "1.234,5")
        #expect(Format.number(1234.5, language: .en) == "1,234.5")
        #expect(Format.number(0.125, language: .vi) == "0,13")
        #expect(Format.number(-3, language: .vi) == "-3")
        #expect(Format.number(-0.001, language: .vi) == "0")
        #expect(Format.number(12_000_000, language: .vi) == "12.000.000")
        #expect(Format.money(Int64(4_500_000), language: .vi) == "4.500.000 đ")
        #expect(Format.money(Int64(4_500_000), language: .en) == "4,500,000 VND")
        #expect(Format.money(Int64.min, language: .vi) == "-9.223.372.036.854.775.808 đ")
        #expect(Format.date("2024-03-15", language: .vi) == "15/03/2024")
        #expect(Format.date("2024-03-15", language: .en) == "2024-03-15")
        #expect(Format.month("2026-11", language: .vi) == "11/2026")
        #expect(Format.number(.infinity, language: .vi) == "inf")
    }

    @Test func timesAreInVietnamsTimeZone() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        // 2026-11-23 19:30 UTC is 24/11/2026 02:30 in Vietnam.
        let instant: Int64 = 1_795_462_200_000
        #expect(Format.time(instant, language: .vi, zone: zone) == "24/11/2026 02:30 (UTC+7)")
        #expect(Format.time(instant, language: .en, zone: zone) == "2026-11-24 02:30 (UTC+7)")
        let day = Format.today(now: Date(timeIntervalSince1970: 1_795_462_200), zone: zone)
        #expect(day == CalendarDate(year: 2026, month: 11, day: 24))
    }

    @Test func decomposedVietnameseAlignsLikePrecomposed() {
        let composed = "Nguyễn Văn Bảy"
        let decomposed = "Nguye\u{302}\u{303}n Va\u{306}n Ba\u{309}y"
        #expect(composed == decomposed && composed.utf16.count != decomposed.utf16.count)
        #expect(Format.width(composed) == 14 && Format.width(decomposed) == 14)
        let lines = ReportOutput.grid(["Tên", "Số"], [[composed, "1"], [decomposed, "22"]], numeric: 1...1)
        #expect(lines.map(Format.width) == [18, 18, 18])
        #expect(Format.width("稻🌾") == 4)
    }

    @Test func theLanguageComesFromTheFlagThenTheLocale() throws {
        #expect(try Language.resolve(arguments: ["--lang", "vi"], environment: ["LANG": "en_US.UTF-8"]) == .vi)
        #expect(try Language.resolve(arguments: ["status", "--lang=en"], environment: ["LANG": "vi_VN"]) == .en)
        #expect(try Language.resolve(arguments: [], environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(try Language.resolve(arguments: [], environment: ["LC_ALL": "C", "LANG": "vi_VN"]) == .en)
        #expect(try Language.resolve(arguments: [], environment: [:]) == .en)
        let refusal = #expect(throws: CommandFailure.self) {
            try Language.resolve(arguments: ["--lang", "fr"], environment: [:])
        }
        #expect(refusal?.status == 2, "a usage error")
        #expect(refusal?.message == "--lang must be vi or en, not 'fr'")
        #expect(Language.removingOption(from: ["--lang", "vi", "sync", "--lang=en", "--json"]) == ["sync", "--json"])
    }

    @Test func aRefusedValueIsExplainedInVietnameseWithItsField() {
        #expect(
            Messages.translated("land_donations.area_m2: must be greater than 0")
                == "Diện tích (m²) (land_donations.area_m2): phải lớn hơn 0")
        #expect(
            Messages.translated("cleanups.date: must be a date DD/MM/YYYY or YYYY-MM-DD")
                == "Ngày (cleanups.date): phải là ngày dạng DD/MM/YYYY hoặc YYYY-MM-DD")
        #expect(
            Messages.translated("contributions.amount: must be at most 10000000 unless kind is money")
                == "Số lượng (contributions.amount): không được vượt quá 10000000 (trừ khi kind là money)")
        #expect(Messages.translated("something else entirely") == "something else entirely")
        #expect(
            Messages.translated(
                "cannot reach the hub at http://127.0.0.1:9: the connection was refused (is ntm-hub running at that address and port?)"
            )
                == "không kết nối được với hub tại http://127.0.0.1:9: kết nối bị từ chối (ntm-hub có đang chạy ở địa chỉ và cổng đó không?)"
        )
    }

    @Test func theYearsReportInVietnameseMatchesItsSnapshot() async throws {
        let data = try await ReportDataset()
        let report = try data.office.report(try .year("2026"), asOf: ReportDataset.asOf)
        try Snapshot.expect(
            ReportOutput.text(report, language: .vi).joined(separator: "\n") + "\n", named: "report-year-2026.vi.txt")
        let candidates = try data.office.candidates(year: 2026)
        try Snapshot.expect(
            ReportOutput.text(candidates, language: .vi).joined(separator: "\n") + "\n",
            named: "candidates-2026.vi.txt")
        let head = try await data.head(of: data.dong, name: "dong")
        try Snapshot.expect(
            ReportOutput.text(try head.report(try .month("04/2026"), asOf: ReportDataset.asOf), language: .vi)
                .joined(separator: "\n") + "\n",
            named: "report-month-dong.vi.txt")
    }
}

/// Issue 13: which hub addresses get the clear-text warning.
@Suite struct PlainHTTPTests {
    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("LOCALHOST", true), ("::1", true),
        ("[::1]", true), ("127.evil.example", false), ("127.0.0.1.nip.io", false), ("10.0.0.1", false),
        ("hub.tanlap.example", false), ("0.0.0.0", false), ("127.0.0.256", false),
    ])
    func onlyThisMachineIsLoopback(host: String, loopback: Bool) {
        #expect(PlainHTTP.isLoopback(host) == loopback)
    }
}
