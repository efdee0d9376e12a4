import Foundation

/// What a device's bundle carries (DESIGN.md §8): pages of its pending changes, exactly as
/// it would push them, and its pull cursor, exactly as it would pull. A large backlog
/// splits into several parts, each a bundle file of its own.
package struct ChangesBundle: Sendable, Hashable, Codable {
    /// This part's number, from 1.
    package var part: Int
    /// How many parts the export wrote.
    package var parts: Int
    /// When the device wrote it (device clock, ms).
    package var exportedAt: Int64
    /// Push pages in sequence order, contiguous; empty when nothing was pending.
    package var pushes: [PushRequest]
    /// Where the device's copy of the log stands.
    package var pull: PullRequest
    /// A device upgraded from an earlier schema version: where its fetching again of what
    /// its earlier pulls left out stands (`Replica.backfillRequest`).
    package var backfill: PullRequest?
    /// Pieces of attachments' content, when the user asked for them
    /// (`ntm bundle export --with-attachments`).
    package var pieces: [BundlePiece] = []

    package init(
        part: Int, parts: Int, exportedAt: Int64, pushes: [PushRequest], pull: PullRequest,
        backfill: PullRequest? = nil, pieces: [BundlePiece] = []
    ) {
        self.part = part
        self.parts = parts
        self.exportedAt = exportedAt
        self.pushes = pushes
        self.pull = pull
        self.backfill = backfill
        self.pieces = pieces
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        part = try container.decode(Int.self, forKey: .part)
        parts = try container.decode(Int.self, forKey: .parts)
        exportedAt = try container.decode(Int64.self, forKey: .exportedAt)
        pushes = try container.decode([PushRequest].self, forKey: .pushes)
        pull = try container.decode(PullRequest.self, forKey: .pull)
        backfill = try container.decodeIfPresent(PullRequest.self, forKey: .backfill)
        pieces = try container.decodeIfPresent([BundlePiece].self, forKey: .pieces) ?? []
    }

    /// The most push pages one part may carry, and pieces of content.
    package static let maxPushes = 64
    package static let maxPieces = 64

    /// Refuses a bundle whose requests are not all the sender's, or out of bounds.
    package func check(sender replicaID: String) throws(SyncError) {
        guard (1...999).contains(parts), (1...parts).contains(part) else {
            throw .malformed("part: must be from 1 to parts (at most 999)")
        }
        guard pushes.count <= Self.maxPushes else { throw .tooLarge("pushes", limit: Self.maxPushes, unit: "pages") }
        guard pieces.count <= Self.maxPieces else { throw .tooLarge("pieces", limit: Self.maxPieces, unit: "pieces") }
        for piece in pieces {
            if let problem = TextShape.digest.problem(with: piece.sha256) {
                throw .malformed("pieces.sha256: \(problem)")
            }
            guard piece.offset >= 0, !piece.data.isEmpty, piece.data.count <= BlobStatus.maxPieceBytes else {
                throw .malformed("pieces: each must start at an offset of 0 or more and hold 1 byte to 1 MiB")
            }
        }
        guard pull.replicaID == replicaID, pushes.allSatisfy({ $0.replicaID == replicaID }),
            backfill.map({ $0.replicaID == replicaID && $0.addedAfterSchema != nil }) ?? true
        else {
            throw .malformed("replica_id: every request in a bundle must be its signer's")
        }
    }

    /// The first change number this part carries, nil when it carries none.
    package var firstSeq: Int64? { pushes.first?.changes.first?.seq }

    enum CodingKeys: String, CodingKey {
        case part, parts, pushes, pull, backfill, pieces
        case exportedAt = "exported_at"
    }
}

/// A piece of an attachment's content carried in a bundle.
package struct BundlePiece: Sendable, Hashable, Codable {
    /// The content's SHA-256.
    package var sha256: String
    /// Where the piece starts in the content.
    package var offset: Int
    /// The piece's bytes (base64 in the file).
    package var data: Data

    package init(sha256: String, offset: Int, data: Data) {
        self.sha256 = sha256
        self.offset = offset
        self.data = data
    }
}

/// The hub's reply to a device's bundles: what became of each change it sent, and the log
/// entries in the device's scope after its cursor, as pages it applies exactly as pulled.
package struct BundleReply: Sendable, Hashable, Codable {
    /// The hub's wall clock when it answered.
    package var hubTime: Int64
    /// One answer per push page received, in the order applied.
    package var answers: [PushAnswer]
    /// The log position the pages start after (the device's cursor when it exported).
    package var after: Int64
    /// The schema version the pages are given in (the device's when it exported): a device
    /// upgraded since takes none of them, since they lack what its new version knows.
    package var schemaVersion: Int
    /// The pages of the log after `after`; the last says whether more remain.
    package var pages: [PullResponse]
    /// The pages of the device's backfill, when it asked for one.
    package var backfillPages: [PullResponse] = []
    /// What the hub holds of each content the bundles carried pieces of.
    package var blobs: [BlobStatus] = []
    /// Why no pages came (the hub restored, a cursor ahead of the hub): nil when they did.
    package var pullError: ErrorBody.Detail?
    /// The last change number the hub holds from the device's current id, after the pushes.
    package var receivedSeq: Int64?

    /// The hub's answer to one push page.
    package struct PushAnswer: Sendable, Hashable, Codable {
        /// The id the changes were numbered under.
        package var replicaID: String
        /// One outcome per change, in order; empty when the page was refused whole.
        package var outcomes: [ChangeOutcome]
        /// `Change.receivedDigest()` of each change as the hub received it, by outcome: the
        /// device takes an outcome only for the change it holds under that number.
        package var digests: [String]
        /// Why the page was refused whole (a sequence gap: an earlier part not yet here).
        package var error: ErrorBody.Detail?

        package init(replicaID: String, outcomes: [ChangeOutcome], digests: [String], error: ErrorBody.Detail? = nil) {
            self.replicaID = replicaID
            self.outcomes = outcomes
            self.digests = digests
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case outcomes, digests, error
            case replicaID = "replica_id"
        }
    }

    /// Whether the log holds more than the reply carries: the device exports again.
    package var hasMore = false

    /// Whether the pages show the hub's log at `cursor` (past `after`) with `mark`: the
    /// same log the device pulled to there, so that what they hold up to it was seen.
    package func confirms(cursor: Int64, mark: String?) -> Bool {
        guard let mark else { return false }
        for page in pages {
            if let entry = page.entries.first(where: { $0.seq == cursor }) { return LogMark.of(entry) == mark }
            if page.cursor == cursor { return page.cursorMark == mark }
        }
        return false
    }

    package init(hubTime: Int64, answers: [PushAnswer], after: Int64, schemaVersion: Int, pages: [PullResponse]) {
        self.hubTime = hubTime
        self.answers = answers
        self.after = after
        self.schemaVersion = schemaVersion
        self.pages = pages
    }

    enum CodingKeys: String, CodingKey {
        case answers, after, pages
        case backfillPages = "backfill_pages"
        case blobs
        case hasMore = "has_more"
        case schemaVersion = "schema_version"
        case hubTime = "hub_time"
        case pullError = "pull_error"
        case receivedSeq = "received_seq"
    }
}
