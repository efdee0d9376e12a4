/// The hub's bookkeeping for one row: its hamlet, whether it is deleted, and per field
/// who set it at which version.
struct RowMeta: Sendable, Hashable, Codable {
    /// The row's hamlet (nil for commune rows).
    var hamletID: String?
    /// Whether the row is deleted (a tombstone).
    var deleted: Bool
    /// Per field, the stamp of the change that last set it.
    var fields: [String: FieldStamp]
    /// For a deleted row, its last values.
    var tombstone: SyncRow?

    /// The stamp of `column`, or the zero stamp for a field never set.
    func stamp(_ column: String) -> FieldStamp {
        fields[column] ?? FieldStamp(version: 0, hlc: .zero, replicaID: "", author: "")
    }
}

/// Who sent a change to the hub.
struct ChangeAuthor: Sendable, Hashable {
    /// The sending replica (`hub` for changes the hub makes itself).
    var replicaID: String
    /// The principal's label.
    var name: String
    /// The sequence number of the change being merged, within its replica (nil for the hub's own).
    var originSeq: Int64? = nil
}
