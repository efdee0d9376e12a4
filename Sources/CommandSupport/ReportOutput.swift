import Foundation
import SyncCore

/// The commune's reports as text (in the language of the process) and as CSV (UTF-8 with a
/// byte order mark and Vietnamese headers, which Excel and LibreOffice open as they are).
package enum ReportOutput {
    // MARK: Text

    /// The report as lines of text: a head sees its hamlet, a reviewer every hamlet and
    /// the commune's totals.
    package static func text(_ report: CommuneReport, language: Language = .current) -> [String] {
        let vi = language == .vi
        func t(_ english: String, _ vietnamese: String) -> String { vi ? vietnamese : english }
        func n(_ value: Double) -> String { Format.number(value, language: language) }
        func i(_ value: Int64) -> String { Format.integer(value, language: language) }
        let commune = report.scopeHamletID == nil
        var lines: [String] = []
        lines.append(
            "\(periodTitle(report.period, language: language)) — \(t("as of", "tính đến")) \(Format.date(report.asOf, language: language))"
        )

        // Every hamlet, then the commune's row.
        func rows(_ cells: (CommuneReport.Figures) -> [String]) -> [[String]] {
            var result = report.hamlets.map { [$0.name] + cells($0.figures) }
            if commune { result.append([t("Commune", "Toàn xã")] + cells(report.totals)) }
            return result
        }
        let hamletHeader = t("Hamlet", "Thôn/xóm")

        lines.append("")
        lines.append(t("Cleanups (at least one a month)", "Tổng vệ sinh (ít nhất 1 lần/tháng)"))
        lines += indented(
            grid(
                [
                    hamletHeader, t("held", "đã làm"), t("planned", "dự kiến"), t("cancelled", "hủy"),
                    t("households", "số hộ"), t("people", "số người"), t("waste kg", "rác (kg)"),
                    t("months met", "tháng đạt"),
                ],
                rows { f in
                    let c = f.cleanups
                    return [
                        String(c.held), String(c.planned), String(c.cancelled), i(c.householdsJoined),
                        i(c.participants), n(c.wasteKg), "\(c.monthsMet)/\(c.monthsDue)",
                    ]
                }, numeric: 1...7))
        if commune {
            lines.append(
                "  "
                    + (report.cleanupMissed.isEmpty
                        ? t("every hamlet held its cleanups", "mọi thôn/xóm đều đã tổ chức")
                        : t("missed: ", "chưa tổ chức: ") + report.cleanupMissed.map(\.name).joined(separator: ", ")))
        } else if let only = report.hamlets.first, !only.figures.cleanups.monthsMissed.isEmpty {
            lines.append(
                "  " + t("no cleanup held in ", "chưa tổ chức trong tháng ")
                    + only.figures.cleanups.monthsMissed.map { Format.month($0, language: language) }.joined(
                        separator: ", "))
        }

        lines.append("")
        lines.append(
            t(
                "Roads (widening to target width, 6 m unless set)",
                "Đường giao thông (mở rộng đạt mục tiêu, mặc định 6 m)"))
        lines += indented(
            grid(
                [
                    hamletHeader, t("segments", "số đoạn"), t("total m", "tổng (m)"), t("at target m", "đạt (m)"),
                    t("remaining m", "còn lại (m)"), t("completed in period m", "hoàn thành trong kỳ (m)"),
                ],
                rows { f in
                    let r = f.roads
                    return [String(r.segments), n(r.totalM), n(r.atTargetM), n(r.remainingM), n(r.completedInPeriodM)]
                }, numeric: 1...5))
        // `groups` of a closed list's values, in the list's order: "label value figures; …".
        func breakdown<T>(
            _ label: String, _ keys: [String], _ groups: [String: T], table: String, column: String,
            _ figures: (T) -> String
        ) -> String {
            "  " + label
                + keys.compactMap { key in
                    groups[key].map {
                        "\(Vocabulary.value(key, table: table, column: column, language: language)) \(figures($0))"
                    }
                }.joined(separator: "; ")
        }
        let roads = report.totals.roads
        if !roads.byKind.isEmpty {
            lines.append(
                breakdown(
                    t("by kind: ", "theo loại: "), ["truc", "ngo", "noi_dong"], roads.byKind, table: "road_segments",
                    column: "kind"
                ) {
                    "\(n($0.lengthM)) m (\(t("at target", "đạt")) \(n($0.atTargetM)) m)"
                })
            lines.append(
                breakdown(
                    t("by status: ", "theo trạng thái: "), ReplicatedSchema.roadStatus.allValues, roads.byStatus,
                    table: "road_segments", column: "status"
                ) { "\($0.segments) (\(n($0.lengthM)) m)" })
        }

        lines.append("")
        lines.append(t("Land donated (withdrawn donations not counted)", "Hiến đất (không tính các khoản đã rút lại)"))
        lines += indented(
            grid(
                [
                    hamletHeader, t("donations", "số khoản"), t("donors", "người hiến"), t("area m²", "diện tích (m²)"),
                    t("assets value", "giá trị tài sản"), t("handed over in period m²", "bàn giao trong kỳ (m²)"),
                ],
                rows { f in
                    let l = f.land
                    return [
                        String(l.donations), String(l.donors), n(l.areaM2),
                        Format.money(l.assetsValueVND, language: language), n(l.handedOverInPeriod.areaM2),
                    ]
                }, numeric: 1...5))
        let land = report.totals.land
        if !land.byStatus.isEmpty {
            lines.append(
                breakdown(
                    t("by status: ", "theo trạng thái: "), ReplicatedSchema.donationStatus.allValues, land.byStatus,
                    table: "land_donations", column: "status"
                ) { "\($0.donations) (\(n($0.areaM2)) m²)" })
        }

        lines.append("")
        lines.append(t("Contributions", "Đóng góp"))
        if report.totals.contributions.isEmpty {
            lines.append("  " + t("none recorded", "chưa có"))
        } else {
            lines += indented(
                grid(
                    [t("kind", "hình thức"), t("unit", "đơn vị"), t("in period", "trong kỳ"), t("to date", "lũy kế")],
                    report.totals.contributions.map { entry in
                        let amount = { (value: Double) in
                            entry.kind == "money" ? Format.money(value, language: language) : n(value)
                        }
                        return [
                            Vocabulary.value(entry.kind, table: "contributions", column: "kind", language: language),
                            unit(entry, language: language), amount(entry.inPeriod.amount), amount(entry.toDate.amount),
                        ]
                    }, numeric: 2...3))
        }

        lines.append("")
        let levels = ["standard", "advanced", "model"].map { level in
            let count = report.criteria.byLevel[level] ?? .init()
            return
                "\(Vocabulary.value(level, table: "criteria", column: "level", language: language)) \(count.met)/\(report.criteria.of)"
        }
        lines.append(t("National criteria met: ", "Tiêu chí đã đạt: ") + levels.joined(separator: "; "))
        if !report.modelHamlets.isEmpty {
            lines.append(
                t("Model hamlets: ", "Thôn/xóm kiểu mẫu: ")
                    + report.modelHamlets.map { hamlet in
                        let target = Vocabulary.value(
                            hamlet.target, table: "hamlets", column: "target", language: language)
                        let achieved = Vocabulary.value(
                            hamlet.achieved, table: "hamlets", column: "achieved", language: language)
                        let year = hamlet.achievedYear.map { ", \($0)" } ?? ""
                        return
                            "\(hamlet.name) (\(t("target", "mục tiêu")): \(target); \(t("reached", "đã đạt")): \(achieved)\(year))"
                    }.joined(separator: ", "))
        }
        return lines
    }

    /// `Month 11/2026`, `Year 2026`, `01/01/2026 – 31/03/2026`.
    package static func periodTitle(_ period: ReportPeriod, language: Language = .current) -> String {
        let vi = language == .vi
        switch period.kind {
        case .month:
            return (vi ? "Báo cáo tháng " : "Report for ")
                + Format.month(String(period.from.prefix(7)), language: language)
        case .year: return (vi ? "Báo cáo năm " : "Report for ") + String(period.from.prefix(4))
        case .range:
            return (vi ? "Báo cáo từ " : "Report from ") + Format.date(period.from, language: language)
                + (vi ? " đến " : " to ") + Format.date(period.to, language: language)
        }
    }

    /// The unit of a contribution total as people read it.
    static func unit(_ entry: CommuneReport.ContributionFigures, language: Language) -> String {
        switch entry.kind {
        case "money": language == .vi ? "đ" : "VND"
        case "labor_days": language == .vi ? "ngày công" : "days"
        default: entry.unit.isEmpty ? "-" : entry.unit
        }
    }

    private static func indented(_ lines: [String]) -> [String] { lines.map { "  " + $0 } }

    /// Rows aligned in columns by their width on screen; the `numeric` columns to the right.
    package static func grid(_ header: [String], _ rows: [[String]], numeric: ClosedRange<Int>? = nil) -> [String] {
        var widths = header.map(Format.width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Format.width(cell))
            }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let gap = String(
                    repeating: " ", count: max(0, widths[min(index, widths.count - 1)] - Format.width(cell)))
                if numeric?.contains(index) == true { return gap + cell }
                return index == cells.count - 1 ? cell : cell + gap
            }.joined(separator: "  ")
        }
        return [render(header)] + rows.map(render)
    }

    /// Commendation candidates as lines of text, with the rule they are ranked by.
    package static func text(_ candidates: CandidatesReport, language: Language = .current) -> [String] {
        let vi = language == .vi
        func t(_ english: String, _ vietnamese: String) -> String { vi ? vietnamese : english }
        func n(_ value: Double) -> String { Format.number(value, language: language) }
        var lines = [t("Commendation candidates \(candidates.year)", "Đề xuất khen thưởng năm \(candidates.year)")]
        lines.append("")
        lines.append(
            t(
                "Households (ranked by land donated, then assets value, money, labour days)",
                "Hộ gia đình (xếp theo đất hiến, rồi giá trị tài sản, tiền, ngày công)"))
        if candidates.households.isEmpty {
            lines.append("  " + t("none this year", "chưa có trong năm"))
        } else {
            lines += indented(
                grid(
                    [
                        t("rank", "hạng"), t("household", "hộ / người"), t("hamlet", "thôn/xóm"),
                        t("land m²", "đất (m²)"), t("assets", "tài sản"), t("money", "tiền"),
                        t("labour days", "ngày công"),
                    ],
                    candidates.households.map {
                        [
                            String($0.rank), $0.name, $0.hamletName, n($0.landM2),
                            Format.money($0.assetsValueVND, language: language),
                            Format.money($0.moneyVND, language: language), n($0.laborDays),
                        ]
                    }, numeric: 3...6))
        }
        lines.append("")
        lines.append(
            t(
                "Hamlets (ranked by cleanups held, then road brought to target width, land donated)",
                "Thôn/xóm (xếp theo số lần tổng vệ sinh, rồi đường đạt mục tiêu, đất hiến)"))
        lines += indented(
            grid(
                [
                    t("rank", "hạng"), t("hamlet", "thôn/xóm"), t("cleanups", "tổng vệ sinh"),
                    t("road at target m", "đường đạt (m)"), t("land m²", "đất (m²)"),
                ],
                candidates.hamlets.map {
                    [String($0.rank), $0.name, String($0.cleanupsHeld), n($0.roadAtTargetM), n($0.landM2)]
                }, numeric: 2...4))
        return lines
    }

    // MARK: CSV

    /// The report as CSV: one row per hamlet, then the commune's (for a reviewer); plain
    /// numbers (a dot before decimals) so that spreadsheets compute with them.
    package static func csv(_ report: CommuneReport) -> String {
        let materials = Array(
            Set(report.totals.contributions.filter { $0.kind == "materials" }.map(\.unit))
        ).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var header = [
            "Mã thôn/xóm", "Thôn/xóm", "Từ ngày", "Đến ngày", "TVS đã làm", "TVS dự kiến", "TVS hủy",
            "Số người tham gia",
            "Số hộ tham gia", "Rác (kg)", "Tháng phải làm", "Tháng đã làm", "Đạt chỉ tiêu TVS", "Số đoạn đường",
            "Tổng chiều dài (m)", "Đạt rộng mục tiêu (m)", "Còn lại (m)", "Hoàn thành trong kỳ (m)", "Trục xóm (m)",
            "Ngõ xóm (m)", "Đường nội đồng (m)", "Số khoản hiến đất", "Số người hiến", "Diện tích hiến (m²)",
            "Giá trị tài sản (đ)", "Bàn giao trong kỳ (m²)", "Rút lại (khoản)", "Tiền trong kỳ (đ)",
            "Tiền lũy kế (đ)", "Ngày công trong kỳ", "Ngày công lũy kế",
        ]
        for unit in materials {
            let name = unit.isEmpty ? "không rõ đơn vị" : unit
            header += ["Vật liệu (\(name)) trong kỳ", "Vật liệu (\(name)) lũy kế"]
        }
        func row(id: String, name: String, _ f: CommuneReport.Figures) -> [String] {
            let c = f.cleanups
            let r = f.roads
            let l = f.land
            func contribution(_ kind: String, _ unit: String) -> CommuneReport.ContributionFigures? {
                f.contributions.first { $0.kind == kind && $0.unit == unit }
            }
            var cells = [
                id, name, report.period.from, report.period.to, String(c.held), String(c.planned),
                String(c.cancelled), String(c.participants), String(c.householdsJoined), plain(c.wasteKg),
                String(c.monthsDue), String(c.monthsMet), c.targetMet ? "có" : "không", String(r.segments),
                plain(r.totalM), plain(r.atTargetM), plain(r.remainingM), plain(r.completedInPeriodM),
                plain(r.byKind["truc"]?.lengthM ?? 0), plain(r.byKind["ngo"]?.lengthM ?? 0),
                plain(r.byKind["noi_dong"]?.lengthM ?? 0), String(l.donations), String(l.donors), plain(l.areaM2),
                String(l.assetsValueVND), plain(l.handedOverInPeriod.areaM2),
                String(l.byStatus["withdrawn"]?.donations ?? 0),
                plain(contribution("money", "VND")?.inPeriod.amount ?? 0),
                plain(contribution("money", "VND")?.toDate.amount ?? 0),
                plain(contribution("labor_days", "days")?.inPeriod.amount ?? 0),
                plain(contribution("labor_days", "days")?.toDate.amount ?? 0),
            ]
            for unit in materials {
                cells += [
                    plain(contribution("materials", unit)?.inPeriod.amount ?? 0),
                    plain(contribution("materials", unit)?.toDate.amount ?? 0),
                ]
            }
            return cells
        }
        var lines = [header]
        lines += report.hamlets.map { row(id: $0.id, name: $0.name, $0.figures) }
        if report.scopeHamletID == nil { lines.append(row(id: "", name: "Toàn xã", report.totals)) }
        return csvText(lines)
    }

    /// Candidates as CSV: households, then hamlets, each with its own header.
    package static func csv(_ candidates: CandidatesReport) -> String {
        var lines: [[String]] = [
            [
                "Hạng", "Mã hộ", "Hộ / người", "Thôn/xóm", "Đất hiến (m²)", "Giá trị tài sản (đ)", "Tiền (đ)",
                "Ngày công",
            ]
        ]
        lines += candidates.households.map {
            [
                String($0.rank), $0.householdID ?? "", $0.name, $0.hamletName, plain($0.landM2),
                String($0.assetsValueVND), String($0.moneyVND), plain($0.laborDays),
            ]
        }
        lines.append([])
        lines.append(["Hạng", "Mã thôn/xóm", "Thôn/xóm", "TVS đã làm", "Đường đạt mục tiêu (m)", "Đất hiến (m²)"])
        lines += candidates.hamlets.map {
            [String($0.rank), $0.id, $0.name, String($0.cleanupsHeld), plain($0.roadAtTargetM), plain($0.landM2)]
        }
        return csvText(lines)
    }

    /// A number as spreadsheets read it in any locale's CSV import: no grouping, dot decimal.
    static func plain(_ value: Double) -> String { SyncValue.format(value) }

    /// Rows as RFC 4180 CSV with CRLF line ends, after a UTF-8 byte order mark. A cell a
    /// spreadsheet would take for a formula (a name typed as `=…`) starts with `'`.
    static func csvText(_ rows: [[String]]) -> String {
        "\u{FEFF}"
            + rows.map { row in
                row.map { value in
                    let cell =
                        value.first.map { "=+@\t\r".contains($0) || ($0 == "-" && Double(value) == nil) } == true
                        ? "'" + value : value
                    return cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                        ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
                }.joined(separator: ",")
            }.joined(separator: "\r\n") + "\r\n"
    }
}
