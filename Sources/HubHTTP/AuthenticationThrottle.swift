import Synchronization

/// Counts failed authentications per client address and refuses an address that fails
/// too often within a window, so that nobody can try secrets at line rate. Tracks a
/// bounded number of addresses.
package final class AuthenticationThrottle: Sendable {
    private struct Entry {
        var failures: Int
        var windowStart: ContinuousClock.Instant
    }

    private let maxFailures: Int
    private let window: Duration
    /// The most addresses tracked at once: beyond, expired windows are dropped, then all.
    private let maxTracked = 10_000
    // Small synchronous state: a Mutex, as the engine's style asks.
    private let entries = Mutex<[String: Entry]>([:])

    /// A throttle allowing `maxFailures` failures per address within `window`.
    package init(maxFailures: Int, window: Duration) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// How long `address` must wait before trying again; nil when it may try now.
    package func retryAfter(_ address: String) -> Duration? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[address] else { return nil }
            let end = entry.windowStart.advanced(by: window)
            if now >= end {
                entries[address] = nil
                return nil
            }
            return entry.failures >= maxFailures ? end - now : nil
        }
    }

    /// Records one failure of `address`.
    package func recordFailure(_ address: String) {
        let now = ContinuousClock.now
        entries.withLock { entries in
            if var entry = entries[address], now < entry.windowStart.advanced(by: window) {
                entry.failures += 1
                entries[address] = entry
                return
            }
            if entries.count >= maxTracked {
                let window = self.window
                entries = entries.filter { now < $0.value.windowStart.advanced(by: window) }
                if entries.count >= maxTracked { entries.removeAll() }
            }
            entries[address] = Entry(failures: 1, windowStart: now)
        }
    }
}
