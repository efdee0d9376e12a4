/// Commendation candidates (*khen thưởng*) for a year (DESIGN.md §9), with the figures
/// behind each rank.
///
/// Households (or donors named without one) rank by, in this order: land donated (m²),
/// the value of assets given with it, money given, labour days given; hamlets by cleanups
/// held, metres of road brought to target width, land donated. A later figure only breaks
/// ties of the earlier ones; equal figures share a rank (1, 1, 3).
///
/// What counts for the year: land of donations signed or handed over, not withdrawn, dated
/// in the year (`handed_over_on`, else `signed_on`); contributions dated in the year;
/// cleanups held in the year; roads that reached their target width in the year
/// (`completed_on`).
package struct CandidatesReport: Sendable, Hashable, Codable {
    /// The year.
    package var year: Int
    /// Households with something given in the year, best first.
    package var households: [HouseholdCandidate]
    /// Every hamlet in scope, best first.
    package var hamlets: [HamletCandidate]

    package struct HouseholdCandidate: Sendable, Hashable, Codable {
        package var rank: Int
        /// The household's id; nil for a donor named without one.
        package var householdID: String?
        /// The head of the household, or the donor's name.
        package var name: String
        package var hamletID: String
        package var hamletName: String
        package var landM2: Double
        package var assetsValueVND: Int64
        package var moneyVND: Int64
        package var laborDays: Double

        enum CodingKeys: String, CodingKey {
            case rank, name
            case householdID = "household_id"
            case hamletID = "hamlet_id"
            case hamletName = "hamlet_name"
            case landM2 = "land_m2"
            case assetsValueVND = "assets_value_vnd"
            case moneyVND = "money_vnd"
            case laborDays = "labor_days"
        }
    }

    package struct HamletCandidate: Sendable, Hashable, Codable {
        package var rank: Int
        package var id: String
        package var name: String
        package var cleanupsHeld: Int
        package var roadAtTargetM: Double
        package var landM2: Double

        enum CodingKeys: String, CodingKey {
            case rank, id, name
            case cleanupsHeld = "cleanups_held"
            case roadAtTargetM = "road_at_target_m"
            case landM2 = "land_m2"
        }
    }

    /// The candidates of `year` from every table's rows as the reader sees them;
    /// `hamletID` limits them to one hamlet (a head's).
    package init(year: Int, rows: [String: [SyncRow]], hamletID: String? = nil) throws(SyncError) {
        let period = try ReportPeriod.year(String(year))
        self.year = year
        let hamlets = (rows["hamlets"] ?? []).filter { hamletID == nil || $0.id == hamletID }
        let names = Dictionary(hamlets.map { ($0.id, $0.text("name")) }, uniquingKeysWith: { first, _ in first })
        let heads = Dictionary(
            (rows["households"] ?? []).map { ($0.id, $0.text("head_name")) }, uniquingKeysWith: { first, _ in first })

        var givers: [String: HouseholdCandidate] = [:]
        func giver(_ row: SyncRow) -> (key: String, candidate: HouseholdCandidate)? {
            guard let hamlet = row[TableSpec.scopeColumn]?.text, let hamletName = names[hamlet] else { return nil }
            let key = hamlet + "/" + Report.donorKey(row)
            let household = row["household_id"]?.text
            return (
                key,
                givers[key]
                    ?? HouseholdCandidate(
                        rank: 0, householdID: household,
                        name: household.flatMap { heads[$0] } ?? row.text("donor_name"), hamletID: hamlet,
                        hamletName: hamletName, landM2: 0, assetsValueVND: 0, moneyVND: 0, laborDays: 0)
            )
        }
        var landByHamlet: [String: Double] = [:]
        for donation in rows["land_donations"] ?? [] {
            let status = donation.text("status")
            guard status == "signed" || status == "handed_over",
                period.contains(donation["handed_over_on"]?.text ?? donation["signed_on"]?.text),
                let given = giver(donation)
            else { continue }
            let key = given.key
            var candidate = given.candidate
            candidate.landM2 += donation.number("area_m2")
            candidate.assetsValueVND = Report.add(candidate.assetsValueVND, donation["assets_value_vnd"])
            givers[key] = candidate
            landByHamlet[candidate.hamletID, default: 0] += donation.number("area_m2")
        }
        for contribution in rows["contributions"] ?? [] {
            let kind = contribution.text("kind")
            guard kind == "money" || kind == "labor_days", period.contains(contribution["date"]?.text),
                let given = giver(contribution)
            else { continue }
            let key = given.key
            var candidate = given.candidate
            if kind == "money" {
                candidate.moneyVND = Report.add(candidate.moneyVND, wholeNumber(contribution.number("amount")))
            } else {
                candidate.laborDays += contribution.number("amount")
            }
            givers[key] = candidate
        }
        self.households = Self.ranked(
            givers.values.filter { $0.landM2 > 0 || $0.assetsValueVND > 0 || $0.moneyVND > 0 || $0.laborDays > 0 },
            by: { [$0.landM2, Double($0.assetsValueVND), Double($0.moneyVND), $0.laborDays] },
            name: { ($0.name, $0.hamletName) }, setRank: { $0.rank = $1 })

        let grouped = ReportRows(rows)
        let hamletCandidates = hamlets.map { hamlet in
            let own = grouped.of(hamlet.id)
            let held = (own["cleanups"] ?? []).count {
                $0.text("status") == "done" && period.contains($0["date"]?.text)
            }
            let roads = (own["road_segments"] ?? []).filter {
                Report.atTarget($0) && period.contains($0["completed_on"]?.text)
            }
            return HamletCandidate(
                rank: 0, id: hamlet.id, name: hamlet.text("name"), cleanupsHeld: held,
                roadAtTargetM: roads.reduce(0) { $0 + $1.number("length_m") }, landM2: landByHamlet[hamlet.id] ?? 0)
        }
        self.hamlets = Self.ranked(
            hamletCandidates, by: { [Double($0.cleanupsHeld), $0.roadAtTargetM, $0.landM2] },
            name: { ($0.name, $0.id) }, setRank: { $0.rank = $1 })
    }

    /// `items` best first by `figures` (compared in order, larger first), then by name;
    /// equal figures share a rank.
    private static func ranked<T>(
        _ items: [T], by figures: (T) -> [Double], name: (T) -> (String, String), setRank: (inout T, Int) -> Void
    ) -> [T] {
        let sorted = items.sorted { a, b in
            let (x, y) = (figures(a), figures(b))
            if x != y { return x.lexicographicallyPrecedes(y, by: >) }
            let (p, q) = (name(a), name(b))
            return p.0 == q.0 ? p.1 < q.1 : NaturalOrder.precedes(p.0, q.0)
        }
        var result: [T] = []
        var previous: [Double]?
        var rank = 0
        for (index, item) in sorted.enumerated() {
            let current = figures(item)
            if current != previous { rank = index + 1 }
            previous = current
            var ranked = item
            setRank(&ranked, rank)
            result.append(ranked)
        }
        return result
    }
}
