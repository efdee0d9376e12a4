import Foundation
import HubHTTP
import NIOCore
import SyncClient
import Testing

@testable import SyncCore

/// The hub in-process on a free port of 127.0.0.1, replicas talking to it over real HTTP.
@Suite struct InProcessHubTests {
    @Test(arguments: TestPostgres.engines)
    func twoHamletsAndAReviewerSyncReviewAConflictAndConverge(_ engine: SQLDialect) async throws {
        let hub = try await TestHub(engine)
        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            func replica(_ name: String, _ token: String) async throws -> (Replica, HTTPHubConnection) {
                let connection = HTTPHubConnection(baseURL: url + hub.prefix, token: token)
                let principal = try await connection.status().principal
                return (try Replica.create(at: hub.path("\(name).sqlite"), principal: principal), connection)
            }
            let dong = try await replica("dong", hub.dongToken)
            let doai = try await replica("doai", hub.doaiToken)
            let office = try await replica("office", hub.reviewerToken)
            let everyone = [dong, doai, office]
            func sync(_ pair: (Replica, HTTPHubConnection)) async throws -> SyncReport {
                try await SyncSession(replica: pair.0, hub: pair.1).run()
            }
            #expect(dong.0.principal.hamletID == hub.dongID)
            #expect(office.0.principal.isReviewer)

            // Offline edits in both hamlets.
            try dong.0.insert(into: "cleanups", values: ["date": .text("2026-11-02"), "participants": .integer(30)])
            let donation = try dong.0.insert(
                into: "land_donations", values: ["donor_name": .text("Hoàng Văn Cường"), "area_m2": .real(100)])
            try doai.0.insert(
                into: "contributions",
                values: ["donor_name": .text("Hộ bà Lan"), "kind": .text("money"), "amount": .real(500_000)])
            for pair in everyone { _ = try await sync(pair) }
            #expect(try office.0.rows("land_donations").map(\.id) == [donation.id])
            #expect(try doai.0.rows("land_donations").isEmpty)

            // A review conflict, created, listed, shown and resolved over HTTP.
            try dong.0.update("land_donations", id: donation.id, values: ["area_m2": .real(120)])
            try office.0.update("land_donations", id: donation.id, values: ["area_m2": .real(110)])
            _ = try await sync(dong)
            #expect(try await sync(office).conflicts == 1)
            let open = try await office.1.conflicts(status: .open)
            #expect(open.count == 1)
            let shown = try await office.1.conflict(id: try #require(open.first).id)
            #expect(shown.hub.value == .real(120))
            #expect(shown.incoming.value == .real(110))
            #expect(shown.hub.author == "Nguyễn Văn An")
            #expect(shown.incoming.author == hub.reviewer.name)
            let refusal = await #expect(throws: SyncError.self) { try await dong.1.conflicts(status: .open) }
            #expect(refusal?.kind == .forbidden, "\(refusal?.message ?? "no error")")
            let resolved = try await office.1.resolve(id: shown.id, choice: .incoming, note: "biên bản ký ngày 20/11")
            #expect(resolved.resolution?.value == .real(110))

            for pair in everyone + everyone { _ = try await sync(pair) }
            for (replica, _) in everyone {
                for table in ReplicatedSchema.tables {
                    let hubRows = try await hub.store.rows(table: table.name, for: replica.principal)
                    #expect(try replica.rows(table.name) == hubRows, "\(table.name) on \(replica.principal.name)")
                }
                #expect(try replica.status().openConflicts == 0)
                #expect(try replica.status().pendingChanges == 0)
                #expect(try replica.integrityCheck() == "ok")
            }
            #expect(try dong.0.row("land_donations", id: donation.id)?["area_m2"] == .real(110))
        }
        if let file = hub.store.sqliteFile { #expect(try file.integrityCheck() == "ok") }
    }

    @Test(arguments: TestPostgres.engines) func anUnreachableHubLeavesEverythingPendingAndALaterSyncCompletes(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let principal = Principal(role: .head(hamletID: hub.dongID), name: "Nguyễn Văn An")
        let replica = try Replica.create(at: hub.path("dong.sqlite"), principal: principal)
        try replica.insert(into: "cleanups", values: ["date": .text("2026-11-02")])
        try replica.insert(into: "households", values: ["head_name": .text("Lò Văn Sùng")])

        // Nothing listens on this port.
        var nowhere = HTTPHubConnection(baseURL: "http://127.0.0.1:9", token: hub.dongToken)
        nowhere.timeout = .seconds(2)
        let refusal = await #expect(throws: SyncError.self) {
            try await SyncSession(replica: replica, hub: nowhere).run()
        }
        #expect(refusal?.kind == .unavailable, "\(refusal?.message ?? "no error")")
        #expect(try replica.status().pendingChanges == 2)

        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            let report = try await SyncSession(
                replica: replica, hub: HTTPHubConnection(baseURL: url + hub.prefix, token: hub.dongToken)
            ).run()
            #expect(report.pushed == 2)
        }
        #expect(try replica.status().pendingChanges == 0)
        #expect(try await hub.store.rows(table: "households", for: hub.reviewer).count == 1)
    }
}
