/// Confirmed fields a replica offers back to a hub restored from an older copy: what the
/// replica had pulled after the point where the hub's log and its own parted, each with
/// its original author and stamp.
package struct RestoreRequest: Sendable, Hashable, Codable {
    /// The protocol version the replica speaks.
    package var protocolVersion: Int
    /// The schema version of the replica's tables.
    package var schemaVersion: Int
    /// The offering replica.
    package var replicaID: String
    /// The replica's wall clock when sending.
    package var clientTime: Int64
    /// The last log position the hub still holds as the replica pulled it: every offered
    /// field was set after it.
    package var kept: Int64
    /// The rows, each with the fields the hub lost.
    package var rows: [RestoreRow]
    /// Conflict records as the replica holds them (a reviewer's offer only): the hub takes
    /// those it lost, and resolutions it lost of those it holds open.
    package var conflicts: [ConflictRecord]?

    /// An offer at schema version `schemaVersion` (this build's own unless told).
    package init(
        replicaID: String, clientTime: Int64, kept: Int64, rows: [RestoreRow],
        schemaVersion: Int = ReplicatedSchema.version
    ) {
        self.protocolVersion = SyncProtocol.version
        self.schemaVersion = schemaVersion
        self.replicaID = replicaID
        self.clientTime = clientTime
        self.kept = kept
        self.rows = rows
    }

    enum CodingKeys: String, CodingKey {
        case kept, rows, conflicts
        case protocolVersion = "protocol_version"
        case schemaVersion = "schema_version"
        case replicaID = "replica_id"
        case clientTime = "client_time"
    }
}

/// One row's lost fields.
package struct RestoreRow: Sendable, Hashable, Codable {
    /// The table.
    package var table: String
    /// The row.
    package var rowID: String
    /// Per column, its value and who set it.
    package var fields: [String: RestoredField]
    /// The row's delete, when the lost log deleted it (then `fields` is empty): its
    /// version and author.
    package var deletion: RestoredField?

    /// A row's fields, or its delete.
    package init(table: String, rowID: String, fields: [String: RestoredField], deletion: RestoredField? = nil) {
        self.table = table
        self.rowID = rowID
        self.fields = fields
        self.deletion = deletion
    }

    enum CodingKeys: String, CodingKey {
        case table, fields, deletion
        case rowID = "row_id"
    }
}

/// A field as a restored hub had it before it lost it.
package struct RestoredField: Sendable, Hashable, Codable {
    /// The value.
    package var value: SyncValue
    /// Its version in the lost log (it groups the fields one change set).
    package var version: Int64
    /// Its author's stamp, replica and name.
    package var origin: FieldOrigin

    /// A field.
    package init(value: SyncValue, version: Int64, origin: FieldOrigin) {
        self.value = value
        self.version = version
        self.origin = origin
    }
}

/// What the hub did with an offer.
package struct RestoreResponse: Sendable, Hashable, Codable {
    /// The hub's wall clock.
    package var hubTime: Int64
    /// Fields set again, with their original authors and stamps.
    package var applied: Int
    /// Fields the hub already held with the same value.
    package var unchanged: Int
    /// Fields a later edit at the hub had replaced (kept in the audit trail), or that no
    /// longer fit (a row deleted since, out of the sender's scope).
    package var lost: Int
    /// Offered conflict records the hub does not hold (a head's copy of one it lost): the
    /// replica forgets them. Nil when none.
    package var unknownConflicts: [String]?

    /// An answer.
    package init(hubTime: Int64, applied: Int = 0, unchanged: Int = 0, lost: Int = 0) {
        self.hubTime = hubTime
        self.applied = applied
        self.unchanged = unchanged
        self.lost = lost
    }

    enum CodingKeys: String, CodingKey {
        case applied, unchanged, lost
        case hubTime = "hub_time"
        case unknownConflicts = "unknown_conflicts"
    }
}

extension RestoreRequest {
    /// The most rows one offer carries.
    package static let maxRows = 500

    /// Refuses an offer whose ids, positions or size are out of bounds.
    package func check(hubSchema: Int) throws(SyncError) {
        try SyncProtocol.check(protocolVersion: protocolVersion, schemaVersion: schemaVersion, hub: hubSchema)
        try SyncProtocol.checkReplicaID(replicaID)
        try SyncProtocol.checkClientTime(clientTime)
        guard rows.count + (conflicts?.count ?? 0) <= Self.maxRows else {
            throw .tooLarge("an offer of \(rows.count) rows", limit: Self.maxRows, unit: "rows")
        }
        guard (0...PlausibleValues.maxSequence).contains(kept) else {
            throw .malformed("kept: must be a log position between 0 and \(PlausibleValues.maxSequence)")
        }
        for (index, row) in rows.enumerated() {
            if let problem = PlausibleValues.problem(withID: row.rowID) {
                throw .malformed("rows[\(index)].row_id: \(problem)")
            }
            for (column, field) in row.fields.merging(
                row.deletion.map { ["(deletion)": $0] } ?? [:], uniquingKeysWith: { $1 })
            {
                guard (1...PlausibleValues.maxSequence).contains(field.version),
                    (0...PlausibleValues.maxStamp.rawValue).contains(field.origin.hlc.rawValue)
                else { throw .malformed("rows[\(index)].fields.\(column): version or stamp out of range") }
                if let problem = PlausibleValues.problem(withID: field.origin.replicaID) {
                    throw .malformed("rows[\(index)].fields.\(column).origin.r: \(problem)")
                }
                if let problem = TextShape.name.problem(with: field.origin.author) {
                    throw .malformed("rows[\(index)].fields.\(column).origin.a: \(problem)")
                }
            }
        }
    }
}
