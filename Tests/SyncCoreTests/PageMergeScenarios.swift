import Foundation
import Testing

@testable import SyncCore

/// A push page merges as a set (its reads at once, its writes at the end): whatever a page
/// holds, the hub ends exactly as if each change had come in a page of its own.
@Suite struct PageMergeScenarios {
    static let replicaID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
    static let donation = "0190a1b2-c3d4-7e5f-8a9b-000000000001"
    static let second = "0190a1b2-c3d4-7e5f-8a9b-000000000002"
    static let road = "0190a1b2-c3d4-7e5f-8a9b-000000000003"
    static let gone = "0190a1b2-c3d4-7e5f-8a9b-000000000004"

    /// One replica's changes that name rows several times: a donation inserted, edited
    /// three times; a
    /// second donation inserted then edited; a road inserted; a row inserted, deleted and
    /// inserted again; a change the hub refuses in the middle.
    static func changes(hamlet: String, now: Int64) -> [Change] {
        var seq: Int64 = 0
        func change(
            _ table: String, _ rowID: String, _ operation: ChangeOperation, _ values: SyncRow,
            previous: SyncRow = [:], base: [String: Int64] = [:]
        ) -> Change {
            seq += 1
            return Change(
                seq: seq, table: table, rowID: rowID, operation: operation, values: values, previous: previous,
                baseVersions: base, hlc: HLCTimestamp(physicalMilliseconds: now, logical: seq), createdAt: now)
        }
        let h: SyncValue = .text(hamlet)
        return [
            change(
                "land_donations", donation, .insert,
                [
                    "hamlet_id": h, "donor_name": .text("Hộ ông Nguyễn Văn Ba"), "area_m2": .real(120),
                    "status": .text("pledged"),
                ]),
            change(
                "land_donations", second, .insert,
                ["hamlet_id": h, "donor_name": .text("Hộ bà Trần Thị Tư"), "area_m2": .real(40)]),
            change(
                "land_donations", donation, .update, ["area_m2": .real(115)], previous: ["area_m2": .real(120)],
                base: ["area_m2": 0]),
            change(
                "cleanups", gone, .insert, ["hamlet_id": h, "date": .text("2026-11-15"), "participants": .integer(30)]),
            change(
                "land_donations", second, .update, ["note": .text("đã ký biên bản")], previous: [:], base: ["note": 0]),
            change("cleanups", gone, .delete, [:], previous: ["hamlet_id": h]),
            // Refused: no donor. The rest of the page goes on.
            change(
                "land_donations", "0190a1b2-c3d4-7e5f-8a9b-000000000009", .insert,
                ["hamlet_id": h, "area_m2": .real(3)]),
            change(
                "road_segments", road, .insert,
                ["hamlet_id": h, "name": .text("Đường trục xóm"), "length_m": .real(500), "width_before_m": .real(3)]),
            change(
                "land_donations", donation, .update, ["status": .text("signed"), "area_m2": .real(110)],
                previous: ["status": .text("pledged"), "area_m2": .real(115)], base: ["status": 0, "area_m2": 0]),
            change(
                "cleanups", gone, .insert, ["hamlet_id": h, "date": .text("2026-11-16"), "participants": .integer(31)]),
            change(
                "land_donations", donation, .update, ["area_m2": .real(108)], previous: ["area_m2": .real(110)],
                base: ["area_m2": 0]),
        ]
    }

    /// What a commune's hub holds after the changes, with the hamlet's id written as `H`.
    struct Held: Equatable {
        var rows: [String: [SyncRow]] = [:]
        var log: [String] = []
        var outcomes: [String] = []
        var audits: [String] = []
        var statuses: [ChangeOutcome.Status] = []
    }

    static func push(_ engine: SQLDialect, pageSize: Int) async throws -> Held {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đình"])
        let hamlet = try #require(hamlets.first)
        let head = commune.head(of: hamlet)
        let now = commune.hubClock.nowMilliseconds()
        let changes = Self.changes(hamlet: hamlet, now: now)
        let offset = try await commune.hub.log().last?.seq ?? 0
        var held = Held()
        for start in stride(from: 0, to: changes.count, by: pageSize) {
            let page = Array(changes[start..<min(start + pageSize, changes.count)])
            let response = try await commune.hub.push(
                PushRequest(replicaID: replicaID, clientTime: now, changes: page), from: head)
            held.statuses += response.outcomes.map(\.status)
            held.outcomes += response.outcomes.map {
                "\($0.seq) \($0.status) \($0.fields.sorted { $0.key < $1.key }) \($0.code ?? "") \($0.settleSeq - offset)"
            }
        }
        func named(_ text: String) -> String { text.replacingOccurrences(of: hamlet, with: "H") }
        for table in ["land_donations", "cleanups", "road_segments"] {
            held.rows[table] = try await commune.hub.rows(table: table, for: commune.reviewer).map { row in
                row.mapValues { $0 == .text(hamlet) ? .text("H") : $0 }
            }
            for rowID in [donation, second, road, gone] {
                held.audits += try await commune.hub.audit(table: table, rowID: rowID).map {
                    "\(table) \(rowID) \($0.decision) \($0.column ?? "*") \($0.old.map { "\($0)" } ?? "") \($0.new.map { "\($0)" } ?? "")"
                }
            }
        }
        held.log = try await commune.hub.log().filter { $0.seq > offset }.map {
            named(
                "\($0.seq - offset) \($0.kind) \($0.table) \($0.rowID) \($0.values.map { "\($0.sorted { $0.key < $1.key })" } ?? "")"
            )
        }
        let again = try await commune.hub.push(
            PushRequest(replicaID: replicaID, clientTime: now, changes: changes), from: head)
        #expect(again.outcomes.map(\.status) == held.statuses, "a replay answers each change as it was first answered")
        try commune.expectIntegrity()
        return held
    }

    @Test(arguments: TestPostgres.engines) func aPageThatNamesRowsSeveralTimesEndsAsChangeByChange(
        _ engine: SQLDialect
    ) async throws {
        let together = try await Self.push(engine, pageSize: 100)
        let apart = try await Self.push(engine, pageSize: 1)
        #expect(together.rows == apart.rows)
        #expect(together.log == apart.log)
        #expect(together.outcomes == apart.outcomes)
        #expect(together.audits == apart.audits)
        // And what that is: the donation at its last values, one change refused.
        let donation = try #require(together.rows["land_donations"]?.first { $0.id == Self.donation })
        #expect(donation["area_m2"] == .real(108))
        #expect(donation["status"] == .text("signed"))
        #expect(together.statuses.filter { $0 == .rejected }.count == 1, "\(together.outcomes)")
    }
}
