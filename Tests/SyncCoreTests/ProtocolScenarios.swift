import Foundation
import Testing

@testable import SyncCore

/// Acceptance 7, 10 and 11: exactly-once pushes, resumable pulls, skewed clocks.
@Suite struct ProtocolScenarios {
    @Test(arguments: TestPostgres.engines) func aPushAppliedTwiceOrOutOfOrderChangesNothingTheSecondTime(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Chùa"])
        let head = try commune.replica("chua", for: commune.head(of: hamlets[0]))
        try await commune.sync(head)
        let road = try head.insert(
            into: "road_segments",
            values: ["name": .text("Đường ra đồng"), "length_m": .real(300), "width_before_m": .real(3)])
        try head.update("road_segments", id: road.id, values: ["status": .text("surveyed")])
        try head.insert(into: "cleanups", values: ["date": .text("2026-11-01")])
        try head.insert(
            into: "contributions",
            values: ["donor_name": .text("Hộ bà Lan"), "kind": .text("labor_days"), "amount": .real(2.5)])
        try head.update("road_segments", id: road.id, values: ["note": .text("Chờ hiến đất")])
        try head.insert(into: "households", values: ["head_name": .text("Hà Văn Minh")])
        let changes = try head.pendingChanges(limit: 100)
        #expect(changes.map(\.seq) == [1, 2, 3, 4, 5, 6])
        let connection = LocalHubConnection(store: commune.hub, principal: head.principal)
        let first = try head.pushRequest(Array(changes[0..<3]))
        let second = try head.pushRequest(Array(changes[3..<6]))

        // A later page before an earlier one: refused whole, nothing applied.
        let refusal = await #expect(throws: SyncError.self) { try await connection.push(second) }
        #expect(refusal?.kind == .sequenceGap, "\(refusal?.message ?? "no error")")
        #expect(try await commune.hub.rows(table: "road_segments", for: commune.reviewer).isEmpty)

        let firstOutcomes = try await connection.push(first).outcomes
        let secondOutcomes = try await connection.push(second).outcomes
        let state = try await hubSnapshot(commune)

        // Both again, in either order: the same outcomes, the same hub.
        #expect(try await connection.push(first).outcomes == firstOutcomes)
        #expect(try await connection.push(second).outcomes == secondOutcomes)
        #expect(try await connection.push(head.pushRequest(changes)).outcomes == firstOutcomes + secondOutcomes)
        #expect(try await hubSnapshot(commune) == state)

        // A different change reusing an id is not taken, and says why: the replica forks.
        var forged = changes[4]
        forged.values["note"] = .text("Sửa lén")
        let reused = try await connection.push(try head.pushRequest([forged])).outcomes
        #expect(reused.map(\.code) == [SyncError.Kind.changeIDReused.rawValue])
        #expect(try await hubSnapshot(commune) == state)

        // The replica itself, unaware of any of this, converges.
        try await commune.syncAll()
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines, [1, 3, 5])
    func aPullStoppedAfterPageKResumesWithNoGapAndNoDuplicate(_ engine: SQLDialect, k: Int) async throws {
        let commune = try await Commune.on(engine)
        let (office, hamlets) = try await commune.withHamlets(["Xóm Mới", "Xóm Cũ"])
        for day in 1...28 {
            let date = String(format: "2026-10-%02d", day)
            try office.insert(into: "cleanups", values: ["hamlet_id": .text(hamlets[day % 2]), "date": .text(date)])
        }
        try await commune.sync(office)

        let head = try commune.replica("moi", for: commune.head(of: hamlets[0]))
        let broken = ScriptedConnection(store: commune.hub, principal: head.principal, failAfterPulls: k)
        var session = SyncSession(replica: head, hub: broken)
        session.pullPageSize = 3
        await #expect(throws: ScriptedConnection.Failure.self) { try await session.run() }
        let cursorAfterCut = try head.pullCursor()
        // What arrived before the cut is kept, and the cursor says how far.
        #expect(cursorAfterCut == broken.pulledSeqs.last)
        #expect(try head.rows("hamlets").count == 2)

        let resumed = ScriptedConnection(store: commune.hub, principal: head.principal)
        session = SyncSession(replica: head, hub: resumed)
        session.pullPageSize = 3
        try await session.run()
        #expect(resumed.pullCursors.first == cursorAfterCut)

        let delivered = broken.pulledSeqs + resumed.pulledSeqs
        #expect(Set(delivered).count == delivered.count, "no entry delivered twice")
        #expect(delivered == delivered.sorted(), "in log order")
        let inScope = try await commune.hub.pull(
            PullRequest(replicaID: try head.replicaID, clientTime: 0, after: 0, limit: 1_000), for: head.principal)
        #expect(delivered == inScope.entries.map(\.seq), "no gap: every entry in scope arrived")
        #expect(try head.rows("cleanups").count == 14)
        try await commune.syncAll()
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines) func aReplicaTwoDaysFastIsClampedReportedAndConverges(
        _ engine: SQLDialect
    ) async throws {
        let twoDays: Int64 = 2 * 24 * 3_600_000
        let commune = try await Commune.on(engine)
        let (office, hamlets) = try await commune.withHamlets(["Xóm Núi"])
        let fastClock = ManualWallClock(offsetMilliseconds: twoDays)
        let head = try commune.replica("nui", for: commune.head(of: hamlets[0]), clock: fastClock)
        try await commune.sync(head)
        let cleanup = try head.insert(
            into: "cleanups", values: ["date": .text("2026-11-21"), "note": .text("máy nhanh")])
        let pushed = try await LocalHubConnection(store: commune.hub, principal: head.principal)
            .push(try head.pushRequest(try head.pendingChanges(limit: 10)))
        #expect(pushed.outcomes.map(\.clamped) == [true])
        try await commune.syncAll()

        // Drift shows on both sides.
        let drift = try #require(
            try await commune.hub.replicas().first { try $0.replicaID == head.replicaID }?.driftMilliseconds)
        #expect(abs(drift - twoDays) < 60_000)
        #expect(abs((try head.status().clockDriftMilliseconds ?? 0) - twoDays) < 60_000)

        // A later edit from a correct clock beats the fast replica's earlier one: the fast
        // clock did not win by running ahead.
        try head.update("cleanups", id: cleanup.id, values: ["note": .text("trưởng xóm sửa")])
        try await commune.sync(head)
        try await Task.sleep(for: .milliseconds(5))
        try office.update("cleanups", id: cleanup.id, values: ["note": .text("xã sửa sau")])
        try await commune.sync(office)
        try await commune.syncAll()
        for replica in [head, office] {
            #expect(try replica.row("cleanups", id: cleanup.id)?["note"] == .text("xã sửa sau"))
        }
        // No stamp in the hub's log is ahead of the hub's clock by more than the allowance.
        let newest =
            try await commune.hub.pull(
                PullRequest(replicaID: try office.replicaID, clientTime: 0, after: 0, limit: 1_000),
                for: commune.reviewer
            ).entries.map(\.hlc.physicalMilliseconds).max() ?? 0
        #expect(newest <= SystemWallClock().nowMilliseconds() + HubConfiguration().maxFutureSkewMilliseconds)
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    /// Everything a client could observe of the hub: rows, log, conflicts.
    private func hubSnapshot(_ commune: Commune) async throws -> [String] {
        var lines: [String] = []
        for table in ReplicatedSchema.tables {
            lines += try await commune.hub.rows(table: table.name, for: commune.reviewer).map {
                "\(table.name) \(try JSONText.encode($0))"
            }
        }
        let log = try await commune.hub.pull(
            PullRequest(replicaID: "snapshot", clientTime: 0, after: 0, limit: 1_000), for: commune.reviewer)
        lines += try log.entries.map { "log \(try JSONText.encode($0))" }
        lines += try await commune.hub.conflicts(status: nil, for: commune.reviewer).map { "conflict \($0.id)" }
        return lines
    }
}

/// DESIGN §5 "Optimistic local view" and "Nothing lost", across a closed and reopened file.
@Suite struct OptimisticViewScenarios {
    @Test(arguments: TestPostgres.engines) func aPullKeepsPendingLocalEditsOnTopAndAReopenedReplicaResumes(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (office, hamlets) = try await commune.withHamlets(["Xóm Bến"])
        let path = commune.path("ben-own.sqlite")
        var head = try Replica.create(at: path, principal: commune.head(of: hamlets[0]))
        let road = try head.insert(
            into: "road_segments",
            values: ["name": .text("Đường bến đò"), "length_m": .real(250), "width_before_m": .real(3)])
        try await commune.sync(head)
        try await commune.sync(office)

        // Offline on the hamlet side: an edit waits, unsent.
        try head.update("road_segments", id: road.id, values: ["note": .text("Đã họp dân"), "width_after_m": .real(6)])
        // Meanwhile the office edits another field of the same road.
        try office.update("road_segments", id: road.id, values: ["lighting": .integer(1)])
        try await commune.sync(office)

        // Pull only: the office's change arrives, the pending edit stays on top and pending.
        let connection = LocalHubConnection(store: commune.hub, principal: head.principal)
        try head.apply(try await connection.pull(head.pullRequest(limit: 100)))
        var row = try #require(try head.row("road_segments", id: road.id))
        #expect(row["lighting"] == .integer(1))
        #expect(row["note"] == .text("Đã họp dân"))
        #expect(row["width_after_m"] == .real(6))
        #expect(try head.status().pendingChanges == 1)

        // The file closes (the laptop sleeps) and reopens: nothing is lost, the cursor holds.
        let cursor = try head.pullCursor()
        try head.close()
        head = try Replica(path: path)
        #expect(try head.pullCursor() == cursor)
        #expect(try head.status().pendingChanges == 1)
        row = try #require(try head.row("road_segments", id: road.id))
        #expect(row["note"] == .text("Đã họp dân"))

        try await commune.sync(head)
        try await commune.sync(office)
        let hubRoad = try #require(try await commune.hub.rows(table: "road_segments", for: commune.reviewer).first)
        #expect(hubRoad["note"] == .text("Đã họp dân"))
        #expect(hubRoad["width_after_m"] == .real(6))
        #expect(hubRoad["lighting"] == .integer(1))
        #expect(try head.rows("road_segments") == [hubRoad])
        #expect(try office.rows("road_segments") == [hubRoad])
        #expect(try head.integrityCheck() == "ok")
        try head.close()
        try commune.expectIntegrity()
    }
}
