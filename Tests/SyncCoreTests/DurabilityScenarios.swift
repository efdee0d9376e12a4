import Foundation
import GRDB
import Logging
import Testing

@testable import SyncCore

/// Issue 4: the hub's disk fills during a push. Issue 28: every file the engine writes
/// commits durably.
@Suite struct DurabilityScenarios {
    /// What a commit costs and guarantees on `pool`: every connection, the writer and the
    /// readers alike, in WAL with `synchronous = FULL` (2), so that an acknowledged write
    /// survives a power cut (NORMAL may lose the last commits of a WAL file).
    private func expectDurable(_ pool: DatabasePool, _ what: String) throws {
        let (mode, writer) = try pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        let reader = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(mode == "wal", "\(what): journal mode")
        #expect(writer == 2, "\(what): synchronous on the writer")
        #expect(reader == 2, "\(what): synchronous on a reader")
    }

    @Test func everyFileTheEngineWritesIsWALWithFullSync() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

        // The hub's file, new and opened again; one put back from a backup.
        let hubPath = folder.appendingPathComponent("hub.sqlite").path
        var hub = try Hub(sqliteFile: hubPath, logger: logger)
        try expectDurable(hub.file.writer, "a new hub file")
        let hamletID = try await hub.addHamlet(["name": .text("Xóm Đồi")])[TableSpec.idColumn]?.text ?? ""
        let backup = folder.appendingPathComponent("hub-backup.sqlite").path
        try hub.file.backup(to: backup)
        try hub.close()
        hub = try Hub(sqliteFile: hubPath, logger: logger)
        try expectDurable(hub.file.writer, "a hub file opened again")
        try hub.close()
        let restored = folder.appendingPathComponent("restored.sqlite").path
        try SQLiteHubDriver.restore(backup: backup, to: restored)
        let fromBackup = try Hub(sqliteFile: restored, logger: logger)
        try expectDurable(fromBackup.file.writer, "a hub file put back from a backup")
        try fromBackup.close()

        // A replica's file, new, opened again, and upgraded from an earlier schema version.
        let head = Principal(role: .head(hamletID: hamletID), name: "Trưởng xóm")
        let replicaPath = folder.appendingPathComponent("doi.sqlite").path
        let replica = try Replica.create(at: replicaPath, principal: head)
        try expectDurable(replica.writer, "a new replica file")
        try replica.close()
        let reopened = try Replica(path: replicaPath)
        try expectDurable(reopened.writer, "a replica file opened again")
        try reopened.close()
        let olderPath = folder.appendingPathComponent("old.sqlite").path
        try Replica.create(at: olderPath, principal: head, schemaVersion: 1).close()
        let upgraded = try Replica(path: olderPath)
        try expectDurable(upgraded.writer, "a replica file upgraded from schema version 1")
        try upgraded.close()
    }

    @Test func aPushThatFillsTheHubsDiskFailsCleanlyAndSucceedsOnceSpaceReturns() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hubPath = folder.appendingPathComponent("hub.sqlite").path
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let reviewer = Principal(role: .reviewer, name: "Cán bộ xã")

        var hub = try Hub(sqliteFile: hubPath, logger: logger)
        let hamletID = try await hub.addHamlet(["name": .text("Xóm Đồi")])[TableSpec.idColumn]?.text ?? ""
        let head = try Replica.create(
            at: folder.appendingPathComponent("doi.sqlite").path,
            principal: Principal(role: .head(hamletID: hamletID), name: "Trưởng xóm"))
        try await SyncSession(replica: head, hub: LocalHubConnection(store: hub, principal: head.principal)).run()
        let pages = try await DatabaseQueue(path: hubPath).read { db in
            try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        }
        try hub.close()

        // A long offline month: more than the few free pages left on the hub's "disk".
        try head.write { db in
            let cleanups = try ReplicatedSchema.table("cleanups")
            for day in 1...28 {
                for shift in 0..<10 {
                    try cleanups.insertRow(
                        db,
                        try cleanups.completeRow([
                            "id": .text(UUIDv7Generator().makeID()), "hamlet_id": .text(hamletID),
                            "date": .text(String(format: "2026-11-%02d", day)),
                            "note": .text(String(repeating: "Dọn vệ sinh đường làng ca \(shift). ", count: 20)),
                        ]))
                }
            }
        }
        var limits = HubConfiguration()
        limits.maxPageCount = pages + 8
        hub = try Hub(sqliteFile: hubPath, configuration: limits, logger: logger)
        let before = try await hub.log()
        var session = SyncSession(replica: head, hub: LocalHubConnection(store: hub, principal: head.principal))
        session.pushPageSize = 280
        do {
            try await session.run()
            Issue.record("a push beyond the disk's space must fail")
        } catch let error as SyncError {
            #expect(error.kind == .unavailable)
            #expect(error.message.contains("disk is full"))
        }
        // Nothing half-applied: the log, the rows and the replica's bookkeeping are as before.
        #expect(try await hub.log() == before)
        #expect(try await hub.rows(table: "cleanups", for: reviewer).isEmpty)
        #expect(try await hub.replicas().first { try $0.replicaID == head.replicaID }?.lastSeq == 0)
        #expect(try head.status().pendingChanges == 280)
        #expect(try hub.file.integrityCheck() == "ok")
        try hub.close()

        // Space returns.
        hub = try Hub(sqliteFile: hubPath, logger: logger)
        let report = try await SyncSession(
            replica: head, hub: LocalHubConnection(store: hub, principal: head.principal)
        ).run()
        #expect(report.pushed == 280)
        #expect(try await hub.rows(table: "cleanups", for: reviewer) == (try head.rows("cleanups")))
        #expect(try head.status().pendingChanges == 0)
        #expect(try hub.file.integrityCheck() == "ok")
        #expect(try head.integrityCheck() == "ok")
    }
}
