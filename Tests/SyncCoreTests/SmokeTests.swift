import Testing

@testable import SyncCore

@Suite struct SmokeTests {
    @Test func aHamletRecordReachesTheHubAndComesBack() async throws {
        let commune = try Commune()
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đông"])
        let head = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        let cleanup = try head.insert(into: "cleanups", values: ["date": .text("2026-11-01"), "participants": .integer(40)])
        let report = try await commune.sync(head)
        #expect(report.pushed == 1)
        let hubRows = try await commune.hub.rows(table: "cleanups", for: commune.reviewer)
        #expect(hubRows.map(\.id) == [cleanup.id])
        try await commune.syncAll()
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }
}
