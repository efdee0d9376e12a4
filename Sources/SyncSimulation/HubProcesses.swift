import Foundation
import HubPostgres
import Logging
import SyncCore

/// The simulated commune's hub processes: one SQLite store in the run's folder, or several
/// stores with connections of their own on one fresh commune of a PostgreSQL database (as
/// several `ntm-hub serve --postgres` processes would be), removed at the end.
struct HubProcesses {
    let stores: [any SQLHub]
    private let pools: [PostgresConnections]
    private let code: String?

    static let logger = Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() }

    init(_ hub: Simulation.Hub, seed: UInt64, folder: URL) async throws {
        let clock = ManualWallClock(fixedMilliseconds: Simulation.epoch)
        switch hub {
        case .sqlite:
            stores = [
                try SQLiteHubStore(
                    path: folder.appendingPathComponent("hub.sqlite").path, clock: clock,
                    ids: SeededIDGenerator(seed: seed &+ 1, clock: clock), logger: Self.logger)
            ]
            (pools, code) = ([], nil)
        case .postgres(let url, let processes):
            guard (1...16).contains(processes) else {
                throw SyncError.malformed("hub processes: must be 1 to 16")
            }
            let location = try PostgresLocation(url: url)
            let code = "sim\(seed)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
            var pools: [PostgresConnections] = []
            var stores: [any SQLHub] = []
            do {
                for process in 0..<processes {
                    let pool = PostgresConnections(location: location, limit: 2, logger: Self.logger)
                    pools.append(pool)
                    // Each process makes its own ids (conflicts, audit): from seeds of its own.
                    stores.append(
                        try await PostgresHubStore(
                            connections: pool, code: code, clock: clock,
                            ids: SeededIDGenerator(seed: seed &+ 1 &+ UInt64(process) &* 7_919, clock: clock),
                            logger: Self.logger))
                }
            } catch {
                for pool in pools { try? await pool.close() }
                throw error
            }
            (self.stores, self.pools, self.code) = (stores, pools, code)
        }
    }

    /// The hub's clock, which every process shares.
    static func clock(_ store: any SQLHub) -> ManualWallClock {
        (store.clock as? ManualWallClock) ?? ManualWallClock(fixedMilliseconds: Simulation.epoch)
    }

    /// Closes the connections and removes the run's commune.
    func close() async {
        guard let code, let first = pools.first else { return }
        try? await first.transaction(schema: nil) { sql in
            try sql.execute("DROP SCHEMA IF EXISTS commune_\(code) CASCADE", [])
            try sql.execute("DELETE FROM public.ntm_communes WHERE code = ?", [.text(code)])
        }
        for pool in pools { try? await pool.close() }
    }
}
