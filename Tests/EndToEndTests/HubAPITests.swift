import Foundation
import HTTPTypes
import HubHTTP
import Hummingbird
import HummingbirdTesting
import NIOCore
import SyncWire
import Testing

@testable import SyncCore

/// The hub's HTTP API through the real router: bad input gets a 4xx with a clear message
/// and leaves the hub's data unchanged.
@Suite struct HubAPITests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let token: Token
        let body: String?
        let status: HTTPResponse.Status
        let message: String

        enum Token: Sendable { case none, forged, garbage, head, reviewer }

        var testDescription: String { name }
    }

    static func push(_ changes: String, version: Int = 1) -> String {
        """
        {"protocol_version":\(version),"schema_version":1,"replica_id":"01a20000-0000-7000-8000-00000000000a",
         "client_time":0,"changes":[\(changes)]}
        """
    }

    static func cleanup(hamlet: String, date: String = "2026-11-03") -> String {
        """
        {"seq":1,"table":"cleanups","row_id":"01a20000-0000-7000-8000-0000000000c1","operation":"insert",
         "values":{"id":"01a20000-0000-7000-8000-0000000000c1","hamlet_id":"\(hamlet)","date":"\(date)"},
         "previous":{},"base_versions":{},"hlc":1,"created_at":0}
        """
    }

    static let cases: [Case] = [
        Case(
            name: "missing token", path: "/v1/status", token: .none, body: nil, status: .unauthorized,
            message: "missing bearer token"),
        Case(
            name: "forged token", path: "/v1/status", token: .forged, body: nil, status: .unauthorized,
            message: "unknown, forged or revoked token"),
        Case(
            name: "garbage token", path: "/v1/pull", token: .garbage, body: "{}", status: .unauthorized,
            message: "unknown, forged or revoked token"),
        Case(
            name: "malformed JSON", path: "/v1/push", token: .head, body: "{\"changes\": [", status: .badRequest,
            message: "invalid JSON"),
        Case(
            name: "wrong type", path: "/v1/push", token: .head,
            body: push(
                #"{"seq":"one","table":"cleanups","row_id":"x","operation":"insert","values":{},"previous":{},"base_versions":{},"hlc":1,"created_at":0}"#
            ),
            status: .badRequest, message: "changes[0].seq: expected a whole number"),
        Case(
            name: "unknown table", path: "/v1/push", token: .reviewer,
            body: push(
                #"{"seq":1,"table":"tractors","row_id":"x","operation":"insert","values":{},"previous":{},"base_versions":{},"hlc":1,"created_at":0}"#
            ),
            status: .badRequest, message: "unknown table 'tractors'"),
        Case(
            name: "unknown column", path: "/v1/push", token: .reviewer,
            body: push(
                #"{"seq":1,"table":"cleanups","row_id":"x","operation":"insert","values":{"colour":"red"},"previous":{},"base_versions":{},"hlc":1,"created_at":0}"#
            ),
            status: .badRequest, message: "cleanups: unknown column 'colour'"),
        Case(
            name: "unknown operation", path: "/v1/push", token: .reviewer,
            body: push(
                #"{"seq":1,"table":"cleanups","row_id":"x","operation":"upsert","values":{},"previous":{},"base_versions":{},"hlc":1,"created_at":0}"#
            ),
            status: .badRequest, message: "changes[0].operation"),
        Case(
            name: "incompatible protocol", path: "/v1/pull", token: .head,
            body: #"{"protocol_version":99,"schema_version":1,"replica_id":"r","client_time":0,"after":0,"limit":10}"#,
            status: .init(code: 426), message: "protocol version 99 is not supported"),
        Case(
            name: "a replica newer than its hub", path: "/v1/pull", token: .head,
            body: #"{"protocol_version":1,"schema_version":4,"replica_id":"r","client_time":0,"after":0,"limit":10}"#,
            status: .init(code: 426), message: "schema version 4 is newer than this hub's (3): update ntm-hub"),
        Case(
            name: "no schema version", path: "/v1/pull", token: .head,
            body: #"{"protocol_version":1,"schema_version":0,"replica_id":"r","client_time":0,"after":0,"limit":10}"#,
            status: .init(code: 426), message: "schema version 0 is not supported"),
        Case(
            name: "a version-1 replica writing a version-2 column", path: "/v1/push", token: .reviewer,
            body: push(
                #"{"seq":1,"table":"road_segments","row_id":"x","operation":"update","values":{"kind":"ngo"},"previous":{},"base_versions":{},"hlc":1,"created_at":0}"#
            ),
            status: .badRequest, message: "road_segments: unknown column 'kind'"),
        Case(
            name: "a backfill from no earlier version", path: "/v1/pull", token: .head,
            body:
                #"{"protocol_version":1,"schema_version":2,"replica_id":"r","client_time":0,"after":0,"limit":10,"added_after_schema":2}"#,
            status: .badRequest, message: "added_after_schema: must be a schema version before schema_version (2)"),
        Case(
            name: "head calling a reviewer endpoint", path: "/v1/conflicts", token: .head, body: nil,
            status: .forbidden,
            message: "only a reviewer token may use this endpoint"),
        Case(
            name: "unknown endpoint", path: "/v1/tractors", token: .reviewer, body: nil, status: .notFound,
            message: "no such endpoint"),
    ]

    @Test(arguments: TestPostgres.engines, cases)
    func badInputGetsAClearErrorAndChangesNothing(_ engine: SQLDialect, _ item: Case) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: hub.uri(item.path), method: item.body == nil ? .get : .post, headers: headers(item.token, hub),
                body: item.body.map { ByteBuffer(string: $0) })
            #expect(response.status == item.status)
            let error = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
            #expect(error.error.message.contains(item.message), "\(error.error.message)")
        }
        #expect(try await hub.snapshot() == before)
    }

    @Test(
        arguments: TestPostgres.engines,
        [
            ("a head writing another hamlet", "doai", "2026-11-03", HTTPResponse.Status.forbidden, "belongs to hamlet"),
            (
                "a negative area", "dong", "2026-11-03", .unprocessableContent,
                "land_donations.area_m2: must be greater than 0"
            ),
            (
                "an impossible date", "dong", "2026-02-30", .unprocessableContent,
                "cleanups.date: must be a date YYYY-MM-DD"
            ),
        ])
    func aRefusedChangeGetsA4xxWithItsOutcomeAndChangesNothing(
        _ engine: SQLDialect, _ item: (String, String, String, HTTPResponse.Status, String)
    ) async throws {
        let (name, hamlet, date, status, message) = item
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let hamletID = hamlet == "dong" ? hub.dongID : hub.doaiID
        let change =
            name.contains("area")
            ? """
            {"seq":1,"table":"land_donations","row_id":"01a20000-0000-7000-8000-0000000000d1","operation":"insert",
             "values":{"hamlet_id":"\(hamletID)","donor_name":"Hoàng Văn Cường","area_m2":-5},
             "previous":{},"base_versions":{},"hlc":1,"created_at":0}
            """ : Self.cleanup(hamlet: hamletID, date: date)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: hub.uri("/v1/push"), method: .post, headers: headers(.head, hub),
                body: ByteBuffer(string: Self.push(change)))
            #expect(response.status == status)
            let refusal = try JSONDecoder().decode(PushRefusal.self, from: Data(buffer: response.body))
            #expect(refusal.error.message.contains(message), "\(refusal.error.message)")
            #expect(refusal.outcomes.map(\.status) == [.rejected])
        }
        #expect(try await hub.snapshot() == before)
    }

    @Test(arguments: TestPostgres.engines) func theBearerSchemeIsCaseInsensitiveAndA401SaysHowToAuthenticate(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let ok = try await client.execute(
                uri: hub.uri("/v1/status"), method: .get, headers: [.authorization: "bearer \(hub.dongToken)"])
            #expect(ok.status == .ok)
            let status = try JSONDecoder().decode(HubStatus.self, from: Data(buffer: ok.body))
            #expect(status.principal.hamletID == hub.dongID)
            #expect(status.principal.name == "Nguyễn Văn An")
            let refused = try await client.execute(
                uri: hub.uri("/v1/status"), method: .get, headers: [.authorization: "Basic eA=="])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let plain = try await client.execute(
                uri: hub.uri("/healthz"), method: .get, headers: [.acceptEncoding: "deflate, gzip;q=0"])
            #expect(plain.headers[.contentEncoding] == nil)
        }
    }

    @Test(arguments: TestPostgres.engines) func anOversizeBodyIsRefused(_ engine: SQLDialect) async throws {
        let hub = try await TestHub(engine)
        let before = try await hub.snapshot()
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.live) { client in
            let body = ByteBuffer(repeating: UInt8(ascii: " "), count: Wire.maxWireBytes + 1)
            let response = try await client.execute(
                uri: hub.uri("/v1/push"), method: .post, headers: headers(.head, hub), body: body)
            #expect(response.status == .contentTooLarge)
        }
        #expect(try await hub.snapshot() == before)
    }

    @Test(arguments: TestPostgres.engines) func gzipTravelsBothWays(_ engine: SQLDialect) async throws {
        let hub = try await TestHub(engine)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            var fields = headers(.head, hub)
            fields[.contentEncoding] = "gzip"
            fields[.acceptEncoding] = "gzip"
            let request = try Wire.gzip(ByteBuffer(string: Self.push(Self.cleanup(hamlet: hub.dongID))))
            let response = try await client.execute(
                uri: hub.uri("/v1/push"), method: .post, headers: fields, body: request)
            #expect(response.status == .ok)
            #expect(response.headers[.contentEncoding] == "gzip")
            let decoded = try Wire.decode(PushResponse.self, from: try Wire.gunzip(response.body))
            #expect(decoded.outcomes.map(\.status) == [.applied])
        }
        #expect(try await hub.store.rows(table: "cleanups", for: hub.reviewer).count == 1)
    }

    private func headers(_ token: Case.Token, _ hub: TestHub) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        switch token {
        case .none: break
        case .forged: fields[.authorization] = "Bearer " + hub.dongToken.dropLast(4) + "beef"
        case .garbage: fields[.authorization] = "Bearer let-me-in"
        case .head: fields[.authorization] = "Bearer \(hub.dongToken)"
        case .reviewer: fields[.authorization] = "Bearer \(hub.reviewerToken)"
        }
        return fields
    }
}
