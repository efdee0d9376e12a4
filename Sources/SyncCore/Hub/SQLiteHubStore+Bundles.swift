import Crypto
import GRDB

extension SQLiteHubStore {
    package func bundleSender(deviceKey: String, replicaID: String) async throws -> Principal? {
        guard schema.version >= 2 else { return nil }
        return try await writer.read { db in
            let registered = try String.fetchOne(
                db, sql: "SELECT device_key FROM sync_replicas WHERE replica_id = ?", arguments: [replicaID])
            if let registered, registered != deviceKey {
                throw SyncError.forbidden(
                    "replica \(replicaID) registered another device's key than the bundle's signer")
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.role, r.hamlet_id, r.author, r.token_id, t.id AS token, t.role AS token_role,
                      t.hamlet_id AS token_hamlet, t.name AS token_name, t.revoked_at
                    FROM sync_replicas AS r LEFT JOIN sync_tokens AS t ON t.id = r.token_id
                    WHERE r.device_key = ? ORDER BY r.last_seen_at DESC, r.replica_id LIMIT 16
                    """,
                arguments: [deviceKey])
            guard !rows.isEmpty else { return nil }
            for row in rows {
                let tokenID: String? = row["token_id"]
                guard let tokenID else {
                    // Registered by a caller inside the hub process (a simulation, a test).
                    let role: String = row["role"]
                    let hamletID: String? = row["hamlet_id"]
                    return Principal(
                        role: role == "reviewer" ? .reviewer : .head(hamletID: hamletID ?? ""), name: row["author"])
                }
                let token: String? = row["token"]
                let revoked: Int64? = row["revoked_at"]
                guard token != nil, revoked == nil else { continue }
                let role: String = row["token_role"]
                let hamletID: String? = row["token_hamlet"]
                return Principal(
                    role: role == "reviewer" ? .reviewer : .head(hamletID: hamletID ?? ""), name: row["token_name"],
                    tokenID: tokenID)
            }
            throw SyncError.unauthorized(
                "the token this device registered with was revoked; the device must sync once with its new token")
        }
    }

    package func signReply(_ payload: [UInt8], for replicaID: String) async throws -> SignedBundle {
        try await writer.read { db in
            guard let key = try SigningKeys.stored(db, table: "sync_hub_key") else {
                throw SyncError.storage("the hub has no signing key (a hub file of an older schema)")
            }
            return try SignedBundle.sign(kind: .reply, replicaID: replicaID, payload: payload, with: key)
        }
    }
}
