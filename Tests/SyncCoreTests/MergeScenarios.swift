import Foundation
import Testing

@testable import SyncCore

/// Acceptance 2–6: how concurrent edits merge, and that every replica converges.
@Suite struct MergeScenarios {
    /// A hamlet head and the commune office, both holding the same synced row.
    struct Setting {
        let commune: Commune
        let office: Replica
        let head: Replica
        let headClock: ManualWallClock
        let officeClock: ManualWallClock
        let hamletID: String

        init(_ engine: SQLDialect = .sqlite) async throws {
            commune = try await Commune.on(engine)
            officeClock = ManualWallClock(offsetMilliseconds: -60_000)
            headClock = ManualWallClock(offsetMilliseconds: -60_000)
            office = try commune.replica("office", for: commune.reviewer, clock: officeClock)
            hamletID = try office.insert(into: "hamlets", values: ["name": .text("Xóm Đình")]).id
            try await commune.sync(office)
            head = try commune.replica("dinh", for: commune.head(of: hamletID), clock: headClock)
            try await commune.sync(head)
        }

        /// Records a row on the head's replica and brings it to the office.
        func shared(_ table: String, _ values: SyncRow) async throws -> String {
            let id = try head.insert(into: table, values: values).id
            try await commune.sync(head)
            try await commune.sync(office)
            return id
        }
    }

    @Test(arguments: TestPostgres.engines) func nonOverlappingFieldEditsOfOneRowBothSurvive(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let road = try await s.shared(
            "road_segments", ["name": .text("Đường trục xóm"), "length_m": .real(500), "width_before_m": .real(3)])
        try s.head.update("road_segments", id: road, values: ["note": .text("Đã cắm mốc"), "lighting": .integer(1)])
        try s.office.update("road_segments", id: road, values: ["width_after_m": .real(6), "trees": .integer(1)])
        try await s.commune.syncAll()

        let hubRoad = try #require(try await s.commune.hub.rows(table: "road_segments", for: s.commune.reviewer).first)
        #expect(hubRoad["note"] == .text("Đã cắm mốc"))
        #expect(hubRoad["lighting"] == .integer(1))
        #expect(hubRoad["width_after_m"] == .real(6))
        #expect(hubRoad["trees"] == .integer(1))
        #expect(try await s.commune.hub.conflicts(status: nil, for: s.commune.reviewer).isEmpty)
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines, [true, false])
    func concurrentLastWriterWinsEditsConvergeOnTheLaterStamp(_ engine: SQLDialect, laterPushesFirst: Bool) async throws
    {
        let s = try await Setting(engine)
        let cleanup = try await s.shared("cleanups", ["date": .text("2026-11-15"), "note": .text("Kế hoạch")])
        try s.head.update("cleanups", id: cleanup, values: ["note": .text("Trưởng xóm: đã làm xong")])
        s.officeClock.advance(by: 5_000)  // the office edits five seconds later
        try s.office.update("cleanups", id: cleanup, values: ["note": .text("Xã: hoãn vì mưa")])

        if laterPushesFirst {
            try await s.commune.sync(s.office)
            try await s.commune.sync(s.head)
        } else {
            try await s.commune.sync(s.head)
            try await s.commune.sync(s.office)
        }
        try await s.commune.syncAll()

        for replica in [s.head, s.office] {
            #expect(try replica.row("cleanups", id: cleanup)?["note"] == .text("Xã: hoãn vì mưa"))
        }
        let audit = try await s.commune.hub.audit(table: "cleanups", rowID: cleanup)
        let losing = SyncValue.text("Trưởng xóm: đã làm xong")
        // The loser is kept: lost on arrival, or overwritten by the later stamp.
        #expect(
            audit.contains {
                ($0.decision == .lost && $0.new == losing) || ($0.decision == .overwritten && $0.old == losing)
            })
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines, [ConflictChoice.hub, .incoming, .value(.real(115))])
    func concurrentAreaEditsOpenOneConflictAndOverwriteNothingUntilReviewed(
        _ engine: SQLDialect, choice: ConflictChoice
    ) async throws {
        let s = try await Setting(engine)
        let donation = try await s.shared(
            "land_donations", ["donor_name": .text("Hộ ông Hoàng Văn Cường"), "area_m2": .real(100)])
        try s.head.update("land_donations", id: donation, values: ["area_m2": .real(120)])
        try s.office.update("land_donations", id: donation, values: ["area_m2": .real(110)])
        try await s.commune.sync(s.head)
        let report = try await s.commune.sync(s.office)
        #expect(report.conflicts == 1)
        try await s.commune.syncAll()

        let open = try await s.commune.hub.conflicts(status: .open, for: s.commune.reviewer)
        #expect(open.count == 1)
        let conflict = try #require(open.first)
        #expect(conflict.column == "area_m2")
        #expect(conflict.base?.value == .real(100))
        #expect(conflict.base?.author == "Trưởng xóm")  // who wrote the value both started from
        #expect(conflict.hub.value == .real(120))
        #expect(conflict.incoming.value == .real(110))
        #expect(conflict.incoming.author == s.commune.reviewer.name)
        // Nothing overwritten: every replica shows the hub's value, and sees the conflict.
        for replica in [s.head, s.office] {
            #expect(try replica.row("land_donations", id: donation)?["area_m2"] == .real(120))
            #expect(try replica.conflicts(status: .open).map(\.id) == [conflict.id])
            #expect(try replica.status().openConflicts == 1)
        }
        try await s.commune.expectConverged()

        let resolved = try await s.commune.hub.resolve(
            conflictID: conflict.id, choice: choice, note: "Đo lại tại thực địa", by: s.commune.reviewer)
        #expect(resolved.status == .resolved)
        try await s.commune.syncAll()
        let expected: SyncValue =
            switch choice {
            case .hub: .real(120)
            case .incoming: .real(110)
            case .value(let value): value
            }
        for replica in [s.head, s.office] {
            #expect(try replica.row("land_donations", id: donation)?["area_m2"] == expected)
            #expect(try replica.conflicts(status: .open).isEmpty)
            #expect(try replica.conflicts(status: .resolved).first?.resolution?.by == s.commune.reviewer.name)
        }
        #expect(try await s.commune.hub.conflicts(status: .open, for: s.commune.reviewer).isEmpty)
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines, [true, false])
    func concurrentStatusMovesKeepTheFurthestAlong(_ engine: SQLDialect, headPushesFirst: Bool) async throws {
        let s = try await Setting(engine)
        let road = try await s.shared(
            "road_segments", ["name": .text("Ngõ 3"), "length_m": .real(120), "width_before_m": .real(2.5)])
        try s.head.update("road_segments", id: road, values: ["status": .text("building")])
        try s.office.update("road_segments", id: road, values: ["status": .text("surveyed")])
        let order = headPushesFirst ? [s.head, s.office] : [s.office, s.head]
        for replica in order { try await s.commune.sync(replica) }
        try await s.commune.syncAll()

        for replica in [s.head, s.office] {
            #expect(try replica.row("road_segments", id: road)?["status"] == .text("building"))
        }
        #expect(try await s.commune.hub.conflicts(status: nil, for: s.commune.reviewer).isEmpty)
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines) func aConcurrentWithdrawalOpensAConflict(_ engine: SQLDialect) async throws {
        let s = try await Setting(engine)
        let donation = try await s.shared(
            "land_donations", ["donor_name": .text("Bà Đinh Thị Hoa"), "area_m2": .real(30)])
        try s.head.update("land_donations", id: donation, values: ["status": .text("signed")])
        try s.office.update("land_donations", id: donation, values: ["status": .text("withdrawn")])
        try await s.commune.sync(s.head)
        try await s.commune.sync(s.office)
        try await s.commune.syncAll()

        let conflicts = try await s.commune.hub.conflicts(status: .open, for: s.commune.reviewer)
        #expect(conflicts.map(\.column) == ["status"])
        #expect(conflicts.first?.incoming.value == .text("withdrawn"))
        for replica in [s.head, s.office] {
            #expect(try replica.row("land_donations", id: donation)?["status"] == .text("signed"))
        }
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines, [true, false])
    func aDeleteRacingAnUpdateNeedsAReviewerForADonation(_ engine: SQLDialect, deleteFirst: Bool) async throws {
        let s = try await Setting(engine)
        let donation = try await s.shared(
            "land_donations", ["donor_name": .text("Ông Vi Văn Đức"), "area_m2": .real(55)])
        try s.head.delete(from: "land_donations", id: donation)
        try s.office.update("land_donations", id: donation, values: ["note": .text("Đã xác minh")])
        for replica in deleteFirst ? [s.head, s.office] : [s.office, s.head] { try await s.commune.sync(replica) }
        try await s.commune.syncAll()

        let conflicts = try await s.commune.hub.conflicts(status: .open, for: s.commune.reviewer)
        #expect(conflicts.map(\.kind) == [.deleteUpdate])
        let conflict = try #require(conflicts.first)
        // Whichever arrived first stands until a reviewer decides.
        let rows = try await s.commune.hub.rows(table: "land_donations", for: s.commune.reviewer)
        #expect(rows.count == (deleteFirst ? 0 : 1))
        try await s.commune.expectConverged()

        // The reviewer keeps the donation.
        let keep: ConflictChoice = deleteFirst ? .incoming : .hub
        _ = try await s.commune.hub.resolve(conflictID: conflict.id, choice: keep, note: nil, by: s.commune.reviewer)
        try await s.commune.syncAll()
        for replica in [s.head, s.office] {
            let row = try replica.row("land_donations", id: donation)
            #expect(row?["area_m2"] == .real(55))
            #expect(row?["note"] == .text("Đã xác minh"))
        }
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }

    /// Found by the simulation (seed 32): both of a hamlet's devices delete a donation the
    /// office has just corrected; the hub holds both deletes for a reviewer and keeps the
    /// row, and so must both devices, until the reviewer decides.
    @Test(arguments: [(false, false), (true, false), (true, true)])
    func twoDevicesDeletingADonationTheOfficeCorrectedBothSeeItKeptUntilAReviewerDecides(
        byFile: Bool, upgraded: Bool
    ) async throws {
        let s = try await Setting()
        let phone = try s.commune.replica("dinh-phone", for: s.commune.head(of: s.hamletID))
        var laptop = try s.commune.replica("dinh-laptop", for: s.commune.head(of: s.hamletID), schemaVersion: 2)
        try await s.commune.sync(laptop)
        let donation = try await s.shared(
            "land_donations", ["donor_name": .text("Bà Lường Thị Xuân"), "area_m2": .real(90)])
        try await s.commune.sync(phone)
        try await s.commune.sync(laptop)
        try s.office.update("land_donations", id: donation, values: ["area_m2": .real(85)])
        try laptop.delete(from: "land_donations", id: donation)
        try phone.delete(from: "land_donations", id: donation)
        try await s.commune.sync(s.office)
        if upgraded { laptop = try s.commune.upgrade(laptop) }
        if byFile {
            let (reply, _) = try await HubBundles.answer(try laptop.exportBundles(), store: s.commune.hub)
            _ = try laptop.importReply(reply)
        } else {
            try await s.commune.sync(laptop)
        }
        try await s.commune.sync(phone)
        let conflicts = try await s.commune.hub.conflicts(status: .open, for: s.commune.reviewer)
        #expect(conflicts.map(\.kind) == [.deleteUpdate, .deleteUpdate])
        #expect(try laptop.row("land_donations", id: donation)?["area_m2"] == .real(85), "as soon as the hub answers")
        try await s.commune.syncAll()
        for replica in [laptop, phone, s.office] {
            #expect(try replica.row("land_donations", id: donation)?["area_m2"] == .real(85))
        }
        try await s.commune.expectConverged()
    }

    @Test(arguments: TestPostgres.engines, [true, false])
    func aDeleteRacingAnUpdateWinsForACleanup(_ engine: SQLDialect, deleteFirst: Bool) async throws {
        let s = try await Setting(engine)
        let cleanup = try await s.shared("cleanups", ["date": .text("2026-11-20")])
        try s.head.delete(from: "cleanups", id: cleanup)
        try s.office.update("cleanups", id: cleanup, values: ["note": .text("Bổ sung ảnh")])
        for replica in deleteFirst ? [s.head, s.office] : [s.office, s.head] { try await s.commune.sync(replica) }
        try await s.commune.syncAll()

        #expect(try await s.commune.hub.conflicts(status: nil, for: s.commune.reviewer).isEmpty)
        for replica in [s.head, s.office] {
            #expect(try replica.row("cleanups", id: cleanup) == nil)
        }
        // The losing edit is not lost from the record.
        let audit = try await s.commune.hub.audit(table: "cleanups", rowID: cleanup)
        #expect(audit.contains { $0.decision == .deleted })
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }
}

/// Found by the simulation (seed 123): edits that are each valid can make an invalid row
/// together; laying them on top of each other must never block a pull.
@Suite struct RowRuleScenarios {
    @Test(arguments: TestPostgres.engines) func aMoneyKindAndAFractionalAmountFromTwoSidesNeverBlockAPull(
        _ engine: SQLDialect
    ) async throws {
        let s = try await MergeScenarios.Setting(engine)
        let contribution = try await s.shared(
            "contributions", ["donor_name": .text("Hộ bà Lan"), "kind": .text("materials"), "amount": .real(10)])
        try s.office.update(
            "contributions", id: contribution, values: ["kind": .text("money"), "amount": .real(200_000)])
        try await s.commune.sync(s.office)
        // 12.5 tonnes of materials: valid on this replica.
        try s.head.update("contributions", id: contribution, values: ["amount": .real(12.5)])

        // The pull brings kind = money under the pending 12.5: it must apply, and show a valid row.
        let connection = LocalHubConnection(store: s.commune.hub, principal: s.head.principal)
        try s.head.apply(try await connection.pull(s.head.pullRequest(limit: 100)))
        let shown = try #require(try s.head.row("contributions", id: contribution))
        #expect(shown["kind"] == .text("money"))
        #expect(shown["amount"] == .real(200_000))
        #expect(try s.head.status().pendingChanges == 1)

        // The amount is a review field edited on both sides: the hub holds it for a reviewer,
        // who cannot take a fractional amount of money, and keeps the hub's.
        let report = try await s.commune.sync(s.head)
        #expect(report.conflicts == 1)
        let conflict = try #require(try await s.commune.hub.conflicts(status: .open, for: s.commune.reviewer).first)
        #expect(conflict.incoming.value == .real(12.5))
        let refusal = await #expect(throws: SyncError.self) {
            try await s.commune.hub.resolve(
                conflictID: conflict.id, choice: .incoming, note: nil, by: s.commune.reviewer)
        }
        #expect(refusal?.kind == .invalidInput, "\(refusal?.message ?? "no error")")
        #expect(refusal?.message.contains("amount") == true, "the reason names the field")
        _ = try await s.commune.hub.resolve(conflictID: conflict.id, choice: .hub, note: nil, by: s.commune.reviewer)
        try await s.commune.syncAll()
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }
}
