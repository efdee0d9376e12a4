import Foundation

/// Attachments' content on the hub (DESIGN.md §8): stored once by SHA-256, uploaded in
/// pieces that resume where the hub stands, served only within the caller's scope.
extension Hub {
    /// The size and type an attachment in `principal`'s scope gives the content, or
    /// `notFound` (the same whether the content exists elsewhere or not at all).
    private static func attachment(
        _ sql: any SQLTransaction, schema: SchemaView, sha256: String, for principal: Principal
    ) throws -> (bytes: Int, mediaType: MediaType) {
        if let problem = TextShape.digest.problem(with: sha256) {
            throw SyncError.malformed("sha256: \(problem)")
        }
        // A hub at a schema version before attachments has none.
        guard schema.tables.contains(where: { $0.name == "attachments" }) else {
            throw SyncError.notFound("attachment content \(sha256)")
        }
        let row: SQLRow?
        if let hamletID = principal.hamletID {
            row = try sql.fetchOne(
                "SELECT bytes, media_type FROM attachments WHERE sha256 = \(sha256) AND hamlet_id = \(hamletID) LIMIT 1"
            )
        } else {
            row = try sql.fetchOne(
                "SELECT bytes, media_type FROM attachments WHERE sha256 = \(sha256) LIMIT 1")
        }
        guard let row, case .integer(let bytes) = row["bytes"], case .text(let type) = row["media_type"],
            let mediaType = MediaType(rawValue: type), let size = Int(exactly: bytes)
        else { throw SyncError.notFound("attachment content \(sha256)") }
        return (size, mediaType)
    }

    private static func status(_ sql: any SQLTransaction, sha256: String, bytes: Int) throws -> BlobStatus {
        if try sql.exists("SELECT 1 FROM sync_blobs WHERE sha256 = \(sha256)") {
            return BlobStatus(sha256: sha256, bytes: bytes, received: bytes, complete: true)
        }
        // Counted in rows' sizes (PostgreSQL's SUM of bigints is a numeric).
        let received = try sql.fetchAll("SELECT bytes FROM sync_blob_pieces WHERE sha256 = \(sha256)")
            .reduce(0) { sum, piece in
                // The sizes as stored (a file edited by another tool may hold anything).
                let (total, overflow) = sum.addingReportingOverflow(Int(clamping: try piece.int64("bytes")))
                guard !overflow else { throw SyncError.storage("the pieces of content \(sha256) add up past any size") }
                return total
            }
        return BlobStatus(sha256: sha256, bytes: bytes, received: received, complete: false)
    }

    /// How long an upload may stall (no piece arrives) before its pieces go: long, since a
    /// head may be out of signal for weeks; a device that comes back starts that upload over.
    static var stalledUploadMilliseconds: Int64 { 30 * 24 * 3_600 * 1_000 }

    /// Drops the pieces of every upload whose last piece came more than
    /// `stalledUploadMilliseconds` ago, so that uploads begun and abandoned cannot fill the hub.
    private static func dropStalledUploads(_ sql: any SQLTransaction, now: Int64) throws {
        try sql.execute(
            """
            DELETE FROM sync_blob_pieces WHERE sha256 IN
              (SELECT sha256 FROM sync_blob_pieces GROUP BY sha256 HAVING MAX(received_at) < \(now - stalledUploadMilliseconds))
            """)
    }

    /// Refuses a new upload of `bytes` that would take a hamlet of the content's
    /// attachments past `quota`: what its attachments' content holds (each content once,
    /// stored or under way).
    private static func checkQuota(_ sql: any SQLTransaction, sha256: String, bytes: Int, quota: Int64) throws {
        for hamlet in try sql.fetchTexts("SELECT DISTINCT hamlet_id FROM attachments WHERE sha256 = \(sha256)") {
            let held =
                try sql.fetchInt64(
                    """
                    SELECT CAST(COALESCE(SUM(b.bytes), 0) + COALESCE((SELECT SUM(p.bytes) FROM sync_blob_pieces AS p
                      WHERE p.sha256 IN (SELECT sha256 FROM attachments WHERE hamlet_id = \(hamlet))), 0) AS BIGINT)
                    FROM sync_blobs AS b WHERE b.sha256 IN (SELECT sha256 FROM attachments WHERE hamlet_id = \(hamlet))
                    """) ?? 0
            let (after, overflow) = held.addingReportingOverflow(Int64(bytes))
            guard !overflow, after <= quota else {
                throw SyncError.tooLarge(
                    "this hamlet's attachments (\(held) bytes held, \(bytes) more)", limit: Int(clamping: quota))
            }
        }
    }

    /// How much of an attachment's content the hub holds; `notFound` unless an attachment
    /// in the caller's scope has that content.
    package func blobStatus(sha256: String, for principal: Principal) async throws -> BlobStatus {
        try await read { [schema] sql in
            let (bytes, _) = try Self.attachment(sql, schema: schema, sha256: sha256, for: principal)
            return try Self.status(sql, sha256: sha256, bytes: bytes)
        }
    }

    /// Takes the piece of an attachment's content that starts at `offset` (resumable: a
    /// piece the hub holds already adds nothing); when the content is whole, checks it
    /// against its digest and type and keeps it.
    package func putBlobPiece(
        sha256: String, offset: Int, bytes piece: [UInt8], for principal: Principal
    ) async throws -> BlobStatus {
        guard !piece.isEmpty, piece.count <= BlobStatus.maxPieceBytes else {
            throw SyncError.tooLarge("a piece", limit: BlobStatus.maxPieceBytes)
        }
        guard offset >= 0 else { throw SyncError.malformed("offset: must not be negative") }
        let now = clock.nowMilliseconds()
        let quota = configuration.maxAttachmentBytesPerHamlet
        let (status, refusal) = try await write { [schema] sql -> (BlobStatus, SyncError?) in
            let (total, mediaType) = try Self.attachment(sql, schema: schema, sha256: sha256, for: principal)
            try Self.dropStalledUploads(sql, now: now)
            var status = try Self.status(sql, sha256: sha256, bytes: total)
            if status.complete { return (status, nil) }
            if status.received == 0 { try Self.checkQuota(sql, sha256: sha256, bytes: total, quota: quota) }
            guard offset <= status.received else {
                throw SyncError.conflict(
                    "offset: the hub holds \(status.received) bytes of this content; send from \(status.received)")
            }
            // What the hub holds already is not taken twice: a piece resent after a cut.
            let fresh = piece.dropFirst(status.received - offset)
            guard !fresh.isEmpty else { return (status, nil) }
            guard fresh.count <= total - min(status.received, total) else {
                throw SyncError.malformed("the content is longer than its attachment's \(total) bytes")
            }
            try sql.execute(
                "INSERT INTO sync_blob_pieces (sha256, \"offset\", data, bytes, received_at) VALUES (\(sha256), \(status.received), \(SQLValue.blob(Array(fresh))), \(fresh.count), \(now))"
            )
            status.received += fresh.count
            guard status.received == total else { return (status, nil) }
            // Whole: checked against its digest and its type, then kept once.
            var whole: [UInt8] = []
            whole.reserveCapacity(total)
            for row in try sql.fetchAll(
                "SELECT data FROM sync_blob_pieces WHERE sha256 = \(sha256) ORDER BY \"offset\"")
            {
                guard case .blob(let data) = row.first else {
                    throw SyncError.storage("a piece of content \(sha256) in the hub's store is not bytes")
                }
                whole += data
            }
            try sql.execute("DELETE FROM sync_blob_pieces WHERE sha256 = \(sha256)")
            let checked = Result { () throws(SyncError) in
                try BlobContent(verifying: whole, sha256: sha256, mediaType: mediaType)
            }
            let content: BlobContent
            switch checked {
            case .success(let value): content = value
            case .failure(let error):
                // Not the content its attachment names: the pieces go (this transaction
                // commits), the refusal is reported, and an upload starts over.
                return (BlobStatus(sha256: sha256, bytes: total, received: 0, complete: false), error)
            }
            try sql.execute(
                "INSERT INTO sync_blobs (sha256, media_type, bytes, data, stored_at) VALUES (\(sha256), \(content.mediaType.rawValue), \(total), \(SQLValue.blob(whole)), \(now))"
            )
            status.complete = true
            return (status, nil)
        }
        if let refusal { throw refusal }
        return status
    }

    /// An attachment's content, for a caller whose scope has an attachment with it.
    package func blob(sha256: String, for principal: Principal) async throws -> BlobContent {
        try await read { [schema] sql in
            let (_, mediaType) = try Self.attachment(sql, schema: schema, sha256: sha256, for: principal)
            guard
                case .blob(let data) = try sql.fetchOne(
                    "SELECT data FROM sync_blobs WHERE sha256 = \(sha256)")?.first
            else {
                throw SyncError.notFound("attachment content \(sha256) (not uploaded yet)")
            }
            return try BlobContent(verifying: data, sha256: sha256, mediaType: mediaType)
        }
    }
}
