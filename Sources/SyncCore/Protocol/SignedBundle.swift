import Crypto
import Foundation
import NIOCore

/// A file that carries sync by hand where there is no signal (DESIGN.md §8): `NTMB`, a
/// format version byte, then gzip of a JSON envelope holding the payload's exact bytes
/// and an Ed25519 signature over them, by the device's key (changes going to the hub) or
/// the hub's (its reply). The signature covers a domain tag, the kind, the sender's id and
/// the payload bytes, so a bundle cannot be passed off as another kind or another sender's,
/// and a single byte changed anywhere is refused.
package struct SignedBundle: Sendable, Hashable {
    /// What a bundle carries.
    package enum Kind: String, Sendable, Codable {
        /// A device's pending changes and pull cursor, for the hub.
        case changes
        /// The hub's answer: outcomes and the log after the cursor, for the device.
        case reply
    }

    /// The first bytes of every bundle file.
    package static let magic: [UInt8] = Array("NTMB".utf8)
    /// The format this build writes and reads.
    package static let formatVersion: UInt8 = 1
    /// The most bytes a bundle file may have, and its payload once decompressed.
    package static let maxFileBytes = Wire.maxWireBytes
    package static let maxPayloadBytes = Wire.maxBodyBytes

    package var kind: Kind
    /// The replica id of the device (for both kinds: whose changes, or whom the reply is for).
    package var replicaID: String
    /// The payload's exact bytes (JSON of the request or the reply).
    package var payload: [UInt8]
    /// The Ed25519 signature over `signedBytes`.
    package var signature: [UInt8]

    /// What the signature covers.
    static func signedBytes(kind: Kind, replicaID: String, payload: [UInt8]) -> [UInt8] {
        Array("ntm-bundle-v1\n\(kind.rawValue)\n\(replicaID)\n".utf8) + payload
    }

    /// A bundle of `payload`, signed with `key`.
    package static func sign(
        kind: Kind, replicaID: String, payload: [UInt8], with key: Curve25519.Signing.PrivateKey
    ) throws -> SignedBundle {
        let signature = try key.signature(for: signedBytes(kind: kind, replicaID: replicaID, payload: payload))
        return SignedBundle(kind: kind, replicaID: replicaID, payload: payload, signature: Array(signature))
    }

    /// Whether `key` made this bundle's signature.
    package func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        key.isValidSignature(signature, for: Self.signedBytes(kind: kind, replicaID: replicaID, payload: payload))
    }

    private struct Envelope: Codable {
        var kind: Kind
        var replicaID: String
        var payload: String
        var signature: String

        enum CodingKeys: String, CodingKey {
            case kind, payload, signature
            case replicaID = "replica_id"
        }
    }

    /// The file's bytes.
    package func fileBytes() throws(SyncError) -> [UInt8] {
        let envelope = Envelope(
            kind: kind, replicaID: replicaID, payload: Data(payload).base64EncodedString(),
            signature: Data(signature).base64EncodedString())
        let zipped = try Wire.gzip(try Wire.encode(envelope))
        return Self.magic + [Self.formatVersion] + Array(buffer: zipped)
    }

    /// Reads a bundle file, or says plainly why it is not one. The signature is not checked
    /// here: `isSigned(by:)` with the key the reader trusts for `replicaID`.
    package static func read(_ bytes: [UInt8]) throws(SyncError) -> SignedBundle {
        guard bytes.count <= maxFileBytes else { throw .tooLarge("the bundle file", limit: maxFileBytes) }
        guard bytes.count > magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw .malformed("not an NTM Sync bundle (it does not start with NTMB)")
        }
        let version = bytes[magic.count]
        guard version == formatVersion else {
            throw .incompatibleVersion("bundle format", got: Int(version), supported: Int(formatVersion))
        }
        let body = ByteBuffer(bytes: bytes.dropFirst(magic.count + 1))
        let envelope: Envelope
        do {
            envelope = try Wire.decode(Envelope.self, from: try Wire.gunzip(body, maxSize: maxPayloadBytes * 2))
        } catch {
            throw .malformed("the bundle is damaged (\(error.message))")
        }
        if let problem = PlausibleValues.problem(withID: envelope.replicaID) {
            throw .malformed("the bundle's replica_id: \(problem)")
        }
        guard let payload = Data(base64Encoded: envelope.payload), payload.count <= maxPayloadBytes else {
            throw .malformed("the bundle's payload is not base64 within \(maxPayloadBytes) bytes")
        }
        guard let signature = Data(base64Encoded: envelope.signature), signature.count == 64 else {
            throw .malformed("the bundle's signature is not a 64-byte Ed25519 signature")
        }
        return SignedBundle(
            kind: envelope.kind, replicaID: envelope.replicaID, payload: Array(payload), signature: Array(signature))
    }
}
