import Foundation
import SyncCore
import Testing

/// The built `ntm-hub` and `ntm` executables, run as real processes.
enum Programs {
    /// The folder holding the test bundle and, beside it, the built executables.
    static let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

    /// The executables' folder: `$NTM_BIN_DIR` (CI points it at the release build), else the
    /// build beside the tests.
    static func path(_ name: String) throws -> String {
        if name.hasPrefix("/") { return name }
        let binaries = ProcessInfo.processInfo.environment["NTM_BIN_DIR"].map { URL(fileURLWithPath: $0) } ?? folder
        let url = binaries.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw ProgramError(message: "\(url.path) is missing: build the executables first (swift build)")
        }
        return url.path
    }

    struct ProgramError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Decodes stdout as JSON.
        func json<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONDecoder().decode(T.self, from: Data(stdout.utf8))
        }
    }

    /// Runs `program` with `arguments` in `folder` and waits for it.
    @discardableResult
    static func run(
        _ program: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]
    )
        throws -> Result
    {
        let process = try start(program, arguments, in: folder, environment: environment)
        process.process.waitUntilExit()
        return process.result()
    }

    /// `run`, waited for on a thread of its own rather than one of Swift concurrency's few:
    /// for a long program while a hub in this process must keep answering (two tests each
    /// blocking a cooperative thread on a 2-core machine leave none to serve requests).
    static func runDetached(
        _ program: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Swift.Result { try run(program, arguments, in: folder, environment: environment) })
            }
        }
    }

    /// A started process whose output goes to files.
    final class Running: @unchecked Sendable {  // used from one test task at a time
        let process: ChildProcess
        let stdoutURL: URL
        let stderrURL: URL

        init(process: ChildProcess, stdoutURL: URL, stderrURL: URL) {
            self.process = process
            self.stdoutURL = stdoutURL
            self.stderrURL = stderrURL
        }

        var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

        func result() -> Result {
            Result(
                status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }

        /// SIGKILL, as a power cut or a crash would.
        func kill9() {
            process.terminate(SIGKILL)
            process.waitUntilExit()
        }

        /// Waits until the process ends or `seconds` pass.
        func wait(seconds: Double) async throws {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        }
    }

    /// Starts `program` (a child of its own: `ChildProcess`, not Foundation's `Process`).
    static func start(
        _ program: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]
    )
        throws -> Running
    {
        var env = ProcessInfo.processInfo.environment
        env["NTM_DB"] = nil
        // English unless a test asks for Vietnamese, whatever the machine's locale.
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        let stamp = UUID().uuidString
        let stdoutURL = folder.appendingPathComponent("\((program as NSString).lastPathComponent)-\(stamp).out")
        let stderrURL = folder.appendingPathComponent("\((program as NSString).lastPathComponent)-\(stamp).err")
        let process = try ChildProcess(
            executable: try path(program), arguments: arguments, environment: env, directory: folder.path,
            output: stdoutURL.path, error: stderrURL.path)
        return Running(process: process, stdoutURL: stdoutURL, stderrURL: stderrURL)
    }

    /// Starts `ntm-hub serve` on `port` (0: any) and waits for it to listen; returns it and its URL.
    /// With `db` nil, `extra` says where the data is (`--postgres URL`).
    static func serve(
        db: String?, port: Int = 0, in folder: URL, extra: [String] = []
    ) async throws -> (Running, String) {
        let hub = try start(
            "ntm-hub",
            (db.map { ["serve", "--db", $0] } ?? ["serve"]) + ["--port", "\(port)", "--log-level", "warning"]
                + extra, in: folder)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let range = hub.stdout.range(of: #"https?://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                return (hub, String(hub.stdout[range]))
            }
            guard hub.process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        hub.kill9()
        throw ProgramError(message: "ntm-hub did not start: \(hub.result().stderr)")
    }
}
