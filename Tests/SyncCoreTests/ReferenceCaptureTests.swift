import Foundation
import GRDB
import Testing

@testable import SyncCore

/// Schema version 4's capture by reference (`ReferenceCapture`, docs/replica-v4-plan.md),
/// on its own SQL: what any writer's insert, update and delete leave in `sync_changes`, and
/// how changes to a row not yet sent fold into one entry that keeps what the hub needs.
@Suite struct ReferenceCaptureTests {
    static let tableNumber = 6
    let table: TableSpec
    let queue: DatabaseQueue

    init() throws {
        table = try ReplicatedSchema.table("land_donations")
        queue = try DatabaseQueue()
        try queue.write { [table] db in
            try db.execute(sql: table.createTableSQL(enumerationsAsOr: true))
            for statement in ReferenceCapture.standaloneSQL(for: table, number: Self.tableNumber) {
                try db.execute(sql: statement)
            }
        }
    }

    /// Column `column`'s place in the table's declaration (its bit, its slots).
    func index(_ column: String) -> Int { table.columns.firstIndex { $0.name == column } ?? 0 }
    func bit(_ column: String) -> Int64 { ReferenceCapture.bit(index(column)) }
    /// The slots of what the author saw of `column`, and of its version.
    func p(_ column: String) -> String { "p\(index(column))" }
    func b(_ column: String) -> String { "b\(index(column))" }

    /// A row as the hub confirmed it: in the table and in the shadow, with each column at
    /// `version`, written with capture off (as a pull writes).
    func confirmed(_ id: String, area: Double, note: String, version: Int64) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE sync_state SET applying = 1 WHERE id = 1")
            try db.execute(
                sql: """
                    INSERT INTO land_donations (id, hamlet_id, donor_name, area_m2, status, note)
                    VALUES (?, 'h1', 'Lò Văn Sùng', ?, 'pledged', ?)
                    """, arguments: [id, area, note])
            try db.execute(
                sql: """
                    INSERT INTO sync_base_land_donations (id, hamlet_id, donor_name, area_m2, status, note,
                      v_hamlet_id, v_donor_name, v_area_m2, v_status, v_note)
                    VALUES (?, 'h1', 'Lò Văn Sùng', ?, 'pledged', ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, area, note, version, version, version, version, version])
            try db.execute(sql: "UPDATE sync_state SET applying = 0 WHERE id = 1")
        }
    }

    func entries() throws -> [Row] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sync_changes ORDER BY seq") }
    }

    @Test func anInsertAnUpdateOfTwoColumnsAndADeleteByAnyWriterAreOneEntryEach() throws {
        try confirmed("d1", area: 120, note: "cũ", version: 7)
        try confirmed("d2", area: 50, note: "", version: 9)
        // As the sqlite3 shell writes: plain statements, the engine not involved.
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO land_donations (id, hamlet_id, donor_name, area_m2) VALUES ('d3', 'h1', 'Phạm Văn Dũng', 35.5)
                    """)
            try db.execute(sql: "UPDATE land_donations SET area_m2 = 115, note = 'đo lại' WHERE id = 'd1'")
            try db.execute(sql: "DELETE FROM land_donations WHERE id = 'd2'")
        }
        let rows = try entries()
        #expect(rows.count == 3)
        let insert = rows[0]
        #expect(insert["row_id"] as String == "d3" && insert["op"] as Int == ReferenceCapture.Operation.insert.rawValue)
        #expect(insert["mask"] as Int64 == ReferenceCapture.allColumns(table))
        #expect(insert["tbl"] as Int == Self.tableNumber)

        let update = rows[1]
        #expect(update["op"] as Int == ReferenceCapture.Operation.update.rawValue)
        #expect(update["mask"] as Int64 == bit("area_m2") | bit("note"))
        // What the author saw and its version, for the two columns only.
        #expect(update[p("area_m2")] as Double == 120 && update[p("note")] as String == "cũ")
        #expect(update[b("area_m2")] as Int64 == 7 && update[b("note")] as Int64 == 7)
        #expect((update[p("donor_name")] as DatabaseValue).isNull)

        let delete = rows[2]
        #expect(delete["op"] as Int == ReferenceCapture.Operation.delete.rawValue)
        #expect(delete[p("area_m2")] as Double == 50 && delete[b("area_m2")] as Int64 == 9)
        // Each stamp is later than the one before (the clock moved by one UPDATE).
        let stamps = rows.map { $0["hlc"] as Int64 }
        #expect(stamps == stamps.sorted() && Set(stamps).count == 3)
    }

    @Test func aRowChangedThreeTimesThenDeletedBeforeItsPushIsOneDeleteWithTheFirstBases() throws {
        try confirmed("d1", area: 120, note: "cũ", version: 7)
        try queue.write { db in
            try db.execute(sql: "UPDATE land_donations SET area_m2 = 115 WHERE id = 'd1'")
            // The hub confirms a newer note meanwhile (a pull, capture off).
            try db.execute(sql: "UPDATE sync_state SET applying = 1 WHERE id = 1")
            try db.execute(sql: "UPDATE land_donations SET note = 'mới' WHERE id = 'd1'")
            try db.execute(sql: "UPDATE sync_base_land_donations SET note = 'mới', v_note = 12 WHERE id = 'd1'")
            try db.execute(sql: "UPDATE sync_state SET applying = 0 WHERE id = 1")
            try db.execute(sql: "UPDATE land_donations SET area_m2 = 110, note = 'sửa' WHERE id = 'd1'")
            try db.execute(sql: "UPDATE land_donations SET status = 'signed' WHERE id = 'd1'")
            try db.execute(sql: "DELETE FROM land_donations WHERE id = 'd1'")
        }
        let rows = try entries()
        #expect(rows.count == 1)
        let entry = try #require(rows.first)
        #expect(entry["op"] as Int == ReferenceCapture.Operation.delete.rawValue)
        #expect(entry["mask"] as Int64 == ReferenceCapture.allColumns(table))
        // The area's base is what the author saw before the first change; the note's, the
        // newer confirmed value the author saw when it first changed it.
        #expect(entry[p("area_m2")] as Double == 120 && entry[b("area_m2")] as Int64 == 7)
        #expect(entry[p("note")] as String == "mới" && entry[b("note")] as Int64 == 12)
        #expect(entry[p("status")] as String == "pledged" && entry[b("status")] as Int64 == 7)
    }

    @Test func anInsertDeletedBeforeItsPushLeavesNothingToSend() throws {
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO land_donations (id, hamlet_id, donor_name, area_m2) VALUES ('d9', 'h1', 'A', 10)")
            try db.execute(sql: "UPDATE land_donations SET area_m2 = 12 WHERE id = 'd9'")
            try db.execute(sql: "DELETE FROM land_donations WHERE id = 'd9'")
        }
        #expect(try entries().isEmpty)
    }

    @Test func aChangeToARowWhoseEntryIsOnItsWayOpensAnotherEntry() throws {
        try confirmed("d1", area: 120, note: "cũ", version: 7)
        try queue.write { db in
            try db.execute(sql: "UPDATE land_donations SET area_m2 = 115 WHERE id = 'd1'")
            // The page with that entry was built: the entry is sent, with its wire number.
            try db.execute(sql: "UPDATE sync_changes SET state = 1, wire_seq = 1")
            try db.execute(sql: "UPDATE land_donations SET area_m2 = 110 WHERE id = 'd1'")
        }
        let rows = try entries()
        #expect(rows.map { $0["state"] as Int } == [1, 0])
        // What went stays as it went; the new entry's base is what the author saw then.
        #expect(rows[0][p("area_m2")] as Double == 120)
        #expect(rows[1][p("area_m2")] as Double == 115)
    }

    @Test func nothingIsCapturedWhileTheEngineAppliesTheHubsRows() throws {
        try confirmed("d1", area: 120, note: "cũ", version: 7)
        #expect(try entries().isEmpty)
    }

    @Test func theCapturePathBuildsNoEphemeralBTree() throws {
        try confirmed("d1", area: 120, note: "cũ", version: 7)
        let statements = [
            "INSERT INTO land_donations (id, hamlet_id, donor_name, area_m2, status) VALUES ('d5', 'h1', 'A', 3, 'signed')",
            "UPDATE land_donations SET area_m2 = 115, status = 'signed' WHERE id = 'd1'",
            "DELETE FROM land_donations WHERE id = 'd1'",
        ]
        for statement in statements {
            // EXPLAIN lists the trigger programs the statement runs as well.
            let program = try queue.read { db in try Row.fetchAll(db, sql: "EXPLAIN " + statement) }
            let opcodes = program.map { $0["opcode"] as String }
            #expect(opcodes.contains("Program"), "the capture trigger runs: \(statement)")
            #expect(!opcodes.contains("OpenEphemeral"), "\(statement)")
        }
    }
}

/// The v4 upgrade's fill of the shadow tables from the confirmed copy as JSON
/// (`ReferenceCapture.shadowFillSQL`), on files the engines of versions 1, 2 and 3 wrote.
@Suite struct ShadowFillTests {
    /// A number as a double, so that a REAL column's `120.0` and JSON's `120` compare equal.
    static func comparable(_ value: SyncValue?) -> SyncValue {
        switch value {
        case .integer(let number)?: .real(Double(number))
        case let other?: other
        case nil: .null
        }
    }

    static func syncValue(_ value: DatabaseValue) -> SyncValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob: .null
        }
    }

    @Test(arguments: [1, 2, 3]) func everyConfirmedRowAndVersionLandsInItsShadow(version: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-shadow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dong.sqlite").path
        try FieldFixture(version: version).restore("dong", to: path)
        try Replica(path: path).close()  // brought to this build's layout first
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        // Another tool broke one confirmed row's JSON: the fill leaves it out, and goes on.
        let broken = try queue.write { db -> String in
            let id = try String.fetchOne(db, sql: "SELECT row_id FROM sync_base_rows WHERE tbl = 'households' LIMIT 1")
            try db.execute(sql: "UPDATE sync_base_rows SET vals = 'không phải JSON' WHERE row_id = ?", arguments: [id])
            return id ?? ""
        }
        try queue.write { db in
            try db.execute(sql: ReferenceCapture.originsTableSQL)
            for table in ReplicatedSchema.tables {
                try db.execute(sql: ReferenceCapture.shadowTableSQL(table))
                try db.execute(sql: ReferenceCapture.shadowFillSQL(table))
            }
            try db.execute(sql: ReferenceCapture.originsFillSQL)
        }
        try queue.read { db in
            var rows = 0
            for table in ReplicatedSchema.tables {
                let keys = try String.fetchAll(
                    db, sql: "SELECT row_id FROM sync_base_rows WHERE tbl = ?", arguments: [table.name])
                for id in keys {
                    let shadow = try Row.fetchOne(
                        db, sql: "SELECT * FROM \"\(ReferenceCapture.shadowName(table))\" WHERE id = ?",
                        arguments: [id])
                    if id == broken {
                        #expect(shadow == nil, "the broken row is left out")
                        continue
                    }
                    let confirmed = try #require(try ConfirmedRow.fetch(db, RowKey(table: table.name, rowID: id)))
                    let row = try #require(shadow, "\(table.name) \(id)")
                    for column in table.columns {
                        #expect(
                            Self.comparable(Self.syncValue(row[column.name]))
                                == Self.comparable(confirmed.values[column.name]),
                            "\(table.name).\(column.name) of \(id)")
                        #expect(
                            row["v_\(column.name)"] as Int64? == confirmed.versions[column.name],
                            "the version of \(table.name).\(column.name) of \(id)")
                    }
                    rows += 1
                }
            }
            #expect(rows > 10, "the fixture's confirmed rows were compared")
            // Every origin the confirmed copy keeps, once per version.
            let origins = try Row.fetchAll(db, sql: "SELECT origins FROM sync_base_rows WHERE origins IS NOT NULL")
                .compactMap { row -> [String: FieldOrigin]? in
                    (row["origins"] as String?).flatMap { try? JSONText.decode([String: FieldOrigin].self, from: $0) }
                }
                .reduce(into: [Int64: FieldOrigin]()) { all, origins in
                    for (version, origin) in origins { all[Int64(version) ?? -1] = origin }
                }
            let stored = try Row.fetchAll(db, sql: "SELECT * FROM sync_origins")
            #expect(stored.count == origins.count)
            for row in stored {
                let origin = try #require(origins[row["version"] as Int64])
                #expect(row["author"] as String == origin.author && row["replica_id"] as String == origin.replicaID)
                #expect(row["hlc"] as Int64 == origin.hlc.rawValue)
            }
        }
    }
}

/// The v4 upgrade's conversion of the outbox (values as JSON) into entries by reference
/// (`ReferenceCapture.outboxConversionSQL`, `changeTextSQL`), on the field fixtures.
@Suite struct OutboxConversionTests {
    @Test(arguments: [1, 2, 3]) func everyEntryKeepsItsNumberStateAndTheChangeItWouldHaveSent(version: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dong.sqlite").path
        try FieldFixture(version: version).restore("dong", to: path)
        try Replica(path: path).close()  // brought to this build's layout first
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let tables = ReplicatedSchema.tables
        // Another tool broke one pending entry: it is set aside, and the rest converts.
        let broken = try queue.write { db -> Int64 in
            let seq = try #require(
                try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM sync_outbox WHERE state = 'pending'"))
            try db.execute(sql: "UPDATE sync_outbox SET new_values = '{\"hỏng' WHERE seq = ?", arguments: [seq])
            return seq
        }
        let (entries, states, seqBase) = try queue.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT * FROM sync_outbox WHERE seq <> ? ORDER BY seq", arguments: [broken])
                    .map { try OutboxEntry(row: $0) },
                try Row.fetchAll(db, sql: "SELECT seq, state, settle_seq, reason FROM sync_outbox ORDER BY seq"),
                try Replica.identity(db).seqBase
            )
        }
        #expect(entries.count >= 5, "the fixture's entries, all but the broken one")
        try queue.write { db in
            for statement in ReferenceCapture.changesTableSQL + [ReferenceCapture.sentTableSQL] {
                try db.execute(sql: statement)
            }
            for statement in ReferenceCapture.outboxSetAsideSQL(tables) { try db.execute(sql: statement) }
            for (number, table) in tables.enumerated() {
                try db.execute(sql: ReferenceCapture.outboxConversionSQL(table, number: number, tables: tables))
            }
            try db.execute(sql: ReferenceCapture.changeTextSQL(tables))
        }
        try queue.read { db in
            #expect(try Int64.fetchAll(db, sql: "SELECT seq FROM sync_set_aside") == [broken])
            let converted = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT * FROM sync_changes").map {
                    ($0["seq"] as Int64, $0)
                })
            #expect(converted.count == entries.count)
            let texts = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT seq, change FROM sync_sent").map {
                    ($0["seq"] as Int64, $0["change"] as String)
                })
            for entry in entries {
                let row = try #require(converted[entry.seq], "entry \(entry.seq)")
                let was = try #require(states.first { $0["seq"] as Int64 == entry.seq })
                let state = was["state"] as String
                #expect(row["state"] as Int == ["pending": 1, "acked": 2, "rejected": 3][state])
                #expect(row["wire_seq"] as Int64 == entry.seq - seqBase)
                #expect(row["settle_seq"] as Int64? == was["settle_seq"] as Int64?)
                #expect(row["reason"] as String? == was["reason"] as String?)
                let table = try ReplicatedSchema.table(entry.table)
                let mask = row["mask"] as Int64
                let expectedMask =
                    entry.operation == .update
                    ? entry.changedColumns.compactMap { name in table.columns.firstIndex { $0.name == name } }
                        .reduce(Int64(0)) { $0 | ReferenceCapture.bit($1) }
                    : ReferenceCapture.allColumns(table)
                #expect(mask == expectedMask, "the mask of \(entry.seq)")
                if state == "pending" {
                    // What goes on the wire is what this build would have sent.
                    var expected = entry.change
                    expected.seq -= seqBase
                    let text = try #require(texts[entry.seq], "the text of \(entry.seq)")
                    #expect(try JSONText.decode(Change.self, from: text) == expected, "\(entry.seq): \(text)")
                } else {
                    #expect(texts[entry.seq] == nil)
                }
            }
        }
    }
}
