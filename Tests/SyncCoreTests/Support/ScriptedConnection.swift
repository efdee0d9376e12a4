import Synchronization

@testable import SyncCore

/// A connection that forwards to an in-process hub, records what it carried, and can be
/// told to fail after a number of pull pages: the network dropping mid-sync.
final class ScriptedConnection: HubConnection {
    struct Failure: Error {}

    private struct State {
        var pullsLeft: Int?
        var pulledSeqs: [Int64] = []
        var pullCursors: [Int64] = []
    }

    private let inner: LocalHubConnection
    private let state: Mutex<State>

    init(store: Hub, principal: Principal, failAfterPulls: Int? = nil) {
        inner = LocalHubConnection(store: store, principal: principal)
        state = Mutex(State(pullsLeft: failAfterPulls))
    }

    /// Every log position delivered, in order.
    var pulledSeqs: [Int64] { state.withLock { $0.pulledSeqs } }
    /// The cursor each pull asked from.
    var pullCursors: [Int64] { state.withLock { $0.pullCursors } }

    func push(_ request: PushRequest) async throws -> PushResponse {
        try await inner.push(request)
    }

    func restore(_ request: RestoreRequest) async throws -> RestoreResponse {
        try await inner.restore(request)
    }

    func pull(_ request: PullRequest) async throws -> PullResponse {
        let fail = state.withLock { state -> Bool in
            if let left = state.pullsLeft {
                if left == 0 { return true }
                state.pullsLeft = left - 1
            }
            state.pullCursors.append(request.after)
            return false
        }
        if fail { throw Failure() }
        let page = try await inner.pull(request)
        state.withLock { $0.pulledSeqs += page.entries.map(\.seq) }
        return page
    }
}
