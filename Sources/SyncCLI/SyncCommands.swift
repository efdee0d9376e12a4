import ArgumentParser
import CommandSupport
import Foundation
import SyncClient
import SyncCore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: tr(
            "Create this device's replica and bind it to the hub with a token.",
            "Tạo bản sao dữ liệu trên máy này và gắn với hub bằng token."))

    @Option(
        help: help("The hub's URL, e.g. https://hub.example:8443.", "Địa chỉ của hub, ví dụ https://hub.example:8443."))
    var hub: String
    @OptionGroup var source: TokenSource
    @OptionGroup var trust: CAFileOption
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func validate() throws {
        try HubURL.check(hub, flag: "--hub")
    }

    func run() async throws {
        let path = replica.path
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure.usage(
                tr(
                    "\(path) already exists; use another --db or remove it",
                    "\(path) đã có; dùng --db khác hoặc xóa tệp đó"))
        }
        let token = try source.resolvedToken()
        let certificates = try trust.certificates()
        PlainHTTP.warn(hub)
        let connection = HTTPHubConnection(baseURL: hub, token: token, trustedCertificates: certificates)
        let status = try await connection.status()
        let created = try Replica.create(at: path, principal: status.principal)
        try created.setHubSettings(
            HubSettings(url: connection.baseURL, token: token, trustedCertificates: certificates))
        // The hub's signing key, learned over this authenticated connection: it checks the
        // replies to bundles this device sends by file.
        if let key = status.hubKey { try created.setHubPublicKey(key) }
        // This device's public key, registered with the hub now, by a pull of one entry
        // (left for the first sync to apply): a hamlet that never connects again can still
        // sync by bundles. Should it fail, the next sync registers it.
        var registered = true
        do {
            _ = try await connection.pull(try created.pullRequest(limit: 1))
        } catch {
            registered = false
        }
        if output.json {
            try Output.json(InitReport(replicaID: try created.replicaID, principal: status.principal, db: path))
        } else {
            let scope =
                status.principal.hamletID.map { id in
                    let hamlet = status.hamletName ?? id
                    return tr("head of \(hamlet)", "trưởng \(hamlet)")
                }
                ?? tr("reviewer of the commune", "cán bộ xã")
            print(
                tr(
                    "replica at \(path): \(status.principal.name), \(scope)",
                    "bản sao dữ liệu tại \(path): \(status.principal.name), \(scope)"))
            if !registered {
                print(
                    tr(
                        "this device's key is not registered with the hub yet: it will be at the first ntm sync, before any bundle",
                        "khóa của thiết bị chưa được đăng ký với hub: sẽ được đăng ký ở lần ntm sync đầu tiên, trước khi dùng tệp gói"
                    ))
            }
            print(tr("next: ntm\(replica.dbArgument) sync", "tiếp theo: ntm\(replica.dbArgument) sync"))
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
        commandName: "sync",
        abstract: tr(
            "Push local changes, then pull the hub's, until both sides are current.",
            "Gửi thay đổi trên máy lên hub, rồi nhận thay đổi từ hub, đến khi hai bên như nhau."))

    @Option(
        help: help(
            "Changes per push and log entries per pull (smaller pages suit a weak signal).",
            "Số thay đổi mỗi lần gửi/nhận (sóng yếu thì nên để nhỏ)."))
    var pageSize = 500
    @Option(
        help: help(
            "Times a step is tried again when the hub is out of reach or busy, after 1, 2, 4… seconds.",
            "Số lần thử lại một bước khi không tới được hub hoặc hub đang bận, sau 1, 2, 4… giây."))
    var retries = 3
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func validate() throws {
        guard (1...1000).contains(pageSize) else {
            throw ValidationError(tr("--page-size must be between 1 and 1000", "--page-size phải từ 1 đến 1000"))
        }
        guard (0...10).contains(retries) else {
            throw ValidationError(tr("--retries must be between 0 and 10", "--retries phải từ 0 đến 10"))
        }
    }

    func run() async throws {
        let (replica, connection) = try replica.openWithHub()
        let report: SyncReport
        var uploaded = BlobTransfer.Sent()
        do {
            var session = SyncSession(replica: replica, hub: connection)
            session.pushPageSize = pageSize
            session.pullPageSize = pageSize
            session.retryPolicy = .standard
            session.retryPolicy.retries = retries
            report = try await session.run()
            // The content of attachments the hub now knows of, in pieces that resume.
            uploaded = try await replica.uploadBlobs(via: connection)
        } catch let error as SyncError {
            let pending = (try? replica.status().pendingChanges) ?? 0
            if error.kind == .unauthorized {
                throw CommandFailure.failure(
                    tr(
                        "the hub no longer accepts this device's token (revoked, or never issued there): ask the commune office for a new one (ntm-hub token replace) and run ntm token set; \(pending) change(s) stay here and go with the next sync",
                        "hub không còn nhận token của thiết bị này (đã thu hồi, hoặc không phải do hub này cấp): hãy xin văn phòng xã token mới (ntm-hub token replace) rồi chạy ntm token set; \(pending) thay đổi vẫn ở trên máy và sẽ gửi ở lần đồng bộ sau"
                    ))
            }
            throw CommandFailure.failure(
                tr(
                    "\(error.message); \(pending) change(s) stay pending and go with the next sync",
                    "\(Messages.localized(error)); \(pending) thay đổi vẫn chờ và sẽ gửi ở lần đồng bộ sau"))
        }
        let status = try replica.status()
        if output.json {
            try Output.json(SyncOutput(report: report, status: status))
        } else {
            let opened = report.conflictIDs.isEmpty ? [] : try replica.conflicts()
            for line in SyncCommand.summary(
                report, status: status, replica: replica, db: self.replica.dbArgument, conflicts: opened)
            {
                print(line)
            }
            if uploaded.bytes > 0 {
                print(
                    tr(
                        "sent \(BundleFiles.shown(uploaded.bytes)) of photos and scans to the hub",
                        "đã gửi \(BundleFiles.shown(uploaded.bytes)) ảnh và bản quét lên hub"))
            }
        }
        if report.rejected > 0 {
            throw CommandFailure.failure(
                tr(
                    "the hub refused \(report.rejected) change(s); they stay on this replica with the reasons: ntm\(self.replica.dbArgument) status",
                    "hub đã từ chối \(report.rejected) thay đổi; chúng vẫn ở trên máy này kèm lý do: xem ntm\(self.replica.dbArgument) status"
                ))
        }
    }

    /// What a sync did, in plain words: only what happened is said.
    /// `db`: the ` --db PATH` that chose the replica, for the commands the lines suggest.
    /// `byFile`: the report is a reply bundle's, which went through the office by hand.
    /// `conflicts`: the records of the conflicts the sync opened, as pulled (what the hub kept).
    static func summary(
        _ report: SyncReport, status: ReplicaStatus, replica: Replica, db: String, byFile: Bool = false,
        conflicts: [ConflictRecord] = []
    ) -> [String] {
        var lines = [
            byFile
                ? tr(
                    "the hub took \(report.pushed) change(s) from your bundle; received \(report.pulled) change(s) from others",
                    "hub đã nhận \(report.pushed) thay đổi từ tệp gói của bạn; đã nhận \(report.pulled) thay đổi từ nơi khác"
                )
                : tr(
                    "sent \(report.pushed) change(s) to the hub; received \(report.pulled) change(s) from others",
                    "đã gửi \(report.pushed) thay đổi lên hub; đã nhận \(report.pulled) thay đổi từ nơi khác")
        ]
        if report.conflicts > 0 {
            lines.append(
                tr(
                    "\(report.conflicts) of your change(s) conflict with the commune's and wait for a reviewer",
                    "\(report.conflicts) thay đổi của bạn xung đột với dữ liệu của xã và chờ cán bộ xã xem xét"))
            let opened = conflicts.filter { report.conflictIDs.contains($0.id) }
            if !opened.isEmpty, let names = try? ConflictNames(replica, conflicts: opened) {
                for conflict in opened { lines.append("  " + ConflictsCommand.kept(conflict, names: names, db: db)) }
            }
        }
        if report.lost > 0 {
            lines.append(
                tr(
                    "\(report.lost) field(s) you edited had a later edit elsewhere, which was kept (see ntm\(db) history ID)",
                    "\(report.lost) trường bạn sửa đã có người sửa sau, bản sau được giữ (xem ntm\(db) history MÃ)"))
        }
        if report.forkedTo != nil {
            lines.append(
                tr(
                    "this file is a copy of another replica (or an older backup): it now syncs under a new id, and nothing was lost",
                    "tệp này là bản chép của một bản sao khác (hoặc bản lưu cũ): nó đồng bộ dưới mã mới, không mất gì"))
        }
        if report.refilled {
            lines.append(
                tr(
                    "the hub had been restored from an older copy: \(report.restored) value(s) were given back to it",
                    "hub đã được khôi phục từ bản lưu cũ: đã trả lại cho hub \(report.restored) giá trị"))
        }
        if status.openConflicts > 0 {
            lines.append(
                tr(
                    "\(status.openConflicts) open conflict(s) wait for a reviewer",
                    "\(status.openConflicts) xung đột đang chờ cán bộ xã"))
        }
        if !status.rejected.isEmpty {
            lines.append(
                tr(
                    "\(status.rejected.count) change(s) refused by the hub: see ntm\(db) status",
                    "\(status.rejected.count) thay đổi bị hub từ chối: xem ntm\(db) status"))
        }
        return lines
    }

    struct SyncOutput: Encodable {
        let report: SyncReport
        let status: ReplicaStatus
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: tr(
            "Pending changes, last sync, open conflicts, rejected changes and clock drift.",
            "Thay đổi chờ gửi, lần đồng bộ gần nhất, xung đột, thay đổi bị từ chối và lệch đồng hồ."))

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
        func ago(_ at: Int64) -> String { Output.duration(Milliseconds.difference(now, at)) }
        let who =
            try status.hamletID.map { id in
                try replica.rows("hamlets").first { $0.id == id }?.text("name") ?? id
            } ?? tr("reviewer", "cán bộ xã")
        print(tr("replica \(status.replicaID)", "bản sao \(status.replicaID)") + " (\(replica.principal.name), \(who))")
        let oldest = status.oldestPendingAt.map { tr(", oldest \(ago($0)) old", ", cũ nhất \(ago($0))") } ?? ""
        let listed =
            status.pendingChanges > 0
            ? tr(
                " (listed by ntm\(self.replica.dbArgument) pending)",
                " (xem bằng ntm\(self.replica.dbArgument) pending)") : ""
        print(tr("pending changes: ", "thay đổi chờ gửi: ") + "\(status.pendingChanges)\(oldest)\(listed)")
        print(
            tr("last sync: ", "lần đồng bộ gần nhất: ")
                + (status.lastSyncAt.map { "\(Output.time($0)) (\(tr("\(ago($0)) ago", "\(ago($0)) trước")))" }
                    ?? tr("never", "chưa bao giờ")))
        print(tr("open conflicts: ", "xung đột đang mở: ") + "\(status.openConflicts)")
        print(tr("rejected changes: ", "thay đổi bị từ chối: ") + "\(status.rejected.count)")
        for rejected in status.rejected {
            print(
                "  #\(rejected.seq) \(rejected.operation.rawValue) \(Vocabulary.table(rejected.table)) \(try replica.shortIDs([rejected.rowID])[rejected.rowID] ?? rejected.rowID): \(Messages.translated(rejected.reason))"
            )
        }
        if !status.setAside.isEmpty {
            print(
                tr(
                    "changes set aside (unreadable; content kept): ",
                    "thay đổi để riêng (không đọc được; vẫn giữ nội dung): ")
                    + "\(status.setAside.count)")
            for change in status.setAside {
                print(
                    "  set-aside #\(change.id) (\(tr("was change", "vốn là thay đổi")) \(change.seq.map(String.init) ?? "?")) \(change.table ?? "?") \(change.rowID ?? "?"): \(change.reason)"
                )
            }
        }
        if status.backfilling {
            print(
                tr(
                    "upgraded to schema version \(status.schemaVersion): the new fields are fetched at the next ntm sync",
                    "đã nâng cấp lên phiên bản dữ liệu \(status.schemaVersion): các trường mới sẽ được tải ở lần ntm sync tới"
                ))
        }
        if status.rebuilding {
            print(
                tr(
                    "the confirmed copy of the hub's rows is being rebuilt: run ntm sync",
                    "bản xác nhận dữ liệu của hub đang được dựng lại: hãy chạy ntm sync"))
        }
        if !status.formerReplicaIDs.isEmpty {
            print(
                tr("former ids (this file was copied): ", "mã cũ (tệp này từng được chép): ")
                    + status.formerReplicaIDs.joined(separator: ", "))
        }
        print(
            tr("clock drift: ", "lệch đồng hồ: ")
                + (status.clockDriftMilliseconds.map {
                    Output.duration($0) + tr(" (this device minus the hub)", " (máy này trừ hub)")
                } ?? tr("unknown until the first sync", "chưa biết cho đến lần đồng bộ đầu")))
    }
}

/// `ntm pending`: the changes not yet at the hub, numbered as `ntm discard` takes them.
struct PendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: tr(
            "The changes not yet sent to the hub, with their numbers (for ntm discard).",
            "Các thay đổi chưa gửi lên hub, kèm số thứ tự (dùng cho ntm discard)."))

    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let replica = try self.replica.open()
        let changes = try replica.pendingList()
        if output.json { return try Output.json(changes) }
        let short = try replica.shortIDs(changes.map(\.rowID))
        guard !changes.isEmpty else {
            return print(tr("nothing waits to be sent", "không có thay đổi nào chờ gửi"))
        }
        print(tr("changes not yet sent: \(changes.count)", "thay đổi chưa gửi: \(changes.count)"))
        for change in changes { print("  " + Self.describe(change, short: short)) }
        print(
            tr(
                "drop one with: ntm\(self.replica.dbArgument) discard NUMBER (its content is saved to a file first)",
                "bỏ một thay đổi: ntm\(self.replica.dbArgument) discard SỐ (nội dung được lưu ra tệp trước)"))
    }

    /// `#4 add household Nguyễn Văn Bảy (01a2…): address, phone`.
    static func describe(_ change: PendingChange, short: [String: String]) -> String {
        let verb =
            switch change.operation {
            case .insert: tr("add", "thêm")
            case .update: tr("change", "sửa")
            case .delete: tr("delete", "xóa")
            }
        let name: String
        if let table = try? ReplicatedSchema.table(change.table) {
            name = RecordNames.label(change.row, table: table, short: short)
        } else {
            name = short[change.rowID] ?? change.rowID
        }
        let fields = change.fields.map { Vocabulary.column($0, table: change.table) }.joined(separator: ", ")
        return "#\(change.seq) \(verb) \(Vocabulary.table(change.table)) \(name)"
            + (fields.isEmpty ? "" : ": \(fields)")
    }
}

struct DiscardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract: tr(
            "Drop a change not yet at the hub (pending, refused or set aside), after saving it to a file.",
            "Bỏ một thay đổi chưa lên hub (đang chờ, bị từ chối hoặc để riêng), sau khi lưu nó ra tệp."),
        discussion: tr(
            """
            The change's content is written to a file first (--to, or ntm-discarded-N.json next to \
            the replica); if that fails, nothing is dropped. The row then shows the hub's state with \
            the remaining changes on top. A pending change that already reached the hub (its answer \
            lost) comes back with the next sync.
            """,
            """
            Nội dung thay đổi được ghi ra tệp trước (--to, hoặc ntm-discarded-N.json cạnh tệp bản \
            sao); nếu không ghi được thì không bỏ gì. Sau đó dòng hiện trạng thái của hub cùng các \
            thay đổi còn lại. Thay đổi đã tới hub (chỉ mất câu trả lời) sẽ quay lại ở lần đồng bộ sau.
            """))

    @Argument(
        help: help(
            "The change's number, from ntm pending (a refused one's from ntm status).",
            "Số của thay đổi, xem trong ntm pending (thay đổi bị từ chối: trong ntm status)."))
    var number: Int64
    @Flag(
        help: help(
            "The number is a set-aside change's (set-aside #N in ntm status).",
            "Số này là của thay đổi để riêng (set-aside #N trong ntm status)."))
    var setAside = false
    @Option(
        help: help(
            "Where to save the change before dropping it.",
            "Nơi lưu thay đổi trước khi bỏ."))
    var to: String?
    @OptionGroup var replace: ReplaceFlag
    @OptionGroup var confirmation: YesFlag
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        // Beside the replica, named as the user would type it (no folder when it has none).
        let name = "ntm-discarded-\(setAside ? "set-aside-" : "")\(number).json"
        let folder = (replica.path as NSString).deletingLastPathComponent
        let path = to ?? (folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name))
        try BundleFiles.refuseExisting([path], replacing: replace.force)
        let replica = try replica.open()
        if !setAside, let change = try replica.pendingList().first(where: { $0.seq == number }) {
            try Output.confirm(
                tr("drop change ", "bỏ thay đổi ")
                    + PendingCommand.describe(change, short: try replica.shortIDs([change.rowID])) + "?",
                yes: confirmation.yes, nothing: tr("nothing was discarded", "chưa bỏ gì"))
        } else {
            try Output.confirm(
                tr("drop change #\(number)?", "bỏ thay đổi #\(number)?"), yes: confirmation.yes,
                nothing: tr("nothing was discarded", "chưa bỏ gì"))
        }
        try replica.discard(setAside ? .setAside(number) : .outbox(number)) { text in
            // Saved whole before anything is dropped: a failure here drops nothing.
            try BundleFiles.write(Array((text + "\n").utf8), to: path, replacing: replace.force)
        }
        if output.json {
            try Output.json(DiscardOutput(discarded: number, setAside: setAside, savedTo: path))
        } else {
            print(
                tr(
                    "discarded \(setAside ? "set-aside change" : "change") #\(number); its content is in \(path)",
                    "đã bỏ \(setAside ? "thay đổi để riêng" : "thay đổi") #\(number); nội dung nằm trong \(path)"))
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
        abstract: tr(
            "Check the replica file; with --repair, put right what other tools changed.",
            "Kiểm tra tệp bản sao; với --repair, sửa những gì công cụ khác đã làm hỏng."),
        discussion: tr(
            """
            Checks integrity, that capture is on with every trigger in place, that every change \
            can be read, and that every row is what the replica recorded. --repair puts the \
            triggers back, captures rows written while capture was off, sets unreadable changes \
            aside (content kept), and starts rebuilding a damaged confirmed copy from the hub \
            (finished by the next ntm sync). Pending changes are never dropped.
            """,
            """
            Kiểm tra tính toàn vẹn, việc ghi nhận thay đổi đang bật với đủ trigger, mọi thay đổi \
            đọc được, và mọi dòng đúng như bản sao đã ghi. --repair đặt lại trigger, ghi nhận các \
            dòng được viết khi việc ghi nhận bị tắt, để riêng các thay đổi không đọc được (vẫn giữ \
            nội dung), và dựng lại bản xác nhận bị hỏng từ hub (xong ở lần ntm sync tới). Không \
            bao giờ bỏ thay đổi đang chờ.
            """))

    @Flag(help: help("Repair what the check finds.", "Sửa những gì kiểm tra tìm thấy.")) var repair = false
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let report = try replica.open().check(repair: repair)
        if output.json {
            try Output.json(report)
        } else {
            print(tr("integrity: ", "toàn vẹn: ") + report.integrity)
            if report.problems.isEmpty { print(tr("no problems found", "không thấy vấn đề gì")) }
            for problem in report.problems { print(tr("problem: ", "vấn đề: ") + problem) }
            if report.repaired {
                print(
                    tr(
                        "repaired: \(report.triggersRestored) trigger(s) restored, \(report.rowsCaptured) change(s) captured, \(report.changesSetAside) change(s) set aside",
                        "đã sửa: đặt lại \(report.triggersRestored) trigger, ghi nhận \(report.rowsCaptured) thay đổi, để riêng \(report.changesSetAside) thay đổi"
                    ))
                if report.rebuilding {
                    print(
                        tr(
                            "the confirmed copy is rebuilt from the hub by the next ntm sync",
                            "bản xác nhận sẽ được dựng lại từ hub ở lần ntm sync tới"))
                }
            } else if !report.problems.isEmpty {
                print(
                    tr(
                        "run ntm\(replica.dbArgument) check --repair to put this right",
                        "hãy chạy ntm\(replica.dbArgument) check --repair để sửa"))
            }
        }
        if !report.problems.isEmpty, !report.repaired {
            throw CommandFailure.failure(
                tr("\(report.problems.count) problem(s) found", "tìm thấy \(report.problems.count) vấn đề"))
        }
    }
}

extension ReplicaOptions: ReportSource {
    func report(_ period: ReportPeriod, asOf: CalendarDate) async throws -> CommuneReport {
        try open().report(period, asOf: asOf)
    }

    func candidates(year: Int) async throws -> CandidatesReport { try open().candidates(year: year) }
}

/// `--token TOKEN | --token-file FILE | $NTM_TOKEN`.
struct TokenSource: ParsableArguments {
    @Option(
        help: help(
            "The token from ntm-hub token issue (visible to other users in `ps`: prefer --token-file or $NTM_TOKEN).",
            "Token do ntm-hub token issue cấp (người khác thấy được qua `ps`: nên dùng --token-file hoặc $NTM_TOKEN)."))
    var token: String?
    @Option(
        help: help(
            "A file holding the token (read once; the replica keeps it in its own 0600 file).",
            "Tệp chứa token (đọc một lần; bản sao giữ token trong tệp riêng quyền 0600)."))
    var tokenFile: String?

    func validate() throws {
        if token != nil, tokenFile != nil {
            throw ValidationError(
                tr("give the token once: --token or --token-file", "chỉ cho token một lần: --token hoặc --token-file"))
        }
    }

    /// The token from `given` (an argument), --token, --token-file or $NTM_TOKEN, checked.
    func resolvedToken(given: String? = nil) throws -> String {
        let (text, source): (String, String)
        if let given {
            guard token == nil, tokenFile == nil else {
                throw CommandFailure.usage(
                    tr(
                        "give the token once: NEW, --token or --token-file",
                        "chỉ cho token một lần: MỚI, --token hoặc --token-file"))
            }
            (text, source) = (given, tr("the token given", "token đã cho"))
        } else if let token {
            (text, source) = (token, "--token")
        } else if let tokenFile {
            guard let handle = FileHandle(forReadingAtPath: tokenFile) else {
                throw CommandFailure.usage(
                    tr("--token-file: cannot read \(tokenFile)", "--token-file: không đọc được \(tokenFile)"))
            }
            defer { try? handle.close() }
            // A token is 86 characters; a file of more than 1 KiB is not a token file.
            let data = (try? handle.read(upToCount: 1_025)) ?? Data()
            guard data.count <= 1_024 else {
                throw CommandFailure.usage(
                    tr(
                        "--token-file: \(tokenFile) is not a token file",
                        "--token-file: \(tokenFile) không phải tệp token"))
            }
            (text, source) = (String(decoding: data, as: UTF8.self), "--token-file")
        } else if let environment = ProcessInfo.processInfo.environment["NTM_TOKEN"], !environment.isEmpty {
            (text, source) = (environment, "$NTM_TOKEN")
        } else {
            throw CommandFailure.usage(
                tr(
                    "no token: give --token-file FILE, set $NTM_TOKEN, or --token TOKEN",
                    "chưa có token: dùng --token-file TỆP, đặt $NTM_TOKEN, hoặc --token TOKEN"))
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard AccessToken(trimmed) != nil else {
            throw CommandFailure.usage(
                tr("\(source) is not an ntm token (ntm_…)", "\(source) không phải token ntm (ntm_…)"))
        }
        return trimmed
    }
}

/// `ntm token set`: a replacement token for this device (the old one was revoked or leaked).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: tr("This device's access token.", "Token truy cập của thiết bị này."),
        subcommands: [Set.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Use a new token (from ntm-hub token replace); the replica, its id and its pending records stay.",
                "Dùng token mới (do ntm-hub token replace cấp); dữ liệu, mã bản sao và thay đổi chờ gửi vẫn giữ nguyên."
            ))

        @Argument(
            help: help(
                "The new token (visible in `ps`: prefer --token-file or $NTM_TOKEN).",
                "Token mới (người khác thấy được qua `ps`: nên dùng --token-file hoặc $NTM_TOKEN)."))
        var new: String?
        @OptionGroup var source: TokenSource
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let token = try source.resolvedToken(given: new)
            let (replica, current) = try self.replica.openWithHub()
            let connection = HTTPHubConnection(
                baseURL: current.baseURL, token: token, trustedCertificates: current.trustedCertificates)
            let principal = try await connection.status().principal
            try HubCommand.requireSameScope(principal, as: replica)
            try replica.setHubSettings(
                HubSettings(url: current.baseURL, token: token, trustedCertificates: current.trustedCertificates))
            if output.json {
                return try Output.json(["holder": principal.name, "replica_id": try replica.replicaID])
            }
            print(
                tr(
                    "this device now syncs with the new token as \(principal.name)",
                    "thiết bị này từ nay đồng bộ bằng token mới, với tên \(principal.name)"))
        }
    }
}

/// `--ca-file FILE`: a commune's own CA certificate, trusted for the hub.
struct CAFileOption: ParsableArguments {
    @Option(
        help: help(
            "The commune's CA certificate (ca.pem from ntm-hub tls self-signed), trusted for the hub besides the system's authorities; kept in the replica.",
            "Chứng chỉ CA của xã (tệp ca.pem do ntm-hub tls self-signed tạo), được tin cho hub cùng với các CA của hệ thống; lưu trong bản sao."
        ))
    var caFile: String?

    /// The PEM text of --ca-file, checked; nil without it.
    func certificates() throws -> String? {
        guard let caFile else { return nil }
        guard let handle = FileHandle(forReadingAtPath: caFile) else {
            throw CommandFailure.usage(tr("--ca-file: cannot read \(caFile)", "--ca-file: không đọc được \(caFile)"))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: (1 << 20) + 1)) ?? Data()
        guard data.count <= 1 << 20, let text = String(data: data, encoding: .utf8),
            (try? HTTPHubConnection.trustedCertificates(text)) != nil
        else {
            throw CommandFailure.usage(
                tr(
                    "--ca-file: \(caFile) holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                    "--ca-file: \(caFile) không chứa chứng chỉ PEM (-----BEGIN CERTIFICATE-----)"))
        }
        return text
    }
}

/// A hub URL given on the command line.
enum HubURL {
    static func check(_ url: String, flag: String) throws {
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), URLComponents(string: url)?.host?.isEmpty == false
        else {
            throw ValidationError(
                tr("\(flag) must be an http:// or https:// URL", "\(flag) phải là địa chỉ http:// hoặc https://"))
        }
    }
}

/// `ntm hub show|set`: where this device syncs, and moving it (a new address, or the
/// commune turning on TLS) without making a new replica.
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: tr("The hub this device syncs with.", "Hub mà thiết bị này đồng bộ."),
        subcommands: [Show.self, Set.self])

    /// Refuses a token or hub that speaks for another hamlet or role than the replica's.
    static func requireSameScope(_ principal: Principal, as replica: Replica) throws {
        guard principal.isReviewer == replica.principal.isReviewer, principal.hamletID == replica.principal.hamletID
        else {
            throw CommandFailure.usage(
                tr(
                    "the hub knows this token as another hamlet or role than this replica's; nothing changed",
                    "hub nhận token này là của thôn/xóm hoặc vai trò khác với bản sao này; không thay đổi gì"))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Show the hub's address and whether a CA is trusted for it.", "Xem địa chỉ hub và CA được tin."))
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let (_, settings) = try replica.openWithHubSettings()
            let certificates = try settings.trustedCertificates.map(HTTPHubConnection.trustedCertificates) ?? []
            let subjects = certificates.map { String(describing: $0) }
            if output.json {
                try Output.json(["url": [settings.url], "ca": subjects])
            } else {
                print(tr("hub: \(settings.url)", "hub: \(settings.url)"))
                print(
                    subjects.isEmpty
                        ? tr("trusted: the system's authorities", "tin: các CA của hệ thống")
                        : tr(
                            "trusted besides the system's: \(subjects.joined(separator: ", "))",
                            "tin thêm: \(subjects.joined(separator: ", "))"))
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Move this device to a new hub address or CA (checked with the hub first); the replica and its pending records stay.",
                "Chuyển thiết bị sang địa chỉ hoặc CA mới của hub (kiểm tra với hub trước); dữ liệu và thay đổi chờ gửi vẫn giữ nguyên."
            ))
        @Option(help: help("The hub's new URL.", "Địa chỉ mới của hub.")) var url: String?
        @OptionGroup var trust: CAFileOption
        @OptionGroup var replica: ReplicaOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if let url { try HubURL.check(url, flag: "--url") }
            guard url != nil || trust.caFile != nil else {
                throw ValidationError(tr("give --url, --ca-file or both", "hãy cho --url, --ca-file hoặc cả hai"))
            }
        }

        func run() async throws {
            let (replica, current) = try self.replica.openWithHubSettings()
            var settings = current
            if let url { settings.url = url }
            if let certificates = try trust.certificates() { settings.trustedCertificates = certificates }
            try await HubCommand.move(replica, to: settings, json: output.json)
        }
    }

    /// Points `replica` at `settings` once the hub there has said it is this replica's hub:
    /// the token speaks for the same hamlet and role, and the hub signs with the key the
    /// replica knows (a commune moved to a province's database keeps its key).
    static func move(_ replica: Replica, to settings: HubSettings, json: Bool) async throws {
        var settings = settings
        PlainHTTP.warn(settings.url)
        let connection = HTTPHubConnection(settings)
        let status = try await connection.status()
        try requireSameScope(status.principal, as: replica)
        if let known = try replica.hubPublicKey(), status.hubKey != known {
            throw CommandFailure.usage(
                tr(
                    "the hub at \(connection.baseURL) is not this replica's hub (it signs with another key); nothing changed",
                    "hub tại \(connection.baseURL) không phải hub của bản sao này (ký bằng khóa khác); không thay đổi gì"
                ))
        }
        settings.url = connection.baseURL
        try replica.setHubSettings(settings)
        if json {
            return try Output.json(["hub": connection.baseURL, "replica_id": try replica.replicaID])
        }
        print(
            tr(
                "this device now syncs with \(connection.baseURL)",
                "thiết bị này từ nay đồng bộ với \(connection.baseURL)"))
    }
}

/// `ntm relocate URL` (DESIGN.md §7): the hub moved (a commune taken into a province's
/// database, a new server); the replica follows it and keeps everything.
struct RelocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relocate",
        abstract: tr(
            "Point this device at its hub's new address; the replica, its id and its pending records stay.",
            "Chỉ thiết bị này tới địa chỉ mới của hub; dữ liệu, mã bản sao và thay đổi chờ gửi vẫn giữ nguyên."),
        discussion: tr(
            """
            The hub at URL is asked first: it must know this device's token for the same hamlet, \
            and sign with the same key as the old address (a commune moved with ntm-hub migrate \
            keeps its key). A province's hub serves each commune at https://HOST/c/CODE.
            """,
            """
            Hub tại URL được hỏi trước: hub phải nhận token của thiết bị này cho cùng thôn/xóm, và \
            ký bằng cùng khóa với địa chỉ cũ (xã chuyển bằng ntm-hub migrate giữ nguyên khóa). Hub \
            của tỉnh phục vụ mỗi xã tại https://MÁY-CHỦ/c/MÃ.
            """))

    @Argument(help: help("The hub's new URL.", "Địa chỉ mới của hub.")) var url: String
    @OptionGroup var trust: CAFileOption
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var output: JSONFlag

    func validate() throws { try HubURL.check(url, flag: "URL") }

    func run() async throws {
        let (replica, current) = try self.replica.openWithHubSettings()
        var settings = current
        settings.url = url
        if let certificates = try trust.certificates() { settings.trustedCertificates = certificates }
        try await HubCommand.move(replica, to: settings, json: output.json)
    }
}
