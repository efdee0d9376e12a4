import Logging

/// Issue 16: a hub whose store speaks SQL. Everything the hub does — pushes, pulls,
/// resolutions, tokens, attachments, reports — is written once, in extensions of this
/// protocol, against `HubSQL`; a store gives its transactions (`read`, `write`,
/// `pushWrite`) and says what its failures mean (`refusal`). `SQLiteHubStore` is the
/// commune's file; the PostgreSQL store (`HubPostgres`) is a province's database.
package protocol SQLHub: HubStore {
    var clock: any WallClock { get }
    var ids: any IDGenerator { get }
    /// The schema version of the hub's tables, and the tables as it has them.
    var schema: SchemaView { get }
    var configuration: HubConfiguration { get }
    var logger: Logger { get }
    /// The hub's public signing key; nil in a store of an older schema.
    var publicKey: String? { get }

    /// Runs `body` in a read transaction.
    func read<T: Sendable>(_ body: @Sendable (any HubSQL) throws -> T) async throws -> T
    /// Runs `body` in a write transaction: the store's writers take turns, so the log's
    /// next position is this transaction's to give.
    func write<T: Sendable>(_ body: @Sendable (any HubSQL) throws -> T) async throws -> T
    /// A push's transaction. `isolated` asks `body` to put each change in a savepoint: the
    /// store refused a write of an earlier attempt, and only the refused change should go.
    func pushWrite(
        _ body: @escaping @Sendable (any HubSQL, _ isolated: Bool) throws -> [ChangeOutcome]
    )
        async throws -> [ChangeOutcome]
    /// What a failure of the store means to the hub (`HubSQL.refusal`).
    func refusal(_ error: any Error) -> SQLRefusal?
    /// A write of one device's own bookkeeping (its row of `sync_replicas`) and nothing
    /// else: it may run alongside the commune's pages (`HubSQL.writesAlongsideOthers`).
    func deviceWrite<T: Sendable>(_ body: @escaping @Sendable (any HubSQL) throws -> T) async throws -> T
}

extension SQLHub {
    package func deviceWrite<T: Sendable>(_ body: @escaping @Sendable (any HubSQL) throws -> T) async throws -> T {
        try await write(body)
    }

    /// Runs a write; a full disk becomes a clear, retryable refusal, and a value the store
    /// refuses a clear error (the transaction rolled back: nothing of it was applied).
    func refusingWhenFull<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            switch refusal(error) {
            case .full:
                throw SyncError.unavailable("the hub's disk is full; nothing of this push was applied: try again later")
            case .busy:
                throw SyncError.unavailable(
                    "the hub is busy; nothing of this write was applied: try again in a moment", retryAfterSeconds: 1)
            case .constraint(let reason):
                // The store refused a value the validation let through: the whole write rolled back.
                throw SyncError.malformed(reason)
            case nil:
                throw error
            }
        }
    }
}
