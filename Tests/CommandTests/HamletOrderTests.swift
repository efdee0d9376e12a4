import CommandSupport
import Testing

@testable import SyncCore

/// Issue 27: hamlets in the order people count them, and a commune's totals row even when
/// the commune has one hamlet.
@Suite struct HamletOrderTests {
    static func hamlet(_ name: String, id: String) -> SyncRow {
        ["id": .text(id), "name": .text(name), "target": .text("standard"), "achieved": .text("none")]
    }

    @Test(arguments: [
        ("Xóm 2", "Xóm 10"), ("Xóm 9", "Xóm 14"), ("Xóm 1", "Xóm 1A"), ("Thôn 3", "Xóm 1"), ("Xóm 2", "Xóm 02"),
        ("Bản Nà", "Bản Nà 2"), ("Xóm Đoài", "Xóm Đông"),
    ])
    func digitsInANameCompareAsNumbers(first: String, second: String) {
        #expect(NaturalOrder.precedes(first, second))
        #expect(!NaturalOrder.precedes(second, first))
        #expect(!NaturalOrder.precedes(first, first))
    }

    @Test func aCommuneOfFourteenXomIsReportedInTheirOrder() throws {
        let rows = ["hamlets": (1...14).shuffled().map { Self.hamlet("Xóm \($0)", id: "h\($0)") }]
        let report = CommuneReport(
            period: try ReportPeriod.month("2026-11"), asOf: try #require(CalendarDate("2026-12-01")), rows: rows)
        #expect(report.hamlets.map(\.name) == (1...14).map { "Xóm \($0)" })
        let csv = ReportOutput.csv(report)
        let names = csv.split(whereSeparator: \.isNewline).dropFirst().compactMap {
            $0.split(separator: ",").dropFirst().first
        }
        #expect(names.prefix(3) == ["Xóm 1", "Xóm 2", "Xóm 3"], "\(names)")
    }

    @Test func aCommuneOfOneHamletStillHasItsTotalsRowAndAHeadsReportHasNone() throws {
        let rows = ["hamlets": [Self.hamlet("Xóm Bãi", id: "h1")]]
        let period = try ReportPeriod.month("2026-11")
        let asOf = try #require(CalendarDate("2026-12-01"))
        let commune = CommuneReport(period: period, asOf: asOf, rows: rows)
        #expect(ReportOutput.text(commune, language: .vi).contains { $0.contains("Toàn xã") })
        #expect(ReportOutput.csv(commune).contains("Toàn xã"))
        let head = CommuneReport(period: period, asOf: asOf, rows: rows, hamletID: "h1")
        #expect(!ReportOutput.text(head, language: .vi).contains { $0.contains("Toàn xã") })
        #expect(!ReportOutput.csv(head).contains("Toàn xã"))
    }
}
