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
    /// The bytes of its stored JSON texts: about what the change takes on the wire.
    var textBytes = 0

    static let columns = "seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at"

    init(row: Row) throws {
        var textBytes = 0
        func text(_ column: String) throws -> String? {
            let text: String? = try row.checked(column)
            textBytes += text?.utf8.count ?? 0
            return text
        }
        seq = try row.checked("seq")
        table = try row.checked("tbl")
        rowID = try row.checked("row_id")
        guard let operation = ChangeOperation(rawValue: try row.checked("op")) else {
            throw SyncError.storage("outbox entry \(seq) has an unknown operation")
        }
        self.operation = operation
        // The fast readers, chosen here by type (a generic helper would fall back to Foundation's).
        new =
            try text("new_values").map { text throws(SyncError) in try JSONText.decode(SyncRow.self, from: text) }
            ?? [:]
        old =
            try text("old_values").map { text throws(SyncError) in try JSONText.decode(SyncRow.self, from: text) }
            ?? [:]
        baseVersions =
            try text("base_versions").map { text throws(SyncError) in
                try JSONText.decode([String: Int64].self, from: text)
            } ?? [:]
        hlc = HLCTimestamp(rawValue: try row.checked("hlc"))
        createdAt = try row.checked("created_at")
        self.textBytes = textBytes
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
