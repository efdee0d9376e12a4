import Crypto

extension Hub {
    /// Whom a bundle from `replicaID` signed by `deviceKey` speaks for: the holder of the
    /// token the device registered the key with (the most recently seen device with that
    /// key). Nil when no device registered it; `unauthorized` when its token was revoked
    /// since; `forbidden` when `replicaID` registered another key.
    package func bundleSender(deviceKey: String, replicaID: String) async throws -> Principal? {
        guard schema.version >= 2 else { return nil }
        return try await read { sql in
            let registered = try sql.fetchText(
                "SELECT device_key FROM sync_replicas WHERE replica_id = \(replicaID)")
            if let registered, registered != deviceKey {
                throw SyncError.forbidden(
                    "replica \(replicaID) registered another device's key than the bundle's signer")
            }
            let rows = try sql.fetchAll(
                """
                SELECT r.role, r.hamlet_id, r.author, r.token_id, t.id AS token, t.role AS token_role,
                  t.hamlet_id AS token_hamlet, t.name AS token_name, t.revoked_at
                FROM sync_replicas AS r LEFT JOIN sync_tokens AS t ON t.id = r.token_id
                WHERE r.device_key = \(deviceKey) ORDER BY r.last_seen_at DESC, r.replica_id LIMIT 16
                """)
            guard !rows.isEmpty else { return nil }
            for row in rows {
                guard let tokenID = try row.optionalText("token_id") else {
                    // Registered by a caller inside the hub process (a simulation, a test).
                    let role = try row.text("role")
                    let hamletID = try row.optionalText("hamlet_id")
                    return Principal(
                        role: role == "reviewer" ? .reviewer : .head(hamletID: hamletID ?? ""),
                        name: try row.text("author"))
                }
                guard try row.optionalText("token") != nil, try row.optionalInt64("revoked_at") == nil else { continue }
                let role = try row.text("token_role")
                let hamletID = try row.optionalText("token_hamlet")
                return Principal(
                    role: role == "reviewer" ? .reviewer : .head(hamletID: hamletID ?? ""),
                    name: try row.text("token_name"), tokenID: tokenID)
            }
            throw SyncError.unauthorized(
                "the token this device registered with was revoked; the device must sync once with its new token")
        }
    }

    /// `payload` as a reply bundle for `replicaID`, signed with the hub's key.
    package func signReply(_ payload: [UInt8], for replicaID: String) async throws -> SignedBundle {
        // A hub file of an older schema has no key table (and no public key).
        let keyed = publicKey != nil
        return try await read { sql in
            guard keyed, let key = try SigningKeys.stored(sql, table: "sync_hub_key") else {
                throw SyncError.storage("the hub has no signing key (a hub file of an older schema)")
            }
            return try SignedBundle.sign(kind: .reply, replicaID: replicaID, payload: payload, with: key)
        }
    }
}
