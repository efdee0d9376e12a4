/// The decisions of one sync, as a value: after each thing that happened, what to do next.
///
/// Every protocol decision is made here — push every pending page, then pull until the log
/// is current, then another round if the user wrote meanwhile; fetch the next page while one
/// is applied; fork, refill or rebuild when the hub or the file says so; wait and try a step
/// again when the hub is out of reach for a moment. `SyncSession` only performs the actions
/// against the replica and the hub, and reports back; so the protocol is tested here
/// without I/O (`SyncStateMachineTests`).
package struct SyncStateMachine: Sendable, Hashable {
    /// What the driver does next.
    package enum Action: Sendable, Hashable {
        /// Fetch and lay in the next page of values the replica's schema upgrade left out.
        case backfill
        /// Forget the backfill (the hub no longer holds that log: a refill brings rows back whole).
        case endBackfill
        /// Offer back what a restored hub lost, then send the next page of pending changes.
        case push
        /// Fetch the next page of the log.
        case pull
        /// Apply the fetched page; with `prefetchNext`, request the page after it meanwhile.
        case apply(prefetchNext: Bool)
        /// Ask, with a one-entry pull, whether the hub lost changes it acknowledged.
        case checkHubRestored
        /// The hub was restored from an older copy: find where the two logs part, queue what
        /// the hub lost to be offered back, make pending again what it may not have, fork.
        case refill
        /// Take a new identity: what the hub has not acknowledged goes again under it.
        case fork
        /// The confirmed copy is damaged: start it again from the beginning of the hub's log.
        case rebuild
        /// Wait, then try the step that failed again.
        case wait(milliseconds: Int)
        /// Both sides are current (or the round limit was reached): record the sync.
        case finish
        /// Stop; the step's error stands.
        case fail
        /// Stop with this error.
        case stop(SyncError)
    }

    /// What happened.
    package enum Event: Sendable, Hashable {
        /// A backfill step ran; `more` tells whether it fetched a page (another may follow).
        case backfilled(more: Bool)
        /// A push step ran: `sent` changes went (0: nothing was pending); `forked` when an
        /// outcome said the change ids were used by another copy and the replica forked.
        case pushed(sent: Int, forked: Bool)
        /// A page came: whether the hub has more after it.
        case fetched(hasMore: Bool)
        /// The page was applied: whether the hub has more, and whether local changes wait.
        case applied(hasMore: Bool, pendingLocal: Bool)
        /// The answer to `checkHubRestored`.
        case checkedHub(restored: Bool)
        /// `endBackfill`, `refill`, `fork`, `rebuild` or `wait` is done.
        case done
        /// The step failed with an error of `kind` (nil: not a protocol error);
        /// `retryAfterSeconds` when the hub said when to come back.
        case failed(kind: SyncError.Kind?, retryAfterSeconds: Int?)
        /// Applying the page found the confirmed copy damaged.
        case damaged
    }

    /// How often, and after how long, a step that found the hub out of reach is tried again.
    package struct RetryPolicy: Sendable, Hashable {
        /// Attempts after the first, over the whole sync.
        package var retries: Int
        /// The first wait; each next one doubles, up to `maxDelayMilliseconds`.
        package var firstDelayMilliseconds: Int
        package var maxDelayMilliseconds: Int

        /// Never: a failed step ends the sync (the next sync resumes where it stopped).
        package static let never = RetryPolicy(retries: 0, firstDelayMilliseconds: 0, maxDelayMilliseconds: 0)
        /// For people: three more tries, after 1, 2 and 4 seconds (or when the hub said).
        package static let standard = RetryPolicy(
            retries: 3, firstDelayMilliseconds: 1_000, maxDelayMilliseconds: 30_000)

        package init(retries: Int, firstDelayMilliseconds: Int, maxDelayMilliseconds: Int) {
            self.retries = retries
            self.firstDelayMilliseconds = firstDelayMilliseconds
            self.maxDelayMilliseconds = maxDelayMilliseconds
        }
    }

    /// The most push-then-pull rounds in one sync.
    package let maxRounds: Int
    /// The most identities one sync may take: a replica forks once per copy found.
    package static let maxForks = 3
    package let retryPolicy: RetryPolicy

    /// The round under way, from 1.
    package private(set) var round = 1
    /// Identities taken in this sync.
    package private(set) var forks = 0
    /// Whether the hub was found restored and refilled in this sync (once at most).
    package private(set) var refilled = false
    /// Whether the confirmed copy was rebuilt in this sync (once at most).
    package private(set) var rebuilt = false
    /// Retries made so far.
    package private(set) var retries = 0
    /// The step under way (the one a failure or a wait refers to).
    private var current: Action = .backfill
    /// The step a wait comes back to.
    private var retrying: Action = .push

    /// A sync of at most `maxRounds` rounds, retrying a step as `retryPolicy` says.
    package init(maxRounds: Int = 3, retryPolicy: RetryPolicy = .never) {
        self.maxRounds = maxRounds
        self.retryPolicy = retryPolicy
    }

    /// The first action: fetch what an upgrade left out, if anything, then push.
    package mutating func start() -> Action {
        emit(.backfill)
    }

    /// The next action after `event`.
    package mutating func next(after event: Event) -> Action {
        switch event {
        case .backfilled(let more):
            return emit(more ? .backfill : .push)
        case .pushed(let sent, let forked):
            if forked, let stop = fork() { return stop }
            return emit(sent == 0 ? .pull : .push)
        case .fetched(let hasMore):
            return emit(.apply(prefetchNext: hasMore))
        case .applied(let hasMore, let pendingLocal):
            if hasMore { return emit(.pull) }
            guard pendingLocal, round < maxRounds else { return emit(.finish) }
            round += 1
            return emit(.push)
        case .checkedHub(let restored):
            return emit(restored && !refilled ? .refill : .fork)
        case .damaged:
            guard !rebuilt else { return emit(.fail) }
            return emit(.rebuild)
        case .done:
            switch current {
            case .endBackfill: return emit(.push)
            case .refill:
                refilled = true
                if let stop = fork() { return stop }
                return emit(.push)
            case .fork:
                if let stop = fork() { return stop }
                return emit(.push)
            case .rebuild:
                rebuilt = true
                return emit(.pull)
            case .wait(_):
                return emit(retrying)
            default:
                return emit(.fail)
            }
        case .failed(let kind, let retryAfter):
            return failed(kind, retryAfterSeconds: retryAfter)
        }
    }

    private mutating func failed(_ kind: SyncError.Kind?, retryAfterSeconds: Int?) -> Action {
        switch (current, kind) {
        case (.backfill, .hubRestored?):
            return emit(.endBackfill)
        case (.push, .sequenceGap?):
            // The hub expects changes this replica no longer holds: it lost some it had
            // acknowledged (restored from an older copy: refill), or the replica set some
            // aside (what the hub has not acknowledged goes again under a new identity).
            return emit(.checkHubRestored)
        case (.checkHubRestored, .hubRestored?):
            return emit(refilled ? .fork : .refill)
        case (.push, .hubRestored?) where !refilled, (.pull, .hubRestored?) where !refilled,
            (.apply, .hubRestored?) where !refilled:
            // The hub holds another change where it acknowledged one of ours, or another
            // log entry where our cursor stands.
            return emit(.refill)
        case (.backfill, .unavailable?), (.backfill, .tooManyRequests?), (.push, .unavailable?),
            (.push, .tooManyRequests?), (.pull, .unavailable?), (.pull, .tooManyRequests?),
            (.checkHubRestored, .unavailable?), (.checkHubRestored, .tooManyRequests?),
            (.refill, .unavailable?), (.refill, .tooManyRequests?):
            // Only what the way to the hub says is worth another try (a link lost mid-request,
            // a hub saying when to come back): a hub that cannot be reached at all was tried
            // already by the connection, and is reported at once.
            // A hub that asks for longer than the policy's longest wait (a throttle of a minute,
            // a device quota of an hour) is reported at once rather than waited for.
            guard let retryAfterSeconds, retries < retryPolicy.retries else { return emit(.fail) }
            let doubled = retryPolicy.firstDelayMilliseconds << min(retries, 16)
            let asked = min(max(retryAfterSeconds, 0), 3_600) * 1_000
            guard asked <= retryPolicy.maxDelayMilliseconds else { return emit(.fail) }
            retries += 1
            retrying = current
            return emit(.wait(milliseconds: max(min(doubled, retryPolicy.maxDelayMilliseconds), asked)))
        default:
            return emit(.fail)
        }
    }

    /// Counts an identity taken; stops the sync past `maxForks`.
    private mutating func fork() -> Action? {
        forks += 1
        guard forks <= Self.maxForks else {
            return emit(
                .stop(.storage("the hub refused this replica's changes under \(Self.maxForks) identities in a row")))
        }
        return nil
    }

    private mutating func emit(_ action: Action) -> Action {
        current = action
        return action
    }
}
