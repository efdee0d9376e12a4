import ArgumentParser
import CommandSupport
import Foundation
import SyncClient
import SyncCore

struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "Review conflicts: list, show, resolve.",
        subcommands: [List.self, Show.self, Resolve.self])

    /// What the hub says, or — when it cannot be reached — this replica's copy as of its
    /// last sync, with a note on stderr saying how old it is.
    static func fromHub<T>(
        _ replica: Replica, _ online: () async throws -> T, offline: () throws -> T
    ) async throws -> T {
        do {
            return try await online()
        } catch let error as SyncError where error.kind == .unavailable {
            let age = try replica.status().lastSyncAt.map {
                "last synced \(Output.time($0)), \(Output.duration(Milliseconds.difference(SystemWallClock().nowMilliseconds(), $0))) ago"
            }
            FileHandle.standardError.write(
                Data("offline: \(error.message); showing this replica's copy (\(age ?? "never synced"))\n".utf8))
            return try offline()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open conflicts: the whole commune's from the hub (reviewer), or this hamlet's (head).")

        @Flag(help: "Resolved conflicts too.") var all = false
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let (replica, connection) = try replica.openWithHub()
            let conflicts: [ConflictRecord]
            if replica.principal.isReviewer {
                conflicts = try await ConflictsCommand.fromHub(replica) {
                    try await connection.conflicts(status: all ? nil : .open)
                } offline: {
                    try replica.conflicts(status: all ? nil : .open)
                }
            } else {
                conflicts = try replica.conflicts(status: all ? nil : .open)
            }
            if output.json {
                try Output.json(conflicts)
                return
            }
            if conflicts.isEmpty { print(all ? "no conflicts" : "no open conflicts") }
            for conflict in conflicts {
                let what = conflict.column.map { "\(conflict.table).\($0)" } ?? "\(conflict.table) (delete vs update)"
                let sides =
                    conflict.kind == .field
                    ? "hub \(Output.cell(conflict.hub.value ?? .null)) vs incoming \(Output.cell(conflict.incoming.value ?? .null))"
                    : (conflict.hub.deleted
                        ? "deleted at hub vs updated by \(conflict.incoming.author)"
                        : "updated at hub vs deleted by \(conflict.incoming.author)")
                print("\(conflict.id)  \(conflict.status.rawValue)  \(what)  row \(conflict.rowID)  \(sides)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One conflict: base, hub and incoming values with authors and times.")

        @Argument(help: "The conflict's id.") var id: String
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let (replica, connection) = try replica.openWithHub()
            let conflict: ConflictRecord
            if replica.principal.isReviewer {
                conflict = try await ConflictsCommand.fromHub(replica) {
                    try await connection.conflict(id: id)
                } offline: {
                    guard let local = try replica.conflicts().first(where: { $0.id == id }) else {
                        throw CommandFailure.usage("no conflict \(id) on this replica, and the hub cannot be reached")
                    }
                    return local
                }
            } else {
                guard let local = try replica.conflicts().first(where: { $0.id == id }) else {
                    throw CommandFailure.usage("no conflict \(id) on this replica (sync first?)")
                }
                conflict = local
            }
            if output.json {
                try Output.json(conflict)
            } else {
                ConflictsCommand.describe(conflict)
            }
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Settle a conflict (reviewer token): keep the hub's value, take the incoming one, or set a value."
        )

        @Argument(help: "The conflict's id.") var id: String
        @Option(help: "hub or incoming.") var take: String?
        @Option(help: "A new value for the field.") var value: String?
        @Option(help: "Why, for the record.") var note: String?
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            switch (take, value) {
            case ("hub"?, nil), ("incoming"?, nil), (nil, .some): break
            case (.some, .some): throw ValidationError("give --take or --value, not both")
            case (nil, nil): throw ValidationError("give --take hub, --take incoming or --value VALUE")
            case (let other?, nil): throw ValidationError("--take must be hub or incoming, not '\(other)'")
            }
        }

        func run() async throws {
            let (_, connection) = try replica.openWithHub()
            let choice: ConflictChoice
            switch (take, value) {
            case ("hub"?, _): choice = .hub
            case ("incoming"?, _): choice = .incoming
            default:
                let conflict = try await connection.conflict(id: id)
                guard let column = conflict.column, let spec = try ReplicatedSchema.table(conflict.table).column(column)
                else {
                    throw CommandFailure.usage("a delete-versus-update conflict takes --take hub or --take incoming")
                }
                choice = .value(try spec.parse(value ?? "", table: conflict.table))
            }
            let resolved = try await connection.resolve(id: id, choice: choice, note: note)
            if output.json {
                try Output.json(resolved)
            } else {
                let value = resolved.resolution?.value.map { " = \(Output.cell($0))" } ?? ""
                print(
                    "resolved \(id): took \(resolved.resolution?.choice ?? choice.name)\(value); replicas get it at their next sync"
                )
            }
        }
    }

    /// Lays a conflict out for a commune officer to decide.
    static func describe(_ conflict: ConflictRecord) {
        print("conflict \(conflict.id) — \(conflict.status.rawValue)")
        print("  row:      \(conflict.table) \(conflict.rowID)\(conflict.hamletID.map { " (hamlet \($0))" } ?? "")")
        print("  field:    \(conflict.column ?? "(whole row: a delete raced an update)")")
        print("  opened:   \(Output.time(conflict.openedAt))")
        func side(_ label: String, _ side: ConflictSide?) {
            guard let side else { return }
            let value: String
            if side.deleted {
                value = "deleted"
            } else if let row = side.row {
                value = row.keys.sorted().map { "\($0)=\(Output.cell(row[$0] ?? .null))" }.joined(separator: " ")
            } else {
                value = Output.cell(side.value ?? .null)
            }
            let who = side.author.isEmpty ? "" : "  by \(side.author)"
            let when = side.hlc == .zero ? "" : " at \(Output.time(side.hlc.physicalMilliseconds))"
            let version = side.version > 0 ? " (version \(side.version))" : ""
            print("  \(label) \(value)\(who)\(when)\(version)")
        }
        side("base:    ", conflict.base)
        side("hub:     ", conflict.hub)
        side("incoming:", conflict.incoming)
        if let resolution = conflict.resolution {
            let value = resolution.value.map { " = \(Output.cell($0))" } ?? (resolution.deleted ? " (row deleted)" : "")
            print("  resolved: took \(resolution.choice)\(value) by \(resolution.by) at \(Output.time(resolution.at))")
            if let note = resolution.note { print("  note:     \(note)") }
        } else {
            print("  resolve:  ntm conflicts resolve \(conflict.id) --take hub | --take incoming | --value VALUE")
        }
    }
}
