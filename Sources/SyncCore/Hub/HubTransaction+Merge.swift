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
            // The hub's own stamp follows the clock as the pages before this one left it.
            try needsTheCommune("a change's stamp runs ahead of the hub's clock")
            stamp = clock.tick(now: now)
        } else {
            clock.receive(change.hlc)
            stamp = change.hlc
        }

        if change.operation == .update, meta == nil {
            return try rejected(
                "\(table.name) row \(change.rowID) is not known at the hub; its insert was rejected or never sent",
                .notFound)
        }
        let plan: MergePlan
        do {
            plan = try self.plan(
                change, table: table, values: values, meta: meta, stamp: stamp, author: author, known: known)
        } catch let error as SyncError where error.kind == .invalidInput {
            return try rejected(error.message)
        }
        if let write = plan.write { try self.write(write) }
        var outcome = plan.outcome
        outcome.settleSeq = try head()
        outcome.clamped = clamped
        return outcome
    }

    /// What merging a checked change does to the row, decided from what the hub holds,
    /// before anything is written.
    private func plan(
        _ change: Change, table: TableSpec, values: SyncRow, meta: RowMeta?, stamp: HLCTimestamp,
        author: ChangeAuthor, known: TableSpec
    ) throws -> MergePlan {
        switch change.operation {
        case .insert:
            guard let meta else { return try planInsert(table, change, values, stamp: stamp, author: author) }
            return try meta.deleted
                ? planUpdateDeleted(table, change, values, meta: meta, stamp: stamp, author: author)
                : planUpdate(table, change, values, meta: meta, stamp: stamp, author: author)
        case .update:
            guard let meta else { throw SyncError.storage("\(table.name) row \(change.rowID) has no bookkeeping") }
            return try meta.deleted
                ? planUpdateDeleted(table, change, values, meta: meta, stamp: stamp, author: author)
                : planUpdate(table, change, values, meta: meta, stamp: stamp, author: author)
        case .delete:
            guard let meta, !meta.deleted else {
                return MergePlan(
                    outcome: ChangeOutcome(seq: change.seq, status: .applied, fields: ["*": .unchanged], settleSeq: 0))
            }
            return try planDelete(table, change, meta: meta, stamp: stamp, author: author, known: known)
        }
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
        do {
            return try sql.inSavepoint {
                try merge(
                    change, from: sender, principal: principal, maxFutureSkew: maxFutureSkew,
                    senderSchema: senderSchema)
            }
        } catch {
            guard case .constraint(let reason) = sql.refusal(error) else { throw error }
            forgetHead()
            return try rejection(change, code: .invalidInput, reason: reason)
        }
    }

    private func planInsert(
        _ table: TableSpec, _ change: Change, _ values: SyncRow, stamp: HLCTimestamp, author: ChangeAuthor
    ) throws -> MergePlan {
        var full = values
        full[TableSpec.idColumn] = .text(change.rowID)
        let row = try table.completeRow(full)
        return MergePlan(
            outcome: ChangeOutcome(seq: change.seq, status: .applied, fields: ["*": .applied], settleSeq: 0),
            write: RowWrite(
                table: table, rowID: change.rowID, hamletID: row[TableSpec.scopeColumn]?.text,
                effect: .insert(row, replacing: false), hlc: stamp, author: author, meta: nil))
    }

    private func planUpdate(
        _ table: TableSpec, _ change: Change, _ values: SyncRow, meta: RowMeta, stamp: HLCTimestamp,
        author: ChangeAuthor
    ) throws -> MergePlan {
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

        var write = RowWrite(
            table: table, rowID: change.rowID, hamletID: meta.hamletID,
            effect: applied.isEmpty ? .none : .update(applied),
            hlc: stamp, author: author, meta: meta)
        var fields: [String: FieldOutcome] = [:]
        for (column, value, decision) in decisions {
            let name = column.name
            let old = meta.stamp(name)
            var entry = AuditEntry(
                decision: .overwritten, table: table.name, rowID: change.rowID, column: name, old: current[name],
                new: value, oldAuthor: old.author, newAuthor: author.name, newReplicaID: author.replicaID,
                newHLC: stamp, at: now)
            switch decision {
            case .unchanged:
                fields[name] = .unchanged
            case .apply:
                fields[name] = .applied
                write.stamped.append(name)
                write.audits.append(entry)
            case .lose:
                fields[name] = .lost
                entry.decision = .lost
                write.audits.append(entry)
            case .conflict:
                fields[name] = .held
                write.conflicts.append(
                    ConflictRecord(
                        id: ids.makeID(), kind: .field, status: .open, table: table.name, rowID: change.rowID,
                        hamletID: meta.hamletID, column: name,
                        base: try side(atVersion: change.baseVersions[name] ?? 0, value: change.previous[name])
                            ?? ConflictSide(
                                value: change.previous[name], version: 0, author: "", replicaID: "", hlc: .zero),
                        hub: ConflictSide(stamp: old, value: current[name] ?? .null),
                        incoming: ConflictSide(
                            value: value, version: 0, author: author.name, replicaID: author.replicaID, hlc: stamp),
                        openedAt: now))
                entry.decision = .held
                write.audits.append(entry)
            }
        }
        return MergePlan(
            outcome: ChangeOutcome(
                seq: change.seq, status: .applied, fields: fields, conflicts: write.conflicts.map(\.id), settleSeq: 0),
            write: write)
    }

    /// An update (or a re-insert) of a deleted row: a conflict where the row has review
    /// columns, otherwise the delete wins and the update goes to the audit trail.
    private func planUpdateDeleted(
        _ table: TableSpec, _ change: Change, _ values: SyncRow, meta: RowMeta, stamp: HLCTimestamp,
        author: ChangeAuthor
    ) throws -> MergePlan {
        let changed = values.filter { $0.key != TableSpec.scopeColumn }
        if table.hasReviewColumns {
            let deletion = meta.fields.values.max { $0.version < $1.version } ?? meta.stamp("")
            let write = rowConflict(
                table, change, meta: meta,
                hub: ConflictSide(stamp: deletion, deleted: true, row: meta.tombstone),
                incoming: ConflictSide(
                    value: nil, row: changed, version: 0, author: author.name, replicaID: author.replicaID, hlc: stamp),
                stamp: stamp, author: author)
            return MergePlan(
                outcome: ChangeOutcome(
                    seq: change.seq, status: .applied, fields: changed.mapValues { _ in .held },
                    conflicts: write.conflicts.map(\.id), settleSeq: 0),
                write: write)
        }
        var write = RowWrite(
            table: table, rowID: change.rowID, hamletID: meta.hamletID, effect: .none, hlc: stamp, author: author,
            meta: meta)
        write.audits.append(
            AuditEntry(
                decision: .lost, table: table.name, rowID: change.rowID, column: nil, row: changed,
                newAuthor: author.name, newReplicaID: author.replicaID, newHLC: stamp, at: now))
        return MergePlan(
            outcome: ChangeOutcome(
                seq: change.seq, status: .applied, fields: changed.mapValues { _ in .lost }, settleSeq: 0),
            write: write)
    }

    /// A delete: applies unless it races an update of a row with review columns, which
    /// opens a conflict and keeps the row.
    /// `known` is the table as the deleting replica's schema version has it: a field it
    /// cannot see, or has no version of (it was upgraded and has not fetched the new
    /// columns yet), counts as seen when set no later than the newest version it had seen.
    private func planDelete(
        _ table: TableSpec, _ change: Change, meta: RowMeta, stamp: HLCTimestamp, author: ChangeAuthor,
        known: TableSpec
    ) throws -> MergePlan {
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
            let write = rowConflict(
                table, change, meta: meta, hub: ConflictSide(stamp: latest, deleted: false, row: current),
                incoming: ConflictSide(
                    value: nil, deleted: true, version: 0, author: author.name, replicaID: author.replicaID, hlc: stamp),
                stamp: stamp, author: author)
            return MergePlan(
                outcome: ChangeOutcome(
                    seq: change.seq, status: .applied, fields: ["*": .held], conflicts: write.conflicts.map(\.id),
                    settleSeq: 0),
                write: write)
        }
        return MergePlan(
            outcome: ChangeOutcome(seq: change.seq, status: .applied, fields: ["*": .applied], settleSeq: 0),
            write: deletion(table, current, meta: meta, stamp: stamp, author: author))
    }

    /// A delete-versus-update conflict, held in the audit trail.
    private func rowConflict(
        _ table: TableSpec, _ change: Change, meta: RowMeta, hub: ConflictSide, incoming: ConflictSide,
        stamp: HLCTimestamp, author: ChangeAuthor
    ) -> RowWrite {
        let record = ConflictRecord(
            id: ids.makeID(), kind: .deleteUpdate, status: .open, table: table.name, rowID: change.rowID,
            hamletID: meta.hamletID, column: nil, base: nil, hub: hub, incoming: incoming, openedAt: now)
        return RowWrite(
            table: table, rowID: change.rowID, hamletID: meta.hamletID, effect: .none, hlc: stamp, author: author,
            meta: meta,
            audits: [
                AuditEntry(
                    decision: .held, table: table.name, rowID: change.rowID, column: nil, row: incoming.row,
                    newAuthor: author.name, newReplicaID: author.replicaID, newHLC: stamp, at: now)
            ],
            conflicts: [record])
    }

    /// The delete of a row: logged, its last values kept as a tombstone and in the audit trail.
    func deletion(
        _ table: TableSpec, _ current: SyncRow, meta: RowMeta, stamp: HLCTimestamp, author: ChangeAuthor
    ) -> RowWrite {
        RowWrite(
            table: table, rowID: current.id, hamletID: meta.hamletID, effect: .delete(current: current), hlc: stamp,
            author: author, meta: meta,
            audits: [
                AuditEntry(
                    decision: .deleted, table: table.name, rowID: current.id, column: nil, row: current,
                    newAuthor: author.name, newReplicaID: author.replicaID, newHLC: stamp, at: now)
            ])
    }
}

/// What merging one change does: its outcome, and the row write that carries it out (nil
/// when the change changes nothing). Decided before anything is written.
struct MergePlan {
    var outcome: ChangeOutcome
    var write: RowWrite?
}
