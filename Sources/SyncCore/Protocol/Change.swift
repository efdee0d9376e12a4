/// What a captured change does to its row.
package enum ChangeOperation: String, Sendable, Hashable, Codable {
    /// A new row.
    case insert
    /// New values for some fields of an existing row.
    case update
    /// The row's removal.
    case delete

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let operation = ChangeOperation(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be insert, update or delete, not '\(text)'")
        }
        self = operation
    }
}

/// One captured local change, identified by (replica id, `seq`).
package struct Change: Sendable, Hashable, Codable {
    /// The per-replica change sequence, from 1, without gaps.
    package var seq: Int64
    /// The replicated table.
    package var table: String
    /// The row's id.
    package var rowID: String
    /// Insert, update or delete.
    package var operation: ChangeOperation
    /// Insert: the whole row. Update: the changed fields only. Delete: empty.
    package var values: SyncRow
    /// Update: the changed fields as the author saw them before. Delete: the whole row.
    package var previous: SyncRow
    /// Per field, the hub version the author last saw (0: never seen). Update: the changed
    /// fields. Delete: every field of the row.
    package var baseVersions: [String: Int64]
    /// The author's hybrid-logical-clock stamp.
    package var hlc: HLCTimestamp
    /// The author's wall-clock time of the edit, in milliseconds since 1970.
    package var createdAt: Int64

    /// A change as captured.
    package init(
        seq: Int64, table: String, rowID: String, operation: ChangeOperation, values: SyncRow,
        previous: SyncRow = [:], baseVersions: [String: Int64] = [:], hlc: HLCTimestamp, createdAt: Int64
    ) {
        self.seq = seq
        self.table = table
        self.rowID = rowID
        self.operation = operation
        self.values = values
        self.previous = previous
        self.baseVersions = baseVersions
        self.hlc = hlc
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case seq, table, operation, values, previous, hlc
        case rowID = "row_id"
        case baseVersions = "base_versions"
        case createdAt = "created_at"
    }
}

/// A page of local changes sent to the hub.
package struct PushRequest: Sendable, Hashable, Codable {
    /// The protocol version the replica speaks.
    package var protocolVersion: Int
    /// The schema version of the replica's tables.
    package var schemaVersion: Int
    /// The sending replica.
    package var replicaID: String
    /// The replica's wall clock when sending, for drift reporting.
    package var clientTime: Int64
    /// Changes in sequence order, without gaps.
    package var changes: [Change]
    /// The newest change of this id the hub acknowledged and the replica has not seen
    /// settle: the hub refuses the push (`hub_restored`) when it holds other content under
    /// that number.
    package var acknowledged: AcknowledgedMark?

    /// A push of `changes` at schema version `schemaVersion` (this build's own unless told).
    package init(
        replicaID: String, clientTime: Int64, changes: [Change], schemaVersion: Int = ReplicatedSchema.version
    ) {
        self.protocolVersion = SyncProtocol.version
        self.schemaVersion = schemaVersion
        self.replicaID = replicaID
        self.clientTime = clientTime
        self.changes = changes
    }

    enum CodingKeys: String, CodingKey {
        case changes, acknowledged
        case protocolVersion = "protocol_version"
        case schemaVersion = "schema_version"
        case replicaID = "replica_id"
        case clientTime = "client_time"
    }
}

/// A change the hub acknowledged, by its number under the replica's id and the digest the
/// hub keeps of it. A hub restored from an older copy, then sent the same number by a copy
/// of the replica, holds as many changes of that id as the replica expects, but not this
/// one: the digest tells.
package struct AcknowledgedMark: Sendable, Hashable, Codable {
    /// The change's number under the id.
    package var seq: Int64
    /// `Change.receivedDigest()` of the change.
    package var digest: String

    package init(seq: Int64, digest: String) {
        self.seq = seq
        self.digest = digest
    }

    enum CodingKeys: String, CodingKey {
        case seq, digest
    }
}

extension Change {
    /// The digest by which the hub knows this change once received: of its JSON text as
    /// the hub decodes it off the wire (see `Hub.push`).
    package func receivedDigest() throws(SyncError) -> String {
        var writer = JSONWriter()
        writer.raw("{")
        try writer.change(self)
        writer.raw("}")
        var reader = JSONReader(bytes: writer.bytes)
        return try JSONText.digest(try Change(from: &reader))
    }
}

/// What became of one field of a change at the hub.
package enum FieldOutcome: String, Sendable, Hashable, Codable {
    /// The value was applied.
    case applied
    /// The hub already held this value.
    case unchanged
    /// A concurrent edit won; the value is in the audit trail.
    case lost
    /// The hub kept its value and opened a conflict for a reviewer.
    case held
}

/// What became of one change at the hub. A repeat of the change gets the same outcome.
package struct ChangeOutcome: Sendable, Hashable, Codable {
    /// Whether the hub took the change in (whatever the merge decided) or refused it.
    package enum Status: String, Sendable, Hashable, Codable {
        /// Merged: see `fields` for what each field became.
        case applied
        /// Refused (scope, validation); the change stays on the replica with `reason`.
        case rejected
    }

    /// The change's sequence number.
    package var seq: Int64
    /// Applied or rejected.
    package var status: Status
    /// Why the change was rejected: a short code (`forbidden`, `invalid_input`, `not_found`)…
    package var code: String?
    /// …and a message naming the field or scope at fault.
    package var reason: String?
    /// Per field (or `*` for the whole row on insert and delete), the merge's decision.
    package var fields: [String: FieldOutcome]
    /// Conflicts opened by this change.
    package var conflicts: [String]
    /// The hub log position after this change: once a replica has pulled this far, its
    /// confirmed state includes the change's effect.
    package var settleSeq: Int64
    /// Whether the change's stamp was too far in the future and was clamped to the hub's.
    package var clamped: Bool

    /// An outcome.
    package init(
        seq: Int64, status: Status, code: String? = nil, reason: String? = nil, fields: [String: FieldOutcome] = [:],
        conflicts: [String] = [], settleSeq: Int64, clamped: Bool = false
    ) {
        self.seq = seq
        self.status = status
        self.code = code
        self.reason = reason
        self.fields = fields
        self.conflicts = conflicts
        self.settleSeq = settleSeq
        self.clamped = clamped
    }

    enum CodingKeys: String, CodingKey {
        case seq, status, code, reason, fields, conflicts, clamped
        case settleSeq = "settle_seq"
    }
}

/// The hub's answer to a push.
package struct PushResponse: Sendable, Hashable, Codable {
    /// The hub's wall clock, for drift reporting.
    package var hubTime: Int64
    /// One outcome per change, in order.
    package var outcomes: [ChangeOutcome]

    /// A response.
    package init(hubTime: Int64, outcomes: [ChangeOutcome]) {
        self.hubTime = hubTime
        self.outcomes = outcomes
    }

    enum CodingKeys: String, CodingKey {
        case outcomes
        case hubTime = "hub_time"
    }
}
