import Foundation
import HubPostgres
import Testing

@testable import SyncCore

/// Issue 28: a conflict resolved a second time — with the same answer, with another, and
/// at once through two PostgreSQL hub processes — is resolved once, and the hub says so.
@Suite struct ResolutionScenarios {
    /// A donation whose area the head and the office corrected at once: one open conflict.
    private static func conflict(
        head: Replica, office: Replica, sync: (Replica) async throws -> Void
    ) async throws -> String {
        let donation = try head.insert(
            into: "land_donations", values: ["donor_name": .text("Bà Hà Thị Mai"), "area_m2": .real(100)]
        ).id
        try await sync(head)
        try await sync(office)
        try office.update("land_donations", id: donation, values: ["area_m2": .real(115)])
        try head.update("land_donations", id: donation, values: ["area_m2": .real(120)])
        try await sync(office)
        try await sync(head)
        return donation
    }

    /// Everything a resolution could change: the log, the audit trail, the conflicts.
    private static func state(_ hub: Hub, _ reviewer: Principal) async throws -> [String] {
        var state = try await hub.log().map {
            "\($0.seq) \($0.kind) \($0.rowID) \(try JSONText.encode($0.values ?? [:]))"
        }
        state += try await hub.auditTrail().map { "\($0.decision) \($0.column ?? "*") \($0.new ?? .null)" }
        state += try await hub.conflicts(status: nil, for: reviewer).map {
            "\($0.id) \($0.status) \($0.resolution.map { "\($0.choice) \($0.value ?? .null)" } ?? "")"
        }
        return state
    }

    @Test(arguments: TestPostgres.engines)
    func resolvingAgainWithTheSameAnswerChangesNothingAndAnotherAnswerIsRefused(_ engine: SQLDialect) async throws {
        let s = try await MergeScenarios.Setting(engine)
        _ = try await Self.conflict(head: s.head, office: s.office) { try await s.commune.sync($0) }
        let hub = s.commune.hub
        let reviewer = s.commune.reviewer
        let open = try #require(try await hub.conflicts(status: .open, for: reviewer).first)
        let first = try await hub.resolve(conflictID: open.id, choice: .incoming, note: "đo lại", by: reviewer)
        let after = try await Self.state(hub, reviewer)

        // The same answer again (a reviewer's retry after a lost response): the same record.
        let again = try await hub.resolve(conflictID: open.id, choice: .incoming, note: "đo lại", by: reviewer)
        #expect(again == first)
        let twice = try await Self.state(hub, reviewer)
        #expect(twice == after, "nothing written twice: \(Set(twice).symmetricDifference(after))")
        // Another answer: refused, with the reason, and nothing changes.
        for other in [ConflictChoice.hub, .value(.real(118))] {
            let refusal = await #expect(throws: SyncError.self) {
                try await hub.resolve(conflictID: open.id, choice: other, note: nil, by: reviewer)
            }
            #expect(refusal?.kind == .conflict)
            #expect(refusal?.message == "conflict \(open.id) is already resolved")
            #expect(try await Self.state(hub, reviewer) == after)
        }
        try await s.commune.syncAll()
        #expect(try s.head.row("land_donations", id: open.rowID)?["area_m2"] == .real(120))
        try await s.commune.expectConverged()
    }

    /// The hub's wall clock steps back a day (a bad NTP answer, a replaced board with its
    /// clock unset): what the hub writes after still comes after what it wrote before.
    @Test(arguments: TestPostgres.engines)
    func aResolutionAfterTheHubsClockSteppedBackStillWins(_ engine: SQLDialect) async throws {
        let hubClock = ManualWallClock()
        let commune = try await Commune.on(engine, hubClock: hubClock)
        let (office, hamlets) = try await commune.withHamlets(["Xóm Đình"])
        let head = try commune.replica("dinh", for: commune.head(of: hamlets[0]))
        try await commune.sync(head)
        let donation = try await Self.conflict(head: head, office: office) { try await commune.sync($0) }
        let open = try #require(try await commune.hub.conflicts(status: .open, for: commune.reviewer).first)
        let before = try await commune.hub.log()

        hubClock.advance(by: -86_400_000)
        _ = try await commune.hub.resolve(
            conflictID: open.id, choice: .value(.real(118)), note: "đo lại", by: commune.reviewer)
        let log = try await commune.hub.log()
        let stamps = log.map(\.hlc)
        #expect(stamps == stamps.sorted(), "the log's stamps never go back")
        let resolution = log.dropFirst(before.count)
        #expect(!resolution.isEmpty)
        let latest = try #require(before.map(\.hlc).max())
        #expect(resolution.allSatisfy { $0.hlc > latest }, "the resolution comes after everything before it")
        try await commune.syncAll()
        // A later edit by the head, stamped by its own (right) clock, still wins over the
        // reviewer's value: the hub's clock going back moved nothing ahead of real time.
        for replica in [head, office] {
            #expect(try replica.row("land_donations", id: donation)?["area_m2"] == .real(118))
        }
        try head.update("land_donations", id: donation, values: ["note": .text("đã đo lại")])
        try await commune.syncAll()
        #expect(try office.row("land_donations", id: donation)?["note"] == .text("đã đo lại"))
        try await commune.expectConverged()
    }

    @Test(.enabled(if: TestPostgres.url != nil))
    func twoReviewersResolvingAtOnceThroughTwoHubProcessesResolveItOnce() async throws {
        let url = try #require(TestPostgres.url)
        let commune = try await ScratchCommune(
            url: url, processes: 2, poolLimit: 2, prefix: "t", logger: TestPostgres.logger)
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-res-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let (first, second) = (commune.stores[0], commune.stores[1])
            let hamlet = try await first.addHamlet(["name": .text("Xóm Chằm")])[TableSpec.idColumn]?.text ?? ""
            let reviewer = Principal(role: .reviewer, name: "Cán bộ xã")
            let head = try Replica.create(
                at: folder.appendingPathComponent("cham.sqlite").path,
                principal: Principal(role: .head(hamletID: hamlet), name: "Trưởng xóm Chằm"))
            let office = try Replica.create(
                at: folder.appendingPathComponent("office.sqlite").path, principal: reviewer)
            // The head syncs through one process, the office through the other.
            _ = try await Self.conflict(head: head, office: office) { replica in
                let store = replica === head ? first : second
                _ = try await SyncSession(
                    replica: replica, hub: LocalHubConnection(store: store, principal: replica.principal)
                ).run()
            }
            let open = try #require(try await first.conflicts(status: .open, for: reviewer).first)
            let before = try await first.log().count

            // Two reviewers answer differently, at the same moment, through the two processes.
            async let keepHub = Result(catching: {
                try await first.resolve(conflictID: open.id, choice: .hub, note: nil, by: reviewer)
            })
            async let takeIncoming = Result(catching: {
                try await second.resolve(conflictID: open.id, choice: .incoming, note: nil, by: reviewer)
            })
            let answers = await [keepHub, takeIncoming]
            let won = answers.compactMap { try? $0.get() }
            #expect(won.count == 1, "exactly one resolution stands")
            for case .failure(let error) in answers {
                #expect((error as? SyncError)?.kind == .conflict, "\(error)")
            }
            let resolved = try #require(try await second.conflicts(status: nil, for: reviewer).first)
            #expect(resolved.resolution?.choice == won.first?.resolution?.choice)
            #expect(try await first.log().count == before + 2, "one value written and one conflict entry, once")
            try head.close()
            try office.close()
        } catch {
            await commune.remove()
            throw error
        }
        await commune.remove()
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// PostgreSQL ends the hub's connection in the middle of a push's transaction (an
/// administrator's `pg_terminate_backend`, a server restart): the push is refused whole,
/// nothing of it is applied, and the next sync goes through on a new connection; a connection
/// the server closed while idle is replaced, unseen by the next request.
@Suite(.enabled(if: TestPostgres.url != nil), .timeLimit(.minutes(10))) struct PostgresConnectionLossScenarios {
    @Test func aConnectionKilledMidTransactionAppliesNothingAndTheNextSyncGoesThrough() async throws {
        let url = try #require(TestPostgres.url)
        let killer = try #require(TestPostgres.pool)
        // One connection, so that the one killed is the one the push runs on.
        let commune = try await ScratchCommune(
            url: url, processes: 1, poolLimit: 1, prefix: "t", logger: TestPostgres.logger)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-pgkill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let hub = commune.stores[0]
            let hamlet = try await hub.addHamlet(["name": .text("Xóm Cuối")])[TableSpec.idColumn]?.text ?? ""
            let reviewer = Principal(role: .reviewer, name: "Cán bộ xã")
            let head = try Replica.create(
                at: folder.appendingPathComponent("cuoi.sqlite").path,
                principal: Principal(role: .head(hamletID: hamlet), name: "Trưởng xóm Cuối"))
            let connection = LocalHubConnection(store: hub, principal: head.principal)
            _ = try await SyncSession(replica: head, hub: connection).run()
            // A long offline stretch, pushed as one page (the most a push takes): one long
            // transaction.
            try head.write { db in
                let cleanups = try ReplicatedSchema.table("cleanups")
                for day in 0..<1_000 {
                    try cleanups.insertRow(
                        db,
                        try cleanups.completeRow([
                            "id": .text(UUIDv7Generator().makeID()), "hamlet_id": .text(hamlet),
                            "date": .text(String(format: "2026-%02d-%02d", 1 + day % 12, 1 + day % 28)),
                        ]))
                }
            }
            let pid = try await hub.read { sql in try sql.fetchInt64("SELECT pg_backend_pid()") ?? 0 }
            let log = try await hub.log()
            // The push is made to wait in the middle of its merge (its first insert into
            // cleanups waits for a lock held here), then its connection is killed: whatever
            // the machine's load, the kill lands inside the push's transaction.
            let (locked, lockHeld) = AsyncStream.makeStream(of: Void.self)
            async let killing = killer.transaction(schema: "commune_\(commune.code)") { sql -> Bool in
                try sql.execute("LOCK TABLE cleanups IN SHARE MODE")
                _ = try sql.fetchAll("SELECT 1")
                lockHeld.finish()
                let deadline = Date().addingTimeInterval(120)
                while Date() < deadline {
                    _ = try sql.fetchAll("SELECT 1 FROM (SELECT pg_stat_clear_snapshot()) AS cleared")
                    if try sql.exists(
                        "SELECT 1 FROM pg_stat_activity WHERE pid = CAST(\(pid) AS integer) AND wait_event_type = 'Lock'"
                    ) {
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.01)
                }
                return try sql.fetchOne(
                    "SELECT pg_terminate_backend(CAST(\(pid) AS integer)) AS killed")?.bool("killed")
                    ?? false
            }
            for await _ in locked {}
            var session = SyncSession(replica: head, hub: connection)
            session.pushPageSize = 1_000
            async let pushed = Result(catching: { try await session.run() })
            let killed = try await killing
            #expect(killed == true, "the push's connection was there to kill")
            if case .success = await pushed {
                Issue.record("the push finished although its connection was killed")
            }
            #expect(try await hub.log() == log, "nothing of the push applied")
            #expect(try await hub.rows(table: "cleanups", for: reviewer).isEmpty)
            #expect(try head.status().pendingChanges == 1_000)
            // A new connection, and the same changes go through, once.
            var again = SyncSession(replica: head, hub: connection)
            again.pushPageSize = 500
            _ = try await again.run()
            #expect(try await hub.rows(table: "cleanups", for: reviewer).count == 1_000)
            #expect(try head.status().pendingChanges == 0)
            // The server ends the hub's idle connection (a restart overnight): the next sync
            // goes through on a new one, unaware.
            let idle = try await hub.read { sql in try sql.fetchInt64("SELECT pg_backend_pid()") ?? 0 }
            _ = try await killer.transaction(schema: nil) { sql in
                try sql.fetchAll("SELECT pg_terminate_backend(CAST(\(idle) AS integer))")
            }
            try head.write { db in
                let cleanups = try ReplicatedSchema.table("cleanups")
                try cleanups.insertRow(
                    db,
                    try cleanups.completeRow([
                        "id": .text(UUIDv7Generator().makeID()), "hamlet_id": .text(hamlet),
                        "date": .text("2026-12-07"),
                    ]))
            }
            _ = try await SyncSession(replica: head, hub: connection).run()
            #expect(try await hub.rows(table: "cleanups", for: reviewer).count == 1_001)
            #expect(try head.status().pendingChanges == 0)
            try head.close()
        } catch {
            await commune.remove()
            throw error
        }
        await commune.remove()
    }
}
