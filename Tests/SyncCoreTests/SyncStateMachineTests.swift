import Testing

@testable import SyncCore

/// `SyncStateMachine`: every decision of one sync, driven here without I/O.
@Suite struct SyncStateMachineTests {
    typealias Machine = SyncStateMachine

    /// A scripted sync: local changes waiting in push pages, hub log pages to pull, and
    /// writes the user makes while the sync runs. It drives the machine the way
    /// `SyncSession` does and records every action.
    private struct Simulation {
        /// Pending local changes.
        var pending: Int
        /// Changes per push.
        var pushPageSize = 2
        /// Pull pages the hub has for the replica.
        var hubPages: Int
        /// After the n-th pull page, the user writes this many changes.
        var writesAfterPull: [Int: Int] = [:]
        /// Safety stop, so that a machine that never finishes fails the test instead of hanging.
        var actionLimit = 200

        private(set) var actions: [Machine.Action] = []
        private(set) var pushedChanges = 0
        private(set) var pulls = 0

        mutating func run(_ machine: inout Machine) {
            var action = machine.start()
            while actions.count < actionLimit {
                actions.append(action)
                switch action {
                case .backfill:
                    action = machine.next(after: .backfilled(more: false))
                case .push:
                    let sent = min(pending, pushPageSize)
                    pending -= sent
                    pushedChanges += sent
                    action = machine.next(after: .pushed(sent: sent, forked: false))
                case .pull:
                    pulls += 1
                    hubPages = max(0, hubPages - 1)
                    action = machine.next(after: .fetched(hasMore: hubPages > 0))
                case .apply:
                    pending += writesAfterPull[pulls, default: 0]
                    action = machine.next(after: .applied(hasMore: hubPages > 0, pendingLocal: pending > 0))
                default:
                    return
                }
            }
        }

        /// The actions without the backfill look and the page applications, for brevity.
        var steps: [Machine.Action] {
            actions.filter { if case .apply = $0 { false } else { $0 != .backfill } }
        }
    }

    /// A machine that has started and reached `action` by the usual way.
    private static func machine(at action: Machine.Action, retryPolicy: Machine.RetryPolicy = .never) -> Machine {
        var machine = Machine(retryPolicy: retryPolicy)
        _ = machine.start()
        switch action {
        case .backfill: break
        case .push: _ = machine.next(after: .backfilled(more: false))
        case .pull:
            _ = machine.next(after: .backfilled(more: false))
            _ = machine.next(after: .pushed(sent: 0, forked: false))
        case .apply:
            _ = machine.next(after: .backfilled(more: false))
            _ = machine.next(after: .pushed(sent: 0, forked: false))
            _ = machine.next(after: .fetched(hasMore: false))
        default: Issue.record("no way to \(action) here")
        }
        return machine
    }

    @Test func aSyncFirstFetchesWhatAnUpgradeLeftOutThenPushes() {
        var machine = Machine()
        #expect(machine.start() == .backfill)
        #expect(machine.next(after: .backfilled(more: true)) == .backfill)
        #expect(machine.next(after: .backfilled(more: false)) == .push)
    }

    @Test(arguments: [1, 2, 500])
    func pushingGoesOnWhilePagesAreSent(sent: Int) {
        var machine = Self.machine(at: .push)
        #expect(machine.next(after: .pushed(sent: sent, forked: false)) == .push)
    }

    @Test func anEmptyPushMovesOnToPulling() {
        var machine = Self.machine(at: .push)
        #expect(machine.next(after: .pushed(sent: 0, forked: false)) == .pull)
    }

    @Test func theNextPageIsFetchedWhileAPageIsAppliedOnlyWhenTheHubHasMore() {
        var machine = Self.machine(at: .pull)
        #expect(machine.next(after: .fetched(hasMore: true)) == .apply(prefetchNext: true))
        #expect(machine.next(after: .applied(hasMore: true, pendingLocal: false)) == .pull)
        #expect(machine.next(after: .fetched(hasMore: false)) == .apply(prefetchNext: false))
    }

    @Test(arguments: [false, true])
    func pullingGoesOnWhileTheHubHasMore(pendingLocal: Bool) {
        var machine = Self.machine(at: .apply(prefetchNext: false))
        #expect(machine.next(after: .applied(hasMore: true, pendingLocal: pendingLocal)) == .pull)
        #expect(machine.round == 1)
    }

    @Test func aSyncFinishesWhenTheLogIsCurrentAndNothingWaits() {
        var machine = Self.machine(at: .apply(prefetchNext: false))
        #expect(machine.next(after: .applied(hasMore: false, pendingLocal: false)) == .finish)
        #expect(machine.round == 1)
    }

    @Test func changesWrittenDuringThePullArePushedInASecondRound() {
        var machine = Self.machine(at: .apply(prefetchNext: false))
        #expect(machine.next(after: .applied(hasMore: false, pendingLocal: true)) == .push)
        #expect(machine.round == 2)
    }

    @Test(arguments: [1, 2, 3, 5])
    func aSyncStopsAfterItsRoundLimitEvenIfTheUserKeepsWriting(maxRounds: Int) {
        var machine = SyncStateMachine(maxRounds: maxRounds)
        _ = machine.start()
        var rounds = 1
        while machine.next(after: .applied(hasMore: false, pendingLocal: true)) == .push {
            rounds += 1
            #expect(machine.round == rounds)
            if rounds > 100 { break }
        }
        #expect(rounds == maxRounds)
        #expect(machine.round == maxRounds)
    }

    // MARK: When the hub or the file says something is wrong

    @Test(arguments: [true, false])
    func aSequenceGapAsksWhetherTheHubWasRestoredThenRefillsOrForks(restored: Bool) {
        var machine = Self.machine(at: .push)
        #expect(machine.next(after: .failed(kind: .sequenceGap, retryAfterSeconds: nil)) == .checkHubRestored)
        let answer = machine.next(after: .checkedHub(restored: restored))
        #expect(answer == (restored ? .refill : .fork))
        #expect(machine.next(after: .done) == .push)
        #expect(machine.forks == 1)
        #expect(machine.refilled == restored)
    }

    @Test func aHubRestoredIsRefilledOnceAndThenAGapForks() {
        var machine = Self.machine(at: .pull)
        #expect(machine.next(after: .failed(kind: .hubRestored, retryAfterSeconds: nil)) == .refill)
        #expect(machine.next(after: .done) == .push)
        #expect(machine.next(after: .failed(kind: .hubRestored, retryAfterSeconds: nil)) == .fail)
        var again = Self.machine(at: .push)
        _ = again.next(after: .failed(kind: .hubRestored, retryAfterSeconds: nil))
        _ = again.next(after: .done)
        #expect(again.next(after: .failed(kind: .sequenceGap, retryAfterSeconds: nil)) == .checkHubRestored)
        #expect(again.next(after: .checkedHub(restored: true)) == .fork)
    }

    @Test func aDamagedConfirmedCopyIsRebuiltOnceFromTheStartOfTheLog() {
        var machine = Self.machine(at: .apply(prefetchNext: false))
        #expect(machine.next(after: .damaged) == .rebuild)
        #expect(machine.next(after: .done) == .pull)
        #expect(machine.rebuilt)
        _ = machine.next(after: .fetched(hasMore: false))
        #expect(machine.next(after: .damaged) == .fail)
    }

    @Test func aBackfillTheHubNoLongerHoldsEndsAndTheSyncGoesOn() {
        var machine = Machine()
        _ = machine.start()
        #expect(machine.next(after: .failed(kind: .hubRestored, retryAfterSeconds: nil)) == .endBackfill)
        #expect(machine.next(after: .done) == .push)
    }

    @Test func aFourthIdentityInOneSyncStopsIt() {
        var machine = Self.machine(at: .push)
        for _ in 1...Machine.maxForks {
            #expect(machine.next(after: .pushed(sent: 3, forked: true)) == .push)
        }
        guard case .stop(let error) = machine.next(after: .pushed(sent: 3, forked: true)) else {
            Issue.record("a fourth fork went on")
            return
        }
        #expect(error.message.contains("3 identities"))
    }

    @Test func otherErrorsEndTheSync() {
        let kinds: [SyncError.Kind?] = [nil, .forbidden, .unauthorized, .storage, .incompatibleVersion]
        for kind in kinds {
            var machine = Self.machine(at: .push, retryPolicy: .standard)
            #expect(machine.next(after: .failed(kind: kind, retryAfterSeconds: nil)) == .fail)
        }
    }

    // MARK: Retry with backoff

    @Test func withoutARetryPolicyALostLinkEndsTheSync() {
        var machine = Self.machine(at: .push)
        #expect(machine.next(after: .failed(kind: .unavailable, retryAfterSeconds: 0)) == .fail)
    }

    @Test func aHubThatCannotBeReachedAtAllIsReportedAtOnce() {
        // The connection tried already; another round of tries would only keep the head waiting.
        var machine = Self.machine(at: .push, retryPolicy: .standard)
        #expect(machine.next(after: .failed(kind: .unavailable, retryAfterSeconds: nil)) == .fail)
    }

    @Test func aLinkLostMidRequestIsTriedAgainAfterLongerAndLongerWaitsThenGivenUp() {
        var machine = Self.machine(at: .pull, retryPolicy: .standard)
        var waits: [Int] = []
        for _ in 0..<3 {
            guard case .wait(let milliseconds) = machine.next(after: .failed(kind: .unavailable, retryAfterSeconds: 0))
            else {
                Issue.record("no wait")
                return
            }
            waits.append(milliseconds)
            #expect(machine.next(after: .done) == .pull)
        }
        #expect(waits == [1_000, 2_000, 4_000])
        #expect(machine.next(after: .failed(kind: .unavailable, retryAfterSeconds: 0)) == .fail)
    }

    @Test func aHubThatSaysWhenToComeBackIsWaitedForThatLong() {
        var machine = Self.machine(at: .push, retryPolicy: .standard)
        #expect(
            machine.next(after: .failed(kind: .tooManyRequests, retryAfterSeconds: 7)) == .wait(milliseconds: 7_000))
        #expect(machine.next(after: .done) == .push)
    }

    /// A throttle of a minute or a quota of an hour is told to the user at once, not waited
    /// out by a sync that seems to hang.
    @Test func aHubThatAsksForLongerThanTheLongestWaitIsReportedAtOnce() {
        var machine = Self.machine(at: .push, retryPolicy: .standard)
        #expect(machine.next(after: .failed(kind: .tooManyRequests, retryAfterSeconds: 60)) == .fail)
        var busy = Self.machine(at: .pull, retryPolicy: .standard)
        #expect(busy.next(after: .failed(kind: .unavailable, retryAfterSeconds: 5)) == .wait(milliseconds: 5_000))
    }

    @Test func applyingAPageIsNeverRetried() {
        var machine = Self.machine(at: .apply(prefetchNext: false), retryPolicy: .standard)
        #expect(machine.next(after: .failed(kind: .unavailable, retryAfterSeconds: 0)) == .fail)
    }

    @Test func theDefaultLimitIsThreeRounds() {
        #expect(SyncStateMachine().maxRounds == 3)
    }

    // MARK: Whole syncs

    @Test func aReplicaWithNothingToDoPushesOncePullsOnceAndFinishes() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 0, hubPages: 1)
        simulation.run(&machine)
        #expect(simulation.steps == [.push, .pull, .finish])
    }

    @Test func everyPendingPageIsPushedBeforeTheFirstPull() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 5, pushPageSize: 2, hubPages: 1)
        simulation.run(&machine)
        // Pages of 2, 2 and 1, then an empty look that finds nothing more.
        #expect(simulation.steps == [.push, .push, .push, .push, .pull, .finish])
        #expect(simulation.pushedChanges == 5)
        #expect(simulation.pending == 0)
    }

    @Test func everyLogPageIsPulledBeforeFinishing() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 1, hubPages: 4)
        simulation.run(&machine)
        #expect(simulation.steps == [.push, .push, .pull, .pull, .pull, .pull, .finish])
        #expect(simulation.hubPages == 0)
    }

    @Test func aWriteDuringTheSyncIsPushedBeforeItFinishes() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 1, hubPages: 2, writesAfterPull: [1: 1])
        simulation.run(&machine)
        // The write lands while more log pages wait: pulling finishes first, then a second
        // round pushes it and pulls what the hub logged for it.
        #expect(simulation.steps == [.push, .push, .pull, .pull, .push, .push, .pull, .finish])
        #expect(simulation.pushedChanges == 2)
        #expect(simulation.pending == 0)
        #expect(machine.round == 2)
    }

    @Test func aUserWritingDuringEverySyncStillSeesTheSyncEnd() {
        var machine = SyncStateMachine(maxRounds: 3)
        var simulation = Simulation(
            pending: 3, hubPages: 0, writesAfterPull: Dictionary(uniqueKeysWithValues: (1...100).map { ($0, 1) }))
        simulation.run(&machine)
        #expect(simulation.steps.last == .finish)
        #expect(simulation.steps.filter { $0 == .pull }.count == 3)
        #expect(machine.round == 3)
        // The change written during the last round waits for the next sync.
        #expect(simulation.pending == 1)
    }
}
