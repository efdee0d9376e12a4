/// How the hub merges two concurrent edits of one field (DESIGN.md §4).
package enum MergePolicy: Sendable, Hashable {
    /// The later hybrid-logical-clock stamp wins, ties broken by replica id; the loser goes
    /// to the audit trail.
    case lastWriterWins
    /// Nothing is overwritten: the hub keeps its value and opens a conflict for a reviewer.
    case review
    /// The further-along status wins; a concurrent move backwards, or to or from an exit
    /// status such as `withdrawn`, opens a conflict.
    case monotonic(StatusOrder)
}

/// The order of a status column: statuses that only move forward, and exit statuses that
/// leave the order (a donation `withdrawn`).
package struct StatusOrder: Sendable, Hashable {
    /// Statuses from earliest to furthest along.
    package let ranks: [String]
    /// Statuses outside the order.
    package let exits: [String]

    /// An order with its exit statuses.
    package init(_ ranks: [String], exits: [String] = []) {
        self.ranks = ranks
        self.exits = exits
    }

    /// Every accepted status.
    package var allValues: [String] { ranks + exits }

    /// The position of `status` in the order; nil for an exit status or an unknown value.
    package func rank(of status: SyncValue) -> Int? {
        guard let text = status.text else { return nil }
        return ranks.firstIndex(of: text)
    }

    /// Whether `status` is an exit status.
    package func isExit(_ status: SyncValue) -> Bool {
        guard let text = status.text else { return false }
        return exits.contains(text)
    }
}
