import Foundation
import Logging
import NIOCore
import PostgresNIO
import SyncCore
import Synchronization

/// The hub's statements (`SQLTransaction`) on one PostgreSQL connection, for the length
/// of one transaction. PostgresNIO answers with futures; the hub's merge is synchronous code
/// shared with the SQLite store, so each statement waits for its answer. Call it only from
/// a thread that may block (a `NIOThreadPool` thread), never from an event loop or from
/// Swift concurrency's pool.
package final class PostgresTransaction: SQLTransaction {
    let connection: PostgresConnection
    let logger: Logger
    private var savepoints = 0

    package init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    package var dialect: SQLDialect { .postgres }

    /// Set for a push's transaction under the commune's shared lock (`PostgresHubDriver.pushWrite`).
    package var writesAlongsideOthers = false
    /// How far the log's head moved while this transaction's page merged (0: none).
    package private(set) var shift: Int64 = 0

    package func positionsTaken(shift: Int64) { self.shift = shift }

    /// Statements sent and not yet answered, oldest first.
    private var pending: [(answer: EventLoopFuture<PostgresQueryResult>, sql: String)] = []

    /// The most statements sent ahead of their answers.
    static let maxPending = 256

    /// Sends the statement without waiting for its answer: the connection runs statements in
    /// the order sent, so the writes of a merge go one after another without a round trip
    /// each. Whatever fails is thrown by the next statement that reads, the end of a
    /// savepoint, or the commit: always inside the transaction that sent it, and always the
    /// first failure (the ones after it only say the transaction was aborted).
    package func execute(text sql: String, arguments: [SQLValue]) throws {
        let query = try Self.query(sql, arguments)
        pending.append((connection.query(query, logger: logger), sql))
        if pending.count >= Self.maxPending { try flush() }
    }

    /// An `INSERT INTO t (columns) VALUES (?, …) …` of many argument lists goes as one
    /// statement: each column's values as one array bound as text (`unnest`), typed as the
    /// table has the column, so a page's rows cost one statement and one small parse. Any
    /// other statement is sent once per argument list.
    package func executeMany(text sql: String, rows: [[SQLValue]]) throws {
        guard rows.count > 1, let insert = Self.insertShape(sql),
            rows.allSatisfy({ $0.count == insert.columns.count }),
            let types = try columnTypes(insert.table), let text = Self.unnestSQL(insert, types: types)
        else {
            for arguments in rows { try execute(text: sql, arguments: arguments) }
            return
        }
        var arrays: [SQLValue] = []
        arrays.reserveCapacity(insert.columns.count)
        for (index, column) in insert.columns.enumerated() {
            let whole = ["bigint", "integer"].contains(types[column] ?? "")
            guard let array = Self.arrayLiteral(rows.lazy.map { $0[index] }, whole: whole) else {
                for arguments in rows { try execute(text: sql, arguments: arguments) }
                return
            }
            arrays.append(.text(array))
        }
        try execute(text: text, arguments: arrays)
    }

    /// An `INSERT` of one row of placeholders: its table, columns, and what follows `VALUES (…)`.
    struct InsertShape {
        var table: String
        var columns: [String]
        var tail: Substring
    }

    static func insertShape(_ sql: String) -> InsertShape? {
        guard sql.hasPrefix("INSERT INTO "), let open = sql.firstIndex(of: "("),
            let values = sql.range(of: "VALUES ("), open < values.lowerBound,
            let close = sql[values.upperBound...].firstIndex(of: ")"),
            let listEnd = sql[open..<values.lowerBound].lastIndex(of: ")")
        else { return nil }
        func unquote(_ name: Substring) -> String {
            String(name.trimmingCharacters(in: .whitespacesAndNewlines).filter { $0 != "\"" })
        }
        let table = unquote(sql[sql.index(sql.startIndex, offsetBy: 12)..<open])
        let columns = sql[sql.index(after: open)..<listEnd].split(separator: ",").map(unquote)
        let group = sql[values.upperBound..<close]
        func isName(_ name: String) -> Bool {
            !name.isEmpty
                && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
        guard isName(table), columns.allSatisfy(isName), group.split(separator: ",").count == columns.count,
            group.allSatisfy({ $0 == "?" || $0 == "," || $0 == " " || $0 == "\n" })
        else { return nil }
        return InsertShape(table: table, columns: columns, tail: sql[sql.index(after: close)...])
    }

    /// The types an array of values bound as text is cast to.
    static let arrayTypes: Set<String> = ["text", "bigint", "integer", "double precision"]

    /// `INSERT INTO t (columns) SELECT * FROM unnest(?::type[], …) AS v …`; nil when a
    /// column's type is not one of `arrayTypes`.
    static func unnestSQL(_ insert: InsertShape, types: [String: String]) -> String? {
        var casts: [String] = []
        for column in insert.columns {
            guard let type = types[column], arrayTypes.contains(type) else { return nil }
            casts.append("?::\(type)[]")
        }
        let names = insert.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return
            "INSERT INTO \"\(insert.table)\" (\(names)) SELECT * FROM unnest(\(casts.joined(separator: ", "))) AS v\(insert.tail)"
    }

    /// The column types of `table` in the transaction's schema, read once per process (every
    /// commune's tables are declared alike at one schema version); nil when there is none.
    private func columnTypes(_ table: String) throws -> [String: String]? {
        if let known = Self.knownTypes.withLock({ $0[table] }) { return known }
        let rows = try fetchAll(
            """
            SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
            WHERE attrelid = to_regclass(\("\"\(table)\"")) AND attnum > 0 AND NOT attisdropped
            """)
        guard !rows.isEmpty else { return nil }
        var types: [String: String] = [:]
        for row in rows { types[try row.text("attname")] = try row.text("type") }
        Self.knownTypes.withLock { $0[table] = types }
        return types
    }

    private static let knownTypes = Mutex<[String: [String: String]]>([:])

    /// The values as a PostgreSQL array literal (`{"a",NULL,12,1.5}`); nil for a blob, or a
    /// fraction where the column is `whole` (left to the statement row by row, as written).
    static func arrayLiteral<S: Sequence<SQLValue>>(_ values: S, whole: Bool = false) -> String? {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(4_096)
        var first = true
        for value in values {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            switch value {
            case .null: bytes.append(contentsOf: "NULL".utf8)
            case .integer(let number): bytes.append(contentsOf: String(number).utf8)
            case .real(let number):
                guard number.isFinite, !whole else { return nil }
                bytes.append(contentsOf: "\(number)".utf8)
            case .text(let string):
                bytes.append(UInt8(ascii: "\""))
                let utf8 = string.utf8
                if utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                    for byte in utf8 {
                        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                        bytes.append(byte)
                    }
                } else {
                    bytes.append(contentsOf: utf8)
                }
                bytes.append(UInt8(ascii: "\""))
            case .blob: return nil
            }
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits for every statement sent; throws the first failure among them.
    func flush() throws {
        let sent = pending
        pending = []
        guard let last = sent.last else { return }
        let answers = try wait(EventLoopFuture.whenAllComplete(sent.map(\.answer), on: last.answer.eventLoop))
        for (answer, (_, sql)) in zip(answers, sent) {
            if case .failure(let error) = answer { throw Self.statementError(error, sql: sql) }
        }
    }

    /// Waits for every statement sent, whatever their answers: before a rollback.
    private func drain() throws {
        let sent = pending
        pending = []
        guard let last = sent.last else { return }
        _ = try wait(EventLoopFuture.whenAllComplete(sent.map(\.answer), on: last.answer.eventLoop))
    }

    /// The longest the hub waits for an answer: past the server's own `statement_timeout`
    /// (60 s), a statement the server never answers.
    static let answerDeadline = TimeAmount.seconds(75)

    /// Waits for `answer`, but not for ever: a connection that closes under a statement (the
    /// server ended it, the network went) may leave its answer pending, and PostgresNIO does
    /// not always fail it; the connection is looked at every second, and a statement
    /// unanswered past `answerDeadline` is given up. Either way the connection is broken.
    private func wait<T: Sendable>(_ answer: EventLoopFuture<T>) throws -> T {
        let connection = self.connection
        if connection.isClosed { throw PostgresConnectionLost(reason: "the connection to the database was closed") }
        let loop = answer.eventLoop
        let bounded = loop.makePromise(of: T.self)
        answer.cascade(to: bounded)
        let deadline = NIODeadline.now() + Self.answerDeadline
        let watch = loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            if connection.isClosed {
                bounded.fail(PostgresConnectionLost(reason: "the connection to the database was closed"))
            } else if NIODeadline.now() > deadline {
                bounded.fail(PostgresConnectionLost(reason: "the database did not answer in time"))
            }
        }
        defer { watch.cancel() }
        return try bounded.futureResult.wait()
    }

    /// Begins the transaction: waits for the server's answer, so that a connection the
    /// server has closed is found out before anything of the transaction is sent. Explicit,
    /// whatever the server's default: a write sees what the writer before it committed once
    /// it holds the commune's lock (READ COMMITTED); a read is one snapshot (a pull's head
    /// and page agree).
    func begin(readOnly: Bool) throws {
        _ = try run(
            readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED", [])
    }

    /// Rolls the transaction back.
    func rollback() throws {
        try drain()
        _ = try run("ROLLBACK", [])
    }

    /// Commits, or throws when the server answered the COMMIT by rolling back (a transaction
    /// a failed statement had aborted, whose error was not seen): never a write reported
    /// done that is not.
    func commit() throws {
        let result = try run("COMMIT", [])
        guard result.metadata.command == "COMMIT" else {
            throw PostgresStatementError(
                sqlState: "25P02", message: "the transaction was rolled back at COMMIT (\(result.metadata.command))",
                sql: "COMMIT")
        }
    }

    /// Runs one statement and waits for its answer. PostgresNIO's error hides the server's
    /// words (they may quote values); the hub's keeps the SQLSTATE, the server's message
    /// and the statement, for the log and the operator.
    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        try flush()
        let query = try Self.query(sql, arguments)
        do {
            return try wait(connection.query(query, logger: logger))
        } catch {
            throw Self.statementError(error, sql: sql)
        }
    }

    static func statementError(_ error: any Error, sql: String) -> any Error {
        guard let error = error as? PSQLError else { return error }
        return PostgresStatementError(
            sqlState: error.serverInfo?[.sqlState], message: error.serverInfo?[.message] ?? "\(error.code)", sql: sql)
    }

    package func fetchAll(text sql: String, arguments: [SQLValue]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        var rows: [SQLRow] = []
        var columns: [String]?
        for row in result.rows {
            var values: [SQLValue] = []
            var names: [String] = []
            for cell in row {
                values.append(try Self.value(cell, sql: sql))
                if columns == nil { names.append(cell.columnName) }
            }
            if columns == nil { columns = names }
            rows.append(SQLRow(columns: columns ?? names, values: values))
        }
        return rows
    }

    package func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        savepoints += 1
        let name = "hub_savepoint_\(savepoints)"
        try execute(text: "SAVEPOINT \(name)", arguments: [])
        do {
            let result = try body()
            // What the body sent answers here, so its failure is the savepoint's.
            try flush()
            try execute(text: "RELEASE SAVEPOINT \(name)", arguments: [])
            return result
        } catch {
            try drain()
            try execute(text: "ROLLBACK TO SAVEPOINT \(name)", arguments: [])
            try execute(text: "RELEASE SAVEPOINT \(name)", arguments: [])
            try flush()
            throw error
        }
    }

    package func refusal(_ error: any Error) -> SQLRefusal? {
        Self.refusal(error)
    }

    /// What a PostgreSQL failure means to the hub.
    package static func refusal(_ error: any Error) -> SQLRefusal? {
        // The connection ended under the transaction: the server rolled it back, and a new
        // connection takes the same request in a moment.
        if error is PostgresConnectionLost { return .busy }
        guard let error = error as? PostgresStatementError, let state = error.sqlState else { return nil }
        // Class 23: integrity constraint violation (CHECK, NOT NULL, unique), as SQLite's
        // SQLITE_CONSTRAINT. (A duplicate log position cannot arise: positions are given
        // under the commune's row lock, which `PostgresHubDriver.write` requires.)
        if state.hasPrefix("23") { return .constraint(error.message) }
        // Class 22, data exception (text for a number, NUL in text, out of range), and
        // 42804 (a value of the wrong type): the value is refused, as SQLite's CHECKs do.
        if state.hasPrefix("22") || state == "42804" { return .constraint(error.message) }
        // 53100 disk_full; 53200 out_of_memory is not the hub's to answer as full.
        if state == "53100" { return .full }
        // Another writer held the commune past lock_timeout (55P03), a statement ran past
        // statement_timeout (57014), or the server broke a tie (40001, 40P01): try again.
        if ["55P03", "57014", "40001", "40P01"].contains(state) { return .busy }
        // The server is shutting down, restarting or recovering (57P01–57P03), or the
        // connection failed (class 08): nothing was committed; try again in a moment.
        if state.hasPrefix("57P") || state.hasPrefix("08") { return .busy }
        return nil
    }

    /// The statement with its `?` placeholders numbered as PostgreSQL writes them (`$1`, …),
    /// and its arguments bound. `?` inside quotes ('…' or "…") is left as it is.
    static func query(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQuery {
        var text = ""
        text.reserveCapacity(sql.utf8.count + arguments.count * 2)
        var quote: Character?
        var number = 0
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                text.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                text.append(character)
            } else if character == "?" {
                number += 1
                text += "$\(number)"
            } else {
                text.append(character)
            }
        }
        guard number == arguments.count else {
            throw SyncError.storage("\(arguments.count) arguments for \(number) parameters: \(sql)")
        }
        var binds = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value {
            case .null: binds.appendNull()
            case .integer(let number): binds.append(number)
            case .real(let number): binds.append(number)
            case .text(let text): binds.append(text)
            case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: binds)
    }

    /// A cell as the hub reads values: integers of every width, doubles, text, bytes; a
    /// boolean as 0 or 1 (as SQLite answers `EXISTS`).
    static func value(_ cell: PostgresCell, sql: String) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea:
            let buffer = try cell.decode(ByteBuffer.self)
            return .blob(Array(buffer.readableBytesView))
        case .text, .varchar, .name, .bpchar: return .text(try cell.decode(String.self))
        default:
            throw SyncError.storage(
                "column \(cell.columnName) has PostgreSQL type \(cell.dataType), which the hub does not read: \(sql)")
        }
    }
}

/// The connection ended, or stopped answering, under a statement: whatever the transaction
/// did is rolled back by the server (or was never sent), and the connection is not used again.
package struct PostgresConnectionLost: Error, CustomStringConvertible {
    package let reason: String
    package var description: String { reason }
}

/// A statement PostgreSQL refused or could not run.
package struct PostgresStatementError: Error, CustomStringConvertible {
    /// The SQLSTATE code (`23514` a CHECK, `40001` a serialization failure, …); nil when the
    /// server did not answer (the connection failed).
    package let sqlState: String?
    package let message: String
    package let sql: String

    package var description: String {
        "PostgreSQL \(sqlState ?? "connection"): \(message) (in: \(sql.prefix(200)))"
    }
}
