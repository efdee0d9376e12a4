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
        #expect(first.syncs > 0 && first.operations > 40)
    }
}
