import Foundation
import NIOSSL
import PostgresNIO
import SyncCore

/// Where a PostgreSQL database is, from a URL as operators write it:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|require]`.
package struct PostgresLocation: Sendable, Equatable {
    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String
    /// TLS to the server: `require` (verified against the system's roots) or off.
    package var requireTLS: Bool

    /// Parses `url`; an error names the part that is wrong. The password is never repeated
    /// in an error.
    package init(url text: String) throws(SyncError) {
        func invalid(_ problem: String) -> SyncError {
            .invalidValue(table: "postgres", column: "url", problem + " (postgres://USER@HOST:PORT/DATABASE)")
        }
        guard text.utf8.count <= 2_048, let url = URLComponents(string: text) else {
            throw invalid("not a URL")
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw invalid("must start with postgres://")
        }
        guard let host = url.host, !host.isEmpty else { throw invalid("has no host") }
        guard let user = url.user, !user.isEmpty else { throw invalid("has no user") }
        let port = url.port ?? 5432
        guard (1...65_535).contains(port) else { throw invalid("port \(port) is not between 1 and 65535") }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !database.isEmpty, !database.contains("/") else { throw invalid("has no database name after the port") }
        var requireTLS = false
        for item in url.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("sslmode", "disable"): requireTLS = false
            case ("sslmode", "require"), ("sslmode", "verify-full"): requireTLS = true
            default:
                // The option's name only: a value may be a password.
                let name = String(
                    String.UnicodeScalarView(
                        item.name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(40)))
                throw invalid("unknown option \(name) (only sslmode)")
            }
        }
        self.host = host
        self.port = port
        self.user = user
        self.password = url.password
        self.database = database
        self.requireTLS = requireTLS
    }

    /// The URL without its password, for logs and messages.
    package var shown: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (requireTLS ? "?sslmode=require" : "")
    }

    /// PostgresNIO's configuration for it.
    package func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
