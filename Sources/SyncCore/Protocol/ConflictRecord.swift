import GRDB

/// One side of a conflict: a value with who wrote it and when.
package struct ConflictSide: Sendable, Hashable, Codable {
    /// The field's value; for a delete-versus-update conflict, nil (see `deleted`/`row`).
    package var value: SyncValue?
    /// Whether this side deleted the row.
    package var deleted: Bool
    /// For row conflicts: the fields this side holds (the update's fields, or the hub row).
    package var row: SyncRow?
    /// The hub version of this value (0 when it never reached the hub).
    package var version: Int64
    /// Who wrote it.
    package var author: String
    /// The replica it came from.
    package var replicaID: String
    /// Its stamp.
    package var hlc: HLCTimestamp

    /// A side.
    package init(
        value: SyncValue?, deleted: Bool = false, row: SyncRow? = nil, version: Int64, author: String,
        replicaID: String, hlc: HLCTimestamp
    ) {
        self.value = value
        self.deleted = deleted
        self.row = row
        self.version = version
        self.author = author
        self.replicaID = replicaID
        self.hlc = hlc
    }

    /// The hub's side, from the stamp of the value it holds.
    init(stamp: FieldStamp, value: SyncValue? = nil, deleted: Bool = false, row: SyncRow? = nil) {
        self.init(
            value: value, deleted: deleted, row: row, version: stamp.version, author: stamp.author,
            replicaID: stamp.replicaID, hlc: stamp.hlc)
    }

    enum CodingKeys: String, CodingKey {
        case value, deleted, row, version, author, hlc
        case replicaID = "replica_id"
    }
}

/// How a reviewer settles a conflict.
package enum ConflictChoice: Sendable, Hashable, Codable {
    /// Keep the hub's value.
    case hub
    /// Take the incoming value.
    case incoming
    /// Set a new value.
    case value(SyncValue)

    /// `hub`, `incoming` or `value`.
    package var name: String {
        switch self {
        case .hub: "hub"
        case .incoming: "incoming"
        case .value: "value"
        }
    }
}

/// A reviewer's settlement of a conflict.
package struct ConflictResolution: Sendable, Hashable, Codable {
    /// `hub`, `incoming` or `value`.
    package var choice: String
    /// The value the field now holds (nil for row conflicts).
    package var value: SyncValue?
    /// Whether the row ends deleted (row conflicts).
    package var deleted: Bool
    /// The reviewer.
    package var by: String
    /// When, milliseconds since 1970 (hub clock).
    package var at: Int64
    /// The reviewer's note.
    package var note: String?
    /// The log entry that carries the resolution to replicas (nil when nothing changed).
    package var logSeq: Int64?

    /// A resolution.
    package init(choice: String, value: SyncValue?, deleted: Bool, by: String, at: Int64, note: String?, logSeq: Int64?)
    {
        self.choice = choice
        self.value = value
        self.deleted = deleted
        self.by = by
        self.at = at
        self.note = note
        self.logSeq = logSeq
    }

    enum CodingKeys: String, CodingKey {
        case choice, value, deleted, by, at, note
        case logSeq = "log_seq"
    }
}

/// A conflict the hub opened instead of overwriting a value: base, hub and incoming sides
/// with authors and times, waiting for a reviewer.
package struct ConflictRecord: Sendable, Hashable, Codable {
    /// What collided.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// Two concurrent edits of one field.
        case field
        /// A delete racing an update of a row with review columns.
        case deleteUpdate = "delete_update"
    }

    /// Open or resolved.
    package enum Status: String, Sendable, Hashable, Codable {
        /// Waiting for a reviewer.
        case open
        /// Settled by a reviewer.
        case resolved
    }

    /// The conflict's id (UUIDv7).
    package var id: String
    /// Field or delete-versus-update.
    package var kind: Kind
    /// Open or resolved.
    package var status: Status
    /// The table.
    package var table: String
    /// The row.
    package var rowID: String
    /// The row's hamlet (nil for commune rows).
    package var hamletID: String?
    /// The field, for field conflicts.
    package var column: String?
    /// The value both authors started from, as the incoming author saw it.
    package var base: ConflictSide?
    /// What the hub held and keeps until a reviewer decides.
    package var hub: ConflictSide
    /// What the incoming change wanted.
    package var incoming: ConflictSide
    /// When the hub opened it, milliseconds since 1970 (hub clock).
    package var openedAt: Int64
    /// The reviewer's settlement, once resolved.
    package var resolution: ConflictResolution?

    /// A conflict record.
    package init(
        id: String, kind: Kind, status: Status, table: String, rowID: String, hamletID: String?, column: String?,
        base: ConflictSide?, hub: ConflictSide, incoming: ConflictSide, openedAt: Int64,
        resolution: ConflictResolution? = nil
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.table = table
        self.rowID = rowID
        self.hamletID = hamletID
        self.column = column
        self.base = base
        self.hub = hub
        self.incoming = incoming
        self.openedAt = openedAt
        self.resolution = resolution
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, status, table, column, base, hub, incoming, resolution
        case rowID = "row_id"
        case hamletID = "hamlet_id"
        case openedAt = "opened_at"
    }
}

extension ConflictRecord {
    /// Stores the record in `sync_conflicts` (hub or replica), replacing an earlier state of
    /// it; returns its JSON text.
    @discardableResult
    func save(_ sql: any SQLTransaction) throws -> String {
        let text = try JSONText.foundationEncode(self)
        try sql.execute(
            """
            INSERT INTO sync_conflicts (id, tbl, row_id, hamlet_id, col, status, record)
            VALUES (\(id), \(table), \(rowID), \(hamletID), \(column), \(status.rawValue), \(text))
            ON CONFLICT (id) DO UPDATE SET tbl = excluded.tbl, row_id = excluded.row_id,
              hamlet_id = excluded.hamlet_id, col = excluded.col, status = excluded.status, record = excluded.record
            """)
        return text
    }

    /// `save` on a SQLite file (a replica's conflicts).
    @discardableResult
    func save(_ db: Database) throws -> String {
        try save(SQLiteTransaction(db))
    }
}
