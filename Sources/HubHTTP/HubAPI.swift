import Foundation
import Hummingbird
import Logging
import SyncCore
import SyncWire

/// What every commune of one hub process shares: the gate on sync bodies in flight, and the
/// throttles on failed sign-ins, so neither memory nor guessing grows with the communes.
package struct HubGuards: Sendable {
    let gate: RequestGate
    let throttle: AuthenticationThrottle
    /// Failed office sign-ins count apart from the API's, so a page elsewhere cannot make
    /// the office's browser lock phones behind the same address out of syncing.
    let officeThrottle: AuthenticationThrottle

    /// Guards within `limits`.
    package init(limits: HubServerLimits) {
        gate = RequestGate(permits: limits.maxConcurrentSyncRequests)
        throttle = AuthenticationThrottle(
            maxFailures: limits.maxFailedAuthentications, window: limits.failedAuthenticationWindow)
        officeThrottle = AuthenticationThrottle(
            maxFailures: limits.maxFailedAuthentications, window: limits.failedAuthenticationWindow)
    }
}

/// The hub's HTTP API (docs/api.md): a thin map from routes to `Hub` calls.
package struct HubAPI: Sendable {
    /// The hub's store.
    package let store: Hub
    /// The server's limits.
    package let limits: HubServerLimits
    /// Whether the hub is reached over TLS (the office page's cookie is then `Secure`).
    package let secure: Bool
    /// The hub's metrics, served at `/metrics`.
    package let metrics: HubMetrics
    /// The commune's code when the hub serves many under `/c/CODE/` (DESIGN.md §7), else nil.
    package let commune: String?
    private let guards: HubGuards
    private let sessions: OfficeSessions

    /// The API over `store`, within `limits`. A hub serving many communes gives each its
    /// `commune` code and one `guards` for them all.
    package init(
        store: Hub, limits: HubServerLimits = HubServerLimits(), secure: Bool = false,
        commune: String? = nil, guards: HubGuards? = nil
    ) {
        self.store = store
        self.limits = limits
        self.secure = secure
        self.commune = commune
        self.guards = guards ?? HubGuards(limits: limits)
        self.metrics = HubMetrics()
        self.sessions = OfficeSessions(lifetime: limits.officeSessionLifetime)
    }

    /// A router with every route and middleware.
    package func router() -> Router<HubRequestContext> {
        let router = Router(context: HubRequestContext.self)
        router.add(middleware: HubMetricsMiddleware(metrics: metrics))
        router.add(middleware: HubErrorMiddleware())
        router.get("healthz") { request, _ in
            try HubResponse.json(HealthBody(), request: request)
        }
        let authenticated = BearerAuthMiddleware(store: store, throttle: guards.throttle, metrics: metrics)
        // Prometheus scrapes with a reviewer token (its `authorization` setting).
        router.group("metrics").add(middleware: authenticated).get { _, context in
            _ = try context.requireReviewer()
            let text = try await metrics.exposition(store: store, now: Int64(Date().timeIntervalSince1970 * 1000))
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        OfficePage(
            store: store, sessions: sessions, throttle: guards.officeThrottle, secure: secure, metrics: metrics,
            commune: commune
        ).add(to: router)
        let v1 = router.group("v1").add(middleware: authenticated)
        v1.get("status") { request, context in
            try HubResponse.json(try await store.status(for: context.requirePrincipal()), request: request)
        }
        // Bodies are read, decoded and applied a few at a time, whatever the connections.
        v1.post("push") { request, context in try await guards.gate.withPermit { try await push(request, context) } }
        v1.post("pull") { request, context in try await guards.gate.withPermit { try await pull(request, context) } }
        v1.post("restore") { request, context in
            try await guards.gate.withPermit {
                let principal = try context.requirePrincipal()
                let body = try await HubResponse.decode(RestoreRequest.self, from: request)
                let answer = try await store.restore(body, from: principal)
                context.logger.info(
                    "restore",
                    metadata: [
                        "sync.replica": "\(LogText.safe(body.replicaID))", "sync.rows": "\(body.rows.count)",
                        "sync.applied": "\(answer.applied)",
                    ])
                return try HubResponse.json(answer, request: request)
            }
        }
        // A device's bundle relayed by a reviewer's ntm (DESIGN.md §8): the file in, the
        // hub's signed reply out; the file's own signature says whose changes they are.
        v1.post("bundles") { request, context in try await guards.gate.withPermit { try await bundle(request, context) }
        }
        // Attachments' content (DESIGN.md §8): resumable pieces up, whole content down,
        // within the caller's scope.
        v1.get("blobs/:sha256/status") { request, context in
            let principal = try context.requirePrincipal()
            let sha256 = try context.parameters.require("sha256")
            return try HubResponse.json(try await store.blobStatus(sha256: sha256, for: principal), request: request)
        }
        v1.put("blobs/:sha256/pieces/:offset") { request, context in
            try await guards.gate.withPermit {
                let principal = try context.requirePrincipal()
                let sha256 = try context.parameters.require("sha256")
                let text = try context.parameters.require("offset")
                guard text.utf8.count <= 9, let offset = Int(text), offset >= 0 else {
                    throw SyncError.malformed("offset: must be a whole number of bytes")
                }
                var request = request
                let raw = try await request.collectBody(upTo: BlobStatus.maxPieceBytes)
                let status = try await store.putBlobPiece(
                    sha256: sha256, offset: offset, bytes: Array(buffer: raw), for: principal)
                return try HubResponse.json(status, request: request)
            }
        }
        v1.get("blobs/:sha256") { request, context in
            let principal = try context.requirePrincipal()
            let content = try await store.blob(sha256: try context.parameters.require("sha256"), for: principal)
            return Response(
                status: .ok,
                headers: [
                    .contentType: content.mediaType.rawValue, .cacheControl: "private, max-age=31536000, immutable",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: content.bytes)))
        }
        v1.get("conflicts") { request, context in
            let reviewer = try context.requireReviewer()
            let status: ConflictRecord.Status?
            switch request.uri.queryParameters.get("status") ?? "open" {
            case "all": status = nil
            case let name:
                guard let parsed = ConflictRecord.Status(rawValue: name) else {
                    throw SyncError.malformed("status must be open, resolved or all")
                }
                status = parsed
            }
            return try HubResponse.json(try await store.conflicts(status: status, for: reviewer), request: request)
        }
        v1.get("conflicts/:id") { request, context in
            let reviewer = try context.requireReviewer()
            let id = try context.parameters.require("id")
            return try HubResponse.json(try await store.conflict(id: id, for: reviewer), request: request)
        }
        v1.get("history/:table/:id") { request, context in
            let principal = try context.requirePrincipal()
            let table = try context.parameters.require("table")
            let id = try context.parameters.require("id")
            if let problem = PlausibleValues.problem(withID: id) { throw SyncError.malformed("id: \(problem)") }
            return try HubResponse.json(
                try await store.history(table: table, rowID: id, for: principal), request: request)
        }
        v1.post("conflicts/:id/resolve") { request, context in
            let reviewer = try context.requireReviewer()
            let id = try context.parameters.require("id")
            let body = try await HubResponse.decode(ResolveRequest.self, from: request)
            let record = try await store.resolve(
                conflictID: id, choice: try body.choice(), note: body.note, by: reviewer)
            metrics.resolved()
            context.logger.info(
                "resolve",
                metadata: [
                    "sync.conflict": "\(LogText.safe(id))", "sync.choice": "\(record.resolution?.choice ?? "")",
                ])
            return try HubResponse.json(record, request: request)
        }
        return router
    }

    private func push(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let principal = try context.requirePrincipal()
        let body = try await HubResponse.decode(PushRequest.self, from: request)
        let response = try await store.push(body, from: principal)
        metrics.pushed(body, response)
        let rejected = response.outcomes.filter { $0.status == .rejected }
        context.logger.info(
            "push",
            metadata: [
                "sync.replica": "\(LogText.safe(body.replicaID))", "sync.changes_in": "\(body.changes.count)",
                "sync.rejected": "\(rejected.count)",
                "sync.conflicts": "\(response.outcomes.reduce(0) { $0 + $1.conflicts.count })",
                "http.duration_ms": "\(milliseconds(since: started))",
            ])
        // A push that achieved nothing because every change was refused answers 4xx, with
        // the outcomes (the refusals are recorded: a resend gets the same answer).
        guard !response.outcomes.isEmpty, rejected.count == response.outcomes.count else {
            return try HubResponse.json(response, request: request)
        }
        let forbidden = rejected.contains { $0.code == SyncError.Kind.forbidden.rawValue }
        let first = rejected[0]
        let refusal = PushRefusal(
            error: .init(
                code: first.code ?? SyncError.Kind.invalidInput.rawValue,
                message: "change \(first.seq): \(first.reason ?? "rejected")"),
            hubTime: response.hubTime, outcomes: response.outcomes)
        return try HubResponse.json(refusal, status: forbidden ? .forbidden : .unprocessableContent, request: request)
    }

    private func pull(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let principal = try context.requirePrincipal()
        let body = try await HubResponse.decode(PullRequest.self, from: request)
        let page = try await store.pull(body, for: principal)
        metrics.pulled(page.entries.count)
        context.logger.info(
            "pull",
            metadata: [
                "sync.replica": "\(LogText.safe(body.replicaID))", "sync.changes_out": "\(page.entries.count)",
                "sync.cursor": "\(page.cursor)", "http.duration_ms": "\(milliseconds(since: started))",
            ])
        return try HubResponse.json(page, request: request)
    }

    private func bundle(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        _ = try context.requireReviewer()
        var maxReply = SignedBundle.maxFileBytes
        if let text = request.uri.queryParameters.get("max_reply_bytes") {
            guard text.utf8.count <= 10, let value = Int(text) else {
                throw SyncError.malformed("max_reply_bytes: must be a whole number of bytes")
            }
            maxReply = value
        }
        var request = request
        let raw = try await request.collectBody(upTo: Wire.maxWireBytes)
        let plain = try Wire.requestBody(raw, contentEncoding: request.headers[.contentEncoding])
        let file = try SignedBundle.read(Array(buffer: plain))
        let (reply, summary) = try await HubBundles.answer([file], store: store, maxReplyBytes: maxReply)
        context.logger.info(
            "bundle",
            metadata: [
                "sync.replica": "\(LogText.safe(summary.replicaID))", "sync.changes_in": "\(summary.applied)",
                "sync.rejected": "\(summary.rejected)", "sync.conflicts": "\(summary.conflicts)",
                "sync.changes_out": "\(summary.entries)",
            ])
        return Response(
            status: .ok, headers: [.contentType: "application/octet-stream"],
            body: .init(byteBuffer: ByteBuffer(bytes: try reply.fileBytes())))
    }

    private func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }
}
