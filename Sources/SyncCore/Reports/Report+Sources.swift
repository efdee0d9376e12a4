extension Replica {
    /// Every replicated table's rows as this replica holds them.
    func reportRows() throws -> [String: [SyncRow]] {
        var rows: [String: [SyncRow]] = [:]
        for table in schema.tables { rows[table.name] = try self.rows(table.name) }
        return rows
    }

    /// The report of `period` made on `asOf`: a head's hamlet, or every hamlet for a reviewer.
    package func report(_ period: ReportPeriod, asOf: CalendarDate) throws -> CommuneReport {
        CommuneReport(period: period, asOf: asOf, rows: try reportRows(), hamletID: principal.hamletID)
    }

    /// The commendation candidates of `year`.
    package func candidates(year: Int) throws -> CandidatesReport {
        try CandidatesReport(year: year, rows: try reportRows(), hamletID: principal.hamletID)
    }
}

extension Hub {
    /// Every replicated table's rows as the hub holds them.
    func reportRows() async throws -> [String: [SyncRow]] {
        var rows: [String: [SyncRow]] = [:]
        for table in schema.tables {
            rows[table.name] = try await self.rows(table: table.name, for: Self.administrator)
        }
        return rows
    }

    /// The commune's report of `period` made on `asOf`.
    package func report(_ period: ReportPeriod, asOf: CalendarDate) async throws -> CommuneReport {
        CommuneReport(period: period, asOf: asOf, rows: try await reportRows())
    }

    /// The commune's commendation candidates of `year`.
    package func candidates(year: Int) async throws -> CandidatesReport {
        try CandidatesReport(year: year, rows: try await reportRows())
    }
}

/// A report's sum as a whole number, pinned to Int64's range: rows stored before the
/// plausible bounds existed may hold anything, and a report never traps on them.
func wholeNumber(_ value: Double) -> Int64 {
    guard value.isFinite else { return value > 0 ? .max : value < 0 ? .min : 0 }
    if value >= 9.2e18 { return .max }
    if value <= -9.2e18 { return .min }
    return Int64(value)
}
