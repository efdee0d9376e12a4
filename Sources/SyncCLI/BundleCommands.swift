import ArgumentParser
import CommandSupport
import Foundation
import SyncClient
import SyncCore

/// `ntm bundle`: sync by file where there is no signal (DESIGN.md §8).
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: tr(
            "Sync by file where there is no signal: export changes, import the hub's reply.",
            "Đồng bộ bằng tệp khi không có sóng: xuất thay đổi, nhập tệp trả lời của hub."),
        discussion: tr(
            """
            ntm bundle export FILE writes this replica's pending changes, signed with its own key, \
            for the commune office (USB stick, or a message when a bar of signal comes). The office \
            imports it (ntm-hub bundle import, or a reviewer's ntm bundle relay) and gives back a \
            reply, which ntm bundle import REPLY applies here. Files may be imported twice, late or \
            in any order, and mixed with ntm sync: nothing is applied twice or lost.
            """,
            """
            ntm bundle export TỆP ghi các thay đổi đang chờ của bản sao này, ký bằng khóa riêng của \
            máy, để mang đến văn phòng xã (USB, hoặc gửi qua tin nhắn khi có chút sóng). Văn phòng \
            nhập tệp (ntm-hub bundle import, hoặc cán bộ dùng ntm bundle relay) và trả lại một tệp \
            trả lời; ntm bundle import TỆP-TRẢ-LỜI áp dụng tệp đó trên máy này. Có thể nhập một tệp \
            hai lần, nhập muộn, nhập không theo thứ tự, xen với ntm sync: không gì bị áp dụng hai lần \
            hay bị mất.
            """),
        subcommands: [Export.self, Import.self, Relay.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Write the pending changes and this replica's position as signed bundle file(s).",
                "Ghi các thay đổi đang chờ và vị trí của bản sao này thành (các) tệp gói đã ký."))

        @Argument(help: ArgumentHelp(tr("The file to write.", "Tệp cần ghi."))) var file: String
        @Option(
            help: ArgumentHelp(
                tr(
                    "The largest file to write (64KB to 8MB). What fits goes in FILE itself; a larger backlog goes in numbered files instead (to-tung.ntmb: to-tung-1.ntmb, to-tung-2.ntmb, …), each listed as it is written.",
                    "Kích thước tệp lớn nhất (64KB đến 8MB). Vừa một tệp thì ghi đúng TỆP; nhiều hơn thì ghi thành các tệp đánh số (to-tung.ntmb: to-tung-1.ntmb, to-tung-2.ntmb, …), mỗi tệp đều được liệt kê."
                )))
        var maxSize = "8MB"
        @Flag(
            help: ArgumentHelp(
                tr(
                    "Carry the photos and scans the hub does not have yet too (larger files).",
                    "Mang theo cả ảnh và bản quét mà hub chưa có (tệp lớn hơn).")))
        var withAttachments = false
        @OptionGroup var replace: ReplaceFlag
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        struct Written: Encodable {
            let path: String
            let bytes: Int
            let changes: Int
        }

        func run() throws {
            let limit = try BundleFiles.checkedSize(maxSize, option: "--max-size")
            let bundles = try replica.open().exportBundles(maxFileBytes: limit, attachments: withAttachments)
            let paths = BundleFiles.partPaths(file, count: bundles.count)
            try BundleFiles.refuseExisting(paths, replacing: replace.force)
            var written: [Written] = []
            for (bundle, path) in zip(bundles, paths) {
                let bytes = try bundle.fileBytes()
                try BundleFiles.write(bytes, to: path, replacing: replace.force)
                let changes =
                    (try? WireJSON.decode(ChangesBundle.self, from: bundle.payload))?.pushes
                    .reduce(0) { $0 + $1.changes.count } ?? 0
                written.append(Written(path: path, bytes: bytes.count, changes: changes))
            }
            if output.json { return try Output.json(written) }
            let total = written.reduce(0) { $0 + $1.changes }
            let list = written.map { "\($0.path) (\(BundleFiles.shown($0.bytes)))" }.joined(separator: ", ")
            print(
                tr(
                    "wrote \(list): \(total) change(s) and this replica's position in the hub's log",
                    "đã ghi \(list): \(total) thay đổi và vị trí của bản sao này trong nhật ký của hub"))
            if written.count > 1 {
                print(
                    tr(
                        "take all \(written.count) files: the office imports them together, in any order",
                        "hãy mang cả \(written.count) tệp: văn phòng xã nhập cùng lúc, không cần theo thứ tự"))
            }
            print(
                tr(
                    "take it to the commune office (USB stick, or a message); then apply the office's reply: ntm\(replica.dbArgument) bundle import REPLY",
                    "hãy mang đến văn phòng xã (USB, hoặc gửi qua tin nhắn); sau đó áp dụng tệp trả lời của xã: ntm\(replica.dbArgument) bundle import TỆP-TRẢ-LỜI"
                ))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: tr(
                "Apply the hub's reply file(s) here, exactly as a sync would.",
                "Áp dụng (các) tệp trả lời của hub trên máy này, đúng như khi đồng bộ."))

        @Argument(help: ArgumentHelp(tr("The reply file(s).", "(Các) tệp trả lời."))) var files: [String]
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard !files.isEmpty, files.count <= 100 else {
                throw ValidationError(tr("give 1 to 100 reply files", "hãy cho từ 1 đến 100 tệp trả lời"))
            }
        }

        struct Imported: Encodable {
            let path: String
            let report: BundleImportReport
        }

        func run() throws {
            let replica = try replica.open()
            // Every file is read and checked as a bundle before any is applied.
            let bundles = try files.map { ($0, try BundleFiles.read($0)) }
            var imported: [Imported] = []
            var total = SyncReport()
            var (waiting, stale, more) = (0, 0, false)
            var pullErrors: [String] = []
            for (path, bundle) in bundles {
                let report: BundleImportReport
                do {
                    report = try replica.importReply(bundle)
                } catch let error as SyncError {
                    throw CommandFailure.file(path, error)
                }
                imported.append(Imported(path: path, report: report))
                total.pushed += report.sync.pushed
                total.rejected += report.sync.rejected
                total.conflicts += report.sync.conflicts
                total.conflictIDs += report.sync.conflictIDs
                total.lost += report.sync.lost
                total.pulled += report.sync.pulled
                total.forks += report.sync.forks
                total.forkedTo = report.sync.forkedTo ?? total.forkedTo
                waiting += report.waiting
                stale += report.stale ? 1 : 0
                more = report.hasMore
                if let error = report.pullError { pullErrors.append(error.message) }
            }
            let status = try replica.status()
            if output.json { return try Output.json(imported) }
            for line in SyncCommand.summary(
                total, status: status, replica: replica, db: self.replica.dbArgument, byFile: true,
                conflicts: total.conflictIDs.isEmpty ? [] : try replica.conflicts())
            {
                print(line)
            }
            if stale > 0 {
                print(
                    tr(
                        "\(stale) reply file(s) brought nothing new (imported before, or older than what this replica has)",
                        "\(stale) tệp trả lời không có gì mới (đã nhập rồi, hoặc cũ hơn những gì máy này đã có)"))
            }
            if waiting > 0 {
                print(
                    tr(
                        "\(waiting) part(s) of your changes reached the hub before an earlier part: they stay here and go with the next export",
                        "\(waiting) phần thay đổi đến hub trước phần đi trước nó: chúng vẫn ở trên máy và sẽ đi cùng lần xuất sau"
                    ))
            }
            for message in pullErrors {
                print(
                    tr(
                        "the reply holds no news from the hub: \(message); sync over the network when you can",
                        "tệp trả lời không có tin mới từ hub: \(Messages.translated(message)); hãy đồng bộ qua mạng khi có thể"
                    ))
            }
            if more {
                print(
                    tr(
                        "the hub has more for this replica than one reply holds: export again to receive the rest",
                        "hub còn dữ liệu cho máy này mà một tệp trả lời chưa chứa hết: hãy xuất gói lần nữa để nhận phần còn lại"
                    ))
            }
            if status.pendingChanges > 0 {
                print(
                    tr(
                        "\(status.pendingChanges) change(s) still wait for the hub: ntm\(self.replica.dbArgument) bundle export, or ntm\(self.replica.dbArgument) sync",
                        "\(status.pendingChanges) thay đổi vẫn chờ gửi lên hub: ntm\(self.replica.dbArgument) bundle export, hoặc ntm\(self.replica.dbArgument) sync"
                    ))
            }
        }
    }

    struct Relay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Hand a hamlet's bundle file(s) to the hub over this device's connection (reviewer token) and write the reply.",
                "Chuyển (các) tệp gói của thôn/xóm lên hub qua kết nối của máy này (token cán bộ xã) và ghi tệp trả lời."
            ))

        @OptionGroup var input: BundleInput
        @Option(
            help: ArgumentHelp(
                tr(
                    "Where to write the hub's reply (one per bundle file: REPLY-1, REPLY-2, … when several).",
                    "Nơi ghi tệp trả lời của hub (mỗi tệp gói một tệp: TRẢ-LỜI-1, TRẢ-LỜI-2, … khi có nhiều).")))
        var reply: String
        @OptionGroup var replace: ReplaceFlag
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        struct Relayed: Encodable {
            let bundle: String
            let reply: String
            let bytes: Int
        }

        func run() async throws {
            let limit = try input.replyLimit()
            let (_, connection) = try replica.openWithHub()
            // Parts in change order: each then finds the one before it at the hub.
            let bundles = try input.files.map { path in
                let bundle = try BundleFiles.read(path)
                let first = (try? WireJSON.decode(ChangesBundle.self, from: bundle.payload))?.firstSeq
                return (path: path, bundle: bundle, first: first ?? .max)
            }.sorted { $0.first < $1.first }
            let paths = BundleFiles.partPaths(reply, count: bundles.count)
            try BundleFiles.refuseExisting(paths, replacing: replace.force)
            var relayed: [Relayed] = []
            for (item, path) in zip(bundles, paths) {
                let answer: [UInt8]
                do {
                    answer = try await connection.relayBundle(try item.bundle.fileBytes(), maxReplyBytes: limit)
                } catch let error as SyncError {
                    throw CommandFailure.file(item.path, error)
                }
                try BundleFiles.write(answer, to: path, replacing: replace.force)
                relayed.append(Relayed(bundle: item.path, reply: path, bytes: answer.count))
            }
            if output.json { return try Output.json(relayed) }
            for item in relayed {
                print(
                    tr(
                        "\(item.bundle): the hub took it; its reply is \(item.reply) (\(BundleFiles.shown(item.bytes))), for the hamlet to import with ntm bundle import",
                        "\(item.bundle): hub đã nhận; tệp trả lời là \(item.reply) (\(BundleFiles.shown(item.bytes))), để thôn/xóm nhập bằng ntm bundle import"
                    ))
            }
        }
    }
}
