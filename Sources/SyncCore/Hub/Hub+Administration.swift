import Foundation
import GRDB

/// The 19 national criteria of the New Rural Development program, by number.
package enum NationalCriteria {
    /// Number and Vietnamese name of each criterion.
    package static let all: [(number: Int64, name: String)] = [
        (1, "Quy hoạch"), (2, "Giao thông"), (3, "Thủy lợi và phòng chống thiên tai"), (4, "Điện"),
        (5, "Giáo dục"), (6, "Văn hóa"), (7, "Cơ sở hạ tầng thương mại nông thôn"),
        (8, "Thông tin và truyền thông"), (9, "Nhà ở dân cư"), (10, "Thu nhập"), (11, "Nghèo đa chiều"),
        (12, "Lao động"), (13, "Tổ chức sản xuất và phát triển kinh tế nông thôn"), (14, "Y tế"),
        (15, "Hành chính công"), (16, "Tiếp cận pháp luật"), (17, "Môi trường"),
        (18, "Chất lượng môi trường sống"), (19, "Quốc phòng và An ninh"),
    ]
}

extension Hub {
    /// Names the commune and records the national criteria; on a hub already named, changes
    /// nothing and returns the criteria it holds (`CommuneSetup.alreadyNamed`).
    package func initialize(communeName: String) async throws -> CommuneSetup {
        let name = communeName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw SyncError.invalidValue(table: "commune", column: "name", "must not be empty") }
        if let problem = TextShape.name.problem(with: communeName) {
            throw SyncError.invalidValue(table: "commune", column: "name", problem)
        }
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        return try await write { sql in
            if let named = try sql.fetchText("SELECT commune_name FROM sync_hub_state WHERE id = 1") {
                return CommuneSetup(communeName: named, criteria: [], alreadyNamed: true)
            }
            try sql.execute("UPDATE sync_hub_state SET commune_name = \(communeName) WHERE id = 1")
            var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
            let criteria = try schema.table("criteria")
            let existing = Set(try sql.fetchAll("SELECT number FROM criteria").map { try $0.int64("number") })
            var rows: [SyncRow] = []
            for criterion in NationalCriteria.all where !existing.contains(criterion.number) {
                rows.append(
                    try transaction.administer(
                        .insert, table: criteria, rowID: ids.makeID(),
                        values: ["number": .integer(criterion.number), "name": .text(criterion.name)]))
            }
            try transaction.finish()
            return CommuneSetup(communeName: communeName, criteria: rows, alreadyNamed: false)
        }
    }

    /// Records a hamlet as a change authored by the hub; returns the new row.
    package func addHamlet(_ values: SyncRow) async throws -> SyncRow {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        let hamlets = try schema.table("hamlets")
        _ = try hamlets.completeRow(values.merging([TableSpec.idColumn: .text("check")]) { $1 })
        return try await write { sql in
            var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
            let row = try transaction.administer(.insert, table: hamlets, rowID: ids.makeID(), values: values)
            try transaction.finish()
            return row
        }
    }

    /// Changes fields of the hamlet `hamlet` names (its id, or its exact name), as a change
    /// authored by the hub; returns the row.
    package func updateHamlet(_ hamlet: String, values: SyncRow) async throws -> SyncRow {
        let (now, ids) = (clock.nowMilliseconds(), self.ids)
        let hamlets = try schema.table("hamlets")
        let values = try hamlets.normalize(values: values)
        return try await write { sql in
            let id = try HamletLookup.resolve(hamlet, in: sql)
            var transaction = try HubTransaction(sql: sql, now: now, ids: ids, schema: schema)
            let row = try transaction.administer(.update, table: hamlets, rowID: id, values: values)
            try transaction.finish()
            return row
        }
    }

    /// The id of the hamlet `text` names at the hub (its id, or its exact name).
    package func hamletID(named text: String) async throws -> String {
        try await read { sql in try HamletLookup.resolve(text, in: sql) }
    }

    /// The hub's clock, versions, log head and the caller's open conflicts.
    package func status(for principal: Principal) async throws -> HubStatus {
        let now = clock.nowMilliseconds()
        let replicas = principal.isReviewer ? try await replicas() : []
        let openConflicts = try await conflicts(status: .open, for: principal).count
        let hubKey = publicKey
        return try await read { sql in
            var status = HubStatus(
                hubTime: now,
                communeName: try sql.fetchText("SELECT commune_name FROM sync_hub_state WHERE id = 1"),
                principal: principal, protocolVersion: SyncProtocol.version, schemaVersion: schema.version,
                logHead: try sql.fetchInt64("SELECT MAX(seq) FROM sync_log") ?? 0,
                openConflicts: openConflicts, replicas: replicas)
            status.hubKey = hubKey
            if let hamletID = principal.hamletID {
                status.hamletName = try sql.fetchText("SELECT name FROM hamlets WHERE id = \(hamletID)")
            }
            return status
        }
    }
}

extension HubTransaction {
    /// A change the hub makes itself (admin commands), merged and logged like any other,
    /// authored by the hub. Returns the row as it stands.
    mutating func administer(
        _ operation: ChangeOperation, table: TableSpec, rowID: String, values: SyncRow
    )
        throws -> SyncRow
    {
        var values = values
        values[TableSpec.idColumn] = .text(rowID)
        let change = Change(
            seq: 0, table: table.name, rowID: rowID, operation: operation, values: values,
            hlc: clock.tick(now: now), createdAt: now)
        let outcome = try merge(
            change, from: ChangeAuthor(replicaID: "hub", name: HubAdministrator.principal.name),
            principal: HubAdministrator.principal, maxFutureSkew: .max, senderSchema: schema)
        if outcome.status == .rejected { throw SyncError.malformed(outcome.reason ?? "rejected") }
        guard let row = try row(table, rowID) else { throw SyncError.storage("\(table.name) row \(rowID) vanished") }
        return row
    }
}
