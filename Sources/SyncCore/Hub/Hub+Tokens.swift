import Foundation

/// A token as the commune office sees it: never its secret.
package struct TokenInfo: Sendable, Hashable, Codable {
    package var id: String
    /// `head` or `reviewer`.
    package var role: String
    package var hamletID: String?
    package var hamletName: String?
    /// Who holds it.
    package var name: String
    package var createdAt: Int64
    /// When it was revoked; nil while it works.
    package var revokedAt: Int64?
    /// The devices (replica ids) that sync with it, and when one was last seen.
    package var devices: Int
    package var lastSeenAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, role, name, devices
        case hamletID = "hamlet_id"
        case hamletName = "hamlet_name"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
        case lastSeenAt = "last_seen_at"
    }
}

extension TokenInfo {
    /// A token as `Hub.tokenSQL` reads it.
    init(row: SQLRow) throws {
        self.init(
            id: try row.text("id"), role: try row.text("role"), hamletID: try row.optionalText("hamlet_id"),
            hamletName: try row.optionalText("hamlet_name"), name: try row.text("name"),
            createdAt: try row.int64("created_at"), revokedAt: try row.optionalInt64("revoked_at"),
            devices: Int(try row.int64("devices")), lastSeenAt: try row.optionalInt64("last_seen_at"))
    }
}

extension Hub {
    /// Issues a token for a head of one hamlet or a reviewer; only its digest is kept.
    package func issueToken(role: Principal.Role, name: String?) async throws -> IssuedToken {
        if let name {
            if let problem = TextShape.name.problem(with: name) {
                throw SyncError.invalidValue(table: "token", column: "name", problem)
            }
            guard !name.allSatisfy(\.isWhitespace) else {
                throw SyncError.invalidValue(table: "token", column: "name", "must not be empty")
            }
        }
        let now = clock.nowMilliseconds()
        let token = AccessToken.generate()
        return try await write { sql in
            let principal: Principal
            switch role {
            case .reviewer:
                principal = Principal(role: .reviewer, name: name ?? "reviewer")
            case .head(let hamletID):
                guard
                    let hamlet = try sql.fetchOne("SELECT name, head_name FROM hamlets WHERE id = \(hamletID)")
                else { throw SyncError.notFound("hamlet \(hamletID)") }
                let hamletName = try hamlet.text("name")
                let headName = try hamlet.optionalText("head_name")
                principal = Principal(role: role, name: name ?? headName ?? "trưởng \(hamletName)")
            }
            try sql.execute(
                """
                INSERT INTO sync_tokens (id, secret_sha256, role, hamlet_id, name, created_at)
                VALUES (\(token.id), \(token.secretDigest), \(principal.roleName), \(principal.hamletID), \(principal.name), \(now))
                """)
            return IssuedToken(token: token.text, principal: principal)
        }
    }

    /// The principal a bearer token speaks for; nil for an unknown, forged or revoked token.
    package func principal(forToken text: String) async throws -> Principal? {
        guard let token = AccessToken(text) else { return nil }
        let stored = try await read { sql -> (digest: String, principal: Principal)? in
            guard
                let row = try sql.fetchOne(
                    "SELECT * FROM sync_tokens WHERE id = \(token.id) AND revoked_at IS NULL")
            else { return nil }
            let role = try row.text("role")
            let hamletID = try row.optionalText("hamlet_id")
            return (
                try row.text("secret_sha256"),
                Principal(
                    role: role == "reviewer" ? .reviewer : .head(hamletID: hamletID ?? ""), name: try row.text("name"),
                    tokenID: token.id)
            )
        }
        guard let stored, token.matches(digest: stored.digest) else { return nil }
        return stored.principal
    }

    private static var tokenSQL: SQL {
        """
        SELECT t.id, t.role, t.hamlet_id, h.name AS hamlet_name, t.name, t.created_at, t.revoked_at,
          (SELECT COUNT(*) FROM sync_replicas AS r WHERE r.token_id = t.id) AS devices,
          (SELECT MAX(last_seen_at) FROM sync_replicas AS r WHERE r.token_id = t.id) AS last_seen_at
        FROM sync_tokens AS t LEFT JOIN hamlets AS h ON h.id = t.hamlet_id
        """
    }

    /// Every token ever issued, oldest first.
    package func tokens() async throws -> [TokenInfo] {
        try await read { sql in
            try sql.fetchAll(Self.tokenSQL + " ORDER BY t.created_at, t.id").map(TokenInfo.init(row:))
        }
    }

    /// The token `id` names (its id, or the start of one), or an error naming the field.
    private static func tokenID(_ text: String, in sql: any SQLTransaction) throws -> String {
        let ids = try sql.fetchTexts("SELECT id FROM sync_tokens")
        return try RowLookup.resolve(text, among: ids.map { (id: $0, name: "") }, table: "token")
    }

    /// Revokes a token: the next request made with it is refused, whatever it is in the
    /// middle of. Its devices keep their records, and sync again with a replacement token
    /// (`replaceToken`). Revoking a revoked token changes nothing.
    package func revokeToken(_ id: String) async throws -> TokenInfo {
        let now = clock.nowMilliseconds()
        return try await write { sql in
            let id = try Self.tokenID(id, in: sql)
            try sql.execute(
                "UPDATE sync_tokens SET revoked_at = \(now) WHERE id = \(id) AND revoked_at IS NULL")
            guard let row = try sql.fetchOne(Self.tokenSQL + " WHERE t.id = \(id)") else {
                throw SyncError.notFound("token \(id)")
            }
            return try TokenInfo(row: row)
        }
    }

    /// A new token for the holder of token `id` (a phone's token leaked, or the phone was
    /// set up again): same role, hamlet and name unless `name` is given; the devices bound
    /// to the old token are bound to the new one, so each keeps its replica and its id;
    /// the old token is revoked. One transaction.
    package func replaceToken(_ id: String, name: String? = nil) async throws -> IssuedToken {
        if let name, let problem = TextShape.name.problem(with: name) {
            throw SyncError.invalidValue(table: "token", column: "name", problem)
        }
        let now = clock.nowMilliseconds()
        let token = AccessToken.generate()
        return try await write { sql in
            let id = try Self.tokenID(id, in: sql)
            guard let old = try sql.fetchOne("SELECT * FROM sync_tokens WHERE id = \(id)") else {
                throw SyncError.notFound("token \(id)")
            }
            let role = try old.text("role")
            let hamletID = try old.optionalText("hamlet_id")
            let principal = Principal(
                role: role == "reviewer" ? .reviewer : .head(hamletID: hamletID ?? ""),
                name: try name ?? old.text("name"))
            try sql.execute(
                """
                INSERT INTO sync_tokens (id, secret_sha256, role, hamlet_id, name, created_at)
                VALUES (\(token.id), \(token.secretDigest), \(role), \(hamletID), \(principal.name), \(now))
                """)
            try sql.execute("UPDATE sync_replicas SET token_id = \(token.id) WHERE token_id = \(id)")
            try sql.execute(
                "UPDATE sync_tokens SET revoked_at = \(now) WHERE id = \(id) AND revoked_at IS NULL")
            return IssuedToken(token: token.text, principal: principal)
        }
    }
}
