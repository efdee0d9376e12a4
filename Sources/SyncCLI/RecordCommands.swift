import ArgumentParser
import CommandSupport
import Foundation
import SyncCore

/// A replicated table as the command line names it (`donation` → `land_donations`).
protocol RecordKind {
    static var table: String { get }
    static var noun: String { get }
    /// The noun in Vietnamese.
    static var vietnameseNoun: String { get }
}

extension RecordKind {
    /// The noun in the language of the process.
    static var localNoun: String { tr(noun, vietnameseNoun) }
}

enum HouseholdRecord: RecordKind {
    static let table = "households"
    static let noun = "household"
    static let vietnameseNoun = "hộ"
}

enum CleanupRecord: RecordKind {
    static let table = "cleanups"
    static let noun = "cleanup"
    static let vietnameseNoun = "buổi tổng vệ sinh"
}

enum RoadRecord: RecordKind {
    static let table = "road_segments"
    static let noun = "road"
    static let vietnameseNoun = "đoạn đường"
}

enum DonationRecord: RecordKind {
    static let table = "land_donations"
    static let noun = "donation"
    static let vietnameseNoun = "khoản hiến đất"
}

enum ContributionRecord: RecordKind {
    static let table = "contributions"
    static let noun = "contribution"
    static let vietnameseNoun = "khoản đóng góp"
}

/// The short flags `add` has always taken, which `set` takes too: flag → column, per table.
/// Every column is also taken by its own name with dashes (`--donor-name`).
enum FieldFlags {
    static let aliases: [String: [String: String]] = [
        "households": ["name": "head_name"],
        "cleanups": ["households": "households_joined"],
        "land_donations": ["donor": "donor_name", "household": "household_id", "road": "road_segment_id"],
        "contributions": ["donor": "donor_name", "household": "household_id"],
    ]

    /// The column `flag` names in `table`, or nil.
    static func column(_ flag: String, in table: TableSpec) -> String? {
        if let column = aliases[table.name]?[flag] { return column }
        let column = flag.replacingOccurrences(of: "-", with: "_")
        guard table.column(column) != nil, column != TableSpec.scopeColumn else { return nil }
        return column
    }

    /// Every flag `table` takes, for help and errors.
    static func all(_ table: TableSpec) -> String {
        let own = table.columns.filter { $0.name != TableSpec.scopeColumn }.map { "--" + $0.flagName }
        let short = (aliases[table.name] ?? [:]).keys.sorted().map { "--" + $0 }
        return (own + short).joined(separator: " ")
    }

    /// The tables whose rows a reference column names.
    static let references = ["household_id": "households", "road_segment_id": "road_segments"]

    /// `text` typed for `column` of `table`: parsed and checked, a referenced row taken by
    /// its id or the start of one.
    static func value(_ text: String, column: String, table: TableSpec, replica: Replica) throws -> SyncValue {
        guard let spec = table.column(column) else { throw SyncError.unknownColumn(table: table.name, column: column) }
        if let referenced = references[column], !text.isEmpty {
            return .text(try replica.rowID(text, in: referenced))
        }
        return try spec.parse(text, table: table.name)
    }
}

/// Options every `add` shares: the replica, `--hamlet` for reviewers, `--note`, `--json`.
struct AddOptions: ParsableArguments {
    @OptionGroup var replica: ReplicaOptions
    @Option(
        help: ArgumentHelp(
            tr(
                "The hamlet, by id or exact name (reviewers only; a head's rows go to its own hamlet).",
                "Thôn/xóm, theo mã hoặc tên chính xác (chỉ cán bộ xã; trưởng thôn ghi cho thôn mình).")))
    var hamlet: String?
    @Option(help: ArgumentHelp(tr("A free-text note.", "Ghi chú."))) var note: String?
    @OptionGroup var output: JSONFlag

    /// Parses the typed values for `table`'s columns, records the row and prints it.
    func add(_ tableName: String, _ typed: [(column: String, text: String?)]) throws {
        let table = try ReplicatedSchema.table(tableName)
        let replica = try replica.open()
        var values: SyncRow = [:]
        for (column, text) in typed + [("note", note)] {
            guard let text else { continue }
            values[column] = try FieldFlags.value(text, column: column, table: table, replica: replica)
        }
        if replica.principal.isReviewer, hamlet == nil, table.scope == .hamlet {
            throw CommandFailure.usage(
                tr(
                    "a reviewer names the hamlet: --hamlet ID-OR-NAME (see ntm list hamlets)",
                    "cán bộ xã cần chỉ rõ thôn/xóm: --hamlet MÃ-HOẶC-TÊN (xem ntm list hamlets)"))
        }
        if let hamlet, table.scope == .hamlet {
            values[TableSpec.scopeColumn] = .text(try replica.hamletID(named: hamlet))
        }
        let row = try replica.insert(into: tableName, values: values)
        if output.json { try Output.json(row) } else { print(row.id) }
    }
}

/// `ArgumentHelp` in the language of the process.
func help(_ english: String, _ vietnamese: String) -> ArgumentHelp { ArgumentHelp(tr(english, vietnamese)) }

/// `add`, `set` and `delete` of one kind of record.
func recordCommands<Kind: RecordKind>(_ kind: Kind.Type, add: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
    [add, SetRecord<Kind>.self, DeleteRecord<Kind>.self]
}

struct HouseholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household", abstract: tr("Record households.", "Ghi hộ gia đình."),
        subcommands: recordCommands(HouseholdRecord.self, add: Add.self))

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Record a household; prints its id.", "Ghi một hộ; in mã của hộ."))
        @Option(
            name: [.customLong("name"), .customLong("head-name")], help: help("The head of the household.", "Chủ hộ."))
        var name: String
        @Option(help: help("The address.", "Địa chỉ.")) var address: String?
        @Option(help: help("A phone number.", "Số điện thoại.")) var phone: String?
        @OptionGroup var options: AddOptions

        func run() throws {
            try options.add(HouseholdRecord.table, [("head_name", name), ("address", address), ("phone", phone)])
        }
    }
}

struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: tr("Record monthly cleanups (tổng vệ sinh).", "Ghi các buổi tổng vệ sinh hằng tháng."),
        subcommands: recordCommands(CleanupRecord.self, add: Add.self))

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Record a cleanup; prints its id.", "Ghi một buổi tổng vệ sinh; in mã."))
        @Option(help: help("The day: DD/MM/YYYY or YYYY-MM-DD.", "Ngày: DD/MM/YYYY hoặc YYYY-MM-DD.")) var date: String
        @Option(help: help("planned, done or cancelled.", "planned (dự kiến), done (đã làm) hoặc cancelled (hủy)."))
        var status = "done"
        @Option(help: help("How many people took part.", "Số người tham gia.")) var participants: String?
        @Option(
            name: [.customLong("households"), .customLong("households-joined")],
            help: help("How many households joined.", "Số hộ tham gia."))
        var households: String?
        @Option(help: help("Waste collected, kg.", "Rác thu gom (kg).")) var wasteKg: String?
        @Option(help: help("Area covered.", "Khu vực.")) var area: String?
        @OptionGroup var options: AddOptions

        func run() throws {
            try options.add(
                CleanupRecord.table,
                [
                    ("date", date), ("status", status), ("participants", participants),
                    ("households_joined", households), ("waste_kg", wasteKg), ("area", area),
                ])
        }
    }
}

struct RoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "road",
        abstract: tr("Record road segments being widened to 6 m.", "Ghi các đoạn đường mở rộng lên 6 m."),
        subcommands: recordCommands(RoadRecord.self, add: Add.self))

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Record a road segment; prints its id.", "Ghi một đoạn đường; in mã."))
        @Option(help: help("The segment's name.", "Tên đoạn đường.")) var name: String
        @Option(help: help("Length, m.", "Chiều dài (m).")) var lengthM: String
        @Option(help: help("Width before widening, m.", "Bề rộng trước khi mở (m).")) var widthBeforeM: String
        @Option(help: help("Width after widening, m.", "Bề rộng sau khi mở (m).")) var widthAfterM: String?
        @Option(help: help("Target width, m.", "Bề rộng mục tiêu (m).")) var targetWidthM = "6"
        @Option(
            help: help(
                "planned, surveyed, clearing, building or done.",
                "planned (dự kiến), surveyed (đã khảo sát), clearing (giải phóng mặt bằng), building (đang thi công) hoặc done (hoàn thành)."
            ))
        var status = "planned"
        @Option(help: help("Street lighting (yes/no).", "Có chiếu sáng (có/không).")) var lighting: String?
        @Option(help: help("Trees planted (yes/no).", "Có trồng cây (có/không).")) var trees: String?
        @Option(
            help: help(
                "truc (trục xóm), ngo (ngõ xóm) or noi_dong (đường nội đồng).",
                "truc (trục xóm), ngo (ngõ xóm) hoặc noi_dong (đường nội đồng)."))
        var kind = "truc"
        @Option(help: help("Date the segment reached its target width.", "Ngày đạt bề rộng mục tiêu."))
        var completedOn: String?
        @OptionGroup var options: AddOptions

        func run() throws {
            try options.add(
                RoadRecord.table,
                [
                    ("name", name), ("length_m", lengthM), ("width_before_m", widthBeforeM),
                    ("width_after_m", widthAfterM), ("target_width_m", targetWidthM), ("status", status),
                    ("lighting", lighting), ("trees", trees), ("kind", kind), ("completed_on", completedOn),
                ])
        }
    }
}

/// `--household ID | --donor NAME`.
struct DonorOptions: ParsableArguments {
    @Option(
        name: [.customLong("household"), .customLong("household-id")],
        help: help("The donor household: its id or the start of it.", "Hộ hiến/góp: mã hoặc phần đầu của mã."))
    var household: String?
    @Option(
        name: [.customLong("donor"), .customLong("donor-name")],
        help: help("The donor's name (without a household record).", "Tên người hiến/góp (khi chưa ghi hộ)."))
    var donor: String?

    func validate() throws {
        switch (household, donor) {
        case (nil, nil):
            throw ValidationError(
                tr(
                    "name the donor: --household ID or --donor NAME",
                    "cho biết người hiến/góp: --household MÃ hoặc --donor TÊN"))
        case (.some, .some):
            throw ValidationError(tr("give --household or --donor, not both", "chỉ cho --household hoặc --donor"))
        default: break
        }
    }
}

struct DonationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "donation",
        abstract: tr("Record land and asset donations (hiến đất).", "Ghi các khoản hiến đất, tài sản."),
        subcommands: recordCommands(DonationRecord.self, add: Add.self))

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Record a donation; prints its id.", "Ghi một khoản hiến đất; in mã."))
        @OptionGroup var donor: DonorOptions
        @Option(help: help("Area donated, m².", "Diện tích hiến (m²).")) var areaM2: String
        @Option(
            name: [.customLong("road"), .customLong("road-segment-id")],
            help: help(
                "The road segment it clears ground for: its id or the start of it.",
                "Đoạn đường được mở: mã hoặc phần đầu của mã."))
        var road: String?
        @Option(help: help("Assets given (fences, gates, trees).", "Tài sản hiến (tường rào, cổng, cây).")) var assets:
            String?
        @Option(
            help: help(
                "Value of the assets, VND (4.500.000 or 4500000).", "Giá trị tài sản, đồng (4.500.000 hoặc 4500000)."))
        var assetsValueVnd: String?
        @Option(
            help: help(
                "pledged, signed, handed_over or withdrawn.",
                "pledged (đăng ký), signed (đã ký biên bản), handed_over (đã bàn giao) hoặc withdrawn (rút lại)."))
        var status = "pledged"
        @Option(help: help("Date the record was signed.", "Ngày ký biên bản.")) var signedOn: String?
        @Option(help: help("Date the land was handed over.", "Ngày bàn giao đất.")) var handedOverOn: String?
        @OptionGroup var options: AddOptions

        func run() throws {
            try options.add(
                DonationRecord.table,
                [
                    ("household_id", donor.household), ("donor_name", donor.donor), ("area_m2", areaM2),
                    ("road_segment_id", road), ("assets", assets), ("assets_value_vnd", assetsValueVnd),
                    ("status", status), ("signed_on", signedOn), ("handed_over_on", handedOverOn),
                ])
        }
    }
}

struct ContributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contribution",
        abstract: tr(
            "Record contributions of money, materials and labour days.", "Ghi đóng góp tiền, vật liệu và ngày công."),
        subcommands: recordCommands(ContributionRecord.self, add: Add.self))

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Record a contribution; prints its id.", "Ghi một khoản đóng góp; in mã."))
        @OptionGroup var donor: DonorOptions
        @Option(
            help: help(
                "money, materials or labor_days.", "money (tiền), materials (vật liệu) hoặc labor_days (ngày công)."))
        var kind: String
        @Option(
            help: help("Amount: VND for money, days for labour.", "Số lượng: đồng nếu là tiền, ngày nếu là ngày công."))
        var amount: String
        @Option(help: help("Unit (materials: bao, m³, …).", "Đơn vị (vật liệu: bao, m³, …).")) var unit: String?
        @Option(help: help("What it is for.", "Mục đích.")) var purpose: String?
        @Option(help: help("The day: DD/MM/YYYY or YYYY-MM-DD.", "Ngày: DD/MM/YYYY hoặc YYYY-MM-DD.")) var date: String?
        @OptionGroup var options: AddOptions

        func run() throws {
            try options.add(
                ContributionRecord.table,
                [
                    ("household_id", donor.household), ("donor_name", donor.donor), ("kind", kind),
                    ("amount", amount), ("unit", unit), ("purpose", purpose), ("date", date),
                ])
        }
    }
}

/// `ntm TABLE set ID --FIELD VALUE …`: the flags `add` takes, or any column's name with dashes.
struct SetRecord<Kind: RecordKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "set",
            abstract: tr(
                "Change fields of a \(Kind.noun): --FIELD VALUE … (an empty value clears).",
                "Sửa các trường của \(Kind.vietnameseNoun): --TRƯỜNG GIÁ-TRỊ … (giá trị rỗng để xóa)."),
            discussion: tr("Fields: ", "Các trường: ")
                + ((try? ReplicatedSchema.table(Kind.table)).map(FieldFlags.all) ?? ""))
    }

    @Argument(help: help("The row's id, or the start of it.", "Mã của dòng, hoặc phần đầu của mã.")) var id: String
    @Argument(
        parsing: .captureForPassthrough,
        help: help(
            "--FIELD VALUE pairs, and --db PATH / --json.", "Các cặp --TRƯỜNG GIÁ-TRỊ, và --db ĐƯỜNG_DẪN / --json."))
    var fields: [String] = []

    func run() throws {
        let table = try ReplicatedSchema.table(Kind.table)
        var typed: [(column: String, text: String)] = []
        var db: String?
        var json = false
        var index = 0
        while index < fields.count {
            let word = fields[index]
            guard word.hasPrefix("--") else {
                throw CommandFailure.usage(
                    tr("expected --FIELD VALUE, got '\(word)'", "cần --TRƯỜNG GIÁ-TRỊ, không phải '\(word)'"))
            }
            var name = String(word.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if name == "json", value == nil {
                json = true
                index += 1
                continue
            }
            if value == nil {
                guard index + 1 < fields.count else {
                    throw CommandFailure.usage(tr("--\(name) needs a value", "--\(name) cần một giá trị"))
                }
                value = fields[index + 1]
                index += 1
            }
            index += 1
            if name == "db" {
                db = value
                continue
            }
            guard let column = FieldFlags.column(name, in: table) else {
                throw CommandFailure.usage(
                    tr(
                        "\(Kind.noun) has no field --\(name); fields: ",
                        "\(Kind.vietnameseNoun) không có trường --\(name); các trường: ")
                        + FieldFlags.all(table))
            }
            typed.append((column, value ?? ""))
        }
        guard !typed.isEmpty else {
            throw CommandFailure.usage(
                tr("nothing to set: give --FIELD VALUE", "không có gì để sửa: hãy cho --TRƯỜNG GIÁ-TRỊ"))
        }
        let replica = try ReplicaOptions.parse(db.map { ["--db", $0] } ?? []).open()
        var values: SyncRow = [:]
        for (column, text) in typed {
            values[column] = try FieldFlags.value(text, column: column, table: table, replica: replica)
        }
        let rowID = try replica.rowID(id, in: Kind.table)
        let row = try replica.update(Kind.table, id: rowID, values: values)
        if json {
            try Output.json(row)
        } else {
            let label = RecordNames.label(row, table: table, short: try replica.shortIDs([rowID]))
            print(tr("updated \(Kind.noun) \(label)", "đã sửa \(Kind.vietnameseNoun) \(label)"))
        }
    }
}

/// `ntm TABLE delete ID`.
struct DeleteRecord<Kind: RecordKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete", abstract: tr("Delete a \(Kind.noun).", "Xóa một \(Kind.vietnameseNoun)."))
    }

    @Argument(help: help("The row's id, or the start of it.", "Mã của dòng, hoặc phần đầu của mã.")) var id: String
    @OptionGroup var confirmation: YesFlag
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let replica = try replica.open()
        let table = try ReplicatedSchema.table(Kind.table)
        let rowID = try replica.rowID(id, in: Kind.table)
        let short = try replica.shortIDs([rowID])
        let label =
            try replica.row(Kind.table, id: rowID).map { RecordNames.label($0, table: table, short: short) } ?? rowID
        try Output.confirm(
            tr("delete \(Kind.noun) \(label)?", "xóa \(Kind.vietnameseNoun) \(label)?"), yes: confirmation.yes,
            nothing: tr("nothing was deleted", "chưa xóa gì"))
        try replica.delete(from: Kind.table, id: rowID)
        if output.json {
            try Output.json(["deleted": rowID, "table": Kind.table])
        } else {
            print(tr("deleted \(Kind.noun) \(label)", "đã xóa \(Kind.vietnameseNoun) \(label)"))
        }
    }
}

/// How a row is named to people: its name (or date, or donor) and its short id.
enum RecordNames {
    /// `Nguyễn Văn Bảy (01a20b4c)`, with the id as `short` gives it (`Replica.shortIDs`).
    static func label(_ row: SyncRow, table: TableSpec, short: [String: String]) -> String {
        let id = short[row.id] ?? String(row.id.prefix(13))
        guard let column = table.labelColumn, let value = row[column], value != .null else { return id }
        return "\(Vocabulary.cell(value, table: table.name, column: column)) (\(id))"
    }

    /// `rows` of `table` as people read them: short ids, and the names of the hamlet,
    /// household and road each refers to in place of their ids.
    static func readable(_ rows: [SyncRow], table: String, replica: Replica) throws -> [SyncRow] {
        var names: [String: String] = [:]
        for (referenced, column) in [("hamlets", "name"), ("households", "head_name"), ("road_segments", "name")] {
            for row in try replica.rows(referenced) { names[row.id] = row.text(column) }
        }
        let short = try replica.shortIDs(rows.map(\.id))
        return rows.map { row in
            var readable = row
            readable[TableSpec.idColumn] = .text(short[row.id] ?? row.id)
            for column in ["hamlet_id", "household_id", "road_segment_id"] {
                if let id = row[column]?.text { readable[column] = .text(names[id] ?? String(id.prefix(8))) }
            }
            return readable
        }
    }
}

/// `ntm list TABLE`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: tr(
            "List rows: households, cleanups, roads, donations, contributions, hamlets or criteria.",
            "Liệt kê: households (hộ), cleanups (tổng vệ sinh), roads (đường), donations (hiến đất), contributions (đóng góp), hamlets (thôn/xóm) hoặc criteria (tiêu chí)."
        ))

    static let tables = [
        "households": "households", "cleanups": "cleanups", "roads": "road_segments", "donations": "land_donations",
        "contributions": "contributions", "hamlets": "hamlets", "criteria": "criteria",
    ]

    /// The table a person names by its word, one or many (`donation`, `donations`), as the
    /// record commands spell it; nil for any other word. (`land_donations` is JSON's.)
    static func table(_ word: String) -> String? {
        let singular = [
            "household": "households", "cleanup": "cleanups", "road": "road_segments", "donation": "land_donations",
            "contribution": "contributions", "hamlet": "hamlets", "criterion": "criteria",
        ]
        return tables[word] ?? singular[word]
    }

    @Argument(
        help: help(
            "households, cleanups, roads, donations, contributions, hamlets or criteria.",
            "households, cleanups, roads, donations, contributions, hamlets hoặc criteria."))
    var table: String
    @Option(
        help: help(
            "Only the rows of this month (YYYY-MM or MM/YYYY), by the table's date: cleanups and contributions by date, donations by signing, roads by completion.",
            "Chỉ các dòng của tháng này (YYYY-MM hoặc MM/YYYY), theo ngày của bảng: tổng vệ sinh và đóng góp theo ngày, hiến đất theo ngày ký, đường theo ngày hoàn thành."
        ))
    var month: String?
    @Option(
        help: help(
            "Only this hamlet's rows (reviewers): its id or exact name.",
            "Chỉ các dòng của thôn/xóm này (cán bộ xã): mã hoặc tên chính xác."))
    var hamlet: String?
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    /// The column a month filter reads, per table.
    static let dateColumns = [
        "cleanups": "date", "contributions": "date", "land_donations": "signed_on", "road_segments": "completed_on",
    ]

    func validate() throws {
        guard ListCommand.table(table) != nil else {
            throw ValidationError(
                tr(
                    "unknown table '\(table)'; one of households, cleanups, roads, donations, contributions, hamlets, criteria",
                    "không có bảng '\(table)'; chọn một trong households, cleanups, roads, donations, contributions, hamlets, criteria"
                ))
        }
    }

    func run() throws {
        let name = ListCommand.table(table) ?? table
        let replica = try replica.open()
        var rows = try replica.rows(name)
        if name == "hamlets" { rows = NaturalOrder.sorted(rows, by: "name") }
        if let month {
            guard let column = Self.dateColumns[name] else {
                throw CommandFailure.usage(
                    tr(
                        "--month: \(table) have no date; it filters cleanups, contributions, donations and roads",
                        "--month: \(table) không có ngày; chỉ lọc được cleanups, contributions, donations và roads"))
            }
            let period = try ReportPeriod.month(month)
            rows = rows.filter { period.contains($0[column]?.text) }
        }
        if let hamlet {
            guard (try ReplicatedSchema.table(name)).scope == .hamlet else {
                throw CommandFailure.usage(
                    tr(
                        "--hamlet: \(table) belong to the whole commune",
                        "--hamlet: \(table) thuộc cả xã, không theo thôn/xóm"))
            }
            let id = try replica.hamletID(named: hamlet)
            rows = rows.filter { $0[TableSpec.scopeColumn]?.text == id }
        }
        if output.json {
            try Output.json(rows)
        } else {
            let spec = try ReplicatedSchema.table(name)
            let columns = spec.columnNames.filter { $0 != TableSpec.scopeColumn || replica.principal.isReviewer }
            Output.table(try RecordNames.readable(rows, table: name, replica: replica), table: name, columns: columns)
        }
    }
}

/// `ntm criteria set NUMBER …`: a reviewer records where the commune stands on a criterion.
struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria",
        abstract: tr(
            "Record the national criteria's standing (reviewer).", "Ghi mức đạt các tiêu chí quốc gia (cán bộ xã)."),
        subcommands: [Set.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Set a criterion's status, target year, owner or due date at one level.",
                "Đặt trạng thái, năm phấn đấu, đơn vị phụ trách hoặc hạn của một tiêu chí ở một mức."))

        @Argument(help: help("The criterion's number, 1 to 19.", "Số thứ tự tiêu chí, từ 1 đến 19.")) var number: Int
        @Option(
            help: help(
                "standard (NTM), advanced (NTM nâng cao) or model (NTM kiểu mẫu).",
                "standard (NTM), advanced (NTM nâng cao) hoặc model (NTM kiểu mẫu)."))
        var level = "standard"
        @Option(help: help("met or not_met.", "met (đạt) hoặc not_met (chưa đạt).")) var status: String?
        @Option(help: help("The year it is to be met.", "Năm phấn đấu đạt.")) var targetYear: String?
        @Option(help: help("The unit responsible.", "Đơn vị phụ trách.")) var owner: String?
        @Option(help: help("The due date.", "Hạn hoàn thành.")) var dueOn: String?
        @Option(help: help("A note.", "Ghi chú.")) var note: String?
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (1...19).contains(number) else {
                throw ValidationError(tr("the number must be between 1 and 19", "số tiêu chí phải từ 1 đến 19"))
            }
        }

        func run() throws {
            let replica = try replica.open()
            guard replica.principal.isReviewer else {
                throw CommandFailure.usage(
                    tr("only a reviewer records the criteria", "chỉ cán bộ xã mới ghi được tiêu chí"))
            }
            let table = try ReplicatedSchema.table("criteria")
            var values: SyncRow = [:]
            for (column, text) in [
                ("level", level), ("status", status), ("target_year", targetYear), ("owner", owner),
                ("due_on", dueOn), ("note", note),
            ] {
                if let text {
                    values[column] = try FieldFlags.value(text, column: column, table: table, replica: replica)
                }
            }
            guard values.count > 1 else {
                throw CommandFailure.usage(
                    tr(
                        "nothing to set: give --status, --target-year, --owner, --due-on or --note",
                        "không có gì để ghi: hãy cho --status, --target-year, --owner, --due-on hoặc --note"))
            }
            let rows = try replica.rows("criteria").filter { $0["number"]?.integerValue == Int64(number) }
            let row: SyncRow
            if let existing = rows.first(where: { $0.text("level", or: "standard") == level }) {
                row = try replica.update("criteria", id: existing.id, values: values)
            } else {
                // A criterion not yet followed at this level: recorded under its national name.
                guard let name = rows.first?.text("name") else {
                    throw CommandFailure.usage(
                        tr(
                            "criterion \(number) is not on this replica: run ntm sync",
                            "chưa có tiêu chí \(number) trên máy này: hãy chạy ntm sync"))
                }
                values["number"] = .integer(Int64(number))
                values["name"] = .text(name)
                row = try replica.insert(into: "criteria", values: values)
            }
            if output.json {
                try Output.json(row)
            } else {
                let levelName = Vocabulary.value(level, table: "criteria", column: "level")
                let statusName = Vocabulary.value(row.text("status"), table: "criteria", column: "status")
                print(
                    tr(
                        "criterion \(number) \(row.text("name")) (\(levelName)): \(statusName)",
                        "tiêu chí \(number) \(row.text("name")) (\(levelName)): \(statusName)"))
            }
        }
    }
}

/// `ntm show ID`: one record, every field by its label, with the names of what it refers
/// to, its attachments and whether it waits to be sent.
struct ShowCommand: ParsableCommand {
    struct Shown: Encodable {
        let table: String
        let row: SyncRow
    }

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: tr(
            "One record: every field, what it refers to, its photos, and whether it is sent yet.",
            "Một bản ghi: mọi trường, những gì nó liên quan, ảnh đính kèm, và đã gửi lên hub chưa."))

    @Argument(
        help: help(
            "The record's id (or its start), in any table.",
            "Mã của bản ghi (hoặc phần đầu của mã), ở bảng nào cũng được."))
    var id: String
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let replica = try replica.open()
        let (table, rowID) = try replica.findRow(id)
        guard let row = try replica.row(table, id: rowID) else {
            throw CommandFailure.usage(
                tr(
                    "\(id) was deleted: ntm\(self.replica.dbArgument) history \(id) shows what it held",
                    "\(id) đã bị xóa: ntm\(self.replica.dbArgument) history \(id) cho xem nội dung cũ"))
        }
        if output.json { return try Output.json(Shown(table: table, row: row)) }
        let spec = try ReplicatedSchema.table(table)
        let short = try replica.shortIDs([rowID])
        print("\(Vocabulary.table(table)) \(RecordNames.label(row, table: spec, short: short))")
        let readable = try RecordNames.readable([row], table: table, replica: replica).first ?? row
        let columns = spec.columnNames.filter { $0 != TableSpec.idColumn }
        let labels = columns.map { Vocabulary.column($0, table: table) }
        let idLabel = Vocabulary.column(TableSpec.idColumn, table: table)
        let width = (labels + [idLabel]).map(Format.width).max() ?? 0
        func padded(_ label: String) -> String {
            label + String(repeating: " ", count: max(0, width - Format.width(label)))
        }
        print("  " + padded(idLabel) + "  " + rowID)
        for (column, label) in zip(columns, labels) {
            let value = Vocabulary.cell(readable[column] ?? .null, table: table, column: column)
            print("  " + padded(label) + "  " + value)
        }
        let pending = try replica.pendingList().filter { $0.rowID == rowID }.map { "#\($0.seq)" }
        print(
            pending.isEmpty
                ? tr("  sent to the hub", "  đã gửi lên hub")
                : tr(
                    "  not yet sent: change(s) \(pending.joined(separator: ", ")) (ntm pending)",
                    "  chưa gửi: thay đổi \(pending.joined(separator: ", ")) (ntm pending)"))
        let attachments = try replica.attachments(of: table, rowID: rowID)
        for attachment in attachments {
            print(
                tr("  photo: ", "  ảnh: ") + (attachment["caption"]?.text ?? "")
                    + " (\(try replica.shortIDs([attachment.id])[attachment.id] ?? attachment.id))")
        }
    }
}
