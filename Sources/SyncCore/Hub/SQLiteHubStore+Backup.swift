import Foundation
import GRDB

extension SQLiteHubStore {
    /// Copies the hub file to `path` while the hub runs: SQLite's online backup takes one
    /// consistent state, and the copy must pass `PRAGMA integrity_check`. Refuses to write
    /// over an existing file.
    package func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SyncError.malformed("\(path) already exists; choose a new name for the backup")
        }
        try PrivateFile.prepare(path)
        let copy = try DatabaseQueue(path: path)
        do {
            try writer.backup(to: copy)
            let verdict = try copy.read { db in try DatabaseIntegrity.check(db) }
            try copy.close()
            guard verdict == "ok" else { throw SyncError.storage("the backup fails integrity_check: \(verdict)") }
        } catch {
            try? copy.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
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
