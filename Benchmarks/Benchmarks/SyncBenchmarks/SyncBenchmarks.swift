import Benchmark
import Foundation
import SyncWorkloads

// Every figure of scripts/bench-report as a package-benchmark suite, each reporting its
// own measure as a custom metric beside the harness's wall clock, allocations and peak
// memory. The HTTP figures serve the hub from this process on a real loopback socket;
// scripts/bench-report runs them against a separate `ntm-hub serve` process instead.
//
// Regressions: thresholds are stored per benchmark in Benchmarks/Thresholds (p90 of each
// metric, written by `scripts/bench-thresholds update`); `scripts/bench-thresholds check`
// runs the suite and fails when a metric is worse than its stored value by more than its
// tolerance below (the machine is shared and noisy: a regression must be clear to count).

let benchmarks: @Sendable () -> Void = {
    // Larger is better: rows/s, engine-over-baseline ratios (×100), speed-ups (×10).
    let rowsPerSecond = BenchmarkMetric.custom("rows/s", polarity: .prefersLarger, useScalingFactor: false)
    let ratio = BenchmarkMetric.custom("ratio x100", polarity: .prefersLarger, useScalingFactor: false)
    let speedup = BenchmarkMetric.custom("speed-up x10", polarity: .prefersLarger, useScalingFactor: false)
    // Smaller is better: milliseconds per sync, bytes on the wire (×10).
    let milliseconds = BenchmarkMetric.custom("ms", polarity: .prefersSmaller, useScalingFactor: false)
    let p99 = BenchmarkMetric.custom("p99 ms", polarity: .prefersSmaller, useScalingFactor: false)
    let bytes = BenchmarkMetric.custom("bytes x10", polarity: .prefersSmaller, useScalingFactor: false)

    // A metric may be this much worse than its stored threshold (percent; absolute for the
    // bytes, which do not vary from run to run).
    let noisy = BenchmarkThresholds(relative: [.p90: 35.0])
    let exact = BenchmarkThresholds(relative: [.p90: 2.0])
    func configuration(_ metrics: [BenchmarkMetric], tolerance: BenchmarkThresholds = noisy) -> Benchmark.Configuration
    {
        Benchmark.Configuration(
            metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal] + metrics, timeUnits: .milliseconds,
            warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 5,
            thresholds: Dictionary(uniqueKeysWithValues: metrics.map { ($0, tolerance) }))
    }

    func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "ntm-benchmark-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    Benchmark("1 local write with capture, 10k donations", configuration: configuration([rowsPerSecond, ratio])) {
        benchmark in
        let run = try EngineWorkloads.localWrite(rows: 10_000)
        benchmark.measurement(rowsPerSecond, Int(run.engineRate))
        benchmark.measurement(ratio, Int(run.ratio * 100))
    }

    Benchmark("2 hub merge, 10k changes", configuration: configuration([rowsPerSecond, ratio])) { benchmark in
        let run = try await EngineWorkloads.hubMerge(rows: 10_000)
        benchmark.measurement(rowsPerSecond, Int(run.engineRate))
        benchmark.measurement(ratio, Int(run.ratio * 100))
    }

    Benchmark("3 initial sync, 10k rows over loopback HTTP", configuration: configuration([rowsPerSecond])) {
        benchmark in
        let path = try folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fixture = try await HubFixture.create(at: path + "/hub.sqlite", rows: 10_000)
        benchmark.startMeasurement()
        let run = try await SyncWorkloads.initialSync(fixture, host: .inProcess)
        benchmark.stopMeasurement()
        benchmark.measurement(rowsPerSecond, Int(Double(run.rows) / run.samples[0]))
    }

    Benchmark("4 steady sync, 1,000 up and 1,000 down", configuration: configuration([milliseconds])) { benchmark in
        let path = try folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fixture = try await HubFixture.create(at: path + "/hub.sqlite", rows: 0)
        let run = try await SyncWorkloads.steadySync(fixture, changes: 1_000, repeats: 3, host: .inProcess)
        benchmark.measurement(milliseconds, Int(run.samples.sorted()[run.samples.count / 2] * 1_000))
    }

    Benchmark("5 no-op sync, replica of 10k rows", configuration: configuration([milliseconds])) { benchmark in
        let path = try folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fixture = try await HubFixture.create(at: path + "/hub.sqlite", rows: 10_000)
        let run = try await SyncWorkloads.noopSync(fixture, repeats: 10, host: .inProcess)
        benchmark.measurement(milliseconds, Int((run.samples.sorted()[run.samples.count / 2] * 1_000).rounded(.up)))
    }

    Benchmark("6 50 replicas syncing at once, 10 changes each", configuration: configuration([p99])) { benchmark in
        let path = try folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fixture = try await HubFixture.create(at: path + "/hub.sqlite", hamlets: 20, rows: 0)
        let run = try await SyncWorkloads.concurrentSync(fixture, replicas: 50, changesEach: 10, host: .inProcess)
        guard run.failures == 0 else { throw BenchmarkFailure.failedSyncs(run.failures) }
        let sorted = run.samples.sorted()
        benchmark.measurement(p99, Int(sorted[min(sorted.count - 1, sorted.count * 99 / 100)] * 1_000))
    }

    Benchmark("7 wire bytes per changed field", configuration: configuration([bytes], tolerance: exact)) {
        benchmark in
        let figures = try await WireWorkload.bytesPerField()
        benchmark.measurement(bytes, Int((figures["update_push_bytes_per_field"] ?? 0) * 10))
    }

    Benchmark("9 JSON against Foundation, 1,000-entry pages", configuration: configuration([speedup])) { benchmark in
        let figures = try JSONWorkload.compare(entries: 1_000, repeats: 5)
        // The smallest of the four speed-ups (push and pull, each way).
        benchmark.measurement(speedup, Int((figures.speedup.values.min() ?? 0) * 10))
    }
}

enum BenchmarkFailure: Error {
    case failedSyncs(Int)
}
