/// Who last set a field at the hub, at which version and stamp.
package struct FieldStamp: Sendable, Hashable, Codable {
    /// The log position that set the field: the field's version.
    package var version: Int64
    /// The stamp of the change that set it.
    package var hlc: HLCTimestamp
    /// The replica it came from.
    package var replicaID: String
    /// Who set it.
    package var author: String

    /// A stamp.
    package init(version: Int64, hlc: HLCTimestamp, replicaID: String, author: String) {
        self.version = version
        self.hlc = hlc
        self.replicaID = replicaID
        self.author = author
    }

    enum CodingKeys: String, CodingKey {
        case version = "v"
        case hlc = "t"
        case replicaID = "r"
        case author = "a"
    }
}

/// One incoming field edit as the merge sees it.
package struct IncomingEdit: Sendable, Hashable {
    /// The new value.
    package var value: SyncValue
    /// The value the author saw before editing, if known.
    package var base: SyncValue?
    /// The hub version the author last saw.
    package var baseVersion: Int64
    /// The edit's stamp (after clamping).
    package var hlc: HLCTimestamp
    /// The authoring replica.
    package var replicaID: String

    /// An incoming edit.
    package init(value: SyncValue, base: SyncValue?, baseVersion: Int64, hlc: HLCTimestamp, replicaID: String) {
        self.value = value
        self.base = base
        self.baseVersion = baseVersion
        self.hlc = hlc
        self.replicaID = replicaID
    }

    /// Whether the author had seen the hub's current value: its base is the current
    /// version, or the current value is the author's own earlier edit (a replica always
    /// sees its own changes, even before the hub has confirmed them).
    package func hasSeen(_ current: FieldStamp) -> Bool {
        baseVersion == current.version || replicaID == current.replicaID
    }

    /// Whether this edit wins last-writer-wins against `current`: the later stamp, ties
    /// broken by the greater replica id.
    package func winsLastWriter(against current: FieldStamp) -> Bool {
        if hlc != current.hlc { return hlc > current.hlc }
        return current.replicaID.utf8.lexicographicallyPrecedes(replicaID.utf8)
    }
}

/// What the hub does with one incoming field edit (DESIGN.md §4).
package enum MergeDecision: Sendable, Hashable {
    /// Write the incoming value.
    case apply
    /// The hub already holds this value.
    case unchanged
    /// Keep the hub's value; the incoming one goes to the audit trail.
    case lose
    /// Keep the hub's value and open a conflict for a reviewer.
    case conflict
}

/// The per-field merge rules, as a pure function of the values, versions and stamps.
package enum FieldMerge {
    /// Decides one field: non-concurrent edits apply; concurrent ones follow `policy`.
    package static func decide(
        policy: MergePolicy, current: SyncValue, stamp: FieldStamp, incoming: IncomingEdit
    ) -> MergeDecision {
        if incoming.value == current { return .unchanged }
        if incoming.hasSeen(stamp) { return .apply }
        switch policy {
        case .lastWriterWins:
            return incoming.winsLastWriter(against: stamp) ? .apply : .lose
        case .review:
            return .conflict
        case .monotonic(let order):
            if order.isExit(incoming.value) || order.isExit(current) { return .conflict }
            let incomingRank = order.rank(of: incoming.value) ?? -1
            if let base = incoming.base, let baseRank = order.rank(of: base), incomingRank < baseRank {
                return .conflict
            }
            return incomingRank > (order.rank(of: current) ?? -1) ? .apply : .lose
        }
    }
}
