import ArgumentParser
import CommandSupport
import Foundation
import SyncClient
import SyncCore

/// The tables attachments go on, by the names `ntm list` uses (and their own).
private func attachableTable(_ name: String) throws -> String {
    let table = ListCommand.table(name) ?? name
    guard ReplicatedSchema.attachableTables.contains(table) else {
        throw ValidationError(
            tr(
                "attachments go on households, cleanups, roads, donations or contributions, not '\(name)'",
                "tệp đính kèm chỉ gắn vào households, cleanups, roads, donations hoặc contributions, không phải '\(name)'"
            ))
    }
    return table
}

/// `ntm attach TABLE ID FILE`: evidence for a row (DESIGN.md §8).
struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: tr(
            "Attach a photo (JPEG, PNG) or a scan (PDF) of at most 10 MB to a row; it goes to the hub with the next sync.",
            "Đính kèm ảnh (JPEG, PNG) hoặc bản quét (PDF) tối đa 10 MB vào một dòng; gửi lên hub ở lần đồng bộ sau."))

    @Argument(
        help: ArgumentHelp(
            tr(
                "households, cleanups, roads, donations or contributions.",
                "households, cleanups, roads, donations hoặc contributions.")))
    var table: String
    @Argument(help: ArgumentHelp(tr("The row's id (or its first characters).", "Mã của dòng (hoặc vài ký tự đầu).")))
    var id: String
    @Argument(help: ArgumentHelp(tr("The photo or scan.", "Tệp ảnh hoặc bản quét."))) var file: String
    @Option(help: ArgumentHelp(tr("What it shows.", "Nội dung của ảnh."))) var caption: String?
    @Option(help: ArgumentHelp(tr("When it was taken.", "Ngày chụp."))) var takenOn: String?
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let tableName = try attachableTable(table)
        let replica = try replica.open()
        let rowID = try replica.rowID(id, in: tableName)
        let content = try BlobContent(checking: try BundleFiles.bytes(file, limit: MediaType.maxBytes))
        var takenOnDate: String?
        if let takenOn {
            guard let date = TypedInput.date(takenOn) else {
                throw SyncError.invalidValue(
                    table: "attachments", column: "taken_on", "must be a date DD/MM/YYYY or YYYY-MM-DD")
            }
            takenOnDate = date
        }
        let row = try replica.attach(content, to: tableName, rowID: rowID, caption: caption, takenOn: takenOnDate)
        if output.json { return try Output.json(row) }
        print(row.id)
    }
}

/// `ntm attachments list|get`.
struct AttachmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments",
        abstract: tr("Photos and scans attached to rows.", "Ảnh và bản quét đính kèm các dòng."),
        subcommands: [List.self, Get.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("List attachments, of one row or of all.", "Liệt kê tệp đính kèm của một dòng hoặc tất cả."))

        @Argument(help: ArgumentHelp(tr("A table, to list one row's.", "Một bảng, để liệt kê của một dòng.")))
        var table: String?
        @Argument(help: ArgumentHelp(tr("The row's id.", "Mã của dòng."))) var id: String?
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let replica = try replica.open()
            var rows: [SyncRow]
            if let table {
                let tableName = try attachableTable(table)
                let rowID = try id.map { try replica.rowID($0, in: tableName) }
                rows = try replica.attachments(of: tableName, rowID: rowID)
            } else {
                rows = try replica.attachments()
            }
            if output.json { return try Output.json(rows) }
            if rows.isEmpty { return print(tr("no attachments", "không có tệp đính kèm")) }
            let short = try replica.shortIDs(rows.flatMap { [$0.id, $0["row_id"]?.text ?? ""] })
            for row in rows {
                let here = try (row["sha256"]?.text).map { try replica.blob($0) != nil } ?? false
                let size = BundleFiles.shown(Int(row["bytes"]?.integerValue ?? 0))
                let parts = [
                    short[row.id] ?? row.id, (row["row_table"]?.text).map { Vocabulary.table($0) } ?? "",
                    (row["row_id"]?.text).map { short[$0] ?? $0 } ?? "", row["media_type"]?.text ?? "",
                    size,
                    here ? tr("on this device", "có trên máy") : tr("at the hub", "ở hub"),
                    row["caption"]?.text ?? "",
                ]
                print(parts.filter { !$0.isEmpty }.joined(separator: "  "))
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Write an attachment's photo or scan to a file, fetching it from the hub when this device has not got it.",
                "Ghi ảnh hoặc bản quét của một tệp đính kèm ra tệp, tải từ hub nếu máy chưa có."))

        @Argument(
            help: ArgumentHelp(
                tr(
                    "The attachment's id, or its content's SHA-256 (or the start of either).",
                    "Mã của tệp đính kèm, hoặc mã SHA-256 của nội dung (hoặc phần đầu của một trong hai).")))
        var id: String
        @Option(help: ArgumentHelp(tr("Where to write it.", "Nơi ghi tệp."))) var out: String
        @OptionGroup var replace: ReplaceFlag
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            try BundleFiles.refuseExisting([out], replacing: replace.force)
            let replica = try replica.open()
            let all = try replica.attachments()
            let sha256: String
            do {
                let attachmentID = try replica.rowID(id, in: "attachments")
                guard let row = all.first(where: { $0.id == attachmentID }), let digest = row["sha256"]?.text else {
                    throw SyncError.notFound("attachment \(id)")
                }
                sha256 = digest
            } catch {
                // The content's SHA-256, as `attachments list --json` and DESIGN §8 name it.
                let typed = id.lowercased()
                let digests = Set(all.compactMap { $0["sha256"]?.text }.filter { $0.hasPrefix(typed) })
                guard typed.utf8.count >= RowLookup.minimumPrefix, digests.count == 1, let digest = digests.first
                else { throw error }
                sha256 = digest
            }
            let content: BlobContent
            if let local = try replica.blob(sha256) {
                content = local
            } else {
                let (_, connection) = try self.replica.openWithHub()
                content = try await replica.fetchBlob(sha256, via: connection)
            }
            try BundleFiles.write(content.bytes, to: out, replacing: replace.force)
            if output.json {
                return try Output.json(["path": out, "sha256": sha256, "media_type": content.mediaType.rawValue])
            }
            print(
                tr(
                    "wrote \(out) (\(BundleFiles.shown(content.bytes.count)))",
                    "đã ghi \(out) (\(BundleFiles.shown(content.bytes.count)))"))
        }
    }
}
