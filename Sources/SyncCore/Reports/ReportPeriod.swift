/// The days a report covers: a month, a year, or a range of dates, both ends included.
package struct ReportPeriod: Sendable, Hashable, Codable {
    /// How the period was named.
    package enum Kind: String, Sendable, Hashable, Codable {
        case month, year, range
    }

    /// How the period was named.
    package var kind: Kind
    /// Its first day, `YYYY-MM-DD`.
    package var from: String
    /// Its last day, `YYYY-MM-DD`.
    package var to: String

    /// The month `YYYY-MM`, or `MM/YYYY` as Vietnamese write it.
    package static func month(_ typed: String) throws(SyncError) -> ReportPeriod {
        let text = typed.trimmingSpaces
        guard let first = TypedInput.date(text.contains("/") ? "01/" + text : text + "-01"),
            let first = CalendarDate(first), text.utf8.count <= 7
        else {
            throw .invalidValue(table: "report", column: "month", "must be a month MM/YYYY or YYYY-MM")
        }
        return ReportPeriod(kind: .month, first: first, last: first.endOfMonth)
    }

    /// The year `YYYY`.
    package static func year(_ text: String) throws(SyncError) -> ReportPeriod {
        guard text.utf8.count == 4, let first = CalendarDate(text + "-01-01"), first.year <= 2100 else {
            throw .invalidValue(table: "report", column: "year", "must be a year YYYY between 1900 and 2100")
        }
        return ReportPeriod(
            kind: .year, first: first, last: CalendarDate(year: first.year, month: 12, day: 31))
    }

    /// The days from `from` to `to`, both included (`DD/MM/YYYY` or `YYYY-MM-DD`).
    package static func range(from: String, to: String) throws(SyncError) -> ReportPeriod {
        guard let first = TypedInput.date(from).flatMap(CalendarDate.init) else {
            throw .invalidValue(table: "report", column: "from", "must be a date DD/MM/YYYY or YYYY-MM-DD")
        }
        guard let last = TypedInput.date(to).flatMap(CalendarDate.init) else {
            throw .invalidValue(table: "report", column: "to", "must be a date DD/MM/YYYY or YYYY-MM-DD")
        }
        guard first <= last else { throw .invalidValue(table: "report", column: "to", "must not be before from") }
        return ReportPeriod(kind: .range, first: first, last: last)
    }

    private init(kind: Kind, first: CalendarDate, last: CalendarDate) {
        self.kind = kind
        self.from = first.description
        self.to = last.description
    }

    /// Whether `date` (`YYYY-MM-DD`) falls in the period; false for nil or any other text.
    package func contains(_ date: String?) -> Bool {
        guard let date, CalendarDate(date) != nil else { return false }
        return from <= date && date <= to
    }

    /// Whether `date` falls on or before the period's last day; false for nil or other text.
    package func reaches(_ date: String?) -> Bool {
        guard let date, CalendarDate(date) != nil else { return false }
        return date <= to
    }

    /// The months (`YYYY-MM`) the period touches that have begun by `asOf`: those in which
    /// a hamlet is due its cleanup.
    package func monthsDue(asOf: CalendarDate) -> [String] {
        guard let first = CalendarDate(from), let last = CalendarDate(to) else { return [] }
        var months: [String] = []
        var (year, month) = (first.year, first.month)
        while (year, month) <= (last.year, last.month), (year, month) <= (asOf.year, asOf.month) {
            months.append(CalendarDate(year: year, month: month, day: 1).monthText)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }
}

extension CalendarDate: CustomStringConvertible {
    /// `YYYY-MM-DD`.
    package var description: String {
        "\(monthText)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `YYYY-MM`.
    package var monthText: String {
        let year = String(self.year)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// The last day of this date's month.
    package var endOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }
}
