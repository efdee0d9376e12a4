/// The database under a `Hub`: it opens and migrates the hub's tables, gives transactions,
/// and says what its failures mean. Two implement it: `SQLiteHubDriver` (one commune's
/// file) and `PostgresHubDriver` (one commune's schema in a province's database).
package protocol HubDriver: Sendable {
    /// The hub's public signing key, made with its tables; nil in a store of an older hub
    /// schema (tests of an older fleet).
    var publicKey: String? { get }

    /// Runs `body` in a read transaction.
    func read<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T

    /// Runs `body` in a write transaction with the commune to itself: the commune's writers
    /// take turns, so the log's next position is this transaction's to give.
    func write<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T

    /// A push's page: the grouped write. `isolated` asks `body` to put each change in a
    /// savepoint: the store refused a write of an earlier attempt, and only the refused
    /// change should go. The driver may run it alongside the commune's other pages
    /// (`SQLTransaction.writesAlongsideOthers`), or commit pages arriving together at once.
    func pushWrite(
        _ body: @escaping @Sendable (any SQLTransaction, _ isolated: Bool) throws -> [ChangeOutcome]
    )
        async throws -> [ChangeOutcome]

    /// A write of one device's own bookkeeping (its row of `sync_replicas`) and nothing else:
    /// it may run alongside the commune's pages.
    func deviceWrite<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) throws -> T
    ) async throws -> T

    /// What a failure of the database means to the hub: a constraint, a full disk, busy.
    func refusal(_ error: any Error) -> SQLRefusal?

    /// Closes what the driver holds of its own.
    func close() throws
}

extension HubDriver {
    package func deviceWrite<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) throws -> T
    ) async throws -> T {
        try await write(body)
    }
}
