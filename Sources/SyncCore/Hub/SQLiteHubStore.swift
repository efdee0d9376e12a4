import Foundation
import GRDB
import Logging

/// The hub on one SQLite file: replicated tables, the ordered log, per-field versions,
/// idempotency records, conflicts and the audit trail, all changed in one transaction per
/// push or resolution.
package final class SQLiteHubStore: SQLHub {
    let writer: DatabasePool
    package let clock: any WallClock
    package let ids: any IDGenerator
    package let configuration: HubConfiguration
    package let logger: Logger
    /// The schema version of the hub's tables, and the tables as it has them.
    package let schema: SchemaView
    /// The hub's public signing key (`SigningKeys`), made with the file; nil in a file of
    /// an older hub schema (tests of an older fleet).
    package let publicKey: String?
    /// Concurrent pushes, committed in groups.
    let pushes: GroupCommit<[ChangeOutcome]>

    /// Opens (creating if missing) the hub file at `path` and migrates it.
    package init(
        path: String, configuration: HubConfiguration = HubConfiguration(), clock: any WallClock = SystemWallClock(),
        ids: (any IDGenerator)? = nil, logger: Logger
    ) throws {
        try PrivateFile.prepare(path)
        self.writer = try DatabasePool.syncEngine(path: path, maxPageCount: configuration.maxPageCount)
        self.pushes = GroupCommit(writer: writer)
        self.clock = clock
        self.ids = ids ?? UUIDv7Generator(clock: clock)
        self.configuration = configuration
        self.logger = logger
        self.schema = try SchemaView.at(configuration.schemaVersion)
        do {
            try MigrationHistory.hub.migrate(writer, path: path, to: configuration.schemaVersion)
        } catch {
            try? writer.close()
            throw error
        }
        let now = clock.nowMilliseconds()
        try writer.write { db in
            try db.execute(
                cached: "INSERT OR IGNORE INTO sync_hub_state (id, hlc, created_at) VALUES (1, 0, ?)", arguments: [now])
        }
        try SigningKeys.ensure(writer, table: "sync_hub_key")
        publicKey = try writer.read { db in
            try SigningKeys.stored(db, table: "sync_hub_key").map { SigningKeys.text($0.publicKey) }
        }
    }

    /// Runs `body` in a read transaction of the hub file, through the hub's SQL.
    package func read<T: Sendable>(_ body: @Sendable (any HubSQL) throws -> T) async throws -> T {
        try await writer.read { db in try body(SQLiteHubSQL(db)) }
    }

    /// Runs `body` in a write transaction of the hub file, through the hub's SQL.
    package func write<T: Sendable>(_ body: @Sendable (any HubSQL) throws -> T) async throws -> T {
        try await writer.write { db in try body(SQLiteHubSQL(db)) }
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict (`ok` when sound).
    package func integrityCheck() throws -> String {
        try writer.read { db in try DatabaseIntegrity.check(db) }
    }

    /// Pushes arriving together are committed together (`GroupCommit`).
    package func pushWrite(
        _ body: @escaping @Sendable (any HubSQL, _ isolated: Bool) throws -> [ChangeOutcome]
    ) async throws -> [ChangeOutcome] {
        try await pushes.write(body)
    }

    package func refusal(_ error: any Error) -> SQLRefusal? {
        SQLiteHubSQL.refusal(error)
    }
}

extension SQLHub {

    package func push(_ request: PushRequest, from principal: Principal) async throws -> PushResponse {
        try request.check(maxChanges: configuration.maxPushChanges, hubSchema: schema.version)
        // Each change's JSON text, for its digest and its size: read before taking the
        // write lock.
        let texts = try request.changes.map { change throws(SyncError) in try JSONText.encode(change) }
        let now = clock.nowMilliseconds()
        let (ids, skew, schema) = (self.ids, configuration.maxFutureSkewMilliseconds, self.schema)
        let senderSchema = try SchemaView.at(request.schemaVersion)
        // Each change is merged plainly; should the file refuse a write the validation let
        // through (a CHECK or trigger it did not foresee), the push runs again with every
        // change in its own savepoint, so that only the refused change is rejected. The
        // savepoints cost about a fifth of the merge time: they are kept for that rare case.
        // Pushes arriving together are committed together (`GroupCommit`).
        let outcomes = try await refusingWhenFull {
            try await pushWrite { sql, isolated in
                var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
                // The page merges as a set: what it needs read at once, its writes sent at
                // the end. Run again change by change (`isolated`), each change writes as it
                // goes, inside its own savepoint.
                if !isolated { transaction.page = PageWrites() }
                var replica = try transaction.register(
                    replicaID: request.replicaID, principal: principal, clientTime: request.clientTime)
                if let first = request.changes.first, first.seq - 1 > replica.lastSeq {
                    throw SyncError.sequenceGap(
                        replica: request.replicaID, expected: replica.lastSeq + 1, got: first.seq)
                }
                // A change acknowledged to this replica that the hub now holds otherwise: the
                // hub was restored, and a copy of the replica filled the number since.
                if let mark = request.acknowledged,
                    try !Self.holds(sql, mark, of: request.replicaID)
                {
                    throw SyncError.acknowledgedLost(seq: mark.seq)
                }
                let author = ChangeAuthor(replicaID: request.replicaID, name: principal.name)
                if !isolated {
                    let fresh = request.changes.filter { $0.seq > replica.lastSeq }
                    // Whether a hamlet exists is read by other pages as they merge: a page
                    // that writes one has the commune to itself.
                    if fresh.contains(where: { $0.table == "hamlets" }) {
                        try transaction.needsTheCommune("the page writes a hamlet")
                    }
                    try transaction.prefetch(fresh)
                }
                var outcomes: [ChangeOutcome] = []
                // A change id received before with other content (a copied replica file):
                // that change and every later one of the page are left to the replica, which
                // takes a new identity and sends them again under it.
                var reused: Int64?
                // Which outcomes this page made (their positions land at its end).
                var made = IndexSet()
                for (change, text) in zip(request.changes, texts) {
                    if let reused {
                        outcomes.append(try transaction.reusedID(change, first: reused))
                        continue
                    }
                    let digest = JSONText.fnv1a(text)  // = JSONText.digest(change), as `Change.receivedDigest`
                    if change.seq <= replica.lastSeq {
                        if let outcome = try transaction.received(change, replicaID: request.replicaID, digest: digest)
                        {
                            outcomes.append(outcome)
                        } else {
                            reused = change.seq
                            outcomes.append(try transaction.reusedID(change, first: change.seq))
                        }
                        continue
                    }
                    let outcome: ChangeOutcome
                    if let problem = change.problem(encodedBytes: text.utf8.count) {
                        outcome = try transaction.rejection(change, problem)
                    } else if isolated {
                        outcome = try transaction.mergeIsolated(
                            change, from: author, principal: principal, maxFutureSkew: skew, senderSchema: senderSchema)
                    } else {
                        outcome = try transaction.merge(
                            change, from: author, principal: principal, maxFutureSkew: skew, senderSchema: senderSchema)
                    }
                    try transaction.write(
                        "INSERT INTO sync_received (replica_id, seq, digest, outcome) VALUES (?, ?, ?, ?)"
                    ) { positions in
                        [
                            .text(request.replicaID), .integer(change.seq), .text(digest),
                            .text(try JSONText.encode(positions(outcome))),
                        ]
                    }
                    made.insert(outcomes.count)
                    replica.lastSeq = change.seq
                    if outcome.clamped {
                        // Saturating: the count as stored may be anything.
                        let (count, overflow) = replica.clampedChanges.addingReportingOverflow(1)
                        replica.clampedChanges = overflow ? .max : count
                    }
                    outcomes.append(outcome)
                }
                try transaction.save(replica)
                try transaction.finish()
                let positions = transaction.positions
                for index in made { outcomes[index] = positions(outcomes[index]) }
                return outcomes
            }
        }
        logger.debug(
            "push",
            metadata: [
                "sync.replica": "\(request.replicaID)", "sync.changes_in": "\(request.changes.count)",
                "sync.rejected": "\(outcomes.filter { $0.status == .rejected }.count)",
                "sync.conflicts": "\(outcomes.reduce(0) { $0 + $1.conflicts.count })",
            ])
        return PushResponse(hubTime: now, outcomes: outcomes)
    }

    package func pull(_ request: PullRequest, for principal: Principal) async throws -> PullResponse {
        try request.check(hubSchema: schema.version)
        let limit = min(request.limit, configuration.maxPullEntries)
        let now = clock.nowMilliseconds()
        let ids = self.ids
        // The replica's bookkeeping (first contact, last seen, drift) costs a durable write;
        // a pull makes it only when it changes something: a new replica, or one last seen
        // over a minute ago. Pushes always make it.
        let devices = schema.version >= 2
        let current = try await read { sql in
            try sql.fetchOne("SELECT * FROM sync_replicas WHERE replica_id = ?", [.text(request.replicaID)]).map {
                row -> Bool in
                let lastSeen = try row.optionalInt64("last_seen_at") ?? 0
                guard try row.text("role") == principal.roleName,
                    try row.optionalText("hamlet_id") == principal.hamletID,
                    try principal.tokenID == nil || row.optionalText("token_id") == principal.tokenID,
                    Milliseconds.difference(now, lastSeen) < Self.lastSeenResolution
                else { return false }
                guard devices else { return true }
                // What the device says of itself changed: noted now.
                return try (request.pending == nil || row.optionalInt64("pending") == request.pending)
                    && (request.appVersion == nil || row.optionalText("app_version") == request.appVersion)
                    && (request.deviceKey == nil || row.optionalText("device_key") == request.deviceKey)
            } ?? false
        }
        if !current {
            try await deviceWrite { sql in
                let transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
                try transaction.save(
                    try transaction.register(
                        replicaID: request.replicaID, principal: principal, clientTime: request.clientTime))
                if devices {
                    try sql.execute(
                        """
                        UPDATE sync_replicas SET app_version = COALESCE(?, app_version), pending = COALESCE(?, pending),
                          device_key = COALESCE(?, device_key)
                        WHERE replica_id = ?
                        """,
                        [
                            SQLValue(request.appVersion), SQLValue(request.pending), SQLValue(request.deviceKey),
                            .text(request.replicaID),
                        ])
                }
            }
        }
        let page = try await read { [publicKey] sql in
            let head = try sql.fetchInt64("SELECT MAX(seq) FROM sync_log") ?? 0
            guard request.after <= head else { throw SyncError.cursorAhead(cursor: request.after, head: head) }
            // A hub restored from an older copy may have logged other entries since, past the
            // replica's cursor: the mark of the entry there tells.
            if request.after > 0, let mark = request.afterMark, try Self.mark(sql, at: request.after) != mark {
                throw SyncError.hubRestored(position: request.after)
            }
            // A head reads its hamlet's entries and the commune's (no hamlet), merged in log
            // order from two ordered walks of the scope index: the page costs its own size
            // however long the log. (`hamlet_id = ? OR hamlet_id IS NULL` in one WHERE made
            // SQLite collect and sort every entry after the cursor, for every page.)
            let arguments: [SQLValue] =
                principal.hamletID.map {
                    [.text($0), .integer(request.after), .integer(request.after), SQLValue(limit + 1)]
                }
                ?? [.integer(request.after), SQLValue(limit + 1)]
            // A page ends at `limit` entries or at `maxPullPageBytes` of entry data,
            // whichever comes first (a page always holds at least one entry), so that it
            // fits what every client accepts however large the rows.
            let rows = try sql.fetchAll(
                Self.pullSQL(scoped: principal.hamletID != nil, dialect: sql.dialect), arguments)
            var entries: [LogEntry] = []
            var bytes = 0
            var hasMore = false
            for row in rows {
                let size = Self.entryOverheadBytes + (try row.text("data").utf8.count)
                if entries.count == limit || (!entries.isEmpty && bytes + size > PlausibleValues.maxPullPageBytes) {
                    hasMore = true
                    break
                }
                bytes += size
                entries.append(try LogEntry(logRow: row))
            }
            let cursor = hasMore ? entries.last?.seq ?? request.after : head
            let cursorMark =
                try entries.last.flatMap { $0.seq == cursor ? LogMark.of($0) : nil } ?? Self.mark(sql, at: cursor)
            // A replica at an earlier schema version gets only what its version knows.
            let view = try SchemaView.at(request.schemaVersion)
            if view.version < ReplicatedSchema.version || request.addedAfterSchema != nil {
                entries = entries.compactMap { $0.projected(to: view, addedAfter: request.addedAfterSchema) }
            }
            var response = PullResponse(
                hubTime: now, entries: entries, cursor: cursor, hasMore: hasMore, cursorMark: cursorMark)
            response.hubKey = publicKey
            // What the hub holds of this replica's changes: a replica whose acknowledged
            // changes go further knows the hub was restored from an older copy.
            // A change it acknowledged and holds with other content counts as not held.
            func held(_ id: String, lastSeq: Int64) throws -> Int64 {
                guard let mark = request.acknowledged?[id], mark.seq <= lastSeq else { return lastSeq }
                return try Self.holds(sql, mark, of: id) ? lastSeq : mark.seq - 1
            }
            response.receivedSeq = try held(
                request.replicaID,
                lastSeq: try sql.fetchInt64(
                    "SELECT last_seq FROM sync_replicas WHERE replica_id = ?", [.text(request.replicaID)])
                    ?? 0)
            if let formers = request.formerReplicaIDs, !formers.isEmpty {
                var received: [String: Int64] = [:]
                for id in formers {
                    // Only ids of the same role and hamlet: nothing about other hamlets' devices.
                    let row = try sql.fetchOne(
                        "SELECT role, hamlet_id, last_seq FROM sync_replicas WHERE replica_id = ?", [.text(id)])
                    if let row {
                        if try row.text("role") == principal.roleName,
                            try row.optionalText("hamlet_id") == principal.hamletID
                        {
                            received[id] = try held(id, lastSeq: try row.int64("last_seq"))
                        }
                    } else {
                        received[id] = 0
                    }
                }
                response.formerReceived = received
            }
            return response
        }
        logger.debug(
            "pull",
            metadata: ["sync.replica": "\(request.replicaID)", "sync.changes_out": "\(page.entries.count)"])
        return page
    }

    package func restore(_ request: RestoreRequest, from principal: Principal) async throws -> RestoreResponse {
        try request.check(hubSchema: schema.version)
        let (now, ids, skew) = (clock.nowMilliseconds(), self.ids, configuration.maxFutureSkewMilliseconds)
        let answer = try await refusingWhenFull {
            try await write { sql in
                var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
                try transaction.save(
                    try transaction.register(
                        replicaID: request.replicaID, principal: principal, clientTime: request.clientTime))
                var answer = RestoreResponse(hubTime: now)
                for row in request.rows {
                    // Each row in a savepoint: one the file refuses is lost, the others go on.
                    var part = RestoreResponse(hubTime: now)
                    do {
                        part = try sql.inSavepoint {
                            try transaction.restore(row, kept: request.kept, principal: principal, maxFutureSkew: skew)
                        }
                    } catch {
                        guard case .constraint = sql.refusal(error) else { throw error }
                        transaction.forgetHead()
                        part = RestoreResponse(hubTime: now, lost: row.fields.count)
                    }
                    answer.applied += part.applied
                    answer.unchanged += part.unchanged
                    answer.lost += part.lost
                }
                // Conflict records: a reviewer's take back what the hub lost. Any copy the hub
                // holds otherwise is published again as the hub holds it (the caller pulled
                // a state of the lost log), and a head's copy of one the hub lost is named, so
                // that the head forgets it.
                for record in request.conflicts ?? [] {
                    if let own = principal.hamletID, record.hamletID != own { continue }
                    if principal.isReviewer, try transaction.restore(record, from: request.replicaID) {
                        answer.applied += 1
                    } else if let held = try transaction.conflict(record.id) {
                        if held != record { _ = try transaction.republish(held) }
                    } else {
                        answer.unknownConflicts = (answer.unknownConflicts ?? []) + [record.id]
                    }
                }
                try transaction.finish()
                return answer
            }
        }
        logger.info(
            "restore",
            metadata: [
                "sync.replica": "\(request.replicaID)", "sync.rows": "\(request.rows.count)",
                "sync.applied": "\(answer.applied)", "sync.lost": "\(answer.lost)",
            ])
        return answer
    }

    package func conflicts(status: ConflictRecord.Status?, for principal: Principal) async throws -> [ConflictRecord] {
        try await read { sql in
            var query = "SELECT record FROM sync_conflicts WHERE 1 = 1"
            var arguments: [SQLValue] = []
            if let status {
                query += " AND status = ?"
                arguments.append(.text(status.rawValue))
            }
            if let hamletID = principal.hamletID {
                query += " AND hamlet_id = ?"
                arguments.append(.text(hamletID))
            }
            return try sql.fetchTexts(query + " ORDER BY id", arguments).map {
                text throws(SyncError) in try JSONText.foundationDecode(ConflictRecord.self, from: text)
            }
        }
    }

    package func conflict(id: String, for principal: Principal) async throws -> ConflictRecord {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        let record = try await read { sql in
            try HubTransaction(sql: sql, now: now, ids: ids, schema: schema).conflict(id)
        }
        guard let record, principal.hamletID == nil || record.hamletID == principal.hamletID else {
            throw SyncError.notFound("conflict \(id)")
        }
        return record
    }

    package func resolve(
        conflictID: String, choice: ConflictChoice, note: String?, by principal: Principal
    ) async throws -> ConflictRecord {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        let record = try await refusingWhenFull {
            try await write { sql in
                var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
                let record = try transaction.resolve(conflictID, choice: choice, note: note, reviewer: principal)
                try transaction.finish()
                return record
            }
        }
        logger.debug("resolve", metadata: ["sync.conflict": "\(conflictID)", "sync.choice": "\(choice.name)"])
        return record
    }

    package func rows(table name: String, for principal: Principal) async throws -> [SyncRow] {
        let table = try schema.table(name)
        return try await read { sql in try table.fetchRows(sql, hamletID: principal.hamletID) }
    }

    package func audit(table: String, rowID: String) async throws -> [AuditEntry] {
        try await read { sql in
            try sql.fetchTexts(
                "SELECT entry FROM sync_audit WHERE tbl = ? AND row_id = ? ORDER BY id", [.text(table), .text(rowID)]
            ).map { text throws(SyncError) in try JSONText.foundationDecode(AuditEntry.self, from: text) }
        }
    }

    package func replicas() async throws -> [ReplicaInfo] {
        try await read { sql in
            try sql.fetchAll("SELECT * FROM sync_replicas ORDER BY replica_id", []).map { row in
                ReplicaInfo(
                    replicaID: try row.text("replica_id"), author: try row.text("author"),
                    hamletID: try row.optionalText("hamlet_id"), lastSeq: try row.int64("last_seq"),
                    lastSeenAt: try row.int64("last_seen_at"), driftMilliseconds: try row.int64("drift_ms"),
                    clampedChanges: try row.int64("clamped_changes"))
            }
        }
    }
}

extension SQLHub {
    /// Whether the hub holds, under `mark`'s number of replica `replicaID`, the change the
    /// mark names (by the digest stored when it was received).
    static func holds(_ sql: any HubSQL, _ mark: AcknowledgedMark, of replicaID: String) throws -> Bool {
        try sql.fetchText(
            "SELECT digest FROM sync_received WHERE replica_id = ? AND seq = ?", [.text(replicaID), .integer(mark.seq)])
            == mark.digest
    }
}

extension SQLHub {
    static var logColumns: String {
        "seq, kind, tbl, row_id, hamlet_id, data, hlc, replica_id, author, logged_at, origin_seq"
    }

    /// A page of the log after a cursor: every entry (a reviewer), or one hamlet's and the
    /// commune's (a head).
    static func pullSQL(scoped: Bool, dialect: SQLDialect = .sqlite) -> String {
        guard scoped else { return "SELECT \(logColumns) FROM sync_log WHERE seq > ? ORDER BY seq LIMIT ?" }
        // SQLite is told which index to walk; PostgreSQL's planner has statistics of its own.
        let index = dialect == .sqlite ? " INDEXED BY sync_log_scope" : ""
        return """
            SELECT \(logColumns) FROM sync_log\(index) WHERE hamlet_id = ? AND seq > ?
            UNION ALL
            SELECT \(logColumns) FROM sync_log\(index) WHERE hamlet_id IS NULL AND seq > ?
            ORDER BY seq LIMIT ?
            """
    }

    /// The mark of the log entry at `seq` (nil: none there).
    static func mark(_ sql: any HubSQL, at seq: Int64) throws -> String? {
        guard seq > 0 else { return nil }
        return try sql.fetchOne(
            "SELECT hlc, replica_id, logged_at, tbl, row_id FROM sync_log WHERE seq = ?", [.integer(seq)]
        ).map { row in
            LogMark.of(
                seq: seq, hlc: try row.int64("hlc"), replicaID: try row.text("replica_id"),
                loggedAt: try row.int64("logged_at"), table: try row.text("tbl"), rowID: try row.text("row_id"))
        }
    }

    /// What a log entry adds to a page beyond its data, at most: its ids, names and numbers.
    static var entryOverheadBytes: Int { 1_024 }

    /// How stale a replica's `last_seen_at` may get before a pull refreshes it: one minute.
    static var lastSeenResolution: Int64 { 60_000 }

}

extension HubTransaction {
    /// The most new replica ids one token registers in `replicaWindowMilliseconds`.
    static let maxNewReplicasPerToken: Int64 = 24
    /// 24 hours.
    static let replicaWindowMilliseconds: Int64 = 24 * 3_600 * 1_000

    /// The replica's bookkeeping, registering it on first contact; refuses a replica id
    /// already bound to another principal or token. Records its clock drift. The caller
    /// has checked the id (`PushRequest.check`, `PullRequest.check`).
    func register(replicaID: String, principal: Principal, clientTime: Int64) throws -> ReplicaInfo {
        // The device's clock may be anything: the drift saturates rather than overflows.
        let drift = Milliseconds.difference(clientTime, now)
        // Merging alongside others, the replica's row is locked: its pages take turns.
        let lock = alongsideOthers ? " FOR UPDATE" : ""
        if let row = try sql.fetchOne("SELECT * FROM sync_replicas WHERE replica_id = ?\(lock)", [.text(replicaID)]) {
            let role = try row.text("role")
            let hamletID = try row.optionalText("hamlet_id")
            guard role == (principal.roleName), hamletID == principal.hamletID else {
                throw SyncError.forbidden("replica \(replicaID) belongs to another hamlet or role")
            }
            // One identity per device: the token that first used the id owns it.
            let owner = try row.optionalText("token_id")
            if let tokenID = principal.tokenID {
                if let owner, owner != tokenID {
                    throw SyncError.forbidden(
                        "replica_id: replica \(replicaID) belongs to another device's token; each device syncs with the token it was set up with"
                    )
                }
                if owner == nil {
                    try sql.execute(
                        "UPDATE sync_replicas SET token_id = ? WHERE replica_id = ?",
                        [.text(tokenID), .text(replicaID)])
                }
            }
            return ReplicaInfo(
                replicaID: replicaID, author: principal.name, hamletID: hamletID, lastSeq: try row.int64("last_seq"),
                lastSeenAt: now, driftMilliseconds: drift, clampedChanges: try row.int64("clamped_changes"))
        }
        // A new device id: a token makes at most so many a day (a head sets up a phone or a
        // laptop now and then), so that no token can fill the hub with made-up devices.
        if let tokenID = principal.tokenID {
            // Merging alongside others, a token's new devices are counted one at a time (a
            // lock of the token's own), so that no two pages both take the last one.
            if alongsideOthers {
                try sql.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ' token ' || ?, 0))",
                    [.text(tokenID)])
            }
            let made =
                try sql.fetchInt64(
                    "SELECT COUNT(*) FROM sync_replicas WHERE token_id = ? AND first_seen_at > ?",
                    [.text(tokenID), .integer(now - Self.replicaWindowMilliseconds)]) ?? 0
            guard made < Self.maxNewReplicasPerToken else {
                throw SyncError.tooManyRequests(
                    "this token has set up \(made) devices in the last 24 hours, the most one token may: try again tomorrow, or ask the commune office",
                    retryAfterSeconds: 3_600)
            }
        }
        try sql.execute(
            """
            INSERT INTO sync_replicas (replica_id, role, hamlet_id, author, first_seen_at, last_seen_at, drift_ms, token_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(replicaID), .text(principal.roleName), SQLValue(principal.hamletID), .text(principal.name),
                .integer(now), .integer(now), .integer(drift), SQLValue(principal.tokenID),
            ])
        return ReplicaInfo(
            replicaID: replicaID, author: principal.name, hamletID: principal.hamletID, lastSeq: 0, lastSeenAt: now,
            driftMilliseconds: drift, clampedChanges: 0)
    }

    /// Stores the replica's bookkeeping.
    func save(_ replica: ReplicaInfo) throws {
        try sql.execute(
            """
            UPDATE sync_replicas SET author = ?, last_seq = ?, last_seen_at = ?, drift_ms = ?, clamped_changes = ?
            WHERE replica_id = ?
            """,
            [
                .text(replica.author), .integer(replica.lastSeq), .integer(replica.lastSeenAt),
                .integer(replica.driftMilliseconds), .integer(replica.clampedChanges), .text(replica.replicaID),
            ])
    }

    /// The stored outcome of a change already received; nil for a different change that
    /// reuses its id.
    func received(_ change: Change, replicaID: String, digest: String) throws -> ChangeOutcome? {
        guard
            let row = try sql.fetchOne(
                "SELECT digest, outcome FROM sync_received WHERE replica_id = ? AND seq = ?",
                [.text(replicaID), .integer(change.seq)])
        else { throw SyncError.storage("change \(change.seq) of replica \(replicaID) has no stored outcome") }
        guard try row.text("digest") == digest else { return nil }
        return try JSONText.decode(ChangeOutcome.self, from: try row.text("outcome"))
    }

    /// The outcome of a change not taken because change `first` of the page reused an id:
    /// nothing is recorded, and the replica sends it again under a new identity.
    func reusedID(_ change: Change, first: Int64) throws -> ChangeOutcome {
        try rejection(
            change, code: .changeIDReused,
            reason: change.seq == first
                ? "change \(first) was already received with different content (a copy of this replica); not taken"
                : "not taken: follows change \(first), whose id was already used")
    }
}

extension LogEntry {
    /// An entry read from `sync_log`.
    init(logRow row: SQLRow) throws {
        let kind = LogEntry.Kind(rawValue: try row.text("kind")) ?? .upsert
        let data = try row.text("data")
        self.init(
            seq: try row.int64("seq"), kind: kind, table: try row.text("tbl"), rowID: try row.text("row_id"),
            hamletID: try row.optionalText("hamlet_id"),
            values: kind == .upsert ? try JSONText.decode(SyncRow.self, from: data) : nil,
            conflict: kind == .conflict ? try JSONText.foundationDecode(ConflictRecord.self, from: data) : nil,
            hlc: HLCTimestamp(rawValue: try row.int64("hlc")), replicaID: try row.text("replica_id"),
            author: try row.text("author"), loggedAt: try row.int64("logged_at"),
            originSeq: try row.optionalInt64("origin_seq"))
    }
}

extension SQLHub {
    /// Every change the hub has received, with its stored outcome, in arrival order per replica.
    /// Each with the digest of the change's JSON, which tells which content it was.
    package func receivedOutcomes() async throws -> [(replicaID: String, digest: String, outcome: ChangeOutcome)] {
        try await read { sql in
            try sql.fetchAll("SELECT replica_id, digest, outcome FROM sync_received ORDER BY replica_id, seq", []).map {
                row throws -> (replicaID: String, digest: String, outcome: ChangeOutcome) in
                (
                    try row.text("replica_id"), try row.text("digest"),
                    try JSONText.decode(ChangeOutcome.self, from: try row.text("outcome"))
                )
            }
        }
    }

    /// The whole audit trail, oldest first.
    package func auditTrail() async throws -> [AuditEntry] {
        try await read { sql in
            try sql.fetchTexts("SELECT entry FROM sync_audit ORDER BY id").map {
                text throws(SyncError) in try JSONText.foundationDecode(AuditEntry.self, from: text)
            }
        }
    }

    /// How the log's positions stand (issue 16's invariant, for the simulation and the bench).
    package func logOrder() async throws -> LogOrder {
        try await read { sql in
            let row = try sql.fetchOne(
                "SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS d, COALESCE(MAX(seq), 0) AS m FROM sync_log")
            return LogOrder(
                entries: try row?.int64("n") ?? 0, positions: try row?.int64("d") ?? 0, last: try row?.int64("m") ?? 0)
        }
    }

    /// The whole log, oldest first.
    package func log() async throws -> [LogEntry] {
        try await read { sql in
            try sql.fetchAll("SELECT \(Self.logColumns) FROM sync_log ORDER BY seq", []).map {
                try LogEntry(logRow: $0)
            }
        }
    }

}

extension SQLiteHubStore {
    /// Closes the file; the store is unusable afterwards.
    package func close() throws {
        try writer.close()
    }
}

/// The hub's log positions: its entries, their distinct positions, the last position. One
/// order without a gap or a position given twice, whichever process wrote each entry, has
/// all three equal.
package struct LogOrder: Sendable, Codable, Equatable, CustomStringConvertible {
    package var entries: Int64
    package var positions: Int64
    package var last: Int64

    package var isGapless: Bool { entries == positions && positions == last }

    package var description: String { "\(entries) entries, \(positions) positions, the last \(last)" }
}
