import Foundation
import GRDB
import Testing

@testable import SyncCore

/// Issue 5's fast paths keep the behaviour a hamlet head and the commune office rely on.
@Suite struct PerformancePathScenarios {
    @Test(arguments: TestPostgres.engines) func aBatchOfRowsIsRecordedWholeOrNotAtAll(_ engine: SQLDialect) async throws
    {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đồi"])
        let head = try commune.replica("head", for: commune.head(of: hamlets[0]))
        let good: SyncRow = ["donor_name": .text("Nguyễn Văn An"), "area_m2": .real(40)]
        let bad: SyncRow = ["donor_name": .text("Trần Thị Bình"), "area_m2": .real(-3)]
        let refusal = #expect(throws: SyncError.self) { try head.insert(into: "land_donations", rows: [good, bad]) }
        #expect(refusal?.kind == .invalidInput, "\(refusal?.message ?? "no error")")
        #expect(try head.rows("land_donations").isEmpty)
        #expect(try head.status().pendingChanges == 0)

        let rows = try head.insert(into: "land_donations", rows: [good, good, good])
        #expect(Set(rows.map(\.id)).count == 3)
        #expect(try head.status().pendingChanges == 3)
        try await commune.sync(head)
        try await commune.syncAll()
        try await commune.expectConverged()
    }

    /// Issue 15: the heap thresholds that keep SQLite's per-row ephemeral tables from
    /// going back to the kernel on every row are really set (a C file that never saw
    /// `__GLIBC__` once left them at glibc's defaults without a word).
    @Test func theHeapThresholdsAreSetOnGlibc() {
        #if os(Linux)
            #expect(HeapSettings.apply())
        #endif
    }

    @Test(arguments: TestPostgres.engines) func pullsRecordWhenAReplicaWasLastSeenToTheMinuteWithoutAWriteEachTime(
        _ engine: SQLDialect
    ) async throws {
        let hubClock = ManualWallClock(fixedMilliseconds: SystemWallClock().nowMilliseconds())
        let commune = try await Commune.on(engine, hubClock: hubClock)
        let (office, _) = try await commune.withHamlets(["Xóm Bãi"])
        func lastSeen() async throws -> Int64? {
            try await commune.hub.replicas().first { try $0.replicaID == office.replicaID }?.lastSeenAt
        }
        let first = try #require(try await lastSeen())
        hubClock.advance(by: 30_000)
        try await commune.sync(office)
        #expect(try await lastSeen() == first, "a pull within the minute does not rewrite the bookkeeping")
        hubClock.advance(by: 45_000)
        try await commune.sync(office)
        #expect(try await lastSeen() == first + 75_000, "a pull after the minute records the new time")
    }

    /// A page of a head's pull walks the log in order from the cursor; it never gathers and
    /// sorts everything after it (which made a hamlet's first sync quadratic in its size).
    @Test func aHeadsPullPageReadsInLogOrderWithoutSorting() throws {
        let commune = try Commune()
        for scoped in [true, false] {
            let page = Hub.pullSQL(hamletID: scoped ? "h" : nil, after: 0, limit: 10)
            let plan = try commune.sqliteFile.writer.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + page.text,
                    arguments: StatementArguments(
                        page.arguments.map { value -> (any DatabaseValueConvertible)? in
                            switch value {
                            case .text(let text): text
                            case .integer(let number): number
                            default: nil
                            }
                        })
                )
                .map { $0["detail"] as String }
            }
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
        }
    }

    @Test(arguments: TestPostgres.engines) func aLongPullAcrossManyPagesBringsEveryRowOnceWhilePendingEditsStayOnTop(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Giữa"])
        let writer = try commune.replica("writer", for: commune.head(of: hamlets[0]))
        try writer.insert(
            into: "land_donations",
            rows: (0..<250).map { ["donor_name": .text("Hộ \($0)"), "area_m2": .real(Double($0) + 1)] })
        try await commune.sync(writer)

        let reader = try commune.replica("reader", for: commune.head(of: hamlets[0]))
        let report = try await commune.sync(reader, pullPageSize: 7)
        #expect(try reader.rows("land_donations").count == 250)
        #expect(report.pulled >= 250)
        let target = try #require(try reader.rows("land_donations").first)
        try reader.update("land_donations", id: target.id, values: ["note": .text("đã đo lại")])
        try writer.update("land_donations", id: target.id, values: ["assets": .text("hàng rào tre")])
        try await commune.sync(writer)
        try await commune.sync(reader, pullPageSize: 1)
        try await commune.sync(writer)
        let row = try #require(try reader.row("land_donations", id: target.id))
        #expect(row["note"] == .text("đã đo lại"))
        #expect(row["assets"] == .text("hàng rào tre"))
        try await commune.syncAll()
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }
}
