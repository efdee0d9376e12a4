/// The commune's report for a period (DESIGN.md §9): one entry per hamlet in the reader's
/// scope (a head: its own; a reviewer or the hub: every hamlet) and the commune's totals,
/// all derived from the rows as they stand.
///
/// Figures "in the period" come from the rows' dates: cleanups by `date`, roads completed
/// by `completed_on`, land handed over by `handed_over_on`, contributions by `date`.
/// Figures "to date" count everything dated up to the period's end, and undated rows.
/// Withdrawn donations are left out of every land total (they are counted by status).
package struct CommuneReport: Sendable, Hashable, Codable {
    /// The period.
    package var period: ReportPeriod
    /// The day the report was made (Vietnam time): months after it are not yet due.
    package var asOf: String
    /// One entry per hamlet, in name order (`NaturalOrder`: Xóm 2 before Xóm 10).
    package var hamlets: [HamletReport]
    /// The head's hamlet when the report is a head's (its hamlet only); nil for the commune's,
    /// which has its totals row however many hamlets it has.
    package var scopeHamletID: String?
    /// The commune's totals: the sum of the hamlets (for a head, its hamlet).
    package var totals: Figures
    /// Hamlets that missed the monthly cleanup in a month of the period.
    package var cleanupMissed: [HamletName]
    /// The national criteria met, per level.
    package var criteria: CriteriaFigures
    /// Hamlets aiming at or holding the model standard (*thôn kiểu mẫu*).
    package var modelHamlets: [HamletStanding]

    enum CodingKeys: String, CodingKey {
        case period, hamlets, totals, criteria
        case asOf = "as_of"
        case cleanupMissed = "cleanup_missed"
        case modelHamlets = "model_hamlets"
        case scopeHamletID = "scope_hamlet_id"
    }

    /// A hamlet by id and name.
    package struct HamletName: Sendable, Hashable, Codable {
        package var id: String
        package var name: String
    }

    /// One hamlet's figures and standing.
    package struct HamletReport: Sendable, Hashable, Codable {
        package var id: String
        package var name: String
        /// The standing it aims at (`standard`, `model`) and has reached (`none`, `standard`,
        /// `model`), with the year.
        package var target: String
        package var achieved: String
        package var achievedYear: Int64?
        package var figures: Figures

        enum CodingKeys: String, CodingKey {
            case id, name, target, achieved, figures
            case achievedYear = "achieved_year"
        }
    }

    /// A hamlet's standing.
    package struct HamletStanding: Sendable, Hashable, Codable {
        package var id: String
        package var name: String
        package var target: String
        package var achieved: String
        package var achievedYear: Int64?

        enum CodingKeys: String, CodingKey {
            case id, name, target, achieved
            case achievedYear = "achieved_year"
        }
    }

    /// Everything counted for one hamlet, or summed for the commune.
    package struct Figures: Sendable, Hashable, Codable {
        package var cleanups: CleanupFigures
        package var roads: RoadFigures
        package var land: LandFigures
        /// Per kind and unit: money in VND, labour in days, each material in its own unit.
        package var contributions: [ContributionFigures]
    }

    /// Cleanups (*tổng vệ sinh*) in the period.
    package struct CleanupFigures: Sendable, Hashable, Codable {
        package var held = 0
        package var planned = 0
        package var cancelled = 0
        /// Over the held cleanups.
        package var participants: Int64 = 0
        package var householdsJoined: Int64 = 0
        package var wasteKg = 0.0
        /// Months of the period begun by `as_of`, in which one cleanup is due.
        package var monthsDue = 0
        /// Of those, the months with a cleanup held (for the commune: held in every hamlet).
        package var monthsMet = 0
        /// The months missed (`YYYY-MM`).
        package var monthsMissed: [String] = []
        /// At least one cleanup held in every month due.
        package var targetMet: Bool { monthsMissed.isEmpty }

        enum CodingKeys: String, CodingKey {
            case held, planned, cancelled, participants
            case householdsJoined = "households_joined"
            case wasteKg = "waste_kg"
            case monthsDue = "months_due"
            case monthsMet = "months_met"
            case monthsMissed = "months_missed"
            case targetMet = "target_met"
        }

        package init() {}

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            held = try container.decode(Int.self, forKey: .held)
            planned = try container.decode(Int.self, forKey: .planned)
            cancelled = try container.decode(Int.self, forKey: .cancelled)
            participants = try container.decode(Int64.self, forKey: .participants)
            householdsJoined = try container.decode(Int64.self, forKey: .householdsJoined)
            wasteKg = try container.decode(Double.self, forKey: .wasteKg)
            monthsDue = try container.decode(Int.self, forKey: .monthsDue)
            monthsMet = try container.decode(Int.self, forKey: .monthsMet)
            monthsMissed = try container.decode([String].self, forKey: .monthsMissed)
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(held, forKey: .held)
            try container.encode(planned, forKey: .planned)
            try container.encode(cancelled, forKey: .cancelled)
            try container.encode(participants, forKey: .participants)
            try container.encode(householdsJoined, forKey: .householdsJoined)
            try container.encode(wasteKg, forKey: .wasteKg)
            try container.encode(monthsDue, forKey: .monthsDue)
            try container.encode(monthsMet, forKey: .monthsMet)
            try container.encode(monthsMissed, forKey: .monthsMissed)
            try container.encode(targetMet, forKey: .targetMet)
        }
    }

    /// Road segments of one status or kind.
    package struct RoadGroup: Sendable, Hashable, Codable {
        package var segments = 0
        package var lengthM = 0.0
        package var atTargetM = 0.0

        enum CodingKeys: String, CodingKey {
            case segments
            case lengthM = "length_m"
            case atTargetM = "at_target_m"
        }
    }

    /// Road widening (*mở rộng đường*): as it stands, and completed in the period.
    package struct RoadFigures: Sendable, Hashable, Codable {
        package var segments = 0
        package var totalM = 0.0
        /// Length at or beyond its target width (6 m unless the segment says otherwise).
        package var atTargetM = 0.0
        package var remainingM = 0.0
        /// Segments that reached their target width in the period (by `completed_on`).
        package var completedInPeriod = 0
        package var completedInPeriodM = 0.0
        /// Per status (`planned` … `done`) and per kind (`truc`, `ngo`, `noi_dong`).
        package var byStatus: [String: RoadGroup] = [:]
        package var byKind: [String: RoadGroup] = [:]

        enum CodingKeys: String, CodingKey {
            case segments
            case totalM = "total_m"
            case atTargetM = "at_target_m"
            case remainingM = "remaining_m"
            case completedInPeriod = "completed_in_period"
            case completedInPeriodM = "completed_in_period_m"
            case byStatus = "by_status"
            case byKind = "by_kind"
        }
    }

    /// Land donations of one status, or handed over in the period.
    package struct LandGroup: Sendable, Hashable, Codable {
        package var donations = 0
        package var areaM2 = 0.0
        package var assetsValueVND: Int64 = 0

        enum CodingKeys: String, CodingKey {
            case donations
            case areaM2 = "area_m2"
            case assetsValueVND = "assets_value_vnd"
        }
    }

    /// Land donated (*hiến đất*), withdrawn donations left out of the totals.
    package struct LandFigures: Sendable, Hashable, Codable {
        package var donations = 0
        package var areaM2 = 0.0
        package var assetsValueVND: Int64 = 0
        /// Donors: households, or people named without one.
        package var donors = 0
        /// Handed over in the period (by `handed_over_on`).
        package var handedOverInPeriod = LandGroup()
        /// Per status, withdrawn included.
        package var byStatus: [String: LandGroup] = [:]

        enum CodingKeys: String, CodingKey {
            case donations, donors
            case areaM2 = "area_m2"
            case assetsValueVND = "assets_value_vnd"
            case handedOverInPeriod = "handed_over_in_period"
            case byStatus = "by_status"
        }
    }

    /// Contributions of one kind in one unit.
    package struct ContributionFigures: Sendable, Hashable, Codable {
        /// `money`, `materials` or `labor_days`.
        package var kind: String
        /// `VND` for money, `days` for labour, the recorded unit for materials (empty when
        /// none was recorded).
        package var unit: String
        package var inPeriod = Amount()
        package var toDate = Amount()

        package struct Amount: Sendable, Hashable, Codable {
            package var count = 0
            package var amount = 0.0
        }

        enum CodingKeys: String, CodingKey {
            case kind, unit
            case inPeriod = "in_period"
            case toDate = "to_date"
        }
    }

    /// The 19 national criteria: how many are met at each level.
    package struct CriteriaFigures: Sendable, Hashable, Codable {
        /// Per level (`standard`, `advanced`, `model`): criteria recorded and met.
        package var byLevel: [String: LevelCount]
        /// The national criteria: 19.
        package var of = 19

        package struct LevelCount: Sendable, Hashable, Codable {
            package var recorded = 0
            package var met = 0

            package init(recorded: Int = 0, met: Int = 0) {
                self.recorded = recorded
                self.met = met
            }
        }

        enum CodingKeys: String, CodingKey {
            case of
            case byLevel = "by_level"
        }
    }
}

extension CommuneReport {
    /// The report of `period` made on `asOf`, from every table's rows as the reader sees
    /// them; `hamletID` limits it to one hamlet (a head's).
    package init(period: ReportPeriod, asOf: CalendarDate, rows: [String: [SyncRow]], hamletID: String? = nil) {
        let byHamlet = ReportRows(rows)
        let hamlets = NaturalOrder.sorted(
            (rows["hamlets"] ?? []).filter { hamletID == nil || $0.id == hamletID }, by: "name")
        let months = period.monthsDue(asOf: asOf)
        self.period = period
        self.scopeHamletID = hamletID
        self.asOf = asOf.description
        self.hamlets = hamlets.map { hamlet in
            HamletReport(
                id: hamlet.id, name: hamlet.text("name"), target: hamlet.text("target", or: "standard"),
                achieved: hamlet.text("achieved", or: "none"), achievedYear: hamlet["achieved_year"]?.integerValue,
                figures: Figures(period: period, months: months, rows: byHamlet.of(hamlet.id)))
        }
        self.totals = Figures.sum(self.hamlets.map(\.figures), months: months)
        self.cleanupMissed = self.hamlets.filter { !$0.figures.cleanups.targetMet }
            .map { HamletName(id: $0.id, name: $0.name) }
        self.criteria = CriteriaFigures(rows["criteria"] ?? [])
        self.modelHamlets = self.hamlets.filter { $0.target == "model" || $0.achieved == "model" }
            .map {
                HamletStanding(
                    id: $0.id, name: $0.name, target: $0.target, achieved: $0.achieved, achievedYear: $0.achievedYear)
            }
    }
}

/// A table's rows grouped by hamlet.
struct ReportRows {
    private var grouped: [String: [String: [SyncRow]]] = [:]

    init(_ rows: [String: [SyncRow]]) {
        for (table, list) in rows {
            for row in list {
                guard let hamlet = row[TableSpec.scopeColumn]?.text else { continue }
                grouped[hamlet, default: [:]][table, default: []].append(row)
            }
        }
    }

    /// The rows of `hamletID`, per table.
    func of(_ hamletID: String) -> [String: [SyncRow]] { grouped[hamletID] ?? [:] }
}

extension CommuneReport.Figures {
    /// One hamlet's figures from its rows.
    init(period: ReportPeriod, months: [String], rows: [String: [SyncRow]]) {
        var cleanups = CommuneReport.CleanupFigures()
        var monthsHeld = Set<String>()
        for cleanup in rows["cleanups"] ?? [] where period.contains(cleanup["date"]?.text) {
            switch cleanup.text("status") {
            case "done":
                cleanups.held += 1
                cleanups.participants = Report.add(cleanups.participants, cleanup["participants"])
                cleanups.householdsJoined = Report.add(cleanups.householdsJoined, cleanup["households_joined"])
                cleanups.wasteKg += cleanup.number("waste_kg")
                monthsHeld.insert(String(cleanup.text("date").prefix(7)))
            case "planned": cleanups.planned += 1
            case "cancelled": cleanups.cancelled += 1
            default: break
            }
        }
        cleanups.monthsDue = months.count
        cleanups.monthsMissed = months.filter { !monthsHeld.contains($0) }
        cleanups.monthsMet = months.count - cleanups.monthsMissed.count

        var roads = CommuneReport.RoadFigures()
        for road in rows["road_segments"] ?? [] {
            let length = road.number("length_m")
            let atTarget = Report.atTarget(road)
            roads.segments += 1
            roads.totalM += length
            if atTarget { roads.atTargetM += length }
            if atTarget, period.contains(road["completed_on"]?.text) {
                roads.completedInPeriod += 1
                roads.completedInPeriodM += length
            }
            for (key, groups) in [
                (road.text("status", or: "planned"), \CommuneReport.RoadFigures.byStatus),
                (road.text("kind", or: "truc"), \CommuneReport.RoadFigures.byKind),
            ] {
                var group = roads[keyPath: groups][key] ?? CommuneReport.RoadGroup()
                group.segments += 1
                group.lengthM += length
                if atTarget { group.atTargetM += length }
                roads[keyPath: groups][key] = group
            }
        }
        roads.remainingM = roads.totalM - roads.atTargetM

        var land = CommuneReport.LandFigures()
        var donors = Set<String>()
        for donation in rows["land_donations"] ?? [] {
            let status = donation.text("status", or: "pledged")
            let area = donation.number("area_m2")
            let value = donation["assets_value_vnd"]
            land.byStatus[status, default: CommuneReport.LandGroup()].add(area: area, value: value)
            guard status != "withdrawn" else { continue }
            land.donations += 1
            land.areaM2 += area
            land.assetsValueVND = Report.add(land.assetsValueVND, value)
            donors.insert(Report.donorKey(donation))
            if status == "handed_over", period.contains(donation["handed_over_on"]?.text) {
                land.handedOverInPeriod.add(area: area, value: value)
            }
        }
        land.donors = donors.count

        var contributions: [Report.ContributionKey: CommuneReport.ContributionFigures] = [:]
        for contribution in rows["contributions"] ?? [] {
            let key = Report.ContributionKey(contribution)
            var figures =
                contributions[key] ?? CommuneReport.ContributionFigures(kind: key.kind, unit: key.unit)
            let amount = contribution.number("amount")
            let date = contribution["date"]?.text
            if date == nil || period.reaches(date) {
                figures.toDate.count += 1
                figures.toDate.amount += amount
            }
            if period.contains(date) {
                figures.inPeriod.count += 1
                figures.inPeriod.amount += amount
            }
            contributions[key] = figures
        }
        self.init(
            cleanups: cleanups, roads: roads, land: land,
            contributions: contributions.sorted { $0.key < $1.key }.map(\.value))
    }

    /// The commune's figures: the hamlets' summed; a month is met when every hamlet met it.
    static func sum(_ all: [CommuneReport.Figures], months: [String]) -> CommuneReport.Figures {
        var cleanups = CommuneReport.CleanupFigures()
        var roads = CommuneReport.RoadFigures()
        var land = CommuneReport.LandFigures()
        var contributions: [Report.ContributionKey: CommuneReport.ContributionFigures] = [:]
        var missed = Set<String>()
        for figures in all {
            let c = figures.cleanups
            cleanups.held += c.held
            cleanups.planned += c.planned
            cleanups.cancelled += c.cancelled
            cleanups.participants = Report.add(cleanups.participants, c.participants)
            cleanups.householdsJoined = Report.add(cleanups.householdsJoined, c.householdsJoined)
            cleanups.wasteKg += c.wasteKg
            missed.formUnion(c.monthsMissed)

            let r = figures.roads
            roads.segments += r.segments
            roads.totalM += r.totalM
            roads.atTargetM += r.atTargetM
            roads.remainingM += r.remainingM
            roads.completedInPeriod += r.completedInPeriod
            roads.completedInPeriodM += r.completedInPeriodM
            roads.byStatus.merge(r.byStatus) { $0.adding($1) }
            roads.byKind.merge(r.byKind) { $0.adding($1) }

            let l = figures.land
            land.donations += l.donations
            land.areaM2 += l.areaM2
            land.assetsValueVND = Report.add(land.assetsValueVND, l.assetsValueVND)
            land.donors += l.donors
            land.handedOverInPeriod = land.handedOverInPeriod.adding(l.handedOverInPeriod)
            land.byStatus.merge(l.byStatus) { $0.adding($1) }

            for entry in figures.contributions {
                let key = Report.ContributionKey(kind: entry.kind, unit: entry.unit)
                var total = contributions[key] ?? CommuneReport.ContributionFigures(kind: entry.kind, unit: entry.unit)
                total.inPeriod.count += entry.inPeriod.count
                total.inPeriod.amount += entry.inPeriod.amount
                total.toDate.count += entry.toDate.count
                total.toDate.amount += entry.toDate.amount
                contributions[key] = total
            }
        }
        cleanups.monthsDue = months.count
        cleanups.monthsMissed = months.filter { missed.contains($0) }
        cleanups.monthsMet = months.count - cleanups.monthsMissed.count
        return CommuneReport.Figures(
            cleanups: cleanups, roads: roads, land: land,
            contributions: contributions.sorted { $0.key < $1.key }.map(\.value))
    }
}

extension CommuneReport.RoadGroup {
    func adding(_ other: Self) -> Self {
        Self(
            segments: segments + other.segments, lengthM: lengthM + other.lengthM,
            atTargetM: atTargetM + other.atTargetM)
    }
}

extension CommuneReport.LandGroup {
    mutating func add(area: Double, value: SyncValue?) {
        donations += 1
        areaM2 += area
        assetsValueVND = Report.add(assetsValueVND, value)
    }

    func adding(_ other: Self) -> Self {
        Self(
            donations: donations + other.donations, areaM2: areaM2 + other.areaM2,
            assetsValueVND: Report.add(assetsValueVND, other.assetsValueVND))
    }
}

extension CommuneReport.CriteriaFigures {
    /// Per level, the distinct criteria recorded and those met.
    init(_ rows: [SyncRow]) {
        var recorded: [String: Set<Int64>] = [:]
        var met: [String: Set<Int64>] = [:]
        for row in rows {
            guard let number = row["number"]?.integerValue else { continue }
            let level = row.text("level", or: "standard")
            recorded[level, default: []].insert(number)
            if row.text("status") == "met" { met[level, default: []].insert(number) }
        }
        var byLevel: [String: LevelCount] = [:]
        for level in ["standard", "advanced", "model"] {
            byLevel[level] = LevelCount(recorded: recorded[level]?.count ?? 0, met: met[level]?.count ?? 0)
        }
        self.init(byLevel: byLevel)
    }
}

/// Arithmetic and keys shared by the reports.
enum Report {
    /// `total` plus a stored whole number, pinned to Int64's range: rows stored before the
    /// plausible bounds existed may hold anything, and a report never traps on them.
    static func add(_ total: Int64, _ value: SyncValue?) -> Int64 {
        switch value {
        case .integer(let number): add(total, number)
        case .real(let number): add(total, wholeNumber(number))
        default: total
        }
    }

    /// Whether a road segment is as wide as its target (6 m unless it says otherwise).
    static func atTarget(_ road: SyncRow) -> Bool {
        guard let after = road["width_after_m"]?.number else { return false }
        return after >= (road["target_width_m"]?.number ?? 6)
    }

    static func add(_ total: Int64, _ value: Int64) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(value)
        return overflow ? (value > 0 ? .max : .min) : sum
    }

    /// Who gave: the household, or the name given without one (Swift's `String` equality
    /// makes it the same name however its accents were typed).
    static func donorKey(_ row: SyncRow) -> String {
        if let household = row["household_id"]?.text { return "household:" + household }
        return "name:" + (row["donor_name"]?.text ?? "")
    }

    /// A contribution's kind and unit: money in VND, labour in days, materials in the unit
    /// recorded (trimmed; the same unit however its accents were typed, as `donorKey`).
    struct ContributionKey: Hashable, Comparable {
        var kind: String
        var unit: String

        init(kind: String, unit: String) {
            self.kind = kind
            self.unit = unit
        }

        init(_ row: SyncRow) {
            kind = row.text("kind", or: "money")
            switch kind {
            case "money": unit = "VND"
            case "labor_days": unit = "days"
            default: unit = row.text("unit").trimmingSpaces
            }
        }

        static let kindOrder = ["money": 0, "labor_days": 1, "materials": 2]

        static func < (a: Self, b: Self) -> Bool {
            if a.kind != b.kind { return (kindOrder[a.kind] ?? 3, a.kind) < (kindOrder[b.kind] ?? 3, b.kind) }
            return a.unit.utf8.lexicographicallyPrecedes(b.unit.utf8)
        }
    }
}

extension SyncRow {
    /// A text field, or `fallback` when it is not text.
    package func text(_ column: String, or fallback: String = "") -> String { self[column]?.text ?? fallback }

    /// A numeric field, 0 when it is not a number.
    func number(_ column: String) -> Double { self[column]?.number ?? 0 }
}

extension String {
    /// Without leading or trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
