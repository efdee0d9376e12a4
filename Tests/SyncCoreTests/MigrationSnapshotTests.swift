import Crypto
import Foundation
import GRDB
import HubPostgres
import Testing

@testable import SyncCore

/// Issue 11: every shipped migration is frozen. Its SQL is pinned here by SHA-256, so
/// that no later change to the schema code can alter what "version 1" means; version 1
/// is exactly what the files in the field hold; and the migrations, run in order, build
/// exactly the tables and triggers the declaration describes.
@Suite struct MigrationSnapshotTests {
    /// The SHA-256 of each shipped migration's SQL. A test failing here means a shipped
    /// migration was edited: put it back, and add a new migration instead
    /// (docs/architecture.md, "Adding a column or a table").
    static let pinned: [String: String] = [
        "replica v1-replicated-tables": "1c83db55fbe627becbc0901335f3b6631c344fe02c509064cbd05af5d7fa66d6",
        "replica v1-replica-engine": "e87e792c995d62be426953cae36ef15739aecda3cea811c62e3e0651789710eb",
        "replica v1-replica-hub": "97903154798ac25d6c6bac50e6a314ed31609f80a8b7f12bfcdcb87f2626af98",
        "replica v1-plausible-values": "72b00af9c480fa3126b5898f8162915ed2b6c83c32666272471f4f92af31611e",
        "replica v1-replica-identities": "e0a1c1038529bca9d3d874ce6ddbb031f3bf9e5d68f7500e45c1954b7f1ac425",
        "replica v1-replica-set-aside": "83d8f404b9627b0f304fb3216d05921795f8b4c3dc162504b806fe6e6c75d39e",
        "replica v1-replica-refill": "1e20df018de8c002aceba63db39189d4416c30165d793563fb9683508c92e479",
        "replica v2-schema": "567eef09b27b0ab42fc9dbdba794e4f5b9808407c4b71f7f38614098f4100018",
        "hub v1-replicated-tables": "1c83db55fbe627becbc0901335f3b6631c344fe02c509064cbd05af5d7fa66d6",
        "hub v1-hub-engine": "0755993dee31b2ead07e51f82ae60d2d36f44805fa46150463456bbf1a483468",
        "hub v1-hub-administration": "5be89cd782b8be778bc97ea411aedefce8c4b9a1c8564bbe4d344b1bcfeeec81",
        "hub v1-hub-log-origin": "fc8ca63440cb71f31afee1f06080359b63c0d03007cb44102277d04ed6c2f490",
        "hub v1-hub-replica-token": "657014e56a2e2b6fd3b1586878b0e9a7a2b6888b875656be694822c9d20df4c5",
        "hub v2-schema": "51efa54680fe5a191dad2134878f51c99f210bd48f123dd42f8b14544402702b",
        "replica v2-replica-history": "c776634a2b55561c10d4cb61369ad826001359fac9f8de0954570776af2b9658",
        "hub v2-hub-log-rows": "2625e01e9345773a47fb635726641e063f8403b48b8f73aac554c2e5e64fdf86",
        "hub v2-hub-devices": "9266a0b01493d419728ef3661ea8aa7b02685329ca1ac87766a3df9b8d58a422",
        "replica v2-replica-hub-trust": "ab76e03f0375f346bfabb7f69c37a32aa32fc32d18da026f0cbaab385c92f0bb",
        "replica v2-replica-keys": "320220149132aca85be2afb727234560f3f808f521cef2c12c50023a20da28ef",
        "hub v2-hub-keys": "3e3ee39ca4c89fd7eb1a20ca41a3e7d2a4f73d9e2b1fcd6b206184a9e553025a",
        "replica v3-schema": "2346326a6b378fdeacb553b28fb273d93d3d1d5781d4808b50ce2e9eff182623",
        "hub v3-schema": "d19e9daaab1e9e9b59d68d8aef5bab2ee055d0ad5af523500fb2ca6ad2fbf5d9",
    ]

    private static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func noShippedMigrationChanges() {
        var seen: Set<String> = []
        for history in [MigrationHistory.replica, .hub] {
            for migration in history.migrations {
                let key = "\(history.file) \(migration.identifier)"
                seen.insert(key)
                #expect(
                    Self.pinned[key] == Self.digest(migration.sql),
                    "\(key) changed (sha256 \(Self.digest(migration.sql))): shipped migrations are frozen")
            }
        }
        #expect(seen == Set(Self.pinned.keys), "a shipped migration was removed or renamed")
    }

    /// Issue 16: the PostgreSQL store's migrations are frozen the same way (the replicated
    /// tables in them come from the declaration: a change to a shipped version shows here).
    static let pinnedPostgres: [String: String] = [
        "pg-v3-hub": "fde3565fbcbf4088e808763be5517527ccc5da363ffaff63259b6964ae422d15",
        "pg-v3-date-sql": "e69fcb4af0268f05641a6a7793c8f4e0077e933d47702f9bb4e8eb985008b009",
        "pg-v3-date-inline": "f55f3151ea05d16c259fbfd4a7cb185ad24d3daa3cb3e2a222bf3a962253682e",
    ]

    @Test func noShippedPostgresMigrationChanges() {
        let shipped = Dictionary(
            uniqueKeysWithValues: PostgresSchema.migrations.map { ($0.identifier, Self.digest($0.sql)) })
        #expect(shipped == Self.pinnedPostgres, "shipped PostgreSQL migrations are frozen: \(shipped)")
    }

    @Test func schemaVersionsOnlyGrowAlongEachHistory() {
        for history in [MigrationHistory.replica, .hub] {
            let versions = history.migrations.map(\.schemaVersion)
            #expect(versions == versions.sorted(), "\(history.file)")
            #expect(versions.last == ReplicatedSchema.version, "\(history.file) reaches this build's version")
            #expect(Set(history.migrations.map(\.identifier)).count == history.migrations.count)
        }
    }

    /// Every schema object of the file, as SQLite keeps it.
    private static func schema(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'
                    ORDER BY type, name
                    """
            ).map {
                "\($0["type"] as String) \($0["name"] as String) on \($0["tbl_name"] as String):\n\($0["sql"] as String? ?? "")"
            }
        }
    }

    private static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ntm-\(UUID().uuidString)-\(name).sqlite").path
    }

    @Test func versionOneIsExactlyWhatTheFieldHolds() throws {
        let field = Self.temporaryPath("dong")
        try FieldFixture(version: 1).restore("dong", to: field)
        let fresh = Self.temporaryPath("fresh")
        let replica = try Replica.create(
            at: fresh, principal: Principal(role: .reviewer, name: "Cán bộ"), schemaVersion: 1)
        try replica.close()
        #expect(try Self.schema(fresh) == Self.schema(field))

        let fieldHub = Self.temporaryPath("hub")
        try FieldFixture(version: 1).restore("hub", to: fieldHub)
        let freshHub = Self.temporaryPath("fresh-hub")
        var configuration = HubConfiguration()
        configuration.schemaVersion = 1
        let hub = try Hub(sqliteFile: freshHub, configuration: configuration, logger: .init(label: "test"))
        try hub.close()
        #expect(try Self.schema(freshHub) == Self.schema(fieldHub))
    }

    /// Table SQL with its whitespace folded: `ALTER TABLE … ADD COLUMN` appends a column
    /// to the stored statement with other spacing than a fresh `CREATE TABLE`.
    private static func folded(_ sql: String) -> String {
        sql.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            .replacingOccurrences(of: " ,", with: ",")
            .replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
    }

    @Test func theMigrationsBuildWhatTheDeclarationSays() throws {
        let path = Self.temporaryPath("current")
        let replica = try Replica.create(at: path, principal: Principal(role: .reviewer, name: "Cán bộ"))
        try replica.close()
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.read { db in
            for table in ReplicatedSchema.tables {
                let stored = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table.name])
                #expect(stored.map(Self.folded) == Self.folded(table.createTableSQL), "\(table.name)")
            }
            let triggers = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                ).map { ($0["name"] as String, $0["sql"] as String) })
            #expect(triggers == ReplicaTriggers.expected(.current))
        }
    }

    @Test func anUpgradedFileIsLikeANewOne() throws {
        let field = Self.temporaryPath("dong")
        try FieldFixture(version: 1).restore("dong", to: field)
        let upgraded = try Replica(path: field)
        #expect(upgraded.upgradedFrom == 1)
        try upgraded.close()
        let fresh = Self.temporaryPath("fresh")
        try Replica.create(at: fresh, principal: Principal(role: .reviewer, name: "Cán bộ")).close()
        #expect(try Self.schema(fresh).map(Self.folded) == Self.schema(field).map(Self.folded))
    }
}
