import Foundation
import GRDB
import HubPostgres
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Testing

@testable import SyncCore

/// Issue 16: the hub's statements mean the same on both stores. Each test runs on a SQLite
/// file and, when a PostgreSQL server is given (`NTM_TEST_POSTGRES`, which `.ci/run` sets
/// with `scripts/postgres start`), on a schema of its own there.
@Suite(.serialized) struct HubSQLContractTests {
    static var engines: [SQLDialect] { TestPostgres.engines }

    @Test func postgresIsThereWhenRequired() {
        if ProcessInfo.processInfo.environment["NTM_REQUIRE_POSTGRES"] == "1" {
            #expect(TestPostgres.url != nil, "NTM_TEST_POSTGRES is not set: start one with scripts/postgres start")
        }
    }

    @Test(arguments: engines) func valuesComeBackByteForByte(_ engine: SQLDialect) async throws {
        let texts = [
            "Nguyễn Văn An", "", "Xóm Đông — ngõ 3, 'cũ' và \"mới\" ?", String(repeating: "đ", count: 3_000),
            "e\u{301} (decomposed) and é (composed)",
        ]
        let rows = try await TestEngine.run(engine) { sql in
            for (index, text) in texts.enumerated() {
                try sql.execute(
                    "INSERT INTO t (id, n, r, s, b) VALUES (\("row-\(index)"), \(index == 0 ? .max : .min + Int64(index)), \(index == 1 ? -0.5 : 1e300 / Double(index + 1)), \(text), \(SQLValue.blob(index == 2 ? [] : [0, 255, 63, UInt8(index)])))"
                )
            }
            try sql.execute("INSERT INTO t (id) VALUES (\("nulls"))")
            return try sql.fetchAll("SELECT id, n, r, s, b FROM t ORDER BY id")
        }
        #expect(rows.count == texts.count + 1)
        #expect(try rows[0].text("id") == "nulls")
        #expect(rows[0]["n"] == .null && rows[0]["s"] == .null && rows[0]["b"] == .null && rows[0]["r"] == .null)
        for (index, text) in texts.enumerated() {
            let row = rows[index + 1]
            #expect(try row.text("s") == text)
            #expect(Array(try row.text("s").utf8) == Array(text.utf8), "stored byte for byte")
            #expect(try row.int64("n") == (index == 0 ? .max : .min + Int64(index)))
            #expect(row["r"] == .real(index == 1 ? -0.5 : 1e300 / Double(index + 1)))
            #expect(row["b"] == .blob(index == 2 ? [] : [0, 255, 63, UInt8(index)]))
        }
    }

    /// Many rows in one statement (PostgreSQL: each column one array bound as text) come
    /// back exactly as one statement per row would leave them: quotes, backslashes, braces,
    /// commas, the word NULL and NULL itself, numbers at their limits.
    @Test(arguments: engines) func manyRowsInOneStatementComeBackByteForByte(_ engine: SQLDialect) async throws {
        let texts = [
            #"say "hi", {not} an \ array"#, "NULL", "", "Xóm Đông, ngõ 3\nhàng 2", "{}", #"\"#, "a,b", " spaced ",
        ]
        let rows: [[SQLValue]] =
            texts.enumerated().map { index, text in
                [
                    .text("row-\(index)"), index == 1 ? .null : .integer(index == 0 ? .max : Int64(index)),
                    index == 2 ? .null : .real(index == 3 ? 1e-5 : 0.1 * Double(index)), .text(text),
                ]
            } + [[.text("row-nulls"), .null, .null, .null]]
        let insert = "INSERT INTO t (id, n, r, s) VALUES (?, ?, ?, ?)"
        let stored = try await TestEngine.run(engine) { sql in
            try sql.executeMany(text: insert, rows: rows)
            // Again as an upsert: every row names an existing id.
            try sql.executeMany(
                text: insert + " ON CONFLICT (id) DO UPDATE SET s = t.s || '!'",
                rows: rows.map { [$0[0], $0[1], $0[2], .text("x")] })
            return try sql.fetchAll("SELECT id, n, r, s FROM t ORDER BY id")
        }
        let expected = rows.sorted { "\($0[0])" < "\($1[0])" }
        #expect(stored.count == expected.count)
        for (row, values) in zip(stored, expected) {
            #expect(row.values[0...2] == values[0...2], "\(row.values) against \(values)")
            if case .text(let text) = values[3] {
                #expect(Array(try row.text("s").utf8) == Array((text + "!").utf8), "stored byte for byte")
            } else {
                #expect(row["s"] == .null)
            }
        }
    }

    @Test(arguments: engines) func aQuestionMarkInQuotesIsNotAPlaceholder(_ engine: SQLDialect) async throws {
        let row = try await TestEngine.run(engine) { sql in
            try sql.execute("INSERT INTO t (id, n, s) VALUES ('a', 7, \("là ?"))")
            return try sql.fetchOne("SELECT '?' AS quoted, \"n\" AS named, s FROM t WHERE s = \("là ?")")
        }
        #expect(try row?.text("quoted") == "?")
        #expect(try row?.int64("named") == 7)
        #expect(try row?.text("s") == "là ?")
    }

    @Test(arguments: engines) func aRefusedValueIsAConstraintAndLeavesTheRestOfTheTransaction(
        _ engine: SQLDialect
    ) async throws {
        let (refusals, ids) = try await TestEngine.run(engine) { sql in
            try sql.execute("INSERT INTO t (id, n) VALUES ('kept', 1)")
            var refusals: [SQLRefusal?] = []
            for statement in [
                "INSERT INTO t (id, n) VALUES ('negative', -1)", "INSERT INTO t (id, n) VALUES ('kept', 2)",
            ] {
                do {
                    try sql.inSavepoint { try sql.execute(SQL(raw: statement)) }
                    refusals.append(nil)
                } catch {
                    refusals.append(sql.refusal(error))
                }
            }
            // A savepoint whose body throws leaves nothing of what it wrote.
            struct Stop: Error {}
            _ = try? sql.inSavepoint {
                try sql.execute("INSERT INTO t (id, n) VALUES ('undone', 3)")
                throw Stop()
            }
            try sql.execute("INSERT INTO t (id, n) VALUES ('after', 4)")
            return (refusals, try sql.fetchTexts("SELECT id FROM t ORDER BY id"))
        }
        #expect(refusals.count == 2)
        for refusal in refusals {
            guard case .constraint = refusal else {
                Issue.record("expected a constraint refusal, got \(String(describing: refusal))")
                continue
            }
        }
        #expect(ids == ["after", "kept"])
    }

    @Test(arguments: engines) func aMissingOrExtraArgumentIsAnErrorNotACrash(_ engine: SQLDialect) async throws {
        let missing = await #expect(throws: (any Error).self) {
            try await TestEngine.run(engine) { sql in
                try sql.execute(text: "INSERT INTO t (id, n) VALUES (?, ?)", arguments: [.text("x")])
            }
        }
        let extra = await #expect(throws: (any Error).self) {
            try await TestEngine.run(engine) { sql in try sql.execute(text: "SELECT 1", arguments: [.text("x")]) }
        }
        // Each engine says it in its own type, with the same words.
        #expect(String(describing: missing).contains("1 arguments for 2 parameters"), "\(String(describing: missing))")
        #expect(String(describing: extra).contains("1 arguments for 0 parameters"), "\(String(describing: extra))")
    }
}

/// The PostgreSQL server of the tests, if any.
/// One transaction on a fresh store of either kind, with the table `t` the contract uses.
enum TestEngine {
    static func run<T: Sendable>(
        _ engine: SQLDialect, _ body: @escaping @Sendable (any SQLTransaction) throws -> T
    )
        async throws -> T
    {
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hubsql-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let queue = try DatabaseQueue(path: folder.appendingPathComponent("t.sqlite").path)
            return try await queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL, n INTEGER CHECK (n >= 0 OR n < -1000),
                          r REAL, s TEXT, b BLOB)
                        """)
                return try body(SQLiteTransaction(db))
            }
        case .postgres:
            guard let url = TestPostgres.url else { throw SyncError.unavailable("no PostgreSQL server for the tests") }
            // The store's own transactions (`PostgresConnections`), on a schema of the test's.
            let connections = PostgresConnections(
                location: try PostgresLocation(url: url), limit: 1, logger: Logger(label: "ntm.tests.postgres"))
            let schema = "test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
            let outcome: Result<T, any Error>
            do {
                try await connections.transaction(schema: nil) { sql in
                    try sql.execute("CREATE SCHEMA \(raw: schema)")
                    try sql.execute(
                        """
                        CREATE TABLE \(raw: schema).t (id TEXT PRIMARY KEY NOT NULL, n BIGINT CHECK (n >= 0 OR n < -1000),
                          r DOUBLE PRECISION, s TEXT, b BYTEA)
                        """)
                }
                outcome = .success(try await connections.transaction(schema: schema, body))
            } catch {
                outcome = .failure(error)
            }
            try? await connections.transaction(schema: nil) { sql in
                try sql.execute("DROP SCHEMA \(raw: schema) CASCADE")
            }
            try await connections.close()
            return try outcome.get()
        }
    }
}
