/// The one declaration of the replicated data (DESIGN.md §3): tables, columns, types,
/// scope and merge policy. It drives the replica's and the hub's migrations, the capture
/// triggers, input validation and the hub's merge.
package enum ReplicatedSchema {
    /// This build's schema version, which its requests name; each additive migration
    /// bumps it (docs/architecture.md, "Adding a column or a table").
    package static let version = 3

    /// Road progress: only ever forward.
    package static let roadStatus = StatusOrder(["planned", "surveyed", "clearing", "building", "done"])
    /// Land donation progress; `withdrawn` leaves the order.
    package static let donationStatus = StatusOrder(["pledged", "signed", "handed_over"], exits: ["withdrawn"])

    /// The largest plausible count (people, households).
    private static let count: Double = 100_000
    /// The largest plausible road width, in metres.
    private static let width: Double = 50

    /// Every replicated table, in the order rows are created and reported.
    package static let tables: [TableSpec] = [
        TableSpec(
            "hamlets", scope: .commune,
            columns: [
                ColumnSpec("name", .text, required: true, text: .name),
                ColumnSpec(
                    "kind", .enumeration(["xom", "thon", "lang", "ban"]), required: true, default: .text("xom")),
                ColumnSpec("head_name", .text, text: .name),
                ColumnSpec("households_total", .integer, rule: .nonNegative, maximum: count),
                ColumnSpec("target", .enumeration(["standard", "model"]), required: true, default: .text("standard")),
                ColumnSpec("note", .text, text: .note),
                ColumnSpec(
                    "achieved", .enumeration(["none", "standard", "model"]), required: true, default: .text("none"),
                    since: 2),
                ColumnSpec("achieved_year", .integer, rule: .range(2000...2100), since: 2),
            ]),
        TableSpec(
            "criteria", scope: .commune,
            columns: [
                ColumnSpec("number", .integer, required: true, rule: .range(1...19)),
                ColumnSpec("name", .text, required: true, text: .name),
                ColumnSpec("status", .enumeration(["met", "not_met"]), required: true, default: .text("not_met")),
                ColumnSpec("target_year", .integer, rule: .range(2000...2100)),
                ColumnSpec("note", .text, text: .note),
                ColumnSpec(
                    "level", .enumeration(["standard", "advanced", "model"]), required: true,
                    default: .text("standard"), since: 2),
                ColumnSpec("owner", .text, text: .name, since: 2),
                ColumnSpec("due_on", .date, since: 2),
            ]),
        TableSpec(
            "households", scope: .hamlet,
            columns: [
                ColumnSpec("head_name", .text, required: true, text: .name),
                ColumnSpec("address", .text),
                ColumnSpec("phone", .text, text: .name),
                ColumnSpec("note", .text, text: .note),
            ]),
        TableSpec(
            "cleanups", scope: .hamlet,
            columns: [
                ColumnSpec("date", .date, required: true),
                ColumnSpec(
                    "status", .enumeration(["planned", "done", "cancelled"]), required: true, default: .text("done")),
                ColumnSpec("participants", .integer, rule: .nonNegative, maximum: count),
                ColumnSpec("households_joined", .integer, rule: .nonNegative, maximum: count),
                ColumnSpec("waste_kg", .real, rule: .nonNegative, maximum: 1_000_000),
                ColumnSpec("area", .text),
                ColumnSpec("note", .text, text: .note),
            ]),
        TableSpec(
            "road_segments", scope: .hamlet,
            columns: [
                ColumnSpec("name", .text, required: true, text: .name),
                ColumnSpec("length_m", .real, required: true, rule: .positive, maximum: 50_000, policy: .review),
                ColumnSpec("width_before_m", .real, rule: .positive, maximum: width),
                ColumnSpec("width_after_m", .real, rule: .positive, maximum: width, policy: .review),
                ColumnSpec(
                    "target_width_m", .real, required: true, default: .real(6), rule: .positive, maximum: width),
                ColumnSpec(
                    "status", .enumeration(roadStatus.allValues), required: true, default: .text("planned"),
                    policy: .monotonic(roadStatus)),
                ColumnSpec("lighting", .boolean, required: true, default: .integer(0)),
                ColumnSpec("trees", .boolean, required: true, default: .integer(0)),
                ColumnSpec("note", .text, text: .note),
                ColumnSpec(
                    "kind", .enumeration(["truc", "ngo", "noi_dong"]), required: true, default: .text("truc"), since: 2),
                ColumnSpec("completed_on", .date, since: 2),
            ]),
        TableSpec(
            "land_donations", scope: .hamlet,
            columns: [
                ColumnSpec("road_segment_id", .text, text: .reference),
                ColumnSpec("household_id", .text, text: .reference, policy: .review),
                ColumnSpec("donor_name", .text, text: .name, policy: .review),
                ColumnSpec("area_m2", .real, required: true, rule: .positive, maximum: 100_000, policy: .review),
                ColumnSpec("assets", .text),
                ColumnSpec(
                    "assets_value_vnd", .integer, rule: .nonNegative, maximum: PlausibleValues.maxMoneyVND,
                    policy: .review),
                ColumnSpec(
                    "status", .enumeration(donationStatus.allValues), required: true, default: .text("pledged"),
                    policy: .monotonic(donationStatus)),
                ColumnSpec("signed_on", .date),
                ColumnSpec("note", .text, text: .note),
                ColumnSpec("handed_over_on", .date, since: 2),
            ],
            rowRules: [.oneOf(["household_id", "donor_name"])]),
        TableSpec(
            "contributions", scope: .hamlet,
            columns: [
                ColumnSpec("household_id", .text, text: .reference),
                ColumnSpec("donor_name", .text, text: .name),
                ColumnSpec("kind", .enumeration(["money", "materials", "labor_days"]), required: true),
                ColumnSpec(
                    "amount", .real, required: true, rule: .nonNegative, maximum: PlausibleValues.maxMoneyVND,
                    policy: .review),
                ColumnSpec("unit", .text, text: .name),
                ColumnSpec("purpose", .text),
                ColumnSpec("date", .date),
                ColumnSpec("note", .text, text: .note),
            ],
            rowRules: [
                .oneOf(["household_id", "donor_name"]),
                .wholeNumberWhen(column: "kind", equals: "money", wholeColumn: "amount"),
                .atMostUnless(
                    limited: "amount", maximum: PlausibleValues.maxOtherAmount, column: "kind", equals: "money"),
            ]),
        // Evidence (DESIGN.md §8): a photo or scan attached to a row of the hamlet, its
        // content stored apart, once, by its SHA-256.
        TableSpec(
            "attachments", scope: .hamlet,
            columns: [
                ColumnSpec("row_table", .enumeration(attachableTables), required: true),
                ColumnSpec("row_id", .text, required: true, text: .reference),
                ColumnSpec("sha256", .text, required: true, text: .digest),
                ColumnSpec("media_type", .enumeration(MediaType.allCases.map(\.rawValue)), required: true),
                ColumnSpec("bytes", .integer, required: true, rule: .range(1...Int64(MediaType.maxBytes))),
                ColumnSpec("caption", .text, text: .note),
                ColumnSpec("taken_on", .date),
            ],
            since: 3),
    ]

    /// The tables whose rows may carry attachments.
    package static let attachableTables = [
        "households", "cleanups", "road_segments", "land_donations", "contributions",
    ]

    /// The table called `name`, or an error naming it.
    package static func table(_ name: String) throws(SyncError) -> TableSpec {
        try SchemaView.current.table(name)
    }
}

/// The replicated tables as one schema version has them. A replica still at an earlier
/// version, or a request naming one, sees only the tables and columns that version knows.
package struct SchemaView: Sendable {
    /// The schema version.
    package let version: Int
    /// Its tables, in the declaration's order.
    package let tables: [TableSpec]
    private let tablesByName: [String: TableSpec]

    private init(version: Int) {
        self.version = version
        tables = ReplicatedSchema.tables.compactMap { $0.at(version: version) }
        tablesByName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
    }

    /// Every version this build knows, 1 first.
    private static let all = (1...ReplicatedSchema.version).map(SchemaView.init(version:))

    /// This build's own version.
    package static var current: SchemaView { all[all.count - 1] }

    /// Version `version`; a version this build does not know is refused.
    package static func at(_ version: Int) throws(SyncError) -> SchemaView {
        guard version >= 1, version <= all.count else {
            throw .incompatibleVersion("schema", got: version, supported: ReplicatedSchema.version)
        }
        return all[version - 1]
    }

    /// The table called `name`, or an error naming it.
    package func table(_ name: String) throws(SyncError) -> TableSpec {
        guard let table = tablesByName[name] else { throw .unknownTable(name) }
        return table
    }
}
