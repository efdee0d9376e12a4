import Foundation
import Testing

@testable import SyncCore

/// Issue 9 against the real `ntm-hub` process: the requests that used to take it down,
/// connections that never finish, and a flood of idle ones. It answers each with a 4xx
/// (never a 5xx), closes what dawdles, and is still serving at the end.
@Suite(.serialized) struct HubResilienceProcessTests {
    static let replica = "01a20000-0000-7000-8000-00000000000a"

    static func push(_ change: String, clientTime: String = "0", replica: String = replica) -> [UInt8] {
        Array(
            """
            {"protocol_version":1,"schema_version":1,"replica_id":"\(replica)","client_time":\(clientTime),"changes":[\(change)]}
            """.utf8)
    }

    static func insert(_ table: String, _ values: String, seq: String = "1") -> String {
        """
        {"seq":\(seq),"table":"\(table)","row_id":"01a20000-0000-7000-8000-0000000000c\(seq.count)","operation":"insert",\
        "values":{\(values)},"previous":{},"base_versions":{},"hlc":1,"created_at":0}
        """
    }

    @Test func theHubSurvivesTheWorstRequestsAndKeepsServing() async throws {
        let commune = try ProcessTests.Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(
            db: "hub.sqlite", in: commune.folder,
            extra: ["--idle-timeout", "2", "--request-timeout", "3", "--max-connections", "64"])
        defer { hub.kill9() }
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        let head = try #require(commune.tokens["dong"])
        let reviewer = try #require(commune.tokens["office"])
        let cleanup = #""hamlet_id":"\#(commune.dongID)","date":"2026-11-03""#

        // Each of these took the hub down or answered 5xx before issue 9.
        let attacks: [(name: String, token: String, path: String, body: [UInt8], expected: Int)] = [
            (
                "client_time at Int64.min", head, "/v1/push",
                Self.push(Self.insert("cleanups", cleanup), clientTime: "-9223372036854775808"), 400
            ),
            (
                "client_time past 2100", head, "/v1/pull",
                Array(
                    #"{"protocol_version":1,"schema_version":1,"replica_id":"r5","client_time":9223372036854775807,"after":0,"limit":10}"#
                        .utf8), 400
            ),
            (
                "seq at Int64.max then 1", head, "/v1/push",
                Self.push(
                    Self.insert("cleanups", cleanup, seq: "9223372036854775807") + ","
                        + Self.insert("cleanups", cleanup, seq: "1"), replica: "r2"), 400
            ),
            (
                "100,000 nested arrays", head, "/v1/push",
                Array(#"{"x":"#.utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 100_000), 400
            ),
            (
                "a criterion number at Int64.max", reviewer, "/v1/push",
                Self.push(
                    Self.insert("criteria", #""number":9223372036854775807,"name":"Giao thông""#), replica: "office"),
                422
            ),
            (
                "an area of 1e400", head, "/v1/push",
                Self.push(
                    Self.insert(
                        "land_donations", #""hamlet_id":"\#(commune.dongID)","donor_name":"An","area_m2":1e400"#),
                    replica: "r3"), 400
            ),
            (
                "money at Int64.max", head, "/v1/push",
                Self.push(
                    Self.insert(
                        "contributions",
                        #""hamlet_id":"\#(commune.dongID)","donor_name":"An","kind":"money","amount":9223372036854775807"#
                    ), replica: "r4"), 422
            ),
            (
                "a reserved replica id with a NUL", head, "/v1/pull",
                Array(
                    #"{"protocol_version":1,"schema_version":1,"replica_id":"hub\u0000","client_time":0,"after":0,"limit":10}"#
                        .utf8), 400
            ),
        ]
        for attack in attacks {
            let (status, body) = try RawConnection.request(
                port: port, method: "POST", path: attack.path, token: attack.token, body: attack.body,
                headers: ["Content-Type: application/json"])
            #expect(status == attack.expected, "\(attack.name): \(status) \(body)")
            if attack.name.hasPrefix("client_time") {
                // Refused, naming the field (a drift the office could not read otherwise).
                #expect(body.contains("client_time: must be milliseconds since 1970"), "\(attack.name): \(body)")
            }
            #expect(hub.process.isRunning, "\(attack.name) took the hub down")
        }

        // Connections that never finish: half a head, a body trickled byte by byte, idle ones.
        let slowHead = try RawConnection(port: port)
        slowHead.send("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let slowBody = try RawConnection(port: port)
        slowBody.send(
            "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(head)\r\nContent-Length: 1000\r\n\r\n{"
        )
        let idle = try (0..<40).map { _ in try RawConnection(port: port) }
        let started = Date()
        let trickle = Task {
            for _ in 0..<20 {
                try await Task.sleep(for: .milliseconds(300))
                guard slowBody.send(" ") else { return }
            }
        }
        #expect(slowHead.readUntilClosed(seconds: 10).closed, "a head that never ends is closed")
        #expect(slowBody.readUntilClosed(seconds: 10).closed, "a body that trickles is closed")
        #expect(Date().timeIntervalSince(started) < 9)
        trickle.cancel()
        for connection in idle { #expect(connection.readUntilClosed(seconds: 5).closed) }

        // Still serving, and the data is what the well-formed requests made it.
        #expect(hub.process.isRunning)
        #expect(try RawConnection.request(port: port, method: "GET", path: "/healthz").status == 200)
        // (The one cleanup came with a clock of Int64.min: refused, so none.)
        let rows = try await commune.hubRows("cleanups", for: Principal(role: .reviewer, name: "check"))
        #expect(rows.isEmpty)
        #expect(try await commune.hubRows("criteria", for: Principal(role: .reviewer, name: "check")).count == 19)
    }

    @Test func aTokenComesFromAFileOrTheEnvironmentAndTheReplicaIsTheOwnersAlone() async throws {
        let commune = try ProcessTests.Commune()
        defer { try? FileManager.default.removeItem(at: commune.folder) }
        let (hub, url) = try await Programs.serve(db: "hub.sqlite", in: commune.folder)
        defer { hub.kill9() }
        let tokenFile = commune.folder.appendingPathComponent("dong.token")
        try ((commune.tokens["dong"] ?? "") + "\n").write(to: tokenFile, atomically: true, encoding: .utf8)
        let fromFile = try await Programs.runDetached(
            "ntm", ["--db", "dong.sqlite", "init", "--hub", url, "--token-file", tokenFile.path], in: commune.folder)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let fromEnvironment = try await Programs.runDetached(
            "ntm", ["--db", "office.sqlite", "init", "--hub", url], in: commune.folder,
            environment: ["NTM_TOKEN": commune.tokens["office"] ?? ""])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        for name in ["dong.sqlite", "office.sqlite", "hub.sqlite"] {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: commune.folder.appendingPathComponent(name).path)
            #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o777 == 0o600, "\(name)")
        }
        let none = try await Programs.runDetached(
            "ntm", ["--db", "x.sqlite", "init", "--hub", url], in: commune.folder, environment: ["NTM_TOKEN": ""])
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("error: no token"))
        let bad = try await Programs.runDetached(
            "ntm", ["--db", "y.sqlite", "init", "--hub", url, "--token-file", "/etc/hostname"], in: commune.folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: --token-file is not an ntm token"))
        #expect(!FileManager.default.fileExists(atPath: commune.folder.appendingPathComponent("y.sqlite").path))
        try await commune.ntm("dong", ["sync"])
    }
}
