import GRDB
import Logging

/// A hamlet head's or reviewer's local replica: one SQLite file holding the replicated
/// tables (hub-confirmed state with this replica's pending changes on top), the outbox
/// the capture triggers fill, the confirmed copy of every row and the pull cursor.
package final class Replica: Sendable {
    /// Whose replica this is: a hamlet head (one hamlet) or a reviewer (the commune).
    package let principal: Principal
    /// The schema version of the file's replicated tables, and the tables as it has them.
    package let schema: SchemaView
    /// The version the file was at before this opening upgraded it; nil when it was not
    /// upgraded.
    package let upgradedFrom: Int?
    /// The replica file.
    package let path: String
    let writer: DatabasePool
    let clock: any WallClock
    let ids: any IDGenerator

    /// Creates a new replica file at `path` for `principal`; fails if it is already a replica.
    /// `schemaVersion` is this build's own but for tests and simulations of an older fleet.
    package static func create(
        at path: String, principal: Principal, clock: any WallClock = SystemWallClock(), ids: (any IDGenerator)? = nil,
        schemaVersion: Int = ReplicatedSchema.version
    ) throws -> Replica {
        let ids = ids ?? UUIDv7Generator(clock: clock)
        try PrivateFile.prepare(path)
        let writer = try DatabasePool.syncEngine(path: path)
        try MigrationHistory.replica.migrate(writer, path: path, to: schemaVersion)
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
        return try Replica(path: path, clock: clock, ids: ids, schemaVersion: schemaVersion)
    }

    /// Opens an existing replica file and upgrades it to `schemaVersion` (this build's own
    /// but for tests and simulations of an older fleet), in one transaction per migration:
    /// pending and rejected changes stay as they are and are pushed as before. A file
    /// written by a newer `ntm` is refused and left alone.
    package init(
        path: String, clock: any WallClock = SystemWallClock(), ids: (any IDGenerator)? = nil,
        schemaVersion: Int = ReplicatedSchema.version
    ) throws {
        try PrivateFile.prepare(path)
        HeapSettings.apply()
        let writer = try DatabasePool.syncEngine(path: path)
        self.writer = writer
        self.path = path
        self.clock = clock
        self.ids = ids ?? UUIDv7Generator(clock: clock)
        let before: Int?
        do {
            before = try MigrationHistory.replica.migrate(writer, path: path, to: schemaVersion)
        } catch {
            try? writer.close()
            throw error
        }
        let schema = try SchemaView.at(schemaVersion)
        self.schema = schema
        self.upgradedFrom = before.flatMap { $0 < schemaVersion ? $0 : nil }
        // Capture cannot stay off: a trigger dropped or altered, or capture switched off by
        // another tool, is put right now, and what was written meanwhile is captured.
        let now = clock.nowMilliseconds()
        @Sendable func captureIsOff(_ db: Database) throws -> Bool {
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_state") == 1 else { return false }
            let applying = try Int64.fetchOne(db, sql: "SELECT applying FROM sync_state WHERE id = 1") ?? 0
            return try applying != 0 || !Self.damagedTriggers(db, schema).isEmpty
        }
        if try writer.read(captureIsOff) {
            try writer.write { db in
                guard try captureIsOff(db) else { return }
                try db.execute(sql: "UPDATE sync_state SET applying = 0, writer_now_ms = NULL WHERE id = 1")
                _ = try Self.restoreTriggers(db, schema)
                _ = try Self.captureUnrecorded(db, schema, now: now)
            }
        }
        // This device's signing key: made with the file, or now for a file from before it.
        try SigningKeys.ensure(writer, table: "sync_keys")
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
        let spec = try schema.table(table)
        return try writer.read { db in try spec.fetchRows(db) }
    }

    /// One visible row, if present.
    package func row(_ table: String, id: String) throws -> SyncRow? {
        let spec = try schema.table(table)
        return try writer.read { db in try spec.fetchRow(db, id: id) }
    }

    /// Reads with a database connection; `db` must not escape.
    package func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try writer.read(body)
    }
}
