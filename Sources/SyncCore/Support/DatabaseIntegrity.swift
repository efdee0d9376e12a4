import GRDB

/// SQLite settings and checks shared by the replica and the hub files.
package enum DatabaseIntegrity {
    /// `PRAGMA integrity_check`'s verdict: `ok`, or the problems found.
    package static func check(_ db: Database) throws -> String {
        try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
    }
}

extension DatabasePool {
    /// A pool on `path` with the engine's settings. GRDB turns `synchronous` to NORMAL on
    /// the writer when it sets WAL up, after `prepareDatabase`: set back to FULL here, since
    /// NORMAL in WAL may lose the last commits to a power cut, and an acknowledged write
    /// must survive one (issue 28 found every file committing with NORMAL).
    package static func syncEngine(path: String, maxPageCount: Int? = nil) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: .syncEngine(maxPageCount: maxPageCount))
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }
}

extension Configuration {
    /// The engine's SQLite settings: full fsync on commit, so that an acknowledged write
    /// survives a crash, and a busy timeout for other writers such as the `sqlite3` shell.
    package static var syncEngine: Configuration { syncEngine(maxPageCount: nil) }

    /// The engine's settings, the file limited to `maxPageCount` pages when given.
    static func syncEngine(maxPageCount: Int?) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 16 MiB of page cache per connection (SQLite's default is 2 MiB): the hub's
            // merge and a replica's pull touch indexes across the whole file.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            if let maxPageCount { _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        return configuration
    }
}
