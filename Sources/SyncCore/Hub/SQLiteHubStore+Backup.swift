import Foundation
import GRDB

extension SQLiteHubStore {
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
