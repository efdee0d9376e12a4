/// A replica's way to the hub: in-process here, HTTP in the field.
package protocol HubConnection: Sendable {
    /// Sends a page of changes.
    func push(_ request: PushRequest) async throws -> PushResponse
    /// Fetches a page of the log.
    func pull(_ request: PullRequest) async throws -> PullResponse
    /// Offers back confirmed fields a restored hub lost.
    func restore(_ request: RestoreRequest) async throws -> RestoreResponse
}

/// A connection straight to a hub store in the same process, as `principal`.
package struct LocalHubConnection: HubConnection {
    /// The hub.
    package let store: Hub
    /// Who the connection speaks as.
    package let principal: Principal

    /// A connection to `store` as `principal`.
    package init(store: Hub, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    package func push(_ request: PushRequest) async throws -> PushResponse {
        try await store.push(request, from: principal)
    }

    package func pull(_ request: PullRequest) async throws -> PullResponse {
        try await store.pull(request, for: principal)
    }

    package func restore(_ request: RestoreRequest) async throws -> RestoreResponse {
        try await store.restore(request, from: principal)
    }
}

/// The way to the hub for attachments' content (DESIGN.md §8): pieces up, whole content
/// down, on demand.
package protocol BlobConnection: Sendable {
    /// How much of the content the hub holds.
    func blobStatus(sha256: String) async throws -> BlobStatus
    /// Sends the piece of the content that starts at `offset`.
    func putBlobPiece(sha256: String, offset: Int, bytes: [UInt8]) async throws -> BlobStatus
    /// Fetches the content.
    func blob(sha256: String) async throws -> BlobContent
}

extension LocalHubConnection: BlobConnection {
    package func blobStatus(sha256: String) async throws -> BlobStatus {
        try await store.blobStatus(sha256: sha256, for: principal)
    }

    package func putBlobPiece(sha256: String, offset: Int, bytes: [UInt8]) async throws -> BlobStatus {
        try await store.putBlobPiece(sha256: sha256, offset: offset, bytes: bytes, for: principal)
    }

    package func blob(sha256: String) async throws -> BlobContent {
        try await store.blob(sha256: sha256, for: principal)
    }
}

/// Moves attachments' content over a weak link: up in pieces that resume where the hub
/// stands after a cut, without resending what arrived; down whole, checked.
package enum BlobTransfer {
    /// Bytes per piece. Default: 256 KiB.
    package static let pieceBytes = 256 << 10

    /// What an upload sent.
    package struct Sent: Sendable, Hashable {
        /// Bytes of content sent (a piece cut on the way counts in full).
        package var bytes = 0
        /// Pieces sent, and pieces that failed on the way.
        package var pieces = 0
        package var failures = 0

        package init() {}
    }

    /// Uploads `content`, resuming after each failure (up to `maxFailures` in a row) from
    /// what the hub says it holds.
    @discardableResult
    package static func upload(
        _ content: BlobContent, via connection: some BlobConnection, pieceBytes: Int = pieceBytes,
        maxFailures: Int = 8
    ) async throws -> Sent {
        var sent = Sent()
        var failuresInARow = 0
        // A link that drops every few hundred KB: pieces shrink after each cut (to 16 KiB at
        // least) and grow back after a run that gets through.
        let largest = max(1, min(pieceBytes, BlobStatus.maxPieceBytes))
        var size = largest
        var streak = 0
        var status = try await connection.blobStatus(sha256: content.sha256)
        while !status.complete {
            let start = max(0, min(status.received, content.bytes.count))
            let end = min(content.bytes.count, start + size)
            guard start < end else {
                throw SyncError.storage(
                    "the hub expects more of \(content.sha256) than its \(content.bytes.count) bytes")
            }
            do {
                sent.pieces += 1
                sent.bytes += end - start
                status = try await connection.putBlobPiece(
                    sha256: content.sha256, offset: start, bytes: Array(content.bytes[start..<end]))
                failuresInARow = 0
                streak += 1
                if streak >= 4 { (size, streak) = (min(largest, size * 2), 0) }
            } catch let error as SyncError where error.kind == .conflict || error.kind == .unavailable {
                // Cut on the way, or the hub holds another amount: ask where it stands.
                sent.failures += 1
                failuresInARow += 1
                (size, streak) = (max(min(largest, 16 << 10), size / 2), 0)
                guard failuresInARow <= maxFailures else { throw error }
                status = try await statusAfterFailure(content.sha256, via: connection, error: error)
            }
        }
        return sent
    }

    private static func statusAfterFailure(
        _ sha256: String, via connection: some BlobConnection, error: SyncError
    ) async throws -> BlobStatus {
        var delay = Duration.milliseconds(50)
        for _ in 0..<5 {
            do {
                return try await connection.blobStatus(sha256: sha256)
            } catch let again as SyncError where again.kind == .unavailable {
                try await Task.sleep(for: delay)
                delay *= 2
            }
        }
        throw error
    }
}

extension Replica {
    /// Uploads the content of attachments the hub acknowledged and does not hold yet;
    /// returns what was sent.
    @discardableResult
    package func uploadBlobs(via connection: some BlobConnection) async throws -> BlobTransfer.Sent {
        var total = BlobTransfer.Sent()
        for sha256 in try blobsToUpload() {
            guard let content = try blob(sha256) else { continue }
            let sent = try await BlobTransfer.upload(content, via: connection)
            total.bytes += sent.bytes
            total.pieces += sent.pieces
            total.failures += sent.failures
            try markUploaded(sha256)
        }
        return total
    }

    /// The content of an attachment: this replica's copy, or fetched from the hub (and
    /// kept) when it has none.
    package func fetchBlob(_ sha256: String, via connection: some BlobConnection) async throws -> BlobContent {
        if let local = try blob(sha256) { return local }
        let fetched = try await connection.blob(sha256: sha256)
        guard fetched.sha256 == sha256 else { throw SyncError.malformed("the hub sent other content than \(sha256)") }
        try keepBlob(fetched)
        return fetched
    }
}
