import Foundation
import GRDB

/// Group commit of concurrent writes on the hub's one writer: a write that arrives while
/// another is being written waits, and every write waiting by then goes into the next
/// transaction together, each in its own savepoint. A durable commit (one `fsync` of the
/// WAL) is the hub's dearest step; under load, one serves many pushes. (PostgreSQL's pushes
/// do not queue: they merge in parallel, and the server groups their commits itself;
/// `PostgresHubDriver.pushWrite`.)
///
/// One caller at a time leads: it writes the group it found queued (its own write among
/// them), hands each waiter its result, and passes the lead to the first write queued
/// meanwhile. A write that fails rolls back its savepoint only; a commit that fails fails
/// every write of the group, and none of them is applied.
package final class GroupCommit<Output: Sendable>: @unchecked Sendable {
    /// One write: runs inside the group's transaction. `isolated` asks for each change in its
    /// own savepoint (after the file refused one with a constraint).
    package typealias Job = @Sendable (_ sql: any SQLTransaction, _ isolated: Bool) throws -> Output

    /// One transaction of the store: `body` runs in it, and it commits when `body` returns.
    package typealias Transaction =
        @Sendable (_ body: @escaping @Sendable (any SQLTransaction) throws -> [Result<Output, any Error>])
        async throws -> [Result<Output, any Error>]

    private enum Turn {
        case done(Result<Output, any Error>)
        case lead
    }

    private final class Ticket: @unchecked Sendable {
        let job: Job
        var turn: Turn?
        var continuation: CheckedContinuation<Turn, Never>?
        init(_ job: @escaping Job) { self.job = job }
    }

    private let transaction: Transaction
    /// Whether the store refused a write as a constraint (the change is then tried alone).
    private let isConstraint: @Sendable (any Error) -> Bool
    /// Whether a failure ended the whole transaction (a full disk, I/O), not only the write.
    private let endedTransaction: @Sendable (any SQLTransaction, any Error) -> Bool
    private let lock = NSLock()
    // Guarded by `lock`.
    private var queue: [Ticket] = []
    private var leading = false
    private var committed = 0
    private var written = 0

    package init(
        transaction: @escaping Transaction, isConstraint: @escaping @Sendable (any Error) -> Bool,
        endedTransaction: @escaping @Sendable (any SQLTransaction, any Error) -> Bool = { _, _ in false }
    ) {
        self.transaction = transaction
        self.isConstraint = isConstraint
        self.endedTransaction = endedTransaction
    }

    /// Group commit on a SQLite hub file's writer.
    convenience init(writer: DatabasePool) {
        self.init(
            transaction: { body in try await writer.write { db in try body(SQLiteTransaction(db)) } },
            isConstraint: { ($0 as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT },
            endedTransaction: { sql, error in
                // SQLite rolled the whole transaction back (full disk, I/O).
                error is DatabaseError && (sql as? SQLiteTransaction).map { !$0.db.isInsideTransaction } ?? false
            })
    }

    /// Writes queued for the next group.
    package var waiting: Int {
        lock.withLock { queue.count }
    }

    /// Transactions committed and writes they carried, so far.
    package var counts: (transactions: Int, writes: Int) {
        lock.withLock { (committed, written) }
    }

    /// Runs `job` in the next group transaction and returns its output once committed.
    package func write(_ job: @escaping Job) async throws -> Output {
        let ticket = Ticket(job)
        let leads = lock.withLock { () -> Bool in
            queue.append(ticket)
            guard !leading else { return false }
            leading = true
            return true
        }
        var turn = leads ? Turn.lead : await wait(ticket)
        while true {
            switch turn {
            case .done(let result):
                return try result.get()
            case .lead:
                let group = lock.withLock { () -> [Ticket] in
                    defer { queue.removeAll() }
                    return queue
                }
                let results = await run(group.map(\.job))
                var own: Turn?
                lock.withLock {
                    committed += 1
                    written += group.count
                    for (waiting, result) in zip(group, results) {
                        if waiting === ticket {
                            own = .done(result)
                        } else {
                            deliver(.done(result), to: waiting)
                        }
                    }
                    if let next = queue.first {
                        deliver(.lead, to: next)
                    } else {
                        leading = false
                    }
                }
                turn = own ?? .done(.failure(SyncError.storage("a grouped write went without its result")))
            }
        }
    }

    private func wait(_ ticket: Ticket) async -> Turn {
        await withCheckedContinuation { continuation in
            lock.withLock {
                if let turn = ticket.turn {
                    continuation.resume(returning: turn)
                } else {
                    ticket.continuation = continuation
                }
            }
        }
    }

    /// Called with `lock` held.
    private func deliver(_ turn: Turn, to ticket: Ticket) {
        if let continuation = ticket.continuation {
            ticket.continuation = nil
            continuation.resume(returning: turn)
        } else {
            ticket.turn = turn
        }
    }

    /// Writes one group. A lone write runs as before, in its own transaction (and, should
    /// the store refuse a change, again with each change isolated); writes of a group run
    /// each in a savepoint of one transaction.
    private func run(_ jobs: [Job]) async -> [Result<Output, any Error>] {
        let (isConstraint, endedTransaction) = (self.isConstraint, self.endedTransaction)
        if jobs.count == 1, let job = jobs.first {
            do {
                do {
                    return try await transaction { sql in [.success(try job(sql, false))] }
                } catch  where isConstraint(error) {
                    return try await transaction { sql in [.success(try job(sql, true))] }
                }
            } catch {
                return [.failure(error)]
            }
        }
        do {
            return try await transaction { sql in
                try jobs.map { job in
                    do {
                        do {
                            return .success(try sql.inSavepoint { try job(sql, false) })
                        } catch  where isConstraint(error) {
                            return .success(try sql.inSavepoint { try job(sql, true) })
                        }
                    } catch  where endedTransaction(sql, error) {
                        // The group fails as one, and nothing is applied.
                        throw error
                    } catch {
                        return .failure(error)
                    }
                }
            }
        } catch {
            return jobs.map { _ in .failure(error) }
        }
    }
}
