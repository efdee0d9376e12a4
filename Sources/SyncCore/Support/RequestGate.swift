/// Lets at most a fixed number of callers through at once; the others wait in order.
/// Bounds the memory of pushes and pulls in flight whatever the number of connections (the
/// HTTP server), and the database connections one commune holds (`PostgresHubDriver`).
package actor RequestGate {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A gate letting `permits` callers through at once.
    package init(permits: Int) {
        available = max(1, permits)
    }

    /// Runs `body` once a permit is free.
    package nonisolated func withPermit<T>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
