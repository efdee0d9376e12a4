import Foundation

/// A push: a page of a replica's changes merged all or nothing (`HubTransaction.merge`),
/// one outcome per change, a change seen before answered with its stored outcome.
extension Hub {
    /// Merges a page of a replica's changes, all or nothing, and returns one outcome per
    /// change. A change seen before gets its original outcome again.
    package func push(_ request: PushRequest, from principal: Principal) async throws -> PushResponse {
        try request.check(maxChanges: configuration.maxPushChanges, hubSchema: schema.version)
        // Each change's JSON text, for its digest and its size: read before taking the
        // write lock.
        let texts = try request.changes.map { change throws(SyncError) in try JSONText.encode(change) }
        let now = clock.nowMilliseconds()
        let (ids, skew, schema) = (self.ids, configuration.maxFutureSkewMilliseconds, self.schema)
        let senderSchema = try SchemaView.at(request.schemaVersion)
        // Each change is merged plainly; should the file refuse a write the validation let
        // through (a CHECK or trigger it did not foresee), the push runs again with every
        // change in its own savepoint, so that only the refused change is rejected. The
        // savepoints cost about a fifth of the merge time: they are kept for that rare case.
        // Pushes arriving together are committed together (`GroupCommit`).
        let outcomes = try await refusingWhenFull {
            try await pushWrite { sql, isolated in
                var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
                // The page merges as a set: what it needs read at once, its writes sent at
                // the end. Run again change by change (`isolated`), each change writes as it
                // goes, inside its own savepoint.
                if !isolated { transaction.page = PageWrites() }
                var replica = try transaction.register(
                    replicaID: request.replicaID, principal: principal, clientTime: request.clientTime)
                if let first = request.changes.first, first.seq - 1 > replica.lastSeq {
                    throw SyncError.sequenceGap(
                        replica: request.replicaID, expected: replica.lastSeq + 1, got: first.seq)
                }
                // A change acknowledged to this replica that the hub now holds otherwise: the
                // hub was restored, and a copy of the replica filled the number since.
                if let mark = request.acknowledged,
                    try !Self.holds(sql, mark, of: request.replicaID)
                {
                    throw SyncError.acknowledgedLost(seq: mark.seq)
                }
                let author = ChangeAuthor(replicaID: request.replicaID, name: principal.name)
                if !isolated {
                    let fresh = request.changes.filter { $0.seq > replica.lastSeq }
                    // Whether a hamlet exists is read by other pages as they merge: a page
                    // that writes one has the commune to itself.
                    if fresh.contains(where: { $0.table == "hamlets" }) {
                        try transaction.needsTheCommune("the page writes a hamlet")
                    }
                    try transaction.prefetch(fresh)
                }
                var outcomes: [ChangeOutcome] = []
                // A change id received before with other content (a copied replica file):
                // that change and every later one of the page are left to the replica, which
                // takes a new identity and sends them again under it.
                var reused: Int64?
                // Which outcomes this page made (their positions land at its end).
                var made = IndexSet()
                for (change, text) in zip(request.changes, texts) {
                    if let reused {
                        outcomes.append(try transaction.reusedID(change, first: reused))
                        continue
                    }
                    let digest = JSONText.fnv1a(text)  // = JSONText.digest(change), as `Change.receivedDigest`
                    if change.seq <= replica.lastSeq {
                        if let outcome = try transaction.received(change, replicaID: request.replicaID, digest: digest)
                        {
                            outcomes.append(outcome)
                        } else {
                            reused = change.seq
                            outcomes.append(try transaction.reusedID(change, first: change.seq))
                        }
                        continue
                    }
                    let outcome: ChangeOutcome
                    if let problem = change.problem(encodedBytes: text.utf8.count) {
                        outcome = try transaction.rejection(change, problem)
                    } else if isolated {
                        outcome = try transaction.mergeIsolated(
                            change, from: author, principal: principal, maxFutureSkew: skew, senderSchema: senderSchema)
                    } else {
                        outcome = try transaction.merge(
                            change, from: author, principal: principal, maxFutureSkew: skew, senderSchema: senderSchema)
                    }
                    try transaction.write { positions in
                        let stored = try JSONText.encode(positions(outcome))
                        return """
                            INSERT INTO sync_received (replica_id, seq, digest, outcome)
                            VALUES (\(request.replicaID), \(change.seq), \(digest), \(stored))
                            """
                    }
                    made.insert(outcomes.count)
                    replica.lastSeq = change.seq
                    if outcome.clamped {
                        // Saturating: the count as stored may be anything.
                        let (count, overflow) = replica.clampedChanges.addingReportingOverflow(1)
                        replica.clampedChanges = overflow ? .max : count
                    }
                    outcomes.append(outcome)
                }
                try transaction.save(replica)
                try transaction.finish()
                let positions = transaction.positions
                for index in made { outcomes[index] = positions(outcomes[index]) }
                return outcomes
            }
        }
        logger.debug(
            "push",
            metadata: [
                "sync.replica": "\(request.replicaID)", "sync.changes_in": "\(request.changes.count)",
                "sync.rejected": "\(outcomes.filter { $0.status == .rejected }.count)",
                "sync.conflicts": "\(outcomes.reduce(0) { $0 + $1.conflicts.count })",
            ])
        return PushResponse(hubTime: now, outcomes: outcomes)
    }

    /// Whether the hub holds, under `mark`'s number of replica `replicaID`, the change the
    /// mark names (by the digest stored when it was received).
    static func holds(_ sql: any SQLTransaction, _ mark: AcknowledgedMark, of replicaID: String) throws -> Bool {
        try sql.fetchText(
            "SELECT digest FROM sync_received WHERE replica_id = \(replicaID) AND seq = \(mark.seq)")
            == mark.digest
    }
}

extension HubTransaction {
    /// The stored outcome of a change already received; nil for a different change that
    /// reuses its id.
    func received(_ change: Change, replicaID: String, digest: String) throws -> ChangeOutcome? {
        guard
            let row = try sql.fetchOne(
                "SELECT digest, outcome FROM sync_received WHERE replica_id = \(replicaID) AND seq = \(change.seq)")
        else { throw SyncError.storage("change \(change.seq) of replica \(replicaID) has no stored outcome") }
        guard try row.text("digest") == digest else { return nil }
        return try JSONText.decode(ChangeOutcome.self, from: try row.text("outcome"))
    }

    /// The outcome of a change not taken because change `first` of the page reused an id:
    /// nothing is recorded, and the replica sends it again under a new identity.
    func reusedID(_ change: Change, first: Int64) throws -> ChangeOutcome {
        try rejection(
            change, code: .changeIDReused,
            reason: change.seq == first
                ? "change \(first) was already received with different content (a copy of this replica); not taken"
                : "not taken: follows change \(first), whose id was already used")
    }
}
