import GRDB
import GRDBSQLite

/// One open transaction of a hub's database, on either engine: the statements `Hub` and
/// its merge (`HubTransaction`) run. A `HubDriver` gives one for the length of a
/// transaction: `SQLiteTransaction` on a SQLite file, `PostgresTransaction` on a commune's
/// schema.
///
/// Statements are written once, in the SQL both engines read: `?` placeholders (the
/// PostgreSQL side numbers them), `INSERT … ON CONFLICT`, `RETURNING`, double-quoted
/// names. Where the two differ, `dialect` tells.
package protocol SQLTransaction {
    /// Which engine runs the statements.
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows (the engine's primitive: callers write `SQL`).
    func execute(text: String, arguments: [SQLValue]) throws
    /// Runs one statement that returns no rows once for each argument list, in order: as
    /// one statement where the engine can (PostgreSQL: one `INSERT` of many rows), else
    /// as a tight loop of the one prepared statement.
    func executeMany(text: String, rows: [[SQLValue]]) throws
    /// Runs a query and returns every row.
    func fetchAll(text: String, arguments: [SQLValue]) throws -> [SQLRow]
    /// Runs `body` in a savepoint: rolled back, and the error rethrown, when it throws.
    func inSavepoint<T>(_ body: () throws -> T) throws -> T
    /// What a failed statement means to the hub: a value the store's constraints refused,
    /// a full disk, or nil for anything else.
    func refusal(_ error: any Error) -> SQLRefusal?
    /// Whether other pages of the commune may be merging alongside this transaction: it
    /// then locks each row it reads for its merge, and takes the log's positions only
    /// at its end (`HubTransaction.takePositions`). False for a writer that has the
    /// commune to itself (SQLite's one writer, a PostgreSQL write under the commune's lock).
    var writesAlongsideOthers: Bool { get }
    /// Told, by a page merging alongside others, how far the log's head moved while it
    /// merged (by the pages that committed meanwhile): for the store's tally.
    func positionsTaken(shift: Int64)
}

/// A page merging alongside others met what needs the commune to itself (a hamlet written,
/// a stamp clamped to the hub's clock): nothing of it is kept, and the store runs it again
/// with the commune's lock.
package struct NeedsTheCommune: Error {
    package let reason: String
}

/// The engines the hub runs on.
package enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// A failure the hub turns into a clear answer rather than a server error.
package enum SQLRefusal: Sendable, Equatable {
    /// A CHECK, NOT NULL or unique constraint refused a value: the statement did nothing.
    case constraint(String)
    /// The store has no room left.
    case full
    /// The store was busy (a lock held too long, a statement too slow): nothing was
    /// written, and the same request may succeed in a moment.
    case busy
}

/// A value bound to, or read from, a statement: the storage classes both engines share.
package enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLValue {
    package init(_ value: SyncValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .real(let number): self = .real(number)
        case .text(let text): self = .text(text)
        }
    }

    package init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    package init(_ number: Int64?) { self = number.map { .integer($0) } ?? .null }
    package init(_ number: Int) { self = .integer(Int64(number)) }
    package init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }

    /// The value as a row field; nil for a blob, which the replicated tables never hold.
    package var syncValue: SyncValue? {
        switch self {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .real(number)
        case .text(let text): .text(text)
        case .blob: nil
        }
    }
}

/// One row of a result, its values by column.
package struct SQLRow: Sendable {
    /// The column names, in the statement's order.
    package let columns: [String]
    /// The values, one per column.
    package let values: [SQLValue]

    package init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of column `name`; `.null` when the row has no such column.
    package subscript(_ name: String) -> SQLValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    /// The value of the first column (an aggregate, a single-column query).
    package var first: SQLValue { values.first ?? .null }

    private func mismatch(_ name: String, _ expected: String) -> SyncError {
        .storage("column \(name) of the hub's store holds \(self[name]), not \(expected)")
    }

    /// An integer column; refuses anything else.
    package func int64(_ name: String) throws(SyncError) -> Int64 {
        guard case .integer(let number) = self[name] else { throw mismatch(name, "an integer") }
        return number
    }

    /// An integer column that may be NULL.
    package func optionalInt64(_ name: String) throws(SyncError) -> Int64? {
        if case .null = self[name] { return nil }
        return try int64(name)
    }

    /// A text column; refuses anything else.
    package func text(_ name: String) throws(SyncError) -> String {
        guard case .text(let text) = self[name] else { throw mismatch(name, "text") }
        return text
    }

    /// A text column that may be NULL.
    package func optionalText(_ name: String) throws(SyncError) -> String? {
        if case .null = self[name] { return nil }
        return try text(name)
    }

    /// A 0/1 column.
    package func bool(_ name: String) throws(SyncError) -> Bool {
        try int64(name) != 0
    }

    /// The row's fields as a replicated row (blobs, which those tables never hold, skipped).
    package var syncRow: SyncRow {
        var row = SyncRow(minimumCapacity: columns.count)
        for (column, value) in zip(columns, values) {
            if let value = value.syncValue { row[column] = value }
        }
        return row
    }
}

extension SQLTransaction {
    package var writesAlongsideOthers: Bool { false }

    package func positionsTaken(shift: Int64) {}

    package func executeMany(text: String, rows: [[SQLValue]]) throws {
        for arguments in rows { try execute(text: text, arguments: arguments) }
    }

    /// Runs a statement that returns no rows.
    package func execute(_ statement: SQL) throws {
        try execute(text: statement.text, arguments: statement.arguments)
    }

    /// Runs a query and returns every row.
    package func fetchAll(_ statement: SQL) throws -> [SQLRow] {
        try fetchAll(text: statement.text, arguments: statement.arguments)
    }

    /// The first row of a query, if any.
    package func fetchOne(_ statement: SQL) throws -> SQLRow? {
        try fetchAll(statement).first
    }

    /// The first column of the first row: nil when there is no row or it is NULL.
    package func fetchInt64(_ statement: SQL) throws -> Int64? {
        guard let value = try fetchOne(statement)?.first else { return nil }
        switch value {
        case .null: return nil
        case .integer(let number): return number
        default:
            throw SyncError.storage("the hub's store answered \(value) where a number was expected: \(statement.text)")
        }
    }

    /// The first column of the first row as text: nil when there is no row or it is NULL.
    package func fetchText(_ statement: SQL) throws -> String? {
        guard let value = try fetchOne(statement)?.first else { return nil }
        switch value {
        case .null: return nil
        case .text(let text): return text
        default: throw SyncError.storage("the hub's store answered \(value) where text was expected: \(statement.text)")
        }
    }

    /// The first column of every row, as text.
    package func fetchTexts(_ statement: SQL) throws -> [String] {
        try fetchAll(statement).map { row in
            guard case .text(let text) = row.first else {
                throw SyncError.storage(
                    "the hub's store answered \(row.first) where text was expected: \(statement.text)")
            }
            return text
        }
    }

    /// Whether the query returns a row.
    package func exists(_ statement: SQL) throws -> Bool {
        try fetchOne(statement) != nil
    }
}

/// The SQLite store's statements: GRDB's cached statements (one compilation per connection),
/// bound and stepped through SQLite's C API. Binding through GRDB's `StatementArguments`
/// from a value array went through generic code GRDB does not export for specialisation
/// (metadata lookups, dynamic casts): a fifth of a push's time.
package struct SQLiteTransaction: SQLTransaction {
    let db: Database

    package init(_ db: Database) { self.db = db }

    package var dialect: SQLDialect { .sqlite }

    package func execute(text sql: String, arguments: [SQLValue]) throws {
        try run(sql, arguments) { _ in }
    }

    /// One prepared statement, bound and stepped for each argument list.
    package func executeMany(text sql: String, rows: [[SQLValue]]) throws {
        let statement = try db.cachedStatement(sql: sql)
        try withExtendedLifetime(statement) {
            for arguments in rows { try step(statement.sqliteStatement, sql, arguments) { _ in } }
        }
    }

    package func fetchAll(text sql: String, arguments: [SQLValue]) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        var columns: [String]?
        try run(sql, arguments) { handle in
            let count = sqlite3_column_count(handle)
            let names =
                columns
                ?? (0..<count).map { index in
                    sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
                }
            columns = names
            rows.append(SQLRow(columns: names, values: (0..<count).map { Self.column(handle, $0) }))
        }
        return rows
    }

    package func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        guard let result else { throw SyncError.storage("a savepoint ended without its result") }
        return result
    }

    package func refusal(_ error: any Error) -> SQLRefusal? {
        Self.refusal(error)
    }

    /// What a SQLite failure means to the hub.
    package static func refusal(_ error: any Error) -> SQLRefusal? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: return .constraint(error.message ?? "refused by the hub's constraints")
        case .SQLITE_FULL: return .full
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        default: return nil
        }
    }

    /// Binds `arguments` to the cached statement of `sql`, steps it to the end, and hands
    /// each row to `row`. A failure is GRDB's `DatabaseError`, as GRDB would have thrown it.
    private func run(_ sql: String, _ arguments: [SQLValue], row: (OpaquePointer) throws -> Void) throws {
        // GRDB's cache keeps the statement; held here too while its handle is in use.
        let statement = try db.cachedStatement(sql: sql)
        try withExtendedLifetime(statement) { try step(statement.sqliteStatement, sql, arguments, row: row) }
    }

    private func step(
        _ handle: OpaquePointer, _ sql: String, _ arguments: [SQLValue], row: (OpaquePointer) throws -> Void
    ) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        defer { sqlite3_reset(handle) }
        guard Int(sqlite3_bind_parameter_count(handle)) == arguments.count else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "\(arguments.count) arguments for \(sqlite3_bind_parameter_count(handle)) parameters", sql: sql
            )
        }
        for (offset, value) in arguments.enumerated() {
            let code = Self.bind(value, to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw failure(code, handle, sql) }
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code, handle, sql) }
            try row(handle)
        }
    }

    private func failure(_ code: Int32, _ handle: OpaquePointer, _ sql: String) -> DatabaseError {
        let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// SQLite copies what it is given (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: SQLValue, to handle: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(var text):
            // Byte for byte, NULs included; "" is text, not NULL (a nil pointer would bind NULL).
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, transient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(handle, index, $0, sqlite3_uint64(bytes.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, !raw.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(raw.count), transient)
            }
        }
    }

    private static func column(_ handle: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // The text first, then its size (SQLite's order).
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}
