import Hummingbird
import Logging
import NIOCore
import SyncCore

/// Turns every error into `{"error":{"code":…,"message":…}}` with its status: the one
/// place where SyncCore errors become HTTP responses.
struct HubErrorMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as SyncError {
            return HubErrorMiddleware.response(for: error, request: request)
        } catch is NIOTooManyBytesError {
            return HubErrorMiddleware.response(
                for: .tooLarge("the request body", limit: Wire.maxWireBytes), request: request)
        } catch let error as any HTTPResponseError {
            let code = error.status == .notFound ? "not_found" : "http_\(error.status.code)"
            let message =
                error.status == .notFound
                ? "no such endpoint: \(request.method) \(request.uri.path)" : "\(error.status)"
            return HubErrorMiddleware.response(status: error.status, code: code, message: message, request: request)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return HubErrorMiddleware.response(
                status: .internalServerError, code: "internal", message: "internal error", request: request)
        }
    }

    static func status(for kind: SyncError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .invalidInput: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .incompatibleVersion: .init(code: 426, reasonPhrase: "Upgrade Required")
        case .unavailable: .serviceUnavailable
        case .storage: .internalServerError
        }
    }

    static func response(for error: SyncError, request: Request) -> Response {
        var response = response(
            status: status(for: error.kind), code: error.kind.rawValue, message: error.message, request: request)
        if error.kind == .unauthorized { response.headers[.wwwAuthenticate] = #"Bearer realm="ntm-hub""# }
        return response
    }

    static func response(status: HTTPResponse.Status, code: String, message: String, request: Request) -> Response {
        let body = ErrorBody(error: .init(code: code, message: message))
        return (try? HubResponse.json(body, status: status, request: request))
            ?? Response(status: status, body: .init(byteBuffer: ByteBuffer(string: message)))
    }
}

/// The error body of every failed request.
package struct ErrorBody: Codable, Sendable {
    /// The error.
    package struct Detail: Codable, Sendable {
        /// A stable code: `invalid_input`, `unauthorized`, `forbidden`, `not_found`, …
        package var code: String
        /// A one-line message naming the field at fault where there is one.
        package var message: String
    }

    /// The error.
    package var error: Detail
}

/// Checks `Authorization: Bearer <token>` and puts the principal in the context.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let store: any HubStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard let header = request.headers[.authorization] else {
            throw SyncError.unauthorized("missing bearer token: send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw SyncError.unauthorized("the Authorization header must be: Bearer <token>")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard let principal = try await store.principal(forToken: token) else {
            throw SyncError.unauthorized("unknown, forged or revoked token")
        }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "sync.role"] = "\(principal.roleName)"
        if let hamletID = principal.hamletID { context.logger[metadataKey: "sync.hamlet"] = "\(hamletID)" }
        return try await next(request, context)
    }
}

/// Bodies in and out: gzip when the client sends or accepts it, JSON inside.
enum HubResponse {
    /// Whether an `Accept-Encoding` value accepts gzip (listed, and not with `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.first == "gzip" || parts.first == "*" else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
        return false
    }

    /// Reads and decodes a JSON body, gzip-compressed or not.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let raw = try await request.collectBody(upTo: Wire.maxWireBytes)
        let plain: ByteBuffer
        switch request.headers[.contentEncoding]?.lowercased() {
        case nil, "identity": plain = raw
        case "gzip": plain = try Wire.gunzip(raw)
        case let other?: throw SyncError.malformed("unsupported Content-Encoding \(other); send gzip or identity")
        }
        guard plain.readableBytes <= Wire.maxBodyBytes else {
            throw SyncError.tooLarge("the decompressed body", limit: Wire.maxBodyBytes)
        }
        return try Wire.decode(T.self, from: plain)
    }

    /// Encodes a JSON response, gzip-compressed when the client accepts it.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, request: Request) throws -> Response {
        var body = try Wire.encode(value)
        var headers: HTTPFields = [.contentType: Wire.contentType, .vary: "Accept-Encoding"]
        if acceptsGzip(request.headers[.acceptEncoding]) {
            body = try Wire.gzip(body)
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}
