/// The decisions of one sync, as a value: push every pending page, then pull until the
/// log is current, then push again if the user wrote meanwhile, up to `maxRounds` rounds.
/// A thin async driver (`SyncSession`) performs the actions.
package struct SyncStateMachine: Sendable, Hashable {
    /// What the driver does next.
    package enum Action: Sendable, Hashable {
        /// Send the next page of pending changes.
        case push
        /// Fetch the next page of the log.
        case pull
        /// Stop: both sides are current (or the round limit was reached).
        case finish
    }

    /// The most push-then-pull rounds in one sync.
    package let maxRounds: Int
    /// The round under way, from 1.
    package private(set) var round = 1

    /// A sync of at most `maxRounds` rounds.
    package init(maxRounds: Int = 3) { self.maxRounds = maxRounds }

    /// The first action.
    package func start() -> Action { .push }

    /// After a push page: `sent` changes went (0: nothing was pending).
    package func pushed(sent: Int) -> Action { sent == 0 ? .pull : .push }

    /// After a pull page: whether the hub has more, and whether local changes wait.
    package mutating func pulled(hasMore: Bool, pendingLocal: Bool) -> Action {
        if hasMore { return .pull }
        guard pendingLocal, round < maxRounds else { return .finish }
        round += 1
        return .push
    }
}
