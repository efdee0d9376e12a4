import Foundation
import GRDB
import HubPostgres
import Logging
import Testing

@testable import SyncCore

/// A commune in a temporary folder: one hub and any number of replica files, synced
/// in-process through `LocalHubConnection`. The hub is a SQLite file in the folder, or
/// (`Commune.on(.postgres)`) a commune of its own in the test PostgreSQL database. Every
/// SQLite file is checked with `PRAGMA integrity_check` when the scenario ends.
final class Commune: @unchecked Sendable {  // test fixture used from one task at a time
    let folder: URL
    private(set) var hub: Hub
    let hubClock: ManualWallClock
    let reviewer = Principal(role: .reviewer, name: "Cán bộ xã Lê Văn Tám")
    private(set) var replicas: [Replica] = []

    init(hubClock: ManualWallClock = ManualWallClock()) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.hubClock = hubClock
        hub = try Hub(
            sqliteFile: folder.appendingPathComponent("hub.sqlite").path, clock: hubClock,
            logger: Logger(label: "test.hub", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// A commune whose hub runs on `engine`.
    static func on(_ engine: SQLDialect, hubClock: ManualWallClock = ManualWallClock()) async throws -> Commune {
        let commune = try Commune(hubClock: hubClock)
        if engine == .postgres { commune.hub = try await TestPostgres.commune(clock: hubClock) }
        return commune
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        TestPostgres.drop(hub)
    }

    /// The hub's SQLite store, for a scenario about the file itself (backups, its SQL).
    var sqliteFile: SQLiteHubDriver {
        get throws { try hub.file }
    }

    /// A path inside the commune's folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A new replica for `principal`, at this build's schema version unless told.
    func replica(
        _ name: String, for principal: Principal, clock: any WallClock = SystemWallClock(),
        schemaVersion: Int = ReplicatedSchema.version
    ) throws -> Replica {
        let replica = try Replica.create(
            at: path("\(name).sqlite"), principal: principal, clock: clock, schemaVersion: schemaVersion)
        replicas.append(replica)
        return replica
    }

    /// `replica`'s file closed and opened again by this build: upgraded to its schema version.
    func upgrade(_ replica: Replica) throws -> Replica {
        let file = replica.path
        try forget(replica)
        return try open(file)
    }

    /// Copies `replica`'s file to `path` with SQLite's online backup, as `sqlite3 .backup`
    /// or a phone backup would.
    func backup(_ replica: Replica, to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try replica.read { db in try destination.writeWithoutTransaction { copy in try db.backup(to: copy) } }
        try destination.close()
    }

    /// A copy of `replica`'s file (a USB stick), opened as a replica of its own.
    func copy(_ replica: Replica, as name: String) throws -> Replica {
        try backup(replica, to: path("\(name).sqlite"))
        return try open(path("\(name).sqlite"))
    }

    /// An existing replica file, opened and synced with the others from now on.
    func open(_ path: String) throws -> Replica {
        let replica = try Replica(path: path)
        replicas.append(replica)
        return replica
    }

    /// Closes `replica` and leaves it out of the commune (a lost phone).
    func forget(_ replica: Replica) throws {
        try replica.close()
        replicas.removeAll { $0 === replica }
    }

    /// The hub's disk dies and `backup` is put back: the hub file is replaced and reopened.
    func restoreHub(from backup: String) throws {
        try sqliteFile.close()
        let path = folder.appendingPathComponent("hub.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try SQLiteHubDriver.restore(backup: backup, to: path)
        hub = try Hub(
            sqliteFile: path, clock: hubClock,
            logger: Logger(label: "test.hub", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// A head principal for `hamletID`.
    func head(of hamletID: String, name: String = "Trưởng xóm") -> Principal {
        Principal(role: .head(hamletID: hamletID), name: name)
    }

    /// One sync of `replica` with the hub, as the replica's own principal.
    @discardableResult
    func sync(_ replica: Replica, pushPageSize: Int = 500, pullPageSize: Int = 1_000) async throws -> SyncReport {
        var session = SyncSession(replica: replica, hub: LocalHubConnection(store: hub, principal: replica.principal))
        session.pushPageSize = pushPageSize
        session.pullPageSize = pullPageSize
        return try await session.run()
    }

    /// Syncs every replica, twice round, so each has seen everyone's changes.
    func syncAll() async throws {
        for _ in 0..<2 {
            for replica in replicas { try await sync(replica) }
        }
    }

    /// A reviewer replica with `count` hamlets recorded and synced; returns it and the ids.
    func withHamlets(_ names: [String]) async throws -> (Replica, [String]) {
        let office = try replica("office", for: reviewer)
        var ids: [String] = []
        for name in names {
            ids.append(
                try office.insert(
                    into: "hamlets", values: ["name": .text(name), "head_name": .text("Trưởng \(name)")])[
                        TableSpec.idColumn]!.text!)
        }
        try office.insert(into: "criteria", values: ["number": .integer(2), "name": .text("Giao thông")])
        try await sync(office)
        return (office, ids)
    }

    /// Every replica's visible rows equal the hub's rows within its scope, and nothing is pending.
    func expectConverged(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for replica in replicas {
            // A replica at an earlier schema version sees the columns its version knows.
            for table in replica.schema.tables {
                let columns = Set(table.columnNames)
                let hubRows = try await hub.rows(table: table.name, for: replica.principal).map {
                    $0.filter { columns.contains($0.key) }
                }
                let replicaRows = try replica.rows(table.name)
                #expect(
                    replicaRows == hubRows, "\(table.name) on replica \(replica.principal.name)",
                    sourceLocation: sourceLocation)
            }
            let status = try replica.status()
            #expect(status.pendingChanges == 0, sourceLocation: sourceLocation)
        }
    }

    /// `PRAGMA integrity_check` passes on the hub and every replica.
    func expectIntegrity(sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let file = hub.sqliteFile {
            #expect(try file.integrityCheck() == "ok", sourceLocation: sourceLocation)
        }
        for replica in replicas {
            #expect(try replica.integrityCheck() == "ok", sourceLocation: sourceLocation)
        }
    }
}

/// The PostgreSQL server the tests may use (`NTM_TEST_POSTGRES`, which `.ci/run` sets with
/// `scripts/postgres start`).
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["NTM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// The hub engines a scenario runs on: SQLite, and PostgreSQL when a server is given.
    static var engines: [SQLDialect] { url == nil ? [.sqlite] : [.sqlite, .postgres] }

    static let logger = Logger(label: "test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// One pool for every scenario of the test process, as one hub process has.
    static let pool: PostgresConnections? = url.flatMap { url in
        (try? PostgresLocation(url: url)).map { PostgresConnections(location: $0, limit: 12, logger: logger) }
    }

    /// A new commune of its own in the test database.
    static func commune(clock: any WallClock = SystemWallClock()) async throws -> Hub {
        let pool = try #require(pool, "NTM_TEST_POSTGRES is not set: start one with scripts/postgres start")
        await leftoversDropped?.value
        let code = ScratchCommune.newCode(prefix: "t")
        return try await Hub(postgres: pool, code: code, clock: clock, logger: logger)
    }

    /// Drops a test's commune once the test is done with it (from a `deinit`: in a task of
    /// its own; the few a process ends before dropping go with the next run's leftovers).
    static func drop(_ store: Hub) {
        guard let store = store.postgresCommune, let dropper else { return }
        let code = store.code
        Task.detached { try? await ScratchCommune.drop(code, on: dropper) }
    }

    /// One connection of its own for the drops, which queue there rather than take the
    /// connections the running tests need.
    static let dropper: PostgresConnections? = url.flatMap { url in
        (try? PostgresLocation(url: url)).map { PostgresConnections(location: $0, limit: 1, logger: logger) }
    }

    /// What runs stopped before their end left (communes made over an hour ago), dropped
    /// once per test process, before its first commune.
    static let leftoversDropped: Task<Void, Never>? = dropper.map { dropper in
        Task { try? await ScratchCommune.dropLeftovers(prefix: "t", olderThan: 3_600, on: dropper) }
    }
}

extension Hub {
    /// The hub's SQLite file, for a scenario of the file itself.
    var file: SQLiteHubDriver {
        get throws { try #require(sqliteFile, "a scenario of the SQLite hub's file") }
    }

    /// How a PostgreSQL hub's pages were merged (none, on SQLite).
    var pages: PostgresHubDriver.PageTally { postgresCommune?.pages ?? PostgresHubDriver.PageTally() }
}
