import Testing

@testable import SyncCore

/// `SyncStateMachine`: the decisions of one sync, driven here without I/O.
@Suite struct SyncStateMachineTests {
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

        private(set) var actions: [SyncStateMachine.Action] = []
        private(set) var pushedChanges = 0
        private(set) var pulls = 0

        mutating func run(_ machine: inout SyncStateMachine) {
            var action = machine.start()
            while actions.count < actionLimit {
                actions.append(action)
                switch action {
                case .push:
                    let sent = min(pending, pushPageSize)
                    pending -= sent
                    pushedChanges += sent
                    action = machine.pushed(sent: sent)
                case .pull:
                    pulls += 1
                    hubPages = max(0, hubPages - 1)
                    pending += writesAfterPull[pulls, default: 0]
                    action = machine.pulled(hasMore: hubPages > 0, pendingLocal: pending > 0)
                case .finish:
                    return
                }
            }
        }
    }

    @Test func aSyncStartsByPushing() {
        #expect(SyncStateMachine().start() == .push)
    }

    @Test(arguments: [1, 2, 500])
    func pushingGoesOnWhilePagesAreSent(sent: Int) {
        #expect(SyncStateMachine().pushed(sent: sent) == .push)
    }

    @Test func anEmptyPushMovesOnToPulling() {
        #expect(SyncStateMachine().pushed(sent: 0) == .pull)
    }

    @Test(arguments: [false, true])
    func pullingGoesOnWhileTheHubHasMore(pendingLocal: Bool) {
        var machine = SyncStateMachine()
        #expect(machine.pulled(hasMore: true, pendingLocal: pendingLocal) == .pull)
        #expect(machine.round == 1)
    }

    @Test func aSyncFinishesWhenTheLogIsCurrentAndNothingWaits() {
        var machine = SyncStateMachine()
        #expect(machine.pulled(hasMore: false, pendingLocal: false) == .finish)
        #expect(machine.round == 1)
    }

    @Test func changesWrittenDuringThePullArePushedInASecondRound() {
        var machine = SyncStateMachine()
        #expect(machine.pulled(hasMore: false, pendingLocal: true) == .push)
        #expect(machine.round == 2)
    }

    @Test(arguments: [1, 2, 3, 5])
    func aSyncStopsAfterItsRoundLimitEvenIfTheUserKeepsWriting(maxRounds: Int) {
        var machine = SyncStateMachine(maxRounds: maxRounds)
        var rounds = 1
        while machine.pulled(hasMore: false, pendingLocal: true) == .push {
            rounds += 1
            #expect(machine.round == rounds)
            if rounds > 100 { break }
        }
        #expect(rounds == maxRounds)
        #expect(machine.round == maxRounds)
    }

    @Test func theDefaultLimitIsThreeRounds() {
        #expect(SyncStateMachine().maxRounds == 3)
    }

    // MARK: Whole syncs

    @Test func aReplicaWithNothingToDoPushesOncePullsOnceAndFinishes() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 0, hubPages: 1)
        simulation.run(&machine)
        #expect(simulation.actions == [.push, .pull, .finish])
    }

    @Test func everyPendingPageIsPushedBeforeTheFirstPull() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 5, pushPageSize: 2, hubPages: 1)
        simulation.run(&machine)
        // Pages of 2, 2 and 1, then an empty look that finds nothing more.
        #expect(simulation.actions == [.push, .push, .push, .push, .pull, .finish])
        #expect(simulation.pushedChanges == 5)
        #expect(simulation.pending == 0)
    }

    @Test func everyLogPageIsPulledBeforeFinishing() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 1, hubPages: 4)
        simulation.run(&machine)
        #expect(simulation.actions == [.push, .push, .pull, .pull, .pull, .pull, .finish])
        #expect(simulation.hubPages == 0)
    }

    @Test func aWriteDuringTheSyncIsPushedBeforeItFinishes() {
        var machine = SyncStateMachine()
        var simulation = Simulation(pending: 1, hubPages: 2, writesAfterPull: [1: 1])
        simulation.run(&machine)
        // The write lands while more log pages wait: pulling finishes first, then a second
        // round pushes it and pulls what the hub logged for it.
        #expect(simulation.actions == [.push, .push, .pull, .pull, .push, .push, .pull, .finish])
        #expect(simulation.pushedChanges == 2)
        #expect(simulation.pending == 0)
        #expect(machine.round == 2)
    }

    @Test func aUserWritingDuringEverySyncStillSeesTheSyncEnd() {
        var machine = SyncStateMachine(maxRounds: 3)
        var simulation = Simulation(
            pending: 3, hubPages: 0, writesAfterPull: Dictionary(uniqueKeysWithValues: (1...100).map { ($0, 1) }))
        simulation.run(&machine)
        #expect(simulation.actions.last == .finish)
        #expect(simulation.actions.filter { $0 == .pull }.count == 3)
        #expect(machine.round == 3)
        // The change written during the last round waits for the next sync.
        #expect(simulation.pending == 1)
    }
}
