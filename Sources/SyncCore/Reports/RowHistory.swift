import GRDB

/// Who changed a row, what, and when (DESIGN.md §6, `ntm history`): every value a field
/// took, and the ones that did not stay — lost to a later edit, held for review, replaced
/// by a reviewer's decision, or gone with a delete — with both authors.
package struct RowHistory: Sendable, Hashable, Codable {
    package var table: String
    package var rowID: String
    /// The row as it stands now; nil when deleted or unknown.
    package var current: SyncRow?
    /// Oldest first.
    package var events: [HistoryEvent]
    /// Where this history comes from: `hub` (the hub's log and audit trail) or `replica`
    /// (what this replica has seen since it began keeping history).
    package var source: String

    enum CodingKeys: String, CodingKey {
        case table, current, events, source
        case rowID = "row_id"
    }
}

/// One step of a row's history.
package struct HistoryEvent: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable {
        /// The row was created with these values (`column` nil) or a field set.
        case inserted, set
        /// An edit that did not stay: a concurrent edit with a later stamp won (`lww`), or the
        /// row was deleted meanwhile (`deleted`), or the status could not go back (`monotonic`).
        case lost
        /// An edit of a review field kept aside for a reviewer (a conflict).
        case held
        /// A reviewer's decision on a conflict.
        case resolved
        /// The row's removal.
        case deleted
    }

    package var kind: Kind
    /// The field; nil for whole-row events.
    package var column: String?
    /// The value set, lost or held (for `inserted`, the whole row in `row`).
    package var value: SyncValue?
    package var row: SyncRow?
    /// Who made the edit.
    package var author: String
    /// When, by the author's stamp (ms since 1970).
    package var at: Int64
    /// The value that stayed instead (lost, held), and who wrote it.
    package var kept: SyncValue?
    package var keptBy: String?
    /// The hub's log position, where the event is in the log.
    package var seq: Int64?

    package init(
        kind: Kind, column: String? = nil, value: SyncValue? = nil, row: SyncRow? = nil, author: String, at: Int64,
        kept: SyncValue? = nil, keptBy: String? = nil, seq: Int64? = nil
    ) {
        self.kind = kind
        self.column = column
        self.value = value
        self.row = row
        self.author = author
        self.at = at
        self.kept = kept
        self.keptBy = keptBy
        self.seq = seq
    }

    enum CodingKeys: String, CodingKey {
        case kind, column, value, row, author, at, kept, seq
        case keptBy = "kept_by"
    }
}

extension RowHistory {
    /// The most log entries and audit entries a history holds (the latest ones, and the
    /// row's first entry).
    static let maxEntries = 1_000

    /// The history of `rowID` of `table` from the hub's log entries of the row and its
    /// audit trail.
    static func fromHub(
        table: String, rowID: String, current: SyncRow?, log: [LogEntry], audit: [AuditEntry]
    ) -> RowHistory {
        var events: [HistoryEvent] = []
        var inserted = false
        for entry in log {
            let at = entry.hlc.physicalMilliseconds
            switch entry.kind {
            case .upsert:
                guard let values = entry.values else { continue }
                if !inserted {
                    inserted = true
                    events.append(
                        HistoryEvent(kind: .inserted, row: values, author: entry.author, at: at, seq: entry.seq))
                    continue
                }
                for column in values.keys.sorted() where column != TableSpec.idColumn {
                    events.append(
                        HistoryEvent(
                            kind: .set, column: column, value: values[column], author: entry.author, at: at,
                            seq: entry.seq))
                }
            case .delete:
                inserted = false
                events.append(HistoryEvent(kind: .deleted, author: entry.author, at: at, seq: entry.seq))
            case .conflict:
                continue
            }
        }
        for entry in audit {
            let at = entry.newHLC.physicalMilliseconds
            switch entry.decision {
            case .lost:
                events.append(
                    HistoryEvent(
                        kind: .lost, column: entry.column, value: entry.new, author: entry.newAuthor, at: at,
                        kept: entry.old, keptBy: entry.oldAuthor))
            case .held:
                events.append(
                    HistoryEvent(
                        kind: .held, column: entry.column, value: entry.new, author: entry.newAuthor, at: at,
                        kept: entry.old, keptBy: entry.oldAuthor))
            case .resolved:
                events.append(
                    HistoryEvent(
                        kind: .resolved, column: entry.column, value: entry.new, author: entry.newAuthor,
                        at: entry.at, kept: entry.old, keptBy: entry.oldAuthor))
            case .overwritten, .deleted:
                // The log holds the new value and the delete; the old value is the step before.
                continue
            }
        }
        // A resolution is logged as the reviewer's edit too: the decision says it once.
        let decisions = events.filter { $0.kind == .resolved }
        events.removeAll { event in
            event.kind == .set
                && decisions.contains {
                    $0.column == event.column && $0.value == event.value && $0.author == event.author
                }
        }
        events.sort { ($0.at, $0.seq ?? .max) < ($1.at, $1.seq ?? .max) }
        return RowHistory(table: table, rowID: rowID, current: current, events: events, source: "hub")
    }
}

extension Hub {
    /// The history of a row within `principal`'s scope (a head: its hamlet's rows and the
    /// commune's).
    package func history(table: String, rowID: String, for principal: Principal) async throws -> RowHistory {
        let spec = try schema.table(table)
        return try await read { sql in
            // Bounded: the row's first entry and its latest ones (a row edited without end
            // still answers within the response limits).
            let limit = RowHistory.maxEntries
            let log = try sql.fetchAll(
                """
                SELECT * FROM (SELECT \(raw: Self.logColumns) FROM sync_log WHERE row_id = \(rowID) AND tbl = \(table)
                  ORDER BY seq DESC LIMIT \(raw: limit)) AS latest
                UNION SELECT * FROM (SELECT \(raw: Self.logColumns) FROM sync_log WHERE row_id = \(rowID) AND tbl = \(table)
                  ORDER BY seq LIMIT 1) AS first
                ORDER BY seq
                """
            ).map { try LogEntry(logRow: $0) }
            if let own = principal.hamletID, log.contains(where: { $0.hamletID != nil && $0.hamletID != own }) {
                throw SyncError.notFound("\(table) row \(rowID)")
            }
            guard !log.isEmpty else { throw SyncError.notFound("\(table) row \(rowID)") }
            let audit = try sql.fetchTexts(
                """
                SELECT entry FROM (SELECT id, entry FROM sync_audit WHERE tbl = \(table) AND row_id = \(rowID)
                  ORDER BY id DESC LIMIT \(raw: limit)) AS latest ORDER BY id
                """
            ).map { text throws(SyncError) in try JSONText.foundationDecode(AuditEntry.self, from: text) }
            let current = try spec.fetchRow(sql, id: rowID)
            return RowHistory.fromHub(table: table, rowID: rowID, current: current, log: log, audit: audit)
        }
    }
}

/// The replica's journal of what it saw happen to its rows (`sync_history`, schema version 2).
enum HistoryJournal {
    /// Whether `schema`'s replica keeps the journal (version 2 on).
    static func kept(_ schema: SchemaView) -> Bool { schema.version >= 2 }

    /// Notes `event` of `table` row `rowID`, once.
    static func note(_ db: Database, table: String, rowID: String, _ event: HistoryEvent) throws {
        let text = try JSONText.encode(event)
        try db.execute(
            cached: """
                INSERT INTO sync_history (tbl, row_id, event) SELECT ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM sync_history WHERE row_id = ? AND tbl = ? AND event = ?)
                """,
            arguments: [table, rowID, text, rowID, table, text])
    }

    /// Notes a pulled log entry; `known` tells whether the replica held the row before.
    static func note(_ db: Database, entry: LogEntry, known: Bool) throws {
        let at = entry.hlc.physicalMilliseconds
        switch entry.kind {
        case .upsert:
            guard let values = entry.values else { return }
            if !known {
                try note(
                    db, table: entry.table, rowID: entry.rowID,
                    HistoryEvent(kind: .inserted, row: values, author: entry.author, at: at, seq: entry.seq))
                return
            }
            for column in values.keys.sorted() where column != TableSpec.idColumn {
                try note(
                    db, table: entry.table, rowID: entry.rowID,
                    HistoryEvent(
                        kind: .set, column: column, value: values[column], author: entry.author, at: at, seq: entry.seq)
                )
            }
        case .delete:
            try note(
                db, table: entry.table, rowID: entry.rowID,
                HistoryEvent(kind: .deleted, author: entry.author, at: at, seq: entry.seq))
        case .conflict:
            guard let record = entry.conflict else { return }
            try note(
                db, table: record.table, rowID: record.rowID,
                HistoryEvent(
                    kind: .held, column: record.column, value: record.incoming.deleted ? nil : record.incoming.value,
                    author: record.incoming.author, at: record.incoming.hlc.physicalMilliseconds,
                    kept: record.hub.deleted ? nil : record.hub.value, keptBy: record.hub.author))
            if let resolution = record.resolution {
                try note(
                    db, table: record.table, rowID: record.rowID,
                    HistoryEvent(
                        kind: .resolved, column: record.column, value: resolution.value, author: resolution.by,
                        at: resolution.at))
            }
        }
    }
}

extension Replica {
    /// What this replica knows of a row's history: its journal, and who set each value the
    /// row holds now (for rows it held before it kept a journal).
    package func history(table: String, rowID: String) throws -> RowHistory {
        let spec = try schema.table(table)
        return try writer.read { db in
            var events: [HistoryEvent] = []
            if HistoryJournal.kept(schema) {
                events = try String.fetchAll(
                    db,
                    sql: """
                        SELECT event FROM (SELECT id, event FROM sync_history WHERE row_id = ? AND tbl = ?
                          ORDER BY id DESC LIMIT \(RowHistory.maxEntries)) ORDER BY id
                        """,
                    arguments: [rowID, table]
                ).compactMap { try? JSONText.decode(HistoryEvent.self, from: $0) }
            }
            let current = try spec.fetchRow(db, id: rowID)
            if let confirmed = try ConfirmedRow.fetch(db, RowKey(table: table, rowID: rowID)) {
                let seen = Set(events.compactMap { $0.seq })
                for (column, version) in confirmed.versions where !seen.contains(version) {
                    guard let origin = confirmed.origins["\(version)"] else { continue }
                    events.append(
                        HistoryEvent(
                            kind: .set, column: column, value: confirmed.values[column], author: origin.author,
                            at: origin.hlc.physicalMilliseconds, seq: version))
                }
            }
            guard current != nil || !events.isEmpty else { throw SyncError.notFound("\(table) row \(rowID)") }
            events.sort { ($0.at, $0.seq ?? .max, $0.column ?? "") < ($1.at, $1.seq ?? .max, $1.column ?? "") }
            return RowHistory(table: table, rowID: rowID, current: current, events: events, source: "replica")
        }
    }

    /// The table and id of the row `text` names in any table: its id or the start of one.
    package func findRow(_ text: String) throws -> (table: String, rowID: String) {
        var found: [(table: String, id: String)] = []
        try writer.read { db in
            for table in schema.tables {
                let ids = try String.fetchAll(
                    db, sql: "SELECT id FROM \"\(table.name)\" WHERE id >= ? AND id < ? LIMIT 20",
                    arguments: [text.lowercased(), text.lowercased() + "\u{FFFF}"])
                found += ids.map { (table.name, $0) }
                if HistoryJournal.kept(schema) {
                    // Deleted rows are found by their history.
                    let gone = try Row.fetchAll(
                        db,
                        sql:
                            "SELECT DISTINCT tbl, row_id FROM sync_history WHERE row_id >= ? AND row_id < ? AND tbl = ? LIMIT 20",
                        arguments: [text.lowercased(), text.lowercased() + "\u{FFFF}", table.name])
                    for row in gone where !found.contains(where: { $0.id == row["row_id"] }) {
                        found.append((table.name, row["row_id"]))
                    }
                }
            }
        }
        // A conflict names its row too (issue 27: `ntm history` after `conflicts resolve ID`).
        let conflicts = try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, tbl, row_id FROM sync_conflicts WHERE id >= ? AND id < ? LIMIT 20",
                arguments: [text.lowercased(), text.lowercased() + "\u{FFFF}"])
        }
        var rowOf: [String: (table: String, rowID: String)] = [:]
        for row in found { rowOf[row.id] = (row.table, row.id) }
        for conflict in conflicts {
            let (id, table, rowID): (String, String, String) =
                (try conflict.checked("id"), try conflict.checked("tbl"), try conflict.checked("row_id"))
            if rowOf[id] == nil { rowOf[id] = (table, rowID) }
        }
        if let exact = rowOf[text] { return exact }
        let candidates =
            found.map { (id: $0.id, name: $0.table) }
            + conflicts.compactMap { row in (try? row.checked("id") as String).map { (id: $0, name: "conflict") } }
        let id = try RowLookup.resolve(text, among: candidates, table: "rows")
        guard let match = rowOf[id] else { throw SyncError.notFound("row \(text)") }
        return match
    }
}
