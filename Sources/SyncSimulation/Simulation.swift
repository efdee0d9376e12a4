import Foundation
import GRDB
import Logging
import SyncCore

/// What one seed did and found.
package struct SimulationReport: Sendable {
    /// The seed.
    package var seed: UInt64
    /// Invariant violations and unexpected errors; empty when the seed passed.
    package var failures: [String] = []
    /// Hamlets, replicas, operations, syncs, faults, conflicts, resolutions.
    package var hamlets = 0
    package var replicas = 0
    package var operations = 0
    package var syncs = 0
    package var faults = 0
    package var conflicts = 0
    package var resolutions = 0
    /// Times the hub's backup was put back.
    package var restores = 0
    /// Times several devices synced at once through several hub processes.
    package var concurrentBursts = 0
    /// A digest of everything the run left: the whole hub (rows, log, audit, conflicts,
    /// receipts, devices) and every table of every device's file. A seed replays exactly
    /// when two runs give the same.
    package var digest = ""
    /// Replicas that started at an earlier schema version, and those upgraded mid-run.
    package var olderReplicas = 0
    package var upgradedMidRun = 0
    /// Syncs carried by bundle files, and files dropped, duplicated or delivered late.
    package var bundles = 0
    package var bundleFaults = 0
    /// Changes the hub took in from bundle files.
    package var bundledChanges = 0
    /// Bundle files the office refused: their device had not registered its key.
    package var bundlesRefused = 0

    /// One line for a person.
    package var summary: String {
        let outcome = failures.isEmpty ? "ok" : "FAILED (\(failures.count))"
        return "seed \(seed): \(outcome) — \(hamlets) hamlets, \(replicas) replicas, \(operations) operations, "
            + "\(syncs) syncs (\(bundles) by file), \(faults) faults, \(conflicts) conflicts, \(resolutions) resolutions"
            + (restores > 0 ? ", \(restores) hub restores" : "")
            + (concurrentBursts > 0 ? ", \(concurrentBursts) bursts of concurrent syncs" : "")
    }
}

/// A deterministic simulation of a commune: a hub, 2–12 hamlets with one or two replicas
/// each, a reviewer, random edits of every table, syncs through faults, closed and
/// reopened files, skewed and jumping clocks, conflict resolutions; then a quiet sync and
/// the invariants of issue 4. A third of the devices start at schema version 1 and some
/// upgrade mid-run; the rest upgrade at the end, and the invariants hold again.
/// Everything derives from the seed: a failure replays exactly.
package enum Simulation {
    /// Where the simulated commune's hub runs.
    package enum Hub: Sendable {
        /// One process on a SQLite file.
        case sqlite
        /// `processes` hub processes, each with its own connections, on a fresh commune of
        /// the PostgreSQL database at `url` (dropped at the end).
        case postgres(url: String, processes: Int)
    }

    /// The first wall-clock instant of every simulation (2026-09-21).
    static let epoch: Int64 = 1_790_000_000_000

    /// Runs one seed with `steps` random steps in a fresh folder under `parent`.
    /// With `hubRestores`, the hub is backed up mid-run and later put back from that backup.
    /// With `concurrent`, devices sometimes sync at once through several hub processes
    /// (`World.syncTogether`): the run is then no longer the same from one time to the next.
    package static func run(
        seed: UInt64, steps: Int = 160, parent: URL, hubRestores: Bool = false, hub: Hub = .sqlite,
        concurrent: Bool = false
    ) async -> SimulationReport {
        let folder = parent.appendingPathComponent("ntm-sim-\(seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var report = SimulationReport(seed: seed)
        var processes: HubProcesses?
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if case .postgres = hub, hubRestores {
                throw SyncError.malformed("hub restores put a SQLite file back: not with PostgreSQL")
            }
            processes = try await HubProcesses(hub, seed: seed, folder: folder)
            guard let processes else { return report }
            var world = try await World(
                seed: seed, folder: folder, stores: processes.stores, hubClock: processes.clock, report: &report)
            world.concurrent = concurrent
            if hubRestores, steps >= 3 {
                // Every seed restores once, at steps drawn apart from the rest of the run.
                var draw = SplitMix64(seed: seed &+ 5)
                let backup = Int(draw.next() % UInt64(steps / 2))
                world.restorePlan = (backup, backup + 1 + Int(draw.next() % UInt64(steps - backup - 1)))
            }
            for _ in 0..<steps { try await world.step(&report) }
            try await world.finish(&report)
        } catch {
            report.failures.append("unexpected error: \(error)")
        }
        await processes?.close()
        return report
    }
}

/// The simulated commune.
struct World {
    struct Device {
        var replica: Replica
        let path: String
        let clock: ManualWallClock
        let ids: SeededIDGenerator
        let connection: FaultyConnection
        /// The schema version the device's `ntm` is at.
        var schemaVersion: Int
    }

    var random: SplitMix64
    /// Which syncs go by file, and what befalls the files: drawn apart from `random`.
    var courier: SplitMix64
    /// Bundle files on their way to the office, and replies on their way back, by device.
    var outgoing: [(device: Int, files: [SignedBundle])] = []
    /// A reply carries the hub's answers as they were when it was made: `restores` is how
    /// many times the hub had been put back by then.
    var replies: [(device: Int, reply: SignedBundle, restores: Int)] = []
    /// Which devices run an older ntm, and when they upgrade: drawn apart from `random`, so
    /// that the rest of a seed's run does not depend on the fleet's versions.
    var fleet: SplitMix64
    let folder: URL
    let hubClock: ManualWallClock
    var hub: Hub { plan.store }
    let plan: FaultPlan
    let hubIDSeed: UInt64
    /// The hub's backup taken mid-run, and whether it was put back.
    var hubBackup: String?
    /// With `--hub-restores`, the steps at which the backup is taken and put back.
    var restorePlan: (backup: Int, restore: Int)?
    var stepsTaken = 0
    /// What happened to identities and cursors, for a failure's report.
    var events: [String] = []
    /// Whether devices sometimes sync at once (`syncTogether`).
    var concurrent = false
    /// The last rows written, by which device: where the next edit often goes.
    var recentEdits: [(device: Int, table: String, rowID: String)] = []
    let reviewer = Principal(role: .reviewer, name: "Cán bộ xã")
    var hamletIDs: [String] = []
    var devices: [Device] = []
    /// Every row a replica recorded (through the engine or a "shell") in its own scope, by
    /// table and id: each must end up at the hub, in its state or its audit trail.
    var recorded: Set<String> = []
    /// Rows whose garbled changes were set aside and then discarded by their users.
    var setAsideAndDiscarded: Set<String> = []
    /// Inserts the hub refused with a reason, which their authors discarded (a hub restored
    /// since may no longer know of the refusal).
    var refusedInserts: Set<String> = []
    /// Rows a head wrote into another hamlet with a "shell": every change of theirs must be
    /// refused.
    var foreignRows: Set<String> = []
    var clones = 0

    init(
        seed: UInt64, folder: URL, stores: [Hub], hubClock: ManualWallClock, report: inout SimulationReport
    ) async throws {
        random = SplitMix64(seed: seed)
        fleet = SplitMix64(seed: seed &+ 3)
        courier = SplitMix64(seed: seed &+ 4)
        self.folder = folder
        self.hubClock = hubClock
        hubIDSeed = seed &+ 1
        let hub = stores[0]
        plan = FaultPlan(seed: seed &+ 2, stores: stores)
        _ = try await hub.initialize(communeName: "Xã Mô Phỏng")
        let hamlets = 2 + Int(random.next() % 11)
        for index in 0..<hamlets {
            hamletIDs.append(
                try await hub.addHamlet(["name": .text("Xóm \(index + 1)")])[TableSpec.idColumn]?.text ?? "")
        }
        try addDevice(reviewer, name: "office")
        for (index, hamletID) in hamletIDs.enumerated() {
            let head = Principal(role: .head(hamletID: hamletID), name: "Trưởng xóm \(index + 1)")
            try addDevice(head, name: "hamlet\(index)-laptop")
            if chance(50) { try addDevice(head, name: "hamlet\(index)-phone") }
        }
        // `ntm init` registers each device's key with a first one-entry pull.
        for device in devices where device.schemaVersion >= 2 {
            _ = try await hub.pull(try device.replica.pullRequest(limit: 1), for: device.replica.principal)
        }
        report.hamlets = hamlets
        report.replicas = devices.count
        report.olderReplicas = devices.filter { $0.schemaVersion < ReplicatedSchema.version }.count
    }

    private mutating func addDevice(_ principal: Principal, name: String) throws {
        let skew: Int64
        switch random.next() % 20 {
        case 0..<12: skew = Int64(random.next() % 4_000) - 2_000
        case 12..<17: skew = Int64(random.next() % 7_200_000) - 3_600_000
        default: skew = Int64(random.next() % (6 * 86_400_000)) - 3 * 86_400_000  // up to ±3 days
        }
        let clock = ManualWallClock(fixedMilliseconds: Simulation.epoch + skew)
        let ids = SeededIDGenerator(seed: random.next(), clock: clock)
        let path = folder.appendingPathComponent("\(name).sqlite").path
        // Not every device has the new ntm yet.
        let version =
            fleet.next() % 100 < Self.olderDevicesPercent
            ? 1 + Int(fleet.next() % UInt64(ReplicatedSchema.version - 1)) : ReplicatedSchema.version
        let replica = try Replica.create(
            at: path, principal: principal, clock: clock, ids: ids, schemaVersion: version)
        devices.append(
            Device(
                replica: replica, path: path, clock: clock, ids: ids,
                connection: FaultyConnection(principal: principal, plan: plan), schemaVersion: version))
    }

    /// The share of devices that start at schema version 1.
    static let olderDevicesPercent: UInt64 = 35

    private mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(random.next() % UInt64(items.count))]
    }

    private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    // MARK: Steps

    mutating func step(_ report: inout SimulationReport) async throws {
        defer { stepsTaken += 1 }
        // Several hub processes on one database: now and then, devices sync at once.
        if concurrent, plan.storeCount > 1, chance(8) {
            try await syncTogether(&report)
            return
        }
        // Last night's backup of the hub; later its disk dies and the backup is put back.
        if let plan = restorePlan, stepsTaken == plan.backup {
            let path = folder.appendingPathComponent("hub-backup.sqlite").path
            try hub.sqliteFile?.backup(to: path)
            hubBackup = path
            events.append("hub backup at head \(try await hub.status(for: reviewer).logHead)")
        }
        if let plan = restorePlan, stepsTaken == plan.restore, let backup = hubBackup {
            events.append("hub head \(try await hub.status(for: reviewer).logHead) before restore")
            try restoreHub(from: backup)
            report.faults += 1
        }
        let elapsed = Int64(random.next() % 5_000) + 1
        hubClock.advance(by: elapsed)
        for device in devices { device.clock.advance(by: elapsed + Int64(random.next() % 50)) }
        report.operations += 1
        // The commune office works on every hamlet: a quarter of the steps are its own.
        let index = chance(25) ? 0 : Int(random.next() % UInt64(devices.count))
        switch random.next() % 100 {
        case 0..<45:
            try edit(index)
        case 45..<72:
            report.syncs += 1
            // A quarter of the syncs go by file (DESIGN.md §8), where the device can sign them.
            if courier.next() % 4 == 0, devices[index].schemaVersion >= 2 {
                try await syncByFile(index, &report)
            } else {
                try await sync(index, faults: true)
            }
        case 72..<78:
            if try await resolveSomeConflict() { report.resolutions += 1 }
        case 78..<83:  // the device sleeps, the file closes and opens again, maybe by a newer ntm
            if devices[index].schemaVersion < ReplicatedSchema.version, fleet.next() % 100 < 30 {
                devices[index].schemaVersion = ReplicatedSchema.version
                report.upgradedMidRun += 1
                events.append("\(devices[index].path.split(separator: "/").last ?? "") upgraded")
            }
            try reopen(index)
        case 83..<89:
            try await deliverSomethingLate()
        case 89..<92:
            try writeToAnotherHamlet(index)
        case 92..<94:  // the device's clock jumps back, by up to a day
            devices[index].clock.advance(by: -Int64(random.next() % 86_400_000))
        case 95..<97 where clones < 3:  // the file is copied to a USB stick; both copies go on
            try cloneDevice(index)
            report.faults += 1
        case 94, 99:  // the office and a head correct the same length, area or amount at once
            try await editTogether(index)
        case 97..<99:  // another program works on the file
            try shellWrites(index)
            report.faults += 1
        default:
            report.operations -= 1
        }
    }

    /// Closes the device's file and opens it again at the device's schema version.
    private mutating func reopen(_ index: Int) throws {
        let device = devices[index]
        try device.replica.close()
        devices[index].replica = try Replica(
            path: device.path, clock: device.clock, ids: device.ids, schemaVersion: device.schemaVersion)
    }

    private mutating func edit(_ index: Int) throws {
        let replica = devices[index].replica
        // Each device edits the tables and columns its version knows.
        let tables =
            replica.principal.isReviewer
            ? replica.schema.tables.map(\.name) : replica.schema.tables.filter { $0.scope == .hamlet }.map(\.name)
        // Often a row with review fields that another device edited lately, which this one
        // may not have pulled yet: where conflicts come from (DESIGN.md §4), and what a sweep
        // must exercise.
        var contestedRow: SyncRow?
        var tableName = pick(tables) ?? ""
        if chance(30) {
            let lately = recentEdits.filter { edit in
                edit.device != index && tables.contains(edit.table)
                    && (try? replica.schema.table(edit.table))?.columns.contains { $0.policy == .review } == true
            }
            if let edit = pick(lately), let row = try replica.row(edit.table, id: edit.rowID) {
                (tableName, contestedRow) = (edit.table, row)
            }
        }
        guard !tableName.isEmpty else { return }
        let table = try replica.schema.table(tableName)
        let rows = try contestedRow.map { [$0] } ?? replica.rows(tableName)
        let contested = contestedRow != nil
        let draw = random.next() % 10
        do {
            switch contested && draw < 3 ? 3 : draw {  // a contested row is edited or deleted
            case 0..<3 where table.scope == .hamlet || rows.count < 25:
                var values = try insertValues(table)
                if table.scope == .hamlet, replica.principal.isReviewer {
                    values[TableSpec.scopeColumn] = .text(pick(hamletIDs) ?? "")
                }
                let row = try replica.insert(into: tableName, values: values)
                let id = row[TableSpec.idColumn]?.text ?? ""
                recorded.insert("\(tableName)/\(id)")
                noteEdit(index, tableName, id)
            case 9:
                if let row = pick(rows), let id = row[TableSpec.idColumn]?.text {
                    try replica.delete(from: tableName, id: id)
                }
            default:
                guard let row = pick(rows), let id = row[TableSpec.idColumn]?.text else { return }
                var editable = table.columns.filter { $0.name != TableSpec.scopeColumn }
                if contested || chance(50) {  // land, money and status: where merges matter most
                    let held = editable.filter { $0.policy == (contested ? .review : .lastWriterWins) }
                    let merged = editable.filter { $0.policy != .lastWriterWins }
                    if contested, !held.isEmpty { editable = held } else if !merged.isEmpty { editable = merged }
                }
                var values = SyncRow()
                for _ in 0..<(1 + random.next() % 3) {
                    if let column = pick(editable) { values[column.name] = value(for: column, table: table) }
                }
                try replica.update(tableName, id: id, values: values)
                noteEdit(index, tableName, id)
            }
        } catch let error as SyncError where error.kind == .invalidInput || error.kind == .forbidden {
            // Refused locally, as the CLI would refuse it: nothing written.
        }
    }

    /// The office (device 0) and the device at `index` (or another, when it is the office)
    /// each set one field of one row both hold to a value of their own, before either syncs:
    /// for a review field the second to reach the hub opens a conflict; for another, the
    /// later stamp wins (DESIGN.md §4).
    private mutating func editTogether(_ index: Int) async throws {
        let heads = devices.indices.filter { !devices[$0].replica.principal.isReviewer }
        guard let other = index != 0 && heads.contains(index) ? index : pick(heads) else { return }
        let pair = [devices[0].replica, devices[other].replica]
        let tables = pair[1].schema.tables.filter { table in
            table.scope == .hamlet && table.columns.contains { $0.policy == .review }
                && pair[0].schema.tables.contains { $0.name == table.name }
        }
        guard let table = pick(tables) else { return }
        func shared() throws -> [String] {
            let office = Set(try pair[0].rows(table.name).compactMap { $0[TableSpec.idColumn]?.text })
            return try pair[1].rows(table.name).compactMap { $0[TableSpec.idColumn]?.text }.filter(office.contains)
        }
        var rows = try shared()
        if rows.isEmpty {
            // The office has not seen the hamlet's rows yet: both sync first.
            try await sync(other, faults: false)
            try await sync(0, faults: false)
            rows = try shared()
        }
        // Mostly a review field (a conflict for the office); else a field the latest writer wins.
        let policy: MergePolicy = chance(65) ? .review : .lastWriterWins
        let columns = table.columns.filter { $0.policy == policy && $0.name != TableSpec.scopeColumn }
        guard let id = pick(rows), let column = pick(columns) else { return }
        for (device, replica) in zip([0, other], pair) {
            do {
                try replica.update(table.name, id: id, values: [column.name: value(for: column, table: table)])
                noteEdit(device, table.name, id)
            } catch let error as SyncError where error.kind == .invalidInput || error.kind == .forbidden {
                // Refused locally, as the CLI would refuse it: nothing written.
            }
        }
    }

    /// `SimulationReport.digest`.
    private func digest() async throws -> String {
        var lines = try await hubState()
        for device in devices {
            lines.append("file \(device.path.split(separator: "/").last ?? "")")
            lines += try device.replica.read { db in
                var file: [String] = []
                // Signing keys come from the system's random source, as keys must.
                for table in try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sync_keys' ORDER BY name"
                ) {
                    file += try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { row in
                        let values = row.databaseValues.map { value -> String in
                            if case .blob(let data) = value.storage {
                                return "x'\(JSONText.fnv1a(data.base64EncodedString()))'"
                            }
                            return value.description
                        }
                        return "\(table) \(values.joined(separator: "|"))"
                    }.sorted()
                }
                return file
            }
        }
        let text = lines.joined(separator: "\n")
        if let dump = ProcessInfo.processInfo.environment["NTM_SIM_DIGEST_DUMP"] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dump)-\(UUID().uuidString.prefix(6))"))
        }
        return JSONText.fnv1a(text)
    }

    private func hubState() async throws -> [String] { try await FaultPlan.state(of: hub, as: reviewer) }

    /// Two to four devices sync at the same time, each through whichever hub process the
    /// balancer picks, while a reader pulls the whole log as pages commit: (h) it must never
    /// pass a position that commits later (see N+1 before N). Faults are off meanwhile, and
    /// the interleaving is the machine's, not the seed's.
    private mutating func syncTogether(_ report: inout SimulationReport) async throws {
        var chosen: [Int] = []
        for _ in 0..<(2 + Int(random.next() % 3)) {
            let index = Int(random.next() % UInt64(devices.count))
            if !chosen.contains(index) { chosen.append(index) }
        }
        let sessions = chosen.map { index in
            var session = SyncSession(replica: devices[index].replica, hub: devices[index].connection)
            session.pushPageSize = 1 + Int(random.next() % 40)
            session.pullPageSize = 1 + Int(random.next() % 60)
            return session
        }
        report.syncs += sessions.count
        report.concurrentBursts += 1
        plan.setEnabled(false)
        defer { plan.setEnabled(true) }
        let (plan, reviewer) = (self.plan, self.reviewer)
        let start = try await hub.status(for: reviewer).logHead
        let readerID = try devices[0].replica.replicaID
        let finished = Flag()
        let seen = try await withThrowingTaskGroup(of: Set<Int64>.self) { group in
            group.addTask {
                var (seen, cursor): (Set<Int64>, Int64) = ([], start)
                while true {
                    let done = finished.isSet
                    let page = try await plan.someStore().pull(
                        PullRequest(replicaID: readerID, clientTime: 0, after: cursor, limit: 25), for: reviewer)
                    seen.formUnion(page.entries.map(\.seq))
                    cursor = page.cursor
                    if done, !page.hasMore { return seen.union([-cursor]) }
                    await Task.yield()
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { syncs in
                for session in sessions {
                    syncs.addTask {
                        do {
                            _ = try await session.run()
                        } catch is FaultyConnection.Fault {}
                    }
                }
                try await syncs.waitForAll()
            }
            finished.set()
            return try await group.next() ?? []
        }
        // The reader's last cursor is kept as its negative (no position is below 1).
        let cursor = -(seen.min() ?? 0)
        let committed = try await hub.log().map(\.seq).filter { $0 > start && $0 <= cursor }
        let passed = Set(committed).subtracting(seen).sorted()
        if !passed.isEmpty {
            plan.fail(
                "(h) a reader pulling during concurrent syncs passed log positions \(passed.prefix(5)) before they were committed"
            )
        }
    }

    /// The last few rows written, by whom.
    private mutating func noteEdit(_ device: Int, _ table: String, _ rowID: String) {
        recentEdits.append((device, table, rowID))
        if recentEdits.count > 24 { recentEdits.removeFirst() }
    }

    private mutating func insertValues(_ table: TableSpec) throws -> SyncRow {
        var values = SyncRow()
        for column in table.columns where column.name != TableSpec.scopeColumn {
            if column.isRequired || chance(50) { values[column.name] = value(for: column, table: table) }
        }
        if table.rowRules.contains(.oneOf(["household_id", "donor_name"])) {
            values["donor_name"] = .text(pick(Self.names) ?? "Hộ")
        }
        if table.name == "contributions", values["kind"] == .text("money") {
            values["amount"] = .real(Double(random.next() % 50) * 100_000)
        }
        return values
    }

    static let names = [
        "Nguyễn Văn An", "Nguye\u{302}\u{303}n Thị Bình", "Hoàng Văn Cường", "Lò Văn Sùng", "Đinh Thị Hoa",
        "Vi Văn Đức",
    ]

    private mutating func value(for column: ColumnSpec, table: TableSpec) -> SyncValue {
        if !column.isRequired, chance(8) { return .null }
        switch column.kind {
        case .text where column.text == .digest:
            // A photo's SHA-256: one of a few, so that attachments share content.
            return .text(String(format: "%064x", random.next() % 5))
        case .text where column.name == "row_id":
            return .text(String(format: "0192%04x-0000-7000-8000-%012x", 0x5151, random.next() % 8))
        case .text: return .text(pick(Self.names + ["Ghi chú \(random.next() % 100)", "Đường trục xóm"]) ?? "")
        case .integer:
            if case .range(let range) = column.rule {
                return .integer(
                    range.lowerBound + Int64(random.next() % UInt64(range.upperBound - range.lowerBound + 1)))
            }
            return .integer(Int64(random.next() % 500))
        case .real: return .real(Double(1 + random.next() % 2_000) / 2)
        case .date: return .text(String(format: "2026-%02d-%02d", 1 + random.next() % 12, 1 + random.next() % 28))
        case .boolean: return .integer(Int64(random.next() % 2))
        case .enumeration(let values): return .text(pick(values) ?? "")
        }
    }

    /// The device's file, copied with SQLite's online backup as `sqlite3 .backup` would,
    /// becomes a second device of the same person with its own clock.
    private mutating func cloneDevice(_ index: Int) throws {
        let original = devices[index]
        clones += 1
        let path = folder.appendingPathComponent(
            "clone\(clones)-\(URL(fileURLWithPath: original.path).lastPathComponent)"
        ).path
        let destination = try DatabaseQueue(path: path)
        try original.replica.read { db in try destination.writeWithoutTransaction { copy in try db.backup(to: copy) } }
        try destination.close()
        let clock = ManualWallClock(fixedMilliseconds: original.clock.nowMilliseconds() + Int64(random.next() % 1_000))
        let ids = SeededIDGenerator(seed: random.next(), clock: clock)
        devices.append(
            Device(
                replica: try Replica(path: path, clock: clock, ids: ids, schemaVersion: original.schemaVersion),
                path: path, clock: clock, ids: ids,
                connection: FaultyConnection(principal: original.replica.principal, plan: plan),
                schemaVersion: original.schemaVersion))
    }

    /// The hub file is replaced by the backup taken earlier in the run, and reopened.
    private mutating func restoreHub(from backup: String) throws {
        plan.state.withLock { $0.restores += 1 }
        try hub.close()
        let path = folder.appendingPathComponent("hub.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try SQLiteHubDriver.restore(backup: backup, to: path)
        plan.replace(
            try Hub(
                sqliteFile: path, clock: hubClock, ids: SeededIDGenerator(seed: hubIDSeed &+ 7, clock: hubClock),
                logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() }))
    }

    /// The `sqlite3` shell on a replica file: it switches capture off and writes a record,
    /// or drops a capture trigger and writes one, or garbles a change in the outbox.
    private mutating func shellWrites(_ index: Int) throws {
        let device = devices[index]
        guard let hamletID = device.replica.principal.hamletID ?? pick(hamletIDs) else { return }
        let id = device.ids.makeID()
        let insert =
            "INSERT INTO households (id, hamlet_id, head_name) VALUES ('\(id)', '\(hamletID)', 'Hộ ghi bằng sqlite3')"
        let script: String
        switch random.next() % 3 {
        case 0:
            script = "UPDATE sync_state SET applying = 1; \(insert);"
            recorded.insert("households/\(id)")
        case 1:
            script = "DROP TRIGGER IF EXISTS sync_capture_insert_households; \(insert);"
            recorded.insert("households/\(id)")
        default:
            // Which entry, by the seed (SQLite's random() would make the seed replay otherwise).
            let seqs = try device.replica.read { db in
                try Int64.fetchAll(db, sql: "SELECT seq FROM sync_outbox ORDER BY seq")
            }
            guard let seq = pick(seqs) else { return }
            script = "UPDATE sync_outbox SET new_values = '{\"broken\": Inf' WHERE seq = \(seq);"
        }
        let shell = try DatabaseQueue(path: device.path)
        try shell.write { db in try db.execute(sql: script) }
        try shell.close()
    }

    /// A head writes a row of another hamlet straight into SQLite: the hub must refuse it.
    private mutating func writeToAnotherHamlet(_ index: Int) throws {
        let replica = devices[index].replica
        guard let own = replica.principal.hamletID, let other = pick(hamletIDs.filter { $0 != own }) else { return }
        let id = devices[index].ids.makeID()
        try replica.write { db in
            try db.execute(
                sql: "INSERT INTO cleanups (id, hamlet_id, date) VALUES (?, ?, '2026-10-10')", arguments: [id, other])
        }
        foreignRows.insert("cleanups/\(id)")
    }

    private mutating func sync(_ index: Int, faults: Bool) async throws {
        plan.setEnabled(faults)
        let device = devices[index]
        var session = SyncSession(replica: device.replica, hub: device.connection)
        session.pushPageSize = 1 + Int(random.next() % 40)
        session.pullPageSize = 1 + Int(random.next() % 60)
        let before = (try device.replica.pullCursor(), try device.replica.replicaID)
        do {
            try await session.run()
        } catch is FaultyConnection.Fault {
            // The network failed mid-sync; the next sync resumes.
        }
        let after = (try device.replica.pullCursor(), try device.replica.replicaID)
        if ProcessInfo.processInfo.environment["NTM_SIM_TRACE"] != nil {
            events.append(
                "TRACE \(device.path.split(separator: "/").last ?? "") v\(device.schemaVersion) \(before.0)→\(after.0) \(after.1.suffix(6)) hubhead \(try await hub.status(for: reviewer).logHead)"
            )
        }
        if after.0 < before.0 || after.1 != before.1 {
            let reason = try device.replica.formerIdentities().last?.reason.rawValue ?? ""
            let name = device.path.split(separator: "/").last ?? ""
            events.append(
                "\(name): cursor \(before.0)→\(after.0) id \(before.1.suffix(6))→\(after.1.suffix(6)) \(reason)")
        }
    }

    /// A sync by file: the device exports, some file in transit reaches the office, some
    /// reply reaches its device. Files are lost, duplicated and overtaken on the way.
    private mutating func syncByFile(_ index: Int, _ report: inout SimulationReport) async throws {
        report.bundles += 1
        let sizes = [Replica.minBundleBytes, 256 << 10, SignedBundle.maxFileBytes]
        let size = sizes[Int(courier.next() % UInt64(sizes.count))]
        let files = try devices[index].replica.exportBundles(maxFileBytes: size)
        for file in files {
            for push in try WireJSON.decode(ChangesBundle.self, from: file.payload).pushes {
                plan.noteSent(push)
            }
        }
        if courier.next() % 100 < 15 {
            report.bundleFaults += 1  // the USB stick is lost
        } else {
            outgoing.append((index, files))
        }
        if !outgoing.isEmpty, courier.next() % 100 < 80 {
            // Not necessarily the oldest: files overtake one another.
            let (device, files) = outgoing.remove(at: Int(courier.next() % UInt64(outgoing.count)))
            try await deliverToOffice(device, files, &report)
        }
        if !replies.isEmpty, courier.next() % 100 < 80 {
            let (device, reply, restores) = replies.remove(at: Int(courier.next() % UInt64(replies.count)))
            try deliverReply(device, reply, restores: restores, &report)
        }
    }

    /// The office imports a device's files and sends back the reply (sometimes twice).
    private mutating func deliverToOffice(
        _ device: Int, _ files: [SignedBundle], _ report: inout SimulationReport
    ) async throws {
        let sizes = [HubBundles.minReplyBytes, 1 << 20, SignedBundle.maxFileBytes]
        let size = sizes[Int(courier.next() % UInt64(sizes.count))]
        let answer: (reply: SignedBundle, summary: HubBundles.Summary)
        do {
            answer = try await HubBundles.answer(files, store: hub, maxReplyBytes: size)
        } catch let error as SyncError
            where error.kind == .forbidden
            && (error.message.contains("does not know") || error.message.contains("registered another device's key"))
        {
            // A device that never pulled since it made its key (or a hub restored from
            // before it registered), or one of two copies of an old file that each made a
            // key when upgraded, the other's registered last: the office cannot trust the
            // file, and its changes wait for the device's next network sync.
            report.bundlesRefused += 1
            return
        }
        // The same files imported again at once (the office runs the import twice): the
        // whole hub is as it was, and the reply says the same.
        let before = try await hubState()
        let again = try await HubBundles.answer(files, store: hub, maxReplyBytes: size)
        let after = try await hubState()
        if after != before {
            let changed = Set(after).symmetricDifference(before).sorted().prefix(3)
            plan.fail("importing the same bundle files again changed the hub: \(changed)")
        }
        if try WireJSON.decode(BundleReply.self, from: again.reply.payload).answers
            != WireJSON.decode(BundleReply.self, from: answer.reply.payload).answers
        {
            plan.fail("importing the same bundle files again gave other answers")
        }
        report.bundledChanges += answer.summary.applied
        let restores = plan.state.withLock { $0.restores }
        replies.append((device, answer.reply, restores))
        if courier.next() % 100 < 15 {
            report.bundleFaults += 1  // sent twice
            replies.append((device, answer.reply, restores))
        }
        if courier.next() % 100 < 10 {
            report.bundleFaults += 1  // the same files imported again, later
            outgoing.append((device, files))
        }
    }

    /// A reply reaches its device; importing it again at once changes nothing.
    private mutating func deliverReply(
        _ device: Int, _ reply: SignedBundle, restores: Int, _ report: inout SimulationReport
    ) throws {
        let replica = devices[device].replica
        guard devices[device].schemaVersion >= 2 else { return }
        let traceBefore = try replica.pullCursor()
        defer {
            if ProcessInfo.processInfo.environment["NTM_SIM_TRACE"] != nil {
                events.append(
                    "TRACE reply \(devices[device].path.split(separator: "/").last ?? "") made after \(restores) restores: \(traceBefore)→\((try? replica.pullCursor()) ?? -1)"
                )
            }
        }
        do {
            _ = try replica.importReply(reply)
        } catch let error as SyncError where error.kind == .conflict {
            return  // the device has not learned its hub's key yet
        }
        // What the reply told the device of each change it carried.
        for answer in try WireJSON.decode(BundleReply.self, from: reply.payload).answers {
            plan.noteTold(answer.replicaID, answer.outcomes, digests: answer.digests, restores: restores)
        }
        try replica.write { _ in }
        let before = try snapshot(replica)
        _ = try replica.importReply(reply)
        let after = try snapshot(replica)
        if after != before {
            let changed = Set(after).symmetricDifference(before).sorted().prefix(4)
            plan.fail("importing a reply again changed replica \(try replica.replicaID): \(changed)")
        }
    }

    private mutating func resolveSomeConflict() async throws -> Bool {
        let open = try await hub.conflicts(status: .open, for: reviewer)
        guard let conflict = pick(open) else { return false }
        var choice: ConflictChoice = chance(50) ? .hub : .incoming
        if conflict.kind == .field, chance(30), let column = conflict.column,
            let spec = try ReplicatedSchema.table(conflict.table).column(column)
        {
            choice = .value(value(for: spec, table: try ReplicatedSchema.table(conflict.table)))
        }
        do {
            _ = try await hub.resolve(conflictID: conflict.id, choice: choice, note: "mô phỏng", by: reviewer)
            return true
        } catch let error as SyncError where [.invalidInput, .conflict].contains(error.kind) {
            return false  // a value the rules refuse, or a row deleted since
        }
    }

    /// A held-back push reaches the hub, or a page already applied arrives again.
    private mutating func deliverSomethingLate() async throws {
        let (push, page) = plan.state.withLock {
            state -> ((Principal, PushRequest)?, (replicaID: String, page: PullResponse)?) in
            (state.delayedPushes.popLast(), state.stalePages.popLast())
        }
        if let (principal, request) = push {
            let alreadyReceived = try await hub.replicas().first { $0.replicaID == request.replicaID }?.lastSeq ?? 0
            // What the device is told no longer matters (it has moved on), but the hub must
            // take the copy as it would any push, or refuse it with a reason that fits.
            let before = try await hubState()
            do {
                _ = try await hub.push(request, from: principal)
            } catch let error as SyncError
                where [.sequenceGap, .hubRestored].contains(error.kind)
            {
                // An earlier page never came, or the hub was put back since the copy left.
            }
            // A copy of a push the hub already had changes nothing but when it last heard
            // from the device.
            if let last = request.changes.last?.seq, last <= alreadyReceived {
                let after = try await hubState()
                let changed = Set(after).symmetricDifference(before).filter { !$0.hasPrefix("device ") }
                if !changed.isEmpty {
                    plan.fail(
                        "a late copy of a push the hub already had changed the hub: \(changed.sorted().prefix(3))")
                }
            }
        }
        if let (replicaID, stale) = page,
            let device = devices.first(where: { (try? $0.replica.replicaID) == replicaID })
        {
            // Any engine write first captures what a "shell" wrote with capture off: done
            // before the snapshot, so that only the page's own effect is compared.
            try device.replica.write { _ in }
            let before = try snapshot(device.replica)
            let cursor = try device.replica.pullCursor()
            if stale.cursor <= cursor {
                try device.replica.apply(stale)
                if try snapshot(device.replica) != before {
                    plan.fail("re-applying a page changed replica \(replicaID)")
                }
            }
        }
    }

    private func snapshot(_ replica: Replica) throws -> [String] {
        var lines = ["cursor \(try replica.pullCursor())", "pending \(try replica.status().pendingChanges)"]
        for table in replica.schema.tables {
            lines += try replica.rows(table.name).map { "\(table.name) \(try JSONText.encode($0))" }
        }
        return lines
    }

    // MARK: The end

    mutating func finish(_ report: inout SimulationReport) async throws {
        plan.setEnabled(false)
        // Held-back messages finally arrive; then the users act on rejections and sync quietly.
        for _ in 0..<200 {
            let left = plan.state.withLock { $0.delayedPushes.count + $0.stalePages.count }
            if left == 0 { break }
            try await deliverSomethingLate()
        }
        // Files still on their way arrive, in whatever order.
        var late = SimulationReport(seed: 0)
        while !outgoing.isEmpty {
            let (device, files) = outgoing.remove(at: Int(courier.next() % UInt64(outgoing.count)))
            try await deliverToOffice(device, files, &late)
        }
        while !replies.isEmpty {
            let (device, reply, restores) = replies.remove(at: Int(courier.next() % UInt64(replies.count)))
            try deliverReply(device, reply, restores: restores, &late)
        }
        report.bundleFaults += late.bundleFaults
        report.bundledChanges += late.bundledChanges
        report.bundlesRefused += late.bundlesRefused
        // The office works through some of what is still open before the last syncs.
        while chance(75), try await resolveSomeConflict() { report.resolutions += 1 }
        for index in devices.indices { try await sync(index, faults: false) }
        for index in devices.indices {
            // One at a time: discarding one may set aside another found unreadable.
            while let rejected = try devices[index].replica.status().rejected.first {
                // The hub refused it with a reason, and its author drops it (a hub restored
                // since may no longer know of the refusal).
                if rejected.operation == .insert { refusedInserts.insert("\(rejected.table)/\(rejected.rowID)") }
                try devices[index].replica.discardRejected(seq: rejected.seq)
            }
            while let change = try devices[index].replica.status().setAside.first {
                if let table = change.table, let rowID = change.rowID {
                    setAsideAndDiscarded.insert("\(table)/\(rowID)")
                }
                try devices[index].replica.discard(.setAside(change.id), saving: nil)
            }
        }
        for _ in 0..<2 {
            for index in devices.indices { try await sync(index, faults: false) }
        }
        report.faults = plan.state.withLock { $0.faults }
        report.conflicts = try await hub.conflicts(status: nil, for: reviewer).count
        report.restores = plan.state.withLock { $0.restores }
        report.digest = try await digest()
        report.failures += plan.state.withLock { $0.failures }
        report.failures += try await convergence()
        // Every device still at an earlier version gets the new ntm: it upgrades in place,
        // fetches the new columns, and sees everything the hub holds.
        let upgrades = devices.indices.filter { devices[$0].schemaVersion < ReplicatedSchema.version }
        if !upgrades.isEmpty {
            for index in upgrades {
                devices[index].schemaVersion = ReplicatedSchema.version
                try reopen(index)
            }
            for _ in 0..<2 {
                for index in devices.indices { try await sync(index, faults: false) }
            }
            report.failures += try await convergence().map { "after the upgrades: \($0)" }
        }
        report.failures += try await acknowledgedChangesAreKept()
        report.failures += try await refusalsAreExplained()
        report.failures += try await reviewFieldsChangedOnlyByReview()
        report.failures += try await lastWriterWins()
        report.failures += try await everyRecordReachedTheHub()
        if let file = hub.sqliteFile, try file.integrityCheck() != "ok" {
            report.failures.append("(e) the hub fails integrity_check")
        }
        // Every process gave log positions in one order, without a gap or a position twice.
        let order = try await hub.logOrder()
        if !order.isGapless { report.failures.append("(e) the hub's log has \(order)") }
        for device in devices where try device.replica.integrityCheck() != "ok" {
            report.failures.append("(e) replica \(try device.replica.replicaID) fails integrity_check")
        }
        for device in devices { try device.replica.close() }
        try hub.close()
    }

    /// (a) every replica equals the hub within its scope, with nothing pending.
    private func convergence() async throws -> [String] {
        var failures: [String] = []
        for device in devices {
            let replica = device.replica
            // A device at an earlier version sees the columns its version knows.
            for table in replica.schema.tables {
                let columns = Set(table.columnNames)
                let hubRows = try await hub.rows(table: table.name, for: replica.principal).map {
                    $0.filter { columns.contains($0.key) }
                }
                let local = try replica.rows(table.name)
                if local != hubRows {
                    let here = Set(local.map { try? JSONText.encode($0) })
                    let there = Set(hubRows.map { try? JSONText.encode($0) })
                    failures.append(
                        "(a) \(table.name) differs on \(replica.principal.name) \(try replica.replicaID): "
                            + "only here \(here.subtracting(there).compactMap { $0 }), only at the hub \(there.subtracting(here).compactMap { $0 })"
                    )
                    if failures.count == 1 { failures.append("events: \(events)") }
                    if ProcessInfo.processInfo.environment["NTM_SIM_TRACE"] != nil {
                        for id in there.subtracting(here).compactMap({ $0 }).prefix(2).compactMap({ text in
                            hubRows.first { (try? JSONText.encode($0)) == text }?[TableSpec.idColumn]?.text
                        }) {
                            let log = try await hub.log().filter { $0.rowID == id }.map {
                                "#\($0.seq) \($0.kind) by \($0.replicaID.suffix(6)) \($0.values ?? [:])"
                            }
                            let audit = try await hub.auditTrail().filter { $0.rowID == id }.map {
                                "\($0.decision) \($0.column ?? "*") by \($0.newReplicaID.suffix(6))"
                            }
                            let conflicts = try await hub.conflicts(status: nil, for: reviewer).filter {
                                $0.rowID == id
                            }.map {
                                "\($0.kind) \($0.status) \($0.column ?? "*")"
                            }
                            let outbox = try replica.read { db in
                                try Row.fetchAll(
                                    db, sql: "SELECT seq, op, state, reason FROM sync_outbox WHERE row_id = ?",
                                    arguments: [id]
                                ).map { "\($0)" }
                            }
                            let (sent, told) = plan.state.withLock { ($0.sent, $0.told) }
                            let tells = sent.filter { $0.value.rowID == id }.map { key, change in
                                "\(key.prefix(40)) \(change.operation) told \(told[key].map { "\($0.outcome.status) \($0.outcome.fields)" } ?? "nothing")"
                            }
                            failures.append(
                                "TRACE \(id): log \(log) audit \(audit) conflicts \(conflicts) outbox \(outbox) sent \(tells)"
                            )
                        }
                    }
                }
            }
            let status = try replica.status()
            if status.pendingChanges > 0 {
                failures.append("(a) \(try replica.replicaID) still has \(status.pendingChanges) pending")
            }
            let hubConflicts = try await hub.conflicts(status: nil, for: replica.principal).map {
                "\($0.id) \($0.status)"
            }
            let mirrored = try replica.conflicts().filter { $0.hamletID != nil || replica.principal.isReviewer }
                .map { "\($0.id) \($0.status)" }
            if hubConflicts != mirrored {
                failures.append(
                    "(a) conflicts differ on \(try replica.replicaID): hub \(hubConflicts), replica \(mirrored)")
            }
        }
        return failures
    }

    /// (b) every change a device was told was applied (by a network answer or a reply file)
    /// is in the hub's state, value for value, or in the audit trail: overwritten by a later
    /// change or a reviewer (the entry naming this device's author and this value), lost or
    /// held with this value, or its row deleted. Computed from what the devices were told and
    /// what they sent, not from the hub's own receipts: a hub that loses a change together
    /// with its receipt, or stores other values than were sent, fails it.
    private func acknowledgedChangesAreKept() async throws -> [String] {
        let (sent, told, restores) = plan.state.withLock { ($0.sent, $0.told, $0.restores) }
        let audit = try await hub.auditTrail()
        var rows: [String: SyncRow] = [:]
        for table in ReplicatedSchema.tables {
            for row in try await hub.rows(table: table.name, for: reviewer) {
                rows["\(table.name)/\(row[TableSpec.idColumn]?.text ?? "")"] = row
            }
        }
        var trails: [String: [AuditEntry]] = [:]
        for entry in audit { trails["\(entry.table)/\(entry.rowID)", default: []].append(entry) }
        // A change told applied before the hub was put back from a backup may be gone with
        // the backup's loss; its device offered its rows back since, and the hub decided
        // afresh. Those are checked as far as the hub still holds the receipt it gave.
        var received: [String: ChangeOutcome] = [:]
        if restores > 0 {
            for (replicaID, digest, outcome) in try await hub.receivedOutcomes() {
                received[FaultPlan.key(replicaID, outcome.seq, digest)] = outcome
            }
        }
        // Who wrote under each id a device had: an overwritten value is excused only by an
        // audit entry naming its author.
        var authors: [String: String] = [:]
        for device in devices {
            authors[try device.replica.replicaID] = device.replica.principal.name
            for former in try device.replica.formerIdentities() {
                authors[former.replicaID] = device.replica.principal.name
            }
        }
        var failures: [String] = []
        for (key, told) in told.sorted(by: { $0.key < $1.key }) where told.outcome.status == .applied {
            let author = authors[String(key.split(separator: "#").first ?? "")]
            guard let change = sent[key] else {
                failures.append("(b) a device was told change \(key) was applied, but no device sent it")
                continue
            }
            if told.restoresBefore < restores, received[key] != told.outcome { continue }
            let rowKey = "\(change.table)/\(change.rowID)"
            let entries = trails[rowKey] ?? []
            let row = rows[rowKey]
            let deleted = entries.contains { $0.decision == .deleted }
            /// The value this change sent for `field` is at the hub, or was replaced after it.
            func valueKept(_ field: String) -> Bool {
                let value = change.values[field] ?? .null
                return row?[field] == value || deleted
                    || entries.contains {
                        [.overwritten, .resolved].contains($0.decision) && $0.column == field
                            && ($0.old ?? .null) == value
                            && (author == nil || $0.oldAuthor == nil || $0.oldAuthor == author)
                    }
            }
            for (field, result) in told.outcome.fields.sorted(by: { $0.key < $1.key }) {
                var kept: Bool
                var what = "\(field) (\(result))"
                switch (field, result) {
                case (_, .unchanged): kept = true
                case ("*", .applied) where change.operation == .delete:
                    kept = row == nil || entries.contains { $0.decision == .resolved && $0.column == nil }
                case ("*", .applied):
                    kept = row != nil || deleted
                    // An applied insert: every value it sent, as it sent it.
                    for column in change.values.keys.sorted() where column != TableSpec.idColumn && !valueKept(column) {
                        kept = false
                        what =
                            "\(column) = \(change.values[column] ?? .null) of the insert (the hub holds \(row?[column] ?? .null))"
                        break
                    }
                case ("*", .held), (_, .held):
                    kept = entries.contains { $0.decision == .held }
                case (_, .lost):
                    kept = entries.contains {
                        $0.decision == .lost
                            && ($0.column == nil || ($0.column == field && ($0.new ?? .null) == change.values[field]))
                    }
                case (_, .applied):
                    kept = valueKept(field)
                    if !kept { what += " = \(change.values[field] ?? .null) (the hub holds \(row?[field] ?? .null))" }
                }
                if !kept {
                    let trail = entries.filter { $0.column == nil || $0.column == field || field == "*" }.map {
                        "\($0.decision) \($0.column ?? "*") \($0.old ?? .null)→\($0.new ?? .null) by \($0.newReplicaID.prefix(13))"
                    }
                    failures.append(
                        "(b) \(change.table) \(change.rowID) \(what) of change \(key) (told after \(told.restoresBefore) of \(restores) restores) is lost; trail: \(trail)"
                    )
                }
            }
        }
        // The hub holds no change that no device sent.
        for (replicaID, digest, outcome) in try await hub.receivedOutcomes() where outcome.status == .applied {
            if sent[FaultPlan.key(replicaID, outcome.seq, digest)] == nil {
                failures.append("(b) the hub holds change \(replicaID)#\(outcome.seq) that was never sent")
            }
        }
        return failures
    }

    /// (g) every refusal a device was told has a reason the simulation expects: a row a head
    /// wrote into another hamlet (and every later change of it), an edit of a row whose
    /// insert was refused or that a restored hub never received, a change number a copy of
    /// the file had used. Any other refusal is a valid change the hub wrongly refused.
    private func refusalsAreExplained() async throws -> [String] {
        let (sent, told, restores) = plan.state.withLock { ($0.sent, $0.told, $0.restores) }
        // Hamlets the office deleted: a new row of theirs is refused.
        let deletedHamlets = Set(
            try await hub.auditTrail().filter { $0.table == "hamlets" && $0.decision == .deleted }.map(\.rowID))
        var refused: [(change: Change, outcome: ChangeOutcome)] = []
        for (key, told) in told.sorted(by: { $0.key < $1.key }) where told.outcome.status == .rejected {
            if let change = sent[key] { refused.append((change, told.outcome)) }
        }
        let refusedRows = Set(
            refused.filter { $0.change.operation == .insert }.map { "\($0.change.table)/\($0.change.rowID)" })
        // Rows whose insert never reached the hub because its author dropped it (refused, or
        // garbled in a file and set aside): the hub knows nothing of a later edit's row.
        let droppedInserts = refusedRows.union(refusedInserts).union(setAsideAndDiscarded)
        var failures: [String] = []
        for (change, outcome) in refused {
            let rowKey = "\(change.table)/\(change.rowID)"
            let code = outcome.code ?? ""
            let unknownRow = droppedInserts.contains(rowKey) || restores > 0
            let expected: Bool
            switch code {
            case SyncError.Kind.changeIDReused.rawValue:
                expected = true  // a copy of the file used the number first: it forks
            case SyncError.Kind.forbidden.rawValue:
                expected =
                    foreignRows.contains(rowKey)
                    || (unknownRow && (outcome.reason ?? "").contains("belongs to hamlet (none)"))
            case SyncError.Kind.notFound.rawValue:
                expected = foreignRows.contains(rowKey) || unknownRow
            case SyncError.Kind.invalidInput.rawValue
            where outcome.reason == "\(change.table).\(TableSpec.scopeColumn): is required":
                expected = unknownRow  // a reviewer's edit of a row the hub does not know
            case SyncError.Kind.invalidInput.rawValue
            where (outcome.reason ?? "").hasPrefix("\(change.table).hamlet_id: no hamlet "):
                // A new row of a hamlet the office deleted meanwhile.
                let hamlet = change.values[TableSpec.scopeColumn]?.text ?? ""
                expected = deletedHamlets.contains(hamlet) || restores > 0
            default:
                expected = false
            }
            if !expected {
                failures.append(
                    "(g) the hub refused \(change.operation) of \(rowKey) (\(code)): \(outcome.reason ?? "no reason")")
            }
        }
        return failures
    }

    /// (f) every record written on any replica is at the hub, in its state or its audit trail.
    private func everyRecordReachedTheHub() async throws -> [String] {
        var atHub: Set<String> = []
        for table in ReplicatedSchema.tables {
            for row in try await hub.rows(table: table.name, for: reviewer) {
                atHub.insert("\(table.name)/\(row[TableSpec.idColumn]?.text ?? "")")
            }
        }
        for entry in try await hub.auditTrail() { atHub.insert("\(entry.table)/\(entry.rowID)") }
        // A record the hub refused with a reason (its hamlet deleted meanwhile) reached it, and
        // its author was told; the simulated users discard what is refused.
        let sent = plan.state.withLock { $0.sent }
        var refused: Set<String> = []
        var received: Set<String> = []
        for (replicaID, digest, outcome) in try await hub.receivedOutcomes() {
            guard let change = sent[FaultPlan.key(replicaID, outcome.seq, digest)], change.operation == .insert
            else { continue }
            received.insert("\(change.table)/\(change.rowID)")
            if outcome.status == .rejected { refused.insert("\(change.table)/\(change.rowID)") }
        }
        atHub.formUnion(refused)
        // A record whose insert was garbled in the file and set aside (its content kept and
        // shown), whose row its author then deleted, was discarded by that author: unless the
        // hub holds its insert, no copy is left (one the hub had may have gone with a restore).
        atHub.formUnion(setAsideAndDiscarded.subtracting(received))
        atHub.formUnion(refusedInserts)
        var failures: [String] = []
        for key in recorded.subtracting(atHub).sorted() {
            let parts = key.split(separator: "/").map(String.init)
            var trace: [String] = []
            for device in devices {
                let found = try device.replica.read { db in
                    try Row.fetchAll(
                        db, sql: "SELECT seq, op, state, reason FROM sync_outbox WHERE row_id = ?",
                        arguments: [parts.last ?? ""]
                    ).map { "\($0)" }
                        + (try Row.fetchAll(
                            db, sql: "SELECT seq, op, reason FROM sync_set_aside WHERE row_id = ?",
                            arguments: [parts.last ?? ""]
                        ).map { "aside \($0)" })
                        + (try Row.fetchAll(
                            db, sql: "SELECT id FROM \"\(parts.first ?? "")\" WHERE id = ?",
                            arguments: [parts.last ?? ""]
                        ).map { _ in "visible" })
                        + (try Row.fetchAll(
                            db, sql: "SELECT vers FROM sync_base_rows WHERE row_id = ?", arguments: [parts.last ?? ""]
                        ).map { "confirmed \($0["vers"] as String? ?? "")" })
                        + (try Row.fetchAll(
                            db, sql: "SELECT version FROM sync_base_deleted WHERE row_id = ?",
                            arguments: [parts.last ?? ""]
                        ).map { "deleted at \($0["version"] as Int64? ?? 0)" })
                        + (try Row.fetchAll(
                            db, sql: "SELECT kept FROM sync_reoffer WHERE row_id = ?", arguments: [parts.last ?? ""]
                        ).map { "queued kept \($0["kept"] as Int64? ?? 0)" })
                }
                if !found.isEmpty { trace.append("\(device.path.split(separator: "/").last ?? ""): \(found)") }
            }
            for (sentKey, change) in sent where change.rowID == parts.last {
                trace.append("by \(sentKey.split(separator: "#").first?.suffix(6) ?? "")#\(change.seq)")
                let outcome = try await hub.receivedOutcomes().first {
                    sentKey.hasPrefix("\($0.replicaID)#\($0.outcome.seq)#")
                }
                trace.append(
                    "sent \(change.operation) → \(outcome.map { "\($0.outcome.status) \($0.outcome.reason ?? "")" } ?? "never received")"
                )
            }
            if let offered = plan.state.withLock({ $0.offered[key] }) { trace.append("offered \(offered)") }
            failures.append("(f) \(key) was recorded on a replica and never reached the hub \(trace)")
            if failures.count == 1 { failures.append("events: \(events)") }
        }
        return failures
    }

    /// (i) The merge model, for last-writer-wins fields: predicted from what the devices
    /// sent and the hub received (not from the hub's log), each such field of each row holds
    /// the value of the latest write by HLC, ties to the greater replica id (DESIGN.md §4).
    /// Rows a reviewer's resolution or a held delete touched, stamps the hub clamped, and
    /// runs with a hub restore (whose offers re-state values) are left to (b).
    private func lastWriterWins() async throws -> [String] {
        guard plan.state.withLock({ $0.restores }) == 0 else { return [] }
        let sent = plan.state.withLock { $0.sent }
        var skipped: Set<String> = []
        for entry in try await hub.auditTrail() where [.resolved, .held, .deleted].contains(entry.decision) {
            skipped.insert("\(entry.table)/\(entry.rowID)")
        }
        var latest: [String: (hlc: HLCTimestamp, replicaID: String, value: SyncValue, seq: Int64)] = [:]
        for (replicaID, digest, outcome) in try await hub.receivedOutcomes() where outcome.status == .applied {
            guard let change = sent[FaultPlan.key(replicaID, outcome.seq, digest)] else { continue }
            let rowKey = "\(change.table)/\(change.rowID)"
            if outcome.clamped { skipped.insert(rowKey) }
            let table = try ReplicatedSchema.table(change.table)
            for (field, value) in change.values where field != TableSpec.idColumn && field != TableSpec.scopeColumn {
                guard table.column(field)?.policy == .lastWriterWins,
                    let result = outcome.fields[field] ?? outcome.fields["*"], result == .applied || result == .lost
                else { continue }
                let key = "\(rowKey)/\(field)"
                if let known = latest[key],
                    known.hlc > change.hlc
                        || (known.hlc == change.hlc && !known.replicaID.utf8.lexicographicallyPrecedes(replicaID.utf8))
                {
                    continue
                }
                latest[key] = (change.hlc, replicaID, value, outcome.seq)
            }
        }
        var failures: [String] = []
        for table in ReplicatedSchema.tables {
            for row in try await hub.rows(table: table.name, for: reviewer) {
                let rowKey = "\(table.name)/\(row[TableSpec.idColumn]?.text ?? "")"
                guard !skipped.contains(rowKey) else { continue }
                for column in table.columns where column.policy == .lastWriterWins {
                    guard let winner = latest["\(rowKey)/\(column.name)"], (row[column.name] ?? .null) != winner.value
                    else { continue }
                    failures.append(
                        "(i) \(rowKey) \(column.name) is \(row[column.name] ?? .null); the latest write, \(winner.value) by \(winner.replicaID.suffix(6))#\(winner.seq), should have won"
                    )
                }
            }
        }
        return failures
    }

    /// (c) a review field changes only by a non-concurrent edit or a resolution.
    private func reviewFieldsChangedOnlyByReview() async throws -> [String] {
        let sent = plan.state.withLock { $0.sent }
        var received: [String: String] = [:]
        for (replicaID, digest, outcome) in try await hub.receivedOutcomes() {
            received["\(replicaID)#\(outcome.seq)"] = digest
        }
        var failures: [String] = []
        var setter: [String: (seq: Int64, replicaID: String)] = [:]
        for entry in try await hub.log() where entry.kind == .upsert || entry.kind == .delete {
            let table = try ReplicatedSchema.table(entry.table)
            if entry.kind == .delete {
                defer {
                    for column in table.columns { setter["\(entry.table)/\(entry.rowID)/\(column.name)"] = nil }
                }
                // A delete by a device takes a row with review fields only when it had seen
                // every edit of them by others: otherwise the hub holds it for a reviewer.
                guard table.hasReviewColumns, entry.replicaID != "hub", let origin = entry.originSeq,
                    let digest = received["\(entry.replicaID)#\(origin)"],
                    let change = sent[FaultPlan.key(entry.replicaID, origin, digest)]
                else { continue }
                let seenUpTo = change.baseVersions.values.max() ?? 0
                for column in table.columns where column.policy == .review {
                    guard let previous = setter["\(entry.table)/\(entry.rowID)/\(column.name)"],
                        previous.replicaID != entry.replicaID
                    else { continue }
                    let seen = change.baseVersions[column.name].map { $0 == previous.seq } ?? (previous.seq <= seenUpTo)
                    if !seen {
                        failures.append(
                            "(c) the delete at log entry \(entry.seq) wiped an unseen edit of \(entry.table).\(column.name) of \(entry.rowID) (log entry \(previous.seq))"
                        )
                    }
                }
                continue
            }
            for (name, _) in entry.values ?? [:] {
                guard let column = table.column(name) else { continue }
                let key = "\(entry.table)/\(entry.rowID)/\(name)"
                defer { setter[key] = (entry.seq, entry.replicaID) }
                // Entries a restored hub took back (no origin change) re-state values merged once.
                guard column.policy == .review, entry.replicaID != "hub", entry.originSeq != nil,
                    let previous = setter[key]
                else { continue }
                guard let origin = entry.originSeq, let digest = received["\(entry.replicaID)#\(origin)"],
                    let change = sent[FaultPlan.key(entry.replicaID, origin, digest)]
                else {
                    failures.append("(c) log entry \(entry.seq) names no change that was sent")
                    continue
                }
                let base = change.baseVersions[name] ?? 0
                if base != previous.seq, previous.replicaID != entry.replicaID {
                    failures.append(
                        "(c) \(entry.table).\(name) of \(entry.rowID) overwritten concurrently by log entry \(entry.seq)"
                    )
                }
            }
        }
        return failures
    }
}
