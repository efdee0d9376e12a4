import Foundation
import GRDB

/// Issue 16: the hub's SQL, spoken to either store. The merge, its plans and the one writer
/// (`HubTransaction`) run the same statements on a SQLite file and on a PostgreSQL schema;
/// each store gives a `HubSQL` for the length of one transaction.
///
/// Statements are written once, in the SQL both engines read: `?` placeholders (the
/// PostgreSQL side numbers them), `INSERT … ON CONFLICT`, `RETURNING`, double-quoted
/// names. Where the two differ, `dialect` tells.
package protocol HubSQL {
    /// Which engine runs the statements.
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs a query and returns every row.
    func fetchAll(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Runs `body` in a savepoint: rolled back, and the error rethrown, when it throws.
    func inSavepoint<T>(_ body: () throws -> T) throws -> T
    /// What a failed statement means to the hub: a value the store's constraints refused,
    /// a full disk, or nil for anything else.
    func refusal(_ error: any Error) -> SQLRefusal?
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

extension HubSQL {
    /// The first row of a query, if any.
    package func fetchOne(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLRow? {
        try fetchAll(sql, arguments).first
    }

    /// The first column of the first row: nil when there is no row or it is NULL.
    package func fetchInt64(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64? {
        guard let value = try fetchOne(sql, arguments)?.first else { return nil }
        switch value {
        case .null: return nil
        case .integer(let number): return number
        default: throw SyncError.storage("the hub's store answered \(value) where a number was expected: \(sql)")
        }
    }

    /// The first column of the first row as text: nil when there is no row or it is NULL.
    package func fetchText(_ sql: String, _ arguments: [SQLValue] = []) throws -> String? {
        guard let value = try fetchOne(sql, arguments)?.first else { return nil }
        switch value {
        case .null: return nil
        case .text(let text): return text
        default: throw SyncError.storage("the hub's store answered \(value) where text was expected: \(sql)")
        }
    }

    /// The first column of every row, as text.
    package func fetchTexts(_ sql: String, _ arguments: [SQLValue] = []) throws -> [String] {
        try fetchAll(sql, arguments).map { row in
            guard case .text(let text) = row.first else {
                throw SyncError.storage("the hub's store answered \(row.first) where text was expected: \(sql)")
            }
            return text
        }
    }

    /// Whether the query returns a row.
    package func exists(_ sql: String, _ arguments: [SQLValue] = []) throws -> Bool {
        try fetchOne(sql, arguments) != nil
    }
}

/// The SQLite store's statements: GRDB's connection, with its per-connection statement cache.
package struct SQLiteHubSQL: HubSQL {
    let db: Database

    package init(_ db: Database) { self.db = db }

    package var dialect: SQLDialect { .sqlite }

    package func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try db.execute(cached: sql, arguments: Self.arguments(arguments))
    }

    package func fetchAll(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let columns = statement.columnNames
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        var rows: [SQLRow] = []
        while let row = try cursor.next() {
            rows.append(SQLRow(columns: columns, values: (0..<row.count).map { Self.value(row[$0] as DatabaseValue) }))
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
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: return .constraint(error.message ?? "refused by the hub's constraints")
        case .SQLITE_FULL: return .full
        default: return nil
        }
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map(databaseValue))
    }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .blob([UInt8](data))
        }
    }
}
