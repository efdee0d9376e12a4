/// A replica's way to the hub: in-process here, HTTP in the field.
package protocol HubConnection: Sendable {
    /// Sends a page of changes.
    func push(_ request: PushRequest) async throws -> PushResponse
    /// Fetches a page of the log.
    func pull(_ request: PullRequest) async throws -> PullResponse
    /// Offers back confirmed fields a restored hub lost.
    func restore(_ request: RestoreRequest) async throws -> RestoreResponse
}

/// A connection straight to a hub store in the same process, as `principal`.
package struct LocalHubConnection: HubConnection {
    /// The hub.
    package let store: any HubStore
    /// Who the connection speaks as.
    package let principal: Principal

    /// A connection to `store` as `principal`.
    package init(store: any HubStore, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    package func push(_ request: PushRequest) async throws -> PushResponse {
        try await store.push(request, from: principal)
    }

    package func pull(_ request: PullRequest) async throws -> PullResponse {
        try await store.pull(request, for: principal)
    }

    package func restore(_ request: RestoreRequest) async throws -> RestoreResponse {
        try await store.restore(request, from: principal)
    }
}
