import Foundation
import SyncClient
import SyncCore
import Testing

/// Issue 14, evidence, with the real programs: a photo of a signed land-donation record
/// goes up over a link cut every 256 KB and arrives whole, without the finished pieces
/// sent again; the office fetches it on demand; another hamlet's head cannot; a text file
/// renamed .jpg is refused.
@Suite(.serialized) struct AttachmentProcessTests {
    typealias Commune = ProcessTests.Commune

    @Test func aPhotoGoesUpOverALinkCutEvery256KBAndTheOfficeFetchesIt() async throws {
        let commune = try Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        let proxy = try CuttingProxy(to: port, cutAfter: 256 << 10)
        defer { proxy.stop() }
        try await commune.ntm(
            "dong", ["init", "--hub", "http://127.0.0.1:\(proxy.port)", "--token", commune.tokens["dong"] ?? ""])
        for name in ["office", "doai"] {
            try await commune.ntm(name, ["init", "--hub", url, "--token", commune.tokens[name] ?? ""])
        }

        let donation = try await commune.ntm(
            "dong", ["donation", "add", "--donor", "Hộ bà Lò Thị Xuân", "--area-m2", "64"]
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var generator = SplitMix64(seed: 14)
        let size = 1_500_000
        let photo: [UInt8] =
            [0xFF, 0xD8, 0xFF, 0xE1] + (4..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        try Data(photo).write(to: commune.folder.appendingPathComponent("bien-ban.jpg"))
        let attached = try await commune.ntm(
            "dong", ["attach", "donations", donation, "bien-ban.jpg", "--caption", "Biên bản hiến đất số 7"])
        let attachmentID = attached.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        // A text file renamed: refused by its content, in Vietnamese, nothing recorded.
        try Data("Biên bản họp thôn".utf8).write(to: commune.folder.appendingPathComponent("notes.jpg"))
        let renamed = try await commune.ntm(
            "dong", ["attach", "donations", donation, "notes.jpg", "--lang", "vi"], expect: 2)
        #expect(renamed.stderr.contains("không phải ảnh JPEG, PNG hay bản quét PDF"), "\(renamed.stderr)")

        let synced = try await commune.ntm("dong", ["sync", "--lang", "vi"])
        #expect(synced.stdout.contains("ảnh và bản quét lên hub"), "\(synced.stdout)")
        let (cuts, bytesUp) = proxy.stats
        #expect(cuts >= 5, "the link was cut \(cuts) times")
        // Finished pieces are not sent again: what went up is the photo, the pieces cut on
        // the way (at most one per cut, each at most 256 KB), and the requests around it.
        #expect(bytesUp < size + cuts * (256 << 10) + 200_000, "\(bytesUp) bytes up for \(size)")

        // The office sees the record and fetches the photo on demand.
        try await commune.ntm("office", ["sync"])
        let listed = try await commune.ntm("office", ["attachments", "list", "--lang", "vi"])
        #expect(listed.stdout.contains("ở hub"), "\(listed.stdout)")
        try await commune.ntm("office", ["attachments", "get", attachmentID, "--out", "got.jpg"])
        let fetched = try Data(contentsOf: commune.folder.appendingPathComponent("got.jpg"))
        #expect([UInt8](fetched) == photo)

        // Another hamlet's head has no such attachment, and the hub will not serve it.
        try await commune.ntm("doai", ["sync"])
        let foreign = try await commune.ntm("doai", ["attachments", "get", attachmentID, "--out", "x.jpg"], expect: 2)
        #expect(!foreign.stderr.isEmpty)
        let sha = BlobContent.digest(photo)
        let doai = HTTPHubConnection(baseURL: url, token: commune.tokens["doai"] ?? "")
        do {
            _ = try await doai.blob(sha256: sha)
            Issue.record("another hamlet's head was served the photo")
        } catch let error as SyncError {
            #expect(error.kind == .notFound, "\(error.message)")
        }
    }
}
