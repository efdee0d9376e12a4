import Foundation
import GRDB
import Testing

@testable import SyncCore

/// Pushes that reach the hub together are committed together, and each keeps exactly the
/// outcome it would have had alone.
@Suite struct GroupCommitScenarios {
    @Test func pushesArrivingTogetherCommitInOneTransactionAndAFailingOneLeavesTheOthers() async throws {
        let commune = try Commune()
        let names = (1...8).map { "Xóm \($0)" }
        let (office, hamlets) = try await commune.withHamlets(names)
        var heads: [Replica] = []
        for (index, hamlet) in hamlets.enumerated() {
            let head = try commune.replica("head\(index)", for: commune.head(of: hamlet))
            for row in 0..<5 {
                try head.insert(
                    into: "land_donations",
                    values: ["donor_name": .text("Hộ ông Nguyễn Văn \(index)-\(row)"), "area_m2": .real(12.5)])
            }
            heads.append(head)
        }
        // A push that skips changes: refused whole, whatever else is in its group.
        let stray = PushRequest(
            replicaID: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", clientTime: commune.hubClock.nowMilliseconds(),
            changes: [
                Change(
                    seq: 3, table: "cleanups", rowID: "0190a1b2-c3d4-7e5f-8a9b-000000000001", operation: .insert,
                    values: ["hamlet_id": .text(hamlets[0]), "date": .text("2026-11-15")],
                    hlc: HLCTimestamp(physicalMilliseconds: commune.hubClock.nowMilliseconds(), logical: 0),
                    createdAt: commune.hubClock.nowMilliseconds())
            ])

        // The hub's writer is held busy while every push arrives: the first waits for it
        // alone, and all the others queue behind and go in the next transaction.
        let (hub, file) = (commune.hub, try commune.sqliteFile)
        // (GRDB runs the write on its own dispatch queue, not on a task thread.)
        let gate = DispatchSemaphore(value: 0)
        let busy = Task { try await file.writer.write { _ in gate.wait() } }
        let before = file.pushes.counts
        async let strayResult: Result<PushResponse, any Error> = {
            do { return .success(try await hub.push(stray, from: commune.head(of: hamlets[0]))) } catch {
                return .failure(error)
            }
        }()
        let syncs = heads.map { head in Task { try await commune.sync(head) } }
        while file.pushes.waiting < heads.count { try await Task.sleep(for: .milliseconds(5)) }
        gate.signal()
        try await busy.value

        for sync in syncs { #expect(try await sync.value.pushed == 5) }
        let strayError = try #require(
            {
                if case .failure(let error) = $0 { return error as? SyncError }; return nil
            }(await strayResult))
        #expect(strayError.kind == .sequenceGap)
        let after = file.pushes.counts
        #expect(after.writes - before.writes == heads.count + 1)
        #expect(after.transactions - before.transactions == 2)

        try await commune.sync(office)
        #expect(try await hub.rows(table: "land_donations", for: commune.reviewer).count == 40)
        #expect(try await hub.rows(table: "cleanups", for: commune.reviewer).isEmpty)
        try await commune.syncAll()
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    /// Issue 28: the file fails (the disk fills) while a group of queued pushes commits:
    /// every push of the group is refused with the reason, none is half-applied, and all go
    /// through once there is room again.
    @Test func aDiskFullDuringAGroupCommitRefusesEveryQueuedPushAndAppliesNone() async throws {
        let commune = try Commune()
        let (office, hamlets) = try await commune.withHamlets((1...6).map { "Xóm \($0)" })
        var heads: [Replica] = []
        for (index, hamlet) in hamlets.enumerated() {
            let head = try commune.replica("head\(index)", for: commune.head(of: hamlet))
            for row in 0..<5 {
                try head.insert(
                    into: "land_donations",
                    values: [
                        "donor_name": .text("Hộ bà Lò Thị \(index)-\(row)"), "area_m2": .real(30),
                        "note": .text(String(repeating: "Biên bản hiến đất có chữ ký của cả hộ. ", count: 20)),
                    ])
            }
            heads.append(head)
        }
        let (hub, file) = (commune.hub, try commune.sqliteFile)
        let log = try await hub.log()
        // The writer is held while the pushes queue; meanwhile the disk is all but full.
        let gate = DispatchSemaphore(value: 0)
        let busy = Task {
            try await file.writer.write { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 1)")
                gate.wait()
            }
        }
        let before = file.pushes.counts
        let syncs = heads.map { head in
            Task { () -> SyncError? in
                do {
                    _ = try await commune.sync(head)
                    return nil
                } catch let error as SyncError {
                    return error
                }
            }
        }
        // The first push leads alone, the others queue behind it for the next group.
        while file.pushes.waiting < heads.count - 1 { try await Task.sleep(for: .milliseconds(5)) }
        gate.signal()
        try await busy.value
        for sync in syncs {
            let error = try await sync.value
            #expect(error?.kind == .unavailable, "\(String(describing: error))")
            #expect(error?.message.contains("disk is full") == true)
        }
        #expect(file.pushes.counts.transactions - before.transactions >= 2, "the group was tried together")
        #expect(try await hub.log() == log, "nothing half-applied")
        #expect(try await hub.rows(table: "land_donations", for: commune.reviewer).isEmpty)
        for head in heads { #expect(try head.status().pendingChanges == 5) }

        // Room again: every push goes through, once.
        try await file.writer.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1073741823") }
        try await commune.syncAll()
        #expect(try await hub.rows(table: "land_donations", for: commune.reviewer).count == 30)
        #expect(try office.rows("land_donations").count == 30)
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }
}
