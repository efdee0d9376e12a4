/// What one sync moved.
package struct SyncReport: Sendable, Hashable, Codable {
    /// Changes the hub took in.
    package var pushed = 0
    /// Changes the hub refused.
    package var rejected = 0
    /// Conflicts this replica's changes opened.
    package var conflicts = 0
    /// Their ids: what the hub kept is in each record, once pulled.
    package var conflictIDs: [String] = []
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
        case conflictIDs = "conflict_ids"
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

    /// How a step that finds the hub out of reach for a moment is tried again. Default:
    /// never (the caller syncs again); `ntm sync` waits and tries again.
    package var retryPolicy = SyncStateMachine.RetryPolicy.never
    /// Waits between tries (tests and the simulation wait for nothing).
    package var sleep: @Sendable (_ milliseconds: Int) async throws -> Void = { milliseconds in
        try await Task.sleep(for: .milliseconds(milliseconds))
    }

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
            await Self.drop(&prefetched)
            throw error
        }
    }

    /// Performs the machine's actions until it finishes or stops.
    private func run(prefetched: inout Prefetch?) async throws -> SyncReport {
        var machine = SyncStateMachine(retryPolicy: retryPolicy)
        var report = SyncReport()
        var page: PullResponse?
        var lastPusher = try replica.replicaID
        // The error of the step that failed, should the machine end the sync on it.
        var failure: (any Error)?
        var action = machine.start()
        while true {
            let event: SyncStateMachine.Event
            do {
                switch action {
                case .backfill:
                    event = .backfilled(more: try await backfillPage())
                case .endBackfill:
                    try replica.endBackfill()
                    event = .done
                case .push:
                    // Fields a restored hub lost go back first, with their original authors.
                    while let offer = try replica.restoreOffer() {
                        let answer = try await hub.restore(offer.request)
                        try replica.restored(offer, answer: answer)
                        report.restored += answer.applied
                    }
                    guard let pushPage = try replica.pushPage(limit: pushPageSize) else {
                        event = .pushed(sent: 0, forked: false)
                        break
                    }
                    lastPusher = pushPage.request.replicaID
                    let response = try await hub.push(pushPage.request)
                    guard response.outcomes.map(\.seq) == pushPage.request.changes.map(\.seq) else {
                        throw SyncError.storage(
                            "the hub answered \(response.outcomes.count) outcomes for \(pushPage.request.changes.count) changes"
                        )
                    }
                    let summary = try replica.record(response, for: pushPage)
                    report.pushed += summary.applied
                    report.rejected += summary.rejected
                    report.conflicts += summary.conflicts
                    report.conflictIDs += summary.conflictIDs
                    report.lost += summary.lost
                    if let forked = summary.forkedTo { report.forkedTo = forked }
                    event = .pushed(sent: pushPage.request.changes.count, forked: summary.forkedTo != nil)
                case .pull:
                    let next = try await nextPage(prefetched: &prefetched)
                    page = next
                    event = .fetched(hasMore: next.hasMore)
                case .apply(let prefetchNext):
                    guard let current = page else { throw SyncError.storage("no page to apply") }
                    if prefetchNext {
                        // Fetch the next page while this one is applied: the hub reads and
                        // encodes, the wire carries, and the replica writes, all at once.
                        var request = try replica.pullRequest(limit: pullPageSize)
                        request.after = current.cursor
                        request.afterMark = current.cursorMark
                        let (hub, next) = (self.hub, request)
                        prefetched = (next.after, Task { try await hub.pull(next) })
                    }
                    do {
                        report.pulled += try replica.apply(current)
                    } catch let error as ConfirmedStateDamaged {
                        await Self.drop(&prefetched)
                        failure = error
                        event = .damaged
                        break
                    } catch {
                        await Self.drop(&prefetched)
                        throw error
                    }
                    page = nil
                    let pending = current.hasMore ? true : try !replica.pendingChanges(limit: 1).isEmpty
                    event = .applied(hasMore: current.hasMore, pendingLocal: pending)
                case .checkHubRestored:
                    event = .checkedHub(restored: try await hubWasRestored())
                case .refill:
                    try replica.prepareRefill(kept: try await keptPosition())
                    report.refilled = true
                    report.forkedTo = try replica.replicaID
                    event = .done
                case .fork:
                    // Another sync of the same file may have forked already: then its id is current.
                    report.forkedTo = try replica.fork(from: lastPusher, reason: .sequenceGap) ?? replica.replicaID
                    event = .done
                case .rebuild:
                    // The confirmed copy was damaged by another tool: it is rebuilt from the
                    // start of the hub's log; pending changes stay.
                    try replica.startRebuild()
                    report.rebuilt = true
                    event = .done
                case .wait(let milliseconds):
                    try await sleep(milliseconds)
                    event = .done
                case .finish:
                    try replica.markSynced()
                    report.forks = machine.forks
                    return report
                case .fail:
                    throw failure ?? SyncError.storage("the sync stopped without a reason")
                case .stop(let error):
                    throw error
                }
            } catch {
                let syncError = error as? SyncError
                action = machine.next(
                    after: .failed(kind: syncError?.kind, retryAfterSeconds: syncError?.retryAfterSeconds))
                if action == .fail { throw error }
                continue
            }
            action = machine.next(after: event)
        }
    }

    /// Cancels a prefetched page and waits for its request to end.
    private static func drop(_ prefetched: inout Prefetch?) async {
        if let prefetched {
            prefetched.task.cancel()
            _ = try? await prefetched.task.value
        }
        prefetched = nil
    }

    /// One page of values an upgrade left out; false when none is left to fetch.
    private func backfillPage() async throws -> Bool {
        guard let request = try replica.backfillRequest(limit: pullPageSize) else { return false }
        try replica.applyBackfill(try await hub.pull(request))
        return true
    }

    /// Asks the hub, with a one-entry pull, whether it still holds what it acknowledged.
    private func hubWasRestored() async throws -> Bool {
        do {
            return try replica.hubLostAcknowledged(try await hub.pull(try replica.pullRequest(limit: 1)))
        } catch let error as SyncError where error.kind == .hubRestored {
            return true
        }
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

    /// The page after the replica's cursor: the prefetched one when it starts there.
    private func nextPage(
        prefetched: inout Prefetch?
    ) async throws
        -> PullResponse
    {
        let request = try replica.pullRequest(limit: pullPageSize)
        if let ready = prefetched, ready.after == request.after {
            prefetched = nil
            return try await ready.task.value
        }
        await Self.drop(&prefetched)
        return try await hub.pull(request)
    }
}
