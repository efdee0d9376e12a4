import GRDB

/// Why a replica took a new identity.
package enum ForkReason: String, Sendable, Hashable, Codable {
    /// The hub holds other content under one of this replica's change ids: the file was
    /// copied (a USB stick, a backup restored on a new phone) and another copy synced first.
    case copied
    /// The hub expects changes this replica no longer holds (it set some aside, or the hub
    /// was restored from an older copy).
    case sequenceGap = "sequence_gap"
    /// The hub was restored from an older copy: what it lost goes again under a new id.
    case hubRestored = "hub_restored"
}

/// A page of pending changes ready to push, with what maps it back to the outbox.
package struct PushPage: Sendable {
    /// The request, its changes numbered in the replica's identity at the time.
    package var request: PushRequest
    /// Outbox sequence = wire sequence + `seqBase`.
    let seqBase: Int64
}

extension Replica {
    /// This replica's id as the hub knows it now (a copy takes a new one, see `fork`).
    package var replicaID: String {
        get throws {
            try writer.read { db in try Self.identity(db).replicaID }
        }
    }

    /// The current identity: the id, and the offset of its change numbers in the outbox.
    static func identity(_ db: Database) throws -> (replicaID: String, seqBase: Int64) {
        guard let row = try Row.fetchOne(db, cached: "SELECT replica_id, seq_base FROM sync_state WHERE id = 1") else {
            throw SyncError.storage("the replica has no identity (sync_state is empty)")
        }
        return (try row.checked("replica_id"), try row.checked("seq_base"))
    }

    /// Takes a fresh identity, unless another sync already has: the replica's id changes,
    /// and every change the hub has not acknowledged moves, in order, to the start of the
    /// new id's sequence. Nothing the hub acknowledged is sent again, so no change reaches
    /// the hub twice; nothing pending is dropped, so none is lost.
    /// - Returns: the new id, or nil when the identity was no longer `expected`.
    @discardableResult
    package func fork(from expected: String, reason: ForkReason) throws -> String? {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        return try writer.write { db in try Self.fork(db, from: expected, reason: reason, now: now, ids: ids) }
    }

    static func fork(
        _ db: Database, from expected: String, reason: ForkReason, now: Int64, ids: any IDGenerator
    ) throws -> String? {
        let (current, base) = try identity(db)
        guard current == expected else { return nil }
        guard let next = try Int64.fetchOne(db, cached: "SELECT next_seq FROM sync_state WHERE id = 1") else {
            return nil
        }
        // Pending changes move above every outbox entry, contiguous: the new identity
        // numbers them 1, 2, … on the wire, with no gap where a change was set aside.
        let pending = try Int64.fetchAll(db, cached: "SELECT seq FROM sync_outbox WHERE state = 'pending' ORDER BY seq")
        for (offset, seq) in pending.enumerated() {
            try db.execute(
                cached: "UPDATE sync_outbox SET seq = ? WHERE seq = ?", arguments: [next + Int64(offset), seq])
        }
        let replicaID = ids.makeID()
        try db.execute(
            cached: """
                INSERT INTO sync_identities (replica_id, seq_base, until_seq, retired_at, reason)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [current, base, next, now, reason.rawValue])
        try db.execute(
            cached: "UPDATE sync_state SET replica_id = ?, seq_base = ?, next_seq = ? WHERE id = 1",
            arguments: [replicaID, next - 1, next + Int64(pending.count)])
        return replicaID
    }

    /// The identities this replica had before, oldest first.
    package func formerIdentities() throws -> [FormerIdentity] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT replica_id, retired_at, reason FROM sync_identities ORDER BY retired_at, until_seq"
            ).map { row in
                FormerIdentity(
                    replicaID: try row.checked("replica_id"), retiredAt: try row.checked("retired_at"),
                    reason: ForkReason(rawValue: try row.checked("reason")) ?? .copied)
            }
        }
    }
}

/// An id this replica synced under before it forked.
package struct FormerIdentity: Sendable, Hashable, Codable {
    /// The id.
    package var replicaID: String
    /// When the replica left it (replica clock, ms).
    package var retiredAt: Int64
    /// Why.
    package var reason: ForkReason

    enum CodingKeys: String, CodingKey {
        case reason
        case replicaID = "replica_id"
        case retiredAt = "retired_at"
    }
}
