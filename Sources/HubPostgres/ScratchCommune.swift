import Foundation
import Logging
import SyncCore

/// A commune of its own for one run (a simulation seed, a bench figure), opened by
/// `processes` stores with connections of their own, as that many hub processes would open
/// it; `remove()` drops it and closes the connections.
package struct ScratchCommune: Sendable {
    package let code: String
    package let stores: [Hub]
    private let pools: [PostgresConnections]
    /// The first store's connections (for work beside the hub's own, as a bench's baseline).
    package var connections: PostgresConnections { pools[0] }

    /// Opens (creating it when missing) commune `code`, or a new one named from `prefix`.
    /// `ids` gives each store its id generator (nil: the store's own).
    package init(
        url: String, processes: Int, poolLimit: Int, prefix: String, code: String? = nil,
        clock: any WallClock = SystemWallClock(), ids: (@Sendable (Int) -> any IDGenerator)? = nil, logger: Logger
    ) async throws {
        let location = try PostgresLocation(url: url)
        let code = code ?? Self.newCode(prefix: prefix)
        var pools: [PostgresConnections] = []
        var stores: [Hub] = []
        do {
            for process in 0..<max(1, processes) {
                let pool = PostgresConnections(location: location, limit: poolLimit, logger: logger)
                pools.append(pool)
                stores.append(
                    try await Hub(
                        postgres: pool, code: code, clock: clock, ids: ids?(process), logger: logger))
            }
        } catch {
            for pool in pools { try? await pool.close() }
            throw error
        }
        (self.code, self.pools, self.stores) = (code, pools, stores)
    }

    /// A commune code no one has used: `prefix` (at most 16 characters) and 16 random ones.
    package static func newCode(prefix: String) -> String {
        let unique = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return String((prefix.prefix(16) + unique).prefix(32))
    }

    /// Drops the commune's schema and registry row, and closes the connections.
    package func remove() async {
        if let pool = pools.first { try? await Self.drop(code, on: pool) }
        await close()
    }

    /// Drops commune `code`: its schema and its registry row.
    package static func drop(_ code: String, on connections: PostgresConnections) async throws {
        try PostgresHubDriver.check(code: code)
        try await connections.transaction(schema: nil) { sql in
            try sql.execute("DROP SCHEMA IF EXISTS commune_\(raw: code) CASCADE")
            try sql.execute("DELETE FROM public.ntm_communes WHERE code = \(code)")
        }
    }

    /// Drops the communes named from `prefix` made more than `age` seconds ago: what runs
    /// stopped before they could drop their own left behind.
    package static func dropLeftovers(
        prefix: String, olderThan age: Int64, on connections: PostgresConnections
    )
        async throws
    {
        let cutoff = SystemWallClock().nowMilliseconds() - age * 1_000
        let codes = try await connections.transaction(schema: nil) { sql -> [String] in
            guard try sql.exists("SELECT 1 WHERE to_regclass('public.ntm_communes') IS NOT NULL") else { return [] }
            return try sql.fetchTexts(
                "SELECT code FROM public.ntm_communes WHERE starts_with(code, \(prefix)) AND created_at < \(cutoff)")
        }
        for code in codes { try? await drop(code, on: connections) }
    }

    /// Closes the connections and keeps the commune.
    package func close() async {
        for pool in pools { try? await pool.close() }
    }
}
