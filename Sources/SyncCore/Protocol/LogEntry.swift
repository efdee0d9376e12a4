/// One entry of the hub's ordered log, as replicas pull it.
package struct LogEntry: Sendable, Hashable, Codable {
    /// What the entry does.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// Sets the given fields of a row, creating it if missing.
        case upsert
        /// Removes a row.
        case delete
        /// Opens or updates a conflict record.
        case conflict
    }

    /// The hub's server sequence: the log position, and the version of every field it sets.
    package var seq: Int64
    /// Upsert, delete or conflict.
    package var kind: Kind
    /// The replicated table.
    package var table: String
    /// The row's id.
    package var rowID: String
    /// The row's hamlet, nil for commune rows.
    package var hamletID: String?
    /// Upsert: the fields set (a new row: every field).
    package var values: SyncRow?
    /// Conflict: the conflict record as it now stands.
    package var conflict: ConflictRecord?
    /// The stamp of the change that produced the entry.
    package var hlc: HLCTimestamp
    /// The replica the change came from (`hub` for the hub's own).
    package var replicaID: String
    /// Who made the change.
    package var author: String
    /// The change's sequence number within its replica (nil for the hub's own changes).
    package var originSeq: Int64?
    /// When the hub logged it, milliseconds since 1970 (hub clock).
    package var loggedAt: Int64

    /// An entry.
    package init(
        seq: Int64, kind: Kind, table: String, rowID: String, hamletID: String?, values: SyncRow? = nil,
        conflict: ConflictRecord? = nil, hlc: HLCTimestamp, replicaID: String, author: String, loggedAt: Int64,
        originSeq: Int64? = nil
    ) {
        self.seq = seq
        self.kind = kind
        self.table = table
        self.rowID = rowID
        self.hamletID = hamletID
        self.values = values
        self.conflict = conflict
        self.hlc = hlc
        self.replicaID = replicaID
        self.author = author
        self.loggedAt = loggedAt
        self.originSeq = originSeq
    }

    enum CodingKeys: String, CodingKey {
        case seq, kind, table, values, conflict, hlc, author
        case rowID = "row_id"
        case hamletID = "hamlet_id"
        case replicaID = "replica_id"
        case loggedAt = "logged_at"
        case originSeq = "origin_seq"
    }
}

/// A request for the log entries after a cursor, within the caller's scope.
package struct PullRequest: Sendable, Hashable, Codable {
    /// The protocol version the replica speaks.
    package var protocolVersion: Int
    /// The schema version of the replica's tables.
    package var schemaVersion: Int
    /// The pulling replica.
    package var replicaID: String
    /// The replica's wall clock when sending, for drift reporting.
    package var clientTime: Int64
    /// The cursor: the last log position the replica has applied.
    package var after: Int64
    /// The most entries wanted.
    package var limit: Int
    /// The mark of the log entry at `after` as this replica pulled it (`PullResponse.cursorMark`):
    /// a hub restored from an older copy holds another entry there, or none, and says so.
    package var afterMark: String?
    /// Former ids of this replica (it forked) with changes the hub acknowledged and the
    /// replica has not yet seen settle: the hub says what it holds of each (at most 8).
    package var formerReplicaIDs: [String]?
    /// For the current id and each former one of `formerReplicaIDs`: the newest change the
    /// hub acknowledged that has not settled. Where the hub holds other content under that
    /// number, it counts what it holds of the id as ending before it.
    package var acknowledged: [String: AcknowledgedMark]?
    /// The replica's program version and how many changes it has not yet pushed, for the
    /// commune office's list of devices (`ntm-hub devices`).
    package var appVersion: String?
    package var pending: Int64?
    /// Only the values of columns added after this schema version, and only upserts: a
    /// replica upgraded from that version fetches again what its earlier pulls left out.
    package var addedAfterSchema: Int?
    /// The device's public signing key (`SigningKeys`), registered by the hub for this
    /// replica: what checks the bundles it sends by file.
    package var deviceKey: String?

    /// A pull at schema version `schemaVersion` (this build's own unless told).
    package init(
        replicaID: String, clientTime: Int64, after: Int64, limit: Int, afterMark: String? = nil,
        schemaVersion: Int = ReplicatedSchema.version
    ) {
        self.protocolVersion = SyncProtocol.version
        self.schemaVersion = schemaVersion
        self.replicaID = replicaID
        self.clientTime = clientTime
        self.after = after
        self.limit = limit
        self.afterMark = afterMark
    }

    enum CodingKeys: String, CodingKey {
        case after, limit
        case afterMark = "after_mark"
        case formerReplicaIDs = "former_replica_ids"
        case acknowledged, pending
        case appVersion = "app_version"
        case addedAfterSchema = "added_after_schema"
        case deviceKey = "device_key"
        case protocolVersion = "protocol_version"
        case schemaVersion = "schema_version"
        case replicaID = "replica_id"
        case clientTime = "client_time"
    }
}

/// A page of the log.
package struct PullResponse: Sendable, Hashable, Codable {
    /// The hub's wall clock, for drift reporting.
    package var hubTime: Int64
    /// Entries in log order, all within the caller's scope.
    package var entries: [LogEntry]
    /// The next cursor: every in-scope entry up to here is in this page or an earlier one.
    package var cursor: Int64
    /// Whether more entries follow the cursor.
    package var hasMore: Bool
    /// The mark of the log entry at `cursor` (nil at 0), for the next pull's `afterMark`.
    package var cursorMark: String?
    /// The last change of the pulling replica the hub holds (its `last_seq`).
    package var receivedSeq: Int64?
    /// The same for each of the request's `formerReplicaIDs` the hub knows as this caller's.
    package var formerReceived: [String: Int64]?
    /// The hub's public signing key, which checks the replies it writes to bundles.
    package var hubKey: String?

    /// A page.
    package init(hubTime: Int64, entries: [LogEntry], cursor: Int64, hasMore: Bool, cursorMark: String? = nil) {
        self.hubTime = hubTime
        self.entries = entries
        self.cursor = cursor
        self.hasMore = hasMore
        self.cursorMark = cursorMark
    }

    enum CodingKeys: String, CodingKey {
        case entries, cursor
        case cursorMark = "cursor_mark"
        case receivedSeq = "received_seq"
        case formerReceived = "former_received"
        case hubKey = "hub_key"
        case hubTime = "hub_time"
        case hasMore = "has_more"
    }
}

/// What identifies a log entry across hub restores: a digest of its position, stamp,
/// author, table, row and the hub's time of logging. A hub restored from an older copy
/// that has logged other entries since holds, at the same position, one with another mark.
package enum LogMark {
    /// The mark of the entry with these fields.
    package static func of(
        seq: Int64, hlc: Int64, replicaID: String, loggedAt: Int64, table: String, rowID: String
    ) -> String {
        JSONText.fnv1a("\(seq)|\(hlc)|\(replicaID)|\(loggedAt)|\(table)|\(rowID)")
    }

    /// The mark of `entry`.
    package static func of(_ entry: LogEntry) -> String {
        of(
            seq: entry.seq, hlc: entry.hlc.rawValue, replicaID: entry.replicaID, loggedAt: entry.loggedAt,
            table: entry.table, rowID: entry.rowID)
    }
}
