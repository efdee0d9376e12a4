import Foundation
import GRDB
import SyncClient
import SyncCore

/// What one HTTP sync figure measured.
public struct SyncFigure: Sendable, Codable {
    /// Rows or changes the figure moved.
    public var rows: Int
    /// Seconds per sample (one per repeat, or per replica).
    public var samples: [Double]
    /// How many samples ended in error.
    public var failures: Int = 0
    /// The client process's peak resident memory, bytes.
    public var clientPeakBytes: Int?
    /// The hub process's peak resident memory, bytes.
    public var hubPeakBytes: Int?
    /// Seconds per sample of the figure's baseline, measured in the same run (plain SQLite
    /// doing the same rows' work), when it has one.
    public var baselineSamples: [Double]?
    /// Extra facts of the figure (rows on each side, bytes).
    public var notes: [String: Double] = [:]
}

/// A hub file prepared for the HTTP figures: hamlets, their head tokens, and rows.
public struct HubFixture: Sendable, Codable {
    /// The hub's SQLite file.
    public var path: String
    /// One head token per hamlet.
    public var tokens: [String]
    /// The hamlet of each token.
    public var hamletIDs: [String]
    /// Donation rows in the first hamlet.
    public var rows: Int

    /// Creates the hub file at `path` with `hamlets` hamlets and `rows` donations in the
    /// first, pushed through the hub store as one replica would.
    public static func create(at path: String, hamlets: Int = 1, rows: Int) async throws -> HubFixture {
        let prepared = try await PreparedHub.create(at: path, hamlets: hamlets)
        try await prepared[0].fill(rows: rows, replicaID: DonationRows.id(9, namespace: 0x5EED))
        try prepared[0].store.close()
        return HubFixture(
            path: path, tokens: prepared.map(\.token), hamletIDs: prepared.map(\.hamletID), rows: rows)
    }
}

/// The figures that sync over loopback HTTP.
public enum SyncWorkloads {
    static func sync(_ replica: Replica, _ url: String, _ token: String, _ host: HubHost) async throws -> SyncReport {
        let connection = HTTPHubConnection(baseURL: url, token: token, trustedCertificates: host.trustedCertificates)
        return try await SyncSession(replica: replica, hub: connection).run()
    }

    static func head(_ fixture: HubFixture, _ index: Int = 0) -> Principal {
        Principal(role: .head(hamletID: fixture.hamletIDs[index]), name: "bench")
    }

    /// Figure 3: an empty replica syncs the fixture's first hamlet; one sample.
    public static func initialSync(_ fixture: HubFixture, host: HubHost) async throws -> SyncFigure {
        let scratch = try ScratchDirectory()
        let replica = try Replica.create(at: scratch.file("replica.sqlite"), principal: head(fixture))
        let (seconds, hubPeak) = try await host.serve(path: fixture.path) { url in
            try await Measure.seconds { _ = try await sync(replica, url, fixture.tokens[0], host) }
        }
        // Counted in SQL: loading every row to count them would be the biggest allocation
        // of the run and would hide the sync's own peak memory.
        let rows = try replica.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(DonationRows.table)\"") ?? 0
        }
        try replica.close()
        guard rows == fixture.rows else {
            throw SyncError.storage("initial sync brought \(rows) rows, expected \(fixture.rows)")
        }
        return SyncFigure(
            rows: rows, samples: [seconds], clientPeakBytes: Measure.peakResidentBytes(), hubPeakBytes: hubPeak)
    }

    /// Figure 4: `repeats` samples of one replica's sync that pushes `changes` of its own
    /// and pulls `changes` another device of the hamlet pushed.
    public static func steadySync(
        _ fixture: HubFixture, changes: Int, repeats: Int, host: HubHost
    ) async throws
        -> SyncFigure
    {
        let scratch = try ScratchDirectory()
        let principal = head(fixture)
        let token = fixture.tokens[0]
        let (samples, _) = try await host.serve(path: fixture.path) { url in
            let mine = try Replica.create(at: scratch.file("a.sqlite"), principal: principal)
            let other = try Replica.create(at: scratch.file("b.sqlite"), principal: principal)
            defer {
                try? mine.close()
                try? other.close()
            }
            _ = try await sync(mine, url, token, host)
            _ = try await sync(other, url, token, host)
            var samples: [Double] = []
            // Row ids of this run, apart from any earlier run's on the same fixture.
            let run = Int.random(in: 1..<1_000) * 16
            for round in 0..<repeats {
                let hamletID = fixture.hamletIDs[0]
                try other.insert(
                    into: DonationRows.table,
                    rows: (0..<changes).map { DonationRows.row($0, hamletID: hamletID, namespace: run + 2 * round + 1) }
                )
                _ = try await sync(other, url, token, host)
                try mine.insert(
                    into: DonationRows.table,
                    rows: (0..<changes).map { DonationRows.row($0, hamletID: hamletID, namespace: run + 2 * round + 2) }
                )
                var report = SyncReport()
                samples.append(try await Measure.seconds { report = try await sync(mine, url, token, host) })
                guard report.pushed == changes, report.pulled >= changes else {
                    throw SyncError.storage("steady sync pushed \(report.pushed), pulled \(report.pulled)")
                }
            }
            return samples
        }
        var figure = SyncFigure(rows: changes, samples: samples)
        figure.baselineSamples = try steadyBaseline(
            changes: changes, repeats: repeats, hamletID: fixture.hamletIDs[0], scratch: scratch)
        return figure
    }

    /// Figure 4's baseline: plain SQLite doing the same rows' work as one steady sync, on
    /// files with the engine's settings (WAL, `synchronous = FULL`), prepared statements in
    /// a loop. The hub takes the replica's `changes` new rows (one transaction); the replica
    /// then writes `2 × changes` rows (one transaction): its own rows again, as confirmed,
    /// and as many new rows from elsewhere.
    static func steadyBaseline(
        changes: Int, repeats: Int, hamletID: String, scratch: ScratchDirectory
    ) throws -> [Double] {
        let table = try ReplicatedSchema.table(DonationRows.table)
        let hub = try DatabasePool.syncEngine(path: scratch.file("plain-hub.sqlite"))
        let replica = try DatabasePool.syncEngine(path: scratch.file("plain-replica.sqlite"))
        defer {
            try? hub.close()
            try? replica.close()
        }
        for file in [hub, replica] { try file.write { db in try db.execute(sql: table.createTableSQL) } }
        let writes = PlainWrites(table: table.name, columns: table.columnNames)
        let (insert, upsert) = (writes.insertSQL, writes.upsertSQL())
        func write(_ rows: [SyncRow], _ sql: String, _ db: Database) throws { try writes.write(rows, sql, db) }
        var samples: [Double] = []
        for round in 0..<repeats {
            let own = (0..<changes).map { DonationRows.row($0, hamletID: hamletID, namespace: 2 * round + 1) }
            let others = (0..<changes).map { DonationRows.row($0, hamletID: hamletID, namespace: 2 * round + 2) }
            try replica.write { db in try write(own, insert, db) }
            samples.append(
                try Measure.seconds {
                    try hub.write { db in try write(own, insert, db) }
                    try replica.write { db in
                        try write(own, upsert, db)
                        try write(others, insert, db)
                    }
                })
        }
        return samples
    }

    /// Figure 5: a replica brought current with the fixture's first hamlet, then
    /// `repeats` syncs with nothing to move.
    public static func noopSync(_ fixture: HubFixture, repeats: Int, host: HubHost) async throws -> SyncFigure {
        let scratch = try ScratchDirectory()
        let replica = try Replica.create(at: scratch.file("replica.sqlite"), principal: head(fixture))
        defer { try? replica.close() }
        let token = fixture.tokens[0]
        let (samples, _) = try await host.serve(path: fixture.path) { url in
            _ = try await sync(replica, url, token, host)
            var samples: [Double] = []
            for _ in 0..<repeats {
                var report = SyncReport()
                samples.append(try await Measure.seconds { report = try await sync(replica, url, token, host) })
                guard report.pushed == 0, report.pulled == 0 else {
                    throw SyncError.storage("a no-op sync moved \(report.pushed + report.pulled) changes")
                }
            }
            return samples
        }
        return SyncFigure(rows: fixture.rows, samples: samples)
    }

    /// Figure 6: `replicas` replicas spread over the fixture's hamlets, each with
    /// `changesEach` pending rows, all syncing at once; one latency sample per replica.
    public static func concurrentSync(
        _ fixture: HubFixture, replicas count: Int, changesEach: Int, host: HubHost
    )
        async throws -> SyncFigure
    {
        let scratch = try ScratchDirectory()
        let run = Int.random(in: 1..<100) * 256
        let replicas = try (0..<count).map { index in
            let hamlet = index % fixture.hamletIDs.count
            let replica = try Replica.create(
                at: scratch.file("replica-\(index).sqlite"), principal: head(fixture, hamlet))
            try replica.insert(
                into: DonationRows.table,
                rows: (0..<changesEach).map {
                    DonationRows.row($0, hamletID: fixture.hamletIDs[hamlet], namespace: 0x8000 + run + index)
                })
            return (replica, fixture.tokens[hamlet])
        }
        defer { for (replica, _) in replicas { try? replica.close() } }
        let (results, hubPeak) = try await host.serve(path: fixture.path) { url in
            try await withThrowingTaskGroup(of: Double?.self) { group in
                for (replica, token) in replicas {
                    group.addTask {
                        let start = ContinuousClock.now
                        do {
                            let report = try await sync(replica, url, token, host)
                            return report.pushed == changesEach ? (ContinuousClock.now - start).seconds : nil
                        } catch {
                            return nil
                        }
                    }
                }
                var results: [Double?] = []
                for try await result in group { results.append(result) }
                return results
            }
        }
        let samples = results.compactMap { $0 }
        return SyncFigure(
            rows: count * changesEach, samples: samples, failures: results.count - samples.count,
            hubPeakBytes: hubPeak)
    }
}

/// Issue 14's figure: a photo's content up to the hub in 256 KiB pieces and back down
/// whole, over loopback HTTP against `ntm-hub serve`; one sample per repeat, each a new
/// photo of `megabytes` MB.
public enum AttachmentWorkload {
    public static func transfer(
        _ fixture: HubFixture, megabytes: Int, repeats: Int, host: HubHost
    ) async throws -> SyncFigure {
        let scratch = try ScratchDirectory()
        let principal = SyncWorkloads.head(fixture)
        let token = fixture.tokens[0]
        let size = min(megabytes << 20, MediaType.maxBytes)
        let (samples, _) = try await host.serve(path: fixture.path) { url in
            let replica = try Replica.create(at: scratch.file("photos.sqlite"), principal: principal)
            defer { try? replica.close() }
            let connection = HTTPHubConnection(
                baseURL: url, token: token, trustedCertificates: host.trustedCertificates)
            _ = try await SyncSession(replica: replica, hub: connection).run()
            let row = try replica.insert(
                into: "cleanups", values: ["hamlet_id": .text(fixture.hamletIDs[0]), "date": .text("2026-11-22")])
            var up: [Double] = []
            var down: [Double] = []
            var generator = SplitMix64(seed: UInt64.random(in: 1..<UInt64.max))
            for _ in 0..<repeats {
                let bytes: [UInt8] =
                    [0xFF, 0xD8, 0xFF, 0xE0] + (4..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                let photo = try BlobContent(checking: bytes)
                try replica.attach(photo, to: "cleanups", rowID: row.id)
                _ = try await SyncSession(replica: replica, hub: connection).run()
                var sent = BlobTransfer.Sent()
                up.append(try await Measure.seconds { sent = try await replica.uploadBlobs(via: connection) })
                guard sent.bytes == size else { throw SyncError.storage("uploaded \(sent.bytes) of \(size) bytes") }
                var fetched: BlobContent?
                down.append(try await Measure.seconds { fetched = try await connection.blob(sha256: photo.sha256) })
                guard fetched == photo else { throw SyncError.storage("the photo came back otherwise") }
            }
            return up + down
        }
        var figure = SyncFigure(rows: size, samples: Array(samples.prefix(repeats)))
        let sorted = { (values: ArraySlice<Double>) in values.sorted()[values.count / 2] }
        figure.notes["upload_mb_per_s_median"] = Double(size) / Double(1 << 20) / sorted(samples.prefix(repeats))
        figure.notes["download_mb_per_s_median"] = Double(size) / Double(1 << 20) / sorted(samples.suffix(repeats))
        return figure
    }
}
