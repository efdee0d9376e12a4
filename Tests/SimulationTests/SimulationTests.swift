import Foundation
import SyncSimulation
import Testing

@Suite struct SimulationTests {
    @Test(arguments: [7, 42] as [UInt64])
    func aSeedReplaysExactlyAndPasses(seed: UInt64) async {
        let parent = FileManager.default.temporaryDirectory
        let first = await Simulation.run(seed: seed, steps: 80, parent: parent)
        let second = await Simulation.run(seed: seed, steps: 80, parent: parent)
        #expect(first.failures.isEmpty, "\(first.failures)")
        #expect(first.summary == second.summary, "the same seed must replay the same run")
        #expect(!first.digest.isEmpty)
        #expect(first.digest == second.digest, "the same hub and the same files, to the byte")
        #expect(first.syncs > 0 && first.operations > 40)
    }
}

/// Issue 16: the same seeds against three hub processes on one PostgreSQL database (each
/// request answered by any of them) pass every invariant, and run exactly as they do on
/// one SQLite hub: the same faults, syncs, conflicts and resolutions.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NTM_TEST_POSTGRES"].map { !$0.isEmpty } ?? false))
struct PostgresSimulationTests {
    @Test(arguments: [7, 42] as [UInt64])
    func aSeedOnThreeHubProcessesPassesAndRunsAsOnSQLite(seed: UInt64) async throws {
        let url = try #require(ProcessInfo.processInfo.environment["NTM_TEST_POSTGRES"])
        let parent = FileManager.default.temporaryDirectory
        let province = await Simulation.run(
            seed: seed, steps: 80, parent: parent, hub: .postgres(url: url, processes: 3))
        let file = await Simulation.run(seed: seed, steps: 80, parent: parent)
        #expect(province.failures.isEmpty, "\(province.failures)")
        #expect(province.summary == file.summary)
    }
}
