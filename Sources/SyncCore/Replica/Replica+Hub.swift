import GRDB

/// Where a replica syncs.
package struct HubSettings: Sendable, Hashable {
    /// The hub's base URL, e.g. `http://127.0.0.1:8080`.
    package var url: String
    /// The bearer token.
    package var token: String
    /// PEM certificates trusted for the hub besides the system's authorities.
    package var trustedCertificates: String?

    /// Settings.
    package init(url: String, token: String, trustedCertificates: String? = nil) {
        self.url = url
        self.token = token
        self.trustedCertificates = trustedCertificates
    }
}

extension Replica {
    /// The hub this replica syncs with, once `ntm init` has recorded it.
    package func hubSettings() throws -> HubSettings? {
        try writer.read { db in
            // A CA that is not text (a file edited by another tool) is no CA.
            try Row.fetchOne(
                db,
                sql: """
                    SELECT url, token, CASE WHEN typeof(ca_pem) = 'text' THEN ca_pem END AS ca_pem
                    FROM sync_hub WHERE id = 1
                    """
            ).map {
                HubSettings(
                    url: try $0.checked("url"), token: try $0.checked("token"), trustedCertificates: $0["ca_pem"])
            }
        }
    }

    /// Records the hub this replica syncs with.
    package func setHubSettings(_ settings: HubSettings) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO sync_hub (id, url, token, ca_pem) VALUES (1, ?, ?, ?)",
                arguments: [settings.url, settings.token, settings.trustedCertificates])
        }
    }
}
