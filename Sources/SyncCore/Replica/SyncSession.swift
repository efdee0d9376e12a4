/// What one sync moved.
package struct SyncReport: Sendable, Hashable, Codable {
    /// Changes the hub took in.
    package var pushed = 0
    /// Changes the hub refused.
    package var rejected = 0
    /// Conflicts this replica's changes opened.
    package var conflicts = 0
    /// Field edits of this replica that lost to concurrent edits.
    package var lost = 0
    /// Log entries applied from the hub.
    package var pulled = 0
    /// The new id this replica took during the sync (a copy of the file, or changes the
    /// hub no longer expects); nil when it kept its id.
    package var forkedTo: String?
    /// How many identities it took.
    package var forks = 0
    /// Whether the confirmed copy of the hub's rows was rebuilt from the start of the log.
    package var rebuilt = false
    /// Whether the hub was found restored from an older copy and refilled.
    package var refilled = false
    /// Fields offered back to a restored hub that it took.
    package var restored = 0

    /// Nothing yet.
    package init() {}

    enum CodingKeys: String, CodingKey {
        case pushed, rejected, conflicts, lost, pulled, forks, rebuilt, refilled, restored
        case forkedTo = "forked_to"
    }
}

/// Drives one sync of a replica with a hub: push, then pull, until both sides are current.
package struct SyncSession: Sendable {
    /// The local replica.
    package let replica: Replica
    /// The way to the hub.
    package let hub: any HubConnection
    /// Changes per push. Default: 500.
    package var pushPageSize = 500
    /// Entries per pull. Default: 1,000.
    package var pullPageSize = 1_000

    /// The next pull page, requested while the current one is applied, and the cursor it
    /// starts after.
    private typealias Prefetch = (after: Int64, task: Task<PullResponse, any Error>)

    /// A session between `replica` and `hub`.
    package init(replica: Replica, hub: any HubConnection) {
        self.replica = replica
        self.hub = hub
    }

    /// Syncs until both sides are current. A failure midway leaves every unacknowledged
    /// change pending and the cursor at the last applied page; the next sync resumes there.
    @discardableResult
    package func run() async throws -> SyncReport {
        var prefetched: Prefetch?
        do {
            return try await run(prefetched: &prefetched)
        } catch {
            // A failed sync leaves no request running behind it.
            if let prefetched {
                prefetched.task.cancel()
                _ = try? await prefetched.task.value
            }
            throw error
        }
    }

    private func run(
        prefetched: inout Prefetch?
    ) async throws
        -> SyncReport
    {
        var machine = SyncStateMachine()
        var report = SyncReport()
        try await backfill()
        var action = machine.start()
        while true {
            switch action {
            case .push:
                // Fields a restored hub lost go back first, with their original authors.
                while let offer = try replica.restoreOffer() {
                    let answer = try await hub.restore(offer.request)
                    try replica.restored(offer, answer: answer)
                    report.restored += answer.applied
                }
                guard let page = try replica.pushPage(limit: pushPageSize) else {
                    action = machine.pushed(sent: 0)
                    continue
                }
                let response: PushResponse
                do {
                    response = try await hub.push(page.request)
                } catch let error as SyncError where error.kind == .sequenceGap {
                    // The hub expects changes this replica no longer holds. Either it lost
                    // some it had acknowledged (restored from an older copy: refill), or
                    // the replica set some aside: what the hub has not acknowledged goes
                    // again under a new identity.
                    if try await hubWasRestored(), !report.refilled {
                        try await refill(into: &report)
                    } else {
                        try fork(from: page.request.replicaID, reason: .sequenceGap, into: &report)
                    }
                    continue
                } catch let error as SyncError where error.kind == .hubRestored && !report.refilled {
                    // The hub holds another change where it acknowledged one of ours.
                    try await refill(into: &report)
                    continue
                }
                guard response.outcomes.map(\.seq) == page.request.changes.map(\.seq) else {
                    throw SyncError.storage(
                        "the hub answered \(response.outcomes.count) outcomes for \(page.request.changes.count) changes"
                    )
                }
                let summary = try replica.record(response, for: page)
                report.pushed += summary.applied
                report.rejected += summary.rejected
                report.conflicts += summary.conflicts
                report.lost += summary.lost
                if let forked = summary.forkedTo { try noteFork(forked, into: &report) }
                action = machine.pushed(sent: page.request.changes.count)
            case .pull:
                let page: PullResponse
                do {
                    page = try await nextPage(prefetched: &prefetched)
                } catch let error as SyncError where error.kind == .hubRestored && !report.refilled {
                    try await refill(into: &report)
                    action = .push
                    continue
                }
                if page.hasMore {
                    // Fetch the next page while this one is applied: the hub reads and
                    // encodes, the wire carries, and the replica writes, all at once.
                    var next = try replica.pullRequest(limit: pullPageSize)
                    next.after = page.cursor
                    next.afterMark = page.cursorMark
                    let (hub, request) = (self.hub, next)
                    prefetched = (request.after, Task { try await hub.pull(request) })
                }
                do {
                    report.pulled += try replica.apply(page)
                } catch let error as SyncError where error.kind == .hubRestored && !report.refilled {
                    if let prefetched {
                        prefetched.task.cancel()
                        _ = try? await prefetched.task.value
                    }
                    prefetched = nil
                    try await refill(into: &report)
                    action = .push
                    continue
                } catch is ConfirmedStateDamaged where !report.rebuilt {
                    // The confirmed copy was damaged by another tool: it is rebuilt from the
                    // start of the hub's log; pending changes stay.
                    try replica.startRebuild()
                    report.rebuilt = true
                    action = .pull
                    continue
                }
                let pending = page.hasMore ? true : try !replica.pendingChanges(limit: 1).isEmpty
                action = machine.pulled(hasMore: page.hasMore, pendingLocal: pending)
            case .finish:
                try replica.markSynced()
                return report
            }
        }
    }

    /// A replica upgraded from an earlier schema version first fetches the values of the
    /// new columns its earlier pulls left out.
    private func backfill() async throws {
        while let request = try replica.backfillRequest(limit: pullPageSize) {
            let page: PullResponse
            do {
                page = try await hub.pull(request)
            } catch let error as SyncError where error.kind == .hubRestored {
                // The hub no longer holds that log; the refill that follows brings rows back whole.
                try replica.endBackfill()
                return
            }
            try replica.applyBackfill(page)
        }
    }

    /// Asks the hub, with a one-entry pull, whether it still holds what it acknowledged.
    private func hubWasRestored() async throws -> Bool {
        do {
            return try replica.hubLostAcknowledged(try await hub.pull(try replica.pullRequest(limit: 1)))
        } catch let error as SyncError where error.kind == .hubRestored {
            return true
        }
    }

    /// The hub was restored from an older copy: find where its log and ours part, offer
    /// back what it lost, send again what it may not have, and pull on from there.
    private func refill(into report: inout SyncReport) async throws {
        try replica.prepareRefill(kept: try await keptPosition())
        report.refilled = true
        try noteFork(try replica.replicaID, into: &report)
    }

    /// The last position of the replica's pulled log the hub still holds: the newest page
    /// end whose mark the hub confirms, found by bisection with one-entry pulls (0: none).
    private func keptPosition() async throws -> Int64 {
        let marks = try replica.pullMarks()
        var (kept, missing) = (-1, marks.count)
        while missing - kept > 1 {
            let middle = (kept + missing) / 2
            let probe = PullRequest(
                replicaID: try replica.replicaID, clientTime: replica.clock.nowMilliseconds(), after: marks[middle].seq,
                limit: 1, afterMark: marks[middle].mark, schemaVersion: replica.schema.version)
            do {
                _ = try await hub.pull(probe)
                kept = middle
            } catch let error as SyncError where error.kind == .hubRestored {
                missing = middle
            }
        }
        return kept >= 0 ? marks[kept].seq : 0
    }

    /// The most identities one sync may take: a replica forks once per copy found.
    static let maxForks = 3

    private func fork(from replicaID: String, reason: ForkReason, into report: inout SyncReport) throws {
        // Another sync of the same file may have forked already: then its id is current.
        let forked = try replica.fork(from: replicaID, reason: reason) ?? replica.replicaID
        try noteFork(forked, into: &report)
    }

    private func noteFork(_ replicaID: String, into report: inout SyncReport) throws {
        report.forks += 1
        report.forkedTo = replicaID
        guard report.forks <= Self.maxForks else {
            throw SyncError.storage("the hub refused this replica's changes under \(Self.maxForks) identities in a row")
        }
    }

    /// The page after the replica's cursor: the prefetched one when it starts there.
    private func nextPage(
        prefetched: inout Prefetch?
    ) async throws
        -> PullResponse
    {
        let request = try replica.pullRequest(limit: pullPageSize)
        defer { prefetched = nil }
        if let prefetched {
            if prefetched.after == request.after { return try await prefetched.task.value }
            prefetched.task.cancel()
            _ = try? await prefetched.task.value
        }
        return try await hub.pull(request)
    }
}
