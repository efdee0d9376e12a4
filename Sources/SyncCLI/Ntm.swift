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
        abstract: tr(
            "NTM Sync field tool: record a hamlet's work offline and sync it with the commune hub.",
            "Công cụ NTM Sync: ghi chép công việc của thôn/xóm khi không có mạng và đồng bộ với hub của xã."),
        discussion: tr(
            """
            The replica is ./ntm.sqlite, or $NTM_DB, or --db PATH (before or after the command). \
            --lang vi|en chooses the language (default: from LANG). --json prints stable JSON.

            Values may be typed as Vietnamese write them: dates 15/03/2024 or 2024-03-15; \
            numbers 3,5 or 3.5 (three and a half), 4.500.000 or 4500000; money may end in đ. \
            A single separator before exactly three digits (1.500, 1,500) is a thousands \
            separator in a whole number (money, counts) and is refused elsewhere as ambiguous: \
            write 1,5 or 1500.
            """,
            """
            Bản sao dữ liệu là ./ntm.sqlite, hoặc $NTM_DB, hoặc --db ĐƯỜNG_DẪN (trước hoặc sau lệnh). \
            --lang vi|en chọn ngôn ngữ (mặc định theo LANG). --json in JSON ổn định.

            Có thể gõ giá trị theo cách viết của người Việt: ngày 15/03/2024 hoặc 2024-03-15; \
            số 3,5 hoặc 3.5 (ba phẩy năm), 4.500.000 hoặc 4500000; số tiền có thể kèm đ. \
            Một dấu phân cách đứng trước đúng ba chữ số (1.500, 1,500) được hiểu là phân cách \
            hàng nghìn khi trường là số nguyên (tiền, số người) và bị từ chối ở các trường khác \
            vì không rõ nghĩa: hãy viết 1,5 hoặc 1500.
            """),
        version: BuildInfo.description,
        subcommands: [
            InitCommand.self, HouseholdCommand.self, CleanupCommand.self, RoadCommand.self, DonationCommand.self,
            ContributionCommand.self, ListCommand.self, ShowCommand.self, SyncCommand.self, StatusCommand.self,
            PendingCommand.self,
            DiscardCommand.self,
            CheckCommand.self, CriteriaCommand.self, BundleCommand.self, AttachCommand.self, AttachmentsCommand.self,
            ConflictsCommand.self, HistoryCommand.self, TokenCommand.self, HubCommand.self, RelocateCommand.self,
            ReportCommand<ReplicaOptions>.self,
        ])

    static func main() async {
        await CommandRunner.main(Ntm.self)
    }
}

/// `--db PATH`: the replica file.
struct ReplicaOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "The replica file (default: $NTM_DB, else ./ntm.sqlite).",
                "Tệp bản sao dữ liệu (mặc định: $NTM_DB, nếu không thì ./ntm.sqlite).")))
    var db: String?

    /// The replica's path.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["NTM_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "ntm.sqlite"
    }

    /// ` --db PATH` when the replica was chosen by `--db`, for a command printed to be
    /// pasted: pasted, it acts on the same file.
    var dbArgument: String {
        guard let db else { return "" }
        return " --db " + Output.shellQuoted(db)
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
        let (replica, settings) = try openWithHubSettings()
        PlainHTTP.warn(settings.url)
        return (replica, HTTPHubConnection(settings))
    }

    /// The replica and where it syncs.
    func openWithHubSettings() throws -> (Replica, HubSettings) {
        let replica = try open()
        guard let settings = try replica.hubSettings() else {
            throw CommandFailure.usage(
                tr(
                    "\(path) has no hub: run ntm init --hub URL --token TOKEN",
                    "\(path) chưa gắn với hub: hãy chạy ntm init --hub ĐỊA-CHỈ --token TOKEN"))
        }
        return (replica, settings)
    }
}
