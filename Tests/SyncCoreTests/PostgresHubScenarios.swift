import Foundation
import HubPostgres
import Logging
import Synchronization
import Testing

@testable import SyncCore

/// Issue 16: the hub on PostgreSQL, through the same engine code as the SQLite hub. Runs
/// when `NTM_TEST_POSTGRES` names a server (CI always gives one); each test its own commune.
@Suite(.serialized, .enabled(if: TestPostgres.url != nil))
struct PostgresHubScenarios {
    static let logger = Logger(label: "test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A fresh commune in the test database, served by `processes` stores of their own (as
    /// that many hub processes would be), each with its own connections.
    struct Province {
        let code = ScratchCommune.newCode(prefix: "t")
        var pools: [PostgresConnections] = []
        var hubs: [Hub] = []
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-pg-\(UUID().uuidString)")

        init(processes: Int = 1) async throws {
            let location = try PostgresLocation(url: try #require(TestPostgres.url))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for _ in 0..<processes {
                let pool = PostgresConnections(location: location, limit: 4, logger: PostgresHubScenarios.logger)
                pools.append(pool)
                do {
                    hubs.append(
                        try await Hub(postgres: pool, code: code, logger: PostgresHubScenarios.logger))
                } catch {
                    try await close()
                    throw error
                }
            }
        }

        func replica(_ name: String, for principal: Principal) throws -> Replica {
            try Replica.create(at: folder.appendingPathComponent("\(name).sqlite").path, principal: principal)
        }

        @discardableResult
        func sync(_ replica: Replica, via process: Int = 0) async throws -> SyncReport {
            var session = SyncSession(
                replica: replica, hub: LocalHubConnection(store: hubs[process], principal: replica.principal))
            session.pushPageSize = 50
            return try await session.run()
        }

        /// Drops the commune, and closes the connections.
        func close() async throws {
            if let pool = pools.first { try? await ScratchCommune.drop(code, on: pool) }
            for pool in pools { try await pool.close() }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// `ntm_is_date`, in every CHECK of a date column, is what it is declared
    /// (IMMUTABLE: the same answer whatever the session's DateStyle), agrees with the
    /// engine's own date rule, and a commune made before (the plpgsql function) gets it too.
    @Test func theDateCheckIsImmutableAndAgreesWithTheEngine() async throws {
        let url = try #require(TestPostgres.url)
        let commune = try await ScratchCommune(
            url: url, processes: 1, poolLimit: 1, prefix: "t", logger: TestPostgres.logger)
        do {
            let hub = commune.stores[0]
            let days = [
                "2026-11-03", "2024-02-29", "2000-02-29", "1900-01-01", "2100-12-31", "2023-02-29", "1900-02-29",
                "1899-12-31", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", "2026-1-01", "03/11/2026",
                "2026-11-03 ", "2026-11-03\n", "２０２６-11-03", "",
            ]
            for style in ["ISO, YMD", "SQL, DMY", "German, MDY"] {
                let answers = try await hub.read { sql in
                    try sql.execute("SET LOCAL DateStyle = '\(raw: style)'")
                    return try days.map { day in
                        try sql.fetchInt64("SELECT ntm_is_date(\(day))::int")
                    }
                }
                for (day, answer) in zip(days, answers) {
                    let engine = CalendarDate(day) != nil
                    #expect(answer == (engine ? 1 : 0), "\(day) under DateStyle \(style)")
                }
            }
            let declared = try await hub.read { sql in
                try sql.fetchText(
                    "SELECT provolatile::text || ' ' || l.lanname::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.oid = CAST(\("commune_\(commune.code).ntm_is_date") AS regproc)"
                )
            }
            #expect(declared == "i sql")
            // A commune made before: the plpgsql function, and no record of the new migration.
            try await hub.write { sql in
                try sql.execute(
                    """
                    CREATE OR REPLACE FUNCTION ntm_is_date(value TEXT) RETURNS BOOLEAN LANGUAGE plpgsql IMMUTABLE AS $$
                    BEGIN RETURN to_char(value::date, 'YYYY-MM-DD') = value; EXCEPTION WHEN others THEN RETURN false; END
                    $$
                    """)
                try sql.execute(
                    "DELETE FROM ntm_migrations WHERE identifier IN ('pg-v3-date-sql', 'pg-v3-date-inline')")
            }
            let reopened = try await ScratchCommune(
                url: url, processes: 1, poolLimit: 1, prefix: "t", code: commune.code, logger: TestPostgres.logger)
            let after = try await reopened.stores[0].read { sql in
                try sql.fetchText(
                    "SELECT l.lanname::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.oid = CAST(\("commune_\(commune.code).ntm_is_date") AS regproc)"
                )
            }
            #expect(after == "sql", "an existing commune is migrated to the new function when opened")
            // Inlined where it is called (a CHECK of every row with a date): the plan shows
            // its body, not a call. NULL still gives NULL, which a CHECK lets pass.
            let (plan, null) = try await reopened.stores[0].read { sql in
                (
                    try sql.fetchAll(
                        "EXPLAIN (VERBOSE, COSTS OFF) SELECT ntm_is_date(relname::text) FROM pg_class"
                    ).map { try $0.text("QUERY PLAN") }.joined(separator: "\n"),
                    try sql.fetchInt64("SELECT CASE WHEN ntm_is_date(NULL) IS NULL THEN 1 ELSE 0 END")
                )
            }
            #expect(!plan.contains("ntm_is_date("), "inlined, not called: \(plan)")
            #expect(null == 1)
            await reopened.close()
        } catch {
            await commune.remove()
            throw error
        }
        await commune.remove()
    }

    @Test func aHamletHeadAndTheOfficeSyncThroughAPostgreSQLHub() async throws {
        let province = try await Province()
        let hub = province.hubs[0]
        _ = try await hub.initialize(communeName: "Xã Tân Lập")
        let hamlet = try await hub.addHamlet(["name": .text("Xóm Đông"), "head_name": .text("Nguyễn Văn An")])
        let head = Principal(role: .head(hamletID: hamlet.id), name: "Nguyễn Văn An")
        let office = Principal(role: .reviewer, name: "Lê Văn Tám")
        let field = try province.replica("dong", for: head)
        let desk = try province.replica("office", for: office)
        let donation = try field.insert(
            into: "land_donations", values: ["donor_name": .text("Hoàng Văn Cường"), "area_m2": .real(100)])
        let report = try await province.sync(field)
        #expect(report.pushed == 1)
        try await province.sync(desk)
        #expect(try desk.rows("land_donations") == [donation])
        #expect(try desk.rows("criteria").count == 19, "the 19 national criteria, in Vietnamese")
        #expect(try desk.rows("hamlets").first?["name"] == .text("Xóm Đông"), "stored byte for byte")

        // Both correct the area offline: one conflict, opened once, kept for review.
        try field.update("land_donations", id: donation.id, values: ["area_m2": .real(120)])
        try desk.update("land_donations", id: donation.id, values: ["area_m2": .real(110)])
        try await province.sync(field)
        try await province.sync(desk)
        try await province.sync(field)
        let conflicts = try await hub.conflicts(status: .open, for: office)
        #expect(conflicts.count == 1)
        let resolved = try await hub.resolve(
            conflictID: try #require(conflicts.first?.id), choice: .value(.real(115)), note: "đo lại", by: office)
        #expect(resolved.status == .resolved)
        try await province.sync(field)
        try await province.sync(desk)
        #expect(try field.rows("land_donations").first?["area_m2"] == .real(115))
        #expect(try desk.rows("land_donations").first?["area_m2"] == .real(115))
        #expect(try await hub.rows(table: "land_donations", for: office).first?["area_m2"] == .real(115))
        try field.close()
        try desk.close()
        try await province.close()
    }

    /// Two pages that edit one row, pushed at the same moment through two hub processes:
    /// each field is decided exactly as if one page had merged after the other (the same
    /// row, the same conflicts, the same outcomes as one of the two orders run one at a
    /// time), and the log stays one gapless order.
    @Test func twoPagesRacingOnOneRowThroughTwoProcessesEndAsOneAfterTheOther() async throws {
        struct Held: Equatable {
            var row: SyncRow
            var conflicts: [String]
            var outcomes: [String]
        }
        let donation = "0190a1b2-c3d4-7e5f-8a9b-00000000d000"
        // 0: both at once; 1: page A, then page B; 2: page B, then page A.
        func run(_ order: Int) async throws -> Held {
            let province = try await Province(processes: 2)
            do {
                let held = try await run(order, province)
                try await province.close()
                return held
            } catch {
                try await province.close()
                throw error
            }
        }
        func run(_ order: Int, _ province: Province) async throws -> Held {
            let hub = province.hubs[0]
            _ = try await hub.initialize(communeName: "Xã Tân Lập")
            let hamlet = try await hub.addHamlet(["name": .text("Xóm Đình")]).id
            let head = Principal(role: .head(hamletID: hamlet), name: "Trưởng xóm")
            let now = Int64(Date().timeIntervalSince1970 * 1_000)
            func change(
                _ seq: Int64, _ rowID: String, _ operation: ChangeOperation, _ values: SyncRow, base: Int64 = 0
            )
                -> Change
            {
                Change(
                    seq: seq, table: "land_donations", rowID: rowID, operation: operation, values: values,
                    previous: operation == .update
                        ? ["area_m2": .real(120), "note": .null, "status": .text("pledged")] : [:],
                    baseVersions: Dictionary(uniqueKeysWithValues: values.keys.map { ($0, base) }),
                    hlc: HLCTimestamp(physicalMilliseconds: now, logical: seq), createdAt: now)
            }
            func id(_ page: Int, _ index: Int) -> String {
                String(format: "0190a1b2-c3d4-7e5f-8a9b-%06x%06x", page, index)
            }
            let first = try await hub.push(
                PushRequest(
                    replicaID: id(9, 9), clientTime: now,
                    changes: [
                        change(
                            1, donation, .insert,
                            ["hamlet_id": .text(hamlet), "donor_name": .text("Hộ ông Ba"), "area_m2": .real(120)])
                    ]), from: head)
            try #require(first.outcomes.first?.status == .applied, "\(first.outcomes)")
            let base = first.outcomes[0].settleSeq
            // Each page: 150 donations of its own, the shared row's edit in the middle.
            func page(_ page: Int, _ edit: SyncRow) -> PushRequest {
                let changes = (1...151).map { index in
                    index == 76
                        ? change(76, donation, .update, edit, base: base)
                        : change(
                            Int64(index), id(page, index), .insert,
                            [
                                "hamlet_id": .text(hamlet), "donor_name": .text("Hộ \(page)-\(index)"),
                                "area_m2": .real(10),
                            ])
                }
                return PushRequest(replicaID: id(page, 0), clientTime: now, changes: changes)
            }
            let a = page(1, ["area_m2": .real(100), "note": .text("bên A")])
            let b = page(2, ["area_m2": .real(200), "status": .text("signed")])
            // Both devices known to the hub before the race.
            for (index, replica) in [a.replicaID, b.replicaID].enumerated() {
                _ = try await province.hubs[index].push(
                    PushRequest(replicaID: replica, clientTime: now, changes: []), from: head)
            }
            let before = province.hubs.map(\.pages)
            var responses: [PushResponse] = []
            switch order {
            case 0:
                async let pushedA = province.hubs[0].push(a, from: head)
                async let pushedB = province.hubs[1].push(b, from: head)
                responses = [try await pushedA, try await pushedB]
            case 1:
                responses = [
                    try await province.hubs[0].push(a, from: head), try await province.hubs[1].push(b, from: head),
                ]
            default:
                let pushedB = try await province.hubs[1].push(b, from: head)
                responses = [try await province.hubs[0].push(a, from: head), pushedB]
            }
            let log = try await hub.log()
            #expect(log.map(\.seq) == Array(1...Int64(log.count)), "one order, no gap, no position twice")
            for (hub, before) in zip(province.hubs, before) {
                #expect(hub.pages.alongside == before.alongside + 1, "merged alongside others: \(hub.pages)")
                #expect(hub.pages.withTheCommune == before.withTheCommune)
            }
            let row = try #require(
                try await hub.rows(table: "land_donations", for: head).first { $0.id == donation })
            let held = Held(
                row: row.filter { $0.key != "hamlet_id" },
                conflicts: try await hub.conflicts(status: nil, for: head).map {
                    "\($0.kind) \($0.column ?? "*") hub \($0.hub.value.map { "\($0)" } ?? "") incoming \($0.incoming.value.map { "\($0)" } ?? "")"
                }.sorted(),
                outcomes: responses.map { response in
                    let shared = response.outcomes.first { $0.seq == 76 }
                    return "\(shared?.status.rawValue ?? "") \(shared?.fields.sorted { $0.key < $1.key } ?? [])"
                })
            return held
        }
        let oneThenTwo = try await run(1)
        let twoThenOne = try await run(2)
        #expect(oneThenTwo != twoThenOne, "the two orders differ, so the race is seen deciding")
        for _ in 0..<3 {
            let raced = try await run(0)
            #expect(raced == oneThenTwo || raced == twoThenOne, "\(raced)")
        }
    }

    /// Pages of different rows, pushed at once through three hub processes, merge alongside
    /// one another: each numbers its log entries only when it commits, so where others
    /// committed first its positions move — in the log, in every field's stamp, in the
    /// outcomes the device is told and in the outcomes the hub keeps for a replay. No page
    /// needs the commune to itself, and the log is one gapless order.
    @Test func pagesOfDifferentRowsMergeAlongsideAndTheirPositionsLandWhereTheyCommit() async throws {
        let province = try await Province(processes: 3)
        let hub = province.hubs[0]
        _ = try await hub.initialize(communeName: "Xã Tân Lập")
        let hamlet = try await hub.addHamlet(["name": .text("Xóm Chùa")]).id
        let head = Principal(role: .head(hamletID: hamlet), name: "Trưởng xóm")
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        let replicas = (0..<3).map { String(format: "0190a1b2-c3d4-7e5f-8a9b-%012x", 0xabc000 + $0) }
        for (index, replica) in replicas.enumerated() {
            _ = try await province.hubs[index].push(
                PushRequest(replicaID: replica, clientTime: now, changes: []), from: head)
        }
        var told: [String: [ChangeOutcome]] = [:]
        var round = 0
        // Rounds until some page's positions moved (almost always the first).
        while round < 5, province.hubs.allSatisfy({ $0.pages.moved == 0 }) {
            let round0 = round * 4 * 100
            let responses = try await withThrowingTaskGroup(of: (String, [ChangeOutcome]).self) { group in
                for (index, replica) in replicas.enumerated() {
                    group.addTask {
                        var outcomes: [ChangeOutcome] = []
                        for page in 0..<4 {
                            let first = Int64(round0 + page * 100 + 1)
                            let changes = (first..<first + 100).map { seq in
                                Change(
                                    seq: seq, table: "land_donations",
                                    rowID: String(format: "0190a1b2-c3d4-7e5f-%04x-%012x", index, seq),
                                    operation: .insert,
                                    values: [
                                        "hamlet_id": .text(hamlet), "donor_name": .text("Hộ \(index)-\(seq)"),
                                        "area_m2": .real(Double(seq)),
                                    ],
                                    hlc: HLCTimestamp(physicalMilliseconds: now, logical: seq), createdAt: now)
                            }
                            outcomes += try await province.hubs[index].push(
                                PushRequest(replicaID: replica, clientTime: now, changes: changes), from: head
                            ).outcomes
                        }
                        return (replica, outcomes)
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0, default: []] += $1.1 }
            }
            for (replica, outcomes) in responses { told[replica, default: []] += outcomes }
            round += 1
        }
        let tallies = province.hubs.map(\.pages)
        #expect(tallies.reduce(0) { $0 + $1.moved } > 0, "some page's positions moved: \(tallies)")
        #expect(tallies.reduce(0) { $0 + $1.alongside } == 3 * 4 * round + 3, "\(tallies)")
        #expect(tallies.allSatisfy { $0.withTheCommune == 0 }, "\(tallies)")

        let log = try await hub.log()
        #expect(log.map(\.seq) == Array(1...Int64(log.count)), "one order, no gap, no position twice")
        // Every field's stamp is the position of the entry that wrote it.
        let stamps = try await hub.read { sql in
            try sql.fetchAll(
                """
                SELECT m.row_id, m.fields, l.seq FROM sync_row_meta m
                JOIN sync_log l ON l.tbl = m.tbl AND l.row_id = m.row_id WHERE m.tbl = 'land_donations'
                """
            ).map { row in
                (try row.text("row_id"), try FieldStampStorage.decode(try row.text("fields")), try row.int64("seq"))
            }
        }
        #expect(stamps.count == 3 * 4 * 100 * round)
        var entryOf: [String: Int64] = [:]
        for (rowID, fields, seq) in stamps {
            entryOf[rowID] = seq
            #expect(
                Set(fields.values.map(\.version)) == [seq], "\(rowID): \(fields.values.map(\.version)) against \(seq)")
        }
        // What each device was told, and what the hub keeps to tell it again.
        let kept = Dictionary(
            uniqueKeysWithValues: try await hub.receivedOutcomes().map {
                ("\($0.replicaID) \($0.outcome.seq)", $0.outcome)
            })
        for (index, replica) in replicas.enumerated() {
            for outcome in told[replica] ?? [] {
                let rowID = String(format: "0190a1b2-c3d4-7e5f-%04x-%012x", index, outcome.seq)
                #expect(outcome.status == .applied)
                #expect(outcome.settleSeq == entryOf[rowID], "settled at the row's own entry")
                #expect(kept["\(replica) \(outcome.seq)"] == outcome)
            }
        }
        try await province.close()
    }

    /// A page caught in a deadlock is tried again. Another session holds the second of a
    /// page's two rows and, once the page waits for it, asks for the first, which the page
    /// holds: the server ends the page's transaction to break the cycle (the other session
    /// waits longer before it looks), and the hub runs the page again, which then applies
    /// whole. Without the retry the device is told to come back later.
    @Test func aPageEndedByADeadlockIsTriedAgainAndApplies() async throws {
        let province = try await Province(processes: 2)
        let hub = province.hubs[0]
        _ = try await hub.initialize(communeName: "Xã Tân Lập")
        let hamlet = try await hub.addHamlet(["name": .text("Xóm Giữa")]).id
        let head = Principal(role: .head(hamletID: hamlet), name: "Trưởng xóm")
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        let replica = "0190a1b2-c3d4-7e5f-8a9b-0000000dead0"
        let rows = ["0190a1b2-c3d4-7e5f-8a9b-00000000000a", "0190a1b2-c3d4-7e5f-8a9b-00000000000b"]
        func change(_ seq: Int64, _ rowID: String, _ operation: ChangeOperation, _ values: SyncRow) -> Change {
            Change(
                seq: seq, table: "land_donations", rowID: rowID, operation: operation, values: values,
                baseVersions: operation == .update
                    ? Dictionary(uniqueKeysWithValues: values.keys.map { ($0, 0) }) : [:],
                hlc: HLCTimestamp(physicalMilliseconds: now, logical: seq), createdAt: now)
        }
        let made = try await hub.push(
            PushRequest(
                replicaID: replica, clientTime: now,
                changes: rows.enumerated().map { index, rowID in
                    change(
                        Int64(index + 1), rowID, .insert,
                        ["hamlet_id": .text(hamlet), "donor_name": .text("Hộ \(index)"), "area_m2": .real(50)])
                }), from: head)
        #expect(made.outcomes.allSatisfy { $0.status == .applied })

        let holding = Mutex(false)
        let other = Task {
            try await province.pools[1].transaction(schema: "commune_\(province.code)") { sql in
                try sql.execute("SET LOCAL deadlock_timeout = '20s'")
                func lock(_ rowID: String) -> SQL {
                    "SELECT 1 FROM sync_row_meta WHERE tbl = 'land_donations' AND row_id = \(rowID) FOR UPDATE"
                }
                _ = try sql.fetchAll(lock(rows[1]))
                holding.withLock { $0 = true }
                // Until the page waits for the row held here.
                var waited = 0
                while try sql.fetchInt64("SELECT COUNT(*) FROM pg_locks WHERE NOT granted") == 0, waited < 400 {
                    usleep(25_000)
                    waited += 1
                }
                // Returns only once the page let go of it: its transaction was ended.
                _ = try sql.fetchAll(lock(rows[0]))
                usleep(200_000)
                return waited
            }
        }
        while !holding.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        let pushed = try await hub.push(
            PushRequest(
                replicaID: replica, clientTime: now,
                changes: rows.enumerated().map { index, rowID in
                    change(Int64(index + 3), rowID, .update, ["area_m2": .real(Double(60 + index))])
                }), from: head)
        let waited = try await other.value
        #expect(waited < 400, "the page waited for the row held by the other session")
        #expect(pushed.outcomes.map(\.status) == [.applied, .applied], "\(pushed.outcomes)")
        let areas = try await hub.rows(table: "land_donations", for: head).sorted { $0.id < $1.id }.map {
            $0["area_m2"]
        }
        #expect(areas == [.real(60), .real(61)])
        let log = try await hub.log()
        #expect(log.map(\.seq) == Array(1...Int64(log.count)))
        #expect(hub.pages.alongside == 2 && hub.pages.withTheCommune == 0, "merged alongside others: \(hub.pages)")
        try await province.close()
    }

    /// A process serving many communes lends one commune at most half its connections: with
    /// a pool of 2 and one commune's requests stuck (waiting on a lock held elsewhere),
    /// another commune is still answered. Without the cap the stuck commune takes both.
    @Test func oneCommuneStuckLeavesTheOthersConnections() async throws {
        let url = try #require(TestPostgres.url)
        let stuck = try await ScratchCommune(
            url: url, processes: 1, poolLimit: 1, prefix: "t", logger: TestPostgres.logger)
        let other = try await ScratchCommune(
            url: url, processes: 1, poolLimit: 1, prefix: "t", logger: TestPostgres.logger)
        let pool = PostgresConnections(location: try PostgresLocation(url: url), limit: 2, logger: TestPostgres.logger)
        let holder = PostgresConnections(
            location: try PostgresLocation(url: url), limit: 1, logger: TestPostgres.logger)
        #expect(PostgresCommunes.connectionsPerCommune(2) == 1)
        #expect(PostgresCommunes.connectionsPerCommune(8) == 4)
        let release = Mutex(false)
        do {
            let communes = PostgresCommunes(connections: pool, logger: TestPostgres.logger)
            let stuckHub = try #require(try await communes.store(code: stuck.code)?.postgresCommune)
            let otherHub = try #require(try await communes.store(code: other.code)?.postgresCommune)
            let key = Int64.random(in: 1...Int64.max)
            let held = Mutex(false)
            let holding = Task {
                try await holder.transaction(schema: nil) { sql in
                    try sql.execute("SELECT pg_advisory_xact_lock(\(key))")
                    _ = try sql.fetchAll("SELECT 1")
                    held.withLock { $0 = true }
                    while !release.withLock({ $0 }) { usleep(20_000) }
                }
            }
            while !held.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            let waiting = (0..<2).map { _ in
                Task {
                    try await stuckHub.read { sql in
                        try sql.execute("SELECT pg_advisory_xact_lock_shared(\(key))")
                        return try sql.fetchInt64("SELECT 1")
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            let seen = Mutex<Int64?>(nil)
            let answered = Task {
                let value = try await otherHub.read { sql in try sql.fetchInt64("SELECT 7") }
                seen.withLock { $0 = value }
            }
            // Up to 5 s; without the cap it would be answered only once the lock is let go.
            for _ in 0..<250 where seen.withLock({ $0 }) == nil {
                try await Task.sleep(for: .milliseconds(20))
            }
            let whileStuck = seen.withLock { $0 }
            release.withLock { $0 = true }
            try await holding.value
            for task in waiting { _ = try await task.value }
            try await answered.value
            #expect(whileStuck == 7, "the other commune was answered while the first was stuck")
        } catch {
            // (A task still holding a connection would give it back after the close.)
            release.withLock { $0 = true }
            try? await Task.sleep(for: .seconds(1))
            try? await pool.close()
            try? await holder.close()
            await stuck.remove()
            await other.remove()
            throw error
        }
        try await pool.close()
        try await holder.close()
        await stuck.remove()
        await other.remove()
    }

    /// New devices register alongside the commune's pages, through any process, yet a
    /// token's new devices are counted one at a time: of 30 first pushes at once with one
    /// token, through two processes, exactly the token's allowance is taken and the rest
    /// told to wait, none of them run with the commune to itself.
    @Test func aTokensNewDevicesAreCountedOneAtATimeThoughTheyRegisterInParallel() async throws {
        let province = try await Province(processes: 2)
        let hub = province.hubs[0]
        _ = try await hub.initialize(communeName: "Xã Tân Lập")
        let hamlet = try await hub.addHamlet(["name": .text("Xóm Bến")]).id
        let head = Principal(role: .head(hamletID: hamlet), name: "Trưởng xóm", tokenID: "token-ben")
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<30 {
                group.addTask {
                    let replica = String(format: "0190a1b2-c3d4-7e5f-8a9b-%012x", 0xd000 + index)
                    do {
                        _ = try await province.hubs[index % 2].push(
                            PushRequest(replicaID: replica, clientTime: now, changes: []), from: head)
                        return true
                    } catch let error as SyncError where error.kind == .tooManyRequests {
                        return false
                    } catch {
                        Issue.record("\(error)")
                        return false
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 24, "the token's allowance, not one more")
        let tallies = province.hubs.map(\.pages)
        #expect(tallies.allSatisfy { $0.withTheCommune == 0 }, "\(tallies)")
        #expect(tallies.reduce(0) { $0 + $1.alongside } == 24)
        try await province.close()
    }

    @Test func threeHubProcessesOnOneCommuneKeepOneLogOrderAndTakeEachChangeOnce() async throws {
        let province = try await Province(processes: 3)
        let hub = province.hubs[0]
        _ = try await hub.initialize(communeName: "Xã Tân Lập")
        var heads: [Replica] = []
        for index in 0..<6 {
            let hamlet = try await hub.addHamlet(["name": .text("Xóm \(index)")])
            let head = try province.replica(
                "head-\(index)", for: Principal(role: .head(hamletID: hamlet.id), name: "Trưởng xóm \(index)"))
            try head.insert(
                into: "cleanups",
                rows: (0..<40).map { day in
                    [
                        "date": .text("2026-11-\(String(format: "%02d", day % 28 + 1))"),
                        "participants": .integer(Int64(day)),
                    ]
                })
            heads.append(head)
        }
        // Every head syncs at once, each through another process; then again (a repeat of
        // what was already taken changes nothing).
        for _ in 0..<2 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, head) in heads.enumerated() {
                    group.addTask { _ = try await province.sync(head, via: index % 3) }
                }
                try await group.waitForAll()
            }
        }
        let log = try await hub.log()
        #expect(log.map(\.seq) == Array(1...Int64(log.count)), "one order, no gap, no position twice")
        let cleanups = log.filter { $0.table == "cleanups" }
        #expect(cleanups.count == 6 * 40, "each change logged once")
        #expect(Set(cleanups.map(\.rowID)).count == 6 * 40)
        for (index, head) in heads.enumerated() {
            #expect(
                try await province.hubs[(index + 1) % 3].rows(table: "cleanups", for: head.principal)
                    == head.rows("cleanups"))
            #expect(try head.status().pendingChanges == 0)
        }
        for head in heads { try head.close() }
        try await province.close()
    }

    @Test func aCommuneMovedFromSQLiteMidLifeSyncsOnWithNothingLost() async throws {
        // Months on the commune's SQLite hub.
        let commune = try Commune()
        let (office, hamlets) = try await commune.withHamlets(["Xóm Đông", "Xóm Tây"])
        let head = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        let donation = try head.insert(
            into: "land_donations", values: ["donor_name": .text("Hoàng Văn Cường"), "area_m2": .real(100)])
        try head.insert(into: "cleanups", values: ["date": .text("2026-11-02"), "participants": .integer(40)])
        try await commune.syncAll()
        try head.update("land_donations", id: donation.id, values: ["area_m2": .real(120)])
        try office.update("land_donations", id: donation.id, values: ["area_m2": .real(110)])
        try await commune.sync(head)
        try await commune.sync(office)
        let token = try await commune.hub.issueToken(role: .head(hamletID: hamlets[1]), name: "Trưởng xóm Tây")
        // Edits made offline while the commune moves.
        let pending = try head.insert(into: "households", values: ["head_name": .text("Phạm Thị Hoa")])
        let logBefore = try await commune.hub.log()

        var province = try await Province(processes: 0)
        let pool = PostgresConnections(
            location: try PostgresLocation(url: try #require(TestPostgres.url)), limit: 2, logger: Self.logger)
        province.pools.append(pool)
        let (moved, rows) = try await PostgresHubDriver.migrate(
            from: commune.hub, into: pool, code: province.code, logger: Self.logger)
        province.hubs.append(moved)
        #expect(rows > logBefore.count)
        #expect(try await moved.log() == logBefore, "the log, its positions and its entries, as it was")
        #expect(moved.publicKey == commune.hub.publicKey, "the same signing key: replicas trust the moved hub")
        #expect(try await moved.principal(forToken: token.token)?.name == "Trưởng xóm Tây", "tokens work on")
        #expect(try await moved.conflicts(status: .open, for: commune.reviewer).count == 1)

        // The replicas carry on against the new hub, without re-initialising.
        try await province.sync(head)
        try await province.sync(office)
        try await province.sync(head)
        #expect(try head.status().pendingChanges == 0)
        #expect(try await moved.rows(table: "households", for: commune.reviewer) == [pending])
        #expect(try office.rows("households") == [pending])
        for table in ["land_donations", "cleanups", "hamlets", "criteria"] {
            #expect(try await moved.rows(table: table, for: commune.reviewer) == office.rows(table))
        }
        // A second move into the same commune is refused: it is not empty.
        let refusal = await #expect(throws: SyncError.self) {
            _ = try await PostgresHubDriver.migrate(
                from: commune.hub, into: pool, code: province.code, logger: Self.logger)
        }
        #expect(refusal?.kind == .conflict, "\(refusal?.message ?? "no error")")
        try await province.close()
    }

    /// A hub file edited by another tool may carry a column whose name is SQL: the move
    /// copies the columns the commune's tables have, and never writes a name from the file
    /// into a statement.
    @Test func aColumnAddedToTheFileByAnotherToolIsNotCopiedNorRun() async throws {
        let commune = try Commune()
        _ = try await commune.withHamlets(["Xóm Đông"])
        let hostile = #"x") VALUES (NULL); DROP TABLE public.ntm_communes; --"#
        try await commune.hub.write { sql in
            try sql.execute(
                "ALTER TABLE sync_tokens ADD COLUMN \"\(raw: hostile.replacingOccurrences(of: "\"", with: "\"\""))\" TEXT"
            )
        }
        _ = try await commune.hub.issueToken(role: .reviewer, name: "Lê Văn Tám")
        let province = try await Province(processes: 0)
        let pool = PostgresConnections(
            location: try PostgresLocation(url: try #require(TestPostgres.url)), limit: 1, logger: Self.logger)
        var moved: Province = province
        moved.pools.append(pool)
        let (store, _) = try await PostgresHubDriver.migrate(
            from: commune.hub, into: pool, code: province.code, logger: Self.logger)
        #expect(try await store.tokens().count == 1)
        let registry = try await pool.transaction(schema: nil) { sql in
            try sql.fetchInt64("SELECT COUNT(*) FROM public.ntm_communes WHERE code = \(province.code)")
        }
        #expect(registry == 1, "the registry is still there")
        try await moved.close()
    }

    @Test func aHeadOfOneCommuneCannotSeeAnother() async throws {
        let first = try await Province()
        let second = try await Province()
        _ = try await first.hubs[0].initialize(communeName: "Xã Một")
        _ = try await second.hubs[0].initialize(communeName: "Xã Hai")
        let hamlet = try await first.hubs[0].addHamlet(["name": .text("Xóm Đông")])
        let token = try await first.hubs[0].issueToken(role: .head(hamletID: hamlet.id), name: nil)
        #expect(try await first.hubs[0].principal(forToken: token.token) != nil)
        #expect(
            try await second.hubs[0].principal(forToken: token.token) == nil,
            "a token of one commune opens nothing in another")
        #expect(try await second.hubs[0].rows(table: "hamlets", for: Principal(role: .reviewer, name: "x")).isEmpty)
        try await first.close()
        try await second.close()
    }

    /// A statement that failed inside a write, its error swallowed by the code around it,
    /// aborts the transaction; PostgreSQL then answers COMMIT by rolling back. The store
    /// says so rather than report a write done that is not.
    @Test func aWriteWhoseFailureWasSwallowedIsNotReportedDone() async throws {
        let province = try await Province()
        let hub = province.hubs[0]
        _ = try await hub.initialize(communeName: "Xã Một")
        let hlc = { try await hub.read { sql in try sql.fetchInt64("SELECT hlc FROM sync_hub_state WHERE id = 1") } }
        let before = try await hlc()
        await #expect(throws: PostgresStatementError.self) {
            try await hub.write { sql in
                try sql.execute("UPDATE sync_hub_state SET hlc = hlc + 1 WHERE id = 1")
                try? sql.execute("SELECT 1 / 0")
            }
        }
        #expect(try await hlc() == before, "nothing of it was written")
        try await province.close()
    }
}
