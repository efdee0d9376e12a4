import Foundation
import GRDB

/// Group commit of concurrent writes on the hub's one writer: a write that arrives while
/// another is being written waits, and every write waiting by then goes into the next
/// transaction together, each in its own savepoint. A durable commit (one `fsync` of the
/// WAL) is the hub's dearest step; under load, one serves many pushes.
///
/// One caller at a time leads: it writes the group it found queued (its own write among
/// them), hands each waiter its result, and passes the lead to the first write queued
/// meanwhile. A write that fails rolls back its savepoint only; a commit that fails fails
/// every write of the group, and none of them is applied.
final class GroupCommit<Output: Sendable>: @unchecked Sendable {
    /// One write: runs inside the group's transaction. `isolated` asks for each change in its
    /// own savepoint (after the file refused one with a constraint).
    typealias Job = @Sendable (_ db: Database, _ isolated: Bool) throws -> Output

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

    private let writer: DatabasePool
    private let lock = NSLock()
    // Guarded by `lock`.
    private var queue: [Ticket] = []
    private var leading = false
    private var committed = 0
    private var written = 0

    init(writer: DatabasePool) {
        self.writer = writer
    }

    /// Writes queued for the next group.
    var waiting: Int {
        lock.withLock { queue.count }
    }

    /// Transactions committed and writes they carried, so far.
    var counts: (transactions: Int, writes: Int) {
        lock.withLock { (committed, written) }
    }

    /// Runs `job` in the next group transaction and returns its output once committed.
    func write(_ job: @escaping Job) async throws -> Output {
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
    /// the file refuse a change, again with each change isolated); writes of a group run
    /// each in a savepoint of one transaction.
    private func run(_ jobs: [Job]) async -> [Result<Output, any Error>] {
        if jobs.count == 1, let job = jobs.first {
            do {
                do {
                    return [.success(try await writer.write { db in try job(db, false) })]
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    return [.success(try await writer.write { db in try job(db, true) })]
                }
            } catch {
                return [.failure(error)]
            }
        }
        do {
            return try await writer.write { db in
                try jobs.map { job in
                    do {
                        do {
                            return .success(try Self.inSavepoint(db) { try job(db, false) })
                        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                            return .success(try Self.inSavepoint(db) { try job(db, true) })
                        }
                    } catch let error as DatabaseError where !db.isInsideTransaction {
                        // The file failed (full disk, I/O) and SQLite rolled the whole
                        // transaction back: the group fails as one, and nothing is applied.
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

    private static func inSavepoint(_ db: Database, _ body: () throws -> Output) throws -> Output {
        var output: Output?
        try db.inSavepoint {
            output = try body()
            return .commit
        }
        guard let output else { throw SyncError.storage("a grouped write ended without its result") }
        return output
    }
}
