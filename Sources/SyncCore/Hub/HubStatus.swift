/// What the hub tells a caller about itself and about the caller.
package struct HubStatus: Sendable, Hashable, Codable {
    /// The hub's wall clock (ms since 1970).
    package var hubTime: Int64
    /// The commune's name, once `ntm-hub init` has set it.
    package var communeName: String?
    /// Who the caller is, by its token.
    package var principal: Principal
    /// The wire protocol version the hub speaks.
    package var protocolVersion: Int
    /// The schema version of the hub's tables.
    package var schemaVersion: Int
    /// The last log position.
    package var logHead: Int64
    /// Open conflicts in the caller's scope.
    package var openConflicts: Int
    /// Every replica with its drift (reviewers only; empty for heads).
    package var replicas: [ReplicaInfo]
    /// The hub's public signing key (`SigningKeys`), which a replica keeps at `init` to
    /// check the replies to its bundles; nil from a hub before issue 14.
    package var hubKey: String?
    /// The name of the head's hamlet, for people to read; nil for a reviewer, and from a
    /// hub before issue 27.
    package var hamletName: String?

    enum CodingKeys: String, CodingKey {
        case principal, replicas
        case hubKey = "hub_key"
        case hamletName = "hamlet_name"
        case hubTime = "hub_time"
        case communeName = "commune_name"
        case protocolVersion = "protocol_version"
        case schemaVersion = "schema_version"
        case logHead = "log_head"
        case openConflicts = "open_conflicts"
    }
}

/// A token just issued: the text is shown once and never stored.
package struct IssuedToken: Sendable, Hashable, Codable {
    /// The bearer token, `ntm_<id>_<secret>`.
    package var token: String
    /// Whom it speaks for.
    package var principal: Principal
}
