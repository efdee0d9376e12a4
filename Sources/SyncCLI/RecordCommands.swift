import ArgumentParser
import CommandSupport
import Foundation
import SyncCore

/// A replicated table as the command line names it (`donation` → `land_donations`).
protocol RecordKind {
    static var table: String { get }
    static var noun: String { get }
}

enum HouseholdRecord: RecordKind {
    static let table = "households"
    static let noun = "household"
}

enum CleanupRecord: RecordKind {
    static let table = "cleanups"
    static let noun = "cleanup"
}

enum RoadRecord: RecordKind {
    static let table = "road_segments"
    static let noun = "road"
}

enum DonationRecord: RecordKind {
    static let table = "land_donations"
    static let noun = "donation"
}

enum ContributionRecord: RecordKind {
    static let table = "contributions"
    static let noun = "contribution"
}

/// Options every `add` shares: the replica, `--hamlet` for reviewers, `--note`, `--json`.
struct AddOptions: ParsableArguments {
    @OptionGroup var replica: ReplicaOptions
    @Option(help: "The hamlet, by id or exact name (reviewers only; a head's rows go to its own hamlet).")
    var hamlet: String?
    @Option(help: "A free-text note.") var note: String?
    @OptionGroup var output: JSONFlag

    /// Parses the typed values for `table`'s columns, records the row and prints it.
    func add(_ tableName: String, _ typed: [(column: String, text: String?)]) throws {
        let table = try ReplicatedSchema.table(tableName)
        var values: SyncRow = [:]
        for (column, text) in typed + [("note", note)] {
            guard let text, let spec = table.column(column) else { continue }
            values[column] = try spec.parse(text, table: tableName)
        }
        let replica = try replica.open()
        if replica.principal.isReviewer, hamlet == nil, table.scope == .hamlet {
            throw CommandFailure.usage("a reviewer names the hamlet: --hamlet ID-OR-NAME (see ntm list hamlets)")
        }
        if let hamlet, table.scope == .hamlet {
            values[TableSpec.scopeColumn] = .text(try replica.hamletID(named: hamlet))
        }
        let row = try replica.insert(into: tableName, values: values)
        if output.json { try Output.json(row) } else { print(row[TableSpec.idColumn]?.text ?? "") }
    }
}

struct HouseholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household", abstract: "Record households.",
        subcommands: [Add.self, SetRecord<HouseholdRecord>.self, DeleteRecord<HouseholdRecord>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a household; prints its id.")
        @Option(help: "The head of the household.") var name: String
        @Option var address: String?
        @Option var phone: String?
        @OptionGroup var options: AddOptions

        func run() throws {
            try options.add(HouseholdRecord.table, [("head_name", name), ("address", address), ("phone", phone)])
        }
    }
}

struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup", abstract: "Record monthly cleanups (tổng vệ sinh).",
        subcommands: [Add.self, SetRecord<CleanupRecord>.self, DeleteRecord<CleanupRecord>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a cleanup; prints its id.")
        @Option(help: "YYYY-MM-DD.") var date: String
        @Option(help: "planned, done or cancelled.") var status = "done"
        @Option(help: "How many people took part.") var participants: String?
        @Option(help: "How many households joined.") var households: String?
        @Option(help: "Waste collected, kg.") var wasteKg: String?
        @Option(help: "Area covered.") var area: String?
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
        commandName: "road", abstract: "Record road segments being widened to 6 m.",
        subcommands: [Add.self, SetRecord<RoadRecord>.self, DeleteRecord<RoadRecord>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a road segment; prints its id.")
        @Option var name: String
        @Option(help: "Length, m.") var lengthM: String
        @Option(help: "Width before widening, m.") var widthBeforeM: String
        @Option(help: "Width after widening, m.") var widthAfterM: String?
        @Option(help: "Target width, m.") var targetWidthM = "6"
        @Option(help: "planned, surveyed, clearing, building or done.") var status = "planned"
        @Option(help: "Street lighting (true/false).") var lighting: String?
        @Option(help: "Trees planted (true/false).") var trees: String?
        @Option(help: "truc (trục xóm), ngo (ngõ xóm) or noi_dong (đường nội đồng).") var kind = "truc"
        @Option(help: "Date the segment reached its target width, YYYY-MM-DD.") var completedOn: String?
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
    @Option(help: "The donor household's id.") var household: String?
    @Option(help: "The donor's name.") var donor: String?

    func validate() throws {
        switch (household, donor) {
        case (nil, nil): throw ValidationError("name the donor: --household ID or --donor NAME")
        case (.some, .some): throw ValidationError("give --household or --donor, not both")
        default: break
        }
    }
}

struct DonationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "donation", abstract: "Record land and asset donations (hiến đất).",
        subcommands: [Add.self, SetRecord<DonationRecord>.self, DeleteRecord<DonationRecord>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a donation; prints its id.")
        @OptionGroup var donor: DonorOptions
        @Option(help: "Area donated, m².") var areaM2: String
        @Option(help: "The road segment it clears ground for.") var road: String?
        @Option(help: "Assets given (fences, gates, trees).") var assets: String?
        @Option(help: "Value of the assets, VND.") var assetsValueVnd: String?
        @Option(help: "pledged, signed, handed_over or withdrawn.") var status = "pledged"
        @Option(help: "Date the record was signed, YYYY-MM-DD.") var signedOn: String?
        @Option(help: "Date the land was handed over, YYYY-MM-DD.") var handedOverOn: String?
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
        commandName: "contribution", abstract: "Record contributions of money, materials and labour days.",
        subcommands: [Add.self, SetRecord<ContributionRecord>.self, DeleteRecord<ContributionRecord>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a contribution; prints its id.")
        @OptionGroup var donor: DonorOptions
        @Option(help: "money, materials or labor_days.") var kind: String
        @Option(help: "Amount: VND for money, days for labour.") var amount: String
        @Option(help: "Unit (materials).") var unit: String?
        @Option var purpose: String?
        @Option(help: "YYYY-MM-DD.") var date: String?
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

/// `ntm TABLE set ID --FIELD VALUE …`: field flags are the column names with dashes.
struct SetRecord<Kind: RecordKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "set",
            abstract: "Change fields of a \(Kind.noun): --FIELD VALUE … (column names with dashes; empty clears).",
            discussion: "Fields: "
                + ((try? ReplicatedSchema.table(Kind.table))?.columns.filter { $0.name != TableSpec.scopeColumn }
                    .map { "--" + $0.flagName }.joined(separator: " ") ?? ""))
    }

    @Argument(help: "The row's id.") var id: String
    @Argument(parsing: .captureForPassthrough, help: "--FIELD VALUE pairs, and --db PATH / --json.")
    var fields: [String] = []

    func run() throws {
        let table = try ReplicatedSchema.table(Kind.table)
        var values: SyncRow = [:]
        var db: String?
        var json = false
        var index = 0
        while index < fields.count {
            let word = fields[index]
            guard word.hasPrefix("--") else { throw CommandFailure.usage("expected --FIELD VALUE, got '\(word)'") }
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
                guard index + 1 < fields.count else { throw CommandFailure.usage("--\(name) needs a value") }
                value = fields[index + 1]
                index += 1
            }
            index += 1
            if name == "db" {
                db = value
                continue
            }
            let column = name.replacingOccurrences(of: "-", with: "_")
            guard let spec = table.column(column), column != TableSpec.scopeColumn else {
                throw CommandFailure.usage(
                    "\(Kind.noun) has no field --\(name); fields: "
                        + table.columns.filter { $0.name != TableSpec.scopeColumn }.map { "--" + $0.flagName }
                        .joined(separator: " "))
            }
            values[column] = try spec.parse(value ?? "", table: Kind.table)
        }
        guard !values.isEmpty else { throw CommandFailure.usage("nothing to set: give --FIELD VALUE") }
        let replica = try ReplicaOptions.parse(db.map { ["--db", $0] } ?? []).open()
        let row = try replica.update(Kind.table, id: id, values: values)
        if json { try Output.json(row) } else { print("updated \(Kind.noun) \(id)") }
    }
}

/// `ntm TABLE delete ID`.
struct DeleteRecord<Kind: RecordKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "delete", abstract: "Delete a \(Kind.noun).")
    }

    @Argument(help: "The row's id.") var id: String
    @OptionGroup var replica: ReplicaOptions

    func run() throws {
        try replica.open().delete(from: Kind.table, id: id)
        print("deleted \(Kind.noun) \(id)")
    }
}

/// `ntm list TABLE`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List rows: households, cleanups, roads, donations, contributions, hamlets or criteria.")

    static let tables = [
        "households": "households", "cleanups": "cleanups", "roads": "road_segments", "donations": "land_donations",
        "contributions": "contributions", "hamlets": "hamlets", "criteria": "criteria",
    ]

    @Argument(help: "households, cleanups, roads, donations, contributions, hamlets or criteria.") var table: String
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func validate() throws {
        guard ListCommand.tables[table] != nil else {
            throw ValidationError(
                "unknown table '\(table)'; one of households, cleanups, roads, donations, contributions, hamlets, criteria"
            )
        }
    }

    func run() throws {
        let name = ListCommand.tables[table] ?? table
        let rows = try replica.open().rows(name)
        if output.json {
            try Output.json(rows)
        } else {
            let spec = try ReplicatedSchema.table(name)
            Output.table(rows, table: name, columns: spec.columnNames.filter { $0 != TableSpec.scopeColumn })
        }
    }
}
