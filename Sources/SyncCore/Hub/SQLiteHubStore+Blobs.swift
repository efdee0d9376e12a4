import Foundation
import GRDB

/// Attachments' content on the hub (DESIGN.md §8): stored once by SHA-256, uploaded in
/// pieces that resume where the hub stands, served only within the caller's scope.
extension SQLiteHubStore {
    /// The size and type an attachment in `principal`'s scope gives the content, or
    /// `notFound` (the same whether the content exists elsewhere or not at all).
    private static func attachment(
        _ db: Database, sha256: String, for principal: Principal
    ) throws -> (bytes: Int, mediaType: MediaType) {
        if let problem = TextShape.digest.problem(with: sha256) {
            throw SyncError.malformed("sha256: \(problem)")
        }
        guard try db.tableExists("attachments") else { throw SyncError.notFound("attachment content \(sha256)") }
        let row: Row?
        if let hamletID = principal.hamletID {
            row = try Row.fetchOne(
                db, sql: "SELECT bytes, media_type FROM attachments WHERE sha256 = ? AND hamlet_id = ? LIMIT 1",
                arguments: [sha256, hamletID])
        } else {
            row = try Row.fetchOne(
                db, sql: "SELECT bytes, media_type FROM attachments WHERE sha256 = ? LIMIT 1", arguments: [sha256])
        }
        guard let row, let bytes: Int = row["bytes"], let type: String = row["media_type"],
            let mediaType = MediaType(rawValue: type)
        else { throw SyncError.notFound("attachment content \(sha256)") }
        return (bytes, mediaType)
    }

    private static func status(_ db: Database, sha256: String, bytes: Int) throws -> BlobStatus {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM sync_blobs WHERE sha256 = ?", arguments: [sha256]) ?? false {
            return BlobStatus(sha256: sha256, bytes: bytes, received: bytes, complete: true)
        }
        let received =
            try Int.fetchOne(db, sql: "SELECT SUM(bytes) FROM sync_blob_pieces WHERE sha256 = ?", arguments: [sha256])
            ?? 0
        return BlobStatus(sha256: sha256, bytes: bytes, received: received, complete: false)
    }

    package func blobStatus(sha256: String, for principal: Principal) async throws -> BlobStatus {
        try await writer.read { db in
            let (bytes, _) = try Self.attachment(db, sha256: sha256, for: principal)
            return try Self.status(db, sha256: sha256, bytes: bytes)
        }
    }

    package func putBlobPiece(
        sha256: String, offset: Int, bytes piece: [UInt8], for principal: Principal
    ) async throws -> BlobStatus {
        guard !piece.isEmpty, piece.count <= BlobStatus.maxPieceBytes else {
            throw SyncError.tooLarge("a piece", limit: BlobStatus.maxPieceBytes)
        }
        guard offset >= 0 else { throw SyncError.malformed("offset: must not be negative") }
        let now = clock.nowMilliseconds()
        let (status, refusal) = try await writer.write { db -> (BlobStatus, SyncError?) in
            let (total, mediaType) = try Self.attachment(db, sha256: sha256, for: principal)
            var status = try Self.status(db, sha256: sha256, bytes: total)
            if status.complete { return (status, nil) }
            guard offset <= status.received else {
                throw SyncError.conflict(
                    "offset: the hub holds \(status.received) bytes of this content; send from \(status.received)")
            }
            // What the hub holds already is not taken twice: a piece resent after a cut.
            let fresh = piece.dropFirst(status.received - offset)
            guard !fresh.isEmpty else { return (status, nil) }
            guard status.received + fresh.count <= total else {
                throw SyncError.malformed("the content is longer than its attachment's \(total) bytes")
            }
            try db.execute(
                sql: "INSERT INTO sync_blob_pieces (sha256, offset, data, bytes, received_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [sha256, status.received, Data(fresh), fresh.count, now])
            status.received += fresh.count
            guard status.received == total else { return (status, nil) }
            // Whole: checked against its digest and its type, then kept once.
            var whole: [UInt8] = []
            whole.reserveCapacity(total)
            for data in try Data.fetchAll(
                db, sql: "SELECT data FROM sync_blob_pieces WHERE sha256 = ? ORDER BY offset", arguments: [sha256])
            {
                whole += data
            }
            try db.execute(sql: "DELETE FROM sync_blob_pieces WHERE sha256 = ?", arguments: [sha256])
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
            try db.execute(
                sql: "INSERT INTO sync_blobs (sha256, media_type, bytes, data, stored_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [sha256, content.mediaType.rawValue, total, Data(whole), now])
            status.complete = true
            return (status, nil)
        }
        if let refusal { throw refusal }
        return status
    }

    package func blob(sha256: String, for principal: Principal) async throws -> BlobContent {
        try await writer.read { db in
            let (_, mediaType) = try Self.attachment(db, sha256: sha256, for: principal)
            guard
                let data = try Data.fetchOne(
                    db, sql: "SELECT data FROM sync_blobs WHERE sha256 = ?", arguments: [sha256])
            else {
                throw SyncError.notFound("attachment content \(sha256) (not uploaded yet)")
            }
            return try BlobContent(verifying: Array(data), sha256: sha256, mediaType: mediaType)
        }
    }
}
