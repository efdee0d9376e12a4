import Logging

/// One commune's hub: the authority every replica converges on.
///
/// Everything the hub does lives here once, one file per operation: `Hub+Push`, `Hub+Pull`,
/// `Hub+Restore`, `Hub+Review` (conflicts, resolutions, rows, the audit trail), `Hub+Tokens`,
/// `Hub+Devices`, `Hub+Blobs`, `Hub+Bundles`, `Hub+Administration`, and the reports
/// (`Report+Sources`, `RowHistory`). Each runs its statements in a transaction its `driver`
/// gives: a SQLite file (`SQLiteHubDriver`) or a commune's schema of a PostgreSQL database
/// (`PostgresHubDriver`, in `HubPostgres`). The merge itself is `HubTransaction`'s.
package final class Hub: Sendable {
    /// The database the hub's tables are in.
    package let driver: any HubDriver
    package let clock: any WallClock
    package let ids: any IDGenerator
    package let configuration: HubConfiguration
    package let logger: Logger
    /// The schema version of the hub's tables, and the tables as it has them.
    package let schema: SchemaView

    /// A hub over `driver`, which has opened and migrated its database to
    /// `configuration.schemaVersion`.
    package init(
        driver: any HubDriver, configuration: HubConfiguration = HubConfiguration(),
        clock: any WallClock = SystemWallClock(),
        ids: (any IDGenerator)? = nil, logger: Logger
    ) throws {
        self.driver = driver
        self.clock = clock
        self.ids = ids ?? UUIDv7Generator(clock: clock)
        self.configuration = configuration
        self.logger = logger
        self.schema = try SchemaView.at(configuration.schemaVersion)
    }

    /// The hub on the SQLite file at `path`, created when missing, migrated.
    package convenience init(
        sqliteFile path: String, configuration: HubConfiguration = HubConfiguration(),
        clock: any WallClock = SystemWallClock(), ids: (any IDGenerator)? = nil, logger: Logger
    ) throws {
        let file = try SQLiteHubDriver(path: path, configuration: configuration, clock: clock)
        do {
            try self.init(driver: file, configuration: configuration, clock: clock, ids: ids, logger: logger)
        } catch {
            try? file.close()
            throw error
        }
    }

    /// The hub's public signing key; nil in a store of an older schema.
    package var publicKey: String? { driver.publicKey }

    /// The SQLite file, when the hub is on one (backups, integrity checks).
    package var sqliteFile: SQLiteHubDriver? { driver as? SQLiteHubDriver }

    /// Closes what the driver holds; the hub is unusable afterwards.
    package func close() throws { try driver.close() }

    /// The hub's own changes (admin commands) are authored by this principal.
    package static var administrator: Principal { HubAdministrator.principal }

    package func read<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T {
        try await driver.read(body)
    }

    package func write<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T {
        try await driver.write(body)
    }

    func pushWrite(
        _ body: @escaping @Sendable (any SQLTransaction, _ isolated: Bool) throws -> [ChangeOutcome]
    ) async throws -> [ChangeOutcome] {
        try await driver.pushWrite(body)
    }

    func deviceWrite<T: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) throws -> T) async throws -> T {
        try await driver.deviceWrite(body)
    }

    /// Runs a write; a full disk becomes a clear, retryable refusal, and a value the store
    /// refuses a clear error (the transaction rolled back: nothing of it was applied).
    func refusingWhenFull<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            switch driver.refusal(error) {
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

/// The hub's own changes (admin commands) are authored by this principal.
enum HubAdministrator {
    static let principal = Principal(role: .reviewer, name: "ntm-hub admin")
}
