import Foundation
import Logging
import Testing

@testable import SyncCore

/// Issue 14, evidence: the `attachments` table of schema version 3 under a mixed fleet.
@Suite struct AttachmentScenarios {
    static func digest(_ n: Int) -> SyncValue { .text(String(format: "%064x", n)) }

    @Test(arguments: TestPostgres.engines, [1, 2])
    func aReplicaUpgradedFromAnEarlierVersionFetchesTheAttachmentsItsPullsLeftOut(
        _ engine: SQLDialect, from version: Int
    ) async throws {
        let commune = try await Commune.on(engine)
        let office = try commune.replica("office", for: commune.reviewer, schemaVersion: version)
        let hamletID = try office.insert(into: "hamlets", values: ["name": .text("Xóm Đông")]).id
        try await commune.sync(office)
        let head = try commune.replica("dong", for: commune.head(of: hamletID))
        try await commune.sync(head)
        let donation = try head.insert(
            into: "land_donations", values: ["donor_name": .text("Hộ ông Hoàng Văn Cường"), "area_m2": .real(100)]
        ).id
        let kept = try head.insert(
            into: "attachments",
            values: [
                "row_table": .text("land_donations"), "row_id": .text(donation), "sha256": Self.digest(1),
                "media_type": .text("image/jpeg"), "bytes": .integer(4_245_069), "caption": .text("Biên bản hiến đất"),
            ]
        ).id
        let dropped = try head.insert(
            into: "attachments",
            values: [
                "row_table": .text("land_donations"), "row_id": .text(donation), "sha256": Self.digest(2),
                "media_type": .text("application/pdf"), "bytes": .integer(1_000),
            ]
        ).id
        try await commune.sync(head)
        _ = try head.update("attachments", id: kept, values: ["bytes": .integer(2_240_865)])
        try head.delete(from: "attachments", id: dropped)
        try await commune.sync(head)
        try await commune.sync(office)
        #expect(try office.schema.table("land_donations").name == "land_donations")

        let upgraded = try commune.upgrade(office)
        #expect(upgraded.schema.version == ReplicatedSchema.version)
        try await commune.sync(upgraded)
        let rows = try upgraded.rows("attachments")
        #expect(rows.map(\.id) == [kept])
        #expect(rows.first?["bytes"] == .integer(2_240_865))
        #expect(rows.first?["caption"] == .text("Biên bản hiến đất"))
        try await commune.expectConverged()
    }

    @Test(arguments: TestPostgres.engines) func aReplyMadeBeforeAnUpgradeHidesNothingTheNewVersionKnows(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let office = try commune.replica("office", for: commune.reviewer)
        let hamletID = try office.insert(into: "hamlets", values: ["name": .text("Làng Tơ Tung")]).id
        try await commune.sync(office)
        let old = try commune.replica("old", for: commune.head(of: hamletID), schemaVersion: 2)
        try await commune.sync(old)
        let cleanup = try office.insert(
            into: "cleanups", values: ["hamlet_id": .text(hamletID), "date": .text("2026-11-08")]
        ).id
        let photo = try office.insert(
            into: "attachments",
            values: [
                "hamlet_id": .text(hamletID), "row_table": .text("cleanups"), "row_id": .text(cleanup),
                "sha256": Self.digest(7), "media_type": .text("image/png"), "bytes": .integer(80_000),
            ]
        ).id
        try await commune.sync(office)
        // Exported at version 2; the reply comes back after the device got the new ntm.
        let files = try old.exportBundles()
        let (reply, _) = try await HubBundles.answer(files, store: commune.hub)
        let upgraded = try commune.upgrade(old)
        _ = try upgraded.importReply(reply)
        #expect(try upgraded.rows("attachments").isEmpty, "not yet: the reply was made for version 2")
        // The next round trip, at version 3, brings the photo's record, by file alone.
        let again = try upgraded.exportBundles()
        _ = try upgraded.importReply(try await HubBundles.answer(again, store: commune.hub).reply)
        #expect(try upgraded.rows("attachments").map(\.id) == [photo])
        #expect(try upgraded.rows("cleanups").map(\.id) == [cleanup])
        try await commune.expectConverged()
    }

    /// A JPEG of `size` bytes: its magic, then noise (photos do not compress).
    static func jpeg(_ size: Int, seed: UInt8 = 1) -> [UInt8] {
        var generator = SplitMix64(seed: UInt64(seed))
        return [0xFF, 0xD8, 0xFF, 0xE0] + (4..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    /// Three hamlets' worth: the office, the head of Đông, and the head of Đoài.
    struct Setting {
        let commune: Commune
        let office: Replica
        let dong: Replica
        let doai: Replica
        let donation: String

        init(_ engine: SQLDialect = .sqlite) async throws {
            commune = try await Commune.on(engine)
            let (office, hamlets) = try await commune.withHamlets(["Xóm Đông", "Xóm Đoài"])
            self.office = office
            dong = try commune.replica("dong", for: commune.head(of: hamlets[0]))
            doai = try commune.replica("doai", for: commune.head(of: hamlets[1]))
            try await commune.sync(dong)
            try await commune.sync(doai)
            donation = try dong.insert(
                into: "land_donations", values: ["donor_name": .text("Hộ bà Lò Thị Xuân"), "area_m2": .real(64)]
            ).id
        }

        func connection(_ replica: Replica) -> LocalHubConnection {
            LocalHubConnection(store: commune.hub, principal: replica.principal)
        }
    }

    @Test(arguments: TestPostgres.engines) func aPhotoReachesTheHubOnceAndIsFetchedOnDemandWithinItsScope(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let photo = try BlobContent(checking: Self.jpeg(700_000))
        let record = try s.dong.attach(
            photo, to: "land_donations", rowID: s.donation, caption: "Biên bản hiến đất số 7", takenOn: "2026-11-20")
        #expect(record["media_type"] == .text("image/jpeg"))
        #expect(record["bytes"] == .integer(700_000))
        // The same photo on another row is stored once.
        let cleanup = try s.dong.insert(into: "cleanups", values: ["date": .text("2026-11-22")]).id
        try s.dong.attach(photo, to: "cleanups", rowID: cleanup)
        #expect(try s.dong.blobsToUpload().isEmpty, "not before the hub knows the attachment")
        try await s.commune.sync(s.dong)
        #expect(try s.dong.blobsToUpload() == [photo.sha256])
        let sent = try await s.dong.uploadBlobs(via: s.connection(s.dong))
        #expect(sent.bytes == 700_000, "sent once")
        #expect(try s.dong.blobsToUpload().isEmpty)
        #expect(try await s.dong.uploadBlobs(via: s.connection(s.dong)).bytes == 0)

        // The office sees the records at once and fetches the photo only when asked.
        try await s.commune.sync(s.office)
        #expect(try s.office.attachments(of: "land_donations", rowID: s.donation).count == 1)
        #expect(try s.office.blob(photo.sha256) == nil)
        let fetched = try await s.office.fetchBlob(photo.sha256, via: s.connection(s.office))
        #expect(fetched == photo)
        #expect(try s.office.blob(photo.sha256) == photo, "kept once fetched")

        // Another hamlet's head is told nothing of it, and cannot send pieces of it either.
        try await s.commune.sync(s.doai)
        #expect(try s.doai.attachments().isEmpty)
        let refusal = await #expect(throws: SyncError.self) {
            _ = try await s.connection(s.doai).blob(sha256: photo.sha256)
        }
        #expect(refusal?.kind == .notFound, "\(refusal?.message ?? "no error")")
        do {
            _ = try await s.connection(s.doai).blobStatus(sha256: photo.sha256)
            Issue.record("another hamlet's head learned of the photo")
        } catch let error as SyncError {
            #expect(error.kind == .notFound)
        }
        try await s.commune.expectConverged()
    }

    @Test(arguments: TestPostgres.engines) func aRenamedTextFileIsRefusedAsAPhotoAndNothingIsRecorded(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let text = Array("Biên bản họp thôn ngày 20/11/2026 — không phải ảnh".utf8)
        do {
            _ = try BlobContent(checking: text)
            Issue.record("a text file taken as a photo")
        } catch {
            #expect(error.field == "media_type")
            #expect(error.message.contains("not a JPEG or PNG photo or a PDF scan"))
        }
        #expect(throws: SyncError.self) { _ = try BlobContent(checking: Self.jpeg(MediaType.maxBytes + 1)) }
        #expect(throws: SyncError.self) { _ = try BlobContent(checking: []) }
        #expect(try BlobContent(checking: Array("%PDF-1.7\n".utf8)).mediaType == .pdf)
        #expect(try BlobContent(checking: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).mediaType == .png)
        #expect(try s.dong.attachments().isEmpty)

        // At the hub: content that is not what its attachment names is refused whole.
        let photo = try BlobContent(checking: Self.jpeg(40_000))
        try s.dong.attach(photo, to: "land_donations", rowID: s.donation)
        try await s.commune.sync(s.dong)
        let hub = s.connection(s.dong)
        let forged = Self.jpeg(40_000, seed: 9)
        do {
            _ = try await hub.putBlobPiece(sha256: photo.sha256, offset: 0, bytes: forged)
            Issue.record("the hub took content with another digest")
        } catch let error as SyncError {
            #expect(error.message.contains("does not have the SHA-256"))
        }
        #expect(try await hub.blobStatus(sha256: photo.sha256).received == 0, "the forged pieces are gone")
        #expect(try await s.dong.uploadBlobs(via: hub).bytes == 40_000)
        #expect(try await hub.blobStatus(sha256: photo.sha256).complete)
    }

    /// A link that loses every third piece on its way, and the answer to every fifth.
    struct FlakyLink: BlobConnection {
        let hub: LocalHubConnection
        let calls = Counter()

        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func next() -> Int {
                lock.withLock {
                    value += 1; return value
                }
            }
        }

        func blobStatus(sha256: String) async throws -> BlobStatus { try await hub.blobStatus(sha256: sha256) }
        func blob(sha256: String) async throws -> BlobContent { try await hub.blob(sha256: sha256) }
        func putBlobPiece(sha256: String, offset: Int, bytes: [UInt8]) async throws -> BlobStatus {
            let call = calls.next()
            if call % 3 == 0 { throw SyncError.unavailable("the connection dropped") }
            let status = try await hub.putBlobPiece(sha256: sha256, offset: offset, bytes: bytes)
            if call % 5 == 0 { throw SyncError.unavailable("the connection dropped") }
            return status
        }
    }

    @Test(arguments: TestPostgres.engines) func anUploadCutOnTheWayResumesWithoutResendingWhatArrived(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let photo = try BlobContent(checking: Self.jpeg(3_000_000))
        try s.dong.attach(photo, to: "land_donations", rowID: s.donation)
        try await s.commune.sync(s.dong)
        let sent = try await s.dong.uploadBlobs(via: FlakyLink(hub: s.connection(s.dong)))
        #expect(sent.failures > 0)
        #expect(try await s.connection(s.office).blob(sha256: photo.sha256) == photo)
        // What was resent is only what was lost on the way: pieces cut before the hub took
        // them (a piece whose answer was lost is not sent again).
        #expect(sent.bytes < photo.bytes.count + sent.failures * BlobTransfer.pieceBytes)
        let pieces = try await s.commune.hub.read { sql in
            try sql.fetchInt64("SELECT COUNT(*) FROM sync_blob_pieces") ?? -1
        }
        #expect(pieces == 0, "assembled and kept once")
    }

    /// An upload begun and abandoned does not stay for ever: once no piece of it
    /// has come for 30 days its pieces go (at the next piece of any upload), and a device
    /// that comes back starts it over and completes it. An upload still moving keeps its own.
    @Test(arguments: TestPostgres.engines) func anUploadStalledForAMonthIsDroppedAndStartsOver(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let stalled = try BlobContent(checking: Self.jpeg(3 * BlobTransfer.pieceBytes))
        let moving = try BlobContent(checking: Self.jpeg(3 * BlobTransfer.pieceBytes, seed: 5))
        try s.dong.attach(stalled, to: "land_donations", rowID: s.donation)
        try s.dong.attach(moving, to: "land_donations", rowID: s.donation)
        try await s.commune.sync(s.dong)
        let hub = s.connection(s.dong)
        func piece(_ content: BlobContent, _ index: Int) async throws -> BlobStatus {
            let start = index * BlobTransfer.pieceBytes
            return try await hub.putBlobPiece(
                sha256: content.sha256, offset: start,
                bytes: Array(content.bytes[start..<(start + BlobTransfer.pieceBytes)]))
        }
        _ = try await piece(stalled, 0)
        _ = try await piece(moving, 0)
        s.commune.hubClock.advance(by: 20 * 24 * 3_600 * 1_000)
        _ = try await piece(moving, 1)
        #expect(try await hub.blobStatus(sha256: stalled.sha256).received == BlobTransfer.pieceBytes, "20 days: kept")
        s.commune.hubClock.advance(by: 11 * 24 * 3_600 * 1_000)
        _ = try await piece(moving, 2)
        #expect(try await hub.blobStatus(sha256: moving.sha256).complete, "the moving upload kept its pieces")
        #expect(try await hub.blobStatus(sha256: stalled.sha256).received == 0, "31 days without a piece: dropped")
        #expect(try await s.dong.uploadBlobs(via: hub).bytes == stalled.bytes.count)
        #expect(try await s.connection(s.office).blob(sha256: stalled.sha256) == stalled)
    }

    /// A hamlet's attachment content has a quota: an upload that would pass it is
    /// refused before any of it is kept (413, naming the limit); content already held and
    /// another hamlet's uploads are not affected.
    @Test func aHamletsAttachmentsStayWithinTheirQuota() async throws {
        let s = try await Setting(.sqlite)
        let first = try BlobContent(checking: Self.jpeg(60_000))
        let second = try BlobContent(checking: Self.jpeg(60_000, seed: 3))
        let theirs = try BlobContent(checking: Self.jpeg(60_000, seed: 4))
        try s.dong.attach(first, to: "land_donations", rowID: s.donation)
        try s.dong.attach(second, to: "land_donations", rowID: s.donation)
        let doaiDonation = try s.doai.insert(
            into: "land_donations", values: ["donor_name": .text("Hộ ông Vàng A Páo"), "area_m2": .real(30)]
        ).id
        try s.doai.attach(theirs, to: "land_donations", rowID: doaiDonation)
        try await s.commune.sync(s.dong)
        try await s.commune.sync(s.doai)
        // The same hub file, served with a quota of 100,000 bytes a hamlet.
        var configuration = HubConfiguration()
        configuration.maxAttachmentBytesPerHamlet = 100_000
        let hub = try Hub(
            sqliteFile: s.commune.folder.appendingPathComponent("hub.sqlite").path, configuration: configuration,
            logger: Logger(label: "test.hub", factory: { _ in SwiftLogNoOpLogHandler() }))
        let dong = LocalHubConnection(store: hub, principal: s.dong.principal)
        _ = try await dong.putBlobPiece(sha256: first.sha256, offset: 0, bytes: first.bytes)
        do {
            _ = try await dong.putBlobPiece(sha256: second.sha256, offset: 0, bytes: second.bytes)
            Issue.record("a hamlet's attachments went past their quota")
        } catch let error as SyncError {
            #expect(error.kind == .tooLarge)
            #expect(
                error.message
                    == "this hamlet's attachments (60000 bytes held, 60000 more) is larger than the limit of 100000 bytes",
                "\(error.message)")
        }
        #expect(try await dong.blobStatus(sha256: second.sha256).received == 0, "nothing of it kept")
        #expect(try await dong.blobStatus(sha256: first.sha256).complete)
        let doai = LocalHubConnection(store: hub, principal: s.doai.principal)
        #expect(try await doai.putBlobPiece(sha256: theirs.sha256, offset: 0, bytes: theirs.bytes).complete)
        try hub.close()
    }

    @Test(arguments: TestPostgres.engines) func aBundleCarriesPhotosWhenAskedAndTheHubKeepsThemWhole(
        _ engine: SQLDialect
    ) async throws {
        let s = try await Setting(engine)
        let photo = try BlobContent(checking: Self.jpeg(300_000, seed: 3))
        try s.dong.attach(photo, to: "land_donations", rowID: s.donation, caption: "Biên bản hiến đất")
        // Without the flag, only the records go.
        let plain = try s.dong.exportBundles(maxFileBytes: 256 << 10)
        #expect(plain.count == 1)
        let files = try s.dong.exportBundles(maxFileBytes: 128 << 10, attachments: true)
        #expect(files.count > 2, "the photo in parts of its own")
        for file in files { #expect(try file.fileBytes().count <= 128 << 10) }
        // In any order, all together.
        let read = try files.reversed().map { try SignedBundle.read(try $0.fileBytes()) }
        let (reply, _) = try await HubBundles.answer(read, store: s.commune.hub)
        #expect(try await s.connection(s.office).blob(sha256: photo.sha256) == photo)
        _ = try s.dong.importReply(reply)
        #expect(try s.dong.blobsToUpload(pendingToo: true).isEmpty, "the reply says the hub holds it")
        #expect(try s.dong.exportBundles(attachments: true).count == 1, "nothing to carry again")
        try await s.commune.sync(s.office)
        try await s.commune.expectConverged()
    }
}
