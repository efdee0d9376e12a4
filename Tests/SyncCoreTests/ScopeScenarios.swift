import Foundation
import Testing

@testable import SyncCore

/// Acceptance 1, 8, 9 and 12: scope, capture from any SQLite client, rejected writes kept.
@Suite struct ScopeScenarios {
    @Test(arguments: TestPostgres.engines) func eachHamletSeesItsOwnRowsPlusCommuneRowsAndTheReviewerSeesAll(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (office, hamlets) = try await commune.withHamlets(["Xóm Đông", "Xóm Đoài"])
        let dong = try commune.replica("dong", for: commune.head(of: hamlets[0], name: "Nguyễn Văn An"))
        let doai = try commune.replica("doai", for: commune.head(of: hamlets[1], name: "Trần Thị Bình"))

        // Offline records in both hamlets.
        for (replica, prefix) in [(dong, "Đông"), (doai, "Đoài")] {
            let household = try replica.insert(into: "households", values: ["head_name": .text("Hộ \(prefix) 1")])
            try replica.insert(into: "cleanups", values: ["date": .text("2026-11-02"), "participants": .integer(35)])
            let road = try replica.insert(
                into: "road_segments",
                values: ["name": .text("Đường \(prefix)"), "length_m": .real(420), "width_before_m": .real(3.5)])
            try replica.insert(
                into: "land_donations",
                values: [
                    "household_id": .text(household.id), "road_segment_id": .text(road.id), "area_m2": .real(42.5),
                ])
            try replica.insert(
                into: "contributions",
                values: ["donor_name": .text("Hộ \(prefix) 2"), "kind": .text("money"), "amount": .real(2_000_000)])
        }
        try office.insert(into: "criteria", values: ["number": .integer(17), "name": .text("Môi trường")])

        try await commune.syncAll()

        for (replica, hamletID) in [(dong, hamlets[0]), (doai, hamlets[1])] {
            for table in ["households", "cleanups", "road_segments", "land_donations", "contributions"] {
                let rows = try replica.rows(table)
                #expect(rows.count == 1, "\(table)")
                #expect(rows.allSatisfy { $0["hamlet_id"] == .text(hamletID) }, "\(table)")
            }
            #expect(try replica.rows("hamlets").count == 2)
            #expect(try replica.rows("criteria").count == 2)
        }
        for table in ["households", "cleanups", "road_segments", "land_donations", "contributions"] {
            #expect(try office.rows(table).count == 2, "\(table)")
        }
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines) func anEditFromTheSqlite3ShellReachesTheHub(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Trại"])
        let head = try commune.replica("trai", for: commune.head(of: hamlets[0]))
        let cleanup = try head.insert(into: "cleanups", values: ["date": .text("2026-11-08")])
        try await commune.sync(head)

        // Decomposed Vietnamese, as some phones type it, must arrive byte for byte.
        let note = "Thu gom ra\u{300}c ven đươ\u{300}ng"
        try runShell(
            commune.path("trai.sqlite"),
            """
            UPDATE cleanups SET note = '\(note)', waste_kg = 120.5 WHERE id = '\(cleanup.id)';
            INSERT INTO households (hamlet_id, head_name) VALUES ('\(hamlets[0])', 'Lò Văn Sùng');
            """)
        #expect(try head.status().pendingChanges == 2)

        let report = try await commune.sync(head)
        #expect(report.pushed == 2)
        let hubCleanup = try #require(try await commune.hub.rows(table: "cleanups", for: commune.reviewer).first)
        #expect(hubCleanup["note"] == .text(note))
        #expect(hubCleanup["note"] != .text(note.precomposedStringWithCanonicalMapping))
        #expect(hubCleanup["waste_kg"] == .real(120.5))
        let households = try await commune.hub.rows(table: "households", for: commune.reviewer)
        #expect(households.map { $0["head_name"] } == [.text("Lò Văn Sùng")])
        try await commune.syncAll()
        try await commune.expectConverged()
        try commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines) func aHeadsWriteToAnotherHamletIsRejectedKeptAndTheRestApplies(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đông", "Xóm Đoài"])
        let dong = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        try await commune.sync(dong)
        let strayID = UUIDv7Generator().makeID()
        try dong.write { db in
            try db.execute(
                sql: "INSERT INTO cleanups (id, hamlet_id, date) VALUES (?, ?, '2026-11-09')",
                arguments: [strayID, hamlets[1]])
            try db.execute(sql: "UPDATE hamlets SET note = 'sửa trái phép' WHERE id = ?", arguments: [hamlets[1]])
        }
        let own = try dong.insert(into: "cleanups", values: ["date": .text("2026-11-10")])

        let report = try await commune.sync(dong)
        #expect(report.rejected == 2)
        #expect(report.pushed == 1)

        let status = try dong.status()
        #expect(status.pendingChanges == 0)
        try #require(status.rejected.map(\.rowID) == [strayID, hamlets[1]])
        #expect(status.rejected[0].reason.contains("belongs to hamlet \(hamlets[1])"))
        #expect(status.rejected[1].reason.contains("commune table hamlets"))
        // Nothing lost: the rejected rows stay visible on the replica until the user acts.
        #expect(try dong.row("cleanups", id: strayID) != nil)
        #expect(try dong.row("hamlets", id: hamlets[1])?["note"] == .text("sửa trái phép"))
        // The hub has the valid change and nothing of the others.
        let hubCleanups = try await commune.hub.rows(table: "cleanups", for: commune.reviewer)
        #expect(hubCleanups.map(\.id) == [own.id])
        let hubHamlet = try await commune.hub.rows(table: "hamlets", for: commune.reviewer).first {
            $0.id == hamlets[1]
        }
        #expect(hubHamlet?["note"] == .null)

        // A later sync does not resend them; discarding one restores the hub's state.
        #expect(try await commune.sync(dong).rejected == 0)
        try dong.discardRejected(seq: status.rejected[1].seq)
        #expect(try dong.row("hamlets", id: hamlets[1])?["note"] == .null)
        try commune.expectIntegrity()
    }

    @Test(arguments: TestPostgres.engines) func theLocalApiRefusesAnotherHamletBeforeWritingAnything(
        _ engine: SQLDialect
    ) async throws {
        let commune = try await Commune.on(engine)
        let (_, hamlets) = try await commune.withHamlets(["Xóm Đông", "Xóm Đoài"])
        let dong = try commune.replica("dong", for: commune.head(of: hamlets[0]))
        let refusal = #expect(throws: SyncError.self) {
            try dong.insert(into: "cleanups", values: ["date": .text("2026-11-10"), "hamlet_id": .text(hamlets[1])])
        }
        #expect(refusal?.kind == .forbidden, "\(refusal?.message ?? "no error")")
        let secondRefusal = #expect(throws: SyncError.self) {
            try dong.insert(into: "criteria", values: ["number": .integer(3), "name": .text("Thủy lợi")])
        }
        #expect(secondRefusal?.kind == .forbidden, "\(secondRefusal?.message ?? "no error")")
        #expect(try dong.status().pendingChanges == 0)
        try commune.expectIntegrity()
    }

    private func runShell(_ path: String, _ sql: String) throws {
        // A child of its own (`ChildProcess`), its input and errors on files.
        let script = path + ".sql"
        let errors = path + ".err"
        try Data(sql.utf8).write(to: URL(fileURLWithPath: script))
        defer { for file in [script, errors] { try? FileManager.default.removeItem(atPath: file) } }
        let process = try ChildProcess(executable: "/usr/bin/sqlite3", arguments: [path], input: script, error: errors)
        process.waitUntilExit()
        let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "sqlite3: \(message)")
    }
}
