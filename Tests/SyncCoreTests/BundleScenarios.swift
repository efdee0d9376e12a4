import Crypto
import Foundation
import GRDB
import Testing

@testable import SyncCore

/// Issue 14: sync by file where there is no signal. A hamlet that never connects after
/// `init` still gets its records to the hub and the hub's to it, conflicts and their
/// resolution included, purely by signed bundles; files imported twice, out of order,
/// mixed with network syncs change nothing twice; altered or foreign files change nothing.
@Suite struct BundleScenarios {
    /// The office (synced over the network) and a highland hamlet that synced once, at `init`.
    struct Setting {
        let commune: Commune
        let office: Replica
        let head: Replica
        let headClock: ManualWallClock
        let hamletID: String

        init(_ engine: SQLDialect = .sqlite) async throws {
            commune = try await Commune.on(engine)
            let office = try commune.replica("office", for: commune.reviewer)
            hamletID = try office.insert(into: "hamlets", values: ["name": .text("Làng Tơ Tung")]).id
            try await commune.sync(office)
            self.office = office
            headClock = ManualWallClock(offsetMilliseconds: -120_000)
            head = try commune.replica("to-tung", for: commune.head(of: hamletID), clock: headClock)
            try await commune.sync(head)  // ntm init: the one network contact
        }

        /// The head's export, taken to the office, answered; returns the reply files' bytes.
        func carry(
            maxBytes: Int = SignedBundle.maxFileBytes
        ) async throws -> (reply: [UInt8], summary: HubBundles.Summary) {
            let files = try head.exportBundles(maxFileBytes: maxBytes).map { try SignedBundle.read(try $0.fileBytes()) }
            let (reply, summary) = try await HubBundles.answer(files, store: commune.hub)
            return (try reply.fileBytes(), summary)
        }

        func importReply(_ bytes: [UInt8]) throws -> BundleImportReport {
            try head.importReply(try SignedBundle.read(bytes))
        }

        func hubCount(_ table: String) async throws -> Int {
            try await commune.hub.rows(table: table, for: commune.reviewer).count
        }
    }

    @Test(arguments: TestPostgres.engines) func aMonthOfRecordsAndAConflictReachTheHubAndComeBackResolvedByBundlesAlone(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        // Known to both before the hamlet lost its signal.
        let donation = try s.office.insert(
            into: "land_donations",
            values: [
                "hamlet_id": .text(s.hamletID), "donor_name": .text("Hộ bà Y Hơn"), "area_m2": .real(100),
            ]
        ).id
        try await s.commune.sync(s.office)
        _ = try s.importReply(try await s.carry().reply)
        #expect(try s.head.row("land_donations", id: donation)?["area_m2"] == .real(100))

        // A month without signal: a cleanup every Sunday, contributions, and the area
        // measured again — while the office corrects it too.
        var written: [String] = []
        for day in stride(from: 1, through: 29, by: 7) {
            s.headClock.advance(by: 7 * 86_400_000)
            written.append(
                try s.head.insert(
                    into: "cleanups",
                    values: [
                        "date": .text(String(format: "2026-11-%02d", day)), "note": .text("Dọn vệ sinh tuần \(day)"),
                    ]
                ).id)
            written.append(
                try s.head.insert(
                    into: "contributions",
                    values: [
                        "donor_name": .text("Hộ ông A Lưu"), "kind": .text("labor_days"), "amount": .real(2),
                        "date": .text(String(format: "2026-11-%02d", day)),
                    ]
                ).id)
        }
        try s.head.update("land_donations", id: donation, values: ["area_m2": .real(120)])
        try s.office.update("land_donations", id: donation, values: ["area_m2": .real(110)])
        try await s.commune.sync(s.office)

        // To the office on a USB stick, and back.
        let (first, summary) = try await s.carry()
        #expect(summary.applied == written.count + 1)
        #expect(summary.conflicts == 1)
        #expect(summary.holder == "Trưởng xóm")
        for id in written {
            let onHub =
                try await s.commune.hub.rows(table: "cleanups", for: s.commune.reviewer).map(\.id)
                + s.commune.hub.rows(table: "contributions", for: s.commune.reviewer).map(\.id)
            #expect(onHub.contains(id))
        }
        let imported = try s.importReply(first)
        #expect(imported.sync.pushed == written.count + 1)
        #expect(imported.sync.conflicts == 1)
        #expect(try s.head.status().pendingChanges == 0)
        let conflict = try #require(try s.head.conflicts(status: .open).first)
        #expect(try s.head.row("land_donations", id: donation)?["area_m2"] == .real(110), "the hub's value, held")

        // The office settles it; the next round trip brings the settlement.
        _ = try await s.commune.hub.resolve(
            conflictID: conflict.id, choice: .value(.real(115)), note: "Đo lại tại thực địa", by: s.commune.reviewer)
        try await s.commune.sync(s.office)
        let second = try s.importReply(try await s.carry().reply)
        #expect(second.sync.pulled >= 1)
        #expect(try s.head.row("land_donations", id: donation)?["area_m2"] == .real(115))
        #expect(try s.head.conflicts(status: .open).isEmpty)
        try await s.commune.expectConverged()
        try s.commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines) func theSameBundleTwiceAndRepliesOutOfOrderChangeNothingTwice(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        _ = try s.head.insert(into: "cleanups", values: ["date": .text("2026-11-08"), "note": .text("Lần một")])
        let early = try s.head.exportBundles().map { try SignedBundle.read(try $0.fileBytes()) }
        _ = try s.head.insert(into: "cleanups", values: ["date": .text("2026-11-15"), "note": .text("Lần hai")])
        let late = try s.head.exportBundles().map { try SignedBundle.read(try $0.fileBytes()) }

        // The later export first (it carries both changes), then the earlier, then the later again.
        let (lateReply, lateSummary) = try await HubBundles.answer(late, store: s.commune.hub)
        #expect(lateSummary.applied == 2)
        let (earlyReply, earlySummary) = try await HubBundles.answer(early, store: s.commune.hub)
        #expect(earlySummary.applied == 1, "the same outcome again")
        let (againReply, _) = try await HubBundles.answer(late, store: s.commune.hub)
        #expect(try await s.hubCount("cleanups") == 2)
        let log = try await s.commune.hub.read { sql in try sql.fetchInt64("SELECT COUNT(*) FROM sync_log") }

        // The replies in any order, any number of times.
        let firstImport = try s.head.importReply(earlyReply)
        #expect(firstImport.sync.pushed == 1)
        #expect(try s.head.status().pendingChanges == 1)
        #expect(try s.head.importReply(lateReply).sync.pushed == 1)
        #expect(try s.head.status().pendingChanges == 0)
        #expect(try s.head.importReply(earlyReply).stale)
        #expect(try s.head.importReply(againReply).stale)
        #expect(try s.head.rows("cleanups").count == 2)
        let after = try await s.commune.hub.read { sql in try sql.fetchInt64("SELECT COUNT(*) FROM sync_log") }
        #expect(after == log, "nothing logged twice")

        // And a network sync afterwards finds nothing to do.
        let report = try await s.commune.sync(s.head)
        #expect(report.pushed == 0)
        try await s.commune.syncAll()
        try await s.commune.expectConverged()
    }

    @Test(arguments: TestPostgres.engines) func bundlesMixWithNetworkSyncsAndAStaleReplyIsHarmless(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let cleanup = try s.head.insert(into: "cleanups", values: ["date": .text("2026-11-08"), "note": .text("Sáng")])
            .id
        let files = try s.head.exportBundles()
        // A bar of signal: the head syncs over the network before the bundle reaches the office.
        try await s.commune.sync(s.head)
        try s.head.update("cleanups", id: cleanup, values: ["note": .text("Chiều")])
        try await s.commune.sync(s.head)
        // The office imports the old file: the change is already there, nothing is undone.
        let (reply, summary) = try await HubBundles.answer(files, store: s.commune.hub)
        #expect(summary.applied == 1)
        let hubRow = try await s.commune.hub.rows(table: "cleanups", for: s.commune.reviewer).first
        #expect(hubRow?["note"] == .text("Chiều"))
        // Its reply, imported late, changes nothing here either.
        let imported = try s.head.importReply(reply)
        #expect(imported.stale)
        #expect(try s.head.row("cleanups", id: cleanup)?["note"] == .text("Chiều"))
        try await s.commune.syncAll()
        try await s.commune.expectConverged()
    }

    @Test(arguments: TestPostgres.engines) func alteredAndForeignBundlesAreRefusedAndChangeNothing(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        _ = try s.head.insert(into: "cleanups", values: ["date": .text("2026-11-08"), "note": .text("Dọn đường")])
        let good = try #require(try s.head.exportBundles().first)
        let bytes = try good.fileBytes()

        func refused(
            _ files: [SignedBundle], _ reason: String, sourceLocation: SourceLocation = #_sourceLocation
        )
            async throws
        {
            do {
                _ = try await HubBundles.answer(files, store: s.commune.hub)
                Issue.record("accepted: \(reason)", sourceLocation: sourceLocation)
            } catch let error as SyncError {
                #expect(error.message.contains(reason), "\(error.message)", sourceLocation: sourceLocation)
            }
            #expect(try await s.hubCount("cleanups") == 0, sourceLocation: sourceLocation)
        }

        // One byte of the payload changed (the note), the signature kept.
        var altered = good
        let index = try #require(altered.payload.firstIndex(of: UInt8(ascii: "D")))
        altered.payload[index] = UInt8(ascii: "X")
        try await refused([altered], "altered after it was signed")
        // Signed by a device the hub never registered.
        let stranger = try SignedBundle.sign(
            kind: .changes, replicaID: good.replicaID, payload: good.payload, with: Curve25519.Signing.PrivateKey())
        try await refused([stranger], "replica \(good.replicaID) registered another device's key")
        let unknown = try SignedBundle.sign(
            kind: .changes, replicaID: "01a20000-0000-7000-8000-0000000000ff", payload: good.payload,
            with: Curve25519.Signing.PrivateKey())
        try await refused([unknown], "signed by a device this hub does not know")
        // Signed by the office's registered device, passing itself off as the hamlet's.
        let officeKey = try s.office.read { db in
            try #require(try SigningKeys.stored(db, table: "sync_keys")).rawRepresentation
        }
        let impostor = try SignedBundle.sign(
            kind: .changes, replicaID: good.replicaID, payload: good.payload,
            with: try Curve25519.Signing.PrivateKey(rawRepresentation: officeKey))
        try await refused([impostor], "registered another device's key")
        // A good file alongside a bad one: neither is applied.
        try await refused([good, altered], "bundle 2 was altered")
        // The hub's reply offered back as changes.
        let (reply, _) = try await HubBundles.answer([try SignedBundle.read(bytes)], store: s.commune.hub)
        #expect(try await s.hubCount("cleanups") == 1)

        // The reply, one byte changed; another hub's; another device's.
        var alteredReply = reply
        alteredReply.payload[alteredReply.payload.count / 2] ^= 0x01
        let otherHub = try SignedBundle.sign(
            kind: .reply, replicaID: reply.replicaID, payload: reply.payload, with: Curve25519.Signing.PrivateKey())
        let neighbour = try s.commune.replica("neighbour", for: s.commune.head(of: s.hamletID))
        try await s.commune.sync(neighbour)
        for (file, reason, replica) in [
            (alteredReply, "altered after the hub signed it", s.head),
            (otherHub, "signed by another hub", s.head),
            (reply, "for another device", neighbour),
            (good, "not the hub's reply", s.head),
        ] {
            #expect(throws: SyncError.self, "\(reason)") { try replica.importReply(file) }
            do { _ = try replica.importReply(file) } catch let error as SyncError {
                #expect(error.message.contains(reason), "\(error.message)")
            }
        }
        #expect(try s.head.status().pendingChanges == 1, "nothing recorded from a refused reply")
        #expect(try s.head.importReply(reply).sync.pushed == 1)
    }

    @Test(arguments: TestPostgres.engines) func aBacklogSplitsIntoFilesOfTheChosenSizeThatApplyInAnyOrder(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let rows = (0..<3_000).map { index -> SyncRow in
            [
                "head_name": .text("Hộ số \(index) — Nguyễn Thị Hoa \(UUID().uuidString)"),
                "address": .text("Thôn Tơ Tung, nhà số \(index), \(UUID().uuidString)"),
            ]
        }
        _ = try s.head.insert(into: "households", rows: rows)
        let limit = 128 << 10
        let files = try s.head.exportBundles(maxFileBytes: limit)
        #expect(files.count > 2)
        for file in files { #expect(try file.fileBytes().count <= limit) }
        let read = try files.map { try SignedBundle.read(try $0.fileBytes()) }

        // The last part alone first: it waits for the others and applies nothing.
        let (lonely, lonelySummary) = try await HubBundles.answer([try #require(read.last)], store: s.commune.hub)
        #expect(lonelySummary.waiting >= 1)
        #expect(lonelySummary.applied == 0)
        #expect(try s.head.importReply(lonely).waiting >= 1)
        #expect(try s.head.status().pendingChanges == 3_000, "a part refused is not a change lost")
        // Then all of them, in reverse order, in one import: everything applies.
        let (reply, summary) = try await HubBundles.answer(read.reversed(), store: s.commune.hub, maxReplyBytes: limit)
        #expect(summary.applied == 3_000)
        #expect(try await s.hubCount("households") == 3_000)
        #expect(try reply.fileBytes().count <= limit)
        let imported = try s.head.importReply(reply)
        #expect(imported.sync.pushed == 3_000)
        #expect(try s.head.status().pendingChanges == 0)
        // The reply held what fit; further round trips bring the rest of the log.
        var more = imported.hasMore
        var trips = 0
        while more, trips < 20 {
            let next = try s.head.exportBundles(maxFileBytes: limit).map { try SignedBundle.read(try $0.fileBytes()) }
            let (answer, _) = try await HubBundles.answer(next, store: s.commune.hub, maxReplyBytes: limit)
            more = try s.head.importReply(answer).hasMore
            trips += 1
        }
        #expect(!more)
        #expect(try s.head.pullCursor() == (try await s.commune.hub.status(for: s.commune.reviewer).logHead))
        try await s.commune.sync(s.office)
        try await s.commune.expectConverged()
    }

    @Test(arguments: TestPostgres.engines)
    func aCopyOfAnOldFileWhoseKeyWasRegisteredLastByTheOtherCopyIsRefusedAndLosesNothing(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let office = try commune.replica("office", for: commune.reviewer)
        let hamletID = try office.insert(into: "hamlets", values: ["name": .text("Làng Tơ Tung")]).id
        try await commune.sync(office)
        let old = try commune.replica("old", for: commune.head(of: hamletID), schemaVersion: 1)
        try await commune.sync(old)
        // The version-1 file is copied; each copy makes its own key when upgraded.
        let copy = try commune.copy(old, as: "copy")
        let first = try commune.upgrade(old)
        let second = try commune.upgrade(copy)
        #expect(try first.devicePublicKey() != second.devicePublicKey())
        try await commune.sync(first)
        try await commune.sync(second)  // the same replica id now names the second's key
        _ = try first.insert(into: "cleanups", values: ["date": .text("2026-11-29")])
        let files = try first.exportBundles()
        do {
            _ = try await HubBundles.answer(files, store: commune.hub)
            Issue.record("a file signed by a key its replica id no longer names was taken")
        } catch let error as SyncError {
            #expect(error.message.contains("registered another device's key"))
        }
        // Its change waits for the next network sync, which takes a new identity for the copy.
        #expect(try first.status().pendingChanges == 1)
        try await commune.sync(first)
        #expect(try first.status().pendingChanges == 0)
        #expect(try await commune.hub.rows(table: "cleanups", for: commune.reviewer).count == 1)
    }
}
