import Foundation
import HubHTTP
import SyncClient
import Testing

@testable import SyncCore

/// Issue 13: the hub over real TLS on loopback, with a certificate made by
/// `ntm-hub tls self-signed`'s code: a phone that trusts the commune's CA syncs; one that
/// does not, or that speaks the wrong protocol, is refused with words it can act on.
@Suite struct TLSTests {
    /// A commune CA and a hub certificate for 127.0.0.1 and localhost in the hub's folder.
    static func certificates(
        _ hub: TestHub, folder: String = "tls", hosts: [String] = ["127.0.0.1", "localhost"]
    ) throws -> (tls: HubTLS, caPEM: String, issued: CommuneCertificates.Issued) {
        let issued = try CommuneCertificates.issue(
            in: hub.path(folder), commune: "Xã Tân Lập", hosts: hosts, days: 30)
        let tls = try HubTLS(certificateFile: issued.hubCertificate, keyFile: issued.hubKey)
        return (tls, try String(contentsOfFile: issued.caCertificate, encoding: .utf8), issued)
    }

    /// The message of the `SyncError` `body` throws.
    static func failure(_ body: () async throws -> Void) async -> SyncError? {
        do {
            try await body()
            return nil
        } catch let error as SyncError {
            return error
        } catch {
            Issue.record("not a SyncError: \(error)")
            return nil
        }
    }

    @Test func aPhoneTrustingTheCommuneCASyncsOverTLS() async throws {
        let hub = try await TestHub()
        let (tls, caPEM, _) = try Self.certificates(hub)
        try await HubApplication.withRunningHub(store: hub.store, tls: tls, logger: TestHub.quietLogger) { url in
            #expect(url.hasPrefix("https://"))
            let connection = HTTPHubConnection(baseURL: url, token: hub.dongToken, trustedCertificates: caPEM)
            let phone = try Replica.create(
                at: hub.path("dong.sqlite"), principal: try await connection.status().principal)
            try phone.setHubSettings(HubSettings(url: url, token: hub.dongToken, trustedCertificates: caPEM))
            let written = try phone.insert(
                into: "cleanups", rows: [["date": .text("2026-11-02"), "participants": .integer(31)]])
            // The replica keeps the CA: a connection made from its settings trusts the hub.
            let settings = try #require(try phone.hubSettings())
            #expect(settings.trustedCertificates == caPEM)
            let report = try await SyncSession(replica: phone, hub: HTTPHubConnection(settings)).run()
            #expect(report.pushed == 1)
            let atHub = try await hub.store.rows(table: "cleanups", for: hub.reviewer)
            #expect(atHub.map { $0["id"] } == written.map { .text($0.id) })
            #expect(atHub.first?["participants"] == .integer(31))

            // And the reviewer, over the same TLS, sees it in the report's data.
            let reviewer = HTTPHubConnection(baseURL: url, token: hub.reviewerToken, trustedCertificates: caPEM)
            #expect(try await reviewer.status().principal.isReviewer)
        }
    }

    @Test func aCertificateTheDeviceDoesNotTrustIsRefusedAndNothingIsSent() async throws {
        let hub = try await TestHub()
        let (tls, _, _) = try Self.certificates(hub)
        // Another commune's CA is no better than none.
        let other = try Self.certificates(hub, folder: "other-commune").caPEM
        try await HubApplication.withRunningHub(store: hub.store, tls: tls, logger: TestHub.quietLogger) { url in
            for trusted in [nil, other] {
                let connection = HTTPHubConnection(baseURL: url, token: hub.dongToken, trustedCertificates: trusted)
                let error = await Self.failure { _ = try await connection.status() }
                #expect(error?.kind == .unavailable)
                #expect(
                    error?.message.contains("the hub's certificate is not trusted by this device") == true,
                    "\(error?.message ?? "no error")")
            }
            let devices = try await hub.store.devices()
            #expect(devices.isEmpty, "no request got through")
        }
    }

    @Test func aCertificateForAnotherNameIsRefused() async throws {
        let hub = try await TestHub()
        let (tls, caPEM, _) = try Self.certificates(hub, hosts: ["hub.tanlap.example"])
        try await HubApplication.withRunningHub(store: hub.store, tls: tls, logger: TestHub.quietLogger) { url in
            let connection = HTTPHubConnection(baseURL: url, token: hub.dongToken, trustedCertificates: caPEM)
            let error = await Self.failure { _ = try await connection.status() }
            #expect(error?.message.contains("not made for this address") == true, "\(error?.message ?? "no error")")
        }
    }

    @Test func plainHTTPToATLSHubIsToldToUseHTTPS() async throws {
        let hub = try await TestHub()
        let (tls, _, _) = try Self.certificates(hub)
        try await HubApplication.withRunningHub(store: hub.store, tls: tls, logger: TestHub.quietLogger) { url in
            let plain = "http://" + url.dropFirst("https://".count)
            let connection = HTTPHubConnection(baseURL: plain, token: hub.dongToken)
            let error = await Self.failure { _ = try await connection.status() }
            #expect(error?.kind == .unavailable && error?.isReportedByHub == true, "\(String(describing: error))")
            #expect(error?.message == "hub: this hub speaks HTTPS only: use an https:// address")
            // A push's body is not read, let alone applied.
            let push = await Self.failure {
                _ = try await connection.push(PushRequest(replicaID: "r-plain", clientTime: 0, changes: []))
            }
            #expect(push?.message == error?.message)
            let devices = try await hub.store.devices()
            #expect(devices.isEmpty)
        }
    }

    @Test func httpsToAPlainHubSaysItDoesNotSpeakHTTPS() async throws {
        let hub = try await TestHub()
        try await HubApplication.withRunningHub(store: hub.store, logger: TestHub.quietLogger) { url in
            let secure = "https://" + url.dropFirst("http://".count)
            let connection = HTTPHubConnection(baseURL: secure, token: hub.dongToken)
            let error = await Self.failure { _ = try await connection.status() }
            // The plain server answers the TLS hello with 400 and closes; when the close (a reset,
            // the hello being unread) overtakes the answer, the client sees a dropped connection,
            // and on a starved machine the handshake can outlast the connect timeout. Never is
            // it blamed on the certificate, and nothing is sent.
            let message = error?.message ?? "no error"
            #expect(error?.kind == .unavailable, "\(message)")
            #expect(
                ["does not speak HTTPS", "the connection dropped", "no answer within"].contains {
                    message.contains($0)
                }, "\(message)")
            #expect(!message.contains("certificate"), "\(message)")
        }
    }

    @Test func renewingTheHubCertificateKeepsTheCASoPhonesStillTrustIt() async throws {
        let hub = try await TestHub()
        let first = try Self.certificates(hub)
        let renewed = try Self.certificates(hub)
        #expect(!first.issued.reusedAuthority && renewed.issued.reusedAuthority)
        #expect(first.caPEM == renewed.caPEM && first.issued.caFingerprint == renewed.issued.caFingerprint)
        try await HubApplication.withRunningHub(store: hub.store, tls: renewed.tls, logger: TestHub.quietLogger) {
            url in
            let connection = HTTPHubConnection(baseURL: url, token: hub.dongToken, trustedCertificates: first.caPEM)
            let principal = try await connection.status().principal
            #expect(principal.hamletID == hub.dongID)
        }
        let mode = try FileManager.default.attributesOfItem(atPath: renewed.issued.hubKey)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the private key is readable by its owner only")
    }

    @Test func unusableCertificateFilesAreRefusedByName() async throws {
        let hub = try await TestHub()
        let (_, _, issued) = try Self.certificates(hub)
        let other = try Self.certificates(hub, folder: "other").issued
        let cases: [(String, String, String)] = [
            (hub.path("missing.pem"), issued.hubKey, "--tls-cert"),
            (issued.hubCertificate, hub.path("missing.pem"), "--tls-key"),
            (issued.hubKey, issued.hubKey, "--tls-cert"),
            (issued.hubCertificate, issued.hubCertificate, "--tls-key"),
            (issued.hubCertificate, other.hubKey, "does not belong"),
        ]
        for (certificate, key, expected) in cases {
            let refusal1 = #expect(throws: SyncError.self) { try HubTLS(certificateFile: certificate, keyFile: key) }
            #expect(refusal1?.kind == .invalidInput, "\(refusal1?.message ?? "no error")")
            do {
                _ = try HubTLS(certificateFile: certificate, keyFile: key)
            } catch {
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
        let refusal2 = #expect(throws: SyncError.self) {
            _ = try CommuneCertificates.issue(in: hub.path("x"), commune: "X", hosts: ["bad host!"], days: 30)
        }
        #expect(refusal2?.kind == .invalidInput, "\(refusal2?.message ?? "no error")")
        let refusal3 = #expect(throws: SyncError.self) {
            _ = try CommuneCertificates.issue(in: hub.path("y"), commune: "X", hosts: [], days: 30)
        }
        #expect(refusal3?.kind == .invalidInput, "\(refusal3?.message ?? "no error")")
    }
}
