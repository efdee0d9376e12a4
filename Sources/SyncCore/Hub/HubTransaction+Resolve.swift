extension HubTransaction {
    /// Settles an open conflict: writes the chosen value as a new change authored by the
    /// reviewer, closes the record and logs both for replicas. Repeating the same
    /// resolution returns the record unchanged.
    mutating func resolve(
        _ id: String, choice: ConflictChoice, note: String?, reviewer: Principal
    ) throws -> ConflictRecord {
        guard reviewer.isReviewer else { throw SyncError.forbidden("only a reviewer may resolve conflicts") }
        if let note, let problem = TextShape.note.problem(with: note) {
            throw SyncError.invalidValue(table: "resolution", column: "note", problem)
        }
        guard var record = try conflict(id) else { throw SyncError.notFound("conflict \(id)") }
        if let done = record.resolution {
            let same =
                done.choice == choice.name && done.by == reviewer.name
                && (choice.value.map { $0 == done.value } ?? true)
            if same { return record }
            throw SyncError.alreadyResolved(id)
        }
        let table = try schema.table(record.table)
        let author = ChangeAuthor(replicaID: "hub", name: reviewer.name)
        let stamp = clock.tick(now: now)
        let meta = try meta(table.name, record.rowID)
        let current = try row(table, record.rowID)
        var resolution = ConflictResolution(
            choice: choice.name, value: nil, deleted: current == nil, by: reviewer.name, at: now, note: note,
            logSeq: nil)

        switch (record.kind, choice) {
        case (.field, _):
            guard let column = record.column.flatMap(table.column) else {
                throw SyncError.storage("conflict \(id) names no column of \(table.name)")
            }
            guard let current, let meta else {
                if case .hub = choice { break }
                throw SyncError.rowDeleted(table: table.name, rowID: record.rowID)
            }
            let value: SyncValue
            switch choice {
            case .hub: value = current[column.name] ?? .null
            case .incoming: value = record.incoming.value ?? .null
            case .value(let chosen): value = try column.normalize(chosen, table: table.name)
            }
            try table.checkRowRules(current.merging([column.name: value]) { $1 })
            let written = try write(
                RowWrite(
                    table: table, rowID: record.rowID, hamletID: meta.hamletID, effect: .update([column.name: value]),
                    hlc: stamp, author: author, meta: meta, stamped: [column.name],
                    audits: [
                        AuditEntry(
                            decision: .resolved, table: table.name, rowID: record.rowID, column: column.name,
                            old: current[column.name], new: value, oldAuthor: meta.stamp(column.name).author,
                            newAuthor: reviewer.name, newReplicaID: author.replicaID, newHLC: stamp, at: now)
                    ]))
            resolution.value = value
            resolution.logSeq = written.seq

        case (.deleteUpdate, .value):
            throw SyncError.malformed("a delete-versus-update conflict is resolved with hub or incoming, not a value")

        case (.deleteUpdate, .hub):
            break

        case (.deleteUpdate, .incoming):
            if record.incoming.deleted {
                if let current, let meta {
                    try write(deletion(table, current, meta: meta, stamp: stamp, author: author))
                    resolution.logSeq = try head()
                }
                resolution.deleted = true
            } else {
                var row = current ?? meta?.tombstone ?? [:]
                row.merge(record.incoming.row ?? [:]) { $1 }
                row[TableSpec.idColumn] = .text(record.rowID)
                let complete = try table.completeRow(row)
                let written = try write(
                    RowWrite(
                        table: table, rowID: record.rowID, hamletID: record.hamletID,
                        effect: .insert(complete, replacing: true), hlc: stamp, author: author, meta: meta,
                        audits: [
                            AuditEntry(
                                decision: .resolved, table: table.name, rowID: record.rowID, column: nil, row: complete,
                                newAuthor: reviewer.name, newReplicaID: author.replicaID, newHLC: stamp, at: now)
                        ]))
                resolution.deleted = false
                resolution.logSeq = written.seq
            }
        }
        record.status = .resolved
        record.resolution = resolution
        _ = try publish(record, author: author, hlc: stamp)
        return record
    }
}

extension ConflictChoice {
    /// The chosen value, for `value`.
    var value: SyncValue? {
        if case .value(let value) = self { return value }
        return nil
    }
}
