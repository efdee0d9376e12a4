import Crypto
import Foundation
import Testing

@testable import SyncCore

/// Issue 14: the signed file that carries sync where there is no signal. What a bundle says
/// is what its signer wrote, byte for byte: any change, another signer, another kind or
/// another replica's name, a truncated or foreign file, is refused with a plain reason.
@Suite struct SignedBundleTests {
    static let replicaID = "01a20000-0000-7000-8000-0000000000b1"
    static let payload = Array(#"{"changes":[{"seq":1,"note":"Hiến đất — biên bản số 7"}]}"#.utf8)

    @Test func aBundleReadsBackAsWrittenAndItsSignerIsKnown() throws {
        let device = Curve25519.Signing.PrivateKey()
        let bundle = try SignedBundle.sign(
            kind: .changes, replicaID: Self.replicaID, payload: Self.payload, with: device)
        let file = try bundle.fileBytes()
        #expect(Array(file.prefix(5)) == Array("NTMB".utf8) + [1])
        let read = try SignedBundle.read(file)
        #expect(read == bundle)
        #expect(read.payload == Self.payload, "the payload byte for byte, Vietnamese included")
        #expect(read.isSigned(by: device.publicKey))
        #expect(!read.isSigned(by: Curve25519.Signing.PrivateKey().publicKey), "another device's key")
    }

    @Test func anyOneByteChangedIsRefused() throws {
        let device = Curve25519.Signing.PrivateKey()
        let bundle = try SignedBundle.sign(
            kind: .changes, replicaID: Self.replicaID, payload: Self.payload, with: device)
        let file = try bundle.fileBytes()
        // Every byte of the file, flipped in turn: either the file no longer reads, or what
        // it says no longer carries the device's signature.
        for index in file.indices {
            var altered = file
            altered[index] ^= 0x01
            if let read = try? SignedBundle.read(altered) {
                #expect(!read.isSigned(by: device.publicKey) || read == bundle, "byte \(index)")
            }
        }
        // And inside: the payload, the kind, the replica's name.
        var payload = bundle
        payload.payload[3] ^= 0x20
        #expect(!payload.isSigned(by: device.publicKey))
        var kind = bundle
        kind.kind = .reply
        #expect(!kind.isSigned(by: device.publicKey))
        var other = bundle
        other.replicaID = "01a20000-0000-7000-8000-0000000000b2"
        #expect(!other.isSigned(by: device.publicKey))
    }

    @Test func filesThatAreNotBundlesAreRefusedPlainly() throws {
        let bundle = try SignedBundle.sign(
            kind: .reply, replicaID: Self.replicaID, payload: Self.payload, with: Curve25519.Signing.PrivateKey())
        let file = try bundle.fileBytes()
        let cases: [([UInt8], String)] = [
            ([], "does not start with NTMB"),
            (Array("%PDF-1.7 not a bundle".utf8), "does not start with NTMB"),
            (Array(file.prefix(4)), "does not start with NTMB"),
            (Array("NTMB".utf8) + [2] + Array(file.dropFirst(5)), "bundle format version 2 is not supported"),
            (Array(file.prefix(file.count / 2)), "the bundle is damaged"),
            (Array("NTMB".utf8) + [1] + Array("{}".utf8), "the bundle is damaged"),
        ]
        for (bytes, reason) in cases {
            do {
                _ = try SignedBundle.read(bytes)
                Issue.record("read \(bytes.count) bytes as a bundle")
            } catch {
                #expect(error.message.contains(reason), "\(error.message)")
            }
        }
        let refusal = #expect(throws: SyncError.self) {
            _ = try SignedBundle.read([UInt8](repeating: 0, count: SignedBundle.maxFileBytes + 1))
        }
        #expect(refusal?.kind == .tooLarge, "\(refusal?.message ?? "no error")")
    }
}
