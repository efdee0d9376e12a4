import CommandSupport
import Foundation
import Testing

@testable import SyncCore

/// Issue 12: every figure DESIGN.md §9 asks of the commune's data, on a dataset with known
/// totals; the same from the hub and from a reviewer's replica; a head sees its hamlet.
@Suite struct CommuneReportTests {
    @Test func theYearsReportHoldsEveryFigureTheCommuneAsksFor() async throws {
        let data = try await ReportDataset()
        let period = try ReportPeriod.year("2026")
        let report = try data.office.report(period, asOf: ReportDataset.asOf)
        #expect(try await data.hub.report(period, asOf: ReportDataset.asOf) == report, "the hub reports the same")
        #expect(report.period.kind == .year && report.period.from == "2026-01-01" && report.period.to == "2026-12-31")
        #expect(report.hamlets.map(\.name) == ["Xóm Bãi", "Xóm Đoài", "Xóm Đông"])
        let dong = try #require(report.hamlets.last)
        let doai = report.hamlets[1].figures

        // Cleanups: January to November are due.
        #expect(dong.figures.cleanups.held == 11 && dong.figures.cleanups.planned == 1)
        #expect(dong.figures.cleanups.cancelled == 1)
        #expect(dong.figures.cleanups.participants == 220 && dong.figures.cleanups.householdsJoined == 110)
        #expect(dong.figures.cleanups.wasteKg == 555.5)
        #expect(dong.figures.cleanups.monthsDue == 11 && dong.figures.cleanups.targetMet)
        #expect(doai.cleanups.monthsMet == 3)
        #expect(
            doai.cleanups.monthsMissed == [
                "2026-03", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
            ])
        #expect(report.cleanupMissed.map(\.name) == ["Xóm Bãi", "Xóm Đoài"])
        #expect(report.cleanupMissed.map(\.id) == [data.bai, data.doai])
        let cleanups = report.totals.cleanups
        #expect(cleanups.held == 14 && cleanups.participants == 244 && !cleanups.targetMet)
        #expect(cleanups.monthsMet == 0, "no month in which every hamlet held one")

        // Roads.
        let roads = report.totals.roads
        #expect(roads.segments == 4 && roads.totalM == 2000 && roads.atTargetM == 800 && roads.remainingM == 1200)
        #expect(roads.completedInPeriod == 1 && roads.completedInPeriodM == 500)
        #expect(roads.byKind["truc"] == .init(segments: 2, lengthM: 1500, atTargetM: 500))
        #expect(roads.byKind["ngo"] == .init(segments: 1, lengthM: 200, atTargetM: 0))
        #expect(roads.byKind["noi_dong"] == .init(segments: 1, lengthM: 300, atTargetM: 300))
        #expect(roads.byStatus["done"]?.lengthM == 800 && roads.byStatus["building"]?.segments == 1)
        #expect(roads.byStatus["planned"]?.lengthM == 1000)

        // Land: the withdrawn donation is out of every total.
        let land = report.totals.land
        #expect(land.donations == 4 && land.areaM2 == 290 && land.assetsValueVND == 7_000_000 && land.donors == 3)
        #expect(land.handedOverInPeriod == .init(donations: 1, areaM2: 120, assetsValueVND: 5_000_000))
        #expect(land.byStatus["withdrawn"] == .init(donations: 1, areaM2: 500, assetsValueVND: 1_000_000))
        #expect(land.byStatus["handed_over"]?.areaM2 == 180 && land.byStatus["signed"]?.areaM2 == 80)
        #expect(land.byStatus["pledged"]?.areaM2 == 30)
        #expect(dong.figures.land.donors == 2, "one household twice, one donor by name")

        // Contributions per kind and unit; bags of cement never added to m³ of sand.
        let contributions = report.totals.contributions.map {
            "\($0.kind) \($0.unit) \($0.inPeriod.count) \(SyncValue.format($0.inPeriod.amount)) \($0.toDate.count) \(SyncValue.format($0.toDate.amount))"
        }
        #expect(
            contributions == [
                "money VND 1 4500000 3 7500000", "labor_days days 1 12 1 12", "materials bao 2 250 2 250",
                "materials m³ 1 10 1 10",
            ])

        // Criteria and model hamlets.
        #expect(report.criteria.byLevel["standard"] == .init(recorded: 19, met: 17))
        #expect(report.criteria.byLevel["advanced"] == .init(recorded: 3, met: 2))
        #expect(report.criteria.byLevel["model"] == .init(recorded: 0, met: 0))
        #expect(
            report.modelHamlets
                == [.init(id: data.dong, name: "Xóm Đông", target: "model", achieved: "standard", achievedYear: 2024)])

        // The JSON keys are the contract's.
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        for key in [
            "\"cleanup_missed\"", "\"target_met\"", "\"completed_in_period_m\"", "\"handed_over_in_period\"",
            "\"by_kind\"", "\"to_date\"", "\"model_hamlets\"", "\"as_of\"",
        ] {
            #expect(json.contains(key), "\(key)")
        }
        #expect(try JSONDecoder().decode(CommuneReport.self, from: Data(json.utf8)) == report)
    }

    @Test func aMonthsReportCountsTheMonthOnlyAndAHeadSeesItsHamlet() async throws {
        let data = try await ReportDataset()
        let head = try await data.head(of: data.dong, name: "dong")
        let report = try head.report(try .month("04/2026"), asOf: ReportDataset.asOf)
        #expect(report.period.from == "2026-04-01" && report.period.to == "2026-04-30")
        #expect(report.hamlets.map(\.id) == [data.dong] && report.totals == report.hamlets[0].figures)
        let figures = report.totals
        #expect(figures.cleanups.held == 1 && figures.cleanups.monthsDue == 1 && figures.cleanups.targetMet)
        #expect(figures.roads.completedInPeriod == 0 && figures.roads.totalM == 1000, "roads as they stand")
        #expect(figures.land.handedOverInPeriod.donations == 0)
        let materials = figures.contributions.first { $0.kind == "materials" }
        #expect(materials?.inPeriod.amount == 200 && materials?.unit == "bao")
        // A month not yet begun is due nowhere.
        let december = try head.report(try .month("2026-12"), asOf: ReportDataset.asOf)
        #expect(december.totals.cleanups.monthsDue == 0 && december.cleanupMissed.isEmpty)
        #expect(december.totals.cleanups.planned == 1)
    }

    @Test func candidatesAreRankedWithTheFiguresBehindEachRank() async throws {
        let data = try await ReportDataset()
        let candidates = try data.office.candidates(year: 2026)
        #expect(try await data.hub.candidates(year: 2026) == candidates)
        #expect(candidates.households.map(\.name) == ["Nguyễn Văn Bảy", "Lò Văn Páo"])
        let first = try #require(candidates.households.first)
        #expect(first.rank == 1 && first.householdID == data.household && first.landM2 == 120)
        #expect(first.assetsValueVND == 5_000_000 && first.moneyVND == 4_500_000)
        #expect(candidates.households[1].landM2 == 80 && candidates.households[1].laborDays == 12)
        #expect(candidates.hamlets.map(\.name) == ["Xóm Đông", "Xóm Đoài", "Xóm Bãi"])
        #expect(candidates.hamlets.map(\.rank) == [1, 2, 3])
        #expect(candidates.hamlets[0].cleanupsHeld == 11 && candidates.hamlets[0].roadAtTargetM == 500)
        #expect(candidates.hamlets[0].landM2 == 200)
    }

    @Test func theCSVOpensAsItIsAndPythonReadsEveryFigure() async throws {
        let data = try await ReportDataset()
        let report = try data.office.report(try .year("2026"), asOf: ReportDataset.asOf)
        let csv = ReportOutput.csv(report)
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
        let file = data.folder.appendingPathComponent("report.csv")
        try Data(csv.utf8).write(to: file)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                print(json.dumps(list(csv.DictReader(f)), ensure_ascii=False))
            """
        let rows = try Python.run(script, file.path)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(rows.utf8)) as? [[String: String]])
        #expect(parsed.map { $0["Thôn/xóm"] } == ["Xóm Bãi", "Xóm Đoài", "Xóm Đông", "Toàn xã"])
        let total = try #require(parsed.last)
        #expect(total["TVS đã làm"] == "14" && total["Đạt chỉ tiêu TVS"] == "không")
        #expect(total["Tổng chiều dài (m)"] == "2000" && total["Đạt rộng mục tiêu (m)"] == "800")
        #expect(total["Diện tích hiến (m²)"] == "290" && total["Giá trị tài sản (đ)"] == "7000000")
        #expect(total["Tiền lũy kế (đ)"] == "7500000" && total["Vật liệu (bao) trong kỳ"] == "250")
        #expect(total["Vật liệu (m³) lũy kế"] == "10" && total["Rút lại (khoản)"] == "1")
        #expect(parsed[2]["Rác (kg)"] == "555.5" && parsed[2]["Mã thôn/xóm"] == data.dong)
    }
}

/// Runs Python 3 on a script, as the commune's own tools would read our files.
enum Python {
    static func run(_ script: String, _ arguments: String...) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("python-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try ChildProcess(
            executable: "/usr/bin/env", arguments: ["python3", "-c", script] + arguments, output: output.path)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}
