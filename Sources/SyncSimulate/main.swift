import Foundation
import SyncSimulation

// ntm-simulate --seeds N [--from S] [--steps K]: runs seeds S..<S+N of the deterministic
// simulation, prints each failing seed with the command that replays it, and one summary line.
var seeds = 200
var from: UInt64 = 1
var steps = 160
var verbose = false
var hubRestores = false
var postgres: String?
var hubProcesses = 1
let usage =
    "usage: ntm-simulate --seeds N [--from S] [--steps K] [--verbose] [--hub-restores] [--postgres URL [--hub-processes P]]"
var arguments = CommandLine.arguments.dropFirst()
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(2)
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--seeds":
        guard let value = arguments.popFirst().flatMap(Int.init) else { fail("--seeds needs a number") }
        seeds = value
    case "--from":
        guard let value = arguments.popFirst().flatMap(UInt64.init) else { fail("--from needs a number") }
        from = value
    case "--steps":
        guard let value = arguments.popFirst().flatMap(Int.init) else { fail("--steps needs a number") }
        steps = value
    case "--verbose": verbose = true
    case "--hub-restores": hubRestores = true
    case "--postgres":
        guard let value = arguments.popFirst() else { fail("--postgres needs a URL") }
        postgres = value
    case "--hub-processes":
        guard let value = arguments.popFirst().flatMap(Int.init), (1...16).contains(value) else {
            fail("--hub-processes needs a number from 1 to 16")
        }
        hubProcesses = value
    case "--help", "-h":
        print(usage)
        exit(0)
    default:
        fail("unknown argument \(argument); \(usage)")
    }
}
guard seeds > 0, steps > 0 else { fail("--seeds and --steps must be above 0") }
guard postgres == nil || !hubRestores else { fail("--hub-restores puts a SQLite file back: not with --postgres") }
let hub: Simulation.Hub = postgres.map { .postgres(url: $0, processes: hubProcesses) } ?? .sqlite
// The replay line never shows a password given in the URL.
let shownURL = postgres.map { url -> String in
    guard var components = URLComponents(string: url), components.password != nil else { return url }
    components.password = "…"
    return components.string ?? "postgres://…"
}
let hubFlags = shownURL.map { " --postgres \($0) --hub-processes \(hubProcesses)" } ?? ""

let parent =
    FileManager.default.fileExists(atPath: "/dev/shm")
    ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
let started = Date()
var failed: [UInt64] = []
var totals = (
    operations: 0, syncs: 0, faults: 0, conflicts: 0, resolutions: 0, restores: 0, seedsRestored: 0, bursts: 0,
    replicas: 0,
    older: 0, upgraded: 0, bundles: 0,
    bundleFaults: 0, bundledChanges: 0, bundlesRefused: 0
)
let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
await withTaskGroup(of: SimulationReport.self) { group in
    var next = from
    let end = from + UInt64(seeds)
    for _ in 0..<workers where next < end {
        let seed = next
        group.addTask {
            await Simulation.run(
                seed: seed, steps: steps, parent: parent, hubRestores: hubRestores, hub: hub,
                concurrent: hubProcesses > 1)
        }
        next += 1
    }
    for await report in group {
        totals.operations += report.operations
        totals.syncs += report.syncs
        totals.faults += report.faults
        totals.conflicts += report.conflicts
        totals.resolutions += report.resolutions
        totals.restores += report.restores
        totals.bursts += report.concurrentBursts
        if report.restores > 0 { totals.seedsRestored += 1 }
        totals.replicas += report.replicas
        totals.older += report.olderReplicas
        totals.upgraded += report.upgradedMidRun
        totals.bundles += report.bundles
        totals.bundleFaults += report.bundleFaults
        totals.bundledChanges += report.bundledChanges
        totals.bundlesRefused += report.bundlesRefused
        if !report.failures.isEmpty {
            failed.append(report.seed)
            print(report.summary)
            for failure in report.failures.prefix(10) { print("  \(failure)") }
            print(
                "  replay: scripts/simulate --seeds 1 --from \(report.seed) --steps \(steps)"
                    + (hubRestores ? " --hub-restores" : "") + hubFlags)
        } else if verbose {
            print(report.summary)
        }
        if next < end {
            let seed = next
            group.addTask {
                await Simulation.run(
                    seed: seed, steps: steps, parent: parent, hubRestores: hubRestores, hub: hub,
                    concurrent: hubProcesses > 1)
            }
            next += 1
        }
    }
}
// A sweep that never exercised what it is meant to prove proves nothing: it fails too.
var unexercised: [String] = []
if seeds >= 10 {
    if totals.conflicts == 0 { unexercised.append("no conflict was opened") }
    if totals.resolutions == 0 { unexercised.append("no conflict was resolved") }
    if hubProcesses > 1, totals.bursts == 0 { unexercised.append("no devices synced at once") }
    if hubRestores, totals.seedsRestored < seeds {
        unexercised.append("\(seeds - totals.seedsRestored) of \(seeds) seeds never restored the hub")
    }
}
for reason in unexercised { print("simulate: the sweep is not a proof: \(reason)") }
let seconds = Date().timeIntervalSince(started)
print(
    "simulate: \(seeds - failed.count) passed, \(failed.count) failed — seeds \(from)..<\(from + UInt64(seeds)), "
        + "\(steps) steps each, hub \(postgres == nil ? "SQLite" : "PostgreSQL × \(hubProcesses) processes"), \(totals.replicas) replicas (\(totals.older) at an earlier schema, \(totals.upgraded) upgraded mid-run), \(totals.operations) operations, \(totals.syncs) syncs "
        + "(\(totals.bundles) by file: \(totals.bundledChanges) changes taken in, \(totals.bundleFaults) files lost or doubled, \(totals.bundlesRefused) refused from unregistered devices), "
        + "\(totals.faults) faults, \(totals.conflicts) conflicts, \(totals.resolutions) resolutions, "
        + (hubRestores ? "\(totals.restores) hub restores in \(totals.seedsRestored) seeds, " : "")
        + (hubProcesses > 1 ? "\(totals.bursts) bursts of concurrent syncs, " : "")
        + String(format: "%.1f s", seconds))
exit(failed.isEmpty && unexercised.isEmpty ? 0 : 1)
