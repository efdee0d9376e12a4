import Foundation

/// What the commune office reviews: conflicts and their resolutions, rows, the audit trail.
extension Hub {
    /// The conflicts in the caller's scope, optionally only those with `status`.
    package func conflicts(status: ConflictRecord.Status?, for principal: Principal) async throws -> [ConflictRecord] {
        try await read { sql in
            var query: SQL = "SELECT record FROM sync_conflicts WHERE 1 = 1"
            if let status { query.append(" AND status = \(status.rawValue)") }
            if let hamletID = principal.hamletID { query.append(" AND hamlet_id = \(hamletID)") }
            return try sql.fetchTexts(query + " ORDER BY id").map {
                text throws(SyncError) in try JSONText.foundationDecode(ConflictRecord.self, from: text)
            }
        }
    }

    /// One conflict.
    package func conflict(id: String, for principal: Principal) async throws -> ConflictRecord {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        let record = try await read { sql in
            try HubTransaction(sql: sql, now: now, ids: ids, schema: schema).conflict(id)
        }
        guard let record, principal.hamletID == nil || record.hamletID == principal.hamletID else {
            throw SyncError.notFound("conflict \(id)")
        }
        return record
    }

    /// Settles an open conflict with a new reviewer-authored change.
    package func resolve(
        conflictID: String, choice: ConflictChoice, note: String?, by principal: Principal
    ) async throws -> ConflictRecord {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        let record = try await refusingWhenFull {
            try await write { sql in
                var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
                let record = try transaction.resolve(conflictID, choice: choice, note: note, reviewer: principal)
                try transaction.finish()
                return record
            }
        }
        logger.debug("resolve", metadata: ["sync.conflict": "\(conflictID)", "sync.choice": "\(choice.name)"])
        return record
    }

    /// The hub's current rows of `table` within the caller's scope, ordered by id.
    package func rows(table name: String, for principal: Principal) async throws -> [SyncRow] {
        let table = try schema.table(name)
        return try await read { sql in try table.fetchRows(sql, hamletID: principal.hamletID) }
    }

    /// The audit trail of one row: every value overwritten, lost, held or deleted.
    package func audit(table: String, rowID: String) async throws -> [AuditEntry] {
        try await read { sql in
            try sql.fetchTexts(
                "SELECT entry FROM sync_audit WHERE tbl = \(table) AND row_id = \(rowID) ORDER BY id"
            ).map { text throws(SyncError) in try JSONText.foundationDecode(AuditEntry.self, from: text) }
        }
    }
}
