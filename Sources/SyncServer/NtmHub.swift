import ArgumentParser
import CommandSupport
import Foundation
import HubHTTP
import Logging
import NIOCore
import SyncCore

/// `ntm-hub`: the commune hub — HTTP server and admin commands (DESIGN.md §6).
@main
struct NtmHub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ntm-hub",
        abstract: tr(
            "The commune hub of NTM Sync: merges every hamlet's changes and keeps the conflicts for review.",
            "Hub của xã trong NTM Sync: hợp nhất thay đổi của mọi thôn/xóm và giữ các xung đột để cán bộ xem xét."),
        version: BuildInfo.description,
        subcommands: [
            Serve.self, Init.self, HamletCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self,
            Demo.self,
        ])

    static func main() async {
        await CommandRunner.main(NtmHub.self)
    }
}

/// `--db PATH`, shared by every command that opens the hub file.
struct HubDatabaseOption: ParsableArguments {
    @Option(name: .long, help: "The hub's SQLite file (created if missing).")
    var db: String = "ntm-hub.sqlite"

    /// Opens the hub store.
    func open(logLevel: Logger.Level = .warning) throws -> SQLiteHubStore {
        var logger = Logger(label: "ntm-hub") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        do {
            return try SQLiteHubStore(path: db, logger: logger)
        } catch let error as SyncError {
            throw error
        } catch {
            throw CommandFailure.failure("cannot open the hub file \(db): \(error)")
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the hub's HTTP server (creates the db if missing).")

    @OptionGroup var database: HubDatabaseOption
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port).") var port = 8080
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(help: "Seconds a connection may stay idle, or take to send a request's head (default 30).")
    var idleTimeout = 30
    @Option(help: "Seconds one request may take from its head to the end of its body (default 120).")
    var requestTimeout = 120
    @Option(help: "The most connections open at once; more wait to be accepted (default 256).")
    var maxConnections = 256

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw CommandFailure.usage(
                "--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard (0...65535).contains(port) else { throw CommandFailure.usage("--port must be between 0 and 65535") }
        guard (1...3_600).contains(idleTimeout) else {
            throw CommandFailure.usage("--idle-timeout must be between 1 and 3600 seconds")
        }
        guard (1...3_600).contains(requestTimeout) else {
            throw CommandFailure.usage("--request-timeout must be between 1 and 3600 seconds")
        }
        guard (1...100_000).contains(maxConnections) else {
            throw CommandFailure.usage("--max-connections must be between 1 and 100000")
        }
        var limits = HubServerLimits()
        limits.idleTimeout = .seconds(Int64(idleTimeout))
        limits.requestTimeout = .seconds(Int64(requestTimeout))
        limits.maxConnections = maxConnections
        let store = try database.open(logLevel: .warning)
        var logger = Logger(label: "ntm-hub") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        let (db, host) = (database.db, self.host)
        let app = HubApplication.make(store: store, host: host, port: port, limits: limits, logger: logger) { port in
            FileHandle.standardOutput.write(Data("ntm-hub: listening on http://\(host):\(port) (db \(db))\n".utf8))
        }
        try await app.runService()
    }
}

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Name the commune and record the 19 national criteria.")

    @Option(help: "The commune's name.") var commune: String
    @OptionGroup var database: HubDatabaseOption

    func run() async throws {
        let added = try await database.open().initialize(communeName: commune)
        print("commune \(commune): \(added.count) national criteria recorded (db \(database.db))")
    }
}

struct HamletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hamlet", abstract: "Add and list hamlets.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a hamlet; prints its id.")

        @Argument(help: "The hamlet's name.") var name: String
        @Option(help: "The hamlet head's name.") var head: String?
        @Option(help: "xom, thon, lang or ban.") var kind: String?
        @Option(help: "standard or model.") var target: String?
        @Option(help: "How many households the hamlet has.") var households: String?
        @OptionGroup var database: HubDatabaseOption
        @Flag(help: "Print the new row as JSON.") var json = false

        func run() async throws {
            let table = try ReplicatedSchema.table("hamlets")
            var values: SyncRow = [:]
            for (column, text) in [
                ("name", name), ("head_name", head), ("kind", kind), ("target", target),
                ("households_total", households),
            ] {
                if let text, let spec = table.column(column) { values[column] = try spec.parse(text, table: "hamlets") }
            }
            let row = try await database.open().addHamlet(values)
            if json { try Output.json(row) } else { print(row[TableSpec.idColumn]?.text ?? "") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the commune's hamlets.")

        @OptionGroup var database: HubDatabaseOption
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let rows = try await database.open().rows(table: "hamlets", for: SQLiteHubStore.administrator)
            if json {
                try Output.json(rows)
            } else {
                Output.table(
                    rows, table: "hamlets",
                    columns: ["id", "name", "kind", "head_name", "households_total", "target", "achieved"])
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue access tokens.", subcommands: [Issue.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token for a hamlet head or a reviewer; prints it once (only its hash is kept).")

        @Option(help: "The hamlet a head token belongs to, by id or exact name.") var hamlet: String?
        @Option(help: "head or reviewer.") var role: String
        @Option(help: "Who holds the token, for the audit trail (default: the hamlet's head).") var name: String?
        @OptionGroup var database: HubDatabaseOption

        func validate() throws {
            switch (role, hamlet) {
            case ("head", .some), ("reviewer", nil): break
            case ("head", nil): throw ValidationError("a head token needs --hamlet ID-OR-NAME")
            case ("reviewer", .some): throw ValidationError("a reviewer token takes no --hamlet")
            default: throw ValidationError("--role must be head or reviewer")
            }
        }

        func run() async throws {
            let hub = try database.open()
            var role = Principal.Role.reviewer
            if let hamlet { role = .head(hamletID: try await hub.hamletID(named: hamlet)) }
            let issued = try await hub.issueToken(role: role, name: name)
            print(issued.token)
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the hub file while the hub runs: one consistent state, verified by integrity_check.")

    @Argument(help: "Where to write the copy (must not exist).") var file: String
    @OptionGroup var database: HubDatabaseOption

    func run() throws {
        guard FileManager.default.fileExists(atPath: database.db) else {
            throw CommandFailure.usage("no hub file at \(database.db)")
        }
        try database.open().backup(to: file)
        print("backed up \(database.db) to \(file) (integrity_check: ok)")
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup back as the hub file (stop the hub first).",
        discussion: """
            Every replica finds at its next sync that the hub lost what came after the backup, \
            and offers it back with its original authors and stamps; nothing else is asked of anyone.
            """)

    @Argument(help: "The backup to put back.") var file: String
    @OptionGroup var database: HubDatabaseOption

    func run() throws {
        try SQLiteHubStore.restore(backup: file, to: database.db)
        print("restored \(database.db) from \(file); replicas refill it at their next sync")
    }
}
