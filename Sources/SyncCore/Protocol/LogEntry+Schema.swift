/// What a replica at an earlier schema version receives (DESIGN.md §5, evolving schema):
/// only the tables and columns its version knows. A hub serves such replicas for as long
/// as they need.
extension LogEntry {
    /// The entry as a replica at schema version `schema` sees it; nil when nothing of it
    /// concerns that replica (an edit of columns it does not know, a conflict on one).
    /// With `addedAfter`, only the values of columns added after that version (what an
    /// upgraded replica fetches again; see `PullRequest.addedAfterSchema`).
    package func projected(to schema: SchemaView, addedAfter: Int? = nil) -> LogEntry? {
        if addedAfter == nil, schema.version == ReplicatedSchema.version { return self }
        guard let table = try? schema.table(self.table) else { return nil }
        // A table the replica's earlier version did not have at all comes whole.
        if let addedAfter, table.since > addedAfter { return projected(to: schema) }
        func keeps(_ column: String) -> Bool {
            guard let spec = table.column(column) else { return column == TableSpec.idColumn && addedAfter == nil }
            return addedAfter.map { spec.since > $0 } ?? true
        }
        var entry = self
        switch kind {
        case .upsert:
            let values = (self.values ?? [:]).filter { keeps($0.key) }
            guard values.contains(where: { $0.key != TableSpec.idColumn }) else { return nil }
            entry.values = values
        case .delete:
            guard addedAfter == nil else { return nil }
        case .conflict:
            guard addedAfter == nil, var record = conflict else { return nil }
            if let column = record.column, table.column(column) == nil { return nil }
            let (base, hub, incoming) = (record.base?.row, record.hub.row, record.incoming.row)
            record.base?.row = base?.filter { keeps($0.key) }
            record.hub.row = hub?.filter { keeps($0.key) }
            record.incoming.row = incoming?.filter { keeps($0.key) }
            entry.conflict = record
        }
        return entry
    }
}
