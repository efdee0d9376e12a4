import Foundation
import HubHTTP
import SyncClient
import Synchronization
import Testing

@testable import SyncCore

/// Issue 13: a lost phone's token is cut off at once — even in the middle of a sync — and
/// the device, given a replacement token, carries on with its replica and its records.
@Suite struct TokenRevocationTests {
    /// The real HTTP connection, which revokes its own token once the first push is answered.
    final class RevokingAfterFirstPush: HubConnection {
        let inner: HTTPHubConnection
        let revoke: @Sendable () async throws -> Void
        let pushes = Mutex(0)

        init(inner: HTTPHubConnection, revoke: @escaping @Sendable () async throws -> Void) {
            self.inner = inner
            self.revoke = revoke
        }

        func push(_ request: PushRequest) async throws -> PushResponse {
            let response = try await inner.push(request)
            if pushes.withLock({ count in
                count += 1
                return count == 1
            }) {
                try await revoke()
            }
            return response
        }

        func pull(_ request: PullRequest) async throws -> PullResponse { try await inner.pull(request) }
        func restore(_ request: RestoreRequest) async throws -> RestoreResponse { try await inner.restore(request) }
    }

    @Test(arguments: TestPostgres.engines) func aTokenRevokedMidSyncRefusesTheNextPageAndAReplacementCarriesOn(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            let connection = HTTPHubConnection(baseURL: url + hub.prefix, token: hub.dongToken)
            let phone = try Replica.create(
                at: hub.path("dong.sqlite"), principal: try await connection.status().principal)
            try await SyncSession(replica: phone, hub: connection).run()
            let replicaID = try phone.replicaID
            let cleanups = try phone.insert(
                into: "cleanups",
                rows: (1...25).map { ["date": .text("2026-11-\($0 < 10 ? "0" : "")\($0)")] })

            // Pages of 10: the first is taken, then the token is revoked.
            let tokenID = try #require(AccessToken(hub.dongToken)).id
            var session = SyncSession(
                replica: phone,
                hub: RevokingAfterFirstPush(inner: connection) { _ = try await hub.store.revokeToken(tokenID) })
            session.pushPageSize = 10
            let refusal = await #expect(throws: SyncError.self) { try await session.run() }
            #expect(refusal?.kind == .unauthorized, "\(refusal?.message ?? "no error")")
            let atHub = try await hub.store.rows(table: "cleanups", for: hub.reviewer)
            #expect(atHub.count == 10, "the first page whole, nothing of the second")
            #expect(try phone.status().pendingChanges == 15)
            do {
                _ = try await connection.status()
                Issue.record("a revoked token still works")
            } catch let error as SyncError {
                #expect(error.kind == .unauthorized)
            }
            let listed = try await hub.store.tokens().first { $0.id == tokenID }
            #expect(listed?.revokedAt != nil && listed?.devices == 1)

            // The office replaces the token; the phone keeps its replica and its id.
            let replacement = try await hub.store.replaceToken(String(tokenID.prefix(6)))
            let renewed = HTTPHubConnection(baseURL: url + hub.prefix, token: replacement.token)
            try phone.setHubSettings(HubSettings(url: url, token: replacement.token))
            let report = try await SyncSession(replica: phone, hub: renewed).run()
            #expect(report.pushed == 15 && report.forkedTo == nil)
            #expect(try phone.replicaID == replicaID)
            #expect(
                try await hub.store.rows(table: "cleanups", for: hub.reviewer).map(\.id).sorted()
                    == cleanups.map(\.id).sorted())
            let tokens = try await hub.store.tokens()
            #expect(tokens.first { $0.id == tokenID }?.devices == 0)
            #expect(tokens.first { $0.id == AccessToken(replacement.token)?.id }?.devices == 1)
        }
    }

    @Test(arguments: TestPostgres.engines) func theOfficeSeesEveryDeviceWithWhatItHasNotSentAndItsVersion(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            let connection = HTTPHubConnection(baseURL: url + hub.prefix, token: hub.dongToken)
            let phone = try Replica.create(
                at: hub.path("dong.sqlite"), principal: try await connection.status().principal)
            _ = try phone.insert(into: "cleanups", rows: (1...3).map { ["date": .text("2026-11-0\($0)")] })
            // A pull alone (the link dropped before the push): the office sees 3 waiting.
            _ = try await connection.pull(try phone.pullRequest(limit: 10))
            var device = try #require(try await hub.store.devices().first)
            #expect(device.replicaID == (try phone.replicaID) && device.holder == "Nguyễn Văn An")
            #expect(device.hamletName == "Xóm Đông" && device.pending == 3 && device.appVersion == BuildInfo.version)
            #expect(!device.tokenRevoked)
            try await SyncSession(replica: phone, hub: connection).run()
            device = try #require(try await hub.store.devices().first)
            #expect(device.pending == 0)
            _ = try await hub.store.revokeToken(try #require(AccessToken(hub.dongToken)).id)
            #expect(try await hub.store.devices().first?.tokenRevoked == true)
        }
    }
}
