import GRDB

extension HubTransaction {
    /// Merges one change into the hub's state by the rules of DESIGN.md §4 and returns its
    /// outcome. A change outside the principal's scope, or with invalid values, is
    /// rejected and changes nothing.
    /// `senderSchema` is the schema version the sender's replica is at: a replica not yet
    /// upgraded writes only the columns its version knows, and never blanks the others.
    mutating func merge(
        _ change: Change, from sender: ChangeAuthor, principal: Principal, maxFutureSkew: Int64,
        senderSchema: SchemaView
    ) throws -> ChangeOutcome {
        var author = sender
        author.originSeq = change.seq > 0 ? change.seq : nil
        let known = try senderSchema.table(change.table)
        let table = try schema.table(change.table)
        for key in change.values.keys where key != TableSpec.idColumn && known.column(key) == nil {
            throw SyncError.unknownColumn(table: table.name, column: key)
        }
        let meta = try meta(table.name, change.rowID)
        func rejected(_ reason: String, _ kind: SyncError.Kind = .invalidInput) throws -> ChangeOutcome {
            try rejection(change, code: kind, reason: reason)
        }

        // Scope: whose row is it, and may this principal write it?
        let rowHamlet: String? =
            table.scope == .commune
            ? nil
            : meta?.hamletID
                ?? (change.operation == .delete ? change.previous : change.values)[TableSpec.scopeColumn]?.text
        if let hamletID = principal.hamletID {
            if table.scope == .commune {
                return try rejected("a hamlet head may not write commune table \(table.name)", .forbidden)
            }
            guard rowHamlet == hamletID else {
                return try rejected(
                    "\(table.name) row \(change.rowID) belongs to hamlet \(rowHamlet ?? "(none)"); this replica writes hamlet \(hamletID) only",
                    .forbidden)
            }
        }
        if table.scope == .hamlet, rowHamlet == nil {
            return try rejected("\(table.name).hamlet_id: is required")
        }
        // A new row names a hamlet the hub knows, or it would vanish from every report.
        if table.scope == .hamlet, meta == nil, change.operation != .delete, let rowHamlet,
            try !hamletExists(rowHamlet)
        {
            return try rejected("\(table.name).hamlet_id: no hamlet '\(rowHamlet)' is known to the hub")
        }
        if change.operation != .delete, let newHamlet = change.values[TableSpec.scopeColumn],
            newHamlet != rowHamlet.map(SyncValue.text)
        {
            return try rejected("\(table.name).hamlet_id: cannot change; delete the row and add it to the other hamlet")
        }

        // Values: each valid for its column.
        let values: SyncRow
        do {
            values = try table.normalize(values: change.values.filter { $0.key != TableSpec.idColumn })
        } catch {
            return try rejected(error.message)
        }

        // The author's stamp, clamped when it runs too far ahead of the hub's clock.
        let stamp: HLCTimestamp
        let clamped = change.hlc.physicalMilliseconds - now > maxFutureSkew
        if clamped {
            stamp = clock.tick(now: now)
        } else {
            clock.receive(change.hlc)
            stamp = change.hlc
        }

        var outcome: ChangeOutcome
        do {
            switch change.operation {
            case .insert:
                if let meta {
                    outcome =
                        try meta.deleted
                        ? updateDeleted(table, change, values, meta: meta, stamp: stamp, author: author)
                        : update(table, change, values, meta: meta, stamp: stamp, author: author)
                } else {
                    outcome = try insert(table, change, values, stamp: stamp, author: author)
                }
            case .update:
                guard let meta else {
                    return try rejected(
                        "\(table.name) row \(change.rowID) is not known at the hub; its insert was rejected or never sent",
                        .notFound)
                }
                outcome =
                    try meta.deleted
                    ? updateDeleted(table, change, values, meta: meta, stamp: stamp, author: author)
                    : update(table, change, values, meta: meta, stamp: stamp, author: author)
            case .delete:
                if let meta, !meta.deleted {
                    outcome = try delete(table, change, meta: meta, stamp: stamp, author: author, known: known)
                } else {
                    outcome = ChangeOutcome(seq: change.seq, status: .applied, fields: ["*": .unchanged], settleSeq: 0)
                }
            }
        } catch let error as SyncError where error.kind == .invalidInput {
            return try rejected(error.message)
        }
        outcome.settleSeq = try head()
        outcome.clamped = clamped
        return outcome
    }

    /// A refusal of `change`, recorded like any outcome: it changes nothing.
    func rejection(_ change: Change, _ error: SyncError) throws -> ChangeOutcome {
        try rejection(change, code: error.kind, reason: error.message)
    }

    func rejection(_ change: Change, code: SyncError.Kind, reason: String) throws -> ChangeOutcome {
        ChangeOutcome(seq: change.seq, status: .rejected, code: code.rawValue, reason: reason, settleSeq: try head())
    }

    /// `merge` in a savepoint: should the file refuse what the merge wrote (a CHECK or a
    /// trigger the validation did not foresee), the change is rejected with the file's
    /// reason and leaves nothing behind, and the rest of the push goes on.
    mutating func mergeIsolated(
        _ change: Change, from sender: ChangeAuthor, principal: Principal, maxFutureSkew: Int64,
        senderSchema: SchemaView
    ) throws -> ChangeOutcome {
        var outcome: ChangeOutcome?
        do {
            try db.inSavepoint {
                outcome = try merge(
                    change, from: sender, principal: principal, maxFutureSkew: maxFutureSkew,
                    senderSchema: senderSchema)
                return .commit
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            forgetHead()
            return try rejection(
                change, code: .invalidInput, reason: error.message ?? "refused by the hub's constraints")
        }
        guard let outcome else { throw SyncError.storage("change \(change.seq) was merged without an outcome") }
        return outcome
    }

    private func insert(
        _ table: TableSpec, _ change: Change, _ values: SyncRow, stamp: HLCTimestamp, author: ChangeAuthor
    ) throws -> ChangeOutcome {
        var full = values
        full[TableSpec.idColumn] = .text(change.rowID)
        let row = try table.completeRow(full)
        let hamletID = row[TableSpec.scopeColumn]?.text
        let seq = try appendLog(
            .upsert, table: table.name, rowID: change.rowID, hamletID: hamletID, data: try JSONText.encode(row),
            hlc: stamp, author: author)
        try table.insertRow(db, row)
        let fieldStamp = FieldStamp(version: seq, hlc: stamp, replicaID: author.replicaID, author: author.name)
        try saveMeta(
            RowMeta(
                hamletID: hamletID, deleted: false,
                fields: Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, fieldStamp) })),
            table: table.name, rowID: change.rowID)
        return ChangeOutcome(seq: change.seq, status: .applied, fields: ["*": .applied], settleSeq: seq)
    }

    private func update(
        _ table: TableSpec, _ change: Change, _ values: SyncRow, meta: RowMeta, stamp: HLCTimestamp,
        author: ChangeAuthor
    ) throws -> ChangeOutcome {
        guard let current = try row(table, change.rowID) else {
            throw SyncError.storage("\(table.name) row \(change.rowID) has bookkeeping but no row")
        }
        var decisions: [(column: ColumnSpec, value: SyncValue, decision: MergeDecision)] = []
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where name != TableSpec.scopeColumn {
            guard let column = table.column(name) else { continue }
            let edit = IncomingEdit(
                value: value, base: change.previous[name], baseVersion: change.baseVersions[name] ?? 0, hlc: stamp,
                replicaID: author.replicaID)
            let decision = FieldMerge.decide(
                policy: column.policy, current: current[name] ?? .null, stamp: meta.stamp(name), incoming: edit)
            decisions.append((column, value, decision))
        }
        var applied = SyncRow()
        for item in decisions where item.decision == .apply { applied[item.column.name] = item.value }
        try table.checkRowRules(current.merging(applied) { $1 })

        var meta = meta
        var fields: [String: FieldOutcome] = [:]
        var conflicts: [String] = []
        var seq: Int64?
        if !applied.isEmpty {
            let logSeq = try appendLog(
                .upsert, table: table.name, rowID: change.rowID, hamletID: meta.hamletID,
                data: try JSONText.encode(applied), hlc: stamp, author: author)
            try table.updateRow(db, id: change.rowID, applied)
            seq = logSeq
        }
        for (column, value, decision) in decisions {
            let name = column.name
            let old = meta.stamp(name)
            let entry = AuditEntry(
                decision: .overwritten, table: table.name, rowID: change.rowID, column: name, old: current[name],
                new: value, oldAuthor: old.author, newAuthor: author.name, newReplicaID: author.replicaID,
                newHLC: stamp, at: now)
            switch decision {
            case .unchanged:
                fields[name] = .unchanged
            case .apply:
                fields[name] = .applied
                try audit(entry)
                if let seq {
                    meta.fields[name] = FieldStamp(
                        version: seq, hlc: stamp, replicaID: author.replicaID, author: author.name)
                }
            case .lose:
                fields[name] = .lost
                var lost = entry
                lost.decision = .lost
                try audit(lost)
            case .conflict:
                fields[name] = .held
                let record = ConflictRecord(
                    id: ids.makeID(), kind: .field, status: .open, table: table.name, rowID: change.rowID,
                    hamletID: meta.hamletID, column: name,
                    base: try side(atVersion: change.baseVersions[name] ?? 0, value: change.previous[name])
                        ?? ConflictSide(
                            value: change.previous[name], version: 0, author: "", replicaID: "", hlc: .zero),
                    hub: ConflictSide(stamp: old, value: current[name] ?? .null),
                    incoming: ConflictSide(
                        value: value, version: 0, author: author.name, replicaID: author.replicaID, hlc: stamp),
                    openedAt: now)
                _ = try publish(record, author: author, hlc: stamp)
                conflicts.append(record.id)
                var held = entry
                held.decision = .held
                try audit(held)
            }
        }
        try saveMeta(meta, table: table.name, rowID: change.rowID)
        return ChangeOutcome(seq: change.seq, status: .applied, fields: fields, conflicts: conflicts, settleSeq: 0)
    }

    /// An update (or a re-insert) of a deleted row: a conflict where the row has review
    /// columns, otherwise the delete wins and the update goes to the audit trail.
    private func updateDeleted(
        _ table: TableSpec, _ change: Change, _ values: SyncRow, meta: RowMeta, stamp: HLCTimestamp,
        author: ChangeAuthor
    ) throws -> ChangeOutcome {
        let changed = values.filter { $0.key != TableSpec.scopeColumn }
        if table.hasReviewColumns {
            let deletion = meta.fields.values.max { $0.version < $1.version } ?? meta.stamp("")
            let id = try openRowConflict(
                table, change, meta: meta,
                hub: ConflictSide(stamp: deletion, deleted: true, row: meta.tombstone),
                incoming: ConflictSide(
                    value: nil, row: changed, version: 0, author: author.name, replicaID: author.replicaID, hlc: stamp),
                stamp: stamp, author: author)
            return ChangeOutcome(
                seq: change.seq, status: .applied, fields: changed.mapValues { _ in .held }, conflicts: [id],
                settleSeq: 0)
        }
        try audit(
            AuditEntry(
                decision: .lost, table: table.name, rowID: change.rowID, column: nil, row: changed,
                newAuthor: author.name, newReplicaID: author.replicaID, newHLC: stamp, at: now))
        return ChangeOutcome(seq: change.seq, status: .applied, fields: changed.mapValues { _ in .lost }, settleSeq: 0)
    }

    /// A delete: applies unless it races an update of a row with review columns, which
    /// opens a conflict and keeps the row.
    /// `known` is the table as the deleting replica's schema version has it: a field it
    /// cannot see, or has no version of (it was upgraded and has not fetched the new
    /// columns yet), counts as seen when set no later than the newest version it had seen.
    private func delete(
        _ table: TableSpec, _ change: Change, meta: RowMeta, stamp: HLCTimestamp, author: ChangeAuthor,
        known: TableSpec
    ) throws -> ChangeOutcome {
        guard let current = try row(table, change.rowID) else {
            throw SyncError.storage("\(table.name) row \(change.rowID) has bookkeeping but no row")
        }
        let seenUpTo = change.baseVersions.values.max() ?? 0
        let unseen = meta.fields.filter { name, fieldStamp in
            guard known.column(name) != nil, change.baseVersions[name] != nil else {
                return fieldStamp.version > seenUpTo && fieldStamp.replicaID != author.replicaID
            }
            return !IncomingEdit(
                value: .null, base: nil, baseVersion: change.baseVersions[name] ?? 0, hlc: stamp,
                replicaID: author.replicaID
            ).hasSeen(fieldStamp)
        }
        if table.hasReviewColumns, let latest = unseen.values.max(by: { $0.version < $1.version }) {
            let id = try openRowConflict(
                table, change, meta: meta, hub: ConflictSide(stamp: latest, deleted: false, row: current),
                incoming: ConflictSide(
                    value: nil, deleted: true, version: 0, author: author.name, replicaID: author.replicaID, hlc: stamp),
                stamp: stamp, author: author)
            return ChangeOutcome(seq: change.seq, status: .applied, fields: ["*": .held], conflicts: [id], settleSeq: 0)
        }
        try deleteRow(table, current, meta: meta, stamp: stamp, author: author)
        return ChangeOutcome(seq: change.seq, status: .applied, fields: ["*": .applied], settleSeq: 0)
    }

    /// Opens a delete-versus-update conflict, publishes it and notes the held change in the audit.
    private func openRowConflict(
        _ table: TableSpec, _ change: Change, meta: RowMeta, hub: ConflictSide, incoming: ConflictSide,
        stamp: HLCTimestamp, author: ChangeAuthor
    ) throws -> String {
        let record = ConflictRecord(
            id: ids.makeID(), kind: .deleteUpdate, status: .open, table: table.name, rowID: change.rowID,
            hamletID: meta.hamletID, column: nil, base: nil, hub: hub, incoming: incoming, openedAt: now)
        _ = try publish(record, author: author, hlc: stamp)
        try audit(
            AuditEntry(
                decision: .held, table: table.name, rowID: change.rowID, column: nil, row: incoming.row,
                newAuthor: author.name, newReplicaID: author.replicaID, newHLC: stamp, at: now))
        return record.id
    }

    /// Deletes a row: logs the delete, keeps its last values as a tombstone and in the audit trail.
    func deleteRow(
        _ table: TableSpec, _ current: SyncRow, meta: RowMeta, stamp: HLCTimestamp, author: ChangeAuthor
    ) throws {
        guard let rowID = current[TableSpec.idColumn]?.text else { return }
        _ = try appendLog(
            .delete, table: table.name, rowID: rowID, hamletID: meta.hamletID, data: "{}", hlc: stamp, author: author)
        try table.deleteRow(db, id: rowID)
        var meta = meta
        meta.deleted = true
        meta.tombstone = current
        try saveMeta(meta, table: table.name, rowID: rowID)
        try audit(
            AuditEntry(
                decision: .deleted, table: table.name, rowID: rowID, column: nil, row: current,
                newAuthor: author.name, newReplicaID: author.replicaID, newHLC: stamp, at: now))
    }
}
