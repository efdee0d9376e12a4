import Foundation
import Synchronization
import Testing

@testable import SyncCore

/// A sync whose link drops mid-request tries the step again and gets through in one run,
/// with nothing applied twice; one whose hub cannot be reached at all stops at once.
@Suite struct RetryScenarios {
    /// Loses the answer to every `dropEvery`-th request after the hub took it: the push was
    /// applied, the page was read, and the replica heard nothing.
    final class DroppingConnection: HubConnection {
        let inner: LocalHubConnection
        let dropEvery: Int
        let requests = Mutex(0)
        let error: SyncError

        init(_ inner: LocalHubConnection, dropEvery: Int, error: SyncError) {
            self.inner = inner
            self.dropEvery = dropEvery
            self.error = error
        }

        private func count() -> Bool {
            requests.withLock { count in
                count += 1
                return count % dropEvery == 0
            }
        }

        func push(_ request: PushRequest) async throws -> PushResponse {
            let response = try await inner.push(request)
            if count() { throw error }
            return response
        }

        func pull(_ request: PullRequest) async throws -> PullResponse {
            let page = try await inner.pull(request)
            if count() { throw error }
            return page
        }

        func restore(_ request: RestoreRequest) async throws -> RestoreResponse {
            try await inner.restore(request)
        }
    }

    @Test(arguments: TestPostgres.engines) func aLinkLostAfterTheHubAnsweredIsTriedAgainAndTheSyncGetsThroughOnce(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (office, hamlets) = try await commune.withHamlets(["Xóm Đông"])
        let head = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        for index in 0..<30 {
            try head.insert(
                into: "land_donations", values: ["donor_name": .text("Hộ \(index)"), "area_m2": .real(20)])
        }
        let connection = DroppingConnection(
            LocalHubConnection(store: commune.hub, principal: head.principal), dropEvery: 2,
            error: .linkLost("cannot reach the hub: connection reset by peer"))
        var session = SyncSession(replica: head, hub: connection)
        session.pushPageSize = 10
        session.pullPageSize = 10
        session.retryPolicy = SyncStateMachine.RetryPolicy(
            retries: 20, firstDelayMilliseconds: 1, maxDelayMilliseconds: 1)
        let waits = Mutex<[Int]>([])
        session.sleep = { milliseconds in waits.withLock { $0.append(milliseconds) } }
        let report = try await session.run()

        #expect(report.pushed == 30)
        #expect(!waits.withLock { $0 }.isEmpty)
        #expect(try head.status().pendingChanges == 0)
        try await commune.sync(office)
        #expect(try await commune.hub.rows(table: "land_donations", for: commune.reviewer).count == 30)
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines) func aHubThatCannotBeReachedStopsTheSyncAtOnceWithNothingLost(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đông"])
        let head = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        try head.insert(into: "land_donations", values: ["donor_name": .text("Hộ bà Xuân"), "area_m2": .real(20)])
        let connection = DroppingConnection(
            LocalHubConnection(store: commune.hub, principal: head.principal), dropEvery: 1,
            error: .unavailable("cannot reach the hub: connection refused"))
        var session = SyncSession(replica: head, hub: connection)
        session.retryPolicy = .standard
        session.sleep = { _ in Issue.record("waited for a hub that cannot be reached") }
        let refusal = await #expect(throws: SyncError.self) { try await session.run() }
        #expect(refusal?.kind == .unavailable, "\(refusal?.message ?? "no error")")
        #expect(try head.status().pendingChanges == 1)
        try await commune.syncAll()
        #expect(try head.status().pendingChanges == 0)
        try await commune.expectConverged()
    }
}
