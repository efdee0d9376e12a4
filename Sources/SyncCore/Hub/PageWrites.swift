/// A push page's merge as sets: what the page's changes need of the hub is read once for
/// all of them (`HubTransaction.prefetch`), each change is planned in Swift against the
/// rows and bookkeeping as the page has left them so far, and the writes are held and sent
/// at the end of the page as one statement per kind (`SQLTransaction.executeMany`: one `INSERT` of
/// many rows on PostgreSQL, a tight loop of one prepared statement on SQLite).
///
/// A row written twice in one page has its first write sent before the second is held, so
/// that no set statement names a row twice.
final class PageWrites {
    struct Key: Hashable {
        var table: String
        var rowID: String
    }

    /// Rows as the page has left them; a nil value: the row is known not to exist.
    var rows: [Key: SyncRow?] = [:]
    /// Bookkeeping as the page has left it; a nil value: the hub keeps none for the row.
    var metas: [Key: RowMeta?] = [:]
    /// Log entries this page appended: who wrote them (a conflict names its base's author),
    /// by the position the page gave them.
    var logged: [Int64: (author: String, replicaID: String, hlc: HLCTimestamp)] = [:]

    /// A statement's arguments: as they are, or made when the page's log positions are
    /// known (those that carry a position: log entries, stamps, outcomes).
    enum Arguments {
        case fixed([SQLValue])
        case positioned((LogPositions) throws -> [SQLValue])
    }

    /// Statements held, in the order their kinds first came; each with its argument lists.
    private var order: [String] = []
    private var held: [String: [Arguments]] = [:]
    /// Kinds with positioned arguments: sent once the positions are taken.
    private var positioned: Set<String> = []
    /// Rows written since the last send.
    private var touched: Set<Key> = []

    /// Whether `key` was written since the last send (a second write must send first).
    func isTouched(_ key: Key) -> Bool { touched.contains(key) }

    func touch(_ key: Key) { touched.insert(key) }

    /// Holds one statement's arguments.
    func add(_ sql: String, _ arguments: Arguments) {
        if case .positioned = arguments { positioned.insert(sql) }
        if held[sql] == nil {
            order.append(sql)
            held[sql] = [arguments]
        } else {
            held[sql]?.append(arguments)
        }
    }

    /// Sends what is held, a statement per kind, in the order the kinds came; positioned
    /// arguments made with `positions`.
    func send(_ sql: any SQLTransaction, positions: LogPositions) throws {
        let (order, held) = (self.order, self.held)
        self.order = []
        self.held = [:]
        positioned = []
        touched = []
        try Self.execute(order, held, on: sql, positions: positions)
    }

    /// Sends the kinds that carry no log position (rows, audit), and keeps the others for
    /// `send`: what a page merging alongside others can write before it takes positions.
    func sendUnpositioned(_ sql: any SQLTransaction) throws {
        let (order, held, positioned) = (self.order, self.held, self.positioned)
        self.order = order.filter { positioned.contains($0) }
        self.held = held.filter { positioned.contains($0.key) }
        try Self.execute(order.filter { !positioned.contains($0) }, held, on: sql, positions: .unmoved)
    }

    /// One statement per kind of `order`, its arguments made with `positions`.
    private static func execute(
        _ order: [String], _ held: [String: [Arguments]], on sql: any SQLTransaction, positions: LogPositions
    ) throws {
        for text in order {
            guard let rows = held[text], !rows.isEmpty else { continue }
            try sql.executeMany(
                text,
                rows.map { arguments in
                    switch arguments {
                    case .fixed(let values): values
                    case .positioned(let make): try make(positions)
                    }
                })
        }
    }
}

/// Where a transaction's log positions land. A page merging alongside others numbers its
/// entries from the head it read at its start (`base`), before the pages that commit ahead
/// of it are known; when it takes the commune's lock at its end, the head may have moved
/// by `shift`, and every position it gave (above `base`) moves with it — in the log, the
/// fields' stamps, the outcomes. Entries of other pages are never above `base` in what it
/// reads: the rows it merges are locked, so no page that wrote them commits meanwhile.
struct LogPositions: Sendable {
    var base: Int64
    var shift: Int64

    /// Positions as given: nothing moves.
    static let unmoved = LogPositions(base: .max, shift: 0)

    /// Where position `seq` lands.
    func callAsFunction(_ seq: Int64) -> Int64 {
        seq > base ? seq + shift : seq
    }

    func callAsFunction(_ meta: RowMeta) -> RowMeta {
        guard shift != 0 else { return meta }
        var moved = meta
        for (name, stamp) in meta.fields where stamp.version > base {
            moved.fields[name]?.version = stamp.version + shift
        }
        return moved
    }

    func callAsFunction(_ outcome: ChangeOutcome) -> ChangeOutcome {
        var moved = outcome
        moved.settleSeq = self(outcome.settleSeq)
        return moved
    }

    func callAsFunction(_ side: ConflictSide) -> ConflictSide {
        var moved = side
        moved.version = self(side.version)
        return moved
    }

    func callAsFunction(_ record: ConflictRecord) -> ConflictRecord {
        guard shift != 0 else { return record }
        var moved = record
        moved.base = record.base.map { self($0) }
        moved.hub = self(record.hub)
        moved.incoming = self(record.incoming)
        return moved
    }
}
