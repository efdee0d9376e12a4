/// How much of an attachment's content the hub holds.
package struct BlobStatus: Sendable, Hashable, Codable {
    /// The content's SHA-256.
    package var sha256: String
    /// Its size, as its attachment says.
    package var bytes: Int
    /// How many of its first bytes the hub holds.
    package var received: Int
    /// Whether the hub holds it whole, checked.
    package var complete: Bool

    package init(sha256: String, bytes: Int, received: Int, complete: Bool) {
        self.sha256 = sha256
        self.bytes = bytes
        self.received = received
        self.complete = complete
    }

    /// The most bytes one piece may carry.
    package static let maxPieceBytes = 1 << 20
}

/// A replica as the hub knows it.
package struct ReplicaInfo: Sendable, Hashable, Codable {
    /// The replica's id.
    package var replicaID: String
    /// The principal's label.
    package var author: String
    /// The head's hamlet, nil for a reviewer.
    package var hamletID: String?
    /// The last change sequence the hub applied from it.
    package var lastSeq: Int64
    /// When the hub last heard from it (hub clock, ms).
    package var lastSeenAt: Int64
    /// The replica's clock minus the hub's at its last request (ms; positive: fast).
    package var driftMilliseconds: Int64
    /// How many of its changes had stamps clamped.
    package var clampedChanges: Int64

    enum CodingKeys: String, CodingKey {
        case author
        case replicaID = "replica_id"
        case hamletID = "hamlet_id"
        case lastSeq = "last_seq"
        case lastSeenAt = "last_seen_at"
        case driftMilliseconds = "drift_ms"
        case clampedChanges = "clamped_changes"
    }
}

/// One line of the hub's audit trail.
package struct AuditEntry: Sendable, Hashable, Codable {
    /// Why the value is in the trail.
    package enum Decision: String, Sendable, Hashable, Codable {
        /// An applied edit replaced `old`.
        case overwritten
        /// A concurrent edit won; `new` is the losing incoming value.
        case lost
        /// A conflict holds `new` for a reviewer.
        case held
        /// The row was deleted; `old` is the whole row.
        case deleted
        /// A reviewer's resolution replaced `old`.
        case resolved
    }

    /// The decision.
    package var decision: Decision
    /// The table.
    package var table: String
    /// The row.
    package var rowID: String
    /// The field, nil for whole-row entries.
    package var column: String?
    /// The hub's value before (or kept).
    package var old: SyncValue?
    /// The incoming or new value.
    package var new: SyncValue?
    /// The whole row, for deletes.
    package var row: SyncRow?
    /// Who wrote `old`.
    package var oldAuthor: String?
    /// Who sent `new`.
    package var newAuthor: String
    /// The replica `new` came from.
    package var newReplicaID: String
    /// The stamp of `new`.
    package var newHLC: HLCTimestamp
    /// When the hub decided (hub clock, ms).
    package var at: Int64

    enum CodingKeys: String, CodingKey {
        case decision, table, column, old, new, row, at
        case rowID = "row_id"
        case oldAuthor = "old_author"
        case newAuthor = "new_author"
        case newReplicaID = "new_replica_id"
        case newHLC = "new_hlc"
    }
}

/// What `initialize` did.
package struct CommuneSetup: Sendable {
    /// The commune's name (the one it already had, when it had one).
    package var communeName: String
    /// The national criteria recorded now.
    package var criteria: [SyncRow]
    /// The hub was named before: nothing changed.
    package var alreadyNamed: Bool
}

/// The communes of a province's database (DESIGN.md §7), found by their codes.
package protocol CommuneDirectory: Sendable {
    /// The store of commune `code`, or nil when the database holds no such commune. `code`
    /// comes from a URL as it was sent: the directory checks it before any lookup.
    func store(code: String) async throws -> (Hub)?
}
