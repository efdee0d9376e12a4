/// The hub's storage and merge: the authority every replica converges on.
///
/// A seam where the world varies: SQLite now (`SQLiteHubStore`), another engine later. It
/// has three parts, by who uses them: `HubSyncStore` (devices syncing, by network or by
/// file), `HubReviewStore` (the commune office reviewing and reporting) and `HubAdminStore`
/// (the hub's operator). The merge itself is the store's own business: it decides a
/// `MergePlan` per change and executes its `RowWrite` (see `HubTransaction+Merge.swift`).
package protocol HubStore: HubSyncStore, HubReviewStore, HubAdminStore {}

/// What devices use: push, pull, restore offers, bundles and attachments' content.
package protocol HubSyncStore: Sendable {
    /// Merges a page of a replica's changes, all or nothing, and returns one outcome per
    /// change. A change seen before gets its original outcome again.
    func push(_ request: PushRequest, from principal: Principal) async throws -> PushResponse

    /// Returns the log entries after the request's cursor within the caller's scope.
    func pull(_ request: PullRequest, for principal: Principal) async throws -> PullResponse

    /// Takes back, in one transaction, confirmed fields a replica pulled before this hub was
    /// restored from an older copy, with their original authors and stamps.
    func restore(_ request: RestoreRequest, from principal: Principal) async throws -> RestoreResponse

    /// The principal a bearer token speaks for; nil for an unknown, forged or revoked token.
    func principal(forToken text: String) async throws -> Principal?

    /// The hub's clock, versions, log head and the caller's open conflicts.
    func status(for principal: Principal) async throws -> HubStatus

    /// Whom a bundle from `replicaID` signed by `deviceKey` speaks for: the holder of the
    /// token the device registered the key with (the most recently seen device with that
    /// key). Nil when no device registered it; `unauthorized` when its token was revoked
    /// since; `forbidden` when `replicaID` registered another key.
    func bundleSender(deviceKey: String, replicaID: String) async throws -> Principal?

    /// `payload` as a reply bundle for `replicaID`, signed with the hub's key.
    func signReply(_ payload: [UInt8], for replicaID: String) async throws -> SignedBundle

    /// How much of an attachment's content the hub holds; `notFound` unless an attachment
    /// in the caller's scope has that content.
    func blobStatus(sha256: String, for principal: Principal) async throws -> BlobStatus

    /// Takes the piece of an attachment's content that starts at `offset` (resumable: a
    /// piece the hub holds already adds nothing); when the content is whole, checks it
    /// against its digest and type and keeps it.
    func putBlobPiece(
        sha256: String, offset: Int, bytes: [UInt8], for principal: Principal
    ) async throws
        -> BlobStatus

    /// An attachment's content, for a caller whose scope has an attachment with it.
    func blob(sha256: String, for principal: Principal) async throws -> BlobContent
}

/// What the commune office uses: conflicts, history, rows, the audit trail, reports.
package protocol HubReviewStore: Sendable {
    /// The conflicts in the caller's scope, optionally only those with `status`.
    func conflicts(status: ConflictRecord.Status?, for principal: Principal) async throws -> [ConflictRecord]

    /// One conflict.
    func conflict(id: String, for principal: Principal) async throws -> ConflictRecord

    /// Who changed a row, what and when, within `principal`'s scope.
    func history(table: String, rowID: String, for principal: Principal) async throws -> RowHistory

    /// Settles an open conflict with a new reviewer-authored change.
    func resolve(
        conflictID: String, choice: ConflictChoice, note: String?, by principal: Principal
    )
        async throws -> ConflictRecord

    /// The hub's current rows of `table` within the caller's scope, ordered by id.
    func rows(table: String, for principal: Principal) async throws -> [SyncRow]

    /// The audit trail of one row: every value overwritten, lost, held or deleted.
    func audit(table: String, rowID: String) async throws -> [AuditEntry]

    /// The commune's report of `period` made on `asOf` (DESIGN.md §9).
    func report(_ period: ReportPeriod, asOf: CalendarDate) async throws -> CommuneReport
}

/// What the hub's operator uses (`ntm-hub` commands, the office page's device list).
package protocol HubAdminStore: Sendable {
    /// Names the commune and records the 19 national criteria not yet recorded; returns
    /// the criteria rows it added.
    func initialize(communeName: String) async throws -> CommuneSetup

    /// Records a hamlet as a change authored by the hub; returns the new row.
    func addHamlet(_ values: SyncRow) async throws -> SyncRow

    /// Issues a token for a head of one hamlet or a reviewer; only its digest is kept.
    func issueToken(role: Principal.Role, name: String?) async throws -> IssuedToken

    /// Every replica the hub has heard from, with its clock drift.
    func replicas() async throws -> [ReplicaInfo]

    /// Every device the hub has heard from: holder, hamlet, last sync, drift, pending
    /// changes and program version.
    func devices() async throws -> [DeviceInfo]
}

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
    func store(code: String) async throws -> (any HubStore)?
}
