import Foundation
import HubPostgres
import Logging
import SyncClient
import SyncCore

/// The province's figures, side by side in one run: the hub on one SQLite file, on one
/// PostgreSQL store, on three PostgreSQL stores (processes) of one commune, and on three
/// communes at once, a store each.
public enum ProvinceWorkloads {
    static let logger = Logger(label: "ntm-bench") { _ in SwiftLogNoOpLogHandler() }

    /// One hub merge configuration's result.
    public struct MergeFigure: Sendable, Codable {
        public var hub: String
        public var pushers: Int
        public var changes: Int
        public var seconds: Double
        public var rate: Double { Double(changes) / seconds }
        /// The log's positions after the run: one gapless order, whichever process wrote.
        package var log: LogOrder
    }

    /// Hub merge: `rows` row changes (half inserts, then half updates of those rows) pushed
    /// in pages of 1,000 by `pushers` replicas at once, each through its own store of
    /// `stores` (one store shared by all, or one each), timed from the first page to the
    /// last. Configurations: 1 SQLite store; 1 PostgreSQL store; `processes` PostgreSQL
    /// stores with connections of their own.
    public static func merge(rows: Int, postgres: String, processes: Int) async throws -> [MergeFigure] {
        let scratch = try ScratchDirectory()
        var figures: [MergeFigure] = []
        for (run, (name, pushers)) in [("1 SQLite", 1), ("1 SQLite", processes)].enumerated() {
            let store = try Hub(sqliteFile: scratch.file("merge-\(run).sqlite"), logger: logger)
            figures.append(try await merge(name, rows: rows, stores: Array(repeating: store, count: pushers)))
            try store.close()
        }
        for (name, pushers, separate) in [
            ("1 PostgreSQL", 1, false), ("1 PostgreSQL", processes, false),
            ("\(processes) PostgreSQL", processes, true),
        ] {
            let commune = try await ScratchCommune(
                url: postgres, processes: separate ? pushers : 1, poolLimit: 8, prefix: "bench_", logger: logger)
            do {
                let stores = separate ? commune.stores : Array(repeating: commune.stores[0], count: pushers)
                figures.append(try await merge(name, rows: rows, stores: stores))
            } catch {
                await commune.remove()
                throw error
            }
            await commune.remove()
        }
        figures.append(try await communes(rows: rows, count: processes, postgres: postgres))
        return figures
    }

    /// PostgreSQL's own best with the same rows, on the same cluster, through the same
    /// driver: the commune's `land_donations` copied (`LIKE … INCLUDING ALL`: its CHECKs,
    /// defaults and indexes) with an `hlc` column, and `rows` changes (half inserts, then
    /// half updates of those rows, as the merge figure's) upserted in pages of 1,000, one
    /// transaction per page, each page one `INSERT … SELECT FROM unnest(…) ON CONFLICT (id)
    /// DO UPDATE … WHERE excluded.hlc > hlc` with its columns bound as arrays. Rows per second.
    public static func postgresUpsertBaseline(rows: Int, postgres: String) async throws -> Double {
        let commune = try await ScratchCommune(
            url: postgres, processes: 1, poolLimit: 1, prefix: "bench_", logger: logger)
        let outcome: Result<Double, any Error>
        do {
            let store = commune.stores[0]
            let table = try store.schema.table(DonationRows.table)
            let columns = [TableSpec.idColumn] + table.columns.map(\.name)
            try await store.write { sql in
                try sql.execute("CREATE TABLE bench_lww (LIKE land_donations INCLUDING ALL)")
                try sql.execute("ALTER TABLE bench_lww ADD COLUMN hlc BIGINT NOT NULL DEFAULT 0")
            }
            let names = (columns + ["hlc"]).map { "\"\($0)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            let set = (columns.dropFirst() + ["hlc"]).map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", ")
            let upsert = """
                INSERT INTO bench_lww (\(names)) VALUES (\(marks))
                ON CONFLICT (id) DO UPDATE SET \(set) WHERE excluded.hlc > bench_lww.hlc
                """
            let hamletID = DonationRows.id(1, namespace: 0x4A4A)
            let half = rows / 2
            var stream: [[SQLValue]] = []
            for (stamp, update) in [(Int64(1), false), (2, true)] {
                for index in 0..<half {
                    var row = DonationRows.row(index, hamletID: hamletID)
                    if update {
                        row["status"] = .text("signed")
                        row["note"] = .text("đã ký biên bản hiến đất")
                    }
                    stream.append(columns.map { SQLValue(row[$0] ?? .null) } + [.integer(stamp)])
                }
            }
            let pages = stride(from: 0, to: stream.count, by: 1_000).map {
                Array(stream[$0..<min($0 + 1_000, stream.count)])
            }
            let seconds = try await Measure.seconds {
                for page in pages {
                    // No commune lock: the database's own upsert, one transaction per page.
                    try await commune.connections.transaction(schema: "commune_\(commune.code)") { sql in
                        try sql.executeMany(text: upsert, rows: page)
                    }
                }
            }
            let count = try await store.read { sql in try sql.fetchInt64("SELECT COUNT(*) FROM bench_lww") } ?? 0
            guard count == Int64(half) else {
                throw SyncError.storage("the baseline holds \(count) rows, not \(half)")
            }
            outcome = .success(Double(stream.count) / seconds)
        } catch {
            outcome = .failure(error)
        }
        await commune.remove()
        return try outcome.get()
    }

    /// `count` communes, each served by its own store (a process, with connections of its
    /// own) and pushed to by its own replica, all at once: `rows` changes in all, timed
    /// from the first page to the last. Communes take no lock of one another's, so this is
    /// what a province's database does with its cores. The log figure is the first
    /// commune's (each commune's log is its own order).
    static func communes(rows: Int, count: Int, postgres: String) async throws -> MergeFigure {
        var communes: [ScratchCommune] = []
        do {
            for _ in 0..<count {
                communes.append(
                    try await ScratchCommune(
                        url: postgres, processes: 1, poolLimit: 8, prefix: "bench_", logger: logger))
            }
        } catch {
            for commune in communes { await commune.remove() }
            throw error
        }
        let outcome: Result<MergeFigure, any Error>
        do {
            let share = rows / count
            var figures: [MergeFigure] = []
            let seconds = try await Measure.seconds {
                figures = try await withThrowingTaskGroup(of: MergeFigure.self) { group in
                    for commune in communes {
                        group.addTask { try await merge("", rows: share, stores: [commune.stores[0]]) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            outcome = .success(
                MergeFigure(
                    hub: "\(count) PostgreSQL, \(count) communes", pushers: count,
                    changes: figures.reduce(0) { $0 + $1.changes }, seconds: seconds, log: figures[0].log))
        } catch {
            outcome = .failure(error)
        }
        for commune in communes { await commune.remove() }
        return try outcome.get()
    }

    static func merge(_ name: String, rows: Int, stores: [Hub]) async throws -> MergeFigure {
        let first = stores[0]
        _ = try await first.initialize(communeName: "Xã Tân Hòa")
        let hamletID = try await first.addHamlet(["name": .text("Thôn 1")])[TableSpec.idColumn]?.text ?? ""
        let head = Principal(role: .head(hamletID: hamletID), name: "Trưởng thôn 1")
        let share = rows / stores.count
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let inserts = share / 2
        func phase(_ build: @escaping @Sendable (_ pusher: Int, _ index: Int) -> Change) async throws -> Double {
            try await Measure.seconds {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (pusher, store) in stores.enumerated() {
                        group.addTask {
                            let replicaID = DonationRows.id(pusher, namespace: 0x5151)
                            for page in stride(from: 0, to: inserts, by: 1_000) {
                                let changes = (page..<min(page + 1_000, inserts)).map { build(pusher, $0) }
                                _ = try await store.push(
                                    PushRequest(replicaID: replicaID, clientTime: now, changes: changes), from: head)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
        }
        let inserting = try await phase { pusher, index in
            DonationRows.insert(index, seq: Int64(index + 1), hamletID: hamletID, namespace: pusher, now: now)
        }
        // Every insert is in; the updates are made by replicas that saw the log up to here.
        let seen = try await first.read { sql in try sql.fetchInt64("SELECT COALESCE(MAX(seq), 0) FROM sync_log") } ?? 0
        let updating = try await phase { pusher, index in
            DonationRows.update(index, seq: Int64(inserts + index + 1), namespace: pusher, seen: seen, now: now)
        }
        let log = try await first.logOrder()
        return MergeFigure(
            hub: name, pushers: stores.count, changes: inserts * 2 * stores.count, seconds: inserting + updating,
            log: log)
    }
}

extension ProvinceWorkloads {
    /// One configuration of the crowd: its latencies and what the invariants found.
    public struct CrowdFigure: Sendable, Codable {
        public var hub: String
        public var replicas: Int
        public var samples: [Double]
        public var failures: Int
        /// Broken invariants after a quiet second round (empty when all hold).
        public var problems: [String]
        public var hubPeakBytes: [Int]
        /// Whether the database was stopped mid-sync (a first-round sync may then fail).
        public var outage = false
        /// With an outage, how first-round syncs failed (up to three kinds).
        public var firstRoundErrors: [String] = []
    }

    /// `replicas` replicas spread over the fixture's hamlets, each with `changesEach` rows
    /// pending, all syncing at once through real `ntm-hub serve` processes: one on a copy
    /// of the fixture's file; then 1, 2, … `processes` on PostgreSQL, the replicas spread
    /// over them (the fixture moved there by `ntm-hub migrate`). Then every replica
    /// syncs again, and the invariants are checked: every change taken once, the replicas
    /// of a hamlet hold the same rows, all of them, and the log is one gapless order.
    public static func crowd(
        _ fixture: HubFixture, replicas count: Int, changesEach: Int, binary: String, postgres: String,
        processes: Int, outage: Outage? = nil
    ) async throws -> [CrowdFigure] {
        var figures: [CrowdFigure] = []
        var configurations: [(String, Int, Outage?)] =
            [("1 SQLite", 0, nil)] + (1...max(1, processes)).map { ("\($0) PostgreSQL", $0, nil) }
        if let outage {
            configurations.append(
                ("\(max(1, processes)) PostgreSQL, database stopped mid-sync", max(1, processes), outage))
        }
        for (name, hubs, outage) in configurations {
            let scratch = try ScratchDirectory()
            var servers: [HubProcess] = []
            var urls: [String] = []
            var commune: ScratchCommune?
            defer { for server in servers { server.stop() } }
            if hubs == 0 {
                let path = scratch.file("hub.sqlite")
                // A consistent copy, its write-ahead log included.
                let source = try SQLiteHubDriver(path: fixture.path)
                try source.backup(to: path)
                try source.close()
                servers.append(try HubProcess(binary: binary, database: path))
                urls = [servers[0].baseURL]
            } else {
                let moved = try await communeMoved(from: fixture.path, binary: binary, postgres: postgres)
                commune = moved
                let code = moved.code
                for _ in 0..<hubs {
                    let server = try HubProcess(binary: binary, serving: ["--postgres", postgres])
                    servers.append(server)
                    urls.append(server.baseURL + "/c/\(code)")
                }
            }
            let figure = try await crowd(
                name, fixture, replicas: count, changesEach: changesEach, urls: urls, scratch: scratch, outage: outage)
            var result = figure
            result.hubPeakBytes = servers.compactMap { Measure.peakResidentBytes(pid: $0.process.processIdentifier) }
            for server in servers { server.stop() }
            servers = []
            let log: LogOrder
            if let commune {
                log = try await commune.stores[0].logOrder()
                await commune.remove()
            } else {
                let store = try Hub(sqliteFile: scratch.file("hub.sqlite"), logger: logger)
                log = try await store.logOrder()
                try store.close()
            }
            if !log.isGapless { result.problems.append("the log has \(log): not one gapless order") }
            figures.append(result)
        }
        return figures
    }

    /// A new commune holding the fixture's hub, moved there by `ntm-hub migrate` as an
    /// operator would move it.
    static func communeMoved(from path: String, binary: String, postgres: String) async throws -> ScratchCommune {
        let code = ScratchCommune.newCode(prefix: "bench_")
        let migrate = try ChildProcess(
            executable: binary, arguments: ["migrate", "--from", path, "--to", postgres, "--code", code])
        migrate.waitUntilExit()
        guard migrate.terminationStatus == 0 else { throw SyncError.unavailable("ntm-hub migrate failed") }
        return try await ScratchCommune(
            url: postgres, processes: 1, poolLimit: 2, prefix: "bench_", code: code, logger: logger)
    }

    /// The database stopped as a crash would stop it, in the middle of the crowd's syncs, and
    /// started again: `command` does both (`scripts/postgres outage SECONDS`).
    public struct Outage: Sendable {
        public var command: [String]
        public var afterMilliseconds: Int

        public init(command: [String], afterMilliseconds: Int) {
            self.command = command
            self.afterMilliseconds = afterMilliseconds
        }

        /// Runs the command `afterMilliseconds` from now, off Swift concurrency's threads;
        /// its exit status.
        func run() async -> Int32 {
            try? await Task.sleep(for: .milliseconds(afterMilliseconds))
            let command = self.command
            return await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    guard let executable = command.first,
                        let process = try? ChildProcess(executable: executable, arguments: Array(command.dropFirst()))
                    else { return continuation.resume(returning: -1) }
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                }
            }
        }
    }

    static func crowd(
        _ name: String, _ fixture: HubFixture, replicas count: Int, changesEach: Int, urls: [String],
        scratch: ScratchDirectory, outage: Outage? = nil
    ) async throws -> CrowdFigure {
        let run = Int.random(in: 1..<100) * 256
        let replicas = try (0..<count).map { index in
            let hamlet = index % fixture.hamletIDs.count
            let replica = try Replica.create(
                at: scratch.file("replica-\(index).sqlite"), principal: SyncWorkloads.head(fixture, hamlet))
            try replica.insert(
                into: DonationRows.table,
                rows: (0..<changesEach).map {
                    DonationRows.row($0, hamletID: fixture.hamletIDs[hamlet], namespace: 0x8000 + run + index)
                })
            return (replica, fixture.tokens[hamlet], urls[index % urls.count], hamlet)
        }
        defer { for (replica, _, _, _) in replicas { try? replica.close() } }
        /// Every replica syncs at once: each one's seconds, or its error.
        func all(timed: Bool) async -> [Result<Double, SyncFailure>] {
            await withTaskGroup(of: Result<Double, SyncFailure>.self) { group in
                for (replica, token, url, _) in replicas {
                    group.addTask {
                        let start = ContinuousClock.now
                        do {
                            let connection = HTTPHubConnection(baseURL: url, token: token)
                            // As a phone's `ntm sync`: a hub that answers "busy" is tried again.
                            var session = SyncSession(replica: replica, hub: connection)
                            session.retryPolicy = .standard
                            let report = try await session.run()
                            guard !timed || report.pushed == changesEach else {
                                return .failure(SyncFailure(text: "pushed \(report.pushed) of \(changesEach)"))
                            }
                            return .success((ContinuousClock.now - start).seconds)
                        } catch {
                            return .failure(SyncFailure(text: "\(error)"))
                        }
                    }
                }
                var results: [Result<Double, SyncFailure>] = []
                for await result in group { results.append(result) }
                return results
            }
        }
        func errors(_ results: [Result<Double, SyncFailure>]) -> [String] {
            let texts = results.compactMap { if case .failure(let failure) = $0 { failure.text } else { nil } }
            return Set(texts).sorted().prefix(3).map { String($0.prefix(200)) }
        }
        // With an outage, the database goes while the crowd syncs: a sync may then fail (its
        // retries spent while the database is away); the quiet round must still bring every
        // replica in, with nothing acknowledged lost.
        let stopped = outage.map { outage in Task { await outage.run() } }
        let results = await all(timed: true)
        var problems: [String] = []
        if let status = await stopped?.value, status != 0 {
            problems.append("the outage command exited with status \(status)")
        }
        // A quiet second round, then what every replica holds. After an outage the quiet
        // round may be the one that pushes, so a third brings everyone what the others pushed.
        for _ in 0..<(outage == nil ? 1 : 2) {
            let again = await all(timed: false)
            for error in errors(again) { problems.append("a sync of the quiet round failed: \(error)") }
        }
        var byHamlet: [Int: Set<[String]>] = [:]
        for (replica, _, _, hamlet) in replicas {
            let status = try replica.status()
            if status.pendingChanges != 0 { problems.append("\(status.pendingChanges) changes still pending") }
            let ids = try replica.rows(DonationRows.table).compactMap { $0[TableSpec.idColumn]?.text }.sorted()
            let expected =
                (hamlet == 0 ? fixture.rows : 0)
                + replicas.filter { $0.3 == hamlet }.count * changesEach
            if ids.count != expected {
                problems.append("a replica of hamlet \(hamlet) holds \(ids.count) of \(expected)")
            }
            byHamlet[hamlet, default: []].insert(ids)
        }
        for (hamlet, sets) in byHamlet where sets.count > 1 {
            problems.append("the replicas of hamlet \(hamlet) hold \(sets.count) different sets of rows")
        }
        let samples = results.compactMap { try? $0.get() }
        let failed = outage == nil ? errors(results).map { "a sync failed: \($0)" } : []
        return CrowdFigure(
            hub: name, replicas: count, samples: samples, failures: results.count - samples.count,
            problems: failed + problems.prefix(10), hubPeakBytes: [], outage: outage != nil,
            firstRoundErrors: outage == nil ? [] : errors(results))
    }
}

/// Why one sync of a crowd failed.
struct SyncFailure: Error {
    let text: String
}
