import Foundation
import HubPostgres
import Logging
import PostgresNIO
import SyncCore

/// The hub's own pool of PostgreSQL connections (`PostgresConnections`: a
/// connection lent per transaction, the transaction's statements run on a thread that
/// waits for each answer) against PostgresNIO's `PostgresClient` (its pool, statements
/// awaited on Swift concurrency), with the same small transactions at once: BEGIN, the two
/// `SET LOCAL` timeouts the hub sets, one read, COMMIT.
public enum PoolWorkload {
    public struct PoolFigure: Codable, Sendable {
        public var pool: String
        public var transactions: Int
        public var seconds: Double
    }

    public static func compare(postgres: String, transactions: Int, concurrency: Int) async throws -> [PoolFigure] {
        let location = try PostgresLocation(url: postgres)
        guard !location.requireTLS else {
            throw SyncError.invalidValue(
                table: "bench", column: "postgres", "pg-pool compares on a plain local connection")
        }
        let logger = ProvinceWorkloads.logger
        let perTask = max(1, transactions / max(1, concurrency))
        var figures: [PoolFigure] = []
        for round in 0..<2 {
            let ours = PostgresConnections(location: location, limit: concurrency, logger: logger)
            let oursSeconds = try await Measure.seconds {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<concurrency {
                        group.addTask {
                            for _ in 0..<perTask {
                                _ = try await ours.transaction(schema: nil) { sql in try sql.fetchInt64("SELECT 1") }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await ours.close()

            var configuration = PostgresClient.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: .disable)
            configuration.options.maximumConnections = concurrency
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            let running = Task { await client.run() }
            let clientSeconds = try await Measure.seconds {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<concurrency {
                        group.addTask {
                            for _ in 0..<perTask {
                                try await client.withConnection { connection in
                                    _ = try await connection.query("BEGIN", logger: logger)
                                    _ = try await connection.query("SET LOCAL lock_timeout = '10s'", logger: logger)
                                    _ = try await connection.query(
                                        "SET LOCAL statement_timeout = '60s'", logger: logger)
                                    for try await _ in try await connection.query("SELECT 1", logger: logger) {}
                                    _ = try await connection.query("COMMIT", logger: logger)
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            running.cancel()
            _ = await running.value
            if round == 1 {
                figures.append(
                    PoolFigure(pool: "PostgresConnections", transactions: perTask * concurrency, seconds: oursSeconds))
                figures.append(
                    PoolFigure(pool: "PostgresClient", transactions: perTask * concurrency, seconds: clientSeconds))
            }
        }
        return figures
    }
}
