import Foundation
import GRDB

/// One shipped migration, fixed forever: its identifier, the schema version it belongs to
/// and its SQL (DESIGN.md §5, evolving schema). Each runs in one transaction, so a kill
/// during an upgrade leaves the file as it was or as it becomes, never half.
package struct FrozenMigration: Sendable, Hashable {
    /// The name recorded in `grdb_migrations` once applied.
    package let identifier: String
    /// The schema version the migration belongs to: a file at version N has every
    /// migration of versions 1…N.
    package let schemaVersion: Int
    /// The statements, run as one script.
    package let sql: String

    init(_ identifier: String, schemaVersion: Int, sql: String) {
        self.identifier = identifier
        self.schemaVersion = schemaVersion
        self.sql = sql
    }
}

/// The migrations of one kind of file (a replica, a hub), in order.
package struct MigrationHistory: Sendable {
    /// What the file is, in messages: `replica`, `hub`.
    package let file: String
    /// The program that writes such files, in messages: `ntm`, `ntm-hub`.
    package let program: String
    /// Every migration, oldest first.
    package let migrations: [FrozenMigration]

    /// The replica file's history.
    package static let replica = MigrationHistory(
        file: "replica", program: "ntm",
        migrations: FrozenMigration.replicaV1 + [
            FrozenMigration.replicaV2, FrozenMigration.replicaHistory, FrozenMigration.replicaHubTrust,
            FrozenMigration.replicaKeys, FrozenMigration.replicaV3,
        ])
    /// The hub file's history.
    package static let hub = MigrationHistory(
        file: "hub", program: "ntm-hub",
        migrations: FrozenMigration.hubV1 + [
            FrozenMigration.hubV2, FrozenMigration.hubLogRows, FrozenMigration.hubDevices, FrozenMigration.hubKeys,
            FrozenMigration.hubV3,
        ])

    /// The migrations up to schema version `version`.
    package func migrations(upTo version: Int) -> [FrozenMigration] {
        migrations.filter { $0.schemaVersion <= version }
    }

    /// Brings the file open in `writer` to schema version `version` (the build's own unless
    /// told), one migration per transaction, and returns the version it was at (nil: a new
    /// file). A file written by a newer program (a migration this build does not know, or
    /// a version beyond `version`) is refused and left as it is.
    @discardableResult
    package func migrate(
        _ writer: some DatabaseWriter, path: String, to version: Int = ReplicatedSchema.version
    )
        throws -> Int?
    {
        let before = try writer.read { db in try self.version(of: db, path: path) }
        if let before, before > version {
            throw SyncError.newerFile(
                "\(path) is a \(file) at schema version \(before), newer than this one (\(version)): update \(program); the file was not changed"
            )
        }
        var migrator = DatabaseMigrator()
        for migration in migrations(upTo: version) {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                Failpoint.reached("migration:\(migration.identifier)")
            }
        }
        try migrator.migrate(writer)
        return before
    }

    /// The schema version of an open file; nil for a file without migrations (new).
    package func version(of db: Database, path: String) throws -> Int? {
        guard try db.tableExists("grdb_migrations") else { return nil }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        guard !applied.isEmpty else { return nil }
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.identifier, $0.schemaVersion) })
        if let unknown = applied.sorted().first(where: { known[$0] == nil }) {
            throw SyncError.newerFile(
                "\(path) was written by a newer \(program) (it has migration \(unknown), unknown to this one): update \(program); the file was not changed"
            )
        }
        return applied.compactMap { known[$0] }.max()
    }
}

/// Test hooks that pause the program at a named point, so a test can kill it there for
/// sure: `NTM_FAILPOINT=migration:v2-schema` stops inside that migration's transaction
/// and says so on stderr. Unset (always, outside tests), nothing happens.
enum Failpoint {
    static func reached(_ name: String) {
        guard ProcessInfo.processInfo.environment["NTM_FAILPOINT"] == name else { return }
        FileHandle.standardError.write(Data("failpoint \(name) reached\n".utf8))
        while true { sleep(60) }
    }
}
