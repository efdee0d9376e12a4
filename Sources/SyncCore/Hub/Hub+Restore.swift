import Foundation

extension Hub {
    /// Takes back, in one transaction, confirmed fields a replica pulled before this hub was
    /// restored from an older copy, with their original authors and stamps.
    package func restore(_ request: RestoreRequest, from principal: Principal) async throws -> RestoreResponse {
        try request.check(hubSchema: schema.version)
        let (now, ids, skew) = (clock.nowMilliseconds(), self.ids, configuration.maxFutureSkewMilliseconds)
        let answer = try await refusingWhenFull {
            try await write { sql in
                var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
                try transaction.save(
                    try transaction.register(
                        replicaID: request.replicaID, principal: principal, clientTime: request.clientTime))
                var answer = RestoreResponse(hubTime: now)
                for row in request.rows {
                    // Each row in a savepoint: one the file refuses is lost, the others go on.
                    var part = RestoreResponse(hubTime: now)
                    do {
                        part = try sql.inSavepoint {
                            try transaction.restore(row, kept: request.kept, principal: principal, maxFutureSkew: skew)
                        }
                    } catch {
                        guard case .constraint = sql.refusal(error) else { throw error }
                        transaction.forgetHead()
                        part = RestoreResponse(hubTime: now, lost: row.fields.count)
                    }
                    answer.applied += part.applied
                    answer.unchanged += part.unchanged
                    answer.lost += part.lost
                }
                // Conflict records: a reviewer's take back what the hub lost. Any copy the hub
                // holds otherwise is published again as the hub holds it (the caller pulled
                // a state of the lost log), and a head's copy of one the hub lost is named, so
                // that the head forgets it.
                for record in request.conflicts ?? [] {
                    if let own = principal.hamletID, record.hamletID != own { continue }
                    if principal.isReviewer, try transaction.restore(record, from: request.replicaID) {
                        answer.applied += 1
                    } else if let held = try transaction.conflict(record.id) {
                        if held != record { _ = try transaction.republish(held) }
                    } else {
                        answer.unknownConflicts = (answer.unknownConflicts ?? []) + [record.id]
                    }
                }
                try transaction.finish()
                return answer
            }
        }
        logger.info(
            "restore",
            metadata: [
                "sync.replica": "\(request.replicaID)", "sync.rows": "\(request.rows.count)",
                "sync.applied": "\(answer.applied)", "sync.lost": "\(answer.lost)",
            ])
        return answer
    }
}
