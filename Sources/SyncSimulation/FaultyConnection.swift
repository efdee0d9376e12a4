import SyncCore
import Synchronization

/// The faults a simulation injects between replicas and the hub, drawn from its seed.
package final class FaultPlan: Sendable {
    struct State {
        var random: SplitMix64
        var enabled = true
        var sent: [String: Change] = [:]
        var delayedPushes: [(Principal, PushRequest)] = []
        var stalePages: [(replicaID: String, page: PullResponse)] = []
        var failures: [String] = []
        var faults = 0
        /// Rows offered back to a restored hub, and what the hub answered.
        var offered: [String: String] = [:]
        /// Every outcome a device was given, by network answer or reply file, by change
        /// (`FaultPlan.key`): what the invariants check, not the hub's own receipts.
        var told: [String: Told] = [:]
        /// How many times the hub has been put back from a backup so far.
        var restores = 0
    }

    /// An outcome a device was given, and how many hub restores had happened by then.
    struct Told {
        var outcome: ChangeOutcome
        var restoresBefore: Int
    }

    let state: Mutex<State>
    /// The hub's processes (one, or several on one PostgreSQL database), and which of them
    /// answers each request: drawn apart from the faults, so one process draws no number.
    private let current: Mutex<(stores: [Hub], picker: SplitMix64)>

    init(seed: UInt64, stores: [Hub]) {
        state = Mutex(State(random: SplitMix64(seed: seed)))
        current = Mutex((stores, SplitMix64(seed: seed &+ 11)))
    }

    /// The hub as it is now (a restore replaces it): its first process.
    var store: Hub { current.withLock { $0.stores[0] } }

    /// The process that answers the next request, as a load balancer would pick it.
    func someStore() -> Hub {
        current.withLock { current in
            current.stores.count == 1
                ? current.stores[0] : current.stores[Int(current.picker.next() % UInt64(current.stores.count))]
        }
    }

    /// How many hub processes answer.
    var storeCount: Int { current.withLock { $0.stores.count } }

    /// Puts another hub in place: the file restored from a backup.
    func replace(_ store: Hub) { current.withLock { $0.stores = [store] } }

    static func key(_ replicaID: String, _ seq: Int64, _ digest: String) -> String { "\(replicaID)#\(seq)#\(digest)" }

    /// Draws a number in `0..<100`, or 100 (no fault) when faults are off.
    func roll() -> Int {
        state.withLock { $0.enabled ? Int($0.random.next() % 100) : 100 }
    }

    func fail(_ message: String) { state.withLock { $0.failures.append(message) } }
    /// Notes the changes of `request` as sent, by the network or in a bundle file.
    func noteSent(_ request: PushRequest) {
        state.withLock { state in
            // Keyed by content too: two copies of one file send different changes under one id.
            for change in request.changes {
                let digest = (try? JSONText.encode(change)).map(JSONText.fnv1a) ?? ""
                state.sent[FaultPlan.key(request.replicaID, change.seq, digest)] = change
            }
        }
    }

    /// Notes the outcomes a device was given for the changes it sent under `replicaID`:
    /// `digests[i]` names the content of the change `outcomes[i]` is about.
    /// `restores` is how many times the hub had been put back when it gave them (a reply
    /// file may arrive long after); by default, now.
    func noteTold(_ replicaID: String, _ outcomes: [ChangeOutcome], digests: [String], restores: Int? = nil) {
        state.withLock { state in
            for (outcome, digest) in zip(outcomes, digests) {
                let key = FaultPlan.key(replicaID, outcome.seq, digest)
                let told = Told(outcome: outcome, restoresBefore: restores ?? state.restores)
                // A reply made before a restore, arriving after the hub answered afresh, is stale.
                if let known = state.told[key], known.restoresBefore > told.restoresBefore { continue }
                state.told[key] = told
            }
        }
    }

    /// `noteTold` for an answer to `request` over the network.
    func noteTold(_ request: PushRequest, _ response: PushResponse) {
        let digests = request.changes.map { change in (try? JSONText.encode(change)).map(JSONText.fnv1a) ?? "" }
        let bySeq = Dictionary(zip(request.changes.map(\.seq), digests), uniquingKeysWith: { first, _ in first })
        noteTold(request.replicaID, response.outcomes, digests: response.outcomes.map { bySeq[$0.seq] ?? "" })
    }

    /// The whole hub, entry by entry: rows, log, audit trail, conflicts, receipts and
    /// devices, each as its JSON; what a repeated request must leave exactly as it was.
    static func state(of hub: Hub, as reviewer: Principal) async throws -> [String] {
        var state: [String] = []
        for table in ReplicatedSchema.tables {
            for row in try await hub.rows(table: table.name, for: reviewer) {
                state.append("row \(table.name) \(try JSONText.encode(row))")
            }
        }
        for entry in try await hub.log() { state.append("log \(try JSONText.foundationEncode(entry))") }
        for entry in try await hub.auditTrail() { state.append("audit \(try JSONText.foundationEncode(entry))") }
        for conflict in try await hub.conflicts(status: nil, for: reviewer) {
            state.append("conflict \(try JSONText.foundationEncode(conflict))")
        }
        for (replicaID, digest, outcome) in try await hub.receivedOutcomes() {
            state.append("receipt \(replicaID) \(digest) \(try JSONText.foundationEncode(outcome))")
        }
        for device in try await hub.replicas() { state.append("device \(try JSONText.foundationEncode(device))") }
        return state
    }

    func countFault() { state.withLock { $0.faults += 1 } }
    func setEnabled(_ enabled: Bool) { state.withLock { $0.enabled = enabled } }
}

/// A replica's connection to an in-process hub through which messages get dropped,
/// duplicated, delayed and reordered, and responses lost.
struct FaultyConnection: HubConnection {
    struct Fault: Error {}

    let principal: Principal
    let plan: FaultPlan

    func push(_ request: PushRequest) async throws -> PushResponse {
        plan.noteSent(request)
        let hub = plan.someStore()
        switch plan.roll() {
        case 0..<8:  // the request is lost
            plan.countFault()
            throw Fault()
        case 8..<12:  // the request is held back and arrives later, out of order
            plan.countFault()
            plan.state.withLock { $0.delayedPushes.append((principal, request)) }
            throw Fault()
        case 12..<17:  // delivered, but the response is lost
            plan.countFault()
            _ = try await hub.push(request, from: principal)
            throw Fault()
        case 17..<22:  // delivered twice: the second must change nothing and answer the same
            plan.countFault()
            let first = try await hub.push(request, from: principal)
            let reviewer = Principal(role: .reviewer, name: "mô phỏng")
            let before = try await FaultPlan.state(of: hub, as: reviewer)
            let second = try await plan.someStore().push(request, from: principal)
            if second.outcomes != first.outcomes { plan.fail("a repeated push got different outcomes") }
            let after = try await FaultPlan.state(of: hub, as: reviewer)
            if after != before {
                let changed = Set(after).symmetricDifference(before).sorted().prefix(3)
                plan.fail("a repeated push changed the hub: \(changed)")
            }
            plan.noteTold(request, second)
            return second
        default:
            let response = try await hub.push(request, from: principal)
            plan.noteTold(request, response)
            return response
        }
    }

    func restore(_ request: RestoreRequest) async throws -> RestoreResponse {
        let hub = plan.someStore()
        plan.state.withLock { state in
            for row in request.rows {
                state.offered["\(row.table)/\(row.rowID)", default: ""] +=
                    "[\(request.replicaID.suffix(6)) kept \(request.kept): \(row.fields.keys.sorted().joined(separator: ","))\(row.deletion == nil ? "" : " deletion")]"
            }
        }
        switch plan.roll() {
        case 0..<8:  // the request is lost
            plan.countFault()
            throw Fault()
        case 8..<13:  // delivered, but the response is lost: the offer comes again
            plan.countFault()
            _ = try await hub.restore(request, from: principal)
            throw Fault()
        default:
            return try await hub.restore(request, from: principal)
        }
    }

    func pull(_ request: PullRequest) async throws -> PullResponse {
        let hub = plan.someStore()
        switch plan.roll() {
        case 0..<8:
            plan.countFault()
            throw Fault()
        case 8..<13:  // the response is lost on the way back
            plan.countFault()
            _ = try await hub.pull(request, for: principal)
            throw Fault()
        case 13..<18:  // the page is delivered now and again later
            plan.countFault()
            let page = try await hub.pull(request, for: principal)
            plan.state.withLock { $0.stalePages.append((request.replicaID, page)) }
            return page
        default:
            return try await hub.pull(request, for: principal)
        }
    }
}

/// A flag one task raises and others read.
final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
