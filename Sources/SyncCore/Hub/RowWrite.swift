/// One change to one row as the hub writes it, decided before anything is written: the log
/// entry, the row, the fields' stamps, the audit trail and the conflicts it opens. Merges,
/// resolutions, restores and the hub's own writes all end in `RowWrite`s, and one writer
/// (`HubTransaction.write`) executes them, always in the same order: log, row, stamps,
/// audit, conflicts.
struct RowWrite: Sendable {
    /// What happens to the row and the log.
    enum Effect: Sendable {
        /// The complete row is inserted (over a row of the same id when `replacing`) and
        /// logged whole; every field takes the new version.
        case insert(SyncRow, replacing: Bool)
        /// These fields are set and logged.
        case update(SyncRow)
        /// The row (`current`, which becomes its tombstone) is deleted and the delete logged.
        case delete(current: SyncRow)
        /// Fields logged again as the hub already holds them; the row is not written.
        case relog(SyncRow)
        /// A delete logged again; the row is not written.
        case relogDelete
        /// Nothing is logged or written to the row: audit entries and conflicts only.
        case none
    }

    var table: TableSpec
    var rowID: String
    /// The row's hamlet (nil for commune rows).
    var hamletID: String?
    var effect: Effect
    /// The stamp and author of the log entry.
    var hlc: HLCTimestamp
    var author: ChangeAuthor
    /// The row's bookkeeping before the write; nil when the hub has none (a new row).
    var meta: RowMeta?
    /// Fields that take the version of this write's log entry (ignored by `insert`, which
    /// stamps every field).
    var stamped: [String] = []
    /// Written after the row.
    var audits: [AuditEntry] = []
    /// Opened by this write: stored and logged after the row's own entry.
    var conflicts: [ConflictRecord] = []

    /// The log entry's kind, or nil when the write logs nothing of the row.
    var logKind: LogEntry.Kind? {
        switch effect {
        case .insert, .update, .relog: .upsert
        case .delete, .relogDelete: .delete
        case .none: nil
        }
    }
}

/// What `HubTransaction.write` did.
struct RowWritten {
    /// The position of the row's log entry (nil: none was written).
    var seq: Int64?
    /// The row's bookkeeping as written (nil: the hub keeps none for it).
    var meta: RowMeta?
}

extension HubTransaction {
    /// Executes one row write: appends its log entry, writes the row, stamps the fields,
    /// appends its audit entries, then stores and logs the conflicts it opened.
    @discardableResult
    func write(_ change: RowWrite) throws -> RowWritten {
        let table = change.table
        let key = PageWrites.Key(table: table.name, rowID: change.rowID)
        if let page {
            // No set statement names a row twice: a row written again goes out first.
            if page.isTouched(key) { try send() }
            page.touch(key)
        }
        var seq: Int64?
        if let kind = change.logKind {
            let data: String
            switch change.effect {
            case .insert(let row, _): data = try JSONText.encode(row)
            case .update(let values), .relog(let values): data = try JSONText.encode(values)
            case .delete, .relogDelete, .none: data = "{}"
            }
            seq = try appendLog(
                kind, table: table.name, rowID: change.rowID, hamletID: change.hamletID, data: data, hlc: change.hlc,
                author: change.author)
        }
        var meta = change.meta
        // Stamps are written when the row is made, deleted, or has fields stamped.
        var metaChanged = false
        switch change.effect {
        case .insert(let row, let replacing):
            metaChanged = true
            try write(table.insertStatement(row, replacing: replacing))
            page?.rows[key] = .some(row)
            if let seq {
                let stamp = FieldStamp(
                    version: seq, hlc: change.hlc, replicaID: change.author.replicaID, author: change.author.name)
                meta = RowMeta(
                    hamletID: change.hamletID, deleted: false,
                    fields: Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, stamp) }))
            }
        case .update(let values):
            if let page, sql.dialect == .postgres, let current = try row(table, change.rowID) {
                // PostgreSQL takes the page's rows as one INSERT of many: the whole row, as
                // merged, replaces the row held.
                let merged = current.merging(values) { $1 }
                page.add(.fixed(table.insertStatement(merged, replacing: true)))
                page.rows[key] = .some(merged)
            } else if let statement = table.updateStatement(id: change.rowID, values) {
                try write(statement)
                if let current = page?.rows[key] ?? nil { page?.rows[key] = .some(current.merging(values) { $1 }) }
            }
        case .delete(let current):
            metaChanged = true
            try write(table.deleteStatement(id: change.rowID))
            page?.rows[key] = .some(nil)
            if var deleted = meta {
                deleted.deleted = true
                deleted.tombstone = current
                meta = deleted
            }
        case .relog, .relogDelete, .none:
            break
        }
        if let seq, !change.stamped.isEmpty, meta != nil {
            let stamp = FieldStamp(
                version: seq, hlc: change.hlc, replicaID: change.author.replicaID, author: change.author.name)
            for name in change.stamped { meta?.fields[name] = stamp }
            metaChanged = true
        }
        if metaChanged, let meta { try saveMeta(meta, table: table.name, rowID: change.rowID) }
        for entry in change.audits { try audit(entry) }
        for record in change.conflicts { _ = try publish(record, author: change.author, hlc: change.hlc) }
        return RowWritten(seq: seq, meta: meta)
    }
}
