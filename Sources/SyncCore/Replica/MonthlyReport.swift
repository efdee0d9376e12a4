/// The monthly report of one hamlet (DESIGN.md §1, "báo cáo hằng tháng"), derived from its rows.
package struct MonthlyReport: Sendable, Hashable, Codable {
    /// Cleanups in the month.
    package struct Cleanups: Sendable, Hashable, Codable {
        /// Held (status done) in the month.
        package var held: Int
        /// Still planned for the month.
        package var planned: Int
        /// Cancelled in the month.
        package var cancelled: Int
        /// Whether the at-least-once-a-month target was met.
        package var targetMet: Bool
        /// Participants over the held cleanups.
        package var participants: Int64
        /// Households joining over the held cleanups.
        package var householdsJoined: Int64
        /// Waste collected over the held cleanups, kg.
        package var wasteKg: Double

        enum CodingKeys: String, CodingKey {
            case held, planned, cancelled, participants
            case targetMet = "target_met"
            case householdsJoined = "households_joined"
            case wasteKg = "waste_kg"
        }
    }

    /// Road widening, as it stands.
    package struct Roads: Sendable, Hashable, Codable {
        /// Road segments recorded.
        package var segments: Int
        /// Their total length, m.
        package var totalM: Double
        /// Length already at its target width, m.
        package var atTargetM: Double
        /// Length still below its target width, m.
        package var remainingM: Double

        enum CodingKeys: String, CodingKey {
            case segments
            case totalM = "total_m"
            case atTargetM = "at_target_m"
            case remainingM = "remaining_m"
        }
    }

    /// Land donations of one status.
    package struct LandStatus: Sendable, Hashable, Codable {
        /// Donations.
        package var donations: Int
        /// Area, m².
        package var areaM2: Double
        /// Value of assets given, VND.
        package var assetsValueVND: Int64

        enum CodingKeys: String, CodingKey {
            case donations
            case areaM2 = "area_m2"
            case assetsValueVND = "assets_value_vnd"
        }
    }

    /// Land donated, as it stands.
    package struct Land: Sendable, Hashable, Codable {
        /// Area donated, m², not counting withdrawn donations.
        package var areaM2: Double
        /// Donor households, not counting withdrawn donations.
        package var households: Int
        /// Per status.
        package var byStatus: [String: LandStatus]

        enum CodingKeys: String, CodingKey {
            case households
            case areaM2 = "area_m2"
            case byStatus = "by_status"
        }
    }

    /// Contributions of one kind.
    package struct ContributionTotal: Sendable, Hashable, Codable {
        /// Contributions dated in the month.
        package var count: Int
        /// Their total amount.
        package var amount: Double
        /// Total amount of every contribution of this kind to date.
        package var amountToDate: Double

        enum CodingKeys: String, CodingKey {
            case count, amount
            case amountToDate = "amount_to_date"
        }
    }

    /// The month, `YYYY-MM`.
    package var month: String
    /// The hamlet.
    package var hamletID: String
    /// Its name.
    package var hamletName: String
    /// Cleanups in the month.
    package var cleanups: Cleanups
    /// Roads as they stand.
    package var roads: Roads
    /// Land as it stands.
    package var land: Land
    /// Contributions per kind (money in VND, materials in their units, labour in days).
    package var contributions: [String: ContributionTotal]

    enum CodingKeys: String, CodingKey {
        case month, cleanups, roads, land, contributions
        case hamletID = "hamlet_id"
        case hamletName = "hamlet_name"
    }

    /// Checks a `YYYY-MM` month.
    package static func validate(month: String) throws(SyncError) {
        guard CalendarDate(month + "-01") != nil else {
            throw .invalidValue(table: "report", column: "month", "must be a month YYYY-MM")
        }
    }

    /// The report of `hamletID` for `month` from the rows of each table.
    package init(month: String, hamletID: String, hamletName: String, rows: [String: [SyncRow]]) {
        func mine(_ table: String) -> [SyncRow] {
            (rows[table] ?? []).filter { $0[TableSpec.scopeColumn]?.text == hamletID }
        }
        func inMonth(_ row: SyncRow) -> Bool { row["date"]?.text?.hasPrefix(month + "-") ?? false }
        func number(_ row: SyncRow, _ column: String) -> Double { row[column]?.number ?? 0 }

        self.month = month
        self.hamletID = hamletID
        self.hamletName = hamletName

        let cleanups = mine("cleanups").filter(inMonth)
        let held = cleanups.filter { $0["status"] == .text("done") }
        self.cleanups = Cleanups(
            held: held.count, planned: cleanups.count { $0["status"] == .text("planned") },
            cancelled: cleanups.count { $0["status"] == .text("cancelled") }, targetMet: !held.isEmpty,
            participants: wholeNumber(held.reduce(0) { $0 + number($1, "participants") }),
            householdsJoined: wholeNumber(held.reduce(0) { $0 + number($1, "households_joined") }),
            wasteKg: held.reduce(0) { $0 + number($1, "waste_kg") })

        let roads = mine("road_segments")
        let atTarget = roads.filter { road in
            guard let after = road["width_after_m"]?.number else { return false }
            return after >= (road["target_width_m"]?.number ?? 6)
        }
        let total = roads.reduce(0) { $0 + number($1, "length_m") }
        let done = atTarget.reduce(0) { $0 + number($1, "length_m") }
        self.roads = Roads(segments: roads.count, totalM: total, atTargetM: done, remainingM: total - done)

        var byStatus: [String: LandStatus] = [:]
        var donors = Set<String>()
        var area = 0.0
        for donation in mine("land_donations") {
            let status = donation["status"]?.text ?? "pledged"
            var entry = byStatus[status] ?? LandStatus(donations: 0, areaM2: 0, assetsValueVND: 0)
            entry.donations += 1
            entry.areaM2 += number(donation, "area_m2")
            let (value, overflow) = entry.assetsValueVND.addingReportingOverflow(
                wholeNumber(number(donation, "assets_value_vnd")))
            entry.assetsValueVND = overflow ? .max : value
            byStatus[status] = entry
            if status != "withdrawn" {
                area += number(donation, "area_m2")
                if let donor = donation["household_id"]?.text ?? donation["donor_name"]?.text { donors.insert(donor) }
            }
        }
        self.land = Land(areaM2: area, households: donors.count, byStatus: byStatus)

        var contributions: [String: ContributionTotal] = [:]
        for contribution in mine("contributions") {
            let kind = contribution["kind"]?.text ?? "money"
            var entry = contributions[kind] ?? ContributionTotal(count: 0, amount: 0, amountToDate: 0)
            entry.amountToDate += number(contribution, "amount")
            if inMonth(contribution) {
                entry.count += 1
                entry.amount += number(contribution, "amount")
            }
            contributions[kind] = entry
        }
        self.contributions = contributions
    }
}

extension Replica {
    /// The monthly report of every hamlet in this replica's scope.
    package func report(month: String) throws -> [MonthlyReport] {
        try MonthlyReport.validate(month: month)
        var rows: [String: [SyncRow]] = [:]
        for table in schema.tables { rows[table.name] = try self.rows(table.name) }
        return (rows["hamlets"] ?? [])
            .filter { principal.hamletID == nil || $0[TableSpec.idColumn]?.text == principal.hamletID }
            .map { hamlet in
                MonthlyReport(
                    month: month, hamletID: hamlet[TableSpec.idColumn]?.text ?? "",
                    hamletName: hamlet["name"]?.text ?? "", rows: rows)
            }
    }
}

/// A report's sum as a whole number, pinned to Int64's range: rows stored before the
/// plausible bounds existed may hold anything, and a report never traps on them.
func wholeNumber(_ value: Double) -> Int64 {
    guard value.isFinite else { return value > 0 ? .max : value < 0 ? .min : 0 }
    if value >= 9.2e18 { return .max }
    if value <= -9.2e18 { return .min }
    return Int64(value)
}
