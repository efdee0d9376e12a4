import Foundation
import Testing

@testable import SyncCore

/// `HybridLogicalClock` and `HLCTimestamp`: stamps that order a device's events even when its
/// wall clock stands still or jumps back.
@Suite struct HybridLogicalClockTests {
    private let noon: Int64 = 1_780_000_000_000  // 2026-05-28, milliseconds since 1970

    // MARK: Packing

    @Test(arguments: [
        (Int64(0), Int64(0)),
        (1_780_000_000_000, 0),
        (1_780_000_000_000, 1),
        (1_780_000_000_000, 0xFFFF),
        ((Int64(1) << 47) - 1, 0xFFFF),
    ])
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
            HLCTimestamp(physicalMilliseconds: noon + 1, logical: 0),
            HLCTimestamp(physicalMilliseconds: noon, logical: 0xFFFF),
            HLCTimestamp(physicalMilliseconds: noon, logical: 2),
            HLCTimestamp.zero,
            HLCTimestamp(physicalMilliseconds: noon, logical: 0),
        ]
        #expect(stamps.sorted() == [stamps[3], stamps[4], stamps[2], stamps[1], stamps[0]])
        // The packed integers order the same way, so SQL comparisons agree with Swift's.
        #expect(stamps.sorted().map(\.rawValue) == stamps.map(\.rawValue).sorted())
    }

    @Test func aStampIsStoredInJSONAsItsPackedInteger() throws {
        let stamp = HLCTimestamp(physicalMilliseconds: noon, logical: 7)
        let json = try JSONText.encode(stamp)
        #expect(json == String(noon << 16 | 7))
        #expect(try JSONText.decode(HLCTimestamp.self, from: json) == stamp)
    }

    @Test func aStampReadsAsMillisecondsDotCounter() {
        #expect(HLCTimestamp(physicalMilliseconds: noon, logical: 12).description == "\(noon).12")
    }

    // MARK: Ticking

    @Test func ticksFollowAWallClockThatMovesForward() {
        var clock = HybridLogicalClock()
        let first = clock.tick(now: noon)
        let second = clock.tick(now: noon + 250)
        #expect(first == HLCTimestamp(physicalMilliseconds: noon))
        #expect(second == HLCTimestamp(physicalMilliseconds: noon + 250))
        #expect(clock.last == second)
    }

    @Test func ticksStillIncreaseWhileTheWallClockStandsStill() {
        var clock = HybridLogicalClock()
        var previous = clock.tick(now: noon)
        for count in 1...100 {
            let next = clock.tick(now: noon)
            #expect(next > previous)
            #expect(next.physicalMilliseconds == noon)
            #expect(next.logical == Int64(count))
            previous = next
        }
    }

    @Test func ticksStillIncreaseWhenTheWallClockJumpsBack() {
        var clock = HybridLogicalClock()
        let beforeJump = clock.tick(now: noon)
        // The device's clock is set back a day, then creeps forward again.
        let afterJump = clock.tick(now: noon - 86_400_000)
        let later = clock.tick(now: noon - 86_400_000 + 5_000)
        #expect(afterJump > beforeJump)
        #expect(later > afterJump)
        // The stamps stay with the latest time the clock has seen, not the wrong wall clock.
        #expect(afterJump.physicalMilliseconds == noon)
        #expect(later.physicalMilliseconds == noon)
        // Once the wall clock passes the old time again, the stamps follow it.
        #expect(clock.tick(now: noon + 10) == HLCTimestamp(physicalMilliseconds: noon + 10))
    }

    @Test func aCounterFullWithinOneMillisecondCarriesIntoTheNext() {
        var clock = HybridLogicalClock(last: HLCTimestamp(physicalMilliseconds: noon, logical: 0xFFFF))
        let next = clock.tick(now: noon)
        #expect(next > HLCTimestamp(physicalMilliseconds: noon, logical: 0xFFFF))
        #expect(next == HLCTimestamp(physicalMilliseconds: noon + 1, logical: 0))
    }

    @Test func aClockResumedFromAStoredStampNeverIssuesAnEarlierOne() {
        let stored = HLCTimestamp(physicalMilliseconds: noon, logical: 40)
        var clock = HybridLogicalClock(last: stored)
        #expect(clock.tick(now: noon - 60_000) > stored)
    }

    @Test func ticksInALongRunAreStrictlyIncreasingAndUnique() {
        // A wall clock that wanders: forward, still, back, forward.
        let readings: [Int64] = (0..<2_000).map { index in noon + Int64((index * 37) % 500) - 250 }
        var clock = HybridLogicalClock()
        let stamps = readings.map { clock.tick(now: $0) }
        #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(stamps).count == stamps.count)
    }

    // MARK: Receiving

    @Test func afterReceivingAStampFromAFastClockEveryTickIsLater() {
        var clock = HybridLogicalClock()
        _ = clock.tick(now: noon)
        // The hub's stamp comes from a device ten minutes ahead.
        let received = HLCTimestamp(physicalMilliseconds: noon + 600_000, logical: 3)
        clock.receive(received)
        let next = clock.tick(now: noon + 1)
        #expect(next > received)
        #expect(next == HLCTimestamp(physicalMilliseconds: noon + 600_000, logical: 4))
        #expect(clock.tick(now: noon + 2) > next)
    }

    @Test func receivingAnOlderStampChangesNothing() {
        var clock = HybridLogicalClock()
        let issued = clock.tick(now: noon)
        clock.receive(HLCTimestamp(physicalMilliseconds: noon - 1_000, logical: 9))
        #expect(clock.last == issued)
        #expect(clock.tick(now: noon) == HLCTimestamp(physicalMilliseconds: noon, logical: 1))
    }

    @Test func receivingTheSameStampTwiceIsHarmless() {
        var clock = HybridLogicalClock()
        let received = HLCTimestamp(physicalMilliseconds: noon, logical: 5)
        clock.receive(received)
        clock.receive(received)
        #expect(clock.last == received)
        #expect(clock.tick(now: noon) == HLCTimestamp(physicalMilliseconds: noon, logical: 6))
    }

    // MARK: Wall clocks for simulations

    @Test func aStoppedManualClockMovesOnlyWhenAdvanced() {
        let wall = ManualWallClock(fixedMilliseconds: noon)
        #expect(wall.nowMilliseconds() == noon)
        #expect(wall.nowMilliseconds() == noon)
        wall.advance(by: -3_600_000)
        #expect(wall.nowMilliseconds() == noon - 3_600_000)
    }

    @Test func anOffsetManualClockRunsAheadOfTheSystemClock() {
        let wall = ManualWallClock(offsetMilliseconds: 3_600_000)
        let system = SystemWallClock().nowMilliseconds()
        let ahead = wall.nowMilliseconds() - system
        #expect((3_600_000..<3_660_000).contains(ahead))
    }
}
