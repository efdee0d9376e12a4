import Dispatch
import Foundation
import Logging
import NIOCore
import SyncCore
import SyncWire

#if canImport(Glibc)
    import Glibc
#endif

/// The fuzz target for the hub's request path (issue 9): decoding, validation and merge of
/// push and pull bodies in a real `SQLiteHubDriver`.
///
/// An input is one selector byte and a body:
/// - bits 0–1 of the selector: 0 push as the head of Xóm Đông, 1 push as a reviewer,
///   2 pull as the head, 3 pull as a reviewer;
/// - bit 2: the body is gzip-compressed (`Content-Encoding: gzip`);
/// - the other bits are ignored.
///
/// The property checked beyond "no crash": the hub never answers a client's input with a
/// 5xx. Any error other than a `SyncError` of a 4xx kind (`storage`, `unavailable` and every
/// other error type map to 5xx) is a failure, and so is a response that cannot be encoded,
/// a reviewer's pull of what an accepted push wrote that fails, and an accepted push that,
/// sent again (a client's retry), gets other outcomes than the first time.
enum HubFuzz {
    /// What one input does.
    enum Operation: String, CaseIterable {
        case pushAsHead = "push as head"
        case pushAsReviewer = "push as reviewer"
        case pullAsHead = "pull as head"
        case pullAsReviewer = "pull as reviewer"
    }

    /// The operation and encoding an input's first byte selects, and its body.
    static func split(_ input: [UInt8]) -> (operation: Operation, gzip: Bool, body: ArraySlice<UInt8>)? {
        guard let selector = input.first else { return nil }
        return (Operation.allCases[Int(selector & 0x03)], selector & 0x04 != 0, input.dropFirst())
    }

    /// Whether to print what the hub answered to each input (`HUBFUZZ_VERBOSE=1`).
    static let verbose = ProcessInfo.processInfo.environment["HUBFUZZ_VERBOSE"] == "1"

    /// Runs one input through the hub's request path; returns what the hub would answer.
    /// Stops the process with `fatalError` where the hub would answer 5xx.
    static func run(_ input: [UInt8], on hub: FuzzHub) async -> String {
        guard let (operation, gzip, body) = split(input) else { return "empty input: ignored" }
        do {
            let plain = try Wire.requestBody(ByteBuffer(bytes: body), contentEncoding: gzip ? "gzip" : nil)
            switch operation {
            case .pushAsHead, .pushAsReviewer:
                let request = try Wire.decode(PushRequest.self, from: plain)
                let principal = operation == .pushAsHead ? hub.head : hub.reviewer
                let response = try await hub.store.push(request, from: principal)
                _ = try Wire.encode(response)
                try await audit(response, on: hub)
                try await retry(request, from: principal, answered: response, on: hub)
                let rejected = response.outcomes.filter { $0.status == .rejected }.count
                return "\(operation.rawValue): 200, \(response.outcomes.count) outcomes, \(rejected) rejected"
            case .pullAsHead, .pullAsReviewer:
                let request = try Wire.decode(PullRequest.self, from: plain)
                let principal = operation == .pullAsHead ? hub.head : hub.reviewer
                let response = try await hub.store.pull(request, for: principal)
                _ = try Wire.encode(response)
                return "\(operation.rawValue): 200, \(response.entries.count) entries"
            }
        } catch let error as SyncError where error.kind != .storage && error.kind != .unavailable {
            return "\(operation.rawValue): 4xx \(error.kind.rawValue): \(error.message)"
        } catch let error as SyncError {
            fatalError("5xx for a client's input (\(operation.rawValue)): SyncError.\(error.kind): \(error.message)")
        } catch {
            fatalError("5xx for a client's input (\(operation.rawValue)): \(type(of: error)): \(error)")
        }
    }

    /// After an accepted push, a reviewer pulls what it wrote: stored values must still make
    /// a page the hub can send.
    private static func audit(_ response: PushResponse, on hub: FuzzHub) async throws {
        let applied = response.outcomes.filter { $0.status == .applied && $0.settleSeq > 0 }
        guard let first = applied.map(\.settleSeq).min() else { return }
        let request = PullRequest(
            replicaID: FuzzHub.auditReplicaID, clientTime: SystemWallClock().nowMilliseconds(),
            after: max(0, first - 1), limit: min(applied.count + 1, 1000))
        do {
            _ = try Wire.encode(try await hub.store.pull(request, for: hub.reviewer))
        } catch {
            fatalError("5xx for a reviewer's pull after an accepted push: \(type(of: error)): \(error)")
        }
    }

    /// A client that lost the answer sends the same push again: the hub must answer the
    /// outcomes it stored the first time (docs/api.md, idempotent replays).
    private static func retry(
        _ request: PushRequest, from principal: Principal, answered first: PushResponse, on hub: FuzzHub
    ) async throws {
        let again: PushResponse
        do {
            again = try await hub.store.push(request, from: principal)
        } catch {
            fatalError("a retried push failed where the first one succeeded: \(type(of: error)): \(error)")
        }
        guard again.outcomes == first.outcomes else {
            fatalError("a retried push got other outcomes: first \(first.outcomes), then \(again.outcomes)")
        }
    }

    /// Runs `body` on the concurrency pool (where the hub's handlers run) and waits for it.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            prepareSignalStack()
            do { box.value = .success(try await body()) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return box.value ?? .failure(SyncError.storage("no result"))
    }

    /// Gives the current thread a signal stack, so that a stack overflow on a pool thread is
    /// reported by the crash handler (with its input) rather than killing the process mute.
    static func prepareSignalStack() {
        #if canImport(Glibc)
            var current = stack_t()
            guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
            let size = 1 << 20
            guard let memory = malloc(size) else { return }
            var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
            _ = sigaltstack(&stack, nil)
        #endif
    }

    /// Makes the handlers of crash signals run on the signal stack (libFuzzer installs its
    /// own without `SA_ONSTACK`); done once, at the first input, after libFuzzer's set-up.
    static let crashHandlersOnSignalStack: Void = handleCrashesOnSignalStack()

    private static func handleCrashesOnSignalStack() {
        #if canImport(Glibc)
            for signal in [SIGSEGV, SIGBUS] {
                var action = sigaction()
                guard sigaction(signal, nil, &action) == 0 else { continue }
                action.sa_flags |= Int32(SA_ONSTACK)
                _ = sigaction(signal, &action, nil)
            }
        #endif
    }
}

/// A result handed from the task to the waiting thread (the semaphore orders the accesses).
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?

    var value: Result<T, any Error>? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A hub file with a commune, two hamlets and a token per role, in a temporary folder.
///
/// The first hub of a process is made through the admin API and kept as a template; every
/// later one is a copy of its file, which costs a file copy rather than 23 transactions.
final class FuzzHub: Sendable {
    /// The replica id of the reviewer's pulls after accepted pushes.
    static let auditReplicaID = "fuzz-audit-reviewer"
    private static let fileName = "ntm-hub.sqlite"

    let folder: URL
    let store: Hub
    let dongID: String
    let doaiID: String
    let head: Principal
    let reviewer: Principal
    /// How many ids the hub had made when set up (a copy's ids go on from there).
    let idsUsed: UInt64

    /// A new hub made through the admin API. Ids are sequential, so the hamlets' ids are
    /// the same in every process (Xóm Đông: `dongID`) and inputs can name them.
    private init(folder: URL) async throws {
        self.folder = folder
        let ids = SequentialIDs(after: 0)
        store = try Hub(
            sqliteFile: folder.appendingPathComponent(Self.fileName).path, ids: ids, logger: Self.logger)
        _ = try await store.initialize(communeName: "Xã Tân Lập")
        dongID =
            try await store.addHamlet(["name": .text("Xóm Đông"), "head_name": .text("Nguyễn Văn An")])[
                "id"]?.text ?? ""
        doaiID =
            try await store.addHamlet(["name": .text("Xóm Đoài"), "head_name": .text("Trần Thị Bình")])[
                "id"]?.text ?? ""
        head = try await store.issueToken(role: .head(hamletID: dongID), name: nil).principal
        _ = try await store.issueToken(role: .head(hamletID: doaiID), name: nil)
        reviewer = try await store.issueToken(role: .reviewer, name: "Lê Văn Tám").principal
        idsUsed = ids.used
    }

    /// A copy of `template`'s file (`files`, read once) in `folder`.
    private init(copying template: FuzzHub, files: [(name: String, bytes: [UInt8])], into folder: URL) throws {
        self.folder = folder
        for file in files {
            try PlainFile.writeAll(file.bytes, to: folder.appendingPathComponent(file.name).path)
        }
        store = try Hub(
            sqliteFile: folder.appendingPathComponent(Self.fileName).path, ids: SequentialIDs(after: template.idsUsed),
            logger: Self.logger)
        (dongID, doaiID, head, reviewer, idsUsed) =
            (template.dongID, template.doaiID, template.head, template.reviewer, template.idsUsed)
    }

    /// The hub's files (the database and its write-ahead log), read whole.
    private func files() throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(Self.fileName) && !$0.hasSuffix("-shm") }
            .map { name in (name, try PlainFile.readAll(folder.appendingPathComponent(name).path)) }
    }

    private static let logger = Logger(label: "hub.fuzz") { _ in SwiftLogNoOpLogHandler() }

    /// A new empty folder, in /dev/shm when there is one (commits there cost no disk flush).
    private static func makeFolder() throws -> URL {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let base = FileManager.default.fileExists(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("ntm-hubfuzz-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Removes the hub's folder.
    func remove() {
        for _ in 0..<5 {
            do {
                try FileManager.default.removeItem(at: folder)
                return
            } catch {
                guard FileManager.default.fileExists(atPath: folder.path) else { return }
            }
        }
    }

    // The fuzzer's loop calls `next()` from one thread at a time.
    nonisolated(unsafe) private static var template: FuzzHub?
    nonisolated(unsafe) private static var templateFiles: [(name: String, bytes: [UInt8])] = []
    nonisolated(unsafe) private static var current: FuzzHub?
    nonisolated(unsafe) private static var inputs = 0

    /// Inputs per hub: 1 (the default) gives each input a hub of its own, so that a crash
    /// reproduces from its input alone; more lets state build up across inputs.
    static let inputsPerHub = max(
        1, ProcessInfo.processInfo.environment["HUBFUZZ_INPUTS_PER_HUB"].flatMap { Int($0) } ?? 1)

    /// The hub for the next input.
    static func next() -> FuzzHub {
        if let hub = current, inputs < inputsPerHub {
            inputs += 1
            return hub
        }
        current?.remove()
        current = nil
        // File calls can fail with EINTR under libFuzzer's timers: a few tries.
        var attempt = 0
        while true {
            attempt += 1
            do {
                if template == nil {
                    let folder = try makeFolder()
                    switch HubFuzz.blocking({ try await FuzzHub(folder: folder) }) {
                    case .success(let hub):
                        template = hub
                        templateFiles = try hub.files()
                    case .failure(let error): throw error
                    }
                }
                guard let template else { fatalError("no template hub") }
                let hub = try FuzzHub(copying: template, files: templateFiles, into: makeFolder())
                current = hub
                inputs = 1
                return hub
            } catch {
                guard attempt < 5 else { fatalError("cannot set up the fuzz hub: \(error)") }
            }
        }
    }

    /// Removes the hubs' folders (at exit).
    static func cleanUp() {
        current?.remove()
        template?.remove()
        (current, template) = (nil, nil)
    }
}

/// Whole-file reads and writes that retry calls interrupted by a signal (libFuzzer's timers).
enum PlainFile {
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let path: String
        let code: Int32
        var description: String { "\(call) \(path): \(String(cString: strerror(code)))" }
    }

    private static func retrying(_ call: String, _ path: String, _ body: () -> Int) throws -> Int {
        while true {
            let result = body()
            if result >= 0 { return result }
            if errno != EINTR { throw Failure(call: call, path: path, code: errno) }
        }
    }

    static func readAll(_ path: String) throws -> [UInt8] {
        let fd = Int32(try retrying("open", path) { Int(open(path, O_RDONLY)) })
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { buffer in
                try retrying("read", path) { read(fd, buffer.baseAddress, buffer.count) }
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    static func writeAll(_ bytes: [UInt8], to path: String) throws {
        let fd = Int32(try retrying("open", path) { Int(open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)) })
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            offset += try bytes[offset...].withUnsafeBytes { buffer in
                try retrying("write", path) { write(fd, buffer.baseAddress, buffer.count) }
            }
        }
    }
}

/// UUID-shaped ids from a counter: the same in every process, unique within a hub.
final class SequentialIDs: IDGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var counter: UInt64

    /// Ids after the first `count`.
    init(after count: UInt64) { counter = count }

    /// How many ids were made.
    var used: UInt64 { lock.withLock { counter } }

    func makeID() -> String {
        let value = lock.withLock {
            counter += 1
            return counter
        }
        let hex = String(value, radix: 16)
        return "01a204f7-0000-7000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}

/// The entry point libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
func hubFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    #if FUZZING
        _ = HubFuzz.crashHandlersOnSignalStack
    #endif
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let hub = FuzzHub.next()
    let answer = HubFuzz.blocking { await HubFuzz.run(input, on: hub) }
    if HubFuzz.verbose, case .success(let text) = answer { print("HubFuzz: \(text)") }
    return 0
}
