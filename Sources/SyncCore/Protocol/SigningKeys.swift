import Crypto
import Foundation
import GRDB

/// Ed25519 keys of devices and hubs (DESIGN.md §8): each replica signs what it sends by
/// file (bundles) with a key it made itself, whose public half the hub registered over the
/// device's authenticated connection; the hub signs its replies with its own, whose public
/// half the replica learned the same way. A public key travels as the base64 of its 32 raw
/// bytes.
package enum SigningKeys {
    /// The bytes of an Ed25519 public key.
    package static let publicKeyBytes = 32

    /// The public key in `text`, or nil when it is not the base64 of 32 bytes.
    package static func publicKey(_ text: String) -> Curve25519.Signing.PublicKey? {
        guard text.utf8.count <= 64, let data = Data(base64Encoded: text), data.count == publicKeyBytes else {
            return nil
        }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: data)
    }

    /// The text form of `key`.
    package static func text(_ key: Curve25519.Signing.PublicKey) -> String {
        key.rawRepresentation.base64EncodedString()
    }

    /// Refuses a field that is not a public key, naming it.
    package static func check(_ text: String, field: String) throws(SyncError) {
        guard publicKey(text) != nil else {
            throw .malformed("\(field): must be an Ed25519 public key, the base64 of 32 bytes")
        }
    }

    /// The private key stored in `table` (one row, id 1), nil when absent or unreadable.
    static func stored(_ db: Database, table: String) throws -> Curve25519.Signing.PrivateKey? {
        guard try db.tableExists(table) else { return nil }
        return try stored(SQLiteTransaction(db), table: table)
    }

    /// The private key of a hub's store whose schema has `table` (either store).
    package static func stored(_ sql: any SQLTransaction, table: String) throws -> Curve25519.Signing.PrivateKey? {
        guard case .blob(let bytes) = try sql.fetchOne("SELECT private_key FROM \(raw: table) WHERE id = 1")?.first
        else { return nil }
        return try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
    }

    /// Makes the key of `table` when there is none or it cannot be read (a file edited by
    /// another tool): a new key, which the next authenticated contact registers. Returns
    /// whether it made one.
    @discardableResult
    static func ensure(_ writer: some DatabaseWriter, table: String) throws -> Bool {
        let missing = try writer.read { db in try db.tableExists(table) && stored(db, table: table) == nil }
        guard missing else { return false }
        return try writer.write { db in
            guard try stored(db, table: table) == nil else { return false }
            try db.execute(
                sql: """
                    INSERT INTO \(table) (id, private_key) VALUES (1, ?)
                    ON CONFLICT(id) DO UPDATE SET private_key = excluded.private_key
                    """,
                arguments: [Curve25519.Signing.PrivateKey().rawRepresentation])
            return true
        }
    }
}
