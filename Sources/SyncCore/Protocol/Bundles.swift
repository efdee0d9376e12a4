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

    /// The most push pages one part may carry.
    package static let maxPushes = 64

    /// Refuses a bundle whose requests are not all the sender's, or out of bounds.
    package func check(sender replicaID: String) throws(SyncError) {
        guard (1...999).contains(parts), (1...parts).contains(part) else {
            throw .malformed("part: must be from 1 to parts (at most 999)")
        }
        guard pushes.count <= Self.maxPushes else { throw .tooLarge("pushes", limit: Self.maxPushes, unit: "pages") }
        guard pull.replicaID == replicaID, pushes.allSatisfy({ $0.replicaID == replicaID }),
            backfill.map({ $0.replicaID == replicaID && $0.addedAfterSchema != nil }) ?? true
        else {
            throw .malformed("replica_id: every request in a bundle must be its signer's")
        }
    }

    /// The first change number this part carries, nil when it carries none.
    package var firstSeq: Int64? { pushes.first?.changes.first?.seq }

    enum CodingKeys: String, CodingKey {
        case part, parts, pushes, pull, backfill
        case exportedAt = "exported_at"
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
        case hasMore = "has_more"
        case schemaVersion = "schema_version"
        case hubTime = "hub_time"
        case pullError = "pull_error"
        case receivedSeq = "received_seq"
    }
}
