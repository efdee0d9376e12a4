import Foundation
import HTTPTypes
import HubHTTP
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import SyncCore

/// Issue 13: the office page's sign-in and session against hostile input, in process (the
/// browser test covers the page as people see it): no body, cookie or query gets a 5xx,
/// reflects markup, or opens a session it should not.
@Suite struct OfficePageTests {
    static func form(_ token: String) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.")
        return ByteBuffer(string: "token=" + (token.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The session cookie a response sets, as `name=value`.
    static func cookie(_ response: TestResponse) -> String? {
        response.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
    }

    @Test(arguments: TestPostgres.engines) func aReviewerSignsInAndTheCookieIsStrictAndTheTokenNeverInAURL(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        _ = try await hub.store.addHamlet(["name": .text("<b>Xóm</b> \"Mới\""), "head_name": .text("<i>x</i>")])
        // A quote and a combining mark make one Character: escaped all the same, it cannot
        // close the attribute it stands in.
        _ = try await hub.store.addHamlet(["name": .text("Xóm \"\u{301}/hidden/style=x"), "head_name": .text("y")])
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let first = try await client.execute(uri: hub.uri("/"), method: .get)
            #expect(first.status == .seeOther && first.headers[.location] == hub.uri("/login"))
            let form = try await client.execute(uri: hub.uri("/login"), method: .get)
            #expect(form.status == .ok)
            let html = String(buffer: form.body)
            #expect(
                html.contains(#"<form method="post" action="\#(hub.uri("/login"))">"#)
                    && html.contains(#"type="password""#))
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            let signedIn = try await client.execute(
                uri: hub.uri("/login"), method: .post, headers: Self.formHeaders, body: Self.form(hub.reviewerToken))
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == hub.uri("/"))
            let setCookie = try #require(signedIn.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            #expect(setCookie.contains("Max-Age=28800"))
            #expect(!setCookie.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back")
            #expect(!setCookie.contains(hub.reviewerToken))
            let cookie = try #require(Self.cookie(signedIn))

            let page = try await client.execute(
                uri: hub.uri("/?thang=11/2026"), method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            let text = String(buffer: page.body)
            #expect(text.contains("Xã Tân Lập — Tháng 11/2026"))
            #expect(text.contains("&lt;b&gt;Xóm&lt;/b&gt;") && !text.contains("<b>Xóm</b>"), "names are escaped")
            #expect(
                text.unicodeScalars.count > 0 && !text.contains("\"\u{301}"), "a quote with a combining mark escaped")
            #expect(text.contains("&quot;\u{301}/hidden/style=x"))
            #expect(!text.contains("<script"))
            #expect(page.headers[.cacheControl] == "no-store")

            // Signing out ends the session on the hub, not only in the browser.
            let out = try await client.execute(uri: hub.uri("/logout"), method: .post, headers: [.cookie: cookie])
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: hub.uri("/"), method: .get, headers: [.cookie: cookie])
            #expect(after.status == .seeOther && after.headers[.location] == hub.uri("/login?het_han=1"))
        }
    }

    @Test(arguments: TestPostgres.engines) func aHeadsTokenAForgedOneAndARevokedOneOpenNoSession(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let head = try await client.execute(
                uri: hub.uri("/login"), method: .post, headers: Self.formHeaders, body: Self.form(hub.dongToken))
            #expect(head.status == .forbidden && head.headers[.setCookie] == nil)
            #expect(String(buffer: head.body).contains("dành cho cán bộ xã"))
            let forged = try await client.execute(
                uri: hub.uri("/login"), method: .post, headers: Self.formHeaders, body: Self.form("ntm_forged"))
            #expect(forged.status == .unauthorized && forged.headers[.setCookie] == nil)

            // A session whose token is revoked ends at the next page.
            let signedIn = try await client.execute(
                uri: hub.uri("/login"), method: .post, headers: Self.formHeaders, body: Self.form(hub.reviewerToken))
            let cookie = try #require(Self.cookie(signedIn))
            #expect(try await client.execute(uri: hub.uri("/"), method: .get, headers: [.cookie: cookie]).status == .ok)
            let tokenID = try #require(AccessToken(hub.reviewerToken)).id
            _ = try await hub.store.revokeToken(tokenID)
            let revoked = try await client.execute(uri: hub.uri("/"), method: .get, headers: [.cookie: cookie])
            #expect(revoked.status == .seeOther && revoked.headers[.location] == hub.uri("/login?het_han=1"))
        }
    }

    @Test(arguments: TestPostgres.engines) func aFormPostedFromAnotherSiteIsRefused(_ engine: SQLDialect) async throws {
        let hub = try await TestHub(engine)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            for (name, value) in [
                ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"), ("Origin", "https://evil.example"),
            ] {
                var headers = Self.formHeaders
                headers[try #require(HTTPField.Name(name))] = value
                for path in ["/login", "/logout"] {
                    let response = try await client.execute(
                        uri: hub.uri(path), method: .post, headers: headers, body: Self.form(hub.reviewerToken))
                    #expect(response.status == .forbidden, "\(name): \(value) on \(path)")
                    #expect(response.headers[.setCookie] == nil)
                }
            }
        }
    }

    @Test(
        arguments: TestPostgres.engines,
        [
            ("", 401), ("token=", 401), ("token=%ZZ%", 401), ("token=a&token=b", 401), ("\u{0}\u{1}\u{2}", 401),
            ("token=" + String(repeating: "x", count: 5_000), 413), ("a=b&c", 401),
        ])
    func anyLoginBodyIsAnsweredWithoutA5xx(_ engine: SQLDialect, _ item: (String, Int)) async throws {
        let (body, status) = item
        let hub = try await TestHub(engine)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: hub.uri("/login"), method: .post, headers: Self.formHeaders, body: ByteBuffer(string: body))
            #expect(response.status.code == status)
            #expect(response.headers[.setCookie] == nil)
        }
    }

    @Test(arguments: TestPostgres.engines) func hostileCookiesAndMonthsAreRefusedWithoutReflectingThem(
        _ engine: SQLDialect
    ) async throws {
        let hub = try await TestHub(engine)
        let app = HubApplication.make(hub.target, host: "127.0.0.1", port: 0, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            for cookie in [
                "ntm_session=", "ntm_session=" + String(repeating: "A", count: 5_000), "ntm_session=guessed",
                "other=1; ntm_session", "ntm_session=\u{7f}",
            ] {
                let response = try await client.execute(uri: hub.uri("/"), method: .get, headers: [.cookie: cookie])
                #expect(response.status == .seeOther, "\(cookie.prefix(30))")
                #expect(response.headers[.location]?.hasPrefix(hub.uri("/login")) == true)
            }
            let signedIn = try await client.execute(
                uri: hub.uri("/login"), method: .post, headers: Self.formHeaders, body: Self.form(hub.reviewerToken))
            let cookie = try #require(Self.cookie(signedIn))
            for month in ["13/2026", "2026-00", "%3Cscript%3E", "99999-01", String(repeating: "1", count: 3_000)] {
                let response = try await client.execute(
                    uri: hub.uri("/?thang=\(month)"), method: .get, headers: [.cookie: cookie])
                #expect(response.status == .badRequest, "\(month.prefix(20))")
                #expect(!String(buffer: response.body).contains("<script>"))
            }
        }
    }
}
