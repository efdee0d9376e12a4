import GRDB

/// Where a replica syncs.
package struct HubSettings: Sendable, Hashable {
    /// The hub's base URL, e.g. `http://127.0.0.1:8080`.
    package var url: String
    /// The bearer token.
    package var token: String

    /// Settings.
    package init(url: String, token: String) {
        self.url = url
        self.token = token
    }
}

extension Replica {
    /// The hub this replica syncs with, once `ntm init` has recorded it.
    package func hubSettings() throws -> HubSettings? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT url, token FROM sync_hub WHERE id = 1").map {
                HubSettings(url: try $0.checked("url"), token: try $0.checked("token"))
            }
        }
    }

    /// Records the hub this replica syncs with.
    package func setHubSettings(_ settings: HubSettings) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO sync_hub (id, url, token) VALUES (1, ?, ?)",
                arguments: [settings.url, settings.token])
        }
    }
}
