import AsyncHTTPClient
import Foundation
import HubPostgres
import NIOCore
import NIOHTTP1
import SyncClient
import SyncCore
import SyncWire
import Synchronization

/// Figure 6 made fair: the 200 replicas' requests are recorded beforehand from real
/// replicas syncing (their push pages and pulls, as the wire carries them), then replayed by
/// a load generator in a process of its own (`ntm-bench replay`), pinned to another core
/// than the hub's (`taskset`), so that the figure is the hub's and not the clients'.
public enum ReplayWorkload {
    /// One replica's sync as the hub sees it: its requests, in order.
    public struct Recorded: Codable, Sendable {
        public var token: String
        public var requests: [Request]
    }

    /// One request: its path under the hub's base URL and its body as sent (gzip'd wire JSON).
    public struct Request: Codable, Sendable {
        public var path: String
        public var body: Data
    }

    /// A hub connection that writes down every request on its way to `hub`.
    final class Recorder: HubConnection {
        let hub: LocalHubConnection
        let requests = Mutex<[Request]>([])

        init(_ hub: LocalHubConnection) { self.hub = hub }

        private func note<T: WireEncodable>(_ path: String, _ body: T) throws {
            let bytes = try Wire.gzip(try Wire.encode(body))
            requests.withLock { $0.append(Request(path: path, body: Data(bytes.readableBytesView))) }
        }

        func push(_ request: PushRequest) async throws -> PushResponse {
            try note("/v1/push", request)
            return try await hub.push(request)
        }

        func pull(_ request: PullRequest) async throws -> PullResponse {
            // The replay's hub orders concurrent pushes its own way: a later page of the
            // pull names its cursor by position only.
            var replayed = request
            replayed.afterMark = nil
            try note("/v1/pull", replayed)
            return try await hub.pull(request)
        }

        func restore(_ request: RestoreRequest) async throws -> RestoreResponse {
            try note("/v1/restore", request)
            return try await hub.restore(request)
        }
    }

    /// `replicas` fresh replicas spread over the fixture's hamlets, each with `changesEach`
    /// rows pending, sync at once with an in-process copy of the fixture's hub: what each
    /// sent, in order.
    public static func record(
        _ fixture: HubFixture, replicas count: Int, changesEach: Int
    ) async throws
        -> [Recorded]
    {
        let scratch = try ScratchDirectory()
        let source = try SQLiteHubDriver(path: fixture.path)
        let copy = scratch.file("recording-hub.sqlite")
        try source.backup(to: copy)
        try source.close()
        let store = try Hub(sqliteFile: copy, logger: ProvinceWorkloads.logger)
        defer { try? store.close() }
        let run = Int.random(in: 1..<100) * 256
        return try await withThrowingTaskGroup(of: Recorded.self) { group in
            for index in 0..<count {
                let hamlet = index % fixture.hamletIDs.count
                let principal = SyncWorkloads.head(fixture, hamlet)
                let replica = try Replica.create(at: scratch.file("replica-\(index).sqlite"), principal: principal)
                try replica.insert(
                    into: DonationRows.table,
                    rows: (0..<changesEach).map {
                        DonationRows.row($0, hamletID: fixture.hamletIDs[hamlet], namespace: 0x9000 + run + index)
                    })
                let token = fixture.tokens[hamlet]
                group.addTask {
                    defer { try? replica.close() }
                    let recorder = Recorder(LocalHubConnection(store: store, principal: principal))
                    var session = SyncSession(replica: replica, hub: recorder)
                    session.retryPolicy = .standard
                    _ = try await session.run()
                    return Recorded(token: token, requests: recorder.requests.withLock { $0 })
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// What the generator measured: each replica's seconds for its whole sync, and what failed.
    public struct Replayed: Codable, Sendable {
        public var samples: [Double]
        public var failures: [String]
    }

    /// The load generator: every replica's requests in order, all replicas at once, against
    /// the hub at `url`; a request answered other than 200 fails its replica.
    public static func replay(_ recorded: [Recorded], url: String) async throws -> Replayed {
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)))
        let results = await withTaskGroup(of: Result<Double, SyncFailure>.self) { group in
            for replica in recorded {
                group.addTask {
                    let start = ContinuousClock.now
                    for request in replica.requests {
                        var http = HTTPClientRequest(url: url + request.path)
                        http.method = .POST
                        http.headers.add(name: "Authorization", value: "Bearer \(replica.token)")
                        http.headers.add(name: "Content-Type", value: Wire.contentType)
                        http.headers.add(name: "Content-Encoding", value: "gzip")
                        http.headers.add(name: "Accept", value: "application/json")
                        http.body = .bytes(ByteBuffer(bytes: request.body))
                        do {
                            let response = try await client.execute(http, timeout: .seconds(120))
                            let body = try await response.body.collect(upTo: 64 << 20)
                            guard response.status == .ok else {
                                return .failure(
                                    SyncFailure(
                                        text:
                                            "\(request.path) \(response.status.code): \(String(buffer: body).prefix(200))"
                                    ))
                            }
                        } catch {
                            return .failure(SyncFailure(text: "\(request.path): \(error)"))
                        }
                    }
                    return .success((ContinuousClock.now - start).seconds)
                }
            }
            var results: [Result<Double, SyncFailure>] = []
            for await result in group { results.append(result) }
            return results
        }
        try await client.shutdown()
        return Replayed(
            samples: results.compactMap { try? $0.get() },
            failures: results.compactMap { if case .failure(let failure) = $0 { failure.text } else { nil } })
    }

    /// One configuration's figure: latencies, and the hub's CPU seconds per sync.
    public struct ReplayFigure: Codable, Sendable {
        public var hub: String
        public var replicas: Int
        public var samples: [Double]
        public var failures: [String]
        /// The hub process's CPU (user + system) over the replay, per replica's sync.
        public var hubCPUSecondsPerSync: Double?
        /// Whether the hub and the generator ran on cores of their own.
        public var pinned: Bool
    }

    /// Figure 6, replayed: the same recorded requests against a hub process on a copy of the
    /// fixture (SQLite), then on a commune moved there (PostgreSQL, when `postgres` is
    /// given), the hub on core 0 and the generator (`generator`, this program) on core 1.
    public static func figures(
        _ fixture: HubFixture, replicas count: Int, changesEach: Int, binary: String, generator: String,
        postgres: String?
    ) async throws -> [ReplayFigure] {
        let scratch = try ScratchDirectory()
        let recorded = try await record(fixture, replicas: count, changesEach: changesEach)
        let requests = scratch.file("requests.json")
        try JSONEncoder().encode(recorded).write(to: URL(fileURLWithPath: requests))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var figures: [ReplayFigure] = []
        for engine in ["SQLite"] + (postgres == nil ? [] : ["PostgreSQL"]) {
            let server: HubProcess
            var url: String
            var commune: ScratchCommune?
            if engine == "SQLite" {
                let path = scratch.file("hub.sqlite")
                let source = try SQLiteHubDriver(path: fixture.path)
                try source.backup(to: path)
                try source.close()
                server = try HubProcess(binary: binary, database: path)
                url = server.baseURL
            } else {
                guard let postgres else { continue }
                let moved = try await ProvinceWorkloads.communeMoved(
                    from: fixture.path, binary: binary, postgres: postgres)
                commune = moved
                server = try HubProcess(binary: binary, serving: ["--postgres", postgres])
                url = server.baseURL + "/c/\(moved.code)"
            }
            let pid = server.process.processIdentifier
            let pinned = cores >= 2 && run("taskset", ["-a", "-p", "-c", "0", "\(pid)"]) == 0
            let before = cpuSeconds(pid)
            let output = scratch.file("replayed-\(engine).json")
            let generatorArguments = ["replay", "--requests", requests, "--url", url, "--out", output]
            let status =
                pinned
                ? run("taskset", ["-c", "1", generator] + generatorArguments)
                : run(generator, generatorArguments)
            let after = cpuSeconds(pid)
            server.stop()
            if let commune { await commune.remove() }
            guard status == 0 else { throw SyncError.unavailable("the load generator failed (status \(status))") }
            let replayed = try JSONDecoder().decode(Replayed.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
            figures.append(
                ReplayFigure(
                    hub: "1 \(engine)", replicas: count, samples: replayed.samples,
                    failures: Array(Set(replayed.failures).sorted().prefix(3)),
                    hubCPUSecondsPerSync: before.flatMap { before in after.map { ($0 - before) / Double(max(1, count)) }
                    },
                    pinned: pinned))
        }
        return figures
    }

    /// Runs a program to its end; its exit status (-1 when it could not start).
    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let path =
            executable.hasPrefix("/")
            ? executable
            : ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + executable }.first {
                FileManager.default.isExecutableFile(atPath: $0)
            } ?? executable
        guard let process = try? ChildProcess(executable: path, arguments: arguments) else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A process's CPU seconds so far, user and system (`/proc/PID/stat`); nil where there is none.
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // After "pid (name)": state is field 3; utime and stime are fields 14 and 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / (ticks > 0 ? ticks : 100)
    }
}
