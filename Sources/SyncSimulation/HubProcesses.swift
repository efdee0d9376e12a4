import Foundation
import HubPostgres
import Logging
import SyncCore

/// The simulated commune's hub processes: one SQLite store in the run's folder, or several
/// stores with connections of their own on one fresh commune of a PostgreSQL database (as
/// several `ntm-hub serve --postgres` processes would be), removed at the end.
struct HubProcesses {
    let stores: [Hub]
    /// The hub's clock, which every process shares.
    let clock = ManualWallClock(fixedMilliseconds: Simulation.epoch)
    private let commune: ScratchCommune?

    static let logger = Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() }

    init(_ hub: Simulation.Hub, seed: UInt64, folder: URL) async throws {
        let clock = self.clock
        switch hub {
        case .sqlite:
            stores = [
                try Hub(
                    sqliteFile: folder.appendingPathComponent("hub.sqlite").path, clock: clock,
                    ids: SeededIDGenerator(seed: seed &+ 1, clock: clock), logger: Self.logger)
            ]
            commune = nil
        case .postgres(let url, let processes):
            guard (1...16).contains(processes) else {
                throw SyncError.malformed("hub processes: must be 1 to 16")
            }
            // Each process makes its own ids (conflicts, audit): from seeds of its own.
            let commune = try await ScratchCommune(
                url: url, processes: processes, poolLimit: 2, prefix: "sim_", clock: clock,
                ids: { SeededIDGenerator(seed: seed &+ 1 &+ UInt64($0) &* 7_919, clock: clock) }, logger: Self.logger)
            (stores, self.commune) = (commune.stores, commune)
        }
    }

    /// Closes the connections and removes the run's commune.
    func close() async {
        await commune?.remove()
    }
}
