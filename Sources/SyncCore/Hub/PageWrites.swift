/// A push page's merge as sets: what the page's changes need of the hub is read once for
/// all of them (`HubTransaction.prefetch`), each change is planned in Swift against the
/// rows and bookkeeping as the page has left them so far, and the writes are held and sent
/// at the end of the page as one statement per kind (`HubSQL.executeMany`: one `INSERT` of
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
    /// Log entries held and not yet sent: who wrote them (a conflict names its base's author).
    var logged: [Int64: (author: String, replicaID: String, hlc: HLCTimestamp)] = [:]

    /// Statements held, in the order their kinds first came; each with its argument lists.
    private var order: [String] = []
    private var held: [String: [[SQLValue]]] = [:]
    /// Rows written since the last send.
    private var touched: Set<Key> = []

    /// Whether `key` was written since the last send (a second write must send first).
    func isTouched(_ key: Key) -> Bool { touched.contains(key) }

    func touch(_ key: Key) { touched.insert(key) }

    /// Holds one statement's arguments.
    func add(_ sql: String, _ arguments: [SQLValue]) {
        if held[sql] == nil {
            order.append(sql)
            held[sql] = [arguments]
        } else {
            held[sql]?.append(arguments)
        }
    }

    /// Sends what is held, a statement per kind, in the order the kinds came.
    func send(_ sql: any HubSQL) throws {
        let (order, held) = (self.order, self.held)
        self.order = []
        self.held = [:]
        touched = []
        logged = [:]
        for text in order {
            guard let rows = held[text], !rows.isEmpty else { continue }
            try sql.executeMany(text, rows)
        }
    }
}
