import Foundation
import Logging

@testable import SyncCore

/// A commune with known figures for 2026 (as of 23/11/2026), recorded by the commune office
/// through a real reviewer replica and synced to a real hub file:
/// - Xóm Đông (aims at model, standard since 2024): a cleanup held every month from January
///   to November (20 people, 10 households, 50.5 kg each), one planned in December, one
///   cancelled; three roads (one completed in 2026, one in 2025, one too narrow); donations
///   handed over, signed, pledged and withdrawn; money, cement in bags and labour.
/// - Xóm Đoài: cleanups in January, February and April only; a road planned; sand in m³,
///   cement in bags (December) and undated money.
/// - Xóm Bãi: no cleanup in 2026; land handed over in December 2025.
/// - Criteria: 17 of 19 met at the standard level, 2 of 3 recorded at the advanced level.
final class ReportDataset: @unchecked Sendable {  // test fixture used from one task at a time
    let folder: URL
    let hub: Hub
    let office: Replica
    var dong = "", doai = "", bai = "", household = ""
    static let reviewer = Principal(role: .reviewer, name: "Cán bộ xã Lê Văn Tám")
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hub = try Hub(
            sqliteFile: folder.appendingPathComponent("hub.sqlite").path,
            logger: Logger(label: "test.hub", factory: { _ in SwiftLogNoOpLogHandler() }))
        self.hub = hub
        office = try Replica.create(
            at: folder.appendingPathComponent("office.sqlite").path, principal: Self.reviewer)
        _ = try await hub.initialize(communeName: "Xã Tân Lập")
        func hamlet(_ values: SyncRow) async throws -> String { try await hub.addHamlet(values).id }
        dong = try await hamlet([
            "name": .text("Xóm Đông"), "target": .text("model"), "achieved": .text("standard"),
            "achieved_year": .integer(2024),
        ])
        doai = try await hamlet(["name": .text("Xóm Đoài")])
        bai = try await hamlet(["name": .text("Xóm Bãi")])
        try await sync(office)
        try record()
        try await sync(office)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func sync(_ replica: Replica) async throws {
        try await SyncSession(replica: replica, hub: LocalHubConnection(store: hub, principal: replica.principal)).run()
    }

    /// A head's replica of `hamletID`, synced.
    func head(of hamletID: String, name: String) async throws -> Replica {
        let replica = try Replica.create(
            at: folder.appendingPathComponent("\(name).sqlite").path,
            principal: Principal(role: .head(hamletID: hamletID), name: name))
        try await sync(replica)
        return replica
    }

    private func record() throws {
        func add(_ table: String, _ hamlet: String, _ values: SyncRow) throws -> String {
            try office.insert(into: table, values: values.merging(["hamlet_id": .text(hamlet)]) { $1 }).id
        }
        for month in 1...11 {
            _ = try add(
                "cleanups", dong,
                [
                    "date": .text(String(format: "2026-%02d-15", month)), "participants": .integer(20),
                    "households_joined": .integer(10), "waste_kg": .real(50.5),
                ])
        }
        _ = try add("cleanups", dong, ["date": .text("2026-12-05"), "status": .text("planned")])
        _ = try add("cleanups", dong, ["date": .text("2026-03-20"), "status": .text("cancelled")])
        for day in ["2026-01-10", "2026-02-10", "2026-04-10"] {
            _ = try add("cleanups", doai, ["date": .text(day), "participants": .integer(8)])
        }
        _ = try add("cleanups", bai, ["date": .text("2025-12-10")])

        func road(
            _ hamlet: String, _ name: String, _ kind: String, _ length: Double, _ after: Double?, _ status: String,
            _ completed: String?
        ) throws {
            var values: SyncRow = [
                "name": .text(name), "kind": .text(kind), "length_m": .real(length), "status": .text(status),
                "width_before_m": .real(3),
            ]
            if let after { values["width_after_m"] = .real(after) }
            if let completed { values["completed_on"] = .text(completed) }
            _ = try add("road_segments", hamlet, values)
        }
        try road(dong, "Trục chính", "truc", 500, 6, "done", "2026-06-01")
        try road(dong, "Ngõ 3", "ngo", 200, 4, "building", nil)
        try road(dong, "Đường ra đồng", "noi_dong", 300, 6.5, "done", "2025-11-01")
        try road(doai, "Trục Đoài", "truc", 1000, nil, "planned", nil)

        household = try add("households", dong, ["head_name": .text("Nguyễn Văn Bảy")])
        func donation(_ hamlet: String, _ values: SyncRow) throws { _ = try add("land_donations", hamlet, values) }
        try donation(
            dong,
            [
                "household_id": .text(household), "area_m2": .real(120), "status": .text("handed_over"),
                "handed_over_on": .text("2026-05-10"), "assets_value_vnd": .integer(5_000_000),
            ])
        try donation(
            dong,
            [
                "donor_name": .text("Lò Văn Páo"), "area_m2": .real(80), "status": .text("signed"),
                "signed_on": .text("2026-02-01"),
            ])
        try donation(dong, ["household_id": .text(household), "area_m2": .real(30)])
        try donation(
            dong,
            [
                "donor_name": .text("Hộ ông Tư"), "area_m2": .real(500), "status": .text("withdrawn"),
                "assets_value_vnd": .integer(1_000_000),
            ])
        try donation(
            bai,
            [
                "donor_name": .text("Hà Thị Mai"), "area_m2": .real(60), "status": .text("handed_over"),
                "handed_over_on": .text("2025-12-20"), "assets_value_vnd": .integer(2_000_000),
            ])

        func contribution(_ hamlet: String, _ values: SyncRow) throws { _ = try add("contributions", hamlet, values) }
        try contribution(
            dong,
            [
                "household_id": .text(household), "kind": .text("money"), "amount": .real(4_500_000),
                "date": .text("2026-03-01"),
            ])
        try contribution(
            dong,
            [
                "household_id": .text(household), "kind": .text("money"), "amount": .real(1_000_000),
                "date": .text("2025-10-01"),
            ])
        try contribution(
            dong,
            [
                "donor_name": .text("Hộ bà Lan"), "kind": .text("materials"), "amount": .real(200),
                "unit": .text("bao"), "date": .text("2026-04-01"),
            ])
        try contribution(
            dong,
            [
                "donor_name": .text("Lò Văn Páo"), "kind": .text("labor_days"), "amount": .real(12),
                "date": .text("2026-04-02"),
            ])
        try contribution(
            doai,
            [
                "donor_name": .text("Hộ ông Sáu"), "kind": .text("materials"), "amount": .real(10), "unit": .text("m³"),
                "date": .text("2026-05-01"),
            ])
        try contribution(
            doai,
            [
                "donor_name": .text("Hộ ông Sáu"), "kind": .text("materials"), "amount": .real(50),
                "unit": .text(" bao "), "date": .text("2026-12-15"),
            ])
        try contribution(doai, ["donor_name": .text("Hộ bà Năm"), "kind": .text("money"), "amount": .real(2_000_000)])

        // Criteria: the hub recorded the 19 at the standard level, not met.
        for criterion in try office.rows("criteria") {
            if let number = criterion["number"]?.integerValue, number <= 17 {
                _ = try office.update("criteria", id: criterion.id, values: ["status": .text("met")])
            }
        }
        for number in 1...3 {
            _ = try office.insert(
                into: "criteria",
                values: [
                    "number": .integer(Int64(number)), "name": .text("Tiêu chí \(number) nâng cao"),
                    "level": .text("advanced"), "status": .text(number <= 2 ? "met" : "not_met"),
                ])
        }
    }
}
