import Foundation
import GRDB

/// What importing a hub's reply did.
package struct BundleImportReport: Sendable, Hashable, Codable {
    /// What the reply's outcomes and log pages did, as a network sync would report them.
    package var sync = SyncReport()
    /// Pages of changes the hub set aside until an earlier part arrives.
    package var waiting = 0
    /// Whether the reply held nothing this replica did not have (imported before, or older
    /// than what it has since received).
    package var stale = false
    /// Whether the hub holds more of the log than the reply carried: export again.
    package var hasMore = false
    /// Why the reply holds no log, when it does not.
    package var pullError: ErrorBody.Detail?

    package init() {}

    enum CodingKeys: String, CodingKey {
        case sync, waiting, stale
        case hasMore = "has_more"
        case pullError = "pull_error"
    }
}

extension Replica {
    /// The smallest bundle file one may ask for.
    package static let minBundleBytes = 64 << 10

    /// This replica's pending changes and pull cursor as signed bundle files of at most
    /// `maxFileBytes` each (one when they fit; always at least one, which asks for the
    /// hub's news when nothing is pending). Nothing changes here: the changes stay pending
    /// until a reply, or a network sync, acknowledges them.
    /// With `attachments`, the content of attachments the hub does not hold yet goes too,
    /// in pieces, in parts of their own after the changes.
    package func exportBundles(
        maxFileBytes: Int = SignedBundle.maxFileBytes, attachments: Bool = false
    ) throws -> [SignedBundle] {
        guard (Self.minBundleBytes...SignedBundle.maxFileBytes).contains(maxFileBytes) else {
            throw SyncError.malformed(
                "the bundle size must be from \(Self.minBundleBytes) to \(SignedBundle.maxFileBytes) bytes")
        }
        // Room for the pull request and the header.
        let room = maxFileBytes - 16 << 10
        var pages: [PushRequest] = []
        var after: Int64 = 0
        while let page = try pushPage(
            limit: pushPageLimit, maxBytes: min(PlausibleValues.maxPushPageBytes, room), after: after)
        {
            guard let last = page.request.changes.last else { break }
            pages.append(page.request)
            after = last.seq + page.seqBase
        }
        let pull = try pullRequest(limit: 1_000)
        let backfill = try backfillRequest(limit: 1_000)
        let now = clock.nowMilliseconds()
        // Parts by what they hold before compression (JSON compresses well over four
        // times), each then split again until its file fits.
        var parts: [[PushRequest]] = [[]]
        var bytes = 0
        for page in pages {
            let size = page.changes.reduce(0) { $0 + $1.values.count * 48 + 256 }
            if let current = parts.last, !current.isEmpty,
                bytes + size > room * 4 || current.count == ChangesBundle.maxPushes
            {
                parts.append([])
                bytes = 0
            }
            parts[parts.count - 1].append(page)
            bytes += size
        }
        var fitted: [[PushRequest]] = []
        while let part = parts.first {
            parts.removeFirst()
            let bundle = ChangesBundle(
                part: 1, parts: 1, exportedAt: now, pushes: part, pull: pull, backfill: backfill)
            let size = try sign(bundle, replicaID: pull.replicaID).fileBytes().count
            if size > maxFileBytes, part.count > 1 {
                parts.insert(
                    contentsOf: [Array(part.prefix(part.count / 2)), Array(part.dropFirst(part.count / 2))], at: 0)
                continue
            }
            guard size <= maxFileBytes else {
                throw SyncError.tooLarge("one page of changes in a bundle", limit: maxFileBytes)
            }
            fitted.append(part)
        }
        // Content goes raw in base64 (photos do not compress): a third more than its bytes.
        var pieceParts: [[BundlePiece]] = []
        if attachments {
            let pieceBytes = min(BlobStatus.maxPieceBytes, room / 2)
            var current: [BundlePiece] = []
            var bytes = 0
            for sha256 in try blobsToUpload(pendingToo: true) {
                guard let content = try blob(sha256) else { continue }
                for start in stride(from: 0, to: content.bytes.count, by: pieceBytes) {
                    let data = Data(content.bytes[start..<min(content.bytes.count, start + pieceBytes)])
                    if !current.isEmpty, bytes + data.count > room * 2 / 3 || current.count == ChangesBundle.maxPieces {
                        pieceParts.append(current)
                        (current, bytes) = ([], 0)
                    }
                    current.append(BundlePiece(sha256: sha256, offset: start, data: data))
                    bytes += data.count
                }
            }
            if !current.isEmpty { pieceParts.append(current) }
        }
        let count = fitted.count + pieceParts.count
        let changes = try fitted.enumerated().map { index, part in
            try sign(
                ChangesBundle(
                    part: index + 1, parts: count, exportedAt: now, pushes: part, pull: pull, backfill: backfill),
                replicaID: pull.replicaID)
        }
        let content = try pieceParts.enumerated().map { index, pieces in
            try sign(
                ChangesBundle(
                    part: fitted.count + index + 1, parts: count, exportedAt: now, pushes: [], pull: pull,
                    backfill: backfill, pieces: pieces),
                replicaID: pull.replicaID)
        }
        return changes + content
    }

    /// Changes per page in a bundle.
    private var pushPageLimit: Int { 500 }

    private func sign(_ bundle: ChangesBundle, replicaID: String) throws -> SignedBundle {
        let payload = try WireJSON.encode(bundle)
        return try writer.read { db in
            guard let key = try SigningKeys.stored(db, table: "sync_keys") else {
                throw SyncError.storage("this replica has no signing key: open it with this version of ntm first")
            }
            return try SignedBundle.sign(kind: .changes, replicaID: replicaID, payload: payload, with: key)
        }
    }

    /// Applies the hub's reply exactly as the network sync would have: the outcomes of the
    /// changes it carried, then the log pages. Any number of times, in any order, mixed
    /// with network syncs: an outcome counts only for the change this replica holds under
    /// that number and has not heard of since, a page only past this replica's cursor.
    /// A reply altered, signed by another hub, or for another device is refused and
    /// changes nothing.
    package func importReply(_ bundle: SignedBundle) throws -> BundleImportReport {
        guard bundle.kind == .reply else {
            throw SyncError.malformed("this is a bundle of changes for the hub, not the hub's reply")
        }
        guard let hubKeyText = try hubPublicKey(), let hubKey = SigningKeys.publicKey(hubKeyText) else {
            throw SyncError.conflict(
                "this replica has not learned its hub's key yet: it needs one network sync (ntm sync) first")
        }
        guard bundle.signer == hubKeyText else {
            throw SyncError.forbidden("this reply is signed by another hub than this replica's")
        }
        guard bundle.isSigned(by: hubKey) else {
            throw SyncError.forbidden("this reply was altered after the hub signed it: its signature does not match")
        }
        let (current, known) = try writer.read { db in
            (
                try Self.identity(db).replicaID,
                Set(try String.fetchAll(db, sql: "SELECT replica_id FROM sync_identities"))
            )
        }
        guard bundle.replicaID == current || known.contains(bundle.replicaID) else {
            throw SyncError.forbidden("this reply is for another device (replica \(bundle.replicaID))")
        }
        let reply: BundleReply
        do {
            reply = try WireJSON.decode(BundleReply.self, from: bundle.payload)
        } catch {
            throw SyncError.malformed("the reply: \(error.message)")
        }
        for page in reply.pages { try page.check() }

        var report = BundleImportReport()
        report.pullError = reply.pullError
        var moved = false
        for answer in reply.answers where answer.replicaID == current {
            if let error = answer.error {
                guard error.code == SyncError.Kind.sequenceGap.rawValue else { continue }
                report.waiting += 1
                // The hub expects a change this replica no longer holds (set aside): what
                // it has not acknowledged goes again under a new identity.
                if let received = reply.receivedSeq, try !holds(wireSeq: received + 1),
                    let forked = try fork(from: current, reason: .sequenceGap)
                {
                    report.sync.forks += 1
                    report.sync.forkedTo = forked
                    moved = true
                    break
                }
                continue
            }
            guard answer.digests.count == answer.outcomes.count else {
                throw SyncError.malformed("the reply: an answer's digests do not match its outcomes")
            }
            guard let page = try pendingPage(answer) else { continue }
            let summary = try record(PushResponse(hubTime: reply.hubTime, outcomes: page.outcomes), for: page.page)
            report.sync.pushed += summary.applied
            report.sync.rejected += summary.rejected
            report.sync.conflicts += summary.conflicts
            report.sync.conflictIDs += summary.conflictIDs
            report.sync.lost += summary.lost
            moved = moved || summary.applied + summary.rejected > 0
            if let forked = summary.forkedTo {
                report.sync.forks += 1
                report.sync.forkedTo = forked
                break
            }
        }
        // What an upgraded replica's earlier pulls left out, as the network's backfill.
        if reply.schemaVersion == schema.version {
            for page in reply.backfillPages where try backfillRequest(limit: 1) != nil {
                try applyBackfill(page)
                moved = true
            }
        }
        for status in reply.blobs where status.complete { try markUploaded(status.sha256) }
        // Pages given in an earlier schema version (exported before this file was upgraded)
        // lack what this version knows: the next export asks again. A confirmed copy found
        // damaged is rebuilt from the start of the log: from this reply when it starts
        // there, as a network sync would go on, else from the next export.
        var attempts = 0
        pages: while reply.schemaVersion == schema.version, attempts < 2 {
            attempts += 1
            let cursor = try pullCursor()
            guard reply.after <= cursor else { break }
            // A reply for an export older than this replica's last pull starts behind its
            // cursor: its entries up to the cursor are skipped as seen only if the reply
            // shows the hub's log there as this replica pulled it. A hub restored since holds
            // other entries there, which would be skipped for good; the next sync (or export)
            // asks from the cursor, and finds the restore.
            if reply.after < cursor, try !reply.confirms(cursor: cursor, mark: pullMark()) { break }
            report.hasMore = reply.hasMore
            for var page in reply.pages where page.cursor > cursor || page.entries.contains(where: { $0.seq > cursor })
            {
                page.receivedSeq = nil
                page.formerReceived = nil
                do {
                    report.sync.pulled += try apply(page)
                } catch is ConfirmedStateDamaged where !report.sync.rebuilt {
                    try startRebuild()
                    report.sync.rebuilt = true
                    continue pages
                }
                moved = true
            }
            break
        }
        report.stale = !moved && report.sync.forks == 0
        if !report.hasMore, try pendingChanges(limit: 1).isEmpty { try markSynced() }
        return report
    }

    /// The pending changes of `answer` as this replica holds them, with their outcomes:
    /// only those whose content is what the hub received under that number.
    private func pendingPage(
        _ answer: BundleReply.PushAnswer
    ) throws -> (page: PushPage, outcomes: [ChangeOutcome])? {
        try writer.read { db in
            let (replicaID, base) = try Self.identity(db)
            var changes: [Change] = []
            var outcomes: [ChangeOutcome] = []
            for (outcome, digest) in zip(answer.outcomes, answer.digests) {
                guard
                    let row = try Row.fetchOne(
                        db,
                        cached: "SELECT \(OutboxEntry.columns) FROM sync_outbox WHERE seq = ? AND state = 'pending'",
                        arguments: [outcome.seq + base]),
                    var change = try? OutboxEntry(row: row).change
                else { continue }
                change.seq -= base
                guard (try? change.receivedDigest()) == digest else { continue }
                changes.append(change)
                outcomes.append(outcome)
            }
            guard !changes.isEmpty else { return nil }
            let request = PushRequest(
                replicaID: replicaID, clientTime: clock.nowMilliseconds(), changes: changes,
                schemaVersion: schema.version)
            return (PushPage(request: request, seqBase: base), outcomes)
        }
    }

    /// Whether this replica holds its change numbered `wireSeq` under its current id.
    private func holds(wireSeq: Int64) throws -> Bool {
        try writer.read { db in
            let (_, base) = try Self.identity(db)
            return try Bool.fetchOne(
                db, cached: "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE seq = ?)", arguments: [wireSeq + base])
                ?? false
        }
    }
}
