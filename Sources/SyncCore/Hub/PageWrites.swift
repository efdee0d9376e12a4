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

    /// A statement held: as it is, or made when the page's log positions are known (those
    /// whose values carry a position: log entries, stamps, outcomes).
    enum Held {
        case fixed(SQL)
        case positioned((LogPositions) throws -> SQL)

        var isPositioned: Bool {
            if case .positioned = self { return true }
            return false
        }
    }

    /// Statements held, in the order they came.
    private var held: [Held] = []
    /// Rows written since the last send.
    private var touched: Set<Key> = []

    /// Whether `key` was written since the last send (a second write must send first).
    func isTouched(_ key: Key) -> Bool { touched.contains(key) }

    func touch(_ key: Key) { touched.insert(key) }

    /// Holds one statement.
    func add(_ statement: Held) { held.append(statement) }

    /// Sends what is held, one set statement per kind (statements of the same text), in
    /// the order the kinds first came; positioned ones made with `positions`.
    func send(_ sql: any SQLTransaction, positions: LogPositions) throws {
        let held = self.held
        self.held = []
        touched = []
        try Self.execute(held, on: sql, positions: positions)
    }

    /// Sends the statements that carry no log position (rows, audit), and keeps the others
    /// for `send`: what a page merging alongside others can write before it takes positions.
    func sendUnpositioned(_ sql: any SQLTransaction) throws {
        let held = self.held
        self.held = held.filter(\.isPositioned)
        try Self.execute(held.filter { !$0.isPositioned }, on: sql, positions: .unmoved)
    }

    /// One set statement per kind, in the order the kinds first came.
    private static func execute(_ held: [Held], on sql: any SQLTransaction, positions: LogPositions) throws {
        // A page holds a handful of kinds, met in turn: found by comparing texts from the
        // last one met, cheaper than hashing each statement's text.
        var kinds: [(text: String, rows: [[SQLValue]])] = []
        var last = 0
        for statement in held {
            let made: SQL
            switch statement {
            case .fixed(let fixed): made = fixed
            case .positioned(let make): made = try make(positions)
            }
            var found: Int?
            for step in 0..<kinds.count {
                let index = (last + step) % kinds.count
                if kinds[index].text == made.text {
                    found = index
                    break
                }
            }
            if let found {
                kinds[found].rows.append(made.arguments)
                last = found
            } else {
                kinds.append((made.text, [made.arguments]))
                last = kinds.count - 1
            }
        }
        for kind in kinds {
            try sql.executeMany(text: kind.text, rows: kind.rows)
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
