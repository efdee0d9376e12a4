import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import SyncCore
import SyncWire
import Synchronization

/// A replica's or reviewer's connection to the hub over HTTP: JSON bodies, gzip both
/// ways, bearer token. Hub errors come back as `SyncError`s rebuilt from the error body;
/// an unreachable hub as `SyncError.unavailable`.
package struct HTTPHubConnection: HubConnection {
    /// The hub's base URL, without a trailing slash.
    package let baseURL: String
    /// The bearer token.
    package let token: String
    /// How long one request may take. Default: 60 seconds.
    package var timeout: TimeAmount = .seconds(60)
    /// PEM certificates of authorities trusted besides the system's: a commune's own CA
    /// (`ntm-hub tls self-signed`).
    package let trustedCertificates: String?

    /// A connection to `baseURL` with `token`, trusting `trustedCertificates` (PEM) too.
    package init(baseURL: String, token: String, trustedCertificates: String? = nil) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.token = token
        self.trustedCertificates = trustedCertificates
    }

    /// A connection with a replica's hub settings.
    package init(_ settings: HubSettings) {
        self.init(baseURL: settings.url, token: settings.token, trustedCertificates: settings.trustedCertificates)
    }

    package func push(_ request: PushRequest) async throws -> PushResponse {
        // A push refused whole (every change rejected) still carries the outcomes to record.
        try await send(.POST, "/v1/push", body: request, as: PushResponse.self, acceptingRefusal: true)
    }

    package func pull(_ request: PullRequest) async throws -> PullResponse {
        try await send(.POST, "/v1/pull", body: request, as: PullResponse.self)
    }

    package func restore(_ request: RestoreRequest) async throws -> RestoreResponse {
        try await send(.POST, "/v1/restore", body: request, as: RestoreResponse.self)
    }

    /// The hub's status, and who this token is.
    package func status() async throws -> HubStatus {
        try await send(.GET, "/v1/status", body: NoBody?.none, as: HubStatus.self)
    }

    /// Conflicts in the commune (reviewer tokens); `nil` status: all.
    package func conflicts(status: ConflictRecord.Status?) async throws -> [ConflictRecord] {
        try await send(
            .GET, "/v1/conflicts?status=\(status?.rawValue ?? "all")", body: NoBody?.none,
            as: [ConflictRecord].self)
    }

    /// One conflict (reviewer tokens).
    package func conflict(id: String) async throws -> ConflictRecord {
        try await send(
            .GET, "/v1/conflicts/\(try pathComponent(id))", body: NoBody?.none, as: ConflictRecord.self)
    }

    /// Who changed a row, what and when, from the hub's log and audit trail.
    package func history(table: String, rowID: String) async throws -> RowHistory {
        guard (try? ReplicatedSchema.table(table)) != nil else {
            throw SyncError.malformed("'\(table)' is not a table")
        }
        return try await send(
            .GET, "/v1/history/\(table)/\(try pathComponent(rowID))", body: NoBody?.none, as: RowHistory.self)
    }

    /// Settles a conflict (reviewer tokens).
    package func resolve(id: String, choice: ConflictChoice, note: String?) async throws -> ConflictRecord {
        try await send(
            .POST, "/v1/conflicts/\(try pathComponent(id))/resolve", body: ResolveRequest(choice: choice, note: note),
            as: ConflictRecord.self)
    }

    private func pathComponent(_ id: String) throws(SyncError) -> String {
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw .malformed("'\(id)' is not a conflict id")
        }
        return id
    }

    private func send<Body: WireEncodable, Result: WireDecodable>(
        _ method: HTTPMethod, _ path: String, body: Body?, as type: Result.Type, acceptingRefusal: Bool = false
    ) async throws -> Result {
        var headers = HTTPHeaders([("Accept", "application/json")])
        var bytes: ByteBuffer?
        if let body {
            headers.add(name: "Content-Type", value: Wire.contentType)
            headers.add(name: "Content-Encoding", value: "gzip")
            bytes = try Wire.gzip(try Wire.encode(body))
        }
        let (status, buffer, retryAfter) = try await exchange(method, path, headers: headers, body: bytes)
        if (200..<300).contains(status) || (acceptingRefusal && (status == 403 || status == 422)),
            let result = try? Wire.decode(Result.self, from: buffer)
        {
            return result
        }
        throw refusal(status: status, body: buffer, retryAfter: retryAfter)
    }

    /// Hands a device's bundle file to the hub (reviewer tokens), which applies it and
    /// answers with its signed reply file, of at most `maxReplyBytes`.
    package func relayBundle(_ file: [UInt8], maxReplyBytes: Int) async throws -> [UInt8] {
        let headers = HTTPHeaders([
            ("Accept", "application/octet-stream"), ("Content-Type", "application/octet-stream"),
        ])
        let (status, buffer, retryAfter) = try await exchange(
            .POST, "/v1/bundles?max_reply_bytes=\(maxReplyBytes)", headers: headers, body: ByteBuffer(bytes: file))
        guard (200..<300).contains(status) else { throw refusal(status: status, body: buffer, retryAfter: retryAfter) }
        return Array(buffer: buffer)
    }

    /// `sha256` checked as a path component.
    private func digestComponent(_ sha256: String) throws(SyncError) -> String {
        if let problem = TextShape.digest.problem(with: sha256) { throw .malformed("sha256: \(problem)") }
        return sha256
    }

    /// One request with the bearer token; the answer's status and body, unpacked when gzip.
    private func exchange(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?,
        maxBytes: Int = Wire.maxWireBytes
    ) async throws -> (status: UInt, body: ByteBuffer, retryAfter: Int?) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers = headers
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        if let body { request.body = .bytes(body) }
        let client = try Self.client(trusting: trustedCertificates)
        let (response, collected) = try await Self.withConnectionRetries(baseURL) {
            let response = try await client.execute(request, timeout: timeout)
            return (response, try await response.body.collect(upTo: maxBytes))
        }
        var buffer = collected
        if response.headers.first(name: "Content-Encoding")?.lowercased() == "gzip" {
            buffer = try Wire.gunzip(buffer)
        }
        return (response.status.code, buffer, Self.retryAfterSeconds(response.headers.first(name: "Retry-After")))
    }

    /// `Retry-After` in seconds (the hub sends whole seconds; an HTTP date or anything else
    /// is not taken), at most an hour.
    static func retryAfterSeconds(_ header: String?) -> Int? {
        guard let header, header.utf8.count <= 10, let seconds = Int(header), seconds >= 0 else { return nil }
        return min(seconds, 3_600)
    }

    /// The hub's refusal, from its error body.
    private func refusal(status: UInt, body: ByteBuffer, retryAfter: Int?) -> SyncError {
        if let error = try? Wire.decode(ErrorBody.self, from: body) {
            return SyncError.reported(
                code: error.error.code, message: "hub: \(Self.plainRefusal(error.error.message))",
                retryAfterSeconds: retryAfter)
        }
        return SyncError.unavailable("the hub at \(baseURL) answered HTTP \(status) without a readable body")
    }

    /// Runs `body`, trying again while the hub cannot be reached at all (refused, no
    /// route, name not found) for up to `connectTimeoutSeconds`, with backoff; any other
    /// failure — a certificate refused, a timeout, a connection dropped — is reported at
    /// once, as it is, so a hamlet head learns what is wrong and not "no signal". A
    /// request tried again is one that never reached the hub, and pushes are idempotent.
    static func withConnectionRetries<T>(
        _ baseURL: String, _ body: () async throws -> T
    ) async throws -> T {
        let started = ContinuousClock.now
        var delay = Duration.milliseconds(100)
        while true {
            do {
                return try await body()
            } catch let error as SyncError {
                throw error
            } catch {
                let elapsed = ContinuousClock.now - started
                guard isUnreachable(error) else {
                    // Reached, then lost (a link cut mid-request, a timeout): worth another
                    // try, which the sync makes (`SyncStateMachine`), resending what is idempotent.
                    throw SyncError.linkLost("cannot reach the hub at \(baseURL): \(plainReason(error))")
                }
                guard elapsed + delay < .seconds(connectTimeoutSeconds) else {
                    throw SyncError.unavailable("cannot reach the hub at \(baseURL): \(plainReason(error))")
                }
                try await Task.sleep(for: delay)
                delay *= 2
            }
        }
    }

    /// Whether `error` says nothing listened at the address (yet): the hub restarting, a
    /// network coming up.
    static func isUnreachable(_ error: any Error) -> Bool {
        let text = String(describing: error)
        return ["errno: 111", "Connection refused", "errno: 101", "errno: 113", "Network is unreachable"]
            .contains { text.localizedCaseInsensitiveContains($0) }
    }

    /// One client for the process per set of trusted certificates, without its own
    /// decompression: bodies are gunzipped here, within `Wire.maxBodyBytes`. Never shut
    /// down: they live as long as the process.
    private static let clients = Mutex<[String: HTTPClient]>([:])

    /// The client trusting `pem` besides the system's authorities.
    static func client(trusting pem: String?) throws(SyncError) -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let pem {
            tls.additionalTrustRoots = [.certificates(try trustedCertificates(pem))]
        }
        return clients.withLock { clients in
            if let client = clients[pem ?? ""] { return client }
            var configuration = HTTPClient.Configuration(
                tlsConfiguration: tls, redirectConfiguration: .disallow,
                timeout: .init(connect: .seconds(Int64(HTTPHubConnection.connectTimeoutSeconds)), read: .seconds(120)),
                decompression: .disabled)
            // A failed connection fails its request at once with its own error; this
            // connection retries only what is worth retrying (`withConnectionRetries`).
            configuration.connectionPool.retryConnectionEstablishment = false
            // One connection per request in flight, as many phones would have: requests of a
            // process that syncs many replicas (a bench, the office relaying bundles) do not
            // queue behind eight connections and time out waiting for one.
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 256
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[pem ?? ""] = client
            return client
        }
    }

    /// The certificates in a PEM text, or a clear error.
    package static func trustedCertificates(_ pem: String) throws(SyncError) -> [NIOSSLCertificate] {
        guard pem.utf8.count <= 1 << 20 else { throw .tooLarge("the CA file", limit: 1 << 20) }
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)), !certificates.isEmpty else {
            throw .malformed("the CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        return certificates
    }

    /// How long to wait for the hub to accept a connection: a hamlet head with no signal
    /// learns it in seconds, not minutes.
    package static let connectTimeoutSeconds = 5

    /// A hub's refusal in words a hamlet head can act on. A hub of schema version 1 refuses
    /// a newer replica as "schema version 2 is not supported (this side speaks 1)".
    static func plainRefusal(_ message: String) -> String {
        let prefix = "schema version \(ReplicatedSchema.version) is not supported (this side speaks "
        guard message.hasPrefix(prefix), let hub = Int(message.dropFirst(prefix.count).prefix { $0.isNumber }),
            hub < ReplicatedSchema.version
        else { return message }
        return "this hub runs an older ntm-hub (schema version \(hub); this ntm is at \(ReplicatedSchema.version)): "
            + "ask the commune office to update ntm-hub; your records stay here until then"
    }

    /// Why the hub could not be reached, in words a hamlet head can act on.
    static func plainReason(_ error: any Error) -> String {
        let text = String(describing: error)
        func mentions(_ parts: String...) -> Bool { parts.contains { text.localizedCaseInsensitiveContains($0) } }
        if mentions("WRONG_VERSION_NUMBER", "wrong version number", "PACKET_LENGTH_TOO_LONG", "HTTP_REQUEST") {
            return
                "the hub does not speak HTTPS at that address: use http://, or start ntm-hub serve with --tls-cert and --tls-key"
        }
        if mentions("failedToValidateHostname") {
            return
                "the hub's certificate is not made for this address: use the name or address it was made for (ntm-hub tls self-signed --host)"
        }
        if mentions(
            "CERTIFICATE_VERIFY_FAILED", "certificate verify failed", "unable to get local issuer", "self signed",
            "self-signed")
        {
            return
                "the hub's certificate is not trusted by this device: if the commune made its own (ntm-hub tls self-signed), give its ca.pem with --ca-file"
        }
        if mentions("CERTIFICATE_EXPIRED", "certificate has expired") {
            return "the hub's certificate has expired: the commune office must renew it (ntm-hub tls self-signed)"
        }
        if mentions("errno: 111", "Connection refused") {
            return "the connection was refused (is ntm-hub running at that address and port?)"
        }
        if mentions("connectTimeout", "connect timeout", "ETIMEDOUT", "errno: 110") {
            return "no answer within \(connectTimeoutSeconds) seconds (no signal, or the hub's address is wrong)"
        }
        if mentions("errno: 101", "errno: 113", "Network is unreachable", "No route to host") {
            return "no network (no signal?)"
        }
        if mentions("resolve", "NXDOMAIN", "getaddrinfo", "Name or service not known") {
            return "the hub's name cannot be looked up (no signal, or a typo in the address)"
        }
        if mentions("readTimeout", "read timeout", "deadlineExceeded") {
            return "the hub stopped answering (weak signal?); try again"
        }
        if mentions("remoteConnectionClosed", "connection reset", "errno: 104", "EOF") {
            return "the connection dropped (weak signal?); try again"
        }
        if mentions("TLS", "SSL", "certificate", "handshake") {
            return "a secure connection could not be set up (\(text))"
        }
        return text
    }
}

extension HTTPHubConnection: BlobConnection {
    package func blobStatus(sha256: String) async throws -> BlobStatus {
        try await send(
            .GET, "/v1/blobs/\(try digestComponent(sha256))/status", body: NoBody?.none, as: BlobStatus.self)
    }

    package func putBlobPiece(sha256: String, offset: Int, bytes: [UInt8]) async throws -> BlobStatus {
        let headers = HTTPHeaders([("Accept", "application/json"), ("Content-Type", "application/octet-stream")])
        let (status, buffer, retryAfter) = try await exchange(
            .PUT, "/v1/blobs/\(try digestComponent(sha256))/pieces/\(offset)", headers: headers,
            body: ByteBuffer(bytes: bytes))
        if (200..<300).contains(status), let result = try? Wire.decode(BlobStatus.self, from: buffer) { return result }
        throw refusal(status: status, body: buffer, retryAfter: retryAfter)
    }

    package func blob(sha256: String) async throws -> BlobContent {
        let (status, buffer, retryAfter) = try await exchange(
            .GET, "/v1/blobs/\(try digestComponent(sha256))", headers: HTTPHeaders([("Accept", "*/*")]), body: nil,
            maxBytes: MediaType.maxBytes + 1)
        guard (200..<300).contains(status) else { throw refusal(status: status, body: buffer, retryAfter: retryAfter) }
        return try BlobContent(verifying: Array(buffer: buffer), sha256: sha256, mediaType: nil)
    }
}
