import Foundation
import GRDB
import HTTPTypes
import HubHTTP
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SyncClient
import SyncWire
import Synchronization
import Testing

@testable import SyncCore

/// Issue 9: what an attacker holding a valid head or reviewer token tried, each through the
/// real router (or a real socket): a clear 4xx naming the field, nothing changed, and the
/// hub still serving.
@Suite struct HostileRequestTests {
    static let replica = "01a20000-0000-7000-8000-00000000000a"

    static func push(
        _ changes: [String], replica: String = HostileRequestTests.replica, clientTime: String = "0"
    ) -> String {
        """
        {"protocol_version":1,"schema_version":1,"replica_id":\(json(replica)),"client_time":\(clientTime),
         "changes":[\(changes.joined(separator: ","))]}
        """
    }

    static func pull(
        replica: String = HostileRequestTests.replica, clientTime: String = "0", after: String = "0",
        limit: String = "1000"
    ) -> String {
        """
        {"protocol_version":1,"schema_version":1,"replica_id":\(json(replica)),"client_time":\(clientTime),
         "after":\(after),"limit":\(limit)}
        """
    }

    /// An insert of `values` (JSON object members) into `table`.
    static func insert(
        _ table: String, _ values: String, seq: String = "1", row: String = "01a20000-0000-7000-8000-0000000000c1",
        hlc: String = "1"
    ) -> String {
        """
        {"seq":\(seq),"table":"\(table)","row_id":"\(row)","operation":"insert","values":{\(values)},
         "previous":{},"base_versions":{},"hlc":\(hlc),"created_at":0}
        """
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)  // test fixture text only
    }

    enum Token { case head, reviewer, none }

    static func headers(_ token: Token, _ hub: TestHub) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        switch token {
        case .head: fields[.authorization] = "Bearer \(hub.dongToken)"
        case .reviewer: fields[.authorization] = "Bearer \(hub.reviewerToken)"
        case .none: break
        }
        return fields
    }

    /// Sends `body` to `path` through the real router and returns the status and the body.
    static func send(
        _ hub: TestHub, _ path: String, _ body: ByteBuffer?, token: Token = .head, gzip: Bool = false
    ) async throws -> (HTTPResponse.Status, String) {
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        var headers = headers(token, hub)
        if gzip { headers[.contentEncoding] = "gzip" }
        let fields = headers
        return try await app.test(.router) { client in
            let response = try await client.execute(
                uri: hub.uri(path), method: body == nil ? .get : .post, headers: fields, body: body)
            return (response.status, String(buffer: response.body))
        }
    }

    static func send(
        _ hub: TestHub, _ path: String, _ body: String, token: Token = .head
    ) async throws -> (HTTPResponse.Status, String) {
        try await send(hub, path, ByteBuffer(string: body), token: token)
    }

    // MARK: 1. Crashes from one request

    /// A device clock before 1970 or after 2100 is refused, naming `client_time`; nothing of
    /// the request is kept, not even the device.
    @Test(arguments: TestPostgres.engines) func anAbsurdClientTimeIsRefusedNamingTheField(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let cleanup = Self.insert("cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-03""#)
        let (pushed, pushBody) = try await Self.send(
            hub, "/v1/push", Self.push([cleanup], clientTime: "-9223372036854775808"))
        #expect(pushed == .badRequest, "\(pushBody)")
        #expect(pushBody.contains("client_time: must be milliseconds since 1970"), "\(pushBody)")
        let (pulled, pullBody) = try await Self.send(
            hub, "/v1/pull", Self.pull(clientTime: "9223372036854775807"), token: .head)
        #expect(pulled == .badRequest, "\(pullBody)")
        #expect(pullBody.contains("client_time"), "\(pullBody)")
        #expect(try await hub.snapshot() == before)
        #expect(try await hub.store.replicas().first { $0.replicaID == Self.replica } == nil)
        // A clock reset to 1970 is still a device the office should see, with its drift.
        let (reset, resetBody) = try await Self.send(hub, "/v1/push", Self.push([cleanup], clientTime: "0"))
        #expect(reset == .ok, "\(resetBody)")
        let device = try #require(try await hub.store.replicas().first { $0.replicaID == Self.replica })
        #expect(device.driftMilliseconds < -1_700_000_000_000)
    }

    @Test(arguments: TestPostgres.engines) func sequenceNumbersAtTheEndOfInt64AreRefusedNotOverflowed(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let first = Self.insert(
            "cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-03""#, seq: "9223372036854775807")
        let second = Self.insert(
            "cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-04""#, seq: "1",
            row: "01a20000-0000-7000-8000-0000000000c2")
        let (status, body) = try await Self.send(hub, "/v1/push", Self.push([first, second]))
        #expect(status == .badRequest)
        #expect(body.contains("changes[0].seq: must be between 1 and 9007199254740991"), "\(body)")
        #expect(try await hub.snapshot() == before)
    }

    @Test(arguments: TestPostgres.engines) func deeplyNestedJSONIsRefusedWithoutExhaustingTheStack(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let deep =
            #"{"protocol_version":1,"junk":"# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        let (status, body) = try await Self.send(hub, "/v1/push", deep)
        #expect(status == .badRequest)
        #expect(body.contains("invalid JSON"), "\(body)")
        let (unclosed, _) = try await Self.send(hub, "/v1/pull", "{\"x\":" + String(repeating: "[", count: 100_000))
        #expect(unclosed == .badRequest)
    }

    @Test(arguments: TestPostgres.engines) func aCriterionNumberBeyondInt64RangeIsRefusedByName(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        for (index, number) in ["9223372036854775807", "1e300", "-9223372036854775808"].enumerated() {
            let change = Self.insert("criteria", #""number":\#(number),"name":"Giao thông""#)
            let (status, body) = try await Self.send(
                hub, "/v1/push", Self.push([change], replica: "office-\(index)"), token: .reviewer)
            #expect(status == .unprocessableContent, "\(number)")
            #expect(body.contains("criteria.number: must be"), "\(body)")
        }
        #expect(try await hub.snapshot() == before)
    }

    // MARK: 2, 3. Client mistakes are 4xx; absurd values are refused by name

    @Test(
        arguments: TestPostgres.engines,
        [
            (
                "an area beyond Double", #""area_m2":1e400"#, HTTPResponse.Status.badRequest,
                "changes[0].values.area_m2: expected null, a finite number or a string"
            ),
            (
                "the largest double as an area", #""area_m2":1.79e308"#, .unprocessableContent,
                "land_donations.area_m2: must be at most 100000"
            ),
            (
                "an area a little too large", #""area_m2":100000.5"#, .unprocessableContent,
                "land_donations.area_m2: must be at most 100000"
            ),
            (
                "assets beyond the money bound", #""area_m2":10,"assets_value_vnd":1000000000001"#,
                .unprocessableContent,
                "land_donations.assets_value_vnd: must be at most 1000000000000"
            ),
            (
                "a donor name of 201 characters",
                #""area_m2":10,"donor_name":"\#(String(repeating: "ộ", count: 201))""#,
                .unprocessableContent, "land_donations.donor_name: must be at most 200 characters"
            ),
            (
                "a date after 2100", #""area_m2":10,"signed_on":"2101-01-01""#, .unprocessableContent,
                "land_donations.signed_on: must be between 1900-01-01 and 2100-12-31"
            ),
        ])
    func anImplausibleDonationIsRefusedByNameAndChangesNothing(
        _ engine: SQLDialect, _ item: (String, String, HTTPResponse.Status, String)
    ) async throws {
        let (_, values, status, message) = item
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let donor = values.contains("donor_name") ? "" : #","donor_name":"Hoàng Văn Cường""#
        let change = Self.insert("land_donations", #""hamlet_id":"\#(hub.dongID)"\#(donor),\#(values)"#)
        let (got, body) = try await Self.send(hub, "/v1/push", Self.push([change]))
        #expect(got == status, "\(body)")
        #expect(body.contains(message), "\(body)")
        #expect(try await hub.snapshot() == before)
    }

    @Test(
        arguments: TestPostgres.engines,
        [
            ("money", "9223372036854775807", "contributions.amount: must be at most 1000000000000"),
            ("materials", "10000001", "contributions.amount: must be at most 10000000 unless kind is money"),
            ("labor_days", "1e400", "changes[0].values.amount: expected null, a finite number or a string"),
        ])
    func anAbsurdContributionIsA4xxNotA500(_ engine: SQLDialect, _ item: (String, String, String)) async throws {
        let (kind, amount, message) = item
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let change = Self.insert(
            "contributions",
            #""hamlet_id":"\#(hub.dongID)","donor_name":"Hộ bà Lan","kind":"\#(kind)","amount":\#(amount)"#)
        let (status, body) = try await Self.send(hub, "/v1/push", Self.push([change]))
        #expect((400..<500).contains(status.code), "\(body)")
        #expect(body.contains(message), "\(body)")
        #expect(try await hub.snapshot() == before)
    }

    @Test(
        arguments: TestPostgres.engines,
        [
            ("/v1/push", #""acknowledged":{"seq":0,"digest":"ab"},"#, "acknowledged.seq: must be between 1"),
            ("/v1/push", #""acknowledged":{"seq":1,"digest":""},"#, "acknowledged.digest: must be 1 to 64 bytes"),
            (
                "/v1/pull", #""acknowledged":{"r-1":{"seq":-5,"digest":"ab"}},"#,
                "acknowledged.r-1.seq: must be between 1"
            ),
            ("/v1/pull", #""acknowledged":{"r 1":{"seq":1,"digest":"ab"}},"#, "acknowledged: "),
            ("/v1/pull", #""acknowledged":{"r-1":{"seq":1}},"#, "digest"),
            ("/v1/pull", #""app_version":"0.2 ; rm -rf","#, "app_version: must be 1 to 32 printable ASCII characters"),
            ("/v1/pull", #""app_version":"","#, "app_version: must be 1 to 32 printable ASCII characters"),
            ("/v1/pull", #""pending":-1,"#, "pending: must be between 0 and"),
        ])
    func anAbsurdAcknowledgedMarkIsRefusedByName(_ engine: SQLDialect, _ item: (String, String, String)) async throws {
        let (path, member, message) = item
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let plain =
            path == "/v1/push"
            ? Self.push([Self.insert("cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-01""#)]) : Self.pull()
        let body = "{" + member + plain.dropFirst()
        let (status, text) = try await Self.send(hub, path, body)
        #expect(status == .badRequest, "\(text)")
        #expect(text.contains(message), "\(text)")
        #expect(try await hub.snapshot() == before)
    }

    /// A push naming as acknowledged a change the hub does not hold so (a hub restored
    /// from an older copy) is refused whole, and says why.
    @Test(arguments: TestPostgres.engines) func aPushWhoseAcknowledgedChangeTheHubHoldsOtherwiseIsRefusedWhole(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let first = Self.insert("cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-01""#)
        #expect(try await Self.send(hub, "/v1/push", Self.push([first])).0 == .ok)
        let before = try await hub.snapshot()
        let second = Self.insert(
            "cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-02""#, seq: "2",
            row: "01a20000-0000-7000-8000-0000000000c2")
        let body = #"{"acknowledged":{"seq":1,"digest":"0123abcd"},"# + Self.push([second]).dropFirst()
        let (status, text) = try await Self.send(hub, "/v1/push", body)
        #expect(status == .conflict, "\(text)")
        #expect(text.contains("hub_restored") && text.contains("change 1"), "\(text)")
        #expect(try await hub.snapshot() == before)
    }

    @Test(arguments: TestPostgres.engines) func aRowsHistoryIsRefusedOutsideItsScopeAndForNonsense(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let cleanup = Self.insert("cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-01""#)
        #expect(try await Self.send(hub, "/v1/push", Self.push([cleanup])).0 == .ok)
        let row = "01a20000-0000-7000-8000-0000000000c1"
        let mine = try await Self.send(hub, "/v1/history/cleanups/\(row)", nil)
        #expect(mine.0 == .ok && mine.1.contains(#""kind":"inserted""#), "\(mine.1)")
        let reviewer = try await Self.send(hub, "/v1/history/cleanups/\(row)", nil, token: .reviewer)
        #expect(reviewer.0 == .ok)
        for (path, status) in [
            ("/v1/history/tractors/\(row)", HTTPResponse.Status.badRequest),
            ("/v1/history/cleanups/01a20000-0000-7000-8000-0000000000ff", .notFound),
            ("/v1/history/cleanups/%20%0Aforged", .notFound), ("/v1/history/sync_log/1", .badRequest),
        ] {
            let (got, body) = try await Self.send(hub, path, nil)
            #expect(got == status, "\(path): \(body)")
        }
        // Another hamlet's head cannot read it.
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        let other = try await app.test(.router) { client in
            try await client.execute(
                uri: hub.uri("/v1/history/cleanups/\(row)"), method: .get,
                headers: [.authorization: "Bearer \(hub.doaiToken)"]
            ).status
        }
        #expect(other == .notFound)
    }

    @Test func aWriteTheFileRefusesRejectsOnlyItsChangeAndTheRestOfThePushApplies() async throws {
        let hub = try await TestHub()
        // A rule of the file that the engine's validation does not know about.
        try await hub.sqliteFile.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER test_refuse BEFORE INSERT ON cleanups WHEN NEW.note = 'boom'
                    BEGIN SELECT RAISE(ABORT, 'cleanups.note: refused by the file'); END
                    """)
        }
        let changes = ["ok", "boom", "ok too"].enumerated().map { index, note in
            Self.insert(
                "cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-03","note":"\#(note)""#, seq: "\(index + 1)",
                row: "01a20000-0000-7000-8000-0000000000e\(index)")
        }
        let (status, body) = try await Self.send(hub, "/v1/push", Self.push(changes))
        #expect(status == .ok, "\(body)")
        let response = try Wire.decode(PushResponse.self, from: ByteBuffer(string: body))
        #expect(response.outcomes.map(\.status) == [.applied, .rejected, .applied])
        #expect(response.outcomes[1].reason == "cleanups.note: refused by the file")
        let notes = try await hub.store.rows(table: "cleanups", for: hub.reviewer).compactMap { $0["note"]?.text }
        #expect(notes.sorted() == ["ok", "ok too"])
        // The log holds the two applied inserts after the set-up's entries, nothing of the refused one.
        #expect(try await hub.store.log().filter { $0.table == "cleanups" }.count == 2)
    }

    @Test(arguments: TestPostgres.engines) func aRowForAHamletTheHubDoesNotKnowIsRefused(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let change = Self.insert("cleanups", #""hamlet_id":"Xóm 5","date":"2026-11-03""#)
        let (status, body) = try await Self.send(hub, "/v1/push", Self.push([change]), token: .reviewer)
        #expect(status == .unprocessableContent)
        #expect(body.contains("cleanups.hamlet_id: no hamlet 'Xóm 5' is known to the hub"), "\(body)")
        #expect(try await hub.snapshot() == before)
    }

    @Test func theReplicaFileRefusesImplausibleValuesFromAnyTool() throws {
        let scratch = try ScratchReplica()
        let (path, replica) = (scratch.path, scratch.replica)
        // Another program on the same file, as the `sqlite3` shell would be.
        let other = try DatabaseQueue(path: path)
        for statement in [
            "INSERT INTO land_donations (hamlet_id, donor_name, area_m2) VALUES ('h1', 'An', 1.79e308)",
            "INSERT INTO households (hamlet_id, head_name, note) VALUES ('h1', 'An', 'before' || char(0) || 'after')",
            "INSERT INTO households (hamlet_id, head_name) VALUES ('h1', 'An' || char(27) || '[31m')",
            "INSERT INTO cleanups (hamlet_id, date) VALUES ('h1', '2101-01-01')",
            "INSERT INTO contributions (hamlet_id, donor_name, kind, amount) VALUES ('h1', 'An', 'materials', 2e7)",
        ] {
            let refusal = #expect(throws: DatabaseError.self, "\(statement)") {
                try other.write { db in try db.execute(sql: statement) }
            }
            #expect(refusal?.resultCode == .SQLITE_CONSTRAINT, "\(statement): \(String(describing: refusal))")
        }
        try other.write { db in
            try db.execute(
                sql:
                    "INSERT INTO households (hamlet_id, head_name, note) VALUES ('h1', 'An', 'dòng 1' || char(10) || char(9) || 'dòng 2')"
            )
        }
        #expect(try replica.rows("households").map { $0["note"] } == [.text("dòng 1\n\tdòng 2")])
        #expect(try replica.pendingChanges(limit: 10).count == 1)
        // The engine checks its own writes against the same declaration before making them.
        let refusal = #expect(throws: SyncError.self) {
            try replica.insert(into: "land_donations", values: ["donor_name": .text("An"), "area_m2": .real(1.79e308)])
        }
        #expect(refusal?.kind == .invalidInput, "\(refusal?.message ?? "no error")")
    }

    // MARK: 4. Bounded sizes

    @Test(arguments: TestPostgres.engines) func aBodyThatUnpacksPastTheRequestLimitIs413(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let note = String(repeating: "a", count: 30 << 20)
        let change = Self.insert("households", #""hamlet_id":"\#(hub.dongID)","head_name":"An","note":"\#(note)""#)
        let body = try Wire.gzip(ByteBuffer(string: Self.push([change])))
        #expect(body.readableBytes < 1 << 20)
        let (status, text) = try await Self.send(hub, "/v1/push", body, gzip: true)
        #expect(status == .contentTooLarge)
        #expect(text.contains("larger than the limit of \(Wire.maxRequestBodyBytes) bytes"), "\(text)")
    }

    @Test(arguments: TestPostgres.engines) func aNoteOverTheLimitIsRefusedByName(_ engine: SQLDialect) async throws {
        let hub = try await TestHub(engine)
        let note = String(repeating: "ộ", count: 2_001)
        let change = Self.insert("households", #""hamlet_id":"\#(hub.dongID)","head_name":"An","note":"\#(note)""#)
        let (status, body) = try await Self.send(hub, "/v1/push", Self.push([change]))
        #expect(status == .unprocessableContent)
        #expect(body.contains("households.note: must be at most 2000 characters"), "\(body)")
    }

    @Test(arguments: TestPostgres.engines) func pullPagesAreBoundedInBytesAndLargeRowsStillSyncOverHTTP(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        // 400 households at every text field's longest: about 6 MB of log, more than one page.
        let long = String(repeating: "ộ", count: 2_000)
        var seq: Int64 = 0
        for batch in 0..<4 {
            let changes = (0..<100).map { index -> Change in
                seq += 1
                let id = String(format: "01a20000-0000-7000-8000-%012d", batch * 100 + index)
                return Change(
                    seq: seq, table: "households", rowID: id, operation: .insert,
                    values: [
                        "id": .text(id), "hamlet_id": .text(hub.dongID), "head_name": .text(String(long.prefix(200))),
                        "address": .text(long), "phone": .text(String(long.prefix(200))), "note": .text(long),
                    ], hlc: HLCTimestamp(physicalMilliseconds: 1_700_000_000_000), createdAt: 0)
            }
            let response = try await hub.store.push(
                PushRequest(replicaID: "office", clientTime: 0, changes: changes), from: hub.reviewer)
            #expect(response.outcomes.allSatisfy { $0.status == .applied })
        }
        let (status, body) = try await Self.send(hub, "/v1/pull", Self.pull(), token: .reviewer)
        #expect(status == .ok)
        #expect(body.utf8.count <= PlausibleValues.maxPullPageBytes + 64 << 10)
        let page = try Wire.decode(PullResponse.self, from: ByteBuffer(string: body))
        #expect(page.hasMore)
        #expect(page.entries.count < 400)

        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            let connection = HTTPHubConnection(baseURL: url + hub.prefix, token: hub.dongToken)
            let replica = try Replica.create(
                at: hub.path("dong.sqlite"), principal: try await connection.status().principal)
            try await SyncSession(replica: replica, hub: connection).run()
            #expect(try replica.rows("households").count == 400)
        }
    }

    // MARK: 5. One identity per device

    @Test(arguments: TestPostgres.engines) func anotherTokenCannotPushUnderADevicesReplicaID(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let second = try await hub.store.issueToken(role: .head(hamletID: hub.dongID), name: "Phó xóm").token
        let first = Self.insert("cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-03""#)
        #expect(try await Self.send(hub, "/v1/push", Self.push([first])).0 == .ok)

        let hijack = Self.insert(
            "cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-04""#, seq: "2",
            row: "01a20000-0000-7000-8000-0000000000c9")
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        let before = try await hub.snapshot()
        try await app.test(.router) { client in
            for path in ["/v1/push", "/v1/pull"] {
                let response = try await client.execute(
                    uri: hub.uri(path), method: .post,
                    headers: [.authorization: "Bearer \(second)", .contentType: "application/json"],
                    body: ByteBuffer(string: path == "/v1/push" ? Self.push([hijack]) : Self.pull()))
                #expect(response.status == .forbidden, "\(path)")
                #expect(String(buffer: response.body).contains("belongs to another device's token"))
            }
        }
        #expect(try await hub.snapshot() == before)
        // The device itself carries on.
        let next = Self.insert(
            "cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-05""#, seq: "2",
            row: "01a20000-0000-7000-8000-0000000000c3")
        #expect(try await Self.send(hub, "/v1/push", Self.push([next])).0 == .ok)
    }

    // MARK: 6. NUL and control characters

    @Test(
        arguments: TestPostgres.engines,
        ["hub\u{0}", "hub", "r\nforged=1", "", String(repeating: "r", count: 129), "with space"])
    func aReplicaIDWithControlCharactersOrReservedIsRefused(_ engine: SQLDialect, replicaID: String) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let change = Self.insert("cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-03""#)
        let (status, body) = try await Self.send(hub, "/v1/push", Self.push([change], replica: replicaID))
        #expect(status == .badRequest)
        #expect(body.contains("replica_id:"), "\(body)")
        #expect(try await hub.snapshot() == before)
        #expect(try await hub.store.replicas().isEmpty)
    }

    @Test(arguments: TestPostgres.engines) func aRawControlByteInsideAJSONStringIsInvalidJSON(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let change = Self.insert("households", #""hamlet_id":"\#(hub.dongID)","head_name":"An\#u{01}Bình""#)
        let (status, body) = try await Self.send(hub, "/v1/push", Self.push([change]))
        #expect(status == .badRequest, "\(body)")
        #expect(body.contains("changes[0].values.head_name"), "\(body)")
        #expect(try await hub.snapshot() == before)
    }

    @Test(arguments: TestPostgres.engines) func textIsKeptByteForByteOrRefusedNeverTruncated(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let nul = Self.insert(
            "households", #""hamlet_id":"\#(hub.dongID)","head_name":"An","note":"before\u0000after""#)
        let (refused, body) = try await Self.send(hub, "/v1/push", Self.push([nul]))
        #expect(refused == .unprocessableContent)
        #expect(body.contains("households.note: must not contain control characters other than tab and newline"))

        // Decomposed Vietnamese, a tab and a newline: stored and returned as sent.
        let note = "Nguye\u{302}\u{303}n\tdòng 2\nđường"
        let kept = Self.insert(
            "households", #""hamlet_id":"\#(hub.dongID)","head_name":"An","note":\#(Self.json(note))"#, seq: "2",
            row: "01a20000-0000-7000-8000-0000000000c4")
        #expect(try await Self.send(hub, "/v1/push", Self.push([kept])).0 == .ok)
        let rows = try await hub.store.rows(table: "households", for: hub.reviewer)
        #expect(rows.count == 1)
        #expect(rows.first?["note"]?.text.map { Array($0.utf8) } == Array(note.utf8))
    }

    // MARK: 8, 9. Throttled, logged authentication failures; no forged log lines

    @Test(arguments: TestPostgres.engines) func failedAuthenticationIsThrottledAndLoggedWithoutTheSecret(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let lines = LogCapture()
        let logger = Logger(label: "test") { _ in lines }
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: logger)
        let secret = String(repeating: "ab", count: 32)
        let forged = "ntm_\(AccessToken(hub.dongToken)?.id ?? "")_\(secret)"
        try await app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<12 {
                let response = try await client.execute(
                    uri: hub.uri("/v1/status"), method: .get, headers: [.authorization: "Bearer \(forged)"])
                statuses.append(response.status)
                if response.status == .tooManyRequests {
                    #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                }
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unauthorized })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            // The address waits out the window, whatever it sends next.
            let good = try await client.execute(
                uri: hub.uri("/v1/status"), method: .get, headers: [.authorization: "Bearer \(hub.dongToken)"])
            #expect(good.status == .tooManyRequests)
        }
        let failures = lines.all.filter { $0.contains("authentication failed") }
        #expect(failures.count == 10)
        #expect(failures.allSatisfy { $0.contains(AccessToken(hub.dongToken)?.id ?? "-") })
        #expect(!lines.all.contains { $0.contains(secret) })
    }

    /// Issue 28: through the router every address is "unknown"; on a real socket, failed
    /// sign-ins from one address throttle that address only.
    @Test func theSignInThrottleIsPerAddressOnARealSocket() async throws {
        let hub = try await TestHub(.sqlite)
        let forged = "ntm_\(AccessToken(hub.dongToken)?.id ?? "")_\(String(repeating: "cd", count: 32))"
        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            let port = Int(url.split(separator: ":").last ?? "") ?? 0
            var statuses: [Int] = []
            for _ in 0..<12 {
                statuses.append(
                    try await RawConnection.requestDetached(
                        port: port, method: "GET", path: "/v1/status", token: forged
                    )
                    .status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == 401 }, "\(statuses)")
            #expect(statuses.suffix(2).allSatisfy { $0 == 429 }, "\(statuses)")
            // The guessing address waits, even with a good token; another address does not.
            let same = try await RawConnection.requestDetached(
                port: port, method: "GET", path: "/v1/status", token: hub.dongToken)
            #expect(same.status == 429)
            let other = try await RawConnection.requestDetached(
                port: port, method: "GET", path: "/v1/status", token: hub.dongToken, from: "127.0.0.2")
            #expect(other.status == 200, "another address is not throttled: \(other.body)")
        }
    }

    /// A token registers at most 24 new device ids a day; the 25th is told why
    /// (429, naming the limit) and nothing of it is kept; a device already known, and
    /// another hamlet's token, go on.
    @Test(arguments: TestPostgres.engines) func aTokenSetsUpAtMost24DevicesADay(_ engine: SQLDialect) async throws {
        let hub = try await TestHub(engine)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            func pull(_ replica: String, token: String) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(
                    uri: hub.uri("/v1/pull"), method: .post,
                    headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                    body: ByteBuffer(string: Self.pull(replica: replica)))
                return (response.status, String(buffer: response.body))
            }
            for device in 0..<24 {
                let (status, body) = try await pull("phone-\(device)", token: hub.dongToken)
                #expect(status == .ok, "device \(device): \(body)")
            }
            let before = try await hub.store.replicas().count
            let (status, body) = try await pull("phone-24", token: hub.dongToken)
            #expect(status == .tooManyRequests, "\(body)")
            #expect(body.contains("this token has set up 24 devices in the last 24 hours"), "\(body)")
            #expect(try await hub.store.replicas().count == before)
            #expect(try await pull("phone-3", token: hub.dongToken).0 == .ok, "a known device goes on")
            #expect(try await pull("doai-phone", token: hub.doaiToken).0 == .ok, "another token goes on")
        }
    }

    /// One address holds at most its share of the connections; one more is told
    /// so (429 naming the limit) and closed, while another address is served, and the
    /// address is served again once one of its connections closes.
    @Test func oneAddressHoldsAtMostItsShareOfTheConnections() async throws {
        let hub = try await TestHub(.sqlite)
        var limits = HubServerLimits()
        limits.maxConnections = 8
        limits.maxConnectionsPerAddress = 3
        limits.loopbackCounted = true  // every client here is on loopback
        try await HubApplication.withRunningHub(hub.target, limits: limits, logger: TestHub.quietLogger) { url in
            let port = Int(url.split(separator: ":").last ?? "") ?? 0
            var held = try (0..<3).map { _ in try RawConnection(port: port) }
            try await Task.sleep(for: .milliseconds(200))
            let fourth = try await RawConnection.requestDetached(
                port: port, method: "GET", path: "/v1/status", token: hub.dongToken)
            #expect(fourth.status == 429, "\(fourth.body)")
            #expect(fourth.body.contains("this address already holds 3 connections"), "\(fourth.body)")
            // The client reads when to come back, so that a sync waits and tries again.
            do {
                _ = try await HTTPHubConnection(baseURL: url, token: hub.dongToken).status()
                Issue.record("a fourth connection was served")
            } catch let error as SyncError {
                #expect(error.kind == .tooManyRequests && error.retryAfterSeconds == 5, "\(error)")
            }
            let other = try await RawConnection.requestDetached(
                port: port, method: "GET", path: "/v1/status", token: hub.dongToken, from: "127.0.0.2")
            #expect(other.status == 200, "another address is served: \(other.body)")
            held.removeFirst()
            try await Task.sleep(for: .milliseconds(300))
            let again = try await RawConnection.requestDetached(
                port: port, method: "GET", path: "/v1/status", token: hub.dongToken)
            #expect(again.status == 200, "a connection closed frees its place: \(again.body)")
            #expect(held.count == 2)
        }
    }

    /// By default loopback is not one client: a reverse proxy on the hub's machine, or a
    /// load test, speaks for many. Its connections go up to the cap on all connections.
    @Test func loopbackIsNotCountedAsOneAddressByDefault() async throws {
        let hub = try await TestHub(.sqlite)
        var limits = HubServerLimits()
        limits.maxConnections = 8
        limits.maxConnectionsPerAddress = 3
        try await HubApplication.withRunningHub(hub.target, limits: limits, logger: TestHub.quietLogger) { url in
            let port = Int(url.split(separator: ":").last ?? "") ?? 0
            let held = try (0..<5).map { _ in try RawConnection(port: port) }
            try await Task.sleep(for: .milliseconds(200))
            let sixth = try await RawConnection.requestDetached(
                port: port, method: "GET", path: "/v1/status", token: hub.dongToken)
            #expect(sixth.status == 200, "\(sixth.body)")
            #expect(held.count == 5)
        }
    }

    /// Issue 28: on a real socket, at most 8 pushes and pulls are in flight: 8 whose bodies
    /// are still arriving hold every permit, a 9th waits, and goes through once one ends.
    @Test func atMostEightSyncRequestsAreInFlightOnARealSocket() async throws {
        let hub = try await TestHub(.sqlite)
        try await HubApplication.withRunningHub(hub.target, logger: TestHub.quietLogger) { url in
            let port = Int(url.split(separator: ":").last ?? "") ?? 0
            let body = Array(Self.pull().utf8)
            func head(_ length: Int) -> String {
                "POST /v1/pull HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer \(hub.dongToken)\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(length)\r\n\r\n"
            }
            // Eight pulls whose bodies stop half way.
            let slow = try (0..<HubServerLimits().maxConcurrentSyncRequests).map { _ in
                let connection = try RawConnection(port: port)
                connection.send(Array(head(body.count).utf8) + body.prefix(body.count / 2))
                return connection
            }
            try await Task.sleep(for: .milliseconds(300))
            // A ninth, whole: it waits for a permit.
            let ninth = try RawConnection(port: port)
            ninth.send(Array(head(body.count).utf8) + body)
            let waited = await ninth.response(seconds: 1.5)
            #expect(waited.isEmpty, "the ninth pull was served while eight held every permit")
            // One of the eight finishes: the ninth goes through.
            slow[0].send(Array(body.suffix(from: body.count / 2)))
            #expect(await slow[0].response(seconds: 20).hasPrefix("HTTP/1.1 200"))
            let served = await ninth.response(seconds: 20)
            #expect(served.hasPrefix("HTTP/1.1 200"), "\(served.prefix(200))")
        }
    }

    /// Issue 28: on a real socket, connections beyond the cap wait unserved until one closes.
    @Test func connectionsBeyondTheCapWaitUntilOneCloses() async throws {
        let hub = try await TestHub(.sqlite)
        var limits = HubServerLimits()
        limits.maxConnections = 4
        try await HubApplication.withRunningHub(hub.target, limits: limits, logger: TestHub.quietLogger) { url in
            let port = Int(url.split(separator: ":").last ?? "") ?? 0
            // Four clients hold their connections open (a request head begun, never ended).
            var held = try (0..<4).map { _ in
                let connection = try RawConnection(port: port)
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                return connection
            }
            try await Task.sleep(for: .milliseconds(300))
            let fifth = try RawConnection(port: port)
            fifth.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(await fifth.response(seconds: 1.5).isEmpty, "a fifth connection was served beyond the cap")
            held.removeFirst()  // one client goes away
            let served = await fifth.response(seconds: 20)
            #expect(served.hasPrefix("HTTP/1.1 200"), "\(served.prefix(200))")
            _ = held
        }
    }

    @Test(arguments: TestPostgres.engines) func noRequestWritesAForgedLogLine(_ engine: SQLDialect) async throws {
        let hub = try await TestHub(engine)
        let lines = LogCapture()
        let logger = Logger(label: "test") { _ in lines }
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: logger)
        try await app.test(.router) { client in
            for replica in ["r\ninfo: forged line", "ok-replica"] {
                _ = try await client.execute(
                    uri: hub.uri("/v1/pull"), method: .post, headers: Self.headers(.head, hub),
                    body: ByteBuffer(string: Self.pull(replica: replica)))
            }
        }
        #expect(!lines.all.isEmpty)
        #expect(lines.all.allSatisfy { !$0.contains("\n") && !$0.contains("\r") }, "\(lines.all)")
        #expect(LogText.safe("a\nb\u{1b}[31m") == "a\\nb\\u{1B}[31m")
    }

    // MARK: 12. Strict gzip

    @Test(arguments: TestPostgres.engines) func gzipCutShortOrFollowedByGarbageIsRefused(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let change = Self.insert("cleanups", #""hamlet_id":"\#(hub.dongID)","date":"2026-11-03""#)
        let whole = try Wire.gzip(ByteBuffer(string: Self.push([change])))
        var noTrailer = whole
        noTrailer.moveWriterIndex(to: whole.writerIndex - 8)
        var garbage = whole
        garbage.writeString("garbage")
        var twice = whole
        var again = whole
        twice.writeBuffer(&again)
        for (name, body) in [("no trailer", noTrailer), ("garbage after", garbage), ("two members", twice)] {
            let (status, text) = try await Self.send(hub, "/v1/push", body, gzip: true)
            #expect(status == .badRequest, "\(name)")
            #expect(text.contains("not valid gzip"), "\(name): \(text)")
        }
        #expect(try await hub.snapshot() == before)
        #expect(try await Self.send(hub, "/v1/push", whole, gzip: true).0 == .ok)
    }

    // MARK: 11. The client trusts no hub blindly

    @Test func aPulledEntryWithAnAbsurdStampIsRefusedAndNothingApplied() throws {
        let scratch = try ScratchReplica()
        let replica = scratch.replica
        let entry = LogEntry(
            seq: 1, kind: .upsert, table: "households", rowID: "r1", hamletID: "h1",
            values: ["id": .text("r1"), "hamlet_id": .text("h1"), "head_name": .text("An")],
            hlc: HLCTimestamp(rawValue: .max), replicaID: "fake", author: "fake hub", loggedAt: 0)
        let refusal1 = #expect(throws: SyncError.self) {
            try replica.apply(PullResponse(hubTime: .min, entries: [entry], cursor: 1, hasMore: false))
        }
        #expect(refusal1?.kind == .storage, "\(refusal1?.message ?? "no error")")
        #expect(try replica.pullCursor() == 0)
        #expect(try replica.rows("households").isEmpty)
        // Local writes go on, stamped sanely.
        try replica.insert(into: "households", values: ["head_name": .text("Bình")])
        let stamp = try #require(try replica.pendingChanges(limit: 1).first?.hlc)
        #expect(stamp <= PlausibleValues.maxStamp)
    }

    @Test func aHandEditedClockInTheFileIsPutRightNotACrash() throws {
        let scratch = try ScratchReplica()
        let replica = scratch.replica
        try replica.insert(into: "households", values: ["head_name": .text("An")])
        try replica.write { db in try db.execute(sql: "UPDATE sync_state SET hlc = 9223372036854775807") }
        #expect(try replica.check(repair: false).problems.contains { $0.contains("sync_state.hlc") })
        // The next write puts the clock back where the outbox says it stood.
        try replica.insert(into: "households", values: ["head_name": .text("Bình")])
        let stamps = try replica.pendingChanges(limit: 10).map(\.hlc)
        #expect(stamps.count == 2 && stamps.allSatisfy { $0 <= PlausibleValues.maxStamp } && stamps[0] < stamps[1])
        var clock = HybridLogicalClock(last: HLCTimestamp(rawValue: .max))
        #expect(clock.tick(now: 0).rawValue == .max)
    }

    // MARK: 10. File modes

    @Test func hubAndReplicaFilesAreTheOwnersAloneFromCreation() async throws {
        let hub = try await TestHub()
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
        }
        #expect(try mode(hub.path) == 0o600)
        let replica = try Replica.create(
            at: hub.path("dong.sqlite"), principal: Principal(role: .head(hamletID: hub.dongID), name: "An"))
        try replica.setHubSettings(HubSettings(url: "http://127.0.0.1:1", token: hub.dongToken))
        for suffix in ["", "-wal", "-shm"]
        where FileManager.default.fileExists(atPath: hub.path("dong.sqlite") + suffix) {
            #expect(try mode(hub.path("dong.sqlite") + suffix) == 0o600, "\(suffix)")
        }
        // An older, world-readable file is narrowed when opened.
        try replica.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: hub.path("dong.sqlite"))
        _ = try Replica(path: hub.path("dong.sqlite"))
        #expect(try mode(hub.path("dong.sqlite")) == 0o600)
    }
}

/// A head's replica of hamlet `h1` in a temporary folder, removed with it.
final class ScratchReplica {
    let folder: URL
    let replica: Replica

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        replica = try Replica.create(
            at: folder.appendingPathComponent("dong.sqlite").path,
            principal: Principal(role: .head(hamletID: "h1"), name: "Nguyễn Văn An"))
    }

    var path: String { folder.appendingPathComponent("dong.sqlite").path }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Every log line as a handler would print it (message and metadata), for tests.
final class LogCapture: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let metadata = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lines.withLock { $0.append("\(event.level) \(event.message) \(metadata.joined(separator: " "))") }
    }
}
