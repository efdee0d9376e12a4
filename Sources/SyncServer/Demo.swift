import ArgumentParser
import CommandSupport
import Foundation
import HubHTTP
import Logging
import SyncClient
import SyncCore

/// `ntm-hub demo`: the README's walk-through, run by itself in a temporary folder against a
/// real hub on a real socket, ending with every replica converged.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: tr(
            "A guided tour in a temporary folder: hamlets, tokens, offline records, sync, a conflict, its review.",
            "Tham quan có hướng dẫn trong thư mục tạm: thôn/xóm, token, ghi chép không mạng, đồng bộ, một xung đột và cách xử lý."
        )
    )

    @Flag(help: ArgumentHelp(tr("Keep the temporary folder.", "Giữ lại thư mục tạm."))) var keep = false

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        @Sendable func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        var logger = Logger(label: "ntm-hub") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        let file = try SQLiteHubDriver(path: path("ntm-hub.sqlite"))
        let store = try Hub(driver: file, logger: logger)

        step("1. The commune board sets up the hub (\(path("ntm-hub.sqlite")))")
        let criteria = try await store.initialize(communeName: "Xã Tân Lập")
        say("commune Xã Tân Lập, \(criteria.criteria.count) national criteria recorded")
        let dong = try await store.addHamlet(["name": .text("Xóm Đông"), "head_name": .text("Nguyễn Văn An")])
        let doai = try await store.addHamlet(["name": .text("Xóm Đoài"), "head_name": .text("Trần Thị Bình")])
        let dongID = dong[TableSpec.idColumn]?.text ?? ""
        let doaiID = doai[TableSpec.idColumn]?.text ?? ""
        say("hamlets: Xóm Đông \(dongID), Xóm Đoài \(doaiID)")
        let dongToken = try await store.issueToken(role: .head(hamletID: dongID), name: nil)
        let doaiToken = try await store.issueToken(role: .head(hamletID: doaiID), name: nil)
        let officeToken = try await store.issueToken(role: .reviewer, name: "Lê Văn Tám")
        say("tokens issued for the two hamlet heads and a commune reviewer (only their hashes are kept)")

        try await HubApplication.withRunningHub(store: store, logger: logger) { url in
            step("2. The hub listens on \(url); each device makes its replica")
            func replica(_ name: String, _ issued: IssuedToken) async throws -> (Replica, HTTPHubConnection) {
                let connection = HTTPHubConnection(baseURL: url, token: issued.token)
                let status = try await connection.status()
                let replica = try Replica.create(at: path("\(name).sqlite"), principal: status.principal)
                try replica.setHubSettings(HubSettings(url: url, token: issued.token))
                say("\(name).sqlite: \(status.principal.name) (\(status.principal.roleName))")
                return (replica, connection)
            }
            let (dongReplica, dongHub) = try await replica("dong", dongToken)
            let (doaiReplica, doaiHub) = try await replica("doai", doaiToken)
            let (office, officeHub) = try await replica("office", officeToken)
            let everyone = [(dongReplica, dongHub), (doaiReplica, doaiHub), (office, officeHub)]
            func sync(_ replica: Replica, _ hub: HTTPHubConnection, _ label: String) async throws {
                let report = try await SyncSession(replica: replica, hub: hub).run()
                // The words `ntm sync` uses (issue 27).
                let conflicts = report.conflicts > 0 ? "; \(report.conflicts) conflict(s) wait for a reviewer" : ""
                say(
                    "\(label): sent \(report.pushed) change(s) to the hub; received \(report.pulled) change(s) from others\(conflicts)"
                )
            }

            step("3. Offline in the hamlets: a cleanup, a road, a land donation, a contribution")
            try dongReplica.insert(
                into: "cleanups",
                values: ["date": .text("2026-11-02"), "participants": .integer(42), "waste_kg": .real(180)])
            let road = try dongReplica.insert(
                into: "road_segments",
                values: ["name": .text("Đường trục xóm"), "length_m": .real(420), "width_before_m": .real(3.5)])
            let donation = try dongReplica.insert(
                into: "land_donations",
                values: [
                    "donor_name": .text("Hoàng Văn Cường"), "road_segment_id": road[TableSpec.idColumn] ?? .null,
                    "area_m2": .real(100),
                ])
            try doaiReplica.insert(
                into: "contributions",
                values: ["donor_name": .text("Hộ bà Lan"), "kind": .text("labor_days"), "amount": .real(3)])
            say(
                "Xóm Đông: \(try dongReplica.status().pendingChanges) pending; Xóm Đoài: \(try doaiReplica.status().pendingChanges) pending"
            )

            step("4. Signal returns: everyone syncs")
            try await sync(dongReplica, dongHub, "Xóm Đông")
            try await sync(doaiReplica, doaiHub, "Xóm Đoài")
            try await sync(office, officeHub, "the commune office")

            step("5. A conflict: the head and a commune officer both correct the donated area")
            let donationID = donation[TableSpec.idColumn]?.text ?? ""
            try dongReplica.update("land_donations", id: donationID, values: ["area_m2": .real(120)])
            try office.update("land_donations", id: donationID, values: ["area_m2": .real(110)])
            say("Xóm Đông sets 120 m², the office sets 110 m², each offline")
            try await sync(dongReplica, dongHub, "Xóm Đông")
            try await sync(office, officeHub, "the commune office")
            let open = try await officeHub.conflicts(status: .open)
            guard let conflict = open.first, open.count == 1 else {
                throw CommandFailure.failure("demo: expected one open conflict, found \(open.count)")
            }
            say("the hub kept 120 m² and opened conflict \(conflict.id) for review; nothing was overwritten")

            step("6. The reviewer looks and decides: 115 m², measured on site")
            let resolved = try await officeHub.resolve(
                id: conflict.id, choice: .value(.real(115)), note: "đo lại tại thực địa")
            say("resolved by \(resolved.resolution?.by ?? "?"): \(resolved.resolution?.value.map(Output.cell) ?? "")")

            step("7. Everyone syncs again and converges")
            for (replica, hub) in everyone + everyone {
                _ = try await SyncSession(replica: replica, hub: hub).run()
            }
            for (replica, _) in everyone {
                for table in ReplicatedSchema.tables {
                    let hubRows = try await store.rows(table: table.name, for: replica.principal)
                    guard try replica.rows(table.name) == hubRows else {
                        throw CommandFailure.failure("demo: \(table.name) differs on \(replica.principal.name)")
                    }
                }
                guard try replica.integrityCheck() == "ok", try replica.status().openConflicts == 0 else {
                    throw CommandFailure.failure("demo: \(replica.principal.name) is not clean")
                }
            }
            let area = try dongReplica.row("land_donations", id: donationID)?["area_m2"].map(Output.cell) ?? "?"
            say("every replica equals the hub in its scope; the donation reads \(area) m² everywhere")
            let report = try dongReplica.report(
                try .month("2026-11"), asOf: CalendarDate(year: 2026, month: 11, day: 30))
            if let first = report.hamlets.first?.figures {
                say(
                    "Xóm Đông, 2026-11: \(first.cleanups.held) cleanup held (target met: \(first.cleanups.targetMet)), "
                        + "\(SyncValue.format(first.land.areaM2)) m² of land donated")
            }
        }
        guard try file.integrityCheck() == "ok" else {
            throw CommandFailure.failure("demo: hub integrity check failed")
        }
        step("Done: all replicas converged.\(keep ? " Files kept in \(folder.path)" : "")")
    }

    private func step(_ text: String) { print("\n\(text)") }
    private func say(_ text: String) { print("   \(text)") }
}
