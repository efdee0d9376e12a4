import Foundation

/// What the simulation, the bench and the tests read of the hub's bookkeeping.
extension Hub {
    /// Every change the hub has received, with its stored outcome, in arrival order per replica.
    /// Each with the digest of the change's JSON, which tells which content it was.
    package func receivedOutcomes() async throws -> [(replicaID: String, digest: String, outcome: ChangeOutcome)] {
        try await read { sql in
            try sql.fetchAll("SELECT replica_id, digest, outcome FROM sync_received ORDER BY replica_id, seq").map {
                row throws -> (replicaID: String, digest: String, outcome: ChangeOutcome) in
                (
                    try row.text("replica_id"), try row.text("digest"),
                    try JSONText.decode(ChangeOutcome.self, from: try row.text("outcome"))
                )
            }
        }
    }

    /// The whole audit trail, oldest first.
    package func auditTrail() async throws -> [AuditEntry] {
        try await read { sql in
            try sql.fetchTexts("SELECT entry FROM sync_audit ORDER BY id").map {
                text throws(SyncError) in try JSONText.foundationDecode(AuditEntry.self, from: text)
            }
        }
    }

    /// How the log's positions stand: one gapless order, whichever process wrote each entry
    /// (an invariant of the simulation and the bench).
    package func logOrder() async throws -> LogOrder {
        try await read { sql in
            let row = try sql.fetchOne(
                "SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d, COALESCE(MAX(seq), 0) AS m FROM sync_log")
            return LogOrder(
                entries: try row?.int64("n") ?? 0, positions: try row?.int64("d") ?? 0, last: try row?.int64("m") ?? 0)
        }
    }

    /// The whole log, oldest first.
    package func log() async throws -> [LogEntry] {
        try await read { sql in
            try sql.fetchAll("SELECT \(raw: Self.logColumns) FROM sync_log ORDER BY seq").map {
                try LogEntry(logRow: $0)
            }
        }
    }

}

/// The hub's log positions: its entries, their distinct positions, the last position. One
/// order without a gap or a position given twice, whichever process wrote each entry, has
/// all three equal.
package struct LogOrder: Sendable, Codable, Equatable, CustomStringConvertible {
    package var entries: Int64
    package var positions: Int64
    package var last: Int64

    package var isGapless: Bool { entries == positions && positions == last }

    package var description: String { "\(entries) entries, \(positions) positions, the last \(last)" }
}
