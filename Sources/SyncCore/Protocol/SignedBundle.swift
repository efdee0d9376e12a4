import Crypto
import Foundation

/// A file that carries sync by hand where there is no signal (DESIGN.md §8): `NTMB`, a
/// format version byte, then gzip of a one-line JSON header (kind, sender, signer's public
/// key, signature), a newline, and the payload's exact bytes. The Ed25519 signature is by
/// the device's key (changes going to the hub) or the hub's (its reply), over a domain tag,
/// the kind, the sender's id and the payload bytes, so a bundle cannot be passed off as
/// another kind or another sender's, and a single byte changed anywhere is refused.
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
    package static let maxFileBytes = WireLimits.maxWireBytes
    package static let maxPayloadBytes = WireLimits.maxBodyBytes
    /// The most bytes of the header line.
    static let maxHeaderBytes = 1024

    package var kind: Kind
    /// The replica id of the device (for both kinds: whose changes, or whom the reply is for).
    package var replicaID: String
    /// The signer's public key (`SigningKeys` text): the reader checks it is one it trusts.
    package var signer: String
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
        return SignedBundle(
            kind: kind, replicaID: replicaID, signer: SigningKeys.text(key.publicKey), payload: payload,
            signature: Array(signature))
    }

    /// Whether `key` made this bundle's signature.
    package func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        key.isValidSignature(signature, for: Self.signedBytes(kind: kind, replicaID: replicaID, payload: payload))
    }

    /// Whether the key the bundle names made its signature (whether that key is one to
    /// trust is the reader's question).
    package var isSignedBySigner: Bool {
        SigningKeys.publicKey(signer).map(isSigned(by:)) ?? false
    }

    private struct Header: WireCodable {
        var kind: Kind
        var replicaID: String
        var signer: String
        var signature: String

        enum CodingKeys: String, CodingKey {
            case kind, signer, signature
            case replicaID = "replica_id"
        }
    }

    /// The file's bytes.
    package func fileBytes() throws(SyncError) -> [UInt8] {
        let header = Header(
            kind: kind, replicaID: replicaID, signer: signer, signature: Data(signature).base64EncodedString())
        var plain = try WireJSON.encode(header)
        plain.append(UInt8(ascii: "\n"))
        plain.append(contentsOf: payload)
        return Self.magic + [Self.formatVersion] + (try Gzip.compress(plain))
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
        let plain: [UInt8]
        do {
            plain = try Gzip.decompress(
                Array(bytes.dropFirst(magic.count + 1)), maxSize: maxPayloadBytes + maxHeaderBytes)
        } catch {
            throw .malformed("the bundle is damaged (\(error.message))")
        }
        guard let newline = plain.prefix(maxHeaderBytes).firstIndex(of: UInt8(ascii: "\n")) else {
            throw .malformed("the bundle is damaged (no header line)")
        }
        let header: Header
        do {
            header = try WireJSON.decode(Header.self, from: Array(plain[..<newline]))
        } catch {
            throw .malformed("the bundle is damaged (header: \(error.message))")
        }
        if let problem = PlausibleValues.problem(withID: header.replicaID) {
            throw .malformed("the bundle's replica_id: \(problem)")
        }
        try SigningKeys.check(header.signer, field: "the bundle's signer")
        guard header.signature.utf8.count <= 100, let signature = Data(base64Encoded: header.signature),
            signature.count == 64
        else {
            throw .malformed("the bundle's signature is not a 64-byte Ed25519 signature")
        }
        let payload = Array(plain[(newline + 1)...])
        guard payload.count <= maxPayloadBytes else { throw .tooLarge("the bundle's payload", limit: maxPayloadBytes) }
        return SignedBundle(
            kind: header.kind, replicaID: header.replicaID, signer: header.signer, payload: payload,
            signature: Array(signature))
    }
}
