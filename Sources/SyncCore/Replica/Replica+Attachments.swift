import Crypto
import Foundation
import GRDB

/// A photo or scan's content as it was checked: its digest, its type by its first bytes,
/// its size.
package struct BlobContent: Sendable, Hashable {
    /// The SHA-256 of the bytes, lowercase hex.
    package let sha256: String
    /// The type the bytes start as.
    package let mediaType: MediaType
    /// The bytes.
    package let bytes: [UInt8]

    /// The SHA-256 of `bytes`, lowercase hex.
    package static func digest(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// `bytes` checked as an attachment: JPEG, PNG or PDF by content, 1 byte to 10 MiB.
    package init(checking bytes: [UInt8]) throws(SyncError) {
        guard !bytes.isEmpty else { throw .invalidValue(table: "attachments", column: "bytes", "the file is empty") }
        guard bytes.count <= MediaType.maxBytes else {
            throw .tooLarge("an attachment", limit: MediaType.maxBytes)
        }
        guard let type = MediaType.of(bytes) else {
            throw .invalidValue(
                table: "attachments", column: "media_type",
                "the file is not a JPEG or PNG photo or a PDF scan (by its content, whatever its name)")
        }
        self.sha256 = Self.digest(bytes)
        self.mediaType = type
        self.bytes = bytes
    }

    /// `bytes`, which must have `sha256` and be of `mediaType` (content fetched or received).
    package init(verifying bytes: [UInt8], sha256: String, mediaType: MediaType?) throws(SyncError) {
        let content = try BlobContent(checking: bytes)
        guard content.sha256 == sha256 else {
            throw .malformed("the content does not have the SHA-256 \(sha256)")
        }
        if let mediaType, content.mediaType != mediaType {
            throw .malformed("the content is \(content.mediaType.rawValue), not \(mediaType.rawValue)")
        }
        self = content
    }
}

extension Replica {
    /// Attaches a photo or scan to a row of `tableName` this replica holds: its content is
    /// checked and stored once by SHA-256, and an `attachments` row records it (in the
    /// row's hamlet), to sync like any row. Returns that row.
    @discardableResult
    package func attach(
        _ content: BlobContent, to tableName: String, rowID: String, caption: String? = nil,
        takenOn: String? = nil
    ) throws -> SyncRow {
        guard schema.version >= 3, ReplicatedSchema.attachableTables.contains(tableName) else {
            throw SyncError.invalidValue(
                table: "attachments", column: "row_table",
                "must be one of \(ReplicatedSchema.attachableTables.joined(separator: ", "))")
        }
        guard let row = try self.row(tableName, id: rowID) else {
            throw SyncError.notFound("\(tableName) row \(rowID)")
        }
        var values: SyncRow = [
            "row_table": .text(tableName), "row_id": .text(rowID), "sha256": .text(content.sha256),
            "media_type": .text(content.mediaType.rawValue), "bytes": .integer(Int64(content.bytes.count)),
        ]
        values[TableSpec.scopeColumn] = row[TableSpec.scopeColumn]
        if let caption { values["caption"] = .text(caption) }
        if let takenOn { values["taken_on"] = .text(takenOn) }
        let table = try schema.table("attachments")
        var complete = values
        complete[TableSpec.idColumn] = .text(ids.makeID())
        complete = try table.completeRow(complete)
        let record = complete
        try write { db in
            try Self.storeBlob(db, content, uploaded: false)
            try table.insertRow(db, record)
        }
        return complete
    }

    static func storeBlob(_ db: Database, _ content: BlobContent, uploaded: Bool) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_blobs (sha256, media_type, bytes, data, uploaded) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(sha256) DO UPDATE SET uploaded = MAX(uploaded, excluded.uploaded)
                """,
            arguments: [content.sha256, content.mediaType.rawValue, content.bytes.count, Data(content.bytes), uploaded])
    }

    /// The attachments of one row, or of every row when `tableName` is nil, oldest first.
    package func attachments(of tableName: String? = nil, rowID: String? = nil) throws -> [SyncRow] {
        guard schema.version >= 3 else { return [] }
        return try rows("attachments").filter { row in
            (tableName.map { row["row_table"] == .text($0) } ?? true)
                && (rowID.map { row["row_id"] == .text($0) } ?? true)
        }
    }

    /// The content with `sha256` when this replica holds it; nil when it must be fetched.
    package func blob(_ sha256: String) throws -> BlobContent? {
        guard schema.version >= 3 else { return nil }
        return try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT media_type, data FROM sync_blobs WHERE sha256 = ?", arguments: [sha256])
            else { return nil }
            let data: Data? = row["data"]
            let type: String? = row["media_type"]
            // A content damaged by another tool counts as absent: fetched again.
            return try? BlobContent(
                verifying: Array(data ?? Data()), sha256: sha256, mediaType: type.flatMap(MediaType.init(rawValue:)))
        }
    }

    /// Keeps content fetched from the hub (checked against its digest first).
    package func keepBlob(_ content: BlobContent) throws {
        try writer.write { db in try Self.storeBlob(db, content, uploaded: true) }
    }

    /// Content recorded here that the hub does not hold yet: for attachments the hub has
    /// acknowledged (it takes content only for an attachment it knows), or with
    /// `pendingToo` for any attachment here (a bundle carries the row and its content).
    package func blobsToUpload(pendingToo: Bool = false) throws -> [String] {
        guard schema.version >= 3 else { return [] }
        let known =
            pendingToo
            ? "SELECT 1 FROM attachments AS a WHERE a.sha256 = b.sha256"
            : "SELECT 1 FROM sync_base_rows AS r WHERE r.tbl = 'attachments' AND json_extract(r.vals, '$.sha256') = b.sha256"
        return try writer.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT b.sha256 FROM sync_blobs AS b WHERE b.uploaded = 0 AND EXISTS (\(known)) ORDER BY b.rowid")
        }
    }

    /// Notes that the hub holds the content with `sha256` whole.
    package func markUploaded(_ sha256: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE sync_blobs SET uploaded = 1 WHERE sha256 = ?", arguments: [sha256])
        }
    }
}
