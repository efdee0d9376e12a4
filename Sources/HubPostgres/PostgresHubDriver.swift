import Crypto
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO
import SyncCore
import Synchronization

/// One commune's hub in a PostgreSQL database that holds many (DESIGN.md §7).
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
package final class PostgresHubDriver: HubDriver {
    package let publicKey: String?
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

        package init() {}
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
        clock: any WallClock = SystemWallClock()
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
        let now = clock.nowMilliseconds()
        // A commune that is there and up to date opens with one read: no lock, no DDL (the
        // province's hub processes open communes as requests come, and many at once).
        let migrations = PostgresSchema.migrations.map(\.identifier)
        let ready: (key: String?, ok: Bool) = try await connections.transaction(schema: nil, readOnly: true) { sql in
            guard try sql.exists("SELECT 1 WHERE to_regclass(\("\(schemaName).ntm_migrations")) IS NOT NULL"),
                try sql.exists("SELECT 1 WHERE to_regclass('public.ntm_communes') IS NOT NULL"),
                try sql.exists("SELECT 1 FROM public.ntm_communes WHERE code = \(code)") || !register
            else { return (nil, false) }
            try sql.execute("SET LOCAL search_path TO \(raw: schemaName)")
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
            try sql.execute("SELECT pg_advisory_xact_lock(7406)")
            // Names are stored byte for byte as typed: a database in another encoding would
            // refuse some of them, or change them.
            let encoding = try sql.fetchText("SELECT current_setting('server_encoding')") ?? "?"
            guard encoding == "UTF8" else {
                throw SyncError.unavailable(
                    "the PostgreSQL database is in \(encoding); the hub needs one created with ENCODING 'UTF8'")
            }
            try sql.execute(SQL(raw: PostgresSchema.registry))
            let registered = try sql.exists("SELECT 1 FROM public.ntm_communes WHERE code = \(code)")
            guard create || registered else {
                throw SyncError.notFound(
                    "commune \(code)", hint: "create it with ntm-hub init --postgres URL --code \(code)")
            }
            let exists = try sql.exists("SELECT 1 FROM pg_namespace WHERE nspname = \(schemaName)")
            // A commune opened to be served is never made anew (empty, with a new key) by
            // a request: its schema must be there.
            guard create || exists else {
                throw SyncError.unavailable("commune \(code) is registered but its schema \(schemaName) is missing")
            }
            if !exists { try sql.execute("CREATE SCHEMA \(raw: schemaName)") }
            try sql.execute("SET LOCAL search_path TO \(raw: schemaName)")
            try sql.execute(SQL(raw: PostgresSchema.dateFunction))
            try sql.execute("CREATE TABLE IF NOT EXISTS ntm_migrations (identifier TEXT PRIMARY KEY)")
            let done = Set(try sql.fetchTexts("SELECT identifier FROM ntm_migrations"))
            for migration in PostgresSchema.migrations where !done.contains(migration.identifier) {
                // One statement at a time (a prepared statement holds one); the migrations
                // end each with ";" and a line break, and hold none inside one.
                for statement in migration.sql.components(separatedBy: ";\n")
                where !statement.allSatisfy(\.isWhitespace) {
                    try sql.execute(SQL(raw: statement.hasSuffix(";") ? String(statement.dropLast()) : statement))
                }
                try sql.execute("INSERT INTO ntm_migrations (identifier) VALUES (\(migration.identifier))")
            }
            if register { try Self.register(sql, code: code, schemaName: schemaName, now: now) }
            try sql.execute(
                "INSERT INTO sync_hub_state (id, hlc, created_at) VALUES (1, 0, \(now)) ON CONFLICT (id) DO NOTHING")
            if try SigningKeys.stored(sql, table: "sync_hub_key") == nil {
                try sql.execute(
                    """
                    INSERT INTO sync_hub_key (id, private_key) VALUES (1, \(SQLValue.blob(Array(Curve25519.Signing.PrivateKey().rawRepresentation))))
                    ON CONFLICT (id) DO UPDATE SET private_key = excluded.private_key
                    """)
            }
            return try Self.publicKey(sql)
        }
    }

    /// Lists the commune in the database's registry: from then on `serve --postgres` serves it.
    static func register(_ sql: any SQLTransaction, code: String, schemaName: String, now: Int64) throws {
        try sql.execute(
            """
            INSERT INTO public.ntm_communes (code, schema_name, created_at) VALUES (\(code), \(schemaName), \(now))
            ON CONFLICT (code) DO NOTHING
            """)
    }

    package func read<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T {
        try await share.withPermit { try await connections.transaction(schema: schemaName, readOnly: true, body) }
    }

    /// The public half of the commune's signing key, as replicas are given it.
    static func publicKey(_ sql: any SQLTransaction) throws -> String? {
        try SigningKeys.stored(sql, table: "sync_hub_key").map { SigningKeys.text($0.publicKey) }
    }

    package func write<T: Sendable>(_ body: @Sendable (any SQLTransaction) throws -> T) async throws -> T {
        try await share.withPermit { try await Self.write(connections, schemaName: schemaName, code: code, body) }
    }

    /// A write transaction of commune `code` with the commune to itself: it takes the
    /// commune's lock exclusive (waiting for the pushes merging, and holding back new ones),
    /// then the state row, so the commune's writers take turns here, in every process.
    /// Without the row there would be no turn to take: refused rather than written without one.
    static func write<T: Sendable>(
        _ connections: PostgresConnections, schemaName: String, code: String,
        _ body: @Sendable (any SQLTransaction) throws -> T
    ) async throws -> T {
        try await connections.transaction(schema: schemaName) { sql in
            try sql.execute("SELECT pg_advisory_xact_lock(\(lockKey(schemaName)))")
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
        _ body: @escaping @Sendable (any SQLTransaction, _ isolated: Bool) throws -> [ChangeOutcome]
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
    package func deviceWrite<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) throws -> T
    ) async throws -> T {
        do {
            return try await writeAlongsideOthers(body).0
        } catch  where Self.isConstraint(error) {
            return try await write(body)
        }
    }

    /// A transaction under the commune's lock taken shared (`SQLTransaction.writesAlongsideOthers`):
    /// its result, and whether its log positions moved.
    private func writeAlongsideOthers<T: Sendable>(
        _ body: @escaping @Sendable (any SQLTransaction) throws -> T
    ) async throws -> (T, moved: Bool) {
        let (connections, schemaName) = (self.connections, self.schemaName)
        return try await share.withPermit {
            try await connections.transaction(schema: schemaName) { sql in
                try sql.execute("SELECT pg_advisory_xact_lock_shared(\(Self.lockKey(schemaName)))")
                guard let postgres = sql as? PostgresTransaction else { return (try body(sql), false) }
                postgres.writesAlongsideOthers = true
                defer { postgres.writesAlongsideOthers = false }
                return (try body(sql), postgres.shift != 0)
            }
        }
    }

    static func isConstraint(_ error: any Error) -> Bool {
        if case .constraint = PostgresTransaction.refusal(error) { return true }
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
        PostgresTransaction.refusal(error)
    }

    /// Nothing to close: the connections are the process's (`PostgresConnections`), shared
    /// by every commune it serves, and closed by whoever opened them.
    package func close() throws {}
}

extension PostgresHubDriver {
    /// `ntm-hub migrate`: moves a commune's SQLite hub into commune `code` of the database,
    /// whole and in one transaction — the log with its positions, every row and its stamps,
    /// idempotency records, conflicts, audit, tokens, devices, attachments' content and the
    /// hub's signing key — so that its replicas carry on against the new address without
    /// re-initialising. Refuses a commune that already holds anything, and a hub file of an
    /// older schema (open it with this build's `ntm-hub` first, which upgrades it).
    package static func migrate(
        from source: Hub, into connections: PostgresConnections, code: String,
        clock: any WallClock = SystemWallClock(), logger: Logger
    ) async throws -> (hub: Hub, rows: Int) {
        guard source.schema.version == ReplicatedSchema.version else {
            throw SyncError.invalidValue(
                table: "hub", column: "schema_version",
                "the hub file is at schema version \(source.schema.version); this build moves version \(ReplicatedSchema.version)"
            )
        }
        // Listed in the registry only by the transaction that copies the file: no hub process
        // serves the commune (nor learns its key) before it holds the file's contents.
        let target = try await PostgresHubDriver(connections: connections, code: code, register: false, clock: clock)
        let tables = PostgresSchema.copiedTables + source.schema.tables.map(\.name)
        // One consistent read of the whole file.
        let contents = try await source.read { sql in
            try tables.map { table in (table, try sql.fetchAll("SELECT * FROM \(identifier: table)")) }
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
            try sql.execute("DELETE FROM sync_hub_key")
            var count = 0
            for (table, rows) in contents {
                guard !rows.isEmpty else { continue }
                // Only the columns the commune's table has, by the names PostgreSQL gives
                // them: a column another tool added to the file is not copied, and no name
                // from the file is ever written into a statement.
                let known = try sql.fetchTexts(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = \(schemaName) AND table_name = \(table)"
                )
                let columns = known.filter { name in rows[0].columns.contains(name) }
                guard !columns.isEmpty else { continue }
                for row in rows {
                    var statement: SQL
                    if table == "sync_hub_state" {
                        statement = "UPDATE sync_hub_state SET "
                        for (index, column) in columns.enumerated() {
                            statement.append("\(raw: index == 0 ? "" : ", ")\(identifier: column) = \(row[column])")
                        }
                        statement.append(" WHERE id = 1")
                    } else {
                        statement = "INSERT INTO \(identifier: table) ("
                        for (index, column) in columns.enumerated() {
                            statement.append("\(raw: index == 0 ? "" : ", ")\(identifier: column)")
                        }
                        statement.append(") VALUES (")
                        for (index, column) in columns.enumerated() {
                            statement.append("\(raw: index == 0 ? "" : ", ")\(row[column])")
                        }
                        statement.append(")")
                    }
                    try sql.execute(statement)
                    count += 1
                }
            }
            // The audit trail's numbering goes on after the copied entries.
            try sql.execute(
                "SELECT setval(pg_get_serial_sequence('sync_audit', 'id'), COALESCE((SELECT MAX(id) FROM sync_audit), 0) + 1, false)"
            )
            try Self.register(sql, code: code, schemaName: schemaName, now: clock.nowMilliseconds())
            return count
        }
        // Opened again: its key is now the file's.
        return (try await Hub(postgres: connections, code: code, create: false, clock: clock, logger: logger), copied)
    }
}

extension Hub {
    /// The hub of commune `code` in the database of `connections` (`PostgresHubDriver.init`).
    package convenience init(
        postgres connections: PostgresConnections, code: String, create: Bool = true, register: Bool = true,
        maxConnections: Int? = nil, configuration: HubConfiguration = HubConfiguration(),
        clock: any WallClock = SystemWallClock(), ids: (any IDGenerator)? = nil, logger: Logger
    ) async throws {
        let driver = try await PostgresHubDriver(
            connections: connections, code: code, create: create, register: register, maxConnections: maxConnections,
            configuration: configuration, clock: clock)
        try self.init(driver: driver, configuration: configuration, clock: clock, ids: ids, logger: logger)
    }

    /// The PostgreSQL commune, when the hub is one.
    package var postgresCommune: PostgresHubDriver? { driver as? PostgresHubDriver }
}
