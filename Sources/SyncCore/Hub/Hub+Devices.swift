import Foundation

/// A device (a replica id) as the commune office sees it.
package struct DeviceInfo: Sendable, Hashable, Codable {
    package var replicaID: String
    /// Who syncs with it (the token's holder).
    package var holder: String
    /// `head` or `reviewer`.
    package var role: String
    package var hamletID: String?
    package var hamletName: String?
    package var firstSeenAt: Int64
    package var lastSeenAt: Int64
    /// The device's clock minus the hub's at its last request (ms).
    package var driftMilliseconds: Int64
    /// Changes it had not yet pushed when it last pulled; nil before it said.
    package var pending: Int64?
    /// Its program's version; nil before it said.
    package var appVersion: String?
    package var tokenID: String?
    /// Its token was revoked: it cannot sync until it is given a replacement.
    package var tokenRevoked: Bool

    enum CodingKeys: String, CodingKey {
        case holder, role, pending
        case replicaID = "replica_id"
        case hamletID = "hamlet_id"
        case hamletName = "hamlet_name"
        case firstSeenAt = "first_seen_at"
        case lastSeenAt = "last_seen_at"
        case driftMilliseconds = "drift_ms"
        case appVersion = "app_version"
        case tokenID = "token_id"
        case tokenRevoked = "token_revoked"
    }
}

extension DeviceInfo {
    /// A device as `Hub.devices` reads it (`sync_replicas` with its hamlet's name and its
    /// token's revocation); what it says of itself only from schema version 2 (`reported`).
    init(row: SQLRow, reported: Bool) throws {
        self.init(
            replicaID: try row.text("replica_id"), holder: try row.text("author"), role: try row.text("role"),
            hamletID: try row.optionalText("hamlet_id"), hamletName: try row.optionalText("hamlet_name"),
            firstSeenAt: try row.int64("first_seen_at"), lastSeenAt: try row.int64("last_seen_at"),
            driftMilliseconds: try row.int64("drift_ms"),
            pending: reported ? try row.optionalInt64("pending") : nil,
            appVersion: reported ? try row.optionalText("app_version") : nil,
            tokenID: try row.optionalText("token_id"),
            tokenRevoked: try row.optionalInt64("revoked_at") != nil)
    }
}

extension ReplicaInfo {
    /// A row of `sync_replicas`.
    init(row: SQLRow) throws {
        self.init(
            replicaID: try row.text("replica_id"), author: try row.text("author"),
            hamletID: try row.optionalText("hamlet_id"), lastSeq: try row.int64("last_seq"),
            lastSeenAt: try row.int64("last_seen_at"), driftMilliseconds: try row.int64("drift_ms"),
            clampedChanges: try row.int64("clamped_changes"))
    }
}

extension Hub {
    /// Every replica the hub has heard from, with its clock drift.
    package func replicas() async throws -> [ReplicaInfo] {
        try await read { sql in
            try sql.fetchAll("SELECT * FROM sync_replicas ORDER BY replica_id").map(ReplicaInfo.init(row:))
        }
    }

    /// Every device that ever synced, the most recently seen first.
    package func devices() async throws -> [DeviceInfo] {
        let reported = schema.version >= 2
        return try await read { sql in
            try sql.fetchAll(
                """
                SELECT r.*, h.name AS hamlet_name, t.revoked_at AS revoked_at
                FROM sync_replicas AS r
                LEFT JOIN hamlets AS h ON h.id = r.hamlet_id
                LEFT JOIN sync_tokens AS t ON t.id = r.token_id
                ORDER BY r.last_seen_at DESC, r.replica_id
                """
            ).map { row in try DeviceInfo(row: row, reported: reported) }
        }
    }
}

extension HubTransaction {
    /// The most new replica ids one token registers in `replicaWindowMilliseconds`.
    static let maxNewReplicasPerToken: Int64 = 24
    /// 24 hours.
    static let replicaWindowMilliseconds: Int64 = 24 * 3_600 * 1_000

    /// The replica's bookkeeping, registering it on first contact; refuses a replica id
    /// already bound to another principal or token. Records its clock drift. The caller
    /// has checked the id (`PushRequest.check`, `PullRequest.check`).
    func register(replicaID: String, principal: Principal, clientTime: Int64) throws -> ReplicaInfo {
        // The device's clock may be anything: the drift saturates rather than overflows.
        let drift = Milliseconds.difference(clientTime, now)
        // Merging alongside others, the replica's row is locked: its pages take turns.
        let lock = alongsideOthers ? " FOR UPDATE" : ""
        if let row = try sql.fetchOne("SELECT * FROM sync_replicas WHERE replica_id = \(replicaID)\(raw: lock)") {
            let role = try row.text("role")
            let hamletID = try row.optionalText("hamlet_id")
            guard role == (principal.roleName), hamletID == principal.hamletID else {
                throw SyncError.forbidden("replica \(replicaID) belongs to another hamlet or role")
            }
            // One identity per device: the token that first used the id owns it.
            let owner = try row.optionalText("token_id")
            if let tokenID = principal.tokenID {
                if let owner, owner != tokenID {
                    throw SyncError.forbidden(
                        "replica_id: replica \(replicaID) belongs to another device's token; each device syncs with the token it was set up with"
                    )
                }
                if owner == nil {
                    try sql.execute(
                        "UPDATE sync_replicas SET token_id = \(tokenID) WHERE replica_id = \(replicaID)")
                }
            }
            return ReplicaInfo(
                replicaID: replicaID, author: principal.name, hamletID: hamletID, lastSeq: try row.int64("last_seq"),
                lastSeenAt: now, driftMilliseconds: drift, clampedChanges: try row.int64("clamped_changes"))
        }
        // A new device id: a token makes at most so many a day (a head sets up a phone or a
        // laptop now and then), so that no token can fill the hub with made-up devices.
        if let tokenID = principal.tokenID {
            // Merging alongside others, a token's new devices are counted one at a time (a
            // lock of the token's own), so that no two pages both take the last one.
            if alongsideOthers {
                try sql.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ' token ' || \(tokenID), 0))")
            }
            let made =
                try sql.fetchInt64(
                    "SELECT COUNT(*) FROM sync_replicas WHERE token_id = \(tokenID) AND first_seen_at > \(now - Self.replicaWindowMilliseconds)"
                ) ?? 0
            guard made < Self.maxNewReplicasPerToken else {
                throw SyncError.tooManyRequests(
                    "this token has set up \(made) devices in the last 24 hours, the most one token may: try again tomorrow, or ask the commune office",
                    retryAfterSeconds: 3_600)
            }
        }
        try sql.execute(
            """
            INSERT INTO sync_replicas (replica_id, role, hamlet_id, author, first_seen_at, last_seen_at, drift_ms, token_id)
            VALUES (\(replicaID), \(principal.roleName), \(principal.hamletID), \(principal.name), \(now), \(now), \(drift), \(principal.tokenID))
            """)
        return ReplicaInfo(
            replicaID: replicaID, author: principal.name, hamletID: principal.hamletID, lastSeq: 0, lastSeenAt: now,
            driftMilliseconds: drift, clampedChanges: 0)
    }

    /// Stores the replica's bookkeeping.
    func save(_ replica: ReplicaInfo) throws {
        try sql.execute(
            """
            UPDATE sync_replicas SET author = \(replica.author), last_seq = \(replica.lastSeq), last_seen_at = \(replica.lastSeenAt), drift_ms = \(replica.driftMilliseconds), clamped_changes = \(replica.clampedChanges)
            WHERE replica_id = \(replica.replicaID)
            """)
    }
}
