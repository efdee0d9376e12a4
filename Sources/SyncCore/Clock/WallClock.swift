import Foundation
import Synchronization

/// A source of wall-clock time, injected wherever the engine reads the time.
package protocol WallClock: Sendable {
    /// Milliseconds since 1970-01-01 UTC.
    func nowMilliseconds() -> Int64
}

/// The device's own clock.
package struct SystemWallClock: WallClock {
    /// The system clock.
    package init() {}

    package func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}

/// A clock that reads the system clock shifted by an adjustable offset, or stands still
/// at a fixed time: for simulations of fast, slow and jumping device clocks.
package final class ManualWallClock: WallClock {
    private struct State {
        var offset: Int64
        var fixed: Int64?
    }

    // Small synchronous state: a Mutex, as the engine's style asks.
    private let state: Mutex<State>

    /// A clock `offsetMilliseconds` ahead of the system clock (negative: behind).
    package init(offsetMilliseconds: Int64 = 0) {
        state = Mutex(State(offset: offsetMilliseconds, fixed: nil))
    }

    /// A clock stopped at `fixedMilliseconds` until moved.
    package init(fixedMilliseconds: Int64) {
        state = Mutex(State(offset: 0, fixed: fixedMilliseconds))
    }

    package func nowMilliseconds() -> Int64 {
        state.withLock { state in
            state.fixed ?? SystemWallClock().nowMilliseconds() + state.offset
        }
    }

    /// Moves the clock by `milliseconds` (negative: back in time).
    package func advance(by milliseconds: Int64) {
        state.withLock { state in
            if let fixed = state.fixed {
                state.fixed = fixed + milliseconds
            } else {
                state.offset += milliseconds
            }
        }
    }
}
