import Foundation
import GRDB
import Logging

/// A hub on one SQLite file: replicated tables, the ordered log, per-field versions,
/// idempotency records, conflicts and the audit trail, all changed in one transaction per
/// push or resolution. One writer at a time; pushes arriving together commit together.
package final class SQLiteHubDriver: HubDriver {
    let writer: DatabasePool
    package let publicKey: String?
    /// Concurrent pushes, committed in groups.
    let pushes: GroupCommit<[ChangeOutcome]>

    /// Opens (creating if missing) the hub file at `path` and migrates it to
    /// `configuration.schemaVersion`.
    package init(
        path: String, configuration: HubConfiguration = HubConfiguration(), clock: any WallClock = SystemWallClock()
    ) throws {
        try PrivateFile.prepare(path)
        self.writer = try DatabasePool.syncEngine(path: path, maxPageCount: configuration.maxPageCount)
        self.pushes = GroupCommit(writer: writer)
        do {
            try MigrationHistory.hub.migrate(writer, path: path, to: configuration.schemaVersion)
            let now = clock.nowMilliseconds()
            try writer.write { db in
                try db.execute(
                    cached: "INSERT OR IGNORE INTO sync_hub_state (id, hlc, created_at) VALUES (1, 0, ?)",
                    arguments: [now])
            }
            try SigningKeys.ensure(writer, table: "sync_hub_key")
            publicKey = try writer.read { db in
                try SigningKeys.stored(db, table: "sync_hub_key").map { SigningKeys.text($0.publicKey) }
            }
        } catch {
            try? writer.close()
            throw error
        }
    }

    package func read<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T {
        try await writer.read { db in try body(SQLiteTransaction(db)) }
    }

    package func write<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T {
        try await writer.write { db in try body(SQLiteTransaction(db)) }
    }

    /// Pushes arriving together are committed together (`GroupCommit`).
    package func pushWrite(
        _ body: @escaping @Sendable (any SQLTransaction, _ isolated: Bool) throws -> [ChangeOutcome]
    ) async throws -> [ChangeOutcome] {
        try await pushes.write(body)
    }

    package func refusal(_ error: any Error) -> SQLRefusal? {
        SQLiteTransaction.refusal(error)
    }

    /// Closes the file; the hub is unusable afterwards.
    package func close() throws {
        try writer.close()
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict (`ok` when sound).
    package func integrityCheck() throws -> String {
        try writer.read { db in try DatabaseIntegrity.check(db) }
    }

    /// Copies the hub file to `path` while the hub runs: SQLite's online backup takes one
    /// consistent state, and the copy must pass `PRAGMA integrity_check`. The copy is made
    /// beside `path` and put there only once verified; a file already at `path` is kept
    /// (`PrivateFile.WriteFailure.exists`) unless `replacing`.
    package func backup(to path: String, replacing: Bool = false) throws {
        if !replacing, PrivateFile.exists(path) { throw PrivateFile.WriteFailure.exists }
        let temporary = path + ".\(UInt64.random(in: 0...UInt64.max)).partial"
        try PrivateFile.prepare(temporary)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let copy = try DatabaseQueue(path: temporary)
        do {
            try writer.backup(to: copy)
            let verdict = try copy.read { db in try DatabaseIntegrity.check(db) }
            try copy.close()
            guard verdict == "ok" else { throw SyncError.storage("the backup fails integrity_check: \(verdict)") }
        } catch {
            try? copy.close()
            throw error
        }
        try PrivateFile.place(temporary, at: path, replacing: replacing)
    }

    /// Puts a backup back as the hub file at `path` (the hub must not be running): the
    /// backup must be a hub file that passes `PRAGMA integrity_check`; it is copied in with
    /// SQLite's backup, so the file's journal stays coherent. Every replica then refills
    /// the hub with what it lost at its next sync.
    package static func restore(backup: String, to path: String) throws {
        guard FileManager.default.fileExists(atPath: backup) else { throw SyncError.notFound("backup \(backup)") }
        var configuration = Configuration()
        configuration.readonly = true
        let source = try DatabaseQueue(path: backup, configuration: configuration)
        defer { try? source.close() }
        let verdict = try source.read { db in try DatabaseIntegrity.check(db) }
        guard verdict == "ok" else { throw SyncError.malformed("\(backup) fails integrity_check: \(verdict)") }
        guard
            try source.read({ db in try db.tableExists("sync_log") && db.tableExists("sync_hub_state") })
        else { throw SyncError.malformed("\(backup) is not a hub file") }
        try PrivateFile.prepare(path)
        let destination = try DatabaseQueue(path: path)
        try source.backup(to: destination)
        try destination.close()
    }
}
