import Foundation
import HubHTTP
import Logging
import SyncCore

/// Where the HTTP figures' hub runs: a spawned `ntm-hub serve` process (the product as
/// deployed, its memory measured apart from the client's) or a server in this process.
public enum HubHost: Sendable {
    /// `ntm-hub serve` from `binary`, over TLS when `tls` is given.
    case process(binary: String, tls: TLSFiles? = nil)
    /// Hummingbird in this process, on a real loopback socket.
    case inProcess

    /// A certificate and key for the hub, and the CA the client trusts.
    public struct TLSFiles: Sendable {
        public var certificate: String
        public var key: String
        public var caPEM: String
    }

    /// This host serving over TLS, with a commune CA made in `directory` for 127.0.0.1.
    public func withTLS(in directory: String) throws -> HubHost {
        guard case .process(let binary, _) = self else { return self }
        let issued = try CommuneCertificates.issue(in: directory, commune: "bench", hosts: ["127.0.0.1"], days: 1)
        let files = TLSFiles(
            certificate: issued.hubCertificate, key: issued.hubKey,
            caPEM: try String(contentsOfFile: issued.caCertificate, encoding: .utf8))
        return .process(binary: binary, tls: files)
    }

    /// The CA the client trusts besides the system's.
    var trustedCertificates: String? {
        if case .process(_, let tls?) = self { return tls.caPEM }
        return nil
    }

    /// `ntm-hub` beside this executable, where the package builds it.
    public static var besideExecutable: HubHost {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return .process(binary: directory.appendingPathComponent("ntm-hub").path)
    }

    /// Serves the hub file at `path` while `body` runs with its base URL; returns the
    /// body's result and, for a process, the hub's peak resident memory.
    func serve<T: Sendable>(
        path: String, _ body: @Sendable (String) async throws -> T
    ) async throws -> (result: T, hubPeakBytes: Int?) {
        switch self {
        case .inProcess:
            var logger = Logger(label: "ntm-bench-hub")
            logger.logLevel = .warning
            let store = try Hub(sqliteFile: path, logger: logger)
            defer { try? store.close() }
            return (try await HubApplication.withRunningHub(store: store, logger: logger, body), nil)
        case .process(let binary, let tls):
            let hub = try HubProcess(binary: binary, database: path, tls: tls)
            defer { hub.stop() }
            let result = try await body(hub.baseURL)
            return (result, Measure.peakResidentBytes(pid: hub.process.processIdentifier))
        }
    }
}

/// A running `ntm-hub serve` on a free loopback port (a `ChildProcess`: the bench holds
/// database connections, where Foundation's `Process.run()` can crash on Linux).
final class HubProcess: Sendable {
    let process: ChildProcess
    let baseURL: String
    private let output: String

    convenience init(binary: String, database: String, tls: HubHost.TLSFiles? = nil) throws {
        try self.init(binary: binary, serving: ["--db", database], tls: tls)
    }

    /// `ntm-hub serve` with `serving` saying what (`--db PATH`, `--postgres URL`).
    init(binary: String, serving: [String], tls: HubHost.TLSFiles? = nil) throws {
        output = (NSTemporaryDirectory() as NSString).appendingPathComponent("ntm-bench-hub-\(UUID().uuidString).out")
        let process = try ChildProcess(
            executable: binary,
            arguments: ["serve"] + serving + ["--port", "0", "--log-level", "warning"]
                + (tls.map { ["--tls-cert", $0.certificate, "--tls-key", $0.key] } ?? []),
            output: output)
        let scheme = tls == nil ? "http" : "https"
        let deadline = Date().addingTimeInterval(60)
        var port: Int?
        while port == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: "\(scheme)://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber })
            } else {
                usleep(10_000)
            }
        }
        guard let port else {
            process.terminate(SIGKILL)
            process.waitUntilExit()
            throw SyncError.unavailable("ntm-hub did not report its port")
        }
        self.process = process
        self.baseURL = "\(scheme)://127.0.0.1:\(port)"
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: output)
    }
}
