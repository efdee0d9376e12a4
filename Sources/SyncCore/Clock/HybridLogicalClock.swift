/// A hybrid logical clock (Kulkarni et al.): stamps follow the wall clock where it moves
/// forward and a counter where it does not, so a device's wall clock never alone decides
/// causality and a stamp is always later than every stamp its owner has seen.
package struct HybridLogicalClock: Sendable, Hashable {
    /// The last stamp issued or received.
    package private(set) var last: HLCTimestamp

    /// A clock that has issued nothing yet, or resumes after `last`.
    package init(last: HLCTimestamp = .zero) { self.last = last }

    /// A stamp for a local event at wall-clock time `now` (milliseconds since 1970).
    package mutating func tick(now: Int64) -> HLCTimestamp {
        // Saturating: a stamp at the very end of the range (a hand-edited file) stays
        // there rather than trapping; the engine refuses such stamps where they enter.
        let (following, overflow) = last.rawValue.addingReportingOverflow(1)
        let next = HLCTimestamp(rawValue: max(overflow ? .max : following, now << 16))
        last = next
        return next
    }

    /// Takes in a stamp seen from elsewhere so that every later tick is after it.
    package mutating func receive(_ stamp: HLCTimestamp) {
        if stamp > last { last = stamp }
    }
}
