/// The capture triggers: every insert, update and delete of a replicated table, by any
/// SQLite client, goes into `sync_outbox` in the writing transaction with a hybrid clock
/// stamp and the per-field versions its author last saw. While the engine applies rows
/// from the hub it sets `sync_state.applying`, and the triggers stand aside.
enum ReplicaTriggers {
    /// Wall-clock milliseconds: the engine's injected clock when it is the writer, SQLite's
    /// clock otherwise (the `sqlite3` shell, another program).
    static let now =
        "COALESCE((SELECT writer_now_ms FROM sync_state WHERE id = 1), \(ReplicatedSchema.sqliteNowMilliseconds))"
    static let notApplying = "(SELECT applying FROM sync_state WHERE id = 1) = 0"
    /// True for a write by another program: neither the engine applying the hub's rows nor
    /// the engine writing for its user (`Replica.write` sets `writer_now_ms`).
    static let otherTools = "(SELECT applying = 0 AND writer_now_ms IS NULL FROM sync_state WHERE id = 1)"

    /// Every trigger of `table` on a replica: capture, guards and plausible values.
    static func all(for table: TableSpec) -> [String] {
        create(for: table) + table.plausibleValueTriggers(when: otherTools)
    }

    /// The name each `CREATE TRIGGER` statement creates.
    static func names(of statements: [String]) -> [String] {
        statements.map { $0.split(separator: " ", maxSplits: 3).dropFirst(2).first.map(String.init) ?? $0 }
    }

    /// Every trigger the engine relies on at schema version `schema`, by name, with its
    /// SQL as created.
    static func expected(_ schema: SchemaView) -> [String: String] {
        expectedByVersion[schema.version - 1]
    }

    private static let expectedByVersion: [[String: String]] = (1...ReplicatedSchema.version).map { version in
        var triggers: [String: String] = [:]
        for table in (try? SchemaView.at(version))?.tables ?? [] {
            let statements = all(for: table)
            for (name, sql) in zip(names(of: statements), statements) { triggers[name] = sql }
        }
        return triggers
    }

    /// The capture and guard triggers of `table`.
    static func create(for table: TableSpec) -> [String] {
        let name = table.name
        func json(_ prefix: String) -> String {
            "json_object(" + table.columnNames.map { "'\($0)', \(prefix).\"\($0)\"" }.joined(separator: ", ") + ")"
        }
        let base = "(SELECT vers FROM sync_base_rows WHERE tbl = '\(name)' AND row_id = OLD.id)"
        func capture(_ op: String, row: String, new: String, old: String, base: String) -> String {
            """
            INSERT INTO sync_outbox (seq, tbl, row_id, op, new_values, old_values, base_versions, hlc, created_at)
              SELECT s.next_seq, '\(name)', \(row).id, '\(op)', \(new), \(old), \(base),
                     MAX(s.hlc + 1, n.now_ms * 65536), n.now_ms
              FROM sync_state AS s, (SELECT \(now) AS now_ms) AS n WHERE s.id = 1;
            UPDATE sync_state SET next_seq = next_seq + 1,
              hlc = (SELECT hlc FROM sync_outbox WHERE seq = sync_state.next_seq) WHERE id = 1;
            """
        }
        let changed = table.columns.map { "OLD.\"\($0.name)\" IS NOT NEW.\"\($0.name)\"" }.joined(separator: " OR ")
        var statements = [
            """
            CREATE TRIGGER sync_capture_insert_\(name) AFTER INSERT ON "\(name)" WHEN \(notApplying)
            BEGIN
            \(capture("insert", row: "NEW", new: json("NEW"), old: "NULL", base: "NULL"))
            END
            """,
            """
            CREATE TRIGGER sync_capture_update_\(name) AFTER UPDATE ON "\(name)" WHEN \(notApplying) AND (\(changed))
            BEGIN
            \(capture("update", row: "NEW", new: json("NEW"), old: json("OLD"), base: base))
            END
            """,
            """
            CREATE TRIGGER sync_capture_delete_\(name) AFTER DELETE ON "\(name)" WHEN \(notApplying)
            BEGIN
            \(capture("delete", row: "OLD", new: "NULL", old: json("OLD"), base: base))
            END
            """,
            """
            CREATE TRIGGER sync_guard_id_\(name) BEFORE UPDATE OF id ON "\(name)" WHEN OLD.id IS NOT NEW.id
            BEGIN SELECT RAISE(ABORT, '\(name).id: cannot change'); END
            """,
        ]
        if table.scope == .hamlet {
            statements.append(
                """
                CREATE TRIGGER sync_guard_hamlet_\(name) BEFORE UPDATE OF hamlet_id ON "\(name)"
                WHEN OLD.hamlet_id IS NOT NEW.hamlet_id
                BEGIN SELECT RAISE(ABORT, '\(name).hamlet_id: cannot change; delete the row and add it to the other hamlet'); END
                """)
        }
        return statements
    }
}
