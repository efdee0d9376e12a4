import Foundation

/// The office's side of sync by file (DESIGN.md §8): checks a device's bundles, applies
/// their changes exactly as pushes from the device's holder, and answers with a reply
/// bundle signed by the hub: the outcomes, and the log after the device's cursor as pull
/// pages. The same for `ntm-hub bundle import` and for `POST /v1/bundles`.
package enum HubBundles {
    /// What importing a device's bundles did.
    package struct Summary: Sendable, Hashable, Codable {
        /// The device's id.
        package var replicaID: String
        /// Who the device speaks for.
        package var holder: String
        /// The device's hamlet, nil for a reviewer's.
        package var hamletID: String?
        /// Bundle files taken.
        package var files = 0
        /// Changes the hub took in (or had taken before: a bundle imported again).
        package var applied = 0
        /// Changes the hub refused.
        package var rejected = 0
        /// Conflicts the changes opened.
        package var conflicts = 0
        /// Pages refused whole because an earlier part has not arrived.
        package var waiting = 0
        /// Log entries the reply carries.
        package var entries = 0
        /// Whether the log holds more than the reply could carry.
        package var hasMore = false

        enum CodingKeys: String, CodingKey {
            case holder, files, applied, rejected, conflicts, waiting, entries
            case replicaID = "replica_id"
            case hamletID = "hamlet_id"
            case hasMore = "has_more"
        }
    }

    /// The smallest reply file size one may ask for.
    package static let minReplyBytes = 64 << 10

    /// Checks every file before applying any, applies their pushes in change order, and
    /// writes a reply of at most `maxReplyBytes`. A file altered, signed by a device the hub
    /// does not know, or of another kind is refused and nothing is applied.
    package static func answer(
        _ files: [SignedBundle], store: Hub, maxReplyBytes: Int = SignedBundle.maxFileBytes
    ) async throws -> (reply: SignedBundle, summary: Summary) {
        guard let first = files.first else { throw SyncError.malformed("no bundle to import") }
        guard (minReplyBytes...SignedBundle.maxFileBytes).contains(maxReplyBytes) else {
            throw SyncError.malformed(
                "the reply size must be from \(minReplyBytes) to \(SignedBundle.maxFileBytes) bytes")
        }
        var bundles: [ChangesBundle] = []
        var sender: Principal?
        for (index, file) in files.enumerated() {
            let name = files.count == 1 ? "the bundle" : "bundle \(index + 1)"
            guard file.kind == .changes else {
                throw SyncError.malformed("\(name) is a reply from the hub, for the device to import")
            }
            guard file.replicaID == first.replicaID else {
                throw SyncError.malformed("\(name) comes from another device; import one device's bundles at a time")
            }
            guard file.isSignedBySigner else {
                throw SyncError.forbidden("\(name) was altered after it was signed: its signature does not match")
            }
            guard let principal = try await store.bundleSender(deviceKey: file.signer, replicaID: file.replicaID) else {
                throw SyncError.forbidden("\(name) is signed by a device this hub does not know")
            }
            if let sender, sender != principal {
                throw SyncError.malformed("\(name) comes from another device; import one device's bundles at a time")
            }
            sender = principal
            let bundle: ChangesBundle
            do {
                bundle = try WireJSON.decode(ChangesBundle.self, from: file.payload)
            } catch {
                throw SyncError.malformed("\(name): \(error.message)")
            }
            try bundle.check(sender: file.replicaID)
            bundles.append(bundle)
        }
        guard let principal = sender else { throw SyncError.malformed("no bundle to import") }
        var summary = Summary(replicaID: first.replicaID, holder: principal.name, hamletID: principal.hamletID)
        summary.files = files.count

        // Parts in change order, so that files given in any order apply as one sequence.
        let pushes = bundles.flatMap(\.pushes).sorted { ($0.changes.first?.seq ?? 0) < ($1.changes.first?.seq ?? 0) }
        var answers: [BundleReply.PushAnswer] = []
        for push in pushes {
            let digests = try push.changes.map { change throws(SyncError) in try change.receivedDigest() }
            do {
                let response = try await store.push(push, from: principal)
                answers.append(.init(replicaID: push.replicaID, outcomes: response.outcomes, digests: digests))
                for outcome in response.outcomes {
                    if outcome.status == .applied { summary.applied += 1 } else { summary.rejected += 1 }
                    summary.conflicts += outcome.conflicts.count
                }
            } catch let error as SyncError where error.kind != .storage && error.kind != .unavailable {
                // Refused whole (an earlier part not yet here): the device sends it again.
                if error.kind == .sequenceGap { summary.waiting += 1 }
                answers.append(.init(replicaID: push.replicaID, outcomes: [], digests: [], error: .init(error)))
            }
        }

        // Pieces of attachments' content, once their attachments are in: in order, each
        // taking only what the hub does not hold yet.
        let pieces = bundles.flatMap(\.pieces).sorted { ($0.sha256, $0.offset) < ($1.sha256, $1.offset) }
        var contents: [String] = []
        for piece in pieces {
            if !contents.contains(piece.sha256) { contents.append(piece.sha256) }
            do {
                _ = try await store.putBlobPiece(
                    sha256: piece.sha256, offset: piece.offset, bytes: Array(piece.data), for: principal)
            } catch let error as SyncError where error.kind != .storage && error.kind != .unavailable {
                continue  // an attachment the hub refused, or a piece before its predecessor
            }
        }
        var blobs: [BlobStatus] = []
        for sha256 in contents {
            if let status = try? await store.blobStatus(sha256: sha256, for: principal) { blobs.append(status) }
        }

        // The log after the device's most advanced cursor among the files.
        guard var pull = bundles.max(by: { $0.pull.after < $1.pull.after })?.pull else {
            throw SyncError.malformed("no bundle to import")
        }
        pull.deviceKey = first.signer
        pull.limit = 1_000
        var reply = BundleReply(
            hubTime: 0, answers: answers, after: pull.after, schemaVersion: pull.schemaVersion, pages: [])
        reply.blobs = blobs
        var budget = min(SignedBundle.maxPayloadBytes / 2, maxReplyBytes * 8)
        do {
            while budget > 0 {
                var page = try await store.pull(pull, for: principal)
                if reply.pages.isEmpty { reply.receivedSeq = page.receivedSeq }
                page.receivedSeq = nil
                page.formerReceived = nil
                reply.hubTime = page.hubTime
                budget -= page.entries.reduce(0) { $0 + 200 + ($1.values?.count ?? 1) * 64 }
                reply.pages.append(page)
                guard page.hasMore else { break }
                pull.after = page.cursor
                pull.afterMark = page.cursorMark
            }
        } catch let error as SyncError where error.kind != .storage && error.kind != .unavailable {
            reply.pullError = .init(error)
        }
        // An upgraded device's backfill, as far as the same budget goes.
        if reply.pullError == nil, var backfill = bundles.compactMap(\.backfill).max(by: { $0.after < $1.after }) {
            backfill.limit = 1_000
            do {
                while budget > 0 {
                    let page = try await store.pull(backfill, for: principal)
                    budget -= page.entries.reduce(0) { $0 + 200 + ($1.values?.count ?? 1) * 64 }
                    reply.backfillPages.append(page)
                    guard page.hasMore else { break }
                    backfill.after = page.cursor
                }
            } catch let error as SyncError where error.kind != .storage && error.kind != .unavailable {
                reply.backfillPages = []
            }
        }
        if reply.hubTime == 0 { reply.hubTime = Int64(Date().timeIntervalSince1970 * 1000) }

        // The largest reply within the size asked for: whole pages dropped from the end.
        var truncated = false
        while true {
            reply.hasMore = (reply.pages.last?.hasMore ?? false) || (truncated && reply.pages.isEmpty)
            let payload = try WireJSON.encode(reply)
            let signed = try await store.signReply(payload, for: first.replicaID)
            let size = try signed.fileBytes().count
            if size <= maxReplyBytes {
                summary.entries = reply.pages.reduce(0) { $0 + $1.entries.count }
                summary.hasMore = reply.hasMore
                return (signed, summary)
            }
            if !reply.backfillPages.isEmpty {
                reply.backfillPages.removeLast(max(1, reply.backfillPages.count / 4))
                continue
            }
            guard !reply.pages.isEmpty else {
                throw SyncError.tooLarge("the reply's outcomes alone", limit: maxReplyBytes)
            }
            reply.pages.removeLast(max(1, reply.pages.count / 4))
            truncated = true
        }
    }
}
