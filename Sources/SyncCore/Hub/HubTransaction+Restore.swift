extension HubTransaction {
    /// Takes back one row's fields that this hub lost when it was restored from an older
    /// copy, as a replica offers them. A field is set again, with its original author and
    /// stamp, when the hub's value predates the lost one (set at or before `kept`, where the
    /// two logs part) or is older by stamp; a later edit made here since keeps its value,
    /// and the offered one goes to the audit trail. A row the hub no longer has comes back
    /// whole; a row deleted since stays deleted. Offering the same row twice changes nothing.
    /// Every offered field the hub did not take back is then logged again as the hub holds
    /// it (value, author and stamp unchanged, at a new position), so that the replica's
    /// copy, which holds it at a position of the lost log, converges on it.
    mutating func restore(
        _ offered: RestoreRow, kept: Int64, principal: Principal, maxFutureSkew: Int64
    ) throws -> RestoreResponse {
        let before = try head()
        let answer = try takeBack(offered, kept: kept, principal: principal, maxFutureSkew: maxFutureSkew)
        try restate(offered, since: before, principal: principal)
        return answer
    }

    private mutating func takeBack(
        _ offered: RestoreRow, kept: Int64, principal: Principal, maxFutureSkew: Int64
    ) throws -> RestoreResponse {
        if let deletion = offered.deletion {
            return try restoreDeletion(offered, deletion, kept: kept, principal: principal)
        }
        var answer = RestoreResponse(hubTime: now)
        let everything = offered.fields.count
        guard let table = try? schema.table(offered.table) else {
            answer.lost = everything
            return answer
        }
        var fields = offered.fields.filter { $0.key != TableSpec.idColumn && table.column($0.key) != nil }
        // A stamp far beyond the hub's clock is not taken back: the hub never accepted one.
        fields = fields.filter { $0.value.origin.hlc.physicalMilliseconds - now <= maxFutureSkew }
        answer.lost = everything - fields.count
        let meta = try meta(table.name, offered.rowID)
        let rowHamlet =
            table.scope == .commune ? nil : meta?.hamletID ?? fields[TableSpec.scopeColumn]?.value.text
        let inScope: Bool
        if let hamletID = principal.hamletID {
            inScope = table.scope == .hamlet && rowHamlet == hamletID
        } else {
            inScope = table.scope == .commune || rowHamlet != nil
        }
        guard inScope, !fields.isEmpty, !(meta?.deleted ?? false) else {
            answer.lost += fields.count
            return answer
        }
        let values: SyncRow
        do {
            values = try table.normalize(values: fields.mapValues(\.value).filter { $0.key != TableSpec.idColumn })
        } catch {
            answer.lost += fields.count
            return answer
        }
        for field in fields.values { clock.receive(field.origin.hlc) }

        // The changes the lost log held for this row, oldest first: each is logged again as
        // its author made it.
        let groups = Dictionary(grouping: fields.keys.sorted()) { fields[$0]?.version ?? 0 }.sorted { $0.key < $1.key }
        guard var meta else {
            // The row itself was lost: it comes back whole, or not at all.
            var full = values
            full[TableSpec.idColumn] = .text(offered.rowID)
            // Its hamlet must be one the hub knows, or knew: the row may have outlived it.
            let knownHamlet = try rowHamlet.map { try hamletExists($0) || self.meta("hamlets", $0) != nil } ?? true
            guard let row = try? table.completeRow(full), knownHamlet else {
                answer.lost += fields.count
                return answer
            }
            var written: RowMeta?
            for (index, group) in groups.enumerated() {
                guard let origin = group.value.first.flatMap({ fields[$0]?.origin }) else { continue }
                written =
                    try write(
                        RowWrite(
                            table: table, rowID: offered.rowID, hamletID: rowHamlet,
                            effect: index == 0
                                ? .insert(row, replacing: false) : .relog(row.filter { group.value.contains($0.key) }),
                            hlc: origin.hlc, author: author(origin), meta: written, stamped: group.value)
                    ).meta
            }
            answer.applied += fields.count
            return answer
        }
        guard var current = try row(table, offered.rowID) else {
            throw SyncError.storage("\(table.name) row \(offered.rowID) has bookkeeping but no row")
        }
        for group in groups {
            var applied = SyncRow()
            var audits: [AuditEntry] = []
            for column in group.value where column != TableSpec.scopeColumn {
                guard let field = fields[column], let value = values[column] else { continue }
                let stamp = meta.stamp(column)
                if (current[column] ?? .null) == value {
                    answer.unchanged += 1
                } else if stamp.version <= kept || stamp.hlc < field.origin.hlc {
                    applied[column] = value
                } else {
                    answer.lost += 1
                    audits.append(
                        AuditEntry(
                            decision: .lost, table: table.name, rowID: offered.rowID, column: column,
                            old: current[column], new: value, oldAuthor: stamp.author, newAuthor: field.origin.author,
                            newReplicaID: field.origin.replicaID, newHLC: field.origin.hlc, at: now))
                }
            }
            guard let origin = group.value.first.flatMap({ fields[$0]?.origin }) else { continue }
            let merged = current.merging(applied) { $1 }
            if !applied.isEmpty, (try? table.checkRowRules(merged)) == nil {
                answer.lost += applied.count
                applied = [:]
            }
            for (column, value) in applied.sorted(by: { $0.key < $1.key }) {
                audits.append(
                    AuditEntry(
                        decision: .overwritten, table: table.name, rowID: offered.rowID, column: column,
                        old: current[column], new: value, oldAuthor: meta.stamp(column).author,
                        newAuthor: origin.author,
                        newReplicaID: origin.replicaID, newHLC: origin.hlc, at: now))
            }
            guard !applied.isEmpty || !audits.isEmpty else { continue }
            meta =
                try write(
                    RowWrite(
                        table: table, rowID: offered.rowID, hamletID: meta.hamletID,
                        effect: applied.isEmpty ? .none : .update(applied), hlc: origin.hlc, author: author(origin),
                        meta: meta, stamped: applied.keys.sorted(), audits: audits)
                ).meta ?? meta
            if !applied.isEmpty { current = merged }
            answer.applied += applied.count
        }
        return answer
    }

    /// A delete the lost log held: the row goes again, by its original author, unless an
    /// edit made here since is newer than the delete (then the row stays, and the delete is lost).
    private mutating func restoreDeletion(
        _ offered: RestoreRow, _ deletion: RestoredField, kept: Int64, principal: Principal
    ) throws -> RestoreResponse {
        guard let table = try? schema.table(offered.table) else {
            return RestoreResponse(hubTime: now, lost: 1)
        }
        guard let meta = try meta(table.name, offered.rowID) else {
            // A row made and deleted after the backup: the hub never sees it again, but its
            // audit trail keeps that it existed, and who deleted it when.
            if try audit(table: table.name, rowID: offered.rowID).isEmpty {
                try audit(
                    AuditEntry(
                        decision: .deleted, table: table.name, rowID: offered.rowID, column: nil,
                        newAuthor: deletion.origin.author, newReplicaID: deletion.origin.replicaID,
                        newHLC: deletion.origin.hlc, at: now))
            }
            return RestoreResponse(hubTime: now, applied: 1)
        }
        guard !meta.deleted, let current = try row(table, offered.rowID) else {
            return RestoreResponse(hubTime: now, unchanged: 1)
        }
        let inScope =
            principal.hamletID.map { table.scope == .hamlet && meta.hamletID == $0 } ?? true
        let older = meta.fields.values.allSatisfy { $0.version <= kept || $0.hlc < deletion.origin.hlc }
        guard inScope, older else { return RestoreResponse(hubTime: now, lost: 1) }
        clock.receive(deletion.origin.hlc)
        try write(
            self.deletion(table, current, meta: meta, stamp: deletion.origin.hlc, author: author(deletion.origin)))
        return RestoreResponse(hubTime: now, applied: 1)
    }

    /// Takes back a conflict record the hub lost, or the resolution of one it holds open;
    /// returns whether it changed anything. The record is published to replicas in scope.
    func restore(_ record: ConflictRecord, from replicaID: String) throws -> Bool {
        guard (try? schema.table(record.table)) != nil, PlausibleValues.problem(withID: record.id) == nil
        else { return false }
        if let held = try conflict(record.id) {
            guard held.status == .open, record.status == .resolved else { return false }
        }
        let author =
            record.resolution.map { ChangeAuthor(replicaID: SyncProtocol.hubReplicaID, name: $0.by) }
            ?? ChangeAuthor(replicaID: record.incoming.replicaID, name: record.incoming.author)
        _ = try publish(record, author: author, hlc: record.incoming.hlc)
        return true
    }

    /// Publishes a conflict record again as the hub holds it, for replicas whose copy is of
    /// a state the hub lost.
    func republish(_ record: ConflictRecord) throws -> Int64 {
        try publish(record, author: ChangeAuthor(replicaID: SyncProtocol.hubReplicaID, name: "hub"), hlc: clock.last)
    }

    /// Logs again, as the hub holds them, the offered fields of a row in the caller's view
    /// that no entry after `before` has set; and a delete, should the row be deleted here.
    private func restate(_ offered: RestoreRow, since before: Int64, principal: Principal) throws {
        guard offered.deletion == nil, let table = try? schema.table(offered.table) else { return }
        guard var meta = try meta(table.name, offered.rowID) else {
            // A row the hub does not have and did not take back (a commune row a head holds,
            // its author having deleted it since): logged as deleted, so that every copy
            // drops it, and kept in the audit trail with its values.
            let hamletID = table.scope == .commune ? nil : offered.fields[TableSpec.scopeColumn]?.value.text
            if let own = principal.hamletID, table.scope == .hamlet, hamletID != own { return }
            let values = offered.fields.mapValues(\.value)
            try write(
                RowWrite(
                    table: table, rowID: offered.rowID, hamletID: hamletID, effect: .relogDelete, hlc: clock.last,
                    author: ChangeAuthor(replicaID: SyncProtocol.hubReplicaID, name: "hub"), meta: nil,
                    audits: [
                        AuditEntry(
                            decision: .deleted, table: table.name, rowID: offered.rowID, column: nil, row: values,
                            newAuthor: "hub", newReplicaID: SyncProtocol.hubReplicaID, newHLC: clock.last, at: now)
                    ]))
            return
        }
        if let hamletID = principal.hamletID, table.scope == .hamlet, meta.hamletID != hamletID { return }
        if meta.deleted {
            let stamp = meta.fields.values.max { $0.version < $1.version } ?? meta.stamp("")
            try write(
                RowWrite(
                    table: table, rowID: offered.rowID, hamletID: meta.hamletID, effect: .relogDelete, hlc: stamp.hlc,
                    author: ChangeAuthor(replicaID: stamp.replicaID, name: stamp.author), meta: meta))
            return
        }
        guard let current = try row(table, offered.rowID) else { return }
        let stale = offered.fields.keys.filter {
            $0 != TableSpec.idColumn && table.column($0) != nil && meta.stamp($0).version <= before
        }
        for (_, columns) in Dictionary(grouping: stale.sorted(), by: { meta.stamp($0).version }).sorted(by: {
            $0.key < $1.key
        }) {
            guard let first = columns.first else { continue }
            let stamp = meta.stamp(first)
            meta =
                try write(
                    RowWrite(
                        table: table, rowID: offered.rowID, hamletID: meta.hamletID,
                        effect: .relog(current.filter { columns.contains($0.key) }), hlc: stamp.hlc,
                        author: ChangeAuthor(replicaID: stamp.replicaID, name: stamp.author), meta: meta,
                        stamped: columns)
                ).meta ?? meta
        }
    }

    /// The audit entries of one row.
    private func audit(table: String, rowID: String) throws -> [String] {
        try sql.fetchTexts(
            "SELECT decision FROM sync_audit WHERE tbl = \(table) AND row_id = \(rowID)")
    }

    private func author(_ origin: FieldOrigin) -> ChangeAuthor {
        ChangeAuthor(replicaID: origin.replicaID, name: origin.author)
    }
}
