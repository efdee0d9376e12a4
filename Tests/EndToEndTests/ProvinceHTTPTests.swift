import Foundation
import HTTPTypes
import HubHTTP
import HubPostgres
import Hummingbird
import HummingbirdTesting
import NIOCore
import SyncWire
import Testing

@testable import SyncCore

/// Issue 16: one hub process serving every commune of a province's database under
/// `/c/CODE/` (DESIGN.md §7). Each commune sees only its own: a token opens its own
/// commune and no other, an office session is its commune's, and any other path is a
/// clear 404 that touches no commune.
@Suite(.enabled(if: TestPostgres.url != nil)) struct ProvinceHTTPTests {
    @Test func eachCommuneAnswersUnderItsOwnCodeAndATokenOpensNoOther() async throws {
        let tanLap = try await TestHub(.postgres)
        let benCanh = try await TestHub(.postgres)
        let app = HubApplication.make(tanLap.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            func get(_ path: String, token: String? = nil) async throws -> TestResponse {
                try await client.execute(
                    uri: path, method: .get, headers: token.map { [.authorization: "Bearer \($0)"] } ?? [:])
            }
            let own = try await get(tanLap.uri("/v1/status"), token: tanLap.dongToken)
            #expect(own.status == .ok)
            #expect(try Wire.decode(HubStatus.self, from: own.body).principal.hamletID == tanLap.dongID)
            // The same process serves the other commune, which knows nothing of this token.
            #expect(try await get(benCanh.uri("/v1/status"), token: benCanh.dongToken).status == .ok)
            let crossed = try await get(benCanh.uri("/v1/status"), token: tanLap.dongToken)
            #expect(crossed.status == .unauthorized)
            let reviewerCrossed = try await get(benCanh.uri("/v1/conflicts"), token: tanLap.reviewerToken)
            #expect(reviewerCrossed.status == .unauthorized)

            for path in [
                "/c/nosuchcommune/v1/status", "/c/NoSuch/v1/status", "/c/%74%30/v1/status", "/c//v1/status",
                "/c/" + String(repeating: "a", count: 5_000) + "/v1/status", "/c/a;drop/v1/status", "/v1/status",
                "/c/\(tanLap.prefix.dropFirst(3))/../\(benCanh.prefix.dropFirst(3))/v1/status",
            ] {
                let response = try await get(path, token: tanLap.dongToken)
                #expect(response.status == .notFound, "\(path.prefix(60))")
                let error = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: response.body))
                #expect(!error.error.message.isEmpty)
            }
            #expect(try await get("/healthz").status == .ok)

            // An office session belongs to its commune: its cookie is named for it and its
            // pages link within it.
            let signedIn = try await client.execute(
                uri: tanLap.uri("/login"), method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=" + tanLap.reviewerToken))
            #expect(signedIn.headers[.location] == tanLap.uri("/"))
            let cookie = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            #expect(cookie.hasPrefix("ntm_session_\(tanLap.prefix.dropFirst(3))="))
            let page = try await client.execute(uri: tanLap.uri("/"), method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains(#"action="\#(tanLap.uri("/logout"))""#))
            let elsewhere = try await client.execute(uri: benCanh.uri("/"), method: .get, headers: [.cookie: cookie])
            #expect(elsewhere.status == .seeOther && elsewhere.headers[.location] == benCanh.uri("/login"))
        }
    }

    /// A made-up code opens nothing: no commune, no schema is made by a request, and a
    /// commune whose schema is gone is not made anew (empty, with a new key) either.
    @Test func aRequestNeverCreatesACommune() async throws {
        let hub = try await TestHub(.postgres)
        let pool = try #require(TestPostgres.pool)
        let code = ScratchCommune.newCode(prefix: "t")
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/c/\(code)/v1/status", method: .get)
            #expect(response.status == .notFound)
        }
        let made = try await pool.transaction(schema: nil, readOnly: true) { sql in
            try sql.exists("SELECT 1 FROM pg_namespace WHERE nspname = \("commune_\(code)")")
                || (try sql.exists("SELECT 1 FROM public.ntm_communes WHERE code = \(code)"))
        }
        #expect(!made)

        // A registered commune whose schema was dropped behind the hub's back.
        let lost = try await TestPostgres.commune()
        try await pool.transaction(schema: nil) { sql in
            try sql.execute("DROP SCHEMA commune_\(raw: lost.code) CASCADE")
        }
        let fresh = HubApplication.make(
            .communes(PostgresCommunes(connections: pool, logger: TestHub.quietLogger)), host: "127.0.0.1", port: 0,
            logger: TestHub.quietLogger)
        try await fresh.test(.router) { client in
            let response = try await client.execute(uri: "/c/\(lost.code)/v1/status", method: .get)
            #expect(response.status == .serviceUnavailable)
        }
        let remade = try await pool.transaction(schema: nil, readOnly: true) { sql in
            try sql.exists("SELECT 1 FROM pg_namespace WHERE nspname = \("commune_\(lost.code)")")
        }
        #expect(!remade, "not made anew by a request")
    }

    /// A database that cannot be reached is a 503 that says so, and nothing of where it is.
    @Test func anUnreachableDatabaseIsA503WithoutItsDetails() async throws {
        let pool = PostgresConnections(
            location: try PostgresLocation(url: "postgres://secretuser@127.0.0.1:1/secretdb"), limit: 1,
            logger: TestHub.quietLogger)
        let app = HubApplication.make(
            .communes(PostgresCommunes(connections: pool, logger: TestHub.quietLogger)), host: "127.0.0.1", port: 0,
            logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/c/tanlap/v1/status", method: .get)
            #expect(response.status == .serviceUnavailable)
            let body = String(buffer: response.body)
            #expect(!body.contains("secret") && !body.contains("127.0.0.1:1"), "\(body)")
        }
        try await pool.close()
    }
}
