import ArgumentParser
import CommandSupport
import Foundation
import HubPostgres
import Logging
import SyncCore

/// `--postgres URL --code CODE` (DESIGN.md §7): a commune in a province's PostgreSQL
/// database, in place of the hub's SQLite file.
struct ProvinceOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            tr(
                "A province's PostgreSQL database, in place of --db: postgres://USER@HOST:PORT/DATABASE (the password may come from PGPASSWORD).",
                "Cơ sở dữ liệu PostgreSQL của tỉnh, thay cho --db: postgres://USER@HOST:PORT/DATABASE (mật khẩu có thể lấy từ PGPASSWORD)."
            )))
    var postgres: String?
    @Option(
        help: ArgumentHelp(
            tr(
                "With --postgres: the commune's code (lowercase letters, digits, _).",
                "Đi cùng --postgres: mã của xã (chữ thường, chữ số, _).")))
    var code: String?

    /// The database's location, its password from `PGPASSWORD` when the URL has none.
    static func location(_ url: String) throws -> PostgresLocation {
        var location = try PostgresLocation(url: url)
        if location.password == nil { location.password = ProcessInfo.processInfo.environment["PGPASSWORD"] }
        return location
    }

    /// A logger for admin commands: warnings and worse, on standard error.
    static func logger(_ level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: "ntm-hub") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level
        return logger
    }

    /// Runs `body` with commune `--code` of `--postgres` (created when missing if `create`),
    /// then closes its connections; nil when no `--postgres` was given.
    func withCommune<T>(create: Bool, _ body: (Hub) async throws -> T) async throws -> T? {
        guard let postgres else {
            guard code == nil else {
                throw CommandFailure.usage(tr("--code goes with --postgres", "--code đi cùng --postgres"))
            }
            return nil
        }
        guard let code else {
            throw CommandFailure.usage(
                tr("--postgres needs --code CODE: which commune", "--postgres cần --code MÃ: xã nào"))
        }
        try PostgresHubDriver.check(code: code)
        let logger = Self.logger()
        return try await PostgresConnections.using(try Self.location(postgres), limit: 2, logger: logger) {
            connections in
            try await body(
                try await Hub(postgres: connections, code: code, create: create, logger: logger))
        }
    }

    /// How messages name the hub: the commune and its database.
    var shown: String? {
        guard let postgres, let code else { return nil }
        let place = (try? PostgresLocation(url: postgres))?.shown ?? "PostgreSQL"
        return tr("commune \(code) at \(place)", "xã \(code) tại \(place)")
    }

    /// Refuses `--postgres` for a command that only a SQLite hub has.
    func refuse(_ command: String) throws {
        guard postgres == nil, code == nil else {
            throw CommandFailure.usage(
                tr(
                    "\(command) is for a hub's SQLite file; a PostgreSQL database is backed up with its own tools (pg_dump, replication)",
                    "\(command) dành cho tệp SQLite của hub; cơ sở dữ liệu PostgreSQL được sao lưu bằng công cụ riêng (pg_dump, sao chép)"
                ))
        }
    }
}
