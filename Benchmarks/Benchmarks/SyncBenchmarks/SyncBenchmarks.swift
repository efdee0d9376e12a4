import Benchmark
import Foundation
import SyncWorkloads

// Each benchmark runs one workload per iteration and reports its rate as a custom metric
// (bigger is better) beside the harness's own wall clock, allocations and peak memory.
// The HTTP figures serve the hub from this process on a real loopback socket;
// scripts/bench-report runs them against a separate `ntm-hub serve` process instead.

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 5)
    let rowsPerSecond = BenchmarkMetric.custom("rows/s", polarity: .prefersLarger, useScalingFactor: false)
    let engineOverBaseline = BenchmarkMetric.custom("ratio x100", polarity: .prefersLarger, useScalingFactor: false)
    var measured = configuration
    measured.metrics += [rowsPerSecond, engineOverBaseline]

    Benchmark("1 local write with capture, 10k donations", configuration: measured) { benchmark in
        let run = try EngineWorkloads.localWrite(rows: 10_000)
        benchmark.measurement(rowsPerSecond, Int(run.engineRate))
        benchmark.measurement(engineOverBaseline, Int(run.ratio * 100))
    }

    Benchmark("2 hub merge, 10k changes", configuration: measured) { benchmark in
        let run = try await EngineWorkloads.hubMerge(rows: 10_000)
        benchmark.measurement(rowsPerSecond, Int(run.engineRate))
        benchmark.measurement(engineOverBaseline, Int(run.ratio * 100))
    }

    var syncConfiguration = configuration
    syncConfiguration.metrics += [rowsPerSecond]
    Benchmark("3 initial sync, 10k rows over loopback HTTP", configuration: syncConfiguration) { benchmark in
        let folder = NSTemporaryDirectory() + "ntm-benchmark-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = try await HubFixture.create(at: folder + "/hub.sqlite", rows: 10_000)
        benchmark.startMeasurement()
        let run = try await SyncWorkloads.initialSync(fixture, host: .inProcess)
        benchmark.stopMeasurement()
        benchmark.measurement(rowsPerSecond, Int(Double(run.rows) / run.samples[0]))
    }

    Benchmark("4 steady sync, 1,000 up and 1,000 down", configuration: configuration) { benchmark in
        let folder = NSTemporaryDirectory() + "ntm-benchmark-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = try await HubFixture.create(at: folder + "/hub.sqlite", rows: 0)
        _ = try await SyncWorkloads.steadySync(fixture, changes: 1_000, repeats: 1, host: .inProcess)
    }

    Benchmark("7 wire bytes per changed field", configuration: configuration) { benchmark in
        let bytes = try await WireWorkload.bytesPerField()
        blackHole(bytes)
    }
}
