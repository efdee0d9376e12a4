/// Versions every request names; the hub refuses a request whose versions it does not speak.
package enum SyncProtocol {
    /// The wire protocol version.
    package static let version = 1

    /// Checks a request's versions against a hub at schema version `hub`: it serves every
    /// earlier schema version (a replica offline for weeks, not yet upgraded), and refuses
    /// a later one, which only an updated hub can serve.
    package static func check(protocolVersion: Int, schemaVersion: Int, hub: Int) throws(SyncError) {
        guard protocolVersion == version else {
            throw .incompatibleVersion("protocol", got: protocolVersion, supported: version)
        }
        if schemaVersion > hub { throw .newerThanHub(schema: schemaVersion, hub: hub) }
        guard schemaVersion >= 1 else { throw .incompatibleVersion("schema", got: schemaVersion, supported: hub) }
    }
}

/// Who is calling the hub: a hamlet head, bound to one hamlet, or a commune reviewer.
package struct Principal: Sendable, Hashable, Codable {
    /// The caller's role.
    package enum Role: Sendable, Hashable {
        /// The head of one hamlet: reads and writes that hamlet's rows, reads commune rows.
        case head(hamletID: String)
        /// Commune staff: reads and writes every row and resolves conflicts.
        case reviewer
    }

    /// The caller's role.
    package let role: Role
    /// A human label for audit trails and conflicts (the head's or officer's name).
    package let name: String
    /// The public id of the token the caller authenticated with; nil for callers inside
    /// the hub process (admin commands, simulations). Never on the wire.
    package let tokenID: String?

    /// A caller with `role`, shown as `name`, authenticated by the token `tokenID`.
    package init(role: Role, name: String, tokenID: String? = nil) {
        self.role = role
        self.name = name
        self.tokenID = tokenID
    }

    /// The hamlet a head is bound to; nil for a reviewer.
    package var hamletID: String? {
        if case .head(let hamletID) = role { return hamletID }
        return nil
    }

    /// Whether this caller is commune staff.
    package var isReviewer: Bool { role == .reviewer }

    /// `head` or `reviewer`.
    package var roleName: String { isReviewer ? "reviewer" : "head" }

    enum CodingKeys: String, CodingKey {
        case role, name
        case hamletID = "hamlet_id"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        tokenID = nil
        switch try container.decode(String.self, forKey: .role) {
        case "reviewer": role = .reviewer
        case "head": role = .head(hamletID: try container.decode(String.self, forKey: .hamletID))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .role, in: container, debugDescription: "unknown role \(other)")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(roleName, forKey: .role)
        try container.encodeIfPresent(hamletID, forKey: .hamletID)
        try container.encode(name, forKey: .name)
    }
}
