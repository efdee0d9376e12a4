import CSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A program run as a child process, its standard streams on files. Started with
/// `posix_spawn` rather than Foundation's `Process.run()`, which on Linux reads
/// `/proc/self/fd` in a way that can crash a process with many descriptors open
/// (swift-corelibs-foundation #5472): a test process with database connections, or a
/// bench driving hub processes.
package final class ChildProcess: Sendable {
    /// The child's process id.
    package let processIdentifier: Int32
    /// The child's wait status once it has ended and been reaped.
    private let ended = Mutex<Int32?>(nil)

    /// Starts `executable` with `arguments`, in `directory` (nil: this process's), with
    /// `environment` (nil: this process's); its output and errors are appended to files.
    package init(
        executable: String, arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        input: String = "/dev/null", output: String = "/dev/null", error: String = "/dev/null"
    ) throws {
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envpBuffer in
                ntm_spawn(
                    &pid, executable, argvBuffer.baseAddress, envpBuffer.baseAddress, directory, input, output, error)
            }
        }
        guard result == 0 else {
            throw SyncError.unavailable("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        processIdentifier = pid
    }

    /// Whether the child still runs (reaping it when it has ended).
    package var isRunning: Bool {
        ended.withLock { ended in
            guard ended == nil else { return false }
            var status: Int32 = 0
            let reaped = waitpid(processIdentifier, &status, WNOHANG)
            if reaped == processIdentifier {
                ended = status
                return false
            }
            return reaped == 0
        }
    }

    /// Waits until the child ends.
    package func waitUntilExit() {
        while isRunning { usleep(5_000) }
    }

    /// The child's exit code, or the number of the signal that ended it; -1 while it runs.
    package var terminationStatus: Int32 {
        guard let status = ended.withLock({ $0 }) else { return -1 }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
    }

    /// Sends `signal` to the child (SIGTERM by default).
    package func terminate(_ signal: Int32 = SIGTERM) {
        guard isRunning else { return }
        kill(processIdentifier, signal)
    }
}
