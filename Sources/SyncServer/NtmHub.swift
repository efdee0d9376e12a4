import ArgumentParser
import CommandSupport
import Foundation
import HubHTTP
import HubPostgres
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
            ReportCommand<ExistingHub>.self, DevicesCommand.self, TLSCommand.self, BundleCommand.self, Demo.self,
            MigrateCommand.self,
        ])

    static func main() async {
        await CommandRunner.main(NtmHub.self)
    }
}

/// `--db PATH`, shared by every command that opens the hub file.
struct HubDatabaseOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("The hub's SQLite file (created if missing).", "Tệp SQLite của hub (tạo mới nếu chưa có).")))
    var db: String = "ntm-hub.sqlite"
    @OptionGroup var province: ProvinceOptions

    /// Opens the hub store.
    func open(logLevel: Logger.Level = .warning) throws -> Hub {
        try Self.open(db, logLevel: logLevel)
    }

    /// Runs `body` with the hub's store: commune `--code` of `--postgres` (created when
    /// missing), else the SQLite file.
    func withStore<T>(_ body: (Hub) async throws -> T) async throws -> T {
        if let result = try await province.withCommune(create: true, body) { return result }
        return try await body(open())
    }

    /// How messages name the hub.
    var shown: String { province.shown ?? db }

    /// Opens the hub store at `path`, creating it when missing.
    static func open(_ path: String, logLevel: Logger.Level = .warning) throws -> Hub {
        var logger = Logger(label: "ntm-hub") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        return try Hub(driver: openFile(path), logger: logger)
    }

    /// Opens the hub file at `path`, creating it when missing, migrated.
    static func openFile(_ path: String) throws -> SQLiteHubDriver {
        do {
            return try SQLiteHubDriver(path: path)
        } catch let error as SyncError {
            throw error
        } catch {
            throw CommandFailure.failure(
                tr("cannot open the hub file \(path): \(error)", "không mở được tệp hub \(path): \(error)"))
        }
    }
}

/// `--db PATH` of a hub file that must exist: every admin command but `init` and `serve`
/// refuses to create one by a mistyped path.
struct ExistingHub: ParsableArguments, ReportSource {
    @Option(name: .long, help: ArgumentHelp(tr("The hub's SQLite file.", "Tệp SQLite của hub.")))
    var db: String = "ntm-hub.sqlite"
    @OptionGroup var province: ProvinceOptions

    /// Opens the hub store, or says there is none.
    func open() throws -> Hub {
        try refuseMissing()
        return try HubDatabaseOption.open(db)
    }

    /// Opens the hub file, or says there is none.
    func openFile() throws -> SQLiteHubDriver {
        try refuseMissing()
        return try HubDatabaseOption.openFile(db)
    }

    private func refuseMissing() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandFailure.usage(
                tr(
                    "no hub file at \(db): give --db PATH, or create one with ntm-hub init",
                    "không có tệp hub tại \(db): hãy chỉ --db ĐƯỜNG_DẪN, hoặc tạo bằng ntm-hub init"))
        }
    }

    /// Runs `body` with the hub's store: commune `--code` of `--postgres`, else the file.
    func withStore<T>(_ body: (Hub) async throws -> T) async throws -> T {
        if let result = try await province.withCommune(create: false, body) { return result }
        return try await body(open())
    }

    /// How messages name the hub.
    var shown: String { province.shown ?? db }

    func report(_ period: ReportPeriod, asOf: CalendarDate) async throws -> CommuneReport {
        try await withStore { try await $0.report(period, asOf: asOf) }
    }

    func candidates(year: Int) async throws -> CandidatesReport {
        try await withStore { try await $0.candidates(year: year) }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: tr(
            "Run the hub's HTTP server (creates the db if missing).", "Chạy máy chủ HTTP của hub (tạo tệp nếu chưa có)."
        ))

    @OptionGroup var database: HubDatabaseOption
    @Option(help: ArgumentHelp(tr("The address to listen on.", "Địa chỉ lắng nghe."))) var host = "127.0.0.1"
    @Option(
        help: ArgumentHelp(tr("The port to listen on (0: any free port).", "Cổng lắng nghe (0: cổng trống bất kỳ).")))
    var port = 8080
    @Option(
        help: ArgumentHelp(
            tr(
                "Log level: trace, debug, info, notice, warning, error, critical.",
                "Mức ghi nhật ký: trace, debug, info, notice, warning, error, critical.")))
    var logLevel = "info"
    @Option(
        help: ArgumentHelp(
            tr(
                "Seconds a connection may stay idle, or take to send a request's head (default 30).",
                "Số giây một kết nối được phép rảnh, hoặc gửi phần đầu yêu cầu (mặc định 30).")))
    var idleTimeout = 30
    @Option(
        help: ArgumentHelp(
            tr(
                "Seconds one request may take from its head to the end of its body (default 120).",
                "Số giây tối đa cho một yêu cầu, từ phần đầu đến hết nội dung (mặc định 120).")))
    var requestTimeout = 120
    @Option(
        help: ArgumentHelp(
            tr(
                "The most connections open at once; more wait to be accepted (default 256).",
                "Số kết nối mở cùng lúc tối đa; kết nối thêm phải chờ (mặc định 256).")))
    var maxConnections = 256
    @Option(
        help: ArgumentHelp(
            tr(
                "The most connections one client address other than loopback holds; more are answered 429 (default: half of --max-connections).",
                "Số kết nối tối đa của một địa chỉ máy khách (trừ loopback); kết nối thêm bị trả lời 429 (mặc định: một nửa --max-connections)."
            )))
    var maxConnectionsPerAddress: Int?
    @Option(
        help: ArgumentHelp(
            tr(
                "A PEM certificate (chain) to serve HTTPS with; with --tls-key (see ntm-hub tls self-signed).",
                "Chứng chỉ PEM để phục vụ HTTPS; đi cùng --tls-key (xem ntm-hub tls self-signed).")))
    var tlsCert: String?
    @Option(
        help: ArgumentHelp(
            tr("The certificate's PEM private key.", "Khóa riêng PEM của chứng chỉ.")))
    var tlsKey: String?
    @Option(
        help: ArgumentHelp(
            tr(
                "Seconds a sign-in to the office page lasts (default 28800: 8 hours).",
                "Số giây một lần đăng nhập trang văn phòng có hiệu lực (mặc định 28800: 8 giờ).")))
    var sessionSeconds = 28_800
    @Option(
        help: ArgumentHelp(
            tr(
                "With --postgres: the most database connections this process holds (default 8); one commune holds at most half of them.",
                "Đi cùng --postgres: số kết nối cơ sở dữ liệu tối đa của tiến trình này (mặc định 8); một xã dùng tối đa một nửa số đó."
            )))
    var postgresConnections = 8

    func validate() throws {
        guard database.province.code == nil || database.province.postgres != nil else {
            throw ValidationError(tr("--code goes with --postgres", "--code đi cùng --postgres"))
        }
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError(
                tr("--tls-cert and --tls-key go together", "--tls-cert và --tls-key phải đi cùng nhau"))
        }
    }

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
        if let maxConnectionsPerAddress, !(1...maxConnections).contains(maxConnectionsPerAddress) {
            throw CommandFailure.usage("--max-connections-per-address must be between 1 and --max-connections")
        }
        guard (1...1_000).contains(postgresConnections) else {
            throw CommandFailure.usage("--postgres-connections must be between 1 and 1000")
        }
        guard (1...604_800).contains(sessionSeconds) else {
            throw CommandFailure.usage("--session-seconds must be between 1 and 604800 (7 days)")
        }
        var limits = HubServerLimits()
        limits.idleTimeout = .seconds(Int64(idleTimeout))
        limits.requestTimeout = .seconds(Int64(requestTimeout))
        limits.maxConnections = maxConnections
        limits.maxConnectionsPerAddress = maxConnectionsPerAddress
        limits.officeSessionLifetime = .seconds(sessionSeconds)
        let tls: HubTLS? =
            if let tlsCert, let tlsKey { try HubTLS(certificateFile: tlsCert, keyFile: tlsKey) } else { nil }
        var logger = Logger(label: "ntm-hub") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        let (host, scheme) = (self.host, tls == nil ? "http" : "https")
        if tls == nil, !PlainHTTP.isLoopback(host) {
            FileHandle.standardError.write(
                Data(
                    tr(
                        "warning: serving plain http:// on \(host): tokens cross the network in clear text; give --tls-cert and --tls-key\n",
                        "cảnh báo: phục vụ http:// không mã hóa trên \(host): token đi qua mạng ở dạng rõ; hãy dùng --tls-cert và --tls-key\n"
                    ).utf8))
        }
        if let postgres = database.province.postgres {
            return try await serveProvince(postgres, limits: limits, tls: tls, logger: logger)
        }
        let store = try database.open(logLevel: .warning)
        let db = database.db
        let app = HubApplication.make(
            store: store, host: host, port: port, limits: limits, tls: tls, logger: logger
        ) { port in
            FileHandle.standardOutput.write(
                Data(
                    tr(
                        "ntm-hub: listening on \(scheme)://\(host):\(port) (db \(db))\n",
                        "ntm-hub: đang lắng nghe tại \(scheme)://\(host):\(port) (tệp \(db))\n"
                    ).utf8))
        }
        try await listening { try await app.runService() }
    }

    /// Runs the server `body` starts, saying in plain words why it could not listen: the
    /// port taken, the address not this machine's, a port below 1024 without the right.
    private func listening(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as IOError {
            let place = "\(host):\(port)"
            switch error.errnoCode {
            case EADDRINUSE:
                throw CommandFailure.failure(
                    tr(
                        "port \(port) on \(host) is already taken (another ntm-hub, or another program): stop it, or choose another port with --port",
                        "cổng \(port) trên \(host) đã có chương trình khác dùng (một ntm-hub khác, hoặc chương trình khác): hãy dừng nó, hoặc chọn cổng khác bằng --port"
                    ))
            case EADDRNOTAVAIL:
                throw CommandFailure.failure(
                    tr(
                        "\(host) is not an address of this machine: use 127.0.0.1, 0.0.0.0 (every address) or one of its own with --host",
                        "\(host) không phải địa chỉ của máy này: hãy dùng 127.0.0.1, 0.0.0.0 (mọi địa chỉ) hoặc một địa chỉ của máy với --host"
                    ))
            case EACCES:
                throw CommandFailure.failure(
                    tr(
                        "listening on \(place) needs more rights (ports below 1024): use a port from 1024, e.g. --port 8443",
                        "lắng nghe tại \(place) cần thêm quyền (cổng dưới 1024): hãy dùng cổng từ 1024, ví dụ --port 8443"
                    ))
            default:
                throw error
            }
        }
    }

    /// Serves every commune of a province's database, each under `/c/CODE/` (DESIGN.md §7);
    /// any number of these processes may serve the same database at once.
    private func serveProvince(_ url: String, limits: HubServerLimits, tls: HubTLS?, logger: Logger) async throws {
        guard database.province.code == nil else {
            throw CommandFailure.usage(
                tr(
                    "serve --postgres serves every commune of the database, each under /c/CODE/: leave out --code",
                    "serve --postgres phục vụ mọi xã trong cơ sở dữ liệu, mỗi xã tại /c/MÃ/: bỏ --code"))
        }
        let location = try ProvinceOptions.location(url)
        try await PostgresConnections.using(location, limit: postgresConnections, logger: logger) { connections in
            let directory = PostgresCommunes(connections: connections, logger: logger)
            let codes = try await directory.codes()
            let (host, scheme, shown) = (self.host, tls == nil ? "http" : "https", location.shown)
            let app = HubApplication.make(
                .communes(directory), host: host, port: port, limits: limits, tls: tls, logger: logger
            ) { port in
                let list = codes.prefix(5).map { "\(scheme)://\(host):\(port)/c/\($0)" }.joined(separator: ", ")
                let more = codes.count > 5 ? ", …" : ""
                FileHandle.standardOutput.write(
                    Data(
                        tr(
                            "ntm-hub: listening on \(scheme)://\(host):\(port) (\(shown), \(codes.count) commune(s): \(list)\(more))\n",
                            "ntm-hub: đang lắng nghe tại \(scheme)://\(host):\(port) (\(shown), \(codes.count) xã: \(list)\(more))\n"
                        ).utf8))
            }
            try await listening { try await app.runService() }
        }
    }
}

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: tr(
            "Name the commune and record the 19 national criteria (once: a named hub is left as it is).",
            "Đặt tên xã và ghi 19 tiêu chí quốc gia (một lần: hub đã đặt tên thì giữ nguyên)."))

    @Option(help: ArgumentHelp(tr("The commune's name.", "Tên xã."))) var commune: String
    @OptionGroup var database: HubDatabaseOption
    @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

    func run() async throws {
        let setup = try await database.withStore { try await $0.initialize(communeName: commune) }
        if json {
            try Output.json(
                InitOutput(
                    commune: setup.communeName, criteriaRecorded: setup.criteria.count,
                    alreadyInitialized: setup.alreadyNamed))
        } else if setup.alreadyNamed {
            print(
                tr(
                    "\(database.shown) is already the hub of \(setup.communeName); nothing changed",
                    "\(database.shown) đã là hub của \(setup.communeName); không thay đổi gì"))
        } else {
            print(
                tr(
                    "commune \(setup.communeName): \(setup.criteria.count) national criteria recorded (\(database.province.shown ?? "db \(database.db)"))",
                    "\(setup.communeName): đã ghi \(setup.criteria.count) tiêu chí quốc gia (\(database.province.shown ?? "tệp \(database.db)"))"
                ))
        }
        if setup.alreadyNamed, setup.communeName != commune {
            throw CommandFailure.usage(
                tr(
                    "this hub is \(setup.communeName)'s, not \(commune)'s: init does not rename a commune",
                    "hub này của \(setup.communeName), không phải của \(commune): init không đổi tên xã"))
        }
    }

    struct InitOutput: Encodable {
        let commune: String
        let criteriaRecorded: Int
        let alreadyInitialized: Bool

        enum CodingKeys: String, CodingKey {
            case commune
            case criteriaRecorded = "criteria_recorded"
            case alreadyInitialized = "already_initialized"
        }
    }
}

/// The hamlets' fields as `hamlet add` and `hamlet set` take them.
struct HamletFields: ParsableArguments {
    @Option(help: ArgumentHelp(tr("The hamlet head's name.", "Tên trưởng thôn/xóm."))) var head: String?
    @Option(help: ArgumentHelp(tr("xom, thon, lang or ban.", "xom, thon, lang hoặc ban."))) var kind: String?
    @Option(
        help: ArgumentHelp(
            tr("The standing aimed at: standard or model.", "Mục tiêu: standard (đạt chuẩn) hoặc model (kiểu mẫu).")))
    var target: String?
    @Option(help: ArgumentHelp(tr("How many households the hamlet has.", "Số hộ của thôn/xóm."))) var households:
        String?
    @Option(
        help: ArgumentHelp(
            tr(
                "The standing reached: none, standard or model.",
                "Đã đạt: none (chưa), standard (chuẩn) hoặc model (kiểu mẫu).")))
    var achieved: String?
    @Option(help: ArgumentHelp(tr("The year it was reached.", "Năm đạt."))) var achievedYear: String?
    @Option(help: ArgumentHelp(tr("A note.", "Ghi chú."))) var note: String?

    /// The typed values, checked, with `name` when given.
    func values(name: String?) throws -> SyncRow {
        let table = try ReplicatedSchema.table("hamlets")
        var values: SyncRow = [:]
        for (column, text) in [
            ("name", name), ("head_name", head), ("kind", kind), ("target", target), ("households_total", households),
            ("achieved", achieved), ("achieved_year", achievedYear), ("note", note),
        ] {
            if let text, let spec = table.column(column) { values[column] = try spec.parse(text, table: "hamlets") }
        }
        return values
    }
}

struct HamletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hamlet", abstract: tr("Add, change and list hamlets.", "Thêm, sửa và liệt kê thôn/xóm."),
        subcommands: [Add.self, Set.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Add a hamlet; prints its id.", "Thêm một thôn/xóm; in mã của nó."))

        @Argument(help: ArgumentHelp(tr("The hamlet's name.", "Tên thôn/xóm."))) var name: String
        @OptionGroup var fields: HamletFields
        @OptionGroup var database: ExistingHub
        @Flag(help: ArgumentHelp(tr("Print the new row as JSON.", "In dòng mới dạng JSON."))) var json = false

        func run() async throws {
            let row = try await database.withStore { try await $0.addHamlet(try fields.values(name: name)) }
            if json { try Output.json(row) } else { print(row.id) }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Change a hamlet's name, head, target or standing.", "Sửa tên, trưởng thôn, mục tiêu hoặc mức đã đạt."))

        @Argument(
            help: ArgumentHelp(
                tr(
                    "The hamlet: its id (or its start) or exact name.",
                    "Thôn/xóm: mã (hoặc phần đầu của mã) hoặc tên chính xác.")))
        var hamlet: String
        @Option(help: ArgumentHelp(tr("A new name.", "Tên mới."))) var name: String?
        @OptionGroup var fields: HamletFields
        @OptionGroup var database: ExistingHub
        @Flag(help: ArgumentHelp(tr("Print the row as JSON.", "In dòng dạng JSON."))) var json = false

        func run() async throws {
            let values = try fields.values(name: name)
            guard !values.isEmpty else {
                throw CommandFailure.usage(
                    tr("nothing to change: give a field", "không có gì để sửa: hãy cho một trường"))
            }
            let row = try await database.withStore { try await $0.updateHamlet(hamlet, values: values) }
            if json {
                try Output.json(row)
            } else {
                print(
                    tr(
                        "updated hamlet \(row.text("name")) (\(row.id))",
                        "đã sửa thôn/xóm \(row.text("name")) (\(row.id))"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("List the commune's hamlets.", "Liệt kê các thôn/xóm của xã."))

        @OptionGroup var database: ExistingHub
        @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

        func run() async throws {
            let rows = try await database.withStore {
                NaturalOrder.sorted(
                    try await $0.rows(table: "hamlets", for: Hub.administrator), by: "name")
            }
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
        commandName: "token",
        abstract: tr(
            "Issue, list, revoke and replace access tokens.", "Cấp, liệt kê, thu hồi và thay mã truy cập (token)."),
        subcommands: [Issue.self, List.self, Revoke.self, Replace.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Every token: holder, hamlet, devices, last seen, revoked (never the secret).",
                "Mọi token: người giữ, thôn/xóm, số thiết bị, lần cuối thấy, đã thu hồi (không bao giờ in bí mật)."))

        @OptionGroup var database: ExistingHub
        @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

        func run() async throws {
            let tokens = try await database.withStore { try await $0.tokens() }
            if json {
                try Output.json(tokens)
                return
            }
            let rows = tokens.map { token in
                [
                    token.id, token.role == "reviewer" ? tr("reviewer", "cán bộ xã") : tr("head", "trưởng thôn"),
                    token.hamletName ?? "-", token.name, String(token.devices),
                    token.lastSeenAt.map(Output.time) ?? "-",
                    token.revokedAt.map { tr("revoked ", "đã thu hồi ") + Output.time($0) }
                        ?? tr("active", "đang dùng"),
                ]
            }
            let header = [
                tr("id", "mã"), tr("role", "vai trò"), tr("hamlet", "thôn/xóm"), tr("holder", "người giữ"),
                tr("devices", "thiết bị"), tr("last seen", "lần cuối"), tr("state", "trạng thái"),
            ]
            for line in ReportOutput.grid(header, rows) { print(line) }
            if tokens.isEmpty { print(tr("(no tokens)", "(chưa có token nào)")) }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Cut a token off at once (a lost phone): its next request is refused; its devices keep their records.",
                "Thu hồi token ngay (mất điện thoại): yêu cầu tiếp theo bị từ chối; thiết bị vẫn giữ dữ liệu."))

        @Argument(
            help: ArgumentHelp(
                tr("The token's id (from token list), or its start.", "Mã token (xem token list), hoặc phần đầu.")))
        var id: String
        @OptionGroup var database: ExistingHub
        @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

        func run() async throws {
            let token = try await database.withStore { try await $0.revokeToken(id) }
            if json {
                try Output.json(token)
            } else {
                print(
                    tr(
                        "revoked token \(token.id) of \(token.name); ntm-hub token replace \(token.id) gives its holder a new one",
                        "đã thu hồi token \(token.id) của \(token.name); ntm-hub token replace \(token.id) cấp token mới cho người giữ"
                    ))
            }
        }
    }

    struct Replace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "A new token for the holder of an old one; its devices keep their replicas (on each: ntm token set --token-file FILE, or NEW, or $NTM_TOKEN).",
                "Cấp token mới thay token cũ; thiết bị giữ nguyên dữ liệu (trên mỗi máy: ntm token set --token-file TỆP, hoặc MỚI, hoặc $NTM_TOKEN)."
            ))

        @Argument(help: ArgumentHelp(tr("The old token's id, or its start.", "Mã token cũ, hoặc phần đầu."))) var id:
            String
        @Option(help: ArgumentHelp(tr("A new holder's name.", "Tên người giữ mới."))) var name: String?
        @OptionGroup var database: ExistingHub
        @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

        func run() async throws {
            let issued = try await database.withStore { try await $0.replaceToken(id, name: name) }
            if json { try Output.json(issued) } else { print(issued.token) }
        }
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Issue a token for a hamlet head or a reviewer; prints it once (only its hash is kept).",
                "Cấp token cho trưởng thôn/xóm hoặc cán bộ xã; chỉ in một lần (hub chỉ giữ bản băm)."))

        @Option(
            help: ArgumentHelp(
                tr(
                    "The hamlet a head token belongs to, by id or exact name.",
                    "Thôn/xóm của token trưởng thôn, theo mã hoặc tên chính xác.")))
        var hamlet: String?
        @Option(help: ArgumentHelp(tr("head or reviewer.", "head (trưởng thôn) hoặc reviewer (cán bộ xã)."))) var role:
            String
        @Option(
            help: ArgumentHelp(
                tr(
                    "Who holds the token, for the audit trail (default: the hamlet's head).",
                    "Người giữ token, để ghi vết (mặc định: trưởng thôn).")))
        var name: String?
        @OptionGroup var database: ExistingHub
        @Flag(
            help: ArgumentHelp(tr("Print JSON: the token and whom it speaks for.", "In JSON: token và người dùng nó.")))
        var json = false

        func validate() throws {
            switch (role, hamlet) {
            case ("head", .some), ("reviewer", nil): break
            case ("head", nil):
                throw ValidationError(
                    tr("a head token needs --hamlet ID-OR-NAME", "token trưởng thôn cần --hamlet MÃ-HOẶC-TÊN"))
            case ("reviewer", .some):
                throw ValidationError(tr("a reviewer token takes no --hamlet", "token cán bộ xã không kèm --hamlet"))
            default: throw ValidationError(tr("--role must be head or reviewer", "--role phải là head hoặc reviewer"))
            }
        }

        func run() async throws {
            let issued = try await database.withStore { hub in
                var role = Principal.Role.reviewer
                if let hamlet { role = .head(hamletID: try await hub.hamletID(named: hamlet)) }
                return try await hub.issueToken(role: role, name: name)
            }
            if json { try Output.json(issued) } else { print(issued.token) }
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: tr(
            "Copy the hub file while the hub runs: one consistent state, verified by integrity_check.",
            "Sao lưu tệp hub khi hub đang chạy: một trạng thái nhất quán, kiểm tra bằng integrity_check."))

    @Argument(help: ArgumentHelp(tr("Where to write the copy.", "Nơi ghi bản sao lưu.")))
    var file: String
    @OptionGroup var replace: ReplaceFlag
    @OptionGroup var database: ExistingHub
    @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

    func run() throws {
        try database.province.refuse("backup")
        try BundleFiles.refuseExisting([file], replacing: replace.force)
        do {
            try database.openFile().backup(to: file, replacing: replace.force)
        } catch PrivateFile.WriteFailure.exists {
            try BundleFiles.refuseExisting([file], replacing: false)
        }
        if json {
            try Output.json(["backup": file, "db": database.db, "integrity_check": "ok"])
            return
        }
        print(
            tr(
                "backed up \(database.db) to \(file) (integrity_check: ok)",
                "đã sao lưu \(database.db) vào \(file) (integrity_check: ok)"))
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: tr(
            "Put a backup back as the hub file (stop the hub first).",
            "Khôi phục tệp hub từ bản sao lưu (dừng hub trước)."),
        discussion: tr(
            """
            Every replica finds at its next sync that the hub lost what came after the backup, \
            and offers it back with its original authors and stamps; nothing else is asked of anyone.
            """,
            """
            Ở lần đồng bộ tới, mỗi bản sao thấy hub đã mất những gì có sau bản sao lưu, và gửi \
            trả lại kèm người sửa và thời điểm gốc; không ai phải làm gì thêm.
            """))

    @Argument(help: ArgumentHelp(tr("The backup to put back.", "Bản sao lưu cần khôi phục."))) var file: String
    @OptionGroup var database: HubDatabaseOption
    @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

    func run() throws {
        try database.province.refuse("restore")
        try SQLiteHubDriver.restore(backup: file, to: database.db)
        if json {
            try Output.json(["restored": database.db, "from": file])
            return
        }
        print(
            tr(
                "restored \(database.db) from \(file); replicas refill it at their next sync",
                "đã khôi phục \(database.db) từ \(file); các bản sao sẽ bù lại ở lần đồng bộ tới"))
    }
}

struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: tr(
            "Every device: holder, hamlet, last seen, clock drift, changes not yet sent, version.",
            "Mọi thiết bị: người giữ, thôn/xóm, lần cuối thấy, lệch đồng hồ, thay đổi chưa gửi, phiên bản."))

    @OptionGroup var database: ExistingHub
    @Flag(help: ArgumentHelp(tr("Print JSON.", "In JSON."))) var json = false

    func run() async throws {
        let devices = try await database.withStore { try await $0.devices() }
        if json {
            try Output.json(devices)
            return
        }
        let now = SystemWallClock().nowMilliseconds()
        let short = RowLookup.shortIDs(devices.map(\.replicaID))
        let rows = devices.map { device in
            [
                short[device.replicaID] ?? device.replicaID, device.holder,
                device.hamletName ?? tr("(commune)", "(xã)"),
                Output.time(device.lastSeenAt) + " ("
                    + tr(
                        "\(Output.duration(Milliseconds.difference(now, device.lastSeenAt))) ago",
                        "\(Output.duration(Milliseconds.difference(now, device.lastSeenAt))) trước") + ")",
                Output.duration(device.driftMilliseconds), device.pending.map(String.init) ?? "?",
                device.appVersion ?? "?", device.tokenRevoked ? tr("token revoked", "token đã thu hồi") : "",
            ]
        }
        let header = [
            tr("device", "thiết bị"), tr("holder", "người giữ"), tr("hamlet", "thôn/xóm"), tr("last seen", "lần cuối"),
            tr("drift", "lệch giờ"), tr("pending", "chưa gửi"), tr("version", "phiên bản"), "",
        ]
        for line in ReportOutput.grid(header, rows) { print(line) }
        if devices.isEmpty { print(tr("(no device has synced yet)", "(chưa có thiết bị nào đồng bộ)")) }
    }
}

/// `ntm-hub tls self-signed`: a commune's own certificate authority and the hub's
/// certificate, for a commune without one from a public authority.
struct TLSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: tr("Certificates for serving HTTPS.", "Chứng chỉ để phục vụ HTTPS."),
        subcommands: [SelfSigned.self])

    struct SelfSigned: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "self-signed",
            abstract: tr(
                "Make the commune's own CA (once) and a certificate for the hub signed by it.",
                "Tạo CA riêng của xã (một lần) và chứng chỉ cho hub do CA đó ký."),
            discussion: tr(
                """
                Writes ca.pem and ca-key.pem (the CA, made once, valid ten years), hub.pem and \
                hub-key.pem in --dir. Serve with --tls-cert DIR/hub.pem --tls-key DIR/hub-key.pem; \
                each phone trusts the CA once: ntm init --ca-file ca.pem (or ntm hub set --ca-file). \
                Run again to renew the hub's certificate: the CA is kept, so phones need nothing new. \
                Keep ca-key.pem off the server if you can: whoever holds it can impersonate the hub.
                """,
                """
                Ghi ca.pem và ca-key.pem (CA, tạo một lần, hiệu lực mười năm), hub.pem và hub-key.pem \
                vào --dir. Chạy hub với --tls-cert DIR/hub.pem --tls-key DIR/hub-key.pem; mỗi điện thoại \
                tin CA một lần: ntm init --ca-file ca.pem (hoặc ntm hub set --ca-file). Chạy lại để gia hạn \
                chứng chỉ của hub: CA được giữ nguyên nên điện thoại không cần gì mới. Nên cất ca-key.pem \
                ngoài máy chủ: ai có tệp này có thể giả làm hub.
                """))

        @Option(help: ArgumentHelp(tr("Where to write the files.", "Thư mục ghi các tệp."))) var dir = "tls"
        @Option(
            name: .customLong("host"),
            help: ArgumentHelp(
                tr(
                    "A name or IP address phones use to reach the hub (repeat for several).",
                    "Tên hoặc địa chỉ IP mà điện thoại dùng để tới hub (lặp lại nếu nhiều).")))
        var hosts: [String] = []
        @Option(
            help: ArgumentHelp(tr("The commune's name, shown in the certificates.", "Tên xã, ghi trong chứng chỉ.")))
        var commune = "NTM Sync"
        @Option(
            help: ArgumentHelp(
                tr(
                    "Days the hub's certificate is valid (default 825).",
                    "Số ngày chứng chỉ của hub có hiệu lực (mặc định 825).")))
        var days = 825
        @OptionGroup var output: JSONFlag

        func run() async throws {
            let issued = try CommuneCertificates.issue(in: dir, commune: commune, hosts: hosts, days: days)
            if output.json { return try Output.json(issued) }
            let expires = Format.date(String(ISO8601DateFormatter().string(from: issued.expires).prefix(10)))
            print(
                issued.reusedAuthority
                    ? tr(
                        "kept the commune's CA: \(issued.caCertificate)",
                        "giữ nguyên CA của xã: \(issued.caCertificate)")
                    : tr("made the commune's CA: \(issued.caCertificate)", "đã tạo CA của xã: \(issued.caCertificate)"))
            print(
                tr(
                    "CA fingerprint (SHA-256): \(issued.caFingerprint)",
                    "dấu vân tay CA (SHA-256): \(issued.caFingerprint)"))
            print(
                tr(
                    "hub certificate for \(issued.hosts.joined(separator: ", ")), valid until \(expires): \(issued.hubCertificate)",
                    "chứng chỉ hub cho \(issued.hosts.joined(separator: ", ")), hiệu lực đến \(expires): \(issued.hubCertificate)"
                ))
            print(
                tr(
                    "next: ntm-hub serve --tls-cert \(issued.hubCertificate) --tls-key \(issued.hubKey); on each phone: ntm init --ca-file ca.pem",
                    "tiếp theo: ntm-hub serve --tls-cert \(issued.hubCertificate) --tls-key \(issued.hubKey); trên mỗi điện thoại: ntm init --ca-file ca.pem"
                ))
        }
    }
}

/// `ntm-hub bundle import`: a hamlet's bundle files, carried to the office (DESIGN.md §8).
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: tr(
            "Sync by file with a hamlet that has no signal.", "Đồng bộ bằng tệp với thôn/xóm không có sóng."),
        subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: tr(
                "Apply a hamlet's bundle file(s) and write the hub's signed reply for it.",
                "Áp dụng (các) tệp gói của thôn/xóm và ghi tệp trả lời có chữ ký của hub."),
            discussion: tr(
                """
                Each file is checked first: signed by a device the hub registered, whose token is \
                still valid, and not altered by a single byte. The changes are then applied exactly as \
                if the device had synced, and REPLY holds their outcomes and the hamlet's news, for the \
                head to import with ntm bundle import. Give all the parts of an export together, in any \
                order; a file imported again changes nothing.
                """,
                """
                Mỗi tệp được kiểm tra trước: do một thiết bị đã đăng ký với hub ký, token của thiết bị \
                còn hiệu lực, và không bị sửa một byte nào. Sau đó các thay đổi được áp dụng đúng như khi \
                thiết bị đồng bộ, và TỆP-TRẢ-LỜI chứa kết quả cùng tin mới của thôn/xóm, để trưởng thôn \
                nhập bằng ntm bundle import. Hãy cho tất cả các phần của một lần xuất cùng lúc, theo thứ \
                tự nào cũng được; nhập lại một tệp không thay đổi gì.
                """))

        @OptionGroup var input: BundleInput
        @Option(help: ArgumentHelp(tr("Where to write the reply.", "Nơi ghi tệp trả lời."))) var reply: String
        @OptionGroup var replace: ReplaceFlag
        @OptionGroup var hub: ExistingHub
        @OptionGroup var output: JSONFlag

        struct Imported: Encodable {
            let summary: HubBundles.Summary
            let reply: String
            let bytes: Int
        }

        func run() async throws {
            let limit = try input.replyLimit()
            try BundleFiles.refuseExisting([reply], replacing: replace.force)
            let bundles = try input.files.map(BundleFiles.read)
            let (answer, summary, hamlets) = try await hub.withStore { store in
                let (answer, summary) = try await HubBundles.answer(bundles, store: store, maxReplyBytes: limit)
                return (answer, summary, try await store.rows(table: "hamlets", for: Hub.administrator))
            }
            let bytes = try answer.fileBytes()
            try BundleFiles.write(bytes, to: reply, replacing: replace.force)
            if output.json { return try Output.json(Imported(summary: summary, reply: reply, bytes: bytes.count)) }
            let hamlet =
                summary.hamletID.map { id in ", " + (hamlets.first { $0.id == id }?.text("name") ?? id) } ?? ""
            print(
                tr(
                    "\(summary.files) file(s) from \(summary.holder)\(hamlet) (device \(summary.replicaID)): \(summary.applied) change(s) taken, \(summary.rejected) refused, \(summary.conflicts) conflict(s) opened",
                    "\(summary.files) tệp của \(summary.holder)\(hamlet) (thiết bị \(summary.replicaID)): nhận \(summary.applied) thay đổi, từ chối \(summary.rejected), mở \(summary.conflicts) xung đột"
                ))
            if summary.waiting > 0 {
                print(
                    tr(
                        "\(summary.waiting) page(s) of changes wait for an earlier part of the export: import all its parts",
                        "\(summary.waiting) trang thay đổi chờ phần trước của lần xuất: hãy nhập đủ các phần"))
            }
            print(
                tr(
                    "reply: \(reply) (\(BundleFiles.shown(bytes.count))), \(summary.entries) log entr(ies) for the hamlet; give it back to the head (ntm bundle import)",
                    "tệp trả lời: \(reply) (\(BundleFiles.shown(bytes.count))), \(summary.entries) mục nhật ký cho thôn/xóm; hãy gửi lại cho trưởng thôn (ntm bundle import)"
                ))
            if summary.hasMore {
                print(
                    tr(
                        "the hamlet's news did not all fit: the next bundle brings the rest",
                        "tin mới của thôn/xóm chưa vừa hết: lần gửi gói sau sẽ nhận phần còn lại"))
            }
        }
    }
}

/// `ntm-hub migrate --from FILE --to URL --code CODE` (issue 16, DESIGN.md §7): moves a
/// commune's SQLite hub into a province's PostgreSQL database, whole, in one transaction.
/// Its replicas carry on without re-initialising once they reach it at its new address.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: tr(
            "Move a commune's SQLite hub into a PostgreSQL database, as commune CODE.",
            "Chuyển hub SQLite của xã vào cơ sở dữ liệu PostgreSQL, thành xã có mã CODE."),
        discussion: tr(
            "The password may come from PGPASSWORD rather than the URL, which shows in ps.",
            "Mật khẩu có thể lấy từ PGPASSWORD thay vì viết trong URL (URL hiện trong ps)."))

    @Option(help: ArgumentHelp(tr("The commune's SQLite hub file.", "Tệp SQLite của hub xã."))) var from: String
    @Option(
        help: ArgumentHelp(
            tr(
                "The database: postgres://USER@HOST:PORT/DATABASE.",
                "Cơ sở dữ liệu: postgres://USER@HOST:PORT/DATABASE.")))
    var to: String
    @Option(
        help: ArgumentHelp(
            tr(
                "The commune's code in the database: lowercase letters, digits, _.",
                "Mã của xã trong cơ sở dữ liệu: chữ thường, chữ số, _.")))
    var code: String
    @OptionGroup var output: JSONFlag

    func run() async throws {
        try PostgresHubDriver.check(code: code)
        let location = try ProvinceOptions.location(to)
        guard FileManager.default.fileExists(atPath: from) else {
            throw CommandFailure.usage(tr("no hub file at \(from)", "không có tệp hub tại \(from)"))
        }
        let source = try HubDatabaseOption.open(from)
        let logger = ProvinceOptions.logger()
        defer { try? source.close() }
        let rows = try await PostgresConnections.using(location, limit: 2, logger: logger) { connections in
            try await PostgresHubDriver.migrate(from: source, into: connections, code: code, logger: logger).rows
        }
        if output.json {
            return try Output.json(MigrateOutput(from: from, code: code, database: location.shown, rows: rows))
        }
        print(
            tr(
                "moved \(rows) rows of \(from) into commune \(code) at \(location.shown)",
                "đã chuyển \(rows) dòng của \(from) vào xã \(code) tại \(location.shown)"
            ))
    }

    struct MigrateOutput: Encodable {
        let from: String
        let code: String
        let database: String
        let rows: Int
    }
}
