import Crypto
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO
import SyncCore
import Synchronization

/// The connections of one database, shared by every commune a hub process serves: at most
/// `limit` at once, kept open between transactions. Transactions run on threads that may
/// block (PostgresNIO's answers are waited for there), never on an event loop or on Swift
/// concurrency's pool.
///
/// `@unchecked Sendable`: its lets are Sendable, and its mutable state (`idle`, `open`,
/// `waiting`, `nextID`) is read and written only inside `lock.withLock`.
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
        schema: String?, readOnly: Bool = false, _ body: @Sendable (any SQLTransaction) throws -> T
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
        schema: String?, readOnly: Bool, _ body: @Sendable (any SQLTransaction) throws -> T
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
                        let outcome = slot.run { (work: (any SQLTransaction) throws -> T) throws -> T in
                            let sql = PostgresTransaction(connection: connection, logger: logger)
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
                                try sql.execute("SET LOCAL lock_timeout = '10s'")
                                try sql.execute("SET LOCAL statement_timeout = '60s'")
                                if let schema { try sql.execute("SET LOCAL search_path TO \(raw: schema)") }
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
            if broken || PostgresTransaction.refusal(cause) == .busy, !(cause is SyncError) {
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
    private var body: ((any SQLTransaction) throws -> T)?

    init(_ body: @escaping (any SQLTransaction) throws -> T) { self.body = body }

    func clear() { body = nil }

    func run(_ perform: ((any SQLTransaction) throws -> T) throws -> T) -> Result<T, any Error> {
        guard let body else { return .failure(SyncError.storage("a transaction ran twice")) }
        self.body = nil
        return Result { try perform(body) }
    }
}
