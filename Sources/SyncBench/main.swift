import Foundation
import SyncWorkloads

// ntm-bench: runs one performance figure and prints it as one JSON line. Each figure
// runs in its own process, so its peak resident memory is its own; scripts/bench-report
// runs them all and prints the table.

let usage = """
    usage: ntm-bench local-write --rows N
           ntm-bench hub-merge --rows N
           ntm-bench capture-v4 --rows N   (schema version 4's capture, drafted, against plain writes)
           ntm-bench prepare-hub --db PATH --rows N [--hamlets H]   (prints the fixture)
           ntm-bench initial-sync --fixture FILE
           ntm-bench steady-sync --fixture FILE --changes N --repeats K
           ntm-bench noop-sync --fixture FILE --repeats K
           ntm-bench concurrent-sync --fixture FILE --replicas N --changes N
           ntm-bench wire-size
           ntm-bench bundle-size [--changes N]
           ntm-bench json [--entries N] [--repeats N]
           ntm-bench attachment-transfer --fixture FILE [--megabytes 10] [--repeats 5]
           ntm-bench province-merge --rows N --postgres URL [--processes 3]
           ntm-bench province-replay --fixture F --replicas N --changes N [--postgres URL]
           ntm-bench pg-pool --postgres URL [--transactions 4000] [--concurrency 8]
           ntm-bench province-crowd --fixture FILE --replicas N --changes N --postgres URL [--processes 3]
                     [--outage-command "scripts/postgres outage 3" [--outage-after 1500]]
    The HTTP figures start `ntm-hub serve` from beside this executable; --tls yes serves
    them over HTTPS with a CA made for the run.
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ntm-bench: \(message)\n\(usage)\n".utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("no figure named") }
let options: [String: String] = {
    var options: [String: String] = [:]
    var rest = arguments.dropFirst()
    while let name = rest.popFirst() {
        guard name.hasPrefix("--"), let value = rest.popFirst() else { fail("expected --option VALUE, got \(name)") }
        options[String(name.dropFirst(2))] = value
    }
    return options
}()

func number(_ name: String, default fallback: Int? = nil, minimum: Int = 1) -> Int {
    guard let text = options[name] else {
        if let fallback { return fallback }
        fail("--\(name) is required")
    }
    guard let value = Int(text), value >= minimum else {
        fail("--\(name) must be a whole number of at least \(minimum), not \(text)")
    }
    return value
}

func fixture() -> HubFixture {
    guard let path = options["fixture"] else { fail("--fixture is required") }
    guard let data = FileManager.default.contents(atPath: path),
        let fixture = try? JSONDecoder().decode(HubFixture.self, from: data)
    else { fail("cannot read the fixture \(path)") }
    return fixture
}

func emit(_ value: some Encodable) throws {
    var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any] ?? [:]
    object["peak_rss_bytes"] = Measure.peakResidentBytes()
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

do {
    let scratch = try ScratchDirectory()
    let host =
        options["tls"] == "yes" ? try HubHost.besideExecutable.withTLS(in: scratch.file("tls")) : .besideExecutable
    switch command {
    case "local-write":
        try emit(EngineWorkloads.localWrite(rows: number("rows")))
    case "capture-v4":
        try emit(EngineWorkloads.referenceCapture(rows: number("rows")))
    case "hub-merge":
        try emit(await EngineWorkloads.hubMerge(rows: number("rows")))
    case "prepare-hub":
        guard let path = options["db"] else { fail("--db is required") }
        try emit(
            await HubFixture.create(at: path, hamlets: number("hamlets", default: 1), rows: number("rows", minimum: 0)))
    case "initial-sync":
        try emit(await SyncWorkloads.initialSync(fixture(), host: host))
    case "steady-sync":
        try emit(
            await SyncWorkloads.steadySync(
                fixture(), changes: number("changes"), repeats: number("repeats"), host: host))
    case "noop-sync":
        try emit(await SyncWorkloads.noopSync(fixture(), repeats: number("repeats"), host: host))
    case "concurrent-sync":
        try emit(
            await SyncWorkloads.concurrentSync(
                fixture(), replicas: number("replicas"), changesEach: number("changes"), host: host))
    case "wire-size":
        try emit(await WireWorkload.bytesPerField())
    case "attachment-transfer":
        try emit(
            await AttachmentWorkload.transfer(
                fixture(), megabytes: number("megabytes", default: 10), repeats: number("repeats", default: 5),
                host: host))
    case "json":
        try emit(
            JSONWorkload.compare(entries: number("entries", default: 1_000), repeats: number("repeats", default: 9)))
    case "province-merge":
        guard let url = options["postgres"] else { fail("--postgres is required") }
        struct MergeReport: Encodable {
            var figures: [ProvinceWorkloads.MergeFigure]
            /// PostgreSQL's own set-based LWW upsert of the same rows, in the same run.
            var postgresUpsert: Double
        }
        let figures = try await ProvinceWorkloads.merge(
            rows: number("rows"), postgres: url, processes: number("processes", default: 3))
        try emit(
            MergeReport(
                figures: figures,
                postgresUpsert: try await ProvinceWorkloads.postgresUpsertBaseline(rows: number("rows"), postgres: url))
        )
    case "province-crowd":
        guard let url = options["postgres"] else { fail("--postgres is required") }
        guard case .process(let binary, _) = host else { fail("province-crowd serves with ntm-hub processes") }
        try emit(
            [
                "figures": await ProvinceWorkloads.crowd(
                    fixture(), replicas: number("replicas"), changesEach: number("changes"), binary: binary,
                    postgres: url, processes: number("processes", default: 3),
                    outage: options["outage-command"].map {
                        ProvinceWorkloads.Outage(
                            command: $0.split(separator: " ").map(String.init),
                            afterMilliseconds: number("outage-after", default: 1_500, minimum: 0))
                    })
            ])
    case "province-replay":
        guard case .process(let binary, _) = host else { fail("province-replay serves with an ntm-hub process") }
        try emit(
            [
                "figures": await ReplayWorkload.figures(
                    fixture(), replicas: number("replicas"), changesEach: number("changes"), binary: binary,
                    generator: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path,
                    postgres: options["postgres"])
            ])
    case "replay":
        // The load generator of province-replay, in a process of its own.
        guard let requests = options["requests"], let url = options["url"], let out = options["out"] else {
            fail("replay needs --requests FILE --url URL --out FILE")
        }
        let recorded = try JSONDecoder().decode(
            [ReplayWorkload.Recorded].self, from: Data(contentsOf: URL(fileURLWithPath: requests)))
        try JSONEncoder().encode(try await ReplayWorkload.replay(recorded, url: url)).write(
            to: URL(fileURLWithPath: out))
    case "pg-pool":
        guard let url = options["postgres"] else { fail("--postgres is required") }
        try emit(
            [
                "figures": await PoolWorkload.compare(
                    postgres: url, transactions: number("transactions", default: 4_000),
                    concurrency: number("concurrency", default: 8))
            ])
    case "bundle-size":
        try emit(await BundleWorkload.bytesPerChange(changes: number("changes", default: 1_000)))
    default:
        fail("unknown figure \(command)")
    }
} catch {
    FileHandle.standardError.write(Data("ntm-bench: \(command) failed: \(error)\n".utf8))
    exit(1)
}
