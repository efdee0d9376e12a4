import Crypto
import Foundation
import SwiftASN1
import SyncCore
import X509

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A commune's own certificate authority, for a hub without a certificate from a public
/// one (`ntm-hub tls self-signed`): a CA certificate the phones trust once
/// (`ntm init --ca-file ca.pem`), and the hub's certificate signed by it. Renewing the
/// hub's certificate reuses the CA, so phones that stay offline for months still trust it.
package enum CommuneCertificates {
    /// The files in the directory.
    package static let caCertificateFile = "ca.pem"
    package static let caKeyFile = "ca-key.pem"
    package static let hubCertificateFile = "hub.pem"
    package static let hubKeyFile = "hub-key.pem"

    /// How long the CA is valid: ten years.
    package static let caDays = 3_650

    /// What `issue` did.
    package struct Issued: Sendable, Encodable {
        /// The CA certificate for the phones.
        package var caCertificate: String
        /// The hub's certificate and key, for `serve --tls-cert --tls-key`.
        package var hubCertificate: String
        package var hubKey: String
        /// Whether the CA already existed (a renewal).
        package var reusedAuthority: Bool
        /// The names and addresses the hub's certificate is valid for.
        package var hosts: [String]
        /// When the hub's certificate expires.
        package var expires: Date
        /// The CA certificate's SHA-256 fingerprint, to read out over the phone.
        package var caFingerprint: String

        enum CodingKeys: String, CodingKey {
            case hosts, expires
            case caCertificate = "ca_certificate"
            case hubCertificate = "hub_certificate"
            case hubKey = "hub_key"
            case reusedAuthority = "reused_authority"
            case caFingerprint = "ca_sha256"
        }
    }

    /// Makes the commune CA in `directory` if it has none, and issues the hub's
    /// certificate for `hosts` (DNS names or IP addresses), valid `days` days.
    package static func issue(
        in directory: String, commune: String, hosts: [String], days: Int, now: Date = Date()
    ) throws -> Issued {
        guard !hosts.isEmpty else {
            throw SyncError.malformed("--host: give the name or address phones use to reach the hub (one or more)")
        }
        guard (1...3_650).contains(days) else { throw SyncError.malformed("--days must be between 1 and 3650") }
        let names = try hosts.map(generalName)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if !manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            try manager.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } else if !isDirectory.boolValue {
            throw SyncError.malformed("--dir \(directory) is a file, not a directory")
        }
        let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
        let caExists = (
            manager.fileExists(atPath: path(caCertificateFile)), manager.fileExists(atPath: path(caKeyFile))
        )
        let authority: (certificate: Certificate, key: Certificate.PrivateKey)
        switch caExists {
        case (true, true):
            authority = try loadAuthority(certificate: path(caCertificateFile), key: path(caKeyFile))
        case (false, false):
            authority = try makeAuthority(commune: commune, now: now)
            try write(authority.key.serializeAsPEM().pemString, to: path(caKeyFile), mode: 0o600)
            try write(authority.certificate.serializeAsPEM().pemString, to: path(caCertificateFile), mode: 0o644)
        default:
            throw SyncError.malformed(
                "\(directory) holds only one of \(caCertificateFile) and \(caKeyFile): restore the other, or use an empty directory"
            )
        }
        let hubKey = P256.Signing.PrivateKey()
        let expires = now.addingTimeInterval(TimeInterval(days) * 86_400)
        let leaf = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(hubKey.publicKey),
            notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: expires,
            issuer: authority.certificate.subject,
            subject: try DistinguishedName {
                OrganizationName(commune)
                CommonName(hosts[0])
            },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: authority.key)
        try write(hubKey.pemRepresentation, to: path(hubKeyFile), mode: 0o600)
        try write(try leaf.serializeAsPEM().pemString, to: path(hubCertificateFile), mode: 0o644)
        var serializer = DER.Serializer()
        try serializer.serialize(authority.certificate)
        let fingerprint = SHA256.hash(data: serializer.serializedBytes).map { String(format: "%02X", $0) }
            .joined(separator: ":")
        return Issued(
            caCertificate: path(caCertificateFile), hubCertificate: path(hubCertificateFile), hubKey: path(hubKeyFile),
            reusedAuthority: caExists == (true, true), hosts: hosts, expires: expires, caFingerprint: fingerprint)
    }

    private static func makeAuthority(
        commune: String, now: Date
    ) throws -> (certificate: Certificate, key: Certificate.PrivateKey) {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName {
            OrganizationName(commune)
            CommonName("NTM Sync CA — \(commune)")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3_600),
            notValidAfter: now.addingTimeInterval(TimeInterval(caDays) * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: key)
        return (certificate, key)
    }

    private static func loadAuthority(
        certificate: String, key: String
    ) throws -> (certificate: Certificate, key: Certificate.PrivateKey) {
        func text(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20,
                let text = String(data: data, encoding: .utf8)
            else { throw SyncError.malformed("\(path) cannot be read as a PEM file") }
            return text
        }
        let loaded: (Certificate, Certificate.PrivateKey)
        do {
            loaded = (try Certificate(pemEncoded: text(certificate)), try Certificate.PrivateKey(pemEncoded: text(key)))
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError.malformed("\(certificate) or \(key) is not a PEM certificate or key (\(error))")
        }
        guard loaded.1.publicKey == loaded.0.publicKey else {
            throw SyncError.malformed("\(key) is not the key of \(certificate)")
        }
        return loaded
    }

    /// A host as a subject alternative name: an IP address, or a DNS name.
    static func generalName(_ host: String) throws -> GeneralName {
        if let bytes = ipAddressBytes(host) {
            return .ipAddress(ASN1OctetString(contentBytes: bytes[...]))
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !host.isEmpty && host.utf8.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy {
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
                    }
            }
        guard valid else {
            throw SyncError.malformed(
                "--host '\(host)' is neither a host name (letters, digits, '-', '.') nor an IP address")
        }
        return .dnsName(host.lowercased())
    }

    private static func ipAddressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// Writes `text` to `path` whole or not at all, with `mode` from the start, replacing
    /// what was there (a renewal): `PrivateFile.write`.
    private static func write(_ text: String, to path: String, mode: Int) throws {
        do {
            try PrivateFile.write(Array(text.utf8), to: path, mode: mode_t(mode), replacing: true)
        } catch {
            throw SyncError.malformed("cannot write \(path): \(error)")
        }
    }
}
