import ArgumentParser
import CommandSupport
import Foundation
import SyncClient
import SyncCore

struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: tr("Review conflicts: list, show, resolve.", "Xem và giải quyết xung đột: list, show, resolve."),
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
                Data(
                    tr(
                        "offline: \(error.message); showing this replica's copy (\(age ?? "never synced"))\n",
                        "không có mạng: \(Messages.localized(error)); hiện bản trên máy này (\(age ?? "chưa đồng bộ lần nào"))\n"
                    ).utf8))
            return try offline()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Open conflicts: the whole commune's from the hub (reviewer), or this hamlet's (head).",
                "Các xung đột đang mở: của cả xã từ hub (cán bộ xã), hoặc của thôn/xóm mình (trưởng thôn)."))

        @Flag(help: help("Resolved conflicts too.", "Cả các xung đột đã giải quyết.")) var all = false
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
            if conflicts.isEmpty {
                print(
                    all ? tr("no conflicts", "không có xung đột") : tr("no open conflicts", "không có xung đột đang mở")
                )
            }
            let names = try ConflictNames(replica, conflicts: conflicts)
            for conflict in conflicts {
                let what =
                    conflict.column.map { Vocabulary.column($0, table: conflict.table) }
                    ?? tr("delete vs update", "xóa và sửa cùng lúc")
                let sides: String
                if conflict.kind == .field, let column = conflict.column {
                    let cell = { (value: SyncValue?) in
                        Vocabulary.cell(value ?? .null, table: conflict.table, column: column)
                    }
                    sides =
                        "\(tr("hub", "hub")) \(cell(conflict.hub.value)) ↔ \(conflict.incoming.author) \(cell(conflict.incoming.value))"
                } else {
                    sides =
                        conflict.hub.deleted
                        ? tr(
                            "deleted at hub, updated by \(conflict.incoming.author)",
                            "hub đã xóa, \(conflict.incoming.author) đã sửa")
                        : tr(
                            "updated at hub, deleted by \(conflict.incoming.author)",
                            "hub đã sửa, \(conflict.incoming.author) đã xóa")
                }
                let status = conflict.status == .open ? tr("open", "đang mở") : tr("resolved", "đã giải quyết")
                print(
                    "\(names.id(conflict.id))  \(status)  \(names.row(conflict))  \(what)  \(sides)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "One conflict: base, hub and incoming values with authors and times.",
                "Một xung đột: giá trị gốc, của hub và mới gửi đến, kèm người sửa và thời điểm."))

        @Argument(help: help("The conflict's id, or the start of it.", "Mã xung đột, hoặc phần đầu của mã.")) var id:
            String
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let (replica, connection) = try replica.openWithHub()
            let conflict: ConflictRecord
            if replica.principal.isReviewer {
                conflict = try await ConflictsCommand.fromHub(replica) {
                    try await connection.conflict(
                        id: try await ConflictsCommand.conflictID(id, replica: replica, hub: connection))
                } offline: {
                    guard let local = try replica.conflicts().first(where: { $0.id.hasPrefix(id) }) else {
                        throw CommandFailure.usage(
                            tr(
                                "no conflict \(id) on this replica, and the hub cannot be reached",
                                "không có xung đột \(id) trên máy này, và không kết nối được hub"))
                    }
                    return local
                }
            } else {
                let full = try await ConflictsCommand.conflictID(id, replica: replica, hub: nil)
                guard let local = try replica.conflicts().first(where: { $0.id == full }) else {
                    throw CommandFailure.usage(
                        tr(
                            "no conflict \(id) on this replica (sync first?)",
                            "không có xung đột \(id) trên máy này (hãy đồng bộ trước?)"))
                }
                conflict = local
            }
            if output.json {
                try Output.json(conflict)
            } else {
                ConflictsCommand.describe(
                    conflict, names: try ConflictNames(replica, conflicts: [conflict]), db: self.replica.dbArgument)
            }
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Settle a conflict (reviewer token): keep the hub's value, take the incoming one, or set a value.",
                "Giải quyết xung đột (cán bộ xã): giữ giá trị của hub, lấy giá trị mới gửi đến, hoặc đặt giá trị khác.")
        )

        @Argument(help: help("The conflict's id, or the start of it.", "Mã xung đột, hoặc phần đầu của mã.")) var id:
            String
        @Option(help: help("hub or incoming.", "hub (giữ của hub) hoặc incoming (lấy bản mới gửi)."))
        var take: String?
        @Option(help: help("A new value for the field.", "Giá trị mới cho trường.")) var value: String?
        @Option(help: help("Why, for the record.", "Lý do, để lưu lại.")) var note: String?
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            switch (take, value) {
            case ("hub"?, nil), ("incoming"?, nil), (nil, .some): break
            case (.some, .some):
                throw ValidationError(tr("give --take or --value, not both", "chỉ cho --take hoặc --value"))
            case (nil, nil):
                throw ValidationError(
                    tr(
                        "give --take hub, --take incoming or --value VALUE",
                        "hãy cho --take hub, --take incoming hoặc --value GIÁ-TRỊ"))
            case (let other?, nil):
                throw ValidationError(
                    tr(
                        "--take must be hub or incoming, not '\(other)'",
                        "--take phải là hub hoặc incoming, không phải '\(other)'"))
            }
        }

        func run() async throws {
            let (replica, connection) = try replica.openWithHub()
            let id = try await ConflictsCommand.conflictID(self.id, replica: replica, hub: connection)
            let choice: ConflictChoice
            switch (take, value) {
            case ("hub"?, _): choice = .hub
            case ("incoming"?, _): choice = .incoming
            default:
                let conflict = try await connection.conflict(id: id)
                guard let column = conflict.column, let spec = try ReplicatedSchema.table(conflict.table).column(column)
                else {
                    throw CommandFailure.usage(
                        tr(
                            "a delete-versus-update conflict takes --take hub or --take incoming",
                            "xung đột xóa–sửa chỉ nhận --take hub hoặc --take incoming"))
                }
                choice = .value(try spec.parse(value ?? "", table: conflict.table))
            }
            let resolved = try await connection.resolve(id: id, choice: choice, note: note)
            if output.json {
                try Output.json(resolved)
            } else {
                let value =
                    resolved.resolution?.value.map {
                        " = " + Vocabulary.cell($0, table: resolved.table, column: resolved.column ?? "")
                    } ?? ""
                let took = resolved.resolution?.choice ?? choice.name
                print(
                    tr(
                        "resolved: took \(took)\(value); replicas get it at their next sync",
                        "đã giải quyết: chọn \(took)\(value); các máy nhận được ở lần đồng bộ tới"))
            }
        }
    }

    /// The conflict `text` names: its id or the start of one, among the hub's (a reviewer
    /// online) or this replica's.
    static func conflictID(_ text: String, replica: Replica, hub: HTTPHubConnection?) async throws -> String {
        var known = try replica.conflicts().map { (id: $0.id, name: "\($0.table) \($0.column ?? "")") }
        if known.first(where: { $0.id.hasPrefix(text) }) == nil, let hub, replica.principal.isReviewer {
            known =
                (try? await hub.conflicts(status: nil).map { (id: $0.id, name: "\($0.table) \($0.column ?? "")") })
                ?? known
        }
        if known.isEmpty { return text }
        return (try? RowLookup.resolve(text, among: known, table: "conflicts")) ?? text
    }

    /// One line on what the hub kept and what waits: `diện tích (m²) of hiến đất …: the hub
    /// kept 120 (Nguyễn Văn An), yours 110 waits for a reviewer (ntm conflicts show 0192…)`.
    static func kept(_ conflict: ConflictRecord, names: ConflictNames, db: String) -> String {
        func shown(_ side: ConflictSide) -> String {
            if side.deleted { return tr("deleted", "đã xóa") }
            if let column = conflict.column {
                return Vocabulary.cell(side.value ?? .null, table: conflict.table, column: column)
            }
            return tr("edited", "đã sửa")
        }
        let field = conflict.column.map { Vocabulary.column($0, table: conflict.table) } ?? tr("the row", "dòng")
        let by = conflict.hub.author.isEmpty ? "" : " (\(conflict.hub.author))"
        let show = "ntm\(db) conflicts show \(names.id(conflict.id))"
        return tr(
            "\(field) of \(names.row(conflict)): the hub kept \(shown(conflict.hub))\(by); yours, \(shown(conflict.incoming)), waits for a reviewer (\(show))",
            "\(field) của \(names.row(conflict)): hub giữ \(shown(conflict.hub))\(by); giá trị của bạn, \(shown(conflict.incoming)), chờ cán bộ xã (\(show))"
        )
    }

    /// Lays a conflict out for a commune officer to decide.
    /// `db`: the ` --db PATH` that chose the replica, for the command it suggests.
    static func describe(_ conflict: ConflictRecord, names: ConflictNames, db: String) {
        let status = conflict.status == .open ? tr("open", "đang mở") : tr("resolved", "đã giải quyết")
        print(tr("conflict", "xung đột") + " \(conflict.id) — \(status)")
        let hamlet = conflict.hamletID.map { " — " + names.hamlet($0) } ?? ""
        print("  \(tr("row:     ", "dòng:    ")) \(names.row(conflict))\(hamlet)")
        print(
            "  \(tr("field:   ", "trường:  ")) "
                + (conflict.column.map { "\(Vocabulary.column($0, table: conflict.table)) (\(conflict.table).\($0))" }
                    ?? tr("(whole row: a delete raced an update)", "(cả dòng: xóa và sửa cùng lúc)")))
        print("  \(tr("opened:  ", "mở lúc:  ")) \(Output.time(conflict.openedAt))")
        func cell(_ value: SyncValue?, _ column: String) -> String {
            Vocabulary.cell(value ?? .null, table: conflict.table, column: column)
        }
        func side(_ label: String, _ side: ConflictSide?) {
            guard let side else { return }
            let value: String
            if side.deleted {
                value = tr("deleted", "đã xóa")
            } else if let row = side.row {
                value = row.keys.sorted().map { "\(Vocabulary.column($0, table: conflict.table))=\(cell(row[$0], $0))" }
                    .joined(separator: " ")
            } else {
                value = cell(side.value, conflict.column ?? "")
            }
            let who = side.author.isEmpty ? "" : "  \(tr("by", "bởi")) \(side.author)"
            let when = side.hlc == .zero ? "" : " \(tr("at", "lúc")) \(Output.time(side.hlc.physicalMilliseconds))"
            let version = side.version > 0 ? " (\(tr("version", "phiên bản")) \(side.version))" : ""
            print("  \(label) \(value)\(who)\(when)\(version)")
        }
        side(tr("base:    ", "gốc:     "), conflict.base)
        side(tr("hub:     ", "hub:     "), conflict.hub)
        side(tr("incoming:", "mới gửi: "), conflict.incoming)
        if let resolution = conflict.resolution {
            let value =
                resolution.value.map { " = \(cell($0, conflict.column ?? ""))" }
                ?? (resolution.deleted ? tr(" (row deleted)", " (đã xóa dòng)") : "")
            print(
                "  \(tr("resolved:", "đã xử lý:")) \(tr("took", "chọn")) \(resolution.choice)\(value) \(tr("by", "bởi")) \(resolution.by) \(tr("at", "lúc")) \(Output.time(resolution.at))"
            )
            if let note = resolution.note { print("  \(tr("note:    ", "ghi chú: ")) \(note)") }
        } else {
            print(
                "  \(tr("resolve: ", "xử lý:   ")) ntm\(db) conflicts resolve \(names.id(conflict.id)) --take hub | --take incoming | --value \(tr("VALUE", "GIÁ-TRỊ"))"
            )
        }
    }
}

/// Names for what conflicts point at: rows by their name (or date, or donor), hamlets by name.
struct ConflictNames {
    private var hamlets: [String: String] = [:]
    private var rows: [String: String] = [:]
    private var short: [String: String] = [:]

    /// The names of the replica's rows, and short ids for them and for `conflicts`.
    init(_ replica: Replica, conflicts: [ConflictRecord] = []) throws {
        for table in ReplicatedSchema.tables {
            guard let column = table.labelColumn else { continue }
            for row in try replica.rows(table.name) {
                rows[row.id] = Vocabulary.cell(row[column] ?? .null, table: table.name, column: column)
                if table.name == "hamlets" { hamlets[row.id] = row.text("name") }
            }
        }
        short = try replica.shortIDs(conflicts.flatMap { [$0.id, $0.rowID] })
    }

    /// `hộ Nguyễn Văn Bảy (01a20b4c)`.
    func row(_ conflict: ConflictRecord) -> String {
        let noun = Vocabulary.table(conflict.table)
        return "\(noun) \(rows[conflict.rowID] ?? "?") (\(id(conflict.rowID)))"
    }

    /// An id as every list shows it: its shortest unique start.
    func id(_ id: String) -> String { short[id] ?? String(id.prefix(13)) }

    func hamlet(_ id: String) -> String { hamlets[id] ?? String(id.prefix(8)) }
}

/// `ntm history ID`: who changed a row, what, and when.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: tr(
            "Who changed a row, what and when: every value, lost and overwritten ones included.",
            "Ai đã sửa một dòng, sửa gì, lúc nào: mọi giá trị, kể cả giá trị bị mất hay bị ghi đè."),
        discussion: tr(
            "A reviewer sees the hub's log and audit trail (this device's knowledge when offline); a head sees what this device has seen.",
            "Cán bộ xã xem nhật ký và vết kiểm tra của hub (khi không có mạng: những gì máy này biết); trưởng thôn xem những gì máy này đã thấy."
        ))

    @Argument(help: help("The row's id, or the start of it.", "Mã của dòng, hoặc phần đầu của mã.")) var id: String
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() async throws {
        let replica = try replica.open()
        let (table, rowID) = try replica.findRow(id)
        var history: RowHistory
        if replica.principal.isReviewer, let settings = try replica.hubSettings() {
            let connection = HTTPHubConnection(settings)
            history = try await ConflictsCommand.fromHub(replica) {
                try await connection.history(table: table, rowID: rowID)
            } offline: {
                try replica.history(table: table, rowID: rowID)
            }
        } else {
            history = try replica.history(table: table, rowID: rowID)
        }
        if output.json {
            try Output.json(history)
        } else {
            let spec = try ReplicatedSchema.table(table)
            let label =
                try (try replica.row(table, id: rowID) ?? history.current).map {
                    RecordNames.label($0, table: spec, short: try replica.shortIDs([rowID]))
                }
                ?? String(rowID.prefix(13))
            for line in HistoryOutput.text(history, label: label) { print(line) }
        }
    }
}
