import Foundation
import HubHTTP
import HubPostgres
import Logging
import SyncCore
import Testing

/// A hub with a commune, two hamlets and a token for each role: a file in a temporary
/// folder, or (`TestHub(.postgres)`) a commune of its own in the test PostgreSQL database,
/// served as a province's hub serves it, under `/c/CODE/`.
final class TestHub: Sendable {
    let folder: URL
    let store: Hub
    /// What the HTTP tests serve: the store, or the province's communes.
    let target: HubTarget
    /// The path prefix of the commune's API: empty, or `/c/CODE`.
    let prefix: String
    let dongID: String
    let doaiID: String
    let dongToken: String
    let doaiToken: String
    let reviewerToken: String
    let reviewer = Principal(role: .reviewer, name: "Lê Văn Tám")

    static let quietLogger = Logger(label: "test.hub") { _ in SwiftLogNoOpLogHandler() }

    init(_ engine: SQLDialect = .sqlite) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch engine {
        case .sqlite:
            let store = try Hub(
                sqliteFile: folder.appendingPathComponent("ntm-hub.sqlite").path, logger: Self.quietLogger)
            (self.store, target, prefix) = (store, .store(store), "")
        case .postgres:
            let pool = try #require(
                TestPostgres.pool, "NTM_TEST_POSTGRES is not set: start one with scripts/postgres start")
            let store = try await TestPostgres.commune()
            (self.store, target, prefix) = (
                store, .communes(PostgresCommunes(connections: pool, logger: Self.quietLogger)), "/c/\(store.code)"
            )
        }
        _ = try await store.initialize(communeName: "Xã Tân Lập")
        dongID = try await store.addHamlet(["name": .text("Xóm Đông"), "head_name": .text("Nguyễn Văn An")]).id
        doaiID = try await store.addHamlet(["name": .text("Xóm Đoài"), "head_name": .text("Trần Thị Bình")]).id
        dongToken = try await store.issueToken(role: .head(hamletID: dongID), name: nil).token
        doaiToken = try await store.issueToken(role: .head(hamletID: doaiID), name: nil).token
        reviewerToken = try await store.issueToken(role: .reviewer, name: reviewer.name).token
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        TestPostgres.drop(store)
    }

    var path: String { folder.appendingPathComponent("ntm-hub.sqlite").path }

    /// `path` of the commune's API, as a client of this hub reaches it.
    func uri(_ path: String) -> String { prefix + path }

    /// The hub's SQLite store, for a test of the file itself.
    var sqliteFile: SQLiteHubDriver {
        get throws { try #require(store.sqliteFile, "a test of the SQLite hub's file") }
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Everything a client could observe of the hub's data: every row and the log head.
    func snapshot() async throws -> [String] {
        var lines = ["log head \(try await store.status(for: reviewer).logHead)"]
        for table in ReplicatedSchema.tables {
            lines += try await store.rows(table: table.name, for: reviewer).map {
                "\(table.name) \(try JSONText.encode($0))"
            }
        }
        return lines
    }
}

/// The PostgreSQL server the tests may use (`NTM_TEST_POSTGRES`, which `.ci/run` sets with
/// `scripts/postgres start`).
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["NTM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// The hub engines a test runs on: SQLite, and PostgreSQL when a server is given.
    static var engines: [SQLDialect] { url == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// One pool for every test of the process, as one hub process has.
    static let pool: PostgresConnections? = url.flatMap { url in
        (try? PostgresLocation(url: url)).map {
            PostgresConnections(location: $0, limit: 12, logger: TestHub.quietLogger)
        }
    }

    /// A new commune of its own in the test database.
    static func commune() async throws -> Hub {
        let pool = try #require(pool, "NTM_TEST_POSTGRES is not set: start one with scripts/postgres start")
        await leftoversDropped?.value
        let code = ScratchCommune.newCode(prefix: "t")
        return try await Hub(postgres: pool, code: code, logger: TestHub.quietLogger)
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
        (try? PostgresLocation(url: url)).map {
            PostgresConnections(location: $0, limit: 1, logger: TestHub.quietLogger)
        }
    }

    /// What runs stopped before their end left (communes made over an hour ago), dropped
    /// once per test process, before its first commune.
    static let leftoversDropped: Task<Void, Never>? = dropper.map { dropper in
        Task { try? await ScratchCommune.dropLeftovers(prefix: "t", olderThan: 3_600, on: dropper) }
    }
}

extension Hub {
    /// The commune's code, for a hub on PostgreSQL.
    var code: String { postgresCommune?.code ?? "" }
}
