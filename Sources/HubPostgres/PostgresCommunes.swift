import Logging
import SyncCore

/// The communes of one database, as `serve --postgres` finds them by the codes in URLs: each
/// opened at its first request, over the process's one pool of connections.
package actor PostgresCommunes: CommuneDirectory {
    private let connections: PostgresConnections
    private let logger: Logger
    private var open: [String: Hub] = [:]
    /// Communes being opened: requests for one wait for the same opening.
    private var opening: [String: Task<Hub?, any Error>] = [:]
    /// Codes found missing lately, and when: a flood of made-up codes costs one small read
    /// each per `missingFor`, never an opening (a lock and the schema's checks).
    private var missing: [String: ContinuousClock.Instant] = [:]
    static let missingFor: Duration = .seconds(10)
    static let maxMissing = 10_000

    /// The most connections of a process's pool one commune holds at once: half, rounded
    /// up (4 of the default 8), so that one commune's crowd leaves the others room.
    package static func connectionsPerCommune(_ limit: Int) -> Int {
        max(1, (limit + 1) / 2)
    }

    /// The communes reached through `connections`.
    package init(connections: PostgresConnections, logger: Logger) {
        self.connections = connections
        self.logger = logger
    }

    package func store(code: String) async throws -> (Hub)? {
        guard (try? PostgresHubDriver.check(code: code)) != nil else { return nil }
        if let store = open[code] { return store }
        let now = ContinuousClock.now
        if let since = missing[code], now - since < Self.missingFor { return nil }
        if let task = opening[code] { return try await task.value }
        let (connections, logger) = (self.connections, self.logger)
        let task = Task<Hub?, any Error> {
            // A read of the registry first: no lock, no DDL for a code that is not there.
            let listed = try await connections.transaction(schema: nil, readOnly: true) { sql in
                try sql.exists("SELECT 1 WHERE to_regclass('public.ntm_communes') IS NOT NULL")
                    && (try sql.exists("SELECT 1 FROM public.ntm_communes WHERE code = \(code)"))
            }
            guard listed else { return nil }
            return try await Hub(
                postgres: connections, code: code, create: false,
                maxConnections: PostgresCommunes.connectionsPerCommune(connections.limit), logger: logger)
        }
        opening[code] = task
        defer { opening[code] = nil }
        let store: Hub?
        do {
            store = try await task.value
        } catch let error as SyncError where error.kind == .notFound {
            store = nil
        }
        guard let store else {
            if missing.count >= Self.maxMissing { missing = missing.filter { now - $0.value < Self.missingFor } }
            if missing.count < Self.maxMissing { missing[code] = now }
            return nil
        }
        missing[code] = nil
        open[code] = store
        return store
    }

    /// Every commune of the database, by code.
    package func codes() async throws -> [String] {
        try await connections.transaction(schema: nil, readOnly: true) { sql in
            guard try sql.exists("SELECT 1 WHERE to_regclass('public.ntm_communes') IS NOT NULL") else { return [] }
            return try sql.fetchTexts("SELECT code FROM public.ntm_communes ORDER BY code")
        }
    }
}
