import Foundation

/// A pull: a page of the log after a replica's cursor, within its scope.
extension Hub {
    /// Returns the log entries after the request's cursor within the caller's scope.
    package func pull(_ request: PullRequest, for principal: Principal) async throws -> PullResponse {
        try request.check(hubSchema: schema.version)
        let limit = min(request.limit, configuration.maxPullEntries)
        let now = clock.nowMilliseconds()
        let (ids, schema) = (self.ids, self.schema)
        // The replica's bookkeeping (first contact, last seen, drift) costs a durable write;
        // a pull makes it only when it changes something: a new replica, or one last seen
        // over a minute ago. Pushes always make it.
        let devices = schema.version >= 2
        let current = try await read { sql in
            try sql.fetchOne("SELECT * FROM sync_replicas WHERE replica_id = \(request.replicaID)").map {
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
                        UPDATE sync_replicas SET app_version = COALESCE(\(request.appVersion), app_version), pending = COALESCE(\(request.pending), pending),
                          device_key = COALESCE(\(request.deviceKey), device_key)
                        WHERE replica_id = \(request.replicaID)
                        """)
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
            // A page ends at `limit` entries or at `maxPullPageBytes` of entry data,
            // whichever comes first (a page always holds at least one entry), so that it
            // fits what every client accepts however large the rows.
            let rows = try sql.fetchAll(
                Self.pullSQL(hamletID: principal.hamletID, after: request.after, limit: limit + 1, dialect: sql.dialect)
            )
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
                    "SELECT last_seq FROM sync_replicas WHERE replica_id = \(request.replicaID)")
                    ?? 0)
            if let formers = request.formerReplicaIDs, !formers.isEmpty {
                var received: [String: Int64] = [:]
                for id in formers {
                    // Only ids of the same role and hamlet: nothing about other hamlets' devices.
                    let row = try sql.fetchOne(
                        "SELECT role, hamlet_id, last_seq FROM sync_replicas WHERE replica_id = \(id)")
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
}

extension Hub {
    static var logColumns: String {
        "seq, kind, tbl, row_id, hamlet_id, data, hlc, replica_id, author, logged_at, origin_seq"
    }

    /// A page of the log after a cursor: every entry (a reviewer), or one hamlet's and the
    /// commune's (a head).
    static func pullSQL(hamletID: String?, after: Int64, limit: Int, dialect: SQLDialect = .sqlite) -> SQL {
        guard let hamletID else {
            return "SELECT \(raw: logColumns) FROM sync_log WHERE seq > \(after) ORDER BY seq LIMIT \(limit)"
        }
        // SQLite is told which index to walk; PostgreSQL's planner has statistics of its own.
        let index = dialect == .sqlite ? " INDEXED BY sync_log_scope" : ""
        return """
            SELECT \(raw: logColumns) FROM sync_log\(raw: index) WHERE hamlet_id = \(hamletID) AND seq > \(after)
            UNION ALL
            SELECT \(raw: logColumns) FROM sync_log\(raw: index) WHERE hamlet_id IS NULL AND seq > \(after)
            ORDER BY seq LIMIT \(limit)
            """
    }

    /// The mark of the log entry at `seq` (nil: none there).
    static func mark(_ sql: any SQLTransaction, at seq: Int64) throws -> String? {
        guard seq > 0 else { return nil }
        return try sql.fetchOne(
            "SELECT hlc, replica_id, logged_at, tbl, row_id FROM sync_log WHERE seq = \(seq)"
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
