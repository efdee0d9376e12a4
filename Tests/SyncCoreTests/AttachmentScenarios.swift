import Foundation
import Testing

@testable import SyncCore

/// Issue 14, evidence: the `attachments` table of schema version 3 under a mixed fleet.
@Suite struct AttachmentScenarios {
    static func digest(_ n: Int) -> SyncValue { .text(String(format: "%064x", n)) }

    @Test(arguments: [1, 2])
    func aReplicaUpgradedFromAnEarlierVersionFetchesTheAttachmentsItsPullsLeftOut(from version: Int) async throws {
        let commune = try Commune()
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

    @Test func aReplyMadeBeforeAnUpgradeHidesNothingTheNewVersionKnows() async throws {
        let commune = try Commune()
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
}
