import ArgumentParser
import CommandSupport
import Foundation
import SyncClient
import SyncCore

/// `ntm`: the field tool of hamlet heads and commune reviewers (DESIGN.md §6).
@main
struct Ntm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ntm",
        abstract: "NTM Sync field tool: record a hamlet's work offline and sync it with the commune hub.",
        discussion: "The replica is ./ntm.sqlite, or $NTM_DB, or --db PATH (before or after the command).",
        subcommands: [
            InitCommand.self, HouseholdCommand.self, CleanupCommand.self, RoadCommand.self, DonationCommand.self,
            ContributionCommand.self, ListCommand.self, SyncCommand.self, StatusCommand.self, DiscardCommand.self,
            CheckCommand.self,
            ConflictsCommand.self,
            ReportCommand.self,
        ])

    static func main() async {
        // `ntm --db PATH command …`: every command takes --db, so move a leading one to the end.
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, first == "--db" || first.hasPrefix("--db=") {
            let taken = first == "--db" ? Array(arguments.prefix(2)) : [first]
            arguments.removeFirst(taken.count)
            arguments += taken
        }
        await CommandRunner.main(Ntm.self, arguments: arguments)
    }
}

/// `--db PATH`: the replica file.
struct ReplicaOptions: ParsableArguments {
    @Option(name: .long, help: "The replica file (default: $NTM_DB, else ./ntm.sqlite).")
    var db: String?

    /// The replica's path.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["NTM_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "ntm.sqlite"
    }

    /// Opens the replica, or explains how to make one.
    func open() throws -> Replica {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure.usage("no replica at \(path): run ntm init --hub URL --token TOKEN first")
        }
        return try Replica(path: path)
    }

    /// The replica and its connection to the hub.
    func openWithHub() throws -> (Replica, HTTPHubConnection) {
        let replica = try open()
        guard let settings = try replica.hubSettings() else {
            throw CommandFailure.usage("\(path) has no hub: run ntm init --hub URL --token TOKEN")
        }
        return (replica, HTTPHubConnection(baseURL: settings.url, token: settings.token))
    }
}

/// `--json`.
struct JSONFlag: ParsableArguments {
    @Flag(help: "Print stable JSON instead of text.") var json = false
}
