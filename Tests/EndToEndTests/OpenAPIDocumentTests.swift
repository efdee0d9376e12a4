import Foundation
import HTTPTypes
import HubHTTP
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import SyncCore

/// docs/openapi.yaml stays true to the hub: it documents exactly the hub's routes, what each
/// route answers a request without a token, and no status the API cannot produce.
/// (scripts/api-fuzz checks the bodies against a live hub with schemathesis.)
@Suite struct OpenAPIDocumentTests {
    /// One documented operation: a method, a path as OpenAPI writes it, and its statuses.
    struct Operation: Sendable, CustomTestStringConvertible {
        let method: String
        let path: String
        let statuses: Set<Int>

        var key: String { "\(method) \(path)" }
        var testDescription: String { key }
    }

    /// The hub's routes (`HubAPI.router()`), with OpenAPI's `{id}` for `:id`.
    static let routes: Set<String> = [
        "GET /healthz",
        "GET /metrics",
        "GET /",
        "GET /login",
        "POST /login",
        "POST /logout",
        "GET /v1/status",
        "POST /v1/push",
        "POST /v1/pull",
        "POST /v1/restore",
        "POST /v1/bundles",
        "GET /v1/blobs/{sha256}/status",
        "PUT /v1/blobs/{sha256}/pieces/{offset}",
        "GET /v1/blobs/{sha256}",
        "GET /v1/conflicts",
        "GET /v1/history/{table}/{id}",
        "GET /v1/conflicts/{id}",
        "POST /v1/conflicts/{id}/resolve",
    ]

    /// Every status the API can answer (docs/api.md, Errors; 5xx only for a full disk).
    static let producibleStatuses: Set<Int> = [200, 303, 400, 401, 403, 404, 409, 413, 422, 426, 429, 503]

    /// docs/openapi.yaml, found from this file: Tests/EndToEndTests/ → ../../docs/.
    static var documentURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("docs")
            .appendingPathComponent("openapi.yaml")
    }

    static func document() throws -> String {
        try String(contentsOf: documentURL, encoding: .utf8)
    }

    /// The operations under `paths:`, read line by line: a path is a key indented 2 spaces
    /// that starts with `/`, a method a key indented 4 under it, a status a three-digit key
    /// indented 8 under the method's `responses:` (indented 6).
    static func operations(in text: String) -> [Operation] {
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var result: [Operation] = []
        var inPaths = false
        var path: String?
        var method: String?
        var inResponses = false
        var statuses: Set<Int> = []

        func finishOperation() {
            if let path, let method {
                result.append(Operation(method: method.uppercased(), path: path, statuses: statuses))
            }
            method = nil
            inResponses = false
            statuses = []
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = line.prefix { $0 == " " }.count
            if indent == 0 {
                finishOperation()
                path = nil
                inPaths = content == "paths:"
                continue
            }
            guard inPaths, content.hasSuffix(":") || indent == 8 else { continue }
            let key = String(content.prefix { $0 != ":" })
            switch indent {
            case 2:
                finishOperation()
                path = key.hasPrefix("/") ? key : nil
            case 4:
                finishOperation()
                if methods.contains(key) { method = key }
            case 6:
                if method != nil { inResponses = key == "responses" }
            case 8:
                let code = key.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if inResponses, code.count == 3, let status = Int(code) { statuses.insert(status) }
            default:
                break
            }
        }
        finishOperation()
        return result
    }

    static func documentedOperations() throws -> [Operation] {
        operations(in: try document())
    }

    @Test func theParserReadsPathsMethodsAndStatuses() {
        let text = """
            openapi: 3.1.0
            paths:
              /a/{id}:
                get:
                  summary: "x: y"
                  responses:
                    "200":
                      description: ok
                    '404':
                      description: |
                        "500": not a key
                post:
                  responses:
                    201:
                      description: made
            components:
              responses:
                "500":
                  description: not an operation's
            """
        let parsed = Self.operations(in: text)
        #expect(parsed.map(\.key) == ["GET /a/{id}", "POST /a/{id}"])
        #expect(parsed.first?.statuses == Set([200, 404]))
        #expect(parsed.last?.statuses == Set([201]))
    }

    @Test func theDocumentDescribesExactlyTheHubsRoutes() throws {
        let operations = try Self.documentedOperations()
        let keys = operations.map(\.key)
        #expect(Set(keys) == Self.routes, "documented: \(keys.sorted())")
        #expect(keys.count == Set(keys).count, "an operation is documented twice: \(keys.sorted())")
        for operation in operations {
            #expect(
                !operation.statuses.isDisjoint(with: [200, 303]), "\(operation.key) documents no 200 (or 303)")
        }
    }

    @Test func everyDocumentedStatusIsOneTheAPICanProduce() throws {
        for operation in try Self.documentedOperations() {
            let unknown = operation.statuses.subtracting(Self.producibleStatuses)
            #expect(unknown.isEmpty, "\(operation.key) documents \(unknown.sorted())")
            if operation.path.hasPrefix("/v1/") {
                // every /v1 route authenticates, and throttles failed authentication
                #expect(
                    operation.statuses.isSuperset(of: [401, 429]), "\(operation.key): \(operation.statuses.sorted())")
            }
        }
    }

    @Test func aRequestWithoutATokenGetsADocumentedAnswer() async throws {
        let operations = try Self.documentedOperations()
        #expect(!operations.isEmpty)
        let hub = try await TestHub()
        // More routes than failed sign-ins allowed per address a minute: each gets its 401.
        var limits = HubServerLimits()
        limits.maxFailedAuthentications = 100
        let app = HubApplication.make(
            store: hub.store, host: "127.0.0.1", port: 0, limits: limits, logger: TestHub.quietLogger)
        try await app.test(.router) { client in
            for operation in operations {
                let uri = operation.path
                    .replacingOccurrences(of: "{id}", with: "01a20000-0000-7000-8000-00000000c0f1")
                    .replacingOccurrences(of: "{table}", with: "land_donations")
                    .replacingOccurrences(of: "{sha256}", with: String(repeating: "ab", count: 32))
                    .replacingOccurrences(of: "{offset}", with: "0")
                let method: HTTPRequest.Method =
                    switch operation.method {
                    case "POST": .post
                    case "PUT": .put
                    default: .get
                    }
                let response = try await client.execute(
                    uri: uri, method: method, headers: [.contentType: "application/json"],
                    body: method == .get ? nil : ByteBuffer(string: "{}"))
                // The office page answers people, not programs: a form, or a redirect to it.
                let office = ["GET /": 303, "GET /login": 200, "POST /login": 401, "POST /logout": 303]
                let expected = operation.path == "/healthz" ? 200 : office[operation.key] ?? 401
                #expect(response.status.code == expected, "\(operation.key) answered \(response.status.code)")
                #expect(
                    operation.statuses.contains(response.status.code),
                    "\(operation.key) answered \(response.status.code), not documented: \(operation.statuses.sorted())")
                if expected == 401, office[operation.key] == nil {
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(operation.key)")
                }
            }
        }
    }
}
