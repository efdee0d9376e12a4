import Hummingbird
import Logging
import SyncCore
import SyncWire
import Synchronization

/// Serves every commune of a directory under `/c/CODE/` (DESIGN.md §7): each commune has an
/// API of its own (routes, metrics, office sessions), built at its first request, and every
/// commune shares the process's guards. `/healthz` answers for the process; any other path
/// is a JSON 404.
final class ProvinceResponder: HTTPResponder, Sendable {
    typealias Context = HubRequestContext
    private let directory: any CommuneDirectory
    private let limits: HubServerLimits
    private let secure: Bool
    private let guards: HubGuards
    private let logger: Logger
    private let top: RouterResponder<HubRequestContext>
    private let communes = Mutex<[String: RouterResponder<HubRequestContext>]>([:])

    init(directory: any CommuneDirectory, limits: HubServerLimits, secure: Bool, logger: Logger) {
        self.directory = directory
        self.limits = limits
        self.secure = secure
        self.logger = logger
        guards = HubGuards(limits: limits)
        let router = Router(context: HubRequestContext.self)
        router.add(middleware: HubErrorMiddleware())
        router.get("healthz") { request, _ in try HubResponse.json(HealthBody(), request: request) }
        top = router.buildResponder()
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let target = request.head.path, target.hasPrefix("/c/") else {
            return try await top.respond(to: request, context: context)
        }
        let rest = target.dropFirst(3)
        let code = rest.prefix { $0 != "/" && $0 != "?" }
        var inner = String(rest.dropFirst(code.count))
        if !inner.hasPrefix("/") { inner = "/" + inner }
        let responder: RouterResponder<HubRequestContext>
        do {
            guard let found = try await self.responder(code: String(code)) else {
                throw SyncError.notFound(
                    "commune \(LogText.safe(String(code.prefix(40))))",
                    hint: "this hub serves the communes of its database, each at /c/CODE")
            }
            responder = found
        } catch let error as SyncError {
            return HubErrorMiddleware.response(for: error, request: request)
        } catch {
            context.logger.error("commune lookup failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return HubErrorMiddleware.response(
                for: .unavailable("the province database cannot be reached; try again later", retryAfterSeconds: 5),
                request: request)
        }
        var head = request.head
        head.path = inner
        return try await responder.respond(to: Request(head: head, body: request.body), context: context)
    }

    /// The API of commune `code`, built at its first request.
    private func responder(code: String) async throws -> RouterResponder<HubRequestContext>? {
        if let known = communes.withLock({ $0[code] }) { return known }
        guard let store = try await directory.store(code: code) else { return nil }
        let built = HubAPI(store: store, limits: limits, secure: secure, commune: code, guards: guards).router()
            .buildResponder()
        return communes.withLock { communes in
            if let known = communes[code] { return known }
            communes[code] = built
            return built
        }
    }
}
