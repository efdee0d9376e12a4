import Hummingbird
import Logging
import NIOCore
import SyncCore
import SyncWire

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
        case .conflict, .sequenceGap, .changeIDReused, .hubRestored: .conflict
        case .tooLarge: .contentTooLarge
        case .tooManyRequests: .tooManyRequests
        case .incompatibleVersion: .init(code: 426, reasonPhrase: "Upgrade Required")
        case .unavailable: .serviceUnavailable
        case .storage: .internalServerError
        }
    }

    static func response(for error: SyncError, request: Request) -> Response {
        var response = response(
            status: status(for: error.kind), code: error.kind.rawValue, message: error.message, request: request)
        if error.kind == .unauthorized { response.headers[.wwwAuthenticate] = #"Bearer realm="ntm-hub""# }
        if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    static func response(status: HTTPResponse.Status, code: String, message: String, request: Request) -> Response {
        let body = ErrorBody(error: .init(code: code, message: message))
        return (try? HubResponse.json(body, status: status, request: request))
            ?? Response(status: status, body: .init(byteBuffer: ByteBuffer(string: message)))
    }
}

/// Checks `Authorization: Bearer <token>` and puts the principal in the context. Failed
/// attempts are logged (client address and token id, never the secret) and throttled
/// per client address.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let store: Hub
    let throttle: AuthenticationThrottle
    let metrics: HubMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let address = context.remoteAddress ?? "unknown"
        if let wait = throttle.retryAfter(address) {
            let seconds = max(1, Int(wait.components.seconds) + 1)
            throw SyncError.tooManyRequests(
                "too many failed authentications from this address; try again in \(seconds) s",
                retryAfterSeconds: seconds)
        }
        func refuse(_ reason: String, tokenID: String?) -> SyncError {
            throttle.recordFailure(address)
            metrics.authenticationFailed()
            context.logger.warning(
                "authentication failed",
                metadata: [
                    "net.peer.address": "\(LogText.safe(address))", "auth.token_id": "\(tokenID ?? "none")",
                    "auth.reason": "\(reason)",
                ])
            return SyncError.unauthorized(reason)
        }
        guard let header = request.headers[.authorization] else {
            throw refuse("missing bearer token: send Authorization: Bearer <token>", tokenID: nil)
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw refuse("the Authorization header must be: Bearer <token>", tokenID: nil)
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard let principal = try await store.principal(forToken: token) else {
            // The token's public id only, and only when it has the token's shape.
            throw refuse("unknown, forged or revoked token", tokenID: AccessToken(token)?.id)
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
    static func decode<T: WireDecodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let raw = try await request.collectBody(upTo: Wire.maxWireBytes)
        let plain = try Wire.requestBody(raw, contentEncoding: request.headers[.contentEncoding])
        return try Wire.decode(T.self, from: plain)
    }

    /// Encodes a JSON response, gzip-compressed when the client accepts it.
    static func json<T: WireEncodable>(
        _ value: T, status: HTTPResponse.Status = .ok, request: Request
    ) throws -> Response {
        var body = try Wire.encode(value)
        var headers: HTTPFields = [.contentType: Wire.contentType, .vary: "Accept-Encoding"]
        if acceptsGzip(request.headers[.acceptEncoding]) {
            body = try Wire.gzip(body)
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

/// Text from a request made safe for one log line or message: control characters are
/// written as escapes, so no value can start a forged line.
package enum LogText {
    /// `text` with every control character escaped (`\n`, `\u{1b}`), at most 200 characters.
    package static func safe(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += scalar.escaped(asASCII: true)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Counts every request by route, method and status, and times it (`HubMetrics`). Outside
/// the error middleware, so a refusal is counted with the status it was answered with.
struct HubMetricsMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let metrics: HubMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.request(
                route: context.endpointPath ?? "other", method: request.method.rawValue, status: response.status.code,
                duration: ContinuousClock.now - started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.request(
                route: context.endpointPath ?? "other", method: request.method.rawValue, status: status,
                duration: ContinuousClock.now - started)
            throw error
        }
    }
}
