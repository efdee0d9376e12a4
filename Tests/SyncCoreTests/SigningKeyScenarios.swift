import Crypto
import Foundation
import GRDB
import NIOCore
import SyncWire
import Testing

@testable import SyncCore

/// Issue 14, first part: every replica makes an Ed25519 key and the hub registers its
/// public half over the device's authenticated connection; the replica learns the hub's
/// public key the same way. The private key never leaves the replica file.
@Suite struct SigningKeyScenarios {
    static func registeredKey(_ commune: Commune, _ replica: Replica) async throws -> String? {
        let id = try replica.replicaID
        return try await commune.hub.read { sql in
            try sql.fetchText("SELECT device_key FROM sync_replicas WHERE replica_id = \(id)")
        }
    }

    @Test(arguments: TestPostgres.engines) func aReplicaRegistersItsKeyAndLearnsTheHubsAtItsFirstSync(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (office, hamlets) = try await commune.withHamlets(["Xóm Đông"])
        let phone = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        let key = try #require(try phone.devicePublicKey())
        #expect(SigningKeys.publicKey(key) != nil)
        #expect(try phone.hubPublicKey() == nil)
        try await commune.sync(phone)
        #expect(try await Self.registeredKey(commune, phone) == key)
        #expect(try await Self.registeredKey(commune, office) == (try office.devicePublicKey()))
        let hubKey = try #require(commune.hub.publicKey)
        #expect(try phone.hubPublicKey() == hubKey)
        let status = try await commune.hub.status(for: phone.principal)
        #expect(status.hubKey == hubKey)

        // The key is the file's own: the same after reopening; another replica has another.
        let reopened = try commune.upgrade(phone)
        #expect(try reopened.devicePublicKey() == key)
        #expect(try office.devicePublicKey() != key)
    }

    @Test(arguments: TestPostgres.engines) func thePrivateKeyNeverLeavesTheReplicaFile(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đông"])
        let phone = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        _ = try phone.insert(into: "cleanups", values: ["date": .text("2026-11-02")])
        let secret = try #require(
            try phone.read { db in try SigningKeys.stored(db, table: "sync_keys")?.rawRepresentation })
        let forms = [
            secret.base64EncodedString(),
            secret.map { String(format: "%02x", $0) }.joined(),
        ]
        let pull = try Wire.encode(try phone.pullRequest(limit: 10))
        let push = try Wire.encode(try phone.pushRequest(try phone.pendingChanges(limit: 10)))
        for body in [pull, push] {
            let text = String(buffer: body)
            for form in forms { #expect(!text.contains(form)) }
        }
        #expect(String(buffer: pull).contains(try #require(try phone.devicePublicKey())))
    }

    @Test(arguments: TestPostgres.engines) func aFileWhoseKeyIsGoneOrDamagedMakesANewOneAndTheHubTakesIt(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đông"])
        let phone = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        try await commune.sync(phone)
        let first = try #require(try phone.devicePublicKey())
        let path = phone.path
        try commune.forget(phone)
        // Another tool blanks the key; a file from before issue 14 has no row at all.
        for damage in ["UPDATE sync_keys SET private_key = x'00'", "DELETE FROM sync_keys"] {
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in try db.execute(sql: damage) }
            try queue.close()
            let reopened = try commune.open(path)
            let renewed = try #require(try reopened.devicePublicKey())
            #expect(renewed != first)
            try await commune.sync(reopened)
            #expect(try await Self.registeredKey(commune, reopened) == renewed, "\(damage)")
            try commune.forget(reopened)
        }
    }

    @Test(arguments: [
        "", "AAAA", String(repeating: "A", count: 44), "not base64!", String(repeating: "QUFB", count: 40),
    ])
    func aPullWithAMalformedDeviceKeyIsRefusedByName(key: String) async throws {
        var request = PullRequest(replicaID: "01a20000-0000-7000-8000-0000000000a1", clientTime: 0, after: 0, limit: 10)
        request.deviceKey = key
        let valid = key.count == 44 && SigningKeys.publicKey(key) != nil
        if valid {
            try request.check(hubSchema: ReplicatedSchema.version)
        } else {
            let refusal1 = #expect(throws: SyncError.self) { try request.check(hubSchema: ReplicatedSchema.version) }
            #expect(refusal1?.kind == .invalidInput, "\(refusal1?.message ?? "no error")")
            do {
                try request.check(hubSchema: ReplicatedSchema.version)
            } catch {
                #expect(error.message.hasPrefix("device_key: "))
            }
        }
    }

    @Test func aHubAnswerWithAMalformedKeyIsRefusedWhole() throws {
        var page = PullResponse(hubTime: 0, entries: [], cursor: 0, hasMore: false)
        page.hubKey = "bad"
        let refusal2 = #expect(throws: SyncError.self) { try page.check() }
        #expect(refusal2?.kind == .storage, "\(refusal2?.message ?? "no error")")
        page.hubKey = SigningKeys.text(Curve25519.Signing.PrivateKey().publicKey)
        try page.check()
        // And it survives the wire both ways.
        let decoded = try Wire.decode(PullResponse.self, from: try Wire.encode(page))
        #expect(decoded.hubKey == page.hubKey)
    }
}
