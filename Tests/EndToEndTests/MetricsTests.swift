import Foundation
import GRDB
import HubHTTP
import NIOCore
import SyncClient
import SyncWire
import Testing

@testable import SyncCore

/// Issue 13: `/metrics` read by Prometheus's own text-format parser (Python's
/// `prometheus_client.parser`, `Tests/Scripts/scrape_metrics.py`) after real traffic over
/// HTTP: the counts are the traffic's, and only a reviewer's token reads them.
@Suite struct MetricsTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/scrape_metrics.py").path

    static var parserAvailable: Bool {
        if ProcessInfo.processInfo.environment["NTM_REQUIRE_BROWSER"] == "1" { return true }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import prometheus_client"]
        python.standardError = FileHandle.nullDevice
        guard (try? python.run()) != nil else { return false }
        python.waitUntilExit()
        return python.terminationStatus == 0
    }

    struct Sample: Decodable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    struct Scrape: Decodable {
        let status: Int
        let content_type: String?
        let samples: [Sample]

        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            samples.first { sample in
                sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value }
            }?.value
        }
    }

    static func scrape(_ url: String, token: String, in folder: URL) async throws -> Scrape {
        let run = try await Programs.runDetached(
            "/usr/bin/env", ["python3", script, url + "/metrics", token], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return try run.json(Scrape.self)
    }

    @Test(.enabled(if: parserAvailable)) func prometheusReadsTheTrafficAndTheOfficesOpenWork() async throws {
        let hub = try await TestHub()
        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            // A head records three cleanups and a donation; the office edits the same area.
            let head = HTTPHubConnection(baseURL: url, token: hub.dongToken)
            let phone = try Replica.create(at: hub.path("dong.sqlite"), principal: try await head.status().principal)
            let office = HTTPHubConnection(baseURL: url, token: hub.reviewerToken)
            let desk = try Replica.create(at: hub.path("office.sqlite"), principal: try await office.status().principal)
            _ = try phone.insert(into: "cleanups", rows: (1...3).map { ["date": .text("2026-11-0\($0)")] })
            let donation = try phone.insert(
                into: "land_donations", rows: [["donor_name": .text("Hoàng Văn Cường"), "area_m2": .real(100)]])[0]
            try await SyncSession(replica: phone, hub: head).run()
            try await SyncSession(replica: desk, hub: office).run()
            try phone.update("land_donations", id: donation.id, values: ["area_m2": .real(120)])
            try desk.update("land_donations", id: donation.id, values: ["area_m2": .real(110)])
            try await SyncSession(replica: phone, hub: head).run()
            try await SyncSession(replica: desk, hub: office).run()
            // A change for another hamlet is refused.
            let foreign = try Wire.decode(
                PushRequest.self,
                from: ByteBuffer(
                    string: HubAPITests.push(HubAPITests.cleanup(hamlet: hub.doaiID)).replacingOccurrences(
                        of: "\"schema_version\":1", with: "\"schema_version\":\(ReplicatedSchema.version)")))
            let refused = try await head.push(foreign)
            #expect(refused.outcomes.map(\.status) == [.rejected])
            // A forged token.
            _ = try? await HTTPHubConnection(baseURL: url, token: "ntm_forged").status()
            // A device last seen 40 days ago.
            let queue = try DatabaseQueue(path: hub.path)
            try await queue.write { db in
                try db.execute(
                    sql: "UPDATE sync_replicas SET last_seen_at = last_seen_at - ? WHERE replica_id = ?",
                    arguments: [40 * 86_400_000, try phone.replicaID])
            }

            let scrape = try await Self.scrape(url, token: hub.reviewerToken, in: hub.folder)
            #expect(scrape.status == 200)
            #expect(scrape.content_type?.hasPrefix("text/plain; version=0.0.4") == true)
            let status = try await hub.store.status(for: hub.reviewer)
            #expect(scrape.value("ntm_changes_in_total") == 7.0, "4 records, 2 edits, 1 refused")
            #expect(scrape.value("ntm_changes_rejected_total", ["code": "forbidden"]) == 1)
            #expect(scrape.value("ntm_conflicts_opened_total") == 1)
            #expect(scrape.value("ntm_open_conflicts") == Double(status.openConflicts))
            #expect(status.openConflicts == 1)
            #expect(scrape.value("ntm_log_head") == Double(status.logHead))
            #expect(scrape.value("ntm_devices") == 3, "the phone, the office and the refused pusher")
            #expect(scrape.value("ntm_devices_unseen_30d") == 1)
            #expect(scrape.value("ntm_authentication_failures_total") == 1)
            #expect((scrape.value("ntm_changes_out_total") ?? 0) > 0)
            let pushes = scrape.value(
                "ntm_http_requests_total", ["route": "/v1/push", "method": "POST", "status": "200"])
            #expect(pushes == 3, "two from the phone, one from the office")
            #expect(scrape.value("ntm_http_requests_total", ["route": "/v1/push", "status": "403"]) == 1)
            #expect(scrape.value("ntm_http_requests_total", ["route": "/v1/status", "status": "401"]) == 1)
            #expect((scrape.value("ntm_http_request_duration_seconds_count", ["route": "/v1/pull"]) ?? 0) >= 4)

            // Unknown paths do not make new series; a head's token, or none, reads nothing.
            for path in ["/x1", "/x2", "/v1/x3"] {
                _ = try? await HTTPHubConnection(baseURL: url + path, token: hub.reviewerToken).status()
            }
            let after = try await Self.scrape(url, token: hub.reviewerToken, in: hub.folder)
            let routes = Set(after.samples.compactMap { $0.labels["route"] })
            #expect(routes.isSubset(of: ["/v1/status", "/v1/push", "/v1/pull", "/metrics", "other"]), "\(routes)")
            #expect(try await Self.scrape(url, token: hub.dongToken, in: hub.folder).status == 403)
            #expect(try await Self.scrape(url, token: "none", in: hub.folder).status == 401)
        }
    }
}
