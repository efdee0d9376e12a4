import Foundation
import Testing

@testable import SyncCore

/// `HybridLogicalClock` and `HLCTimestamp`: stamps that order a device's events even when its
/// wall clock stands still or jumps back.
@Suite struct HybridLogicalClockTests {
    private let start: Int64 = 1_780_000_000_000  // 2026-05-28 20:26:40 UTC, in milliseconds since 1970

    // MARK: Packing

    private static let packings: [(physical: Int64, logical: Int64)] = [
        (0, 0),
        (1_780_000_000_000, 0),
        (1_780_000_000_000, 1),
        (1_780_000_000_000, 0xFFFF),
        ((1 << 47) - 1, 0xFFFF),  // the last millisecond that fits: year 6429
    ]

    @Test(arguments: packings)
    func aStampKeepsItsWallClockMillisecondsAndCounter(physical: Int64, logical: Int64) {
        let stamp = HLCTimestamp(physicalMilliseconds: physical, logical: logical)
        #expect(stamp.physicalMilliseconds == physical)
        #expect(stamp.logical == logical)
        #expect(stamp.rawValue == physical << 16 | logical)
        #expect(stamp.rawValue >= 0)
        #expect(HLCTimestamp(rawValue: stamp.rawValue) == stamp)
    }

    @Test func stampsOrderByMillisecondThenCounter() {
        let stamps = [
            HLCTimestamp(physicalMilliseconds: start + 1, logical: 0),
            HLCTimestamp(physicalMilliseconds: start, logical: 0xFFFF),
            HLCTimestamp(physicalMilliseconds: start, logical: 2),
            HLCTimestamp.zero,
            HLCTimestamp(physicalMilliseconds: start, logical: 0),
        ]
        #expect(stamps.sorted() == [stamps[3], stamps[4], stamps[2], stamps[1], stamps[0]])
        // The packed integers order the same way, so SQL comparisons agree with Swift's.
        #expect(stamps.sorted().map(\.rawValue) == stamps.map(\.rawValue).sorted())
    }

    @Test func aStampIsStoredInJSONAsItsPackedInteger() throws {
        let stamp = HLCTimestamp(physicalMilliseconds: start, logical: 7)
        let json = try JSONText.foundationEncode(stamp)
        #expect(json == String(start << 16 | 7))
        #expect(try JSONText.foundationDecode(HLCTimestamp.self, from: json) == stamp)
    }

    @Test func aStampReadsAsMillisecondsDotCounter() {
        #expect(HLCTimestamp(physicalMilliseconds: start, logical: 12).description == "\(start).12")
    }

    // MARK: Ticking

    @Test func ticksFollowAWallClockThatMovesForward() {
        var clock = HybridLogicalClock()
        let first = clock.tick(now: start)
        let second = clock.tick(now: start + 250)
        #expect(first == HLCTimestamp(physicalMilliseconds: start))
        #expect(second == HLCTimestamp(physicalMilliseconds: start + 250))
        #expect(clock.last == second)
    }

    @Test func ticksStillIncreaseWhileTheWallClockStandsStill() {
        var clock = HybridLogicalClock()
        var previous = clock.tick(now: start)
        for count in 1...100 {
            let next = clock.tick(now: start)
            #expect(next > previous)
            #expect(next.physicalMilliseconds == start)
            #expect(next.logical == Int64(count))
            previous = next
        }
    }

    @Test func ticksStillIncreaseWhenTheWallClockJumpsBack() {
        var clock = HybridLogicalClock()
        let beforeJump = clock.tick(now: start)
        // The device's clock is set back a day, then creeps forward again.
        let afterJump = clock.tick(now: start - 86_400_000)
        let later = clock.tick(now: start - 86_400_000 + 5_000)
        #expect(afterJump > beforeJump)
        #expect(later > afterJump)
        // The stamps stay with the latest time the clock has seen, not the wrong wall clock.
        #expect(afterJump.physicalMilliseconds == start)
        #expect(later.physicalMilliseconds == start)
        // Once the wall clock passes the old time again, the stamps follow it.
        #expect(clock.tick(now: start + 10) == HLCTimestamp(physicalMilliseconds: start + 10))
    }

    @Test func aCounterFullWithinOneMillisecondCarriesIntoTheNext() {
        var clock = HybridLogicalClock(last: HLCTimestamp(physicalMilliseconds: start, logical: 0xFFFF))
        let next = clock.tick(now: start)
        #expect(next > HLCTimestamp(physicalMilliseconds: start, logical: 0xFFFF))
        #expect(next == HLCTimestamp(physicalMilliseconds: start + 1, logical: 0))
    }

    @Test func aClockResumedFromAStoredStampNeverIssuesAnEarlierOne() {
        let stored = HLCTimestamp(physicalMilliseconds: start, logical: 40)
        var clock = HybridLogicalClock(last: stored)
        #expect(clock.tick(now: start - 60_000) > stored)
    }

    @Test func ticksInALongRunAreStrictlyIncreasingAndUnique() {
        // A wall clock that wanders: forward, still, back, forward.
        let readings: [Int64] = (0..<2_000).map { index in start + Int64((index * 37) % 500) - 250 }
        var clock = HybridLogicalClock()
        let stamps = readings.map { clock.tick(now: $0) }
        #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(stamps).count == stamps.count)
    }

    // MARK: Receiving

    @Test func afterReceivingAStampFromAFastClockEveryTickIsLater() {
        var clock = HybridLogicalClock()
        _ = clock.tick(now: start)
        // The hub's stamp comes from a device ten minutes ahead.
        let received = HLCTimestamp(physicalMilliseconds: start + 600_000, logical: 3)
        clock.receive(received)
        let next = clock.tick(now: start + 1)
        #expect(next > received)
        #expect(next == HLCTimestamp(physicalMilliseconds: start + 600_000, logical: 4))
        #expect(clock.tick(now: start + 2) > next)
    }

    @Test func receivingAnOlderStampChangesNothing() {
        var clock = HybridLogicalClock()
        let issued = clock.tick(now: start)
        clock.receive(HLCTimestamp(physicalMilliseconds: start - 1_000, logical: 9))
        #expect(clock.last == issued)
        #expect(clock.tick(now: start) == HLCTimestamp(physicalMilliseconds: start, logical: 1))
    }

    @Test func receivingTheSameStampTwiceIsHarmless() {
        var clock = HybridLogicalClock()
        let received = HLCTimestamp(physicalMilliseconds: start, logical: 5)
        clock.receive(received)
        clock.receive(received)
        #expect(clock.last == received)
        #expect(clock.tick(now: start) == HLCTimestamp(physicalMilliseconds: start, logical: 6))
    }

    // MARK: Wall clocks for simulations

    @Test func aStoppedManualClockMovesOnlyWhenAdvanced() {
        let wall = ManualWallClock(fixedMilliseconds: start)
        #expect(wall.nowMilliseconds() == start)
        #expect(wall.nowMilliseconds() == start)
        wall.advance(by: -3_600_000)
        #expect(wall.nowMilliseconds() == start - 3_600_000)
    }

    @Test func anOffsetManualClockRunsAheadOfTheSystemClock() {
        let wall = ManualWallClock(offsetMilliseconds: 3_600_000)
        let system = SystemWallClock().nowMilliseconds()
        let ahead = wall.nowMilliseconds() - system
        #expect((3_600_000..<3_660_000).contains(ahead))
    }
}
