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
        let hub = try commune.sqliteHub
        // (GRDB runs the write on its own dispatch queue, not on a task thread.)
        let gate = DispatchSemaphore(value: 0)
        let busy = Task { try await hub.writer.write { _ in gate.wait() } }
        let before = hub.pushes.counts
        async let strayResult: Result<PushResponse, any Error> = {
            do { return .success(try await hub.push(stray, from: commune.head(of: hamlets[0]))) } catch {
                return .failure(error)
            }
        }()
        let syncs = heads.map { head in Task { try await commune.sync(head) } }
        while hub.pushes.waiting < heads.count { try await Task.sleep(for: .milliseconds(5)) }
        gate.signal()
        try await busy.value

        for sync in syncs { #expect(try await sync.value.pushed == 5) }
        let strayError = try #require(
            {
                if case .failure(let error) = $0 { return error as? SyncError }; return nil
            }(await strayResult))
        #expect(strayError.kind == .sequenceGap)
        let after = hub.pushes.counts
        #expect(after.writes - before.writes == heads.count + 1)
        #expect(after.transactions - before.transactions == 2)

        try await commune.sync(office)
        #expect(try await hub.rows(table: "land_donations", for: commune.reviewer).count == 40)
        #expect(try await hub.rows(table: "cleanups", for: commune.reviewer).isEmpty)
        try await commune.syncAll()
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }
}
