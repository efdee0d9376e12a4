import Foundation
import GRDB
import Logging
import Testing

@testable import SyncCore

/// Issue 11: schema version 2 under a fleet that cannot all upgrade on the same day. A hub
/// at version 2 serves replicas still at version 1 for as long as they need; a replica
/// opened by the new `ntm` upgrades in place with its pending and rejected changes intact.
@Suite struct SchemaEvolutionScenarios {
    private static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @discardableResult
    private static func sync(
        _ replica: Replica, _ hub: Hub, as principal: Principal
    ) async throws
        -> SyncReport
    {
        try await SyncSession(replica: replica, hub: LocalHubConnection(store: hub, principal: principal)).run()
    }

    @Test func replicasAndAHubFromTheFieldUpgradeInPlaceAndSyncOn() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try FieldFixture(version: 1).facts()
        for name in ["hub", "dong", "office"] {
            try FieldFixture(version: 1).restore(name, to: folder.appendingPathComponent("\(name).sqlite").path)
        }
        let hub = try Hub(sqliteFile: folder.appendingPathComponent("hub.sqlite").path, logger: Self.quiet)
        let head = try #require(try await hub.principal(forToken: facts.head))
        let officer = try #require(try await hub.principal(forToken: facts.reviewer))
        let dong = try Replica(path: folder.appendingPathComponent("dong.sqlite").path)
        #expect(dong.upgradedFrom == 1 && dong.schema.version == ReplicatedSchema.version)

        // What the version-1 replica held is there as it was: three pending changes (one an
        // insert made with the sqlite3 shell), two acknowledged, one rejected with its reason.
        let states = try dong.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, state FROM sync_outbox ORDER BY seq").map {
                "\($0["seq"] as Int64) \($0["state"] as String)"
            }
        }
        #expect(states == ["7 acked", "8 acked", "9 rejected", "10 pending", "11 pending", "12 pending"])
        let status = try dong.status()
        #expect(status.pendingChanges == 3 && status.rejected.map(\.seq) == [9] && status.openConflicts == 1)
        #expect(status.rejected.first?.reason == "a hamlet head may not write commune table hamlets")
        // The new columns hold their defaults meanwhile.
        #expect(try dong.row("road_segments", id: facts.roadID)?["kind"] == .text("truc"))

        let report = try await Self.sync(dong, hub, as: head)
        #expect(report.pushed == 3 && report.rejected == 0)
        let after = try dong.status()
        #expect(after.pendingChanges == 0 && after.rejected.map(\.seq) == [9])
        let roads = try await hub.rows(table: "road_segments", for: head)
        #expect(roads.compactMap { $0["name"]?.text }.sorted() == ["Ngõ 4 xóm Đông", "Trục xóm Đông"])
        #expect(roads.allSatisfy { $0["kind"] == .text("truc") }, "rows from version 1 take the defaults")
        #expect(roads.first { $0.id == facts.roadID }?["width_after_m"] == .real(6))
        let donations = try await hub.rows(table: "land_donations", for: head)
        #expect(donations.contains { $0["donor_name"] == .text("Phạm Văn Dũng") }, "the shell's insert reached the hub")

        // The office upgrades too, sends its pending edit, and both see the same rows.
        let office = try Replica(path: folder.appendingPathComponent("office.sqlite").path)
        try await Self.sync(office, hub, as: officer)
        try await Self.sync(dong, hub, as: head)
        #expect(try await hub.rows(table: "criteria", for: officer).contains { $0["status"] == .text("met") })
        // The rejected change is still shown on top until its author drops it.
        #expect(try dong.row("hamlets", id: facts.hamletID)?["note"] == .text("sửa tay"))
        try dong.discardRejected(seq: 9)
        // A new device pulls the whole log, entries of version 1 included, and sees the
        // defaults where those entries name no value.
        let laptop = try Replica.create(at: folder.appendingPathComponent("laptop.sqlite").path, principal: officer)
        try await Self.sync(laptop, hub, as: officer)
        for (replica, principal) in [(dong, head), (office, officer), (laptop, officer)] {
            for table in ReplicatedSchema.tables {
                #expect(
                    try replica.rows(table.name) == (try await hub.rows(table: table.name, for: principal)),
                    "\(table.name) on \(principal.name)")
            }
            #expect(try replica.integrityCheck() == "ok")
        }
        for replica in [dong, office, laptop] { try replica.close() }
        try hub.close()
    }

    /// Files the engines of schema versions 2 and 3 wrote (`Tests/Fixtures/v2`, `v3`):
    /// every change they captured and had not sent — by the tool, and by the `sqlite3`
    /// shell (an insert, an update of two columns, a delete), a row changed three times —
    /// reaches the hub after the upgrade exactly as written, the acknowledged ones are not
    /// sent twice, the refused one stays refused, and the open conflict stays open.
    @Test(arguments: [2, 3]) func aFieldReplicaOfAnEarlierVersionUpgradesAndSendsEverythingItHeld(
        version: Int
    ) async throws {
        let fixture = FieldFixture(version: version)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try fixture.facts()
        let cleanupID = try #require(facts.cleanupID)
        let contributionID = try #require(facts.contributionID)
        for name in ["hub", "dong", "office"] {
            try fixture.restore(name, to: folder.appendingPathComponent("\(name).sqlite").path)
        }
        let hub = try Hub(sqliteFile: folder.appendingPathComponent("hub.sqlite").path, logger: Self.quiet)
        let head = try #require(try await hub.principal(forToken: facts.head))
        let officer = try #require(try await hub.principal(forToken: facts.reviewer))
        let logBefore = try await hub.log().count
        let dong = try Replica(path: folder.appendingPathComponent("dong.sqlite").path)
        #expect(dong.schema.version == ReplicatedSchema.version)
        #expect(dong.upgradedFrom == (version < ReplicatedSchema.version ? version : nil))
        let before = try dong.status()
        #expect(before.pendingChanges > 0 && before.openConflicts == 1)
        #expect(before.rejected.map(\.reason) == ["a hamlet head may not write commune table hamlets"])

        try await Self.sync(dong, hub, as: head)
        #expect(try dong.status().pendingChanges == 0)
        #expect(try dong.status().rejected.count == 1, "the refused change stays until its author drops it")
        func hubRow(_ table: String, _ id: String) async throws -> SyncRow? {
            try await hub.rows(table: table, for: head).first { $0.id == id }
        }
        // The row changed three times: its last values.
        let cleanup = try #require(try await hubRow("cleanups", cleanupID))
        #expect(cleanup["participants"] == .integer(44) && cleanup["note"] == .text("Thêm 2 người"))
        #expect(cleanup["waste_kg"] == .real(130))
        // The acknowledged change is there once; the shell's update of two columns on top.
        let road = try #require(try await hubRow("road_segments", facts.roadID))
        #expect(road["width_after_m"] == .real(6))
        #expect(road["length_m"] == .real(430) && road["note"] == .text("đo lại"))
        // The shell's insert and delete.
        let inserted = try await hubRow("land_donations", "01a2f000-0000-7000-8000-0000000000d1")
        #expect(inserted?["donor_name"] == .text("Phạm Văn Dũng") && inserted?["area_m2"] == .real(35.5))
        #expect(try await hubRow("contributions", contributionID) == nil)
        #expect(try await hub.rows(table: "households", for: head).contains { $0["head_name"] == .text("Hà Văn Minh") })
        // The conflict on the donation's area is still the reviewer's to settle.
        #expect(try await hub.conflicts(status: .open, for: head).count == 1)
        #expect(try await hubRow("land_donations", facts.donationID)?["area_m2"] == .real(115))
        if version >= 3 {
            let attachments = try await hub.rows(table: "attachments", for: head)
            #expect(attachments.contains { $0["caption"] == .text("Mặt đường trước khi mở") })
        }
        // Nothing acknowledged before the upgrade was logged again: each pending change
        // adds at most one entry (the shell's delete one, the three edits of a row up to three).
        #expect(try await hub.log().count - logBefore <= before.pendingChanges)

        let office = try Replica(path: folder.appendingPathComponent("office.sqlite").path)
        try await Self.sync(office, hub, as: officer)
        try await Self.sync(dong, hub, as: head)
        try await Self.sync(office, hub, as: officer)
        #expect(try await hub.rows(table: "criteria", for: officer).contains { $0["status"] == .text("met") })
        let rejected = try #require(try dong.status().rejected.first)
        try dong.discardRejected(seq: rejected.seq)
        for (replica, principal) in [(dong, head), (office, officer)] {
            for table in ReplicatedSchema.tables {
                #expect(
                    try replica.rows(table.name) == (try await hub.rows(table: table.name, for: principal)),
                    "\(table.name) on \(principal.name)")
            }
            #expect(try replica.integrityCheck() == "ok")
        }
        for replica in [dong, office] { try replica.close() }
        try hub.close()
    }

    @Test func aMixedFleetConvergesAndNoVersionTwoValueIsLost() async throws {
        let commune = try Commune()
        let (office, hamlets) = try await commune.withHamlets(["Xóm Chùa"])
        let principal = commune.head(of: hamlets[0], name: "Trưởng xóm Chùa")
        let old = try commune.replica("chua-old", for: principal, schemaVersion: 1)
        let new = try commune.replica("chua-new", for: principal)
        #expect(old.schema.version == 1 && new.schema.version == ReplicatedSchema.version)
        let road = try new.insert(
            into: "road_segments",
            values: ["name": .text("Ngõ 5"), "length_m": .real(300), "kind": .text("ngo")])
        let donation = try new.insert(
            into: "land_donations", values: ["donor_name": .text("Đỗ Thị Lan"), "area_m2": .real(40)])
        try await commune.syncAll()
        // The version-1 replica has the rows, without the columns it does not know.
        #expect(try old.row("road_segments", id: road.id)?["name"] == .text("Ngõ 5"))
        #expect(try old.row("road_segments", id: road.id)?["kind"] == nil)
        let refusal = #expect(throws: SyncError.self) {
            try old.update("road_segments", id: road.id, values: ["kind": .text("truc")])
        }
        #expect(refusal?.kind == .invalidInput, "\(refusal?.message ?? "no error")")
        // What the hub sends a version-1 replica names only the columns version 1 knows.
        let v1Columns = Set(try SchemaView.at(1).tables.flatMap(\.columnNames))
        let page = try await commune.hub.pull(
            PullRequest(replicaID: try old.replicaID, clientTime: 0, after: 0, limit: 1_000, schemaVersion: 1),
            for: principal)
        #expect(!page.entries.isEmpty)
        #expect(page.entries.allSatisfy { Set(($0.values ?? [:]).keys).isSubset(of: v1Columns) })

        // Concurrently: the old replica renames the road and corrects its length; the new
        // one sets its kind and completion date; the office corrects the length too (a
        // review column) and raises a criterion's level.
        try old.update(
            "road_segments", id: road.id, values: ["name": .text("Ngõ 5 (xóm Chùa)"), "length_m": .real(320)])
        try new.update(
            "road_segments", id: road.id, values: ["kind": .text("noi_dong"), "completed_on": .text("2026-11-20")])
        try office.update("road_segments", id: road.id, values: ["length_m": .real(310)])
        let criterion = try #require(try office.rows("criteria").first)
        try office.update(
            "criteria", id: criterion.id, values: ["level": .text("advanced"), "owner": .text("UBND xã")])
        // The old replica inserts a road (the hub gives it version 2's defaults) and a new
        // one edits the donation's handed-over date while the old one deletes it.
        let oldRoad = try old.insert(
            into: "road_segments", values: ["name": .text("Trục chính"), "length_m": .real(900)])
        try new.update("land_donations", id: donation.id, values: ["handed_over_on": .text("2026-11-21")])
        try await commune.sync(new)
        try old.delete(from: "land_donations", id: donation.id)
        try await commune.sync(office)
        try await commune.sync(old)
        try await commune.syncAll()

        let atHub = try #require(
            try await commune.hub.rows(table: "road_segments", for: commune.reviewer).first { $0.id == road.id })
        #expect(atHub["name"] == .text("Ngõ 5 (xóm Chùa)"))
        #expect(
            atHub["kind"] == .text("noi_dong") && atHub["completed_on"] == .text("2026-11-20"),
            "no version-2 value lost")
        #expect(
            atHub["length_m"] == .real(310), "the hub kept the first length to arrive and held the other for review")
        let inserted = try await commune.hub.rows(table: "road_segments", for: commune.reviewer).first {
            $0.id == oldRoad.id
        }
        #expect(inserted?["kind"] == .text("truc") && inserted?["target_width_m"] == .real(6))
        #expect(
            try await commune.hub.rows(table: "criteria", for: commune.reviewer).first { $0.id == criterion.id }?[
                "level"] == .text("advanced"))
        // The delete raced an edit the old replica could not see, of a row with review
        // columns: a conflict, and the row stays, with its version-2 value.
        let donationAtHub = try await commune.hub.rows(table: "land_donations", for: commune.reviewer).first {
            $0.id == donation.id
        }
        #expect(donationAtHub?["handed_over_on"] == .text("2026-11-21"))
        // Every replica sees both conflicts; the old one without the columns it does not know.
        for replica in [old, new, office] {
            let open = try replica.conflicts(status: .open)
            #expect(Set(open.map(\.table)) == ["road_segments", "land_donations"], "\(replica.principal.name)")
        }
        let oldView = try #require(try old.conflicts(status: .open).first { $0.table == "land_donations" })
        #expect(oldView.hub.row?["handed_over_on"] == nil && oldView.hub.row?["area_m2"] == .real(40))
        try await commune.expectConverged()

        // The office resolves the length; the old replica upgrades and fetches what it missed.
        let lengthConflict = try #require(try office.conflicts(status: .open).first { $0.table == "road_segments" })
        _ = try await commune.hub.resolve(
            conflictID: lengthConflict.id, choice: .value(.real(315)), note: "đo lại", by: commune.reviewer)
        let upgraded = try commune.upgrade(old)
        #expect(upgraded.upgradedFrom == 1)
        try await commune.syncAll()
        #expect(try upgraded.row("road_segments", id: road.id)?["kind"] == .text("noi_dong"))
        #expect(try upgraded.row("road_segments", id: road.id)?["length_m"] == .real(315))
        #expect(try upgraded.row("land_donations", id: donation.id)?["handed_over_on"] == .text("2026-11-21"))
        #expect(try upgraded.read { db in try Int64.fetchOne(db, sql: "SELECT backfill_until FROM sync_state") } == nil)
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    @Test func conflictsOnColumnsAnOlderVersionDoesNotKnowReachOnlyNewerReplicas() throws {
        func side(_ row: SyncRow?) -> ConflictSide {
            ConflictSide(value: nil, row: row, version: 3, author: "a", replicaID: "r", hlc: .zero)
        }
        func entry(column: String?, row: SyncRow?) -> LogEntry {
            LogEntry(
                seq: 9, kind: .conflict, table: "road_segments", rowID: "x", hamletID: "h",
                conflict: ConflictRecord(
                    id: "c", kind: column == nil ? .deleteUpdate : .field, status: .open, table: "road_segments",
                    rowID: "x", hamletID: "h", column: column, base: nil, hub: side(row), incoming: side(nil),
                    openedAt: 0),
                hlc: .zero, replicaID: "r", author: "a", loggedAt: 0)
        }
        let one = try SchemaView.at(1)
        // A conflict on a version-2 column (none of today's policies opens one, a later one may).
        #expect(entry(column: "kind", row: nil).projected(to: one) == nil)
        #expect(entry(column: "kind", row: nil).projected(to: .current) != nil)
        // A row conflict goes to every version, its row images cut to the columns each knows.
        let row: SyncRow = ["id": .text("x"), "length_m": .real(12), "kind": .text("ngo")]
        let seen = try #require(entry(column: nil, row: row).projected(to: one)?.conflict)
        #expect(seen.hub.row == ["id": .text("x"), "length_m": .real(12)])
        #expect(entry(column: nil, row: row).projected(to: .current)?.conflict?.hub.row == row)
        // An edit of version-2 columns only is nothing to a version-1 replica; a backfill
        // carries only those columns.
        let edit = LogEntry(
            seq: 10, kind: .upsert, table: "road_segments", rowID: "x", hamletID: "h",
            values: ["kind": .text("ngo"), "completed_on": .text("2026-11-20")], hlc: .zero, replicaID: "r",
            author: "a", loggedAt: 0)
        #expect(edit.projected(to: one) == nil)
        var mixed = edit
        mixed.values?["name"] = .text("Ngõ 5")
        #expect(mixed.projected(to: one)?.values == ["name": .text("Ngõ 5")])
        #expect(mixed.projected(to: .current, addedAfter: 1)?.values == edit.values)
    }

    @Test func whereNoSafeAnswerExistsTheRefusalIsClear() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A hub not yet updated: a version-2 replica's sync is refused, nothing is changed.
        var configuration = HubConfiguration()
        configuration.schemaVersion = 1
        let oldHub = try Hub(
            sqliteFile: folder.appendingPathComponent("hub.sqlite").path, configuration: configuration,
            logger: Self.quiet)
        _ = try await oldHub.initialize(communeName: "Xã Tân Lập")
        let replica = try Replica.create(
            at: folder.appendingPathComponent("office.sqlite").path, principal: Hub.administrator)
        try replica.insert(into: "hamlets", values: ["name": .text("Xóm Mới")])
        let error = await #expect(throws: SyncError.self) {
            try await Self.sync(replica, oldHub, as: Hub.administrator)
        }
        #expect(error?.kind == .incompatibleVersion)
        #expect(error?.message.contains("update ntm-hub") == true, "\(String(describing: error))")
        #expect(try replica.status().pendingChanges == 1)
        try replica.close()
        try oldHub.close()

        // A file written by a newer ntm: refused, and left as it was.
        let path = folder.appendingPathComponent("office.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3-attachments')") }
        try queue.close()
        let newer = #expect(throws: SyncError.self) { try Replica(path: path) }
        #expect(newer?.message.contains("update ntm") == true, "\(String(describing: newer))")
        let hubPath = folder.appendingPathComponent("hub.sqlite").path
        let hubQueue = try DatabaseQueue(path: hubPath)
        try await hubQueue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3-attachments')") }
        try hubQueue.close()
        let newerHub = #expect(throws: SyncError.self) { try Hub(sqliteFile: hubPath, logger: Self.quiet) }
        #expect(newerHub?.message.contains("update ntm-hub") == true)
        // A version-1 replica cannot open a version-2 file either (a tool of the old fleet).
        let current = folder.appendingPathComponent("current.sqlite").path
        try Replica.create(at: current, principal: Hub.administrator).close()
        let refusal = #expect(throws: SyncError.self) { try Replica(path: current, schemaVersion: 1) }
        #expect(refusal?.kind == .incompatibleVersion, "\(refusal?.message ?? "no error")")
    }
}
