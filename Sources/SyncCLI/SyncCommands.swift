import ArgumentParser
import CommandSupport
import Foundation
import SyncClient
import SyncCore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create this device's replica and bind it to the hub with a token.")

    @Option(help: "The hub's URL, e.g. http://127.0.0.1:8080.") var hub: String
    @Option(
        help: "The token from ntm-hub token issue (visible to other users in `ps`: prefer --token-file or $NTM_TOKEN).")
    var token: String?
    @Option(help: "A file holding the token (read once; the replica keeps it in its own 0600 file).")
    var tokenFile: String?
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func validate() throws {
        guard hub.hasPrefix("http://") || hub.hasPrefix("https://") else {
            throw ValidationError("--hub must be an http:// or https:// URL")
        }
        if token != nil, tokenFile != nil { throw ValidationError("give the token once: --token or --token-file") }
    }

    /// The token from --token, --token-file or $NTM_TOKEN, checked.
    func resolvedToken() throws -> String {
        let (text, source): (String, String)
        if let token {
            (text, source) = (token, "--token")
        } else if let tokenFile {
            guard let handle = FileHandle(forReadingAtPath: tokenFile) else {
                throw CommandFailure.usage("--token-file: cannot read \(tokenFile)")
            }
            defer { try? handle.close() }
            // A token is 86 characters; a file of more than 1 KiB is not a token file.
            let data = (try? handle.read(upToCount: 1_025)) ?? Data()
            guard data.count <= 1_024 else {
                throw CommandFailure.usage("--token-file: \(tokenFile) is not a token file")
            }
            (text, source) = (String(decoding: data, as: UTF8.self), "--token-file")
        } else if let environment = ProcessInfo.processInfo.environment["NTM_TOKEN"], !environment.isEmpty {
            (text, source) = (environment, "$NTM_TOKEN")
        } else {
            throw CommandFailure.usage("no token: give --token-file FILE, set $NTM_TOKEN, or --token TOKEN")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard AccessToken(trimmed) != nil else { throw CommandFailure.usage("\(source) is not an ntm token (ntm_…)") }
        return trimmed
    }

    func run() async throws {
        let path = replica.path
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure.usage("\(path) already exists; use another --db or remove it")
        }
        let token = try resolvedToken()
        let connection = HTTPHubConnection(baseURL: hub, token: token)
        let status = try await connection.status()
        let created = try Replica.create(at: path, principal: status.principal)
        try created.setHubSettings(HubSettings(url: connection.baseURL, token: token))
        if output.json {
            try Output.json(InitReport(replicaID: try created.replicaID, principal: status.principal, db: path))
        } else {
            let scope = status.principal.hamletID.map { "head of hamlet \($0)" } ?? "reviewer of the commune"
            print("replica \(try created.replicaID) at \(path): \(status.principal.name), \(scope)")
            print("next: ntm sync")
        }
    }

    struct InitReport: Encodable {
        let replicaID: String
        let principal: Principal
        let db: String

        enum CodingKeys: String, CodingKey {
            case principal, db
            case replicaID = "replica_id"
        }
    }
}

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Push local changes, then pull the hub's, until both sides are current.")

    @Option(help: "Changes per push and log entries per pull (smaller pages suit a weak signal).")
    var pageSize = 500
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func validate() throws {
        guard (1...1000).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 1000") }
    }

    func run() async throws {
        let (replica, connection) = try replica.openWithHub()
        let report: SyncReport
        do {
            var session = SyncSession(replica: replica, hub: connection)
            session.pushPageSize = pageSize
            session.pullPageSize = pageSize
            report = try await session.run()
        } catch let error as SyncError {
            let pending = (try? replica.status().pendingChanges) ?? 0
            throw CommandFailure.failure(
                "\(error.message); \(pending) change(s) stay pending and go with the next sync")
        }
        let status = try replica.status()
        if output.json {
            try Output.json(SyncOutput(report: report, status: status))
        } else {
            print(
                "pushed \(report.pushed), pulled \(report.pulled), conflicts opened \(report.conflicts), "
                    + "rejected \(report.rejected), lost to later edits \(report.lost)")
            if let forked = report.forkedTo {
                print(
                    "this replica is a copy of another (or was restored from an older backup): it now syncs as \(forked), and its unsent changes went under that id"
                )
            }
            if status.openConflicts > 0 { print("\(status.openConflicts) open conflict(s) wait for a reviewer") }
            if !status.rejected.isEmpty { print("\(status.rejected.count) rejected change(s): see ntm status") }
        }
        if report.rejected > 0 {
            throw CommandFailure.failure(
                "the hub refused \(report.rejected) change(s); they stay on this replica with the reasons: ntm status")
        }
    }

    struct SyncOutput: Encodable {
        let report: SyncReport
        let status: ReplicaStatus
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Pending changes, last sync, open conflicts, rejected changes and clock drift.")

    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let replica = try replica.open()
        let status = try replica.status()
        if output.json {
            try Output.json(status)
            return
        }
        let now = SystemWallClock().nowMilliseconds()
        print(
            "replica \(status.replicaID) (\(replica.principal.name), \(status.hamletID.map { "hamlet \($0)" } ?? "reviewer"))"
        )
        let oldest =
            status.oldestPendingAt.map { ", oldest \(Output.duration(Milliseconds.difference(now, $0))) old" } ?? ""
        print("pending changes: \(status.pendingChanges)\(oldest)")
        print(
            "last sync: \(status.lastSyncAt.map { "\(Output.time($0)) (\(Output.duration(Milliseconds.difference(now, $0))) ago)" } ?? "never")"
        )
        print("open conflicts: \(status.openConflicts)")
        print("rejected changes: \(status.rejected.count)")
        for rejected in status.rejected {
            print(
                "  #\(rejected.seq) \(rejected.operation.rawValue) \(rejected.table) \(rejected.rowID): \(rejected.reason)"
            )
        }
        if !status.setAside.isEmpty {
            print("changes set aside (unreadable; content kept): \(status.setAside.count)")
            for change in status.setAside {
                print(
                    "  set-aside #\(change.id) (was change \(change.seq.map(String.init) ?? "?")) \(change.table ?? "?") \(change.rowID ?? "?"): \(change.reason)"
                )
            }
        }
        if status.backfilling {
            print("upgraded to schema version \(status.schemaVersion): the new fields are fetched at the next ntm sync")
        }
        if status.rebuilding {
            print("the confirmed copy of the hub's rows is being rebuilt: run ntm sync")
        }
        if !status.formerReplicaIDs.isEmpty {
            print("former ids (this file was copied): \(status.formerReplicaIDs.joined(separator: ", "))")
        }
        print(
            "clock drift: \(status.clockDriftMilliseconds.map { Output.duration($0) + " (this device minus the hub)" } ?? "unknown until the first sync")"
        )
    }
}

struct DiscardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract: "Drop a change not yet at the hub (pending, refused or set aside), after saving it to a file.",
        discussion: """
            The change's content is written to a file first (--to, or ntm-discarded-N.json next to             the replica); if that fails, nothing is dropped. The row then shows the hub's state with             the remaining changes on top. A pending change that already reached the hub (its answer             lost) comes back with the next sync.
            """)

    @Argument(help: "The change's number, from ntm status.") var number: Int64
    @Flag(help: "The number is a set-aside change's (set-aside #N in ntm status).") var setAside = false
    @Option(help: "Where to save the change before dropping it (must not exist).") var to: String?
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let path =
            to
            ?? URL(fileURLWithPath: replica.path).deletingLastPathComponent()
            .appendingPathComponent("ntm-discarded-\(setAside ? "set-aside-" : "")\(number).json").path
        try replica.open().discard(setAside ? .setAside(number) : .outbox(number)) { text in
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure.usage("\(path) already exists; nothing was discarded (choose another with --to)")
            }
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw CommandFailure.failure("cannot write \(path); nothing was discarded") }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data((text + "\n").utf8))
            try handle.synchronize()
        }
        if output.json {
            try Output.json(DiscardOutput(discarded: number, setAside: setAside, savedTo: path))
        } else {
            print("discarded \(setAside ? "set-aside change" : "change") #\(number); its content is in \(path)")
        }
    }

    struct DiscardOutput: Encodable {
        let discarded: Int64
        let setAside: Bool
        let savedTo: String

        enum CodingKeys: String, CodingKey {
            case discarded
            case setAside = "set_aside"
            case savedTo = "saved_to"
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the replica file; with --repair, put right what other tools changed.",
        discussion: """
            Checks integrity, that capture is on with every trigger in place, that every change             can be read, and that every row is what the replica recorded. --repair puts the             triggers back, captures rows written while capture was off, sets unreadable changes             aside (content kept), and starts rebuilding a damaged confirmed copy from the hub             (finished by the next ntm sync). Pending changes are never dropped.
            """)

    @Flag(help: "Repair what the check finds.") var repair = false
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let report = try replica.open().check(repair: repair)
        if output.json {
            try Output.json(report)
        } else {
            print("integrity: \(report.integrity)")
            if report.problems.isEmpty { print("no problems found") }
            for problem in report.problems { print("problem: \(problem)") }
            if report.repaired {
                print(
                    "repaired: \(report.triggersRestored) trigger(s) restored, \(report.rowsCaptured) change(s) captured, "
                        + "\(report.changesSetAside) change(s) set aside")
                if report.rebuilding { print("the confirmed copy is rebuilt from the hub by the next ntm sync") }
            } else if !report.problems.isEmpty {
                print("run ntm check --repair to put this right")
            }
        }
        if !report.problems.isEmpty, !report.repaired {
            throw CommandFailure.failure("\(report.problems.count) problem(s) found")
        }
    }
}

extension ReplicaOptions: ReportSource {
    func report(_ period: ReportPeriod, asOf: CalendarDate) async throws -> CommuneReport {
        try open().report(period, asOf: asOf)
    }

    func candidates(year: Int) async throws -> CandidatesReport { try open().candidates(year: year) }
}
