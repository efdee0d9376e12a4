import Foundation
import GRDB
import Testing

@testable import SyncCore

/// The generated `CREATE TABLE` statements: their CHECK constraints keep even raw SQL
/// writes (the `sqlite3` shell, another app) valid, and their id default makes UUIDv7s.
@Suite struct SchemaSQLTests {
    /// A fresh in-memory database with every replicated table, as the shipped (frozen)
    /// migrations of the hub make them.
    private static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try MigrationHistory.hub.migrate(queue, path: ":memory:")
        return queue
    }

    /// Runs `sql`; returns the SQLite error it raised, if any.
    private static func failure(
        _ queue: DatabaseQueue, _ sql: String, _ arguments: StatementArguments = []
    )
        -> DatabaseError?
    {
        do {
            try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
            return nil
        } catch let error as DatabaseError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    private static func insertDonation(
        _ queue: DatabaseQueue, area: any DatabaseValueConvertible, status: String = "pledged"
    )
        -> DatabaseError?
    {
        failure(
            queue,
            "INSERT INTO land_donations (id, hamlet_id, household_id, area_m2, status) VALUES (?, 'hamlet-dong', 'household-1', ?, ?)",
            [UUID().uuidString.lowercased(), area, status])
    }

    @Test func everyTableIsCreatedWithItsDeclaredColumns() throws {
        let queue = try Self.database()
        try queue.read { db in
            for table in ReplicatedSchema.tables {
                let columns = try db.columns(in: table.name).map(\.name)
                #expect(columns == table.columnNames)
                #expect(try db.primaryKey(table.name).columns == ["id"])
            }
        }
    }

    // MARK: CHECK constraints

    @Test(arguments: [-5.0, 0.0, -0.01])
    func theDatabaseRefusesANonPositiveArea(area: Double) throws {
        let queue = try Self.database()
        let error = Self.insertDonation(queue, area: area)
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM land_donations") } == 0)
    }

    @Test func theDatabaseRefusesAnAreaWrittenAsText() throws {
        let queue = try Self.database()
        #expect(Self.insertDonation(queue, area: "bốn mươi")?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
    }

    @Test func theDatabaseAcceptsAPositiveAreaAndDefaultsTheStatus() throws {
        let queue = try Self.database()
        #expect(Self.insertDonation(queue, area: 42.5) == nil)
        #expect(Self.insertDonation(queue, area: 40) == nil)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT area_m2, typeof(area_m2) AS type FROM land_donations ORDER BY area_m2")
        }
        #expect(rows.map { $0["area_m2"] as Double } == [40, 42.5])
        #expect(rows.map { $0["type"] as String } == ["real", "real"])
    }

    @Test(arguments: [
        "2026-02-30", "2026-02-31", "2026-02-29", "2025-02-29", "2026-13-01", "2026-04-31", "2026-00-10",
        "2026-1-05", "2026/01/05", "05-01-2026", "2026-01-05 08:00", "2026-01-05T08:00", "", "hôm nay",
    ])
    func theDatabaseRefusesAnImpossibleOrMalformedDate(date: String) throws {
        let queue = try Self.database()
        let error = Self.failure(
            queue, "INSERT INTO cleanups (id, hamlet_id, date) VALUES ('cleanup-1', 'hamlet-dong', ?)", [date])
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
    }

    @Test(arguments: ["2026-02-28", "2024-02-29", "2000-02-29", "2026-12-31"])
    func theDatabaseAcceptsARealDate(date: String) throws {
        let queue = try Self.database()
        #expect(Self.failure(queue, "INSERT INTO cleanups (id, hamlet_id, date) VALUES ('c', 'h', ?)", [date]) == nil)
        // The same date passes the engine's own validation.
        #expect(CalendarDate(date) != nil)
    }

    @Test func theDatabaseAndTheValidationAgreeOnDates() throws {
        // Every day number 0...32 of every month 0...13 of a common and a leap year.
        let queue = try Self.database()
        var disagreements: [String] = []
        for year in [2025, 2024, 2100, 2000] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    let acceptedBySQL =
                        Self.failure(
                            queue, "INSERT INTO cleanups (id, hamlet_id, date) VALUES (?, 'h', ?)", [text, text]) == nil
                    if acceptedBySQL != (CalendarDate(text) != nil) { disagreements.append(text) }
                }
            }
        }
        #expect(disagreements == [])
        let accepted = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM cleanups") }
        #expect(accepted == 365 + 366 + 365 + 366)
    }

    @Test(arguments: ["finished", "Done", "withdrawn", "", "planned "])
    func theDatabaseRefusesAnUnknownRoadStatus(status: String) throws {
        let queue = try Self.database()
        let error = Self.failure(
            queue,
            "INSERT INTO road_segments (id, hamlet_id, name, length_m, status) VALUES ('r', 'h', 'Đường', 420, ?)",
            [status])
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
    }

    @Test func theDatabaseAcceptsEveryDeclaredStatusAndUpdatesAreCheckedToo() throws {
        let queue = try Self.database()
        for (index, status) in ReplicatedSchema.roadStatus.allValues.enumerated() {
            #expect(
                Self.failure(
                    queue,
                    "INSERT INTO road_segments (id, hamlet_id, name, length_m, status) VALUES (?, 'h', 'Đường', 420, ?)",
                    ["road-\(index)", status]) == nil)
        }
        #expect(Self.insertDonation(queue, area: 42.5, status: "withdrawn") == nil)
        let update = Self.failure(queue, "UPDATE road_segments SET status = 'abandoned' WHERE id = 'road-0'")
        #expect(update?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        let status = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM road_segments WHERE id = 'road-0'")
        }
        #expect(status == "planned")
    }

    @Test func theDatabaseRefusesAMissingRequiredValue() throws {
        let queue = try Self.database()
        let error = Self.failure(
            queue, "INSERT INTO land_donations (id, hamlet_id, household_id) VALUES ('d', 'h', 'hh')")
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_NOTNULL)
    }

    @Test(arguments: [
        "INSERT INTO cleanups (id, hamlet_id, date, participants) VALUES ('c', 'h', '2026-11-01', 2.5)",
        "INSERT INTO cleanups (id, hamlet_id, date, participants) VALUES ('c', 'h', '2026-11-01', -1)",
        "INSERT INTO cleanups (id, hamlet_id, date, participants) VALUES ('c', 'h', '2026-11-01', 'bốn mươi')",
        "INSERT INTO road_segments (id, hamlet_id, name, length_m, lighting) VALUES ('r', 'h', 'Đường', 420, 2)",
        "INSERT INTO road_segments (id, hamlet_id, name, length_m) VALUES ('r', 'h', 'Đường', 0)",
        "INSERT INTO criteria (id, number, name) VALUES ('k', 20, 'Quốc phòng')",
        "INSERT INTO contributions (id, hamlet_id, donor_name, kind, amount) VALUES ('m', 'h', 'An', 'gold', 1)",
        "INSERT INTO contributions (id, hamlet_id, donor_name, kind, amount) VALUES ('m', 'h', 'An', 'money', -1)",
        "INSERT INTO households (id, hamlet_id, head_name) VALUES ('', 'h', 'An')",
    ])
    func theDatabaseRefusesValuesTheValidationRefuses(sql: String) throws {
        let queue = try Self.database()
        #expect(Self.failure(queue, sql)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
    }

    @Test func theDatabaseRefusesAnInfiniteArea() throws {
        // The validation refuses it ("must be a number"). Let in by raw SQL
        // (`UPDATE land_donations SET area_m2 = 1e999`), the capture trigger writes
        // `{"area_m2":Inf}` to the outbox, which is not JSON: every later sync of that replica
        // fails decoding its outbox.
        let queue = try Self.database()
        #expect(Self.insertDonation(queue, area: Double.infinity)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        #expect(Self.insertDonation(queue, area: -Double.infinity)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO land_donations (id, hamlet_id, donor_name, area_m2) VALUES ('d', 'h', 'An', 40)")
        }
        let update = Self.failure(queue, "UPDATE land_donations SET area_m2 = 1e999 WHERE id = 'd'")
        #expect(update?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
    }

    struct RefusedRow: Sendable, CustomTestStringConvertible {
        let label: String
        let table: String
        let row: SyncRow
        var testDescription: String { label }
    }

    @Test(arguments: [
        RefusedRow(
            label: "a negative area", table: "land_donations",
            row: ["id": .text("d"), "hamlet_id": .text("h"), "donor_name": .text("An"), "area_m2": .real(-5)]),
        RefusedRow(
            label: "an impossible date", table: "cleanups",
            row: ["id": .text("c"), "hamlet_id": .text("h"), "date": .text("2026-02-30")]),
        RefusedRow(
            label: "an unknown road status", table: "road_segments",
            row: [
                "id": .text("r"), "hamlet_id": .text("h"), "name": .text("Đường"), "length_m": .real(420),
                "status": .text("finished"), "target_width_m": .real(6), "lighting": .integer(0), "trees": .integer(0),
            ]),
        RefusedRow(
            label: "an empty household head name", table: "households",
            row: ["id": .text("hh"), "hamlet_id": .text("h"), "head_name": .text("")]),
        RefusedRow(
            label: "a blank household head name", table: "households",
            row: ["id": .text("hh"), "hamlet_id": .text("h"), "head_name": .text("   ")]),
        RefusedRow(
            label: "an empty hamlet id", table: "households",
            row: ["id": .text("hh"), "hamlet_id": .text(""), "head_name": .text("An")]),
        RefusedRow(
            label: "a donation with neither household nor donor", table: "land_donations",
            row: ["id": .text("d"), "hamlet_id": .text("h"), "area_m2": .real(42.5), "status": .text("pledged")]),
        RefusedRow(
            label: "a money contribution with a fraction of a dong", table: "contributions",
            row: [
                "id": .text("m"), "hamlet_id": .text("h"), "donor_name": .text("An"), "kind": .text("money"),
                "amount": .real(1_500.5),
            ]),
        RefusedRow(
            label: "a date before 1900", table: "cleanups",
            row: ["id": .text("c"), "hamlet_id": .text("h"), "date": .text("1899-12-31"), "status": .text("done")]),
    ])
    func theDatabaseRefusesEveryRowTheValidationRefuses(_ refused: RefusedRow) throws {
        // `createTableSQL` promises CHECK constraints "that mirror the validation so that even
        // raw SQL writes stay valid". A row SQLite takes but the hub refuses is captured,
        // pushed and rejected, and sits on the replica as a rejected change.
        let table = try ReplicatedSchema.table(refused.table)
        let refusal = #expect(throws: SyncError.self) { try table.completeRow(refused.row) }
        #expect(refusal?.kind == .invalidInput, "\(refusal?.message ?? "no error")")
        let queue = try Self.database()
        let error = Self.failure(
            queue,
            "INSERT INTO \"\(table.name)\" (\(table.columnNames.map { "\"\($0)\"" }.joined(separator: ", "))) "
                + "VALUES (\(table.columnNames.map { _ in "?" }.joined(separator: ", ")))",
            StatementArguments(table.columnNames.map { refused.row[$0] ?? .null }))
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
    }

    // MARK: Text

    @Test func vietnameseNamesAreStoredByteForByte() throws {
        let queue = try Self.database()
        let names = ["Nguy\u{1EC5}n V\u{103}n An", "Nguye\u{302}\u{303}n Va\u{306}n An"]
        for (index, name) in names.enumerated() {
            #expect(
                Self.failure(
                    queue, "INSERT INTO households (id, hamlet_id, head_name) VALUES (?, 'h', ?)",
                    ["hh-\(index)", name])
                    == nil)
        }
        let stored = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT head_name FROM households ORDER BY id").map { row in
                try #require(SyncValue.fromDatabaseValue(row[0] as DatabaseValue))
            }
        }
        #expect(stored.map { $0.text.map { Array($0.utf8) } } == names.map { Array($0.utf8) })
        #expect(stored[0] != stored[1])
    }

    // MARK: Default id

    @Test func aRowInsertedWithoutAnIDGetsAUUIDv7() throws {
        let queue = try Self.database()
        let before = SystemWallClock().nowMilliseconds()
        try queue.write { db in
            for _ in 0..<50 {
                try db.execute(sql: "INSERT INTO households (hamlet_id, head_name) VALUES ('h', 'Trần Thị Bình')")
            }
        }
        let after = SystemWallClock().nowMilliseconds()
        let ids = try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM households") }
        #expect(ids.count == 50)
        #expect(Set(ids).count == 50)
        for id in ids {
            #expect(
                id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(id)"
            )
            #expect(UUIDv7Generator.isWellFormed(id))
            // The first 48 bits are the insert time in milliseconds.
            let hexTime = id.replacingOccurrences(of: "-", with: "").prefix(12)
            let milliseconds = try #require(Int64(hexTime, radix: 16))
            #expect((before - 5...after + 5).contains(milliseconds), "\(id)")
        }
    }

    @Test func theSQLDefaultIDHasTheSameShapeAsTheSwiftGenerator() throws {
        let queue = try Self.database()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO criteria (number, name) VALUES (17, 'Môi trường')")
        }
        let sqlID = try #require(try queue.read { db in try String.fetchOne(db, sql: "SELECT id FROM criteria") })
        let swiftID = UUIDv7Generator(clock: SystemWallClock()).makeID()
        func shape(_ id: String) -> [Int] { id.split(separator: "-").map(\.count) }
        #expect(shape(sqlID) == [8, 4, 4, 4, 12])
        #expect(shape(sqlID) == shape(swiftID))
        #expect(sqlID == sqlID.lowercased())
        // Both start with the time, so ids made a moment apart sort by creation.
        func milliseconds(_ id: String) -> Int64? {
            Int64(id.replacingOccurrences(of: "-", with: "").prefix(12), radix: 16)
        }
        let sqlTime = try #require(milliseconds(sqlID))
        let swiftTime = try #require(milliseconds(swiftID))
        #expect(sqlTime <= swiftTime)
        #expect(swiftTime - sqlTime < 5_000)
    }
}
