import GRDB

/// One row of the replica's outbox, as the capture triggers wrote it.
struct OutboxEntry: Sendable {
    var seq: Int64
    var table: String
    var rowID: String
    var operation: ChangeOperation
    var new: SyncRow
    var old: SyncRow
    var baseVersions: [String: Int64]
    var hlc: HLCTimestamp
    var createdAt: Int64

    static let columns = "seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at"

    init(row: Row) throws {
        func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
            let text: String? = row[column]
            return try text.map { text throws(SyncError) in try JSONText.decode(T.self, from: text) }
        }
        seq = row["seq"]
        table = row["tbl"]
        rowID = row["row_id"]
        guard let operation = ChangeOperation(rawValue: row["op"]) else {
            throw SyncError.storage("outbox entry \(seq) has an unknown operation")
        }
        self.operation = operation
        new = try json("new_values", as: SyncRow.self) ?? [:]
        old = try json("old_values", as: SyncRow.self) ?? [:]
        baseVersions = try json("base_versions", as: [String: Int64].self) ?? [:]
        hlc = HLCTimestamp(rawValue: row["hlc"])
        createdAt = row["created_at"]
    }

    /// The fields an update changed.
    var changedColumns: [String] {
        new.keys.filter { new[$0] != old[$0] }.sorted()
    }

    /// The change to push.
    var change: Change {
        switch operation {
        case .insert:
            return Change(
                seq: seq, table: table, rowID: rowID, operation: .insert, values: new, hlc: hlc, createdAt: createdAt)
        case .update:
            let changed = changedColumns
            return Change(
                seq: seq, table: table, rowID: rowID, operation: .update,
                values: new.filter { changed.contains($0.key) }, previous: old.filter { changed.contains($0.key) },
                baseVersions: baseVersions.filter { changed.contains($0.key) }, hlc: hlc, createdAt: createdAt)
        case .delete:
            return Change(
                seq: seq, table: table, rowID: rowID, operation: .delete, values: [:], previous: old,
                baseVersions: baseVersions, hlc: hlc, createdAt: createdAt)
        }
    }

    /// Lays this change over `row` (nil: no row).
    func apply(to row: SyncRow?) -> SyncRow? {
        switch operation {
        case .insert: return new
        case .delete: return nil
        case .update:
            guard var row else { return nil }
            for column in changedColumns { row[column] = new[column] }
            return row
        }
    }
}
