import GRDB
import Logging

/// A hamlet head's or reviewer's local replica: one SQLite file holding the replicated
/// tables (hub-confirmed state with this replica's pending changes on top), the outbox
/// the capture triggers fill, the confirmed copy of every row and the pull cursor.
package final class Replica: Sendable {
    /// Whose replica this is: a hamlet head (one hamlet) or a reviewer (the commune).
    package let principal: Principal
    let writer: DatabasePool
    let clock: any WallClock
    let ids: any IDGenerator

    /// Creates a new replica file at `path` for `principal`; fails if it is already a replica.
    package static func create(
        at path: String, principal: Principal, clock: any WallClock = SystemWallClock(), ids: (any IDGenerator)? = nil
    ) throws -> Replica {
        let ids = ids ?? UUIDv7Generator(clock: clock)
        try PrivateFile.prepare(path)
        let writer = try DatabasePool(path: path, configuration: .syncEngine)
        try ReplicaMigrations.migrator.migrate(writer)
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_state") == 0 else {
                throw SyncError.malformed("\(path) is already a replica")
            }
            try db.execute(
                sql: """
                    INSERT INTO sync_state (id, replica_id, role, hamlet_id, author, created_at)
                    VALUES (1, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ids.makeID(), principal.roleName, principal.hamletID, principal.name,
                    clock.nowMilliseconds(),
                ])
        }
        try writer.close()
        return try Replica(path: path, clock: clock, ids: ids)
    }

    /// Opens an existing replica file, applying any newer migrations.
    package init(path: String, clock: any WallClock = SystemWallClock(), ids: (any IDGenerator)? = nil) throws {
        try PrivateFile.prepare(path)
        self.writer = try DatabasePool(path: path, configuration: .syncEngine)
        self.clock = clock
        self.ids = ids ?? UUIDv7Generator(clock: clock)
        try ReplicaMigrations.migrator.migrate(writer)
        // Capture cannot stay off: a trigger dropped or altered, or capture switched off by
        // another tool, is put right now, and what was written meanwhile is captured.
        let now = clock.nowMilliseconds()
        @Sendable func captureIsOff(_ db: Database) throws -> Bool {
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_state") == 1 else { return false }
            let applying = try Int64.fetchOne(db, sql: "SELECT applying FROM sync_state WHERE id = 1") ?? 0
            return try applying != 0 || !Self.damagedTriggers(db).isEmpty
        }
        if try writer.read(captureIsOff) {
            try writer.write { db in
                guard try captureIsOff(db) else { return }
                try db.execute(sql: "UPDATE sync_state SET applying = 0, writer_now_ms = NULL WHERE id = 1")
                _ = try Self.restoreTriggers(db)
                _ = try Self.captureUnrecorded(db, now: now)
            }
        }
        guard
            let row = try writer.read({ db in
                try Row.fetchOne(db, sql: "SELECT role, hamlet_id, author FROM sync_state WHERE id = 1")
            })
        else { throw SyncError.notFound("replica identity in \(path) (not initialised)") }
        let hamletID: String? = try row.checked("hamlet_id")
        let role: String = try row.checked("role")
        self.principal = Principal(
            role: role == "reviewer" ? .reviewer : .head(hamletID: hamletID ?? ""), name: try row.checked("author"))
    }

    /// Closes the file; the replica is unusable afterwards.
    package func close() throws {
        try writer.close()
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict (`ok` when sound).
    package func integrityCheck() throws -> String {
        try writer.read { db in try DatabaseIntegrity.check(db) }
    }

    /// The visible rows of `table` (confirmed with pending changes on top), ordered by id.
    package func rows(_ table: String) throws -> [SyncRow] {
        let spec = try ReplicatedSchema.table(table)
        return try writer.read { db in try spec.fetchRows(db) }
    }

    /// One visible row, if present.
    package func row(_ table: String, id: String) throws -> SyncRow? {
        let spec = try ReplicatedSchema.table(table)
        return try writer.read { db in try spec.fetchRow(db, id: id) }
    }

    /// Reads with a database connection; `db` must not escape.
    package func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try writer.read(body)
    }
}
