import ArgumentParser
import Foundation
import SyncCore

/// Where a report's rows come from: a replica (`ntm report`) or the hub file (`ntm-hub report`).
package protocol ReportSource: ParsableArguments {
    /// The report of `period` made on `asOf`.
    func report(_ period: ReportPeriod, asOf: CalendarDate) async throws -> CommuneReport
    /// The commendation candidates of `year`.
    func candidates(year: Int) async throws -> CandidatesReport
}

/// `report month|year|range|candidates`, the same in both programs.
package struct ReportCommand<Source: ReportSource>: AsyncParsableCommand {
    package static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: tr(
                "Reports: a month, a year or a range of dates, and commendation candidates.",
                "Báo cáo: theo tháng, năm hoặc khoảng ngày, và đề xuất khen thưởng."),
            subcommands: [Month.self, Year.self, Range.self, Candidates.self])
    }

    package init() {}

    /// `--json | --csv` and the source, for every report.
    package struct Options: ParsableArguments {
        @OptionGroup var source: Source
        @Flag(help: ArgumentHelp(tr("Print stable JSON instead of text.", "In JSON ổn định thay cho văn bản.")))
        var json = false
        @Flag(
            help: ArgumentHelp(
                tr("Print CSV (UTF-8 with BOM, Vietnamese headers).", "In CSV (UTF-8 có BOM, tiêu đề tiếng Việt).")))
        var csv = false

        package init() {}

        package func validate() throws {
            if json, csv { throw ValidationError(tr("give --json or --csv, not both", "chỉ chọn --json hoặc --csv")) }
        }

        /// Prints the report of `period` as of today (in Vietnam's time zone unless TZ says otherwise).
        func print(_ period: ReportPeriod) async throws {
            let report = try await source.report(period, asOf: Format.today())
            try emit(report, csv: { ReportOutput.csv(report) }, text: { ReportOutput.text(report) })
        }

        func emit<T: Encodable>(_ value: T, csv: () -> String, text: () -> [String]) throws {
            if json {
                try Output.json(value)
            } else if self.csv {
                FileHandle.standardOutput.write(Data(csv().utf8))
            } else {
                for line in text() { Swift.print(line) }
            }
        }
    }

    package struct Month: AsyncParsableCommand {
        package static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr(
                    "The month's report: cleanups, roads, land donated, contributions, criteria.",
                    "Báo cáo tháng: tổng vệ sinh, đường, hiến đất, đóng góp, tiêu chí."))
        }

        @Argument(help: ArgumentHelp(tr("The month: MM/YYYY or YYYY-MM.", "Tháng: MM/YYYY hoặc YYYY-MM.")))
        var month: String
        @OptionGroup var options: Options

        package init() {}

        package func run() async throws { try await options.print(try ReportPeriod.month(month)) }
    }

    package struct Year: AsyncParsableCommand {
        package static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: tr("The year's report.", "Báo cáo năm."))
        }

        @Argument(help: ArgumentHelp(tr("The year: YYYY.", "Năm: YYYY."))) var year: String
        @OptionGroup var options: Options

        package init() {}

        package func run() async throws { try await options.print(try ReportPeriod.year(year)) }
    }

    package struct Range: AsyncParsableCommand {
        package static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr(
                    "The report of a range of dates, both included.", "Báo cáo một khoảng ngày (tính cả hai đầu)."))
        }

        @Argument(
            help: ArgumentHelp(tr("The first day: DD/MM/YYYY or YYYY-MM-DD.", "Ngày đầu: DD/MM/YYYY hoặc YYYY-MM-DD.")))
        var from: String
        @Argument(help: ArgumentHelp(tr("The last day.", "Ngày cuối."))) var to: String
        @OptionGroup var options: Options

        package init() {}

        package func run() async throws { try await options.print(try ReportPeriod.range(from: from, to: to)) }
    }

    package struct Candidates: AsyncParsableCommand {
        package static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr(
                    "Commendation candidates of a year: households and hamlets, ranked, with their figures.",
                    "Đề xuất khen thưởng trong năm: hộ gia đình và thôn/xóm, xếp hạng, kèm số liệu."),
                discussion: tr(
                    """
                    Households rank by land donated (signed or handed over in the year), then the value of \
                    assets given, money, labour days; hamlets by cleanups held, metres of road brought to \
                    target width in the year, land donated. Equal figures share a rank.
                    """,
                    """
                    Hộ gia đình xếp theo diện tích đất hiến (ký biên bản hoặc bàn giao trong năm), rồi giá \
                    trị tài sản, tiền, ngày công; thôn/xóm xếp theo số lần tổng vệ sinh, số mét đường đạt \
                    bề rộng mục tiêu trong năm, đất hiến. Số liệu bằng nhau thì cùng hạng.
                    """))
        }

        @Argument(help: ArgumentHelp(tr("The year: YYYY.", "Năm: YYYY."))) var year: String
        @OptionGroup var options: Options

        package init() {}

        package func run() async throws {
            let period = try ReportPeriod.year(year)
            let candidates = try await options.source.candidates(year: Int(period.from.prefix(4)) ?? 0)
            try options.emit(
                candidates, csv: { ReportOutput.csv(candidates) }, text: { ReportOutput.text(candidates) })
        }
    }
}
