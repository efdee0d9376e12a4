import Crypto
import Foundation
import GRDB

extension Replica {
    /// This device's public signing key, as the hub registers it; nil in a file of an older
    /// schema (tests of an older fleet).
    package func devicePublicKey() throws -> String? {
        try writer.read { db in
            try SigningKeys.stored(db, table: "sync_keys").map { SigningKeys.text($0.publicKey) }
        }
    }

    /// The hub's public signing key as this replica learned it (at `init`, and with every
    /// pull); nil before.
    package func hubPublicKey() throws -> String? {
        try writer.read { db in
            guard try db.tableExists("sync_keys") else { return nil }
            return try String.fetchOne(
                db, sql: "SELECT hub_key FROM sync_keys WHERE id = 1 AND typeof(hub_key) = 'text'")
        }
    }

    /// Records the hub's public signing key, learned over the authenticated connection.
    package func setHubPublicKey(_ key: String) throws {
        try SigningKeys.check(key, field: "hub_key")
        try writer.write { db in try Self.recordHubKey(db, key) }
    }

    static func recordHubKey(_ db: Database, _ key: String) throws {
        guard try db.tableExists("sync_keys") else { return }
        try db.execute(
            cached: "UPDATE sync_keys SET hub_key = ? WHERE id = 1 AND hub_key IS NOT ?", arguments: [key, key])
    }
}
