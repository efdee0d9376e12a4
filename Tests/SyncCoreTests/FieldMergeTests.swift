import Testing

@testable import SyncCore

/// `FieldMerge.decide`: the per-field merge rules of DESIGN.md §4, as a pure function.
@Suite struct FieldMergeTests {
    // The hub's current field was set at version 7, at 2026-05-28 20:26:40 UTC (counter 3), by the Đông replica.
    private static let hubStamp = FieldStamp(
        version: 7, hlc: HLCTimestamp(physicalMilliseconds: 1_780_000_000_000, logical: 3), replicaID: "replica-dong",
        author: "Nguyễn Văn An")

    /// An edit from another replica (`replica-doai`) that last saw version `baseVersion`.
    private static func edit(
        _ value: SyncValue, base: SyncValue? = nil, baseVersion: Int64 = 5, hlc: HLCTimestamp = hubStamp.hlc,
        replicaID: String = "replica-doai"
    ) -> IncomingEdit {
        IncomingEdit(value: value, base: base, baseVersion: baseVersion, hlc: hlc, replicaID: replicaID)
    }

    private static let allPolicies: [MergePolicy] = [
        .lastWriterWins, .review, .monotonic(ReplicatedSchema.roadStatus),
        .monotonic(ReplicatedSchema.donationStatus),
    ]

    // MARK: Non-concurrent edits

    /// A policy with a current value and a non-concurrent edit that policy would refuse
    /// if it were concurrent.
    private static let nonConcurrentMoves: [(MergePolicy, SyncValue, SyncValue)] = [
        (.lastWriterWins, .text("Ghi chú"), .text("Ghi chú mới")),
        (.review, .real(42.5), .real(40)),
        (.monotonic(ReplicatedSchema.roadStatus), .text("done"), .text("surveyed")),
        (.monotonic(ReplicatedSchema.donationStatus), .text("handed_over"), .text("withdrawn")),
        (.monotonic(ReplicatedSchema.donationStatus), .text("withdrawn"), .text("signed")),
    ]

    @Test(arguments: nonConcurrentMoves)
    func anEditMadeOnTheHubsCurrentVersionSimplyApplies(policy: MergePolicy, current: SyncValue, value: SyncValue) {
        // Even an area change, a status moving backwards or to withdrawn, with a stamp older
        // than the hub's, applies when nothing raced it.
        let incoming = Self.edit(
            value, base: current, baseVersion: Self.hubStamp.version, hlc: HLCTimestamp(physicalMilliseconds: 1))
        #expect(FieldMerge.decide(policy: policy, current: current, stamp: Self.hubStamp, incoming: incoming) == .apply)
    }

    @Test(arguments: nonConcurrentMoves)
    func aReplicaEditingOverItsOwnUnconfirmedValueIsNotConcurrent(
        policy: MergePolicy, current: SyncValue, value: SyncValue
    ) {
        // The Đông replica wrote the hub's value and edits it again before it has pulled
        // the version the hub gave its first edit.
        let incoming = Self.edit(
            value, base: current, baseVersion: 2, hlc: HLCTimestamp(physicalMilliseconds: 1),
            replicaID: Self.hubStamp.replicaID)
        #expect(FieldMerge.decide(policy: policy, current: current, stamp: Self.hubStamp, incoming: incoming) == .apply)
    }

    @Test(arguments: nonConcurrentMoves)
    func theSameEditFromAnotherReplicaThatHadNotSeenTheHubsValueIsNotApplied(
        policy: MergePolicy, current: SyncValue, value: SyncValue
    ) {
        // Guards the two tests above: without the version or the replica match, none applies.
        let incoming = Self.edit(value, base: current, baseVersion: 2, hlc: HLCTimestamp(physicalMilliseconds: 1))
        #expect(FieldMerge.decide(policy: policy, current: current, stamp: Self.hubStamp, incoming: incoming) != .apply)
    }

    @Test(arguments: allPolicies)
    func anEditToTheValueTheHubAlreadyHoldsChangesNothing(policy: MergePolicy) {
        // Concurrent (older base, other replica, earlier stamp) but arriving at the same value.
        let incoming = Self.edit(.text("signed"), base: .text("pledged"), hlc: HLCTimestamp(physicalMilliseconds: 1))
        #expect(
            FieldMerge.decide(policy: policy, current: .text("signed"), stamp: Self.hubStamp, incoming: incoming)
                == .unchanged)
    }

    @Test func anEqualValueIsUnchangedEvenWhenNotConcurrent() {
        let incoming = Self.edit(.real(42.5), baseVersion: Self.hubStamp.version)
        #expect(
            FieldMerge.decide(policy: .review, current: .real(42.5), stamp: Self.hubStamp, incoming: incoming)
                == .unchanged)
    }

    @Test func textThatOnlyLooksTheSameIsAChange() {
        // "Nguyễn" typed precomposed at the hub, decomposed on the incoming device: an edit.
        let incoming = Self.edit(.text("Nguye\u{302}\u{303}n"), baseVersion: Self.hubStamp.version)
        #expect(
            FieldMerge.decide(
                policy: .review, current: .text("Nguy\u{1EC5}n"), stamp: Self.hubStamp, incoming: incoming) == .apply)
    }

    // MARK: lastWriterWins

    struct StampCase: Sendable, CustomTestStringConvertible {
        let label: String
        let hlc: HLCTimestamp
        let replicaID: String
        let expected: MergeDecision
        var testDescription: String { label }
    }

    @Test(arguments: [
        StampCase(
            label: "a later millisecond wins",
            hlc: HLCTimestamp(physicalMilliseconds: 1_780_000_000_001), replicaID: "replica-a", expected: .apply),
        StampCase(
            label: "an earlier millisecond loses",
            hlc: HLCTimestamp(physicalMilliseconds: 1_779_999_999_999, logical: 9), replicaID: "replica-z",
            expected: .lose),
        StampCase(
            label: "a later logical counter in the same millisecond wins",
            hlc: HLCTimestamp(physicalMilliseconds: 1_780_000_000_000, logical: 4), replicaID: "replica-a",
            expected: .apply),
        StampCase(
            label: "an earlier logical counter in the same millisecond loses",
            hlc: HLCTimestamp(physicalMilliseconds: 1_780_000_000_000, logical: 2), replicaID: "replica-z",
            expected: .lose),
        StampCase(
            label: "an equal stamp from a greater replica id wins",
            hlc: hubStamp.hlc, replicaID: "replica-xuan", expected: .apply),
        StampCase(
            label: "an equal stamp from a smaller replica id loses",
            hlc: hubStamp.hlc, replicaID: "replica-doai", expected: .lose),
        StampCase(
            label: "replica ids compare by bytes, so uppercase sorts before lowercase",
            hlc: hubStamp.hlc, replicaID: "replica-Z", expected: .lose),
    ])
    func concurrentNoteEditsGoToTheLaterStamp(_ row: StampCase) {
        let incoming = Self.edit(.text("Ghi chú mới"), base: .text("Ghi chú"), hlc: row.hlc, replicaID: row.replicaID)
        let decision = FieldMerge.decide(
            policy: .lastWriterWins, current: .text("Ghi chú của xóm"), stamp: Self.hubStamp, incoming: incoming)
        #expect(decision == row.expected)
    }

    @Test func lastWriterWinsIsTheSameVerdictWhicheverEditArrivesFirst() {
        // Two concurrent edits from replicas a and b: whichever reaches the hub first, b's
        // value ends up there, so every replica converges on one value.
        let hlcA = HLCTimestamp(physicalMilliseconds: 1_780_000_000_000, logical: 1)
        let hlcB = HLCTimestamp(physicalMilliseconds: 1_780_000_000_000, logical: 1)
        let stampA = FieldStamp(version: 8, hlc: hlcA, replicaID: "a", author: "A")
        let stampB = FieldStamp(version: 8, hlc: hlcB, replicaID: "b", author: "B")
        let editA = Self.edit(.text("A"), baseVersion: 7, hlc: hlcA, replicaID: "a")
        let editB = Self.edit(.text("B"), baseVersion: 7, hlc: hlcB, replicaID: "b")
        #expect(
            FieldMerge.decide(policy: .lastWriterWins, current: .text("A"), stamp: stampA, incoming: editB) == .apply)
        #expect(
            FieldMerge.decide(policy: .lastWriterWins, current: .text("B"), stamp: stampB, incoming: editA) == .lose)
    }

    // MARK: review

    @Test(arguments: [
        (SyncValue.real(42.5), SyncValue.real(40), SyncValue.real(45)),
        (.integer(15_000_000), .integer(12_000_000), .integer(18_000_000)),
        (.text("Trần Thị Bình"), .text("Trần Thị Bính"), .text("Trần Văn Bình")),
        (.real(42.5), .real(40), .null),
    ])
    func concurrentAreaEditsNeedAReviewer(current: SyncValue, base: SyncValue, incoming: SyncValue) {
        // Whatever the stamps say: a later and an earlier concurrent edit both wait.
        for hlc in [HLCTimestamp(physicalMilliseconds: 1_790_000_000_000), HLCTimestamp(physicalMilliseconds: 1)] {
            let edit = Self.edit(incoming, base: base, hlc: hlc)
            #expect(
                FieldMerge.decide(policy: .review, current: current, stamp: Self.hubStamp, incoming: edit) == .conflict)
        }
    }

    // MARK: monotonic

    struct StatusCase: Sendable, CustomTestStringConvertible {
        let order: StatusOrder
        let base: String
        let hub: String
        let incoming: String
        let expected: MergeDecision
        var testDescription: String { "\(base) → \(incoming) against hub \(hub): \(expected)" }
    }

    @Test(arguments: [
        // Further along wins.
        StatusCase(
            order: ReplicatedSchema.roadStatus, base: "planned", hub: "surveyed", incoming: "building", expected: .apply
        ),
        StatusCase(
            order: ReplicatedSchema.roadStatus, base: "surveyed", hub: "clearing", incoming: "done", expected: .apply),
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "pledged", hub: "signed", incoming: "handed_over",
            expected: .apply),
        // Behind loses.
        StatusCase(
            order: ReplicatedSchema.roadStatus, base: "planned", hub: "building", incoming: "surveyed", expected: .lose),
        StatusCase(
            order: ReplicatedSchema.roadStatus, base: "planned", hub: "done", incoming: "clearing", expected: .lose),
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "pledged", hub: "handed_over", incoming: "signed",
            expected: .lose),
        // A concurrent move backwards needs a reviewer, whether the hub is ahead or behind it.
        StatusCase(
            order: ReplicatedSchema.roadStatus, base: "building", hub: "done", incoming: "clearing", expected: .conflict
        ),
        StatusCase(
            order: ReplicatedSchema.roadStatus, base: "done", hub: "surveyed", incoming: "clearing", expected: .conflict
        ),
        StatusCase(
            order: ReplicatedSchema.roadStatus, base: "done", hub: "building", incoming: "planned", expected: .conflict),
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "signed", hub: "handed_over", incoming: "pledged",
            expected: .conflict),
        // To or from an exit status needs a reviewer.
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "pledged", hub: "signed", incoming: "withdrawn",
            expected: .conflict),
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "signed", hub: "handed_over", incoming: "withdrawn",
            expected: .conflict),
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "pledged", hub: "withdrawn", incoming: "signed",
            expected: .conflict),
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "pledged", hub: "withdrawn", incoming: "handed_over",
            expected: .conflict),
        StatusCase(
            order: ReplicatedSchema.donationStatus, base: "withdrawn", hub: "withdrawn", incoming: "pledged",
            expected: .conflict),
    ])
    func concurrentStatusMovesKeepTheFurthestAlong(_ row: StatusCase) {
        // The incoming stamp is later than the hub's, so a last-writer-wins rule would apply
        // every one of these: the decision must come from the order alone.
        let edit = Self.edit(
            .text(row.incoming), base: .text(row.base), hlc: HLCTimestamp(physicalMilliseconds: 1_790_000_000_000))
        let decision = FieldMerge.decide(
            policy: .monotonic(row.order), current: .text(row.hub), stamp: Self.hubStamp, incoming: edit)
        #expect(decision == row.expected)
    }

    @Test func aFurtherAlongStatusWinsEvenWithAnEarlierStamp() {
        let edit = Self.edit(.text("done"), base: .text("planned"), hlc: HLCTimestamp(physicalMilliseconds: 1))
        let decision = FieldMerge.decide(
            policy: .monotonic(ReplicatedSchema.roadStatus), current: .text("clearing"), stamp: Self.hubStamp,
            incoming: edit)
        #expect(decision == .apply)
    }
}
