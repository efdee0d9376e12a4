import Crypto
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO
import SyncCore
import Synchronization

/// Issue 16: one commune's hub in a PostgreSQL database that holds many (DESIGN.md §7).
/// Each commune has a schema of its own (`commune_CODE`), so no statement of one commune can
/// read another's rows. Several hub processes may serve the same commune at once, and
/// their pushes merge in parallel:
///
/// - A push's page takes the commune's lock shared, locks its replica's row and the
///   bookkeeping rows it merges (in one order every page follows), plans and writes its
///   rows, and only then takes the commune's `sync_hub_state` row, held to COMMIT, to give
///   its log entries their positions: one gapless log order, equal to commit order.
/// - Any other write (a resolution, a restore, tokens, a page that needs the commune to
///   itself: `NeedsTheCommune`) takes the commune's lock exclusive and the state row first,
///   exactly as the SQLite hub's one writer has the file to itself.
/// - Two pages that meet on a row wait for one another; a deadlock the server breaks is
///   tried again.
package final class PostgresHubStore: SQLHub, @unchecked Sendable {
    package let clock: any WallClock
    package let ids: any IDGenerator
    package let configuration: HubConfiguration
    package let logger: Logger
    package let schema: SchemaView
    package private(set) var publicKey: String?
    /// The commune's short code, and its schema.
    package let code: String
    let schemaName: String
    let connections: PostgresConnections
    /// The most of `connections` this commune holds at once: in a process serving many
    /// communes, a busy one leaves the others their share.
    let share: RequestGate
    private let tally = Mutex(PageTally())

    /// How this process's push pages were merged.
    package struct PageTally: Sendable, Equatable {
        /// Alongside the commune's other pages.
        package var alongside = 0
        /// Of those, pages whose log positions moved because others committed first.
        package var moved = 0
        /// Again with the commune to itself (a hamlet written, a clamped stamp, a
        /// constraint).
        package var withTheCommune = 0
    }

    package var pages: PageTally { tally.withLock { $0 } }

    /// A commune code: 1 to 32 lowercase letters, digits or `_`, starting with a letter.
    package static func check(code: String) throws(SyncError) {
        let allowed = code.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
        guard (1...32).contains(code.utf8.count), allowed, let first = code.utf8.first, (97...122).contains(first)
        else {
            var rule = "must be 1 to 32 lowercase letters (a-z), digits or _, starting with a letter"
            if let suggestion = suggestion(for: code) { rule += ": \(suggestion), not \(code)" }
            throw .invalidValue(table: "commune", column: "code", rule)
        }
    }

    /// The code a user most likely meant (`tan-lap`, `Tân Lập`, `TanLap` → `tan_lap`,
    /// `tan_lap`, `tanlap`), when one follows the rule; nil otherwise.
    static func suggestion(for code: String) -> String? {
        let folded = code.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
        let mapped = String(folded.map { $0 == "-" || $0 == " " || $0 == "." ? "_" : $0 })
        guard mapped != code, (try? check(code: mapped)) != nil else { return nil }
        return mapped
    }

    /// Opens commune `code` in the database of `connections`, migrating its schema when
    /// behind, and creating it when missing if `create` (else: not found).
    package init(
        connections: PostgresConnections, code: String, create: Bool = true, register: Bool = true,
        maxConnections: Int? = nil, configuration: HubConfiguration = HubConfiguration(),
        clock: any WallClock = SystemWallClock(), ids: (any IDGenerator)? = nil, logger: Logger
    ) async throws {
        try Self.check(code: code)
        guard configuration.schemaVersion == ReplicatedSchema.version else {
            throw SyncError.invalidValue(
                table: "hub", column: "schema_version",
                "a PostgreSQL hub holds schema version \(ReplicatedSchema.version) only")
        }
        self.code = code
        let schemaName = "commune_\(code)"
        self.schemaName = schemaName
        self.connections = connections
        share = RequestGate(permits: min(connections.limit, maxConnections ?? connections.limit))
        self.clock = clock
        self.ids = ids ?? UUIDv7Generator(clock: clock)
        self.configuration = configuration
        self.logger = logger
        self.schema = try SchemaView.at(configuration.schemaVersion)
        let now = clock.nowMilliseconds()
        // A commune that is there and up to date opens with one read: no lock, no DDL (the
        // province's hub processes open communes as requests come, and many at once).
        let migrations = PostgresSchema.migrations.map(\.identifier)
        let ready: (key: String?, ok: Bool) = try await connections.transaction(schema: nil, readOnly: true) { sql in
            guard try sql.exists("SELECT 1 WHERE to_regclass(?) IS NOT NULL", [.text("\(schemaName).ntm_migrations")]),
                try sql.exists("SELECT 1 WHERE to_regclass('public.ntm_communes') IS NOT NULL"),
                try sql.exists("SELECT 1 FROM public.ntm_communes WHERE code = ?", [.text(code)]) || !register
            else { return (nil, false) }
            try sql.execute("SET LOCAL search_path TO \(schemaName)", [])
            let done = Set(try sql.fetchTexts("SELECT identifier FROM ntm_migrations"))
            guard migrations.allSatisfy(done.contains),
                try sql.exists("SELECT 1 FROM sync_hub_state WHERE id = 1"),
                let key = try Self.publicKey(sql)
            else { return (nil, false) }
            return (key, true)
        }
        if ready.ok {
            publicKey = ready.key
            return
        }
        // Otherwise set-up in one transaction under an advisory lock: two processes opening
        // a new commune at once create it once.
        publicKey = try await connections.transaction(schema: nil) { sql in
            try sql.execute("SELECT pg_advisory_xact_lock(7406)", [])
            // Names are stored byte for byte as typed: a database in another encoding would
            // refuse some of them, or change them.
            let encoding = try sql.fetchText("SELECT current_setting('server_encoding')") ?? "?"
            guard encoding == "UTF8" else {
                throw SyncError.unavailable(
                    "the PostgreSQL database is in \(encoding); the hub needs one created with ENCODING 'UTF8'")
            }
            try sql.execute(PostgresSchema.registry, [])
            let registered = try sql.exists("SELECT 1 FROM public.ntm_communes WHERE code = ?", [.text(code)])
            guard create || registered else {
                throw SyncError.notFound(
                    "commune \(code)", hint: "create it with ntm-hub init --postgres URL --code \(code)")
            }
            let exists = try sql.exists("SELECT 1 FROM pg_namespace WHERE nspname = ?", [.text(schemaName)])
            // A commune opened to be served is never made anew (empty, with a new key) by
            // a request: its schema must be there.
            guard create || exists else {
                throw SyncError.unavailable("commune \(code) is registered but its schema \(schemaName) is missing")
            }
            if !exists { try sql.execute("CREATE SCHEMA \(schemaName)", []) }
            try sql.execute("SET LOCAL search_path TO \(schemaName)", [])
            try sql.execute(PostgresSchema.dateFunction, [])
            try sql.execute("CREATE TABLE IF NOT EXISTS ntm_migrations (identifier TEXT PRIMARY KEY)", [])
            let done = Set(try sql.fetchTexts("SELECT identifier FROM ntm_migrations"))
            for migration in PostgresSchema.migrations where !done.contains(migration.identifier) {
                // One statement at a time (a prepared statement holds one); the migrations
                // end each with ";" and a line break, and hold none inside one.
                for statement in migration.sql.components(separatedBy: ";\n")
                where !statement.allSatisfy(\.isWhitespace) {
                    try sql.execute(statement.hasSuffix(";") ? String(statement.dropLast()) : statement, [])
                }
                try sql.execute("INSERT INTO ntm_migrations (identifier) VALUES (?)", [.text(migration.identifier)])
            }
            if register { try Self.register(sql, code: code, schemaName: schemaName, now: now) }
            try sql.execute(
                "INSERT INTO sync_hub_state (id, hlc, created_at) VALUES (1, 0, ?) ON CONFLICT (id) DO NOTHING",
                [.integer(now)])
            if try SigningKeys.stored(sql, table: "sync_hub_key") == nil {
                try sql.execute(
                    """
                    INSERT INTO sync_hub_key (id, private_key) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET private_key = excluded.private_key
                    """, [.blob(Array(Curve25519.Signing.PrivateKey().rawRepresentation))])
            }
            return try Self.publicKey(sql)
        }
    }

    /// Lists the commune in the database's registry: from then on `serve --postgres` serves it.
    static func register(_ sql: any HubSQL, code: String, schemaName: String, now: Int64) throws {
        try sql.execute(
            """
            INSERT INTO public.ntm_communes (code, schema_name, created_at) VALUES (?, ?, ?)
            ON CONFLICT (code) DO NOTHING
            """, [.text(code), .text(schemaName), .integer(now)])
    }

    package func read<T: Sendable>(_ body: @Sendable (any HubSQL) throws -> T) async throws -> T {
        try await share.withPermit { try await connections.transaction(schema: schemaName, readOnly: true, body) }
    }

    /// The public half of the commune's signing key, as replicas are given it.
    static func publicKey(_ sql: any HubSQL) throws -> String? {
        try SigningKeys.stored(sql, table: "sync_hub_key").map { SigningKeys.text($0.publicKey) }
    }

    package func write<T: Sendable>(_ body: @Sendable (any HubSQL) throws -> T) async throws -> T {
        try await share.withPermit { try await Self.write(connections, schemaName: schemaName, code: code, body) }
    }

    /// A write transaction of commune `code` with the commune to itself: it takes the
    /// commune's lock exclusive (waiting for the pushes merging, and holding back new ones),
    /// then the state row, so the commune's writers take turns here, in every process.
    /// Without the row there would be no turn to take: refused rather than written without one.
    static func write<T: Sendable>(
        _ connections: PostgresConnections, schemaName: String, code: String,
        _ body: @Sendable (any HubSQL) throws -> T
    ) async throws -> T {
        try await connections.transaction(schema: schemaName) { sql in
            try sql.execute("SELECT pg_advisory_xact_lock(?)", [.integer(lockKey(schemaName))])
            guard try sql.exists("SELECT id FROM sync_hub_state WHERE id = 1 FOR UPDATE") else {
                throw SyncError.storage("commune \(code) has no sync_hub_state row: its writers cannot take turns")
            }
            return try body(sql)
        }
    }

    /// A push's page, merged alongside the commune's other pages (see the type's comment).
    /// Should it need the commune to itself, or meet a row another page made meanwhile (a
    /// constraint), it runs again as a plain write; should the store refuse a change there,
    /// once more with each change isolated.
    package func pushWrite(
        _ body: @escaping @Sendable (any HubSQL, _ isolated: Bool) throws -> [ChangeOutcome]
    ) async throws -> [ChangeOutcome] {
        let alongside: Result<([ChangeOutcome], moved: Bool), any Error>
        do {
            alongside = .success(try await writeAlongsideOthers { sql in try body(sql, false) })
        } catch {
            alongside = .failure(error)
        }
        switch alongside {
        case .success(let (outcomes, moved)):
            tally.withLock {
                $0.alongside += 1
                if moved { $0.moved += 1 }
            }
            return outcomes
        case .failure(let error):
            guard error is NeedsTheCommune || Self.isConstraint(error) else { throw error }
        }
        tally.withLock { $0.withTheCommune += 1 }
        do {
            return try await write { sql in try body(sql, false) }
        } catch  where Self.isConstraint(error) {
            return try await write { sql in try body(sql, true) }
        }
    }

    /// A device's registration by a pull: alongside the commune's pages, as a push's page
    /// registers its device; should another transaction have made the same device meanwhile
    /// (a constraint), again with the commune to itself.
    package func deviceWrite<T: Sendable>(_ body: @escaping @Sendable (any HubSQL) throws -> T) async throws -> T {
        do {
            return try await writeAlongsideOthers(body).0
        } catch  where Self.isConstraint(error) {
            return try await write(body)
        }
    }

    /// A transaction under the commune's lock taken shared (`HubSQL.writesAlongsideOthers`):
    /// its result, and whether its log positions moved.
    private func writeAlongsideOthers<T: Sendable>(
        _ body: @escaping @Sendable (any HubSQL) throws -> T
    ) async throws -> (T, moved: Bool) {
        let (connections, schemaName) = (self.connections, self.schemaName)
        return try await share.withPermit {
            try await connections.transaction(schema: schemaName) { sql in
                try sql.execute("SELECT pg_advisory_xact_lock_shared(?)", [.integer(Self.lockKey(schemaName))])
                guard let postgres = sql as? PostgresHubSQL else { return (try body(sql), false) }
                postgres.writesAlongsideOthers = true
                defer { postgres.writesAlongsideOthers = false }
                return (try body(sql), postgres.shift != 0)
            }
        }
    }

    static func isConstraint(_ error: any Error) -> Bool {
        if case .constraint = PostgresHubSQL.refusal(error) { return true }
        return false
    }

    /// The commune's advisory lock: a number of its schema's name (FNV-1a), the same in
    /// every process.
    static func lockKey(_ schemaName: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "ntm commune \(schemaName)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    package func refusal(_ error: any Error) -> SQLRefusal? {
        PostgresHubSQL.refusal(error)
    }
}

/// The communes of one database, as `serve --postgres` finds them by the codes in URLs: each
/// opened at its first request, over the process's one pool of connections.
package actor PostgresCommunes: CommuneDirectory {
    private let connections: PostgresConnections
    private let logger: Logger
    private var open: [String: PostgresHubStore] = [:]
    /// Communes being opened: requests for one wait for the same opening.
    private var opening: [String: Task<PostgresHubStore?, any Error>] = [:]
    /// Codes found missing lately, and when: a flood of made-up codes costs one small read
    /// each per `missingFor`, never an opening (a lock and the schema's checks).
    private var missing: [String: ContinuousClock.Instant] = [:]
    static let missingFor: Duration = .seconds(10)
    static let maxMissing = 10_000

    /// The most connections of a process's pool one commune holds at once: half, rounded
    /// up (4 of the default 8), so that one commune's crowd leaves the others room.
    package static func connectionsPerCommune(_ limit: Int) -> Int {
        max(1, (limit + 1) / 2)
    }

    /// The communes reached through `connections`.
    package init(connections: PostgresConnections, logger: Logger) {
        self.connections = connections
        self.logger = logger
    }

    package func store(code: String) async throws -> (any HubStore)? {
        guard (try? PostgresHubStore.check(code: code)) != nil else { return nil }
        if let store = open[code] { return store }
        let now = ContinuousClock.now
        if let since = missing[code], now - since < Self.missingFor { return nil }
        if let task = opening[code] { return try await task.value }
        let (connections, logger) = (self.connections, self.logger)
        let task = Task<PostgresHubStore?, any Error> {
            // A read of the registry first: no lock, no DDL for a code that is not there.
            let listed = try await connections.transaction(schema: nil, readOnly: true) { sql in
                try sql.exists("SELECT 1 WHERE to_regclass('public.ntm_communes') IS NOT NULL")
                    && (try sql.exists("SELECT 1 FROM public.ntm_communes WHERE code = ?", [.text(code)]))
            }
            guard listed else { return nil }
            return try await PostgresHubStore(
                connections: connections, code: code, create: false,
                maxConnections: PostgresCommunes.connectionsPerCommune(connections.limit), logger: logger)
        }
        opening[code] = task
        defer { opening[code] = nil }
        let store: PostgresHubStore?
        do {
            store = try await task.value
        } catch let error as SyncError where error.kind == .notFound {
            store = nil
        }
        guard let store else {
            if missing.count >= Self.maxMissing { missing = missing.filter { now - $0.value < Self.missingFor } }
            if missing.count < Self.maxMissing { missing[code] = now }
            return nil
        }
        missing[code] = nil
        open[code] = store
        return store
    }

    /// Every commune of the database, by code.
    package func codes() async throws -> [String] {
        try await connections.transaction(schema: nil, readOnly: true) { sql in
            guard try sql.exists("SELECT 1 WHERE to_regclass('public.ntm_communes') IS NOT NULL") else { return [] }
            return try sql.fetchTexts("SELECT code FROM public.ntm_communes ORDER BY code")
        }
    }
}

/// The connections of one database, shared by every commune a hub process serves: at most
/// `limit` at once, kept open between transactions. Transactions run on threads that may
/// block (PostgresNIO's answers are waited for there), never on an event loop or on Swift
/// concurrency's pool.
package final class PostgresConnections: @unchecked Sendable {
    let location: PostgresLocation
    let logger: Logger
    let limit: Int
    let threads: NIOThreadPool
    private let lock = NIOLock()
    private var idle: [PostgresConnection] = []
    private var open = 0
    /// Borrowers waiting, first come first served: a connection given back goes to the
    /// first of them (or, nil, leaves it a place to open one), never to one that came later.
    private var waiting: [CheckedContinuation<PostgresConnection?, Never>] = []
    private var nextID = 1

    /// Runs `body` with connections to `location`, closed when it ends, whatever its end.
    package static func using<T>(
        _ location: PostgresLocation, limit: Int, logger: Logger, _ body: (PostgresConnections) async throws -> T
    ) async throws -> T {
        let connections = PostgresConnections(location: location, limit: limit, logger: logger)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(connections))
        } catch {
            outcome = .failure(error)
        }
        try? await connections.close()
        return try outcome.get()
    }

    package init(location: PostgresLocation, limit: Int = 8, logger: Logger) {
        self.location = location
        self.logger = logger
        self.limit = max(1, limit)
        self.threads = NIOThreadPool(numberOfThreads: max(1, limit))
        threads.start()
    }

    /// Runs `body` in one transaction with `schema` first on the search path (nil: the
    /// database's defaults). Commits when `body` returns, rolls back when it throws.
    package func transaction<T: Sendable>(
        schema: String?, readOnly: Bool = false, _ body: @Sendable (any HubSQL) throws -> T
    ) async throws -> T {
        // A connection kept idle may have been ended by the server meanwhile (a restart, an
        // administrator's pg_terminate_backend, an idle timeout): found out at BEGIN, before
        // anything of the transaction was sent, so the same transaction is tried on the next
        // connection, or on a new one.
        // A transaction the server ended to break a deadlock (40P01) or a serialization
        // failure (40001) kept nothing: it is tried again, after a pause that grows.
        var attempts = 0
        var broken = 1
        while true {
            do {
                return try await transactionOnce(schema: schema, readOnly: readOnly, body)
            } catch is StaleConnection where attempts < limit {
                attempts += 1
            } catch let stale as StaleConnection {
                throw stale.cause
            } catch let error as PostgresStatementError where Self.isDeadlock(error) {
                guard broken < Self.deadlockAttempts else {
                    throw SyncError.unavailable(
                        "the hub's database is busy; nothing of this write was applied: try again in a moment",
                        retryAfterSeconds: 1)
                }
                broken += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...50) * broken))
            }
        }
    }

    private func transactionOnce<T: Sendable>(
        schema: String?, readOnly: Bool, _ body: @Sendable (any HubSQL) throws -> T
    ) async throws -> T {
        let connection = try await borrow()
        let logger = self.logger
        do {
            let result = try await withoutActuallyEscaping(body) { body in
                // The pool's thread takes the closure out of the slot and lets it go before
                // answering, so nothing holds it once this returns (withoutActuallyEscaping
                // checks).
                let slot = ClosureSlot<T>(body)
                return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                    threads.submit { state in
                        guard case .active = state else {
                            slot.clear()
                            continuation.resume(throwing: SyncError.unavailable("the hub is shutting down"))
                            return
                        }
                        let outcome = slot.run { (work: (any HubSQL) throws -> T) throws -> T in
                            let sql = PostgresHubSQL(connection: connection, logger: logger)
                            do {
                                try sql.begin(readOnly: readOnly)
                            } catch {
                                if connection.isClosed || error is PostgresConnectionLost
                                    || (error as? PostgresStatementError)?.sqlState == nil
                                {
                                    throw StaleConnection(cause: error)
                                }
                                throw error
                            }
                            do {
                                // A stalled peer or a lost statement ends as a retryable
                                // refusal rather than holding a thread and a connection.
                                try sql.execute("SET LOCAL lock_timeout = '10s'", [])
                                try sql.execute("SET LOCAL statement_timeout = '60s'", [])
                                if let schema { try sql.execute("SET LOCAL search_path TO \(schema)", []) }
                                let result = try work(sql)
                                try sql.commit()
                                return result
                            } catch {
                                do {
                                    try sql.rollback()
                                } catch {
                                    throw BrokenConnection(cause: error)
                                }
                                throw error
                            }
                        }
                        continuation.resume(with: outcome)
                    }
                }
            }
            giveBack(connection)
            return result
        } catch {
            // A connection that failed under us (no answer from the server, or a rollback
            // that did not happen) may be broken or still inside the transaction: closed,
            // and a new one made next time. Any other error leaves it as good as new.
            let broken =
                connection.isClosed || error is BrokenConnection || error is PostgresConnectionLost
                || error is StaleConnection
                || (error is PostgresStatementError && (error as? PostgresStatementError)?.sqlState == nil)
            if broken {
                try? await connection.close()
                giveBack(nil)
            } else {
                giveBack(connection)
            }
            if error is StaleConnection { throw error }
            let cause = (error as? BrokenConnection)?.cause ?? error
            if !broken, let statement = cause as? PostgresStatementError, Self.isDeadlock(statement) { throw statement }
            // A read as much as a write: the database went away under the request (a restart,
            // a crash, a lost link) or is busy; a retryable 503, never a server error.
            if broken || PostgresHubSQL.refusal(cause) == .busy, !(cause is SyncError) {
                throw SyncError.unavailable(
                    "the hub's database is busy or was lost during the request; nothing of it was applied: try again in a moment",
                    retryAfterSeconds: 1)
            }
            throw cause
        }
    }

    /// The most times a transaction is run when the server keeps ending it in a deadlock.
    static let deadlockAttempts = 5

    static func isDeadlock(_ error: PostgresStatementError) -> Bool {
        error.sqlState == "40P01" || error.sqlState == "40001"
    }

    /// An open connection, waiting when `limit` are in use. Waiters are served in the order
    /// they came: a borrower arriving while others wait queues behind them, so no busy
    /// commune can keep a request of another waiting without end.
    private func borrow() async throws -> PostgresConnection {
        enum Next { case use(PostgresConnection), make(Int), wait }
        var next: Next = lock.withLock {
            guard waiting.isEmpty else { return .wait }
            if let connection = idle.popLast() { return .use(connection) }
            if open < limit {
                open += 1
                nextID += 1
                return .make(nextID)
            }
            return .wait
        }
        while true {
            switch next {
            case .use(let connection):
                if !connection.isClosed { return connection }
                // Closed while idle (the server ended it): its place is used to open another.
                next = lock.withLock {
                    nextID += 1
                    return .make(nextID)
                }
            case .make(let id):
                do {
                    return try await PostgresConnection.connect(
                        configuration: try location.configuration(), id: id, logger: logger)
                } catch {
                    giveBack(nil)
                    // The details (host, user, the server's words) go to the log, not to
                    // whoever sent the request.
                    logger.error(
                        "cannot reach the PostgreSQL database",
                        metadata: ["db": "\(location.shown)", "error": "\(String(reflecting: error))"])
                    throw SyncError.unavailable(
                        "the hub's database cannot be reached; try again later", retryAfterSeconds: 5)
                }
            case .wait:
                // Looked at again under the lock: a connection given back since, with no one
                // ahead, is taken at once (nil: a place to open one).
                let handed: PostgresConnection? = await withCheckedContinuation { continuation in
                    let now: PostgresConnection?? = lock.withLock {
                        if waiting.isEmpty {
                            if let connection = idle.popLast() { return .some(connection) }
                            if open < limit {
                                open += 1
                                return .some(nil)
                            }
                        }
                        waiting.append(continuation)
                        return .none
                    }
                    if let now { continuation.resume(returning: now) }
                }
                if let handed {
                    next = .use(handed)
                } else {
                    next = lock.withLock {
                        nextID += 1
                        return .make(nextID)
                    }
                }
            }
        }
    }

    /// Returns a connection (nil: it was closed, and its place is free): to the first
    /// waiter if there is one, else to the idle ones.
    private func giveBack(_ connection: PostgresConnection?) {
        let waiter: CheckedContinuation<PostgresConnection?, Never>? = lock.withLock {
            if !waiting.isEmpty { return waiting.removeFirst() }
            if let connection { idle.append(connection) } else { open -= 1 }
            return nil
        }
        waiter?.resume(returning: connection)
    }

    /// Closes every connection and stops the threads.
    package func close() async throws {
        let all = lock.withLock { () -> [PostgresConnection] in
            defer { idle.removeAll() }
            return idle
        }
        for connection in all { try? await connection.close() }
        try await threads.shutdownGracefully()
    }
}

/// A failure after which the connection cannot be trusted (its rollback failed).
private struct BrokenConnection: Error {
    let cause: any Error
}

/// A connection found closed at BEGIN: nothing of the transaction reached the server.
private struct StaleConnection: Error {
    let cause: any Error
}

/// A transaction's body handed to a thread of the pool. `run` takes it out and lets it go
/// before returning; the caller waits for that thread, so nothing runs concurrently with it.
private final class ClosureSlot<T>: @unchecked Sendable {
    private var body: ((any HubSQL) throws -> T)?

    init(_ body: @escaping (any HubSQL) throws -> T) { self.body = body }

    func clear() { body = nil }

    func run(_ perform: ((any HubSQL) throws -> T) throws -> T) -> Result<T, any Error> {
        guard let body else { return .failure(SyncError.storage("a transaction ran twice")) }
        self.body = nil
        return Result { try perform(body) }
    }
}

extension PostgresHubStore {
    /// `ntm-hub migrate`: moves a commune's SQLite hub into commune `code` of the database,
    /// whole and in one transaction — the log with its positions, every row and its stamps,
    /// idempotency records, conflicts, audit, tokens, devices, attachments' content and the
    /// hub's signing key — so that its replicas carry on against the new address without
    /// re-initialising. Refuses a commune that already holds anything, and a hub file of an
    /// older schema (open it with this build's `ntm-hub` first, which upgrades it).
    package static func migrate(
        from source: SQLiteHubStore, into connections: PostgresConnections, code: String,
        clock: any WallClock = SystemWallClock(), logger: Logger
    ) async throws -> (store: PostgresHubStore, rows: Int) {
        guard source.schema.version == ReplicatedSchema.version else {
            throw SyncError.invalidValue(
                table: "hub", column: "schema_version",
                "the hub file is at schema version \(source.schema.version); this build moves version \(ReplicatedSchema.version)"
            )
        }
        // Listed in the registry only by the transaction that copies the file: no hub process
        // serves the commune (nor learns its key) before it holds the file's contents.
        let target = try await PostgresHubStore(
            connections: connections, code: code, register: false, clock: clock, logger: logger)
        let tables = PostgresSchema.copiedTables + source.schema.tables.map(\.name)
        // One consistent read of the whole file.
        let contents = try await source.read { sql in
            try tables.map { table in (table, try sql.fetchAll("SELECT * FROM \"\(table)\"", [])) }
        }
        let schemaName = target.schemaName
        let copied = try await target.write { sql in
            let held = try sql.fetchInt64("SELECT COUNT(*) FROM sync_log") ?? 0
            let tokens = try sql.fetchInt64("SELECT COUNT(*) FROM sync_tokens") ?? 0
            guard held == 0, tokens == 0 else {
                throw SyncError.conflict(
                    "commune \(code) already holds \(held) log entries and \(tokens) tokens: a hub moves into an empty commune"
                )
            }
            // The new commune's key gives way to the file's; its clock row stays (it is the
            // writers' lock) and takes the file's values below.
            try sql.execute("DELETE FROM sync_hub_key", [])
            var count = 0
            for (table, rows) in contents {
                guard !rows.isEmpty else { continue }
                // Only the columns the commune's table has, by the names PostgreSQL gives
                // them: a column another tool added to the file is not copied, and no name
                // from the file is ever written into a statement.
                let known = try sql.fetchTexts(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
                    [.text(schemaName), .text(table)])
                let columns = known.filter { name in rows[0].columns.contains(name) }
                guard !columns.isEmpty else { continue }
                let quoted = columns.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                let statement: String
                if table == "sync_hub_state" {
                    statement =
                        "UPDATE sync_hub_state SET " + quoted.map { "\($0) = ?" }.joined(separator: ", ")
                        + " WHERE id = 1"
                } else {
                    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                    statement = "INSERT INTO \"\(table)\" (\(quoted.joined(separator: ", "))) VALUES (\(marks))"
                }
                for row in rows {
                    try sql.execute(statement, columns.map { row[$0] })
                    count += 1
                }
            }
            // The audit trail's numbering goes on after the copied entries.
            try sql.execute(
                "SELECT setval(pg_get_serial_sequence('sync_audit', 'id'), COALESCE((SELECT MAX(id) FROM sync_audit), 0) + 1, false)",
                [])
            try Self.register(sql, code: code, schemaName: schemaName, now: clock.nowMilliseconds())
            return count
        }
        // The key is now the file's.
        target.publicKey = try await target.read { sql in try Self.publicKey(sql) }
        return (target, copied)
    }
}
