import Foundation
import GRDB
import SyncCore

/// A figure measured against a baseline in the same run.
public struct Comparison: Sendable, Codable {
    /// Row changes in each of the two runs.
    public var changes: Int
    /// Seconds the engine took.
    public var engineSeconds: Double
    /// Seconds the baseline took.
    public var baselineSeconds: Double

    /// The engine's row changes per second.
    public var engineRate: Double { Double(changes) / engineSeconds }
    /// The baseline's row changes per second.
    public var baselineRate: Double { Double(changes) / baselineSeconds }
    /// Engine rate over baseline rate.
    public var ratio: Double { baselineSeconds / engineSeconds }
}

/// The in-process figures: local writes with capture, and the hub's merge.
public enum EngineWorkloads {
    /// Figure 1: `rows` donation rows written through a replica (validation, capture
    /// triggers, outbox) in transactions of `batch`, against plain inserts of the same rows
    /// into the same table, without triggers, in the same transactions.
    public static func localWrite(rows: Int, batch: Int = 1_000) throws -> Comparison {
        let scratch = try ScratchDirectory()
        let hamletID = DonationRows.id(1, namespace: 0x4A4A)
        let data = (0..<rows).map { DonationRows.row($0, hamletID: hamletID) }
        let replica = try Replica.create(
            at: scratch.file("replica.sqlite"), principal: Principal(role: .head(hamletID: hamletID), name: "bench"))
        let engine = try Measure.seconds {
            for start in stride(from: 0, to: rows, by: batch) {
                try replica.insert(into: DonationRows.table, rows: Array(data[start..<min(start + batch, rows)]))
            }
        }
        try replica.close()

        let table = try ReplicatedSchema.table(DonationRows.table)
        let plain = try DatabasePool.syncEngine(path: scratch.file("plain.sqlite"))
        try plain.write { db in try db.execute(sql: table.createTableSQL) }
        let writes = PlainWrites(table: table.name, columns: table.columnNames)
        let baseline = try Measure.seconds {
            for start in stride(from: 0, to: rows, by: batch) {
                try plain.write { db in try writes.write(data[start..<min(start + batch, rows)], writes.insertSQL, db) }
            }
        }
        try plain.close()
        return Comparison(changes: rows, engineSeconds: engine, baselineSeconds: baseline)
    }

    /// The draft of schema version 4's capture by reference (`ReferenceCapture`,
    /// docs/replica-v4-plan.md), measured on its own before the engine uses it: `rows`
    /// inserts, then an update of two columns of each, through the generated triggers with
    /// the clock set as the engine sets it, against the same writes to the same table (its
    /// `OR` CHECKs) without triggers. Prepared statements in a loop, transactions of `batch`.
    public static func referenceCapture(rows: Int, batch: Int = 1_000) throws -> [String: Comparison] {
        let scratch = try ScratchDirectory()
        let table = try ReplicatedSchema.table(DonationRows.table)
        let hamletID = DonationRows.id(1, namespace: 0x4B4B)
        let data = (0..<rows).map { DonationRows.row($0, hamletID: hamletID) }
        let writes = PlainWrites(table: table.name, columns: table.columnNames)
        let update = "UPDATE \"\(table.name)\" SET status = 'signed', note = ? WHERE id = ?"
        func run(_ path: String, capture: Bool) throws -> (insert: Double, update: Double) {
            let file = try DatabasePool.syncEngine(path: path)
            defer { try? file.close() }
            try file.write { db in
                try db.execute(sql: table.createTableSQL(enumerationsAsOr: true))
                guard capture else { return }
                for statement in ReferenceCapture.standaloneSQL(for: table, number: 6) {
                    try db.execute(sql: statement)
                }
            }
            func timed(_ body: @escaping (Database, ArraySlice<SyncRow>) throws -> Void) throws -> Double {
                try Measure.seconds {
                    for start in stride(from: 0, to: rows, by: batch) {
                        try file.write { db in
                            let now = Int64(Date().timeIntervalSince1970 * 1000)
                            if capture {
                                try db.execute(
                                    sql: "UPDATE sync_state SET writer_now_ms = ? WHERE id = 1", arguments: [now])
                            }
                            try body(db, data[start..<min(start + batch, rows)])
                            if capture {
                                try db.execute(sql: "UPDATE sync_state SET writer_now_ms = NULL WHERE id = 1")
                            }
                        }
                    }
                }
            }
            let inserted = try timed { db, rows in try writes.write(rows, writes.insertSQL, db) }
            let updated = try timed { db, rows in
                let statement = try db.cachedStatement(sql: update)
                for row in rows { try statement.execute(arguments: ["đã ký biên bản", row.id]) }
            }
            return (inserted, updated)
        }
        let engine = try run(scratch.file("capture.sqlite"), capture: true)
        let plain = try run(scratch.file("plain.sqlite"), capture: false)
        return [
            "insert": Comparison(changes: rows, engineSeconds: engine.insert, baselineSeconds: plain.insert),
            "update": Comparison(changes: rows, engineSeconds: engine.update, baselineSeconds: plain.update),
        ]
    }

    /// Figure 2: `rows` row changes pushed to the hub store in pages of `pageSize` (half
    /// inserts, then half updates of those rows), each page one durable transaction with
    /// the idempotency record, conflict detection, log append and audit; against a plain
    /// last-writer-wins upsert of the same rows, page for page.
    public static func hubMerge(rows: Int, pageSize: Int = 1_000) async throws -> Comparison {
        let scratch = try ScratchDirectory()
        let hub = try await PreparedHub.create(at: scratch.file("hub.sqlite"))[0]
        let replicaID = DonationRows.id(1, namespace: 0x5151)
        let inserts = rows / 2
        let pages = Self.pages(inserts: inserts, updates: rows - inserts, pageSize: pageSize)
        let offset = try await hub.store.log().last?.seq ?? 0
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var engine = 0.0
        for page in pages {
            let changes = page.map { step in
                step.update
                    ? DonationRows.update(step.index, seq: step.seq, seen: offset + Int64(step.index) + 1, now: now)
                    : DonationRows.insert(step.index, seq: step.seq, hamletID: hub.hamletID, now: now)
            }
            let request = PushRequest(replicaID: replicaID, clientTime: now, changes: changes)
            engine += try await Measure.seconds { _ = try await hub.store.push(request, from: hub.head) }
        }
        try hub.store.close()

        let table = try ReplicatedSchema.table(DonationRows.table)
        let plain = try DatabasePool.syncEngine(path: scratch.file("plain.sqlite"))
        try await plain.write { db in
            try db.execute(sql: table.createTableSQL)
            try db.execute(sql: "ALTER TABLE \"\(table.name)\" ADD COLUMN hlc INTEGER NOT NULL DEFAULT 0")
        }
        let writes = PlainWrites(table: table.name, columns: table.columnNames + ["hlc"])
        let sql = writes.upsertSQL(where: "excluded.hlc > \"\(table.name)\".hlc")
        var baseline = 0.0
        for page in pages {
            let rows = page.map { step in
                var row = DonationRows.row(step.index, hamletID: hub.hamletID)
                if step.update {
                    row["status"] = .text("signed")
                    row["note"] = .text("đã ký biên bản hiến đất")
                }
                row["hlc"] = .integer(HLCTimestamp(physicalMilliseconds: now, logical: step.seq & 0xFFF).rawValue)
                return row
            }
            baseline += try Measure.seconds { try plain.write { db in try writes.write(rows, sql, db) } }
        }
        try plain.close()
        return Comparison(changes: rows, engineSeconds: engine, baselineSeconds: baseline)
    }

    struct Step {
        var index: Int
        var seq: Int64
        var update: Bool
    }

    static func pages(inserts: Int, updates: Int, pageSize: Int) -> [[Step]] {
        let steps =
            (0..<inserts).map { Step(index: $0, seq: Int64($0 + 1), update: false) }
            + (0..<updates).map { Step(index: $0 % max(inserts, 1), seq: Int64(inserts + $0 + 1), update: true) }
        return stride(from: 0, to: steps.count, by: pageSize).map { Array(steps[$0..<min($0 + pageSize, steps.count)]) }
    }
}
