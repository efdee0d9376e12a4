extension ColumnSpec {
    /// Checks `value` against the column's type and rule and returns it in canonical form
    /// (integers stored in a real column become reals, whole reals in an integer column
    /// become integers). Text is never altered.
    package func normalize(_ value: SyncValue, table: String) throws(SyncError) -> SyncValue {
        func fail(_ reason: String) -> SyncError { .invalidValue(table: table, column: name, reason) }
        if value.isNull {
            if isRequired { throw fail("is required") }
            return .null
        }
        let normalized: SyncValue
        switch kind {
        case .text:
            guard let text = value.text else { throw fail("must be text") }
            if isRequired, text.allSatisfy(\.isWhitespace) { throw fail("must not be empty") }
            if let problem = self.text.problem(with: text) { throw fail(problem) }
            normalized = value
        case .integer:
            switch value {
            case .integer: normalized = value
            case .real(let double) where double.rounded() == double && abs(double) < 9.0e15:
                normalized = .integer(Int64(double))
            default: throw fail("must be a whole number")
            }
        case .real:
            switch value {
            case .integer(let int): normalized = .real(Double(int))
            case .real(let double) where double.isFinite: normalized = value
            default: throw fail("must be a number")
            }
        case .boolean:
            guard value == .integer(0) || value == .integer(1) || value == .real(0) || value == .real(1) else {
                throw fail("must be 0 or 1")
            }
            normalized = .integer(value.number == 1 ? 1 : 0)
        case .date:
            guard let text = value.text, CalendarDate(text) != nil else {
                throw fail("must be a date YYYY-MM-DD")
            }
            guard text <= PlausibleValues.latestDate else {
                throw fail("must be between \(PlausibleValues.earliestDate) and \(PlausibleValues.latestDate)")
            }
            normalized = value
        case .enumeration(let allowed):
            guard let text = value.text, allowed.contains(text) else {
                throw fail("must be one of \(allowed.joined(separator: ", "))")
            }
            normalized = value
        }
        if let number = normalized.number {
            switch rule {
            case .positive where !(number > 0): throw fail("must be greater than 0")
            case .nonNegative where number < 0: throw fail("must not be negative")
            case .range(let range)
            where !(Double(range.lowerBound) <= number && number <= Double(range.upperBound)):
                // Compared as doubles: a value far outside any Int64 must not trap.
                throw fail("must be between \(range.lowerBound) and \(range.upperBound)")
            default: break
            }
            if let maximum, !(number <= maximum) {
                throw fail("must be at most \(SyncValue.format(maximum))")
            }
        }
        return normalized
    }

    /// Parses a value typed on the command line; an empty string clears an optional field.
    package func parse(_ text: String, table: String) throws(SyncError) -> SyncValue {
        func fail(_ reason: String) -> SyncError { .invalidValue(table: table, column: name, reason) }
        if text.isEmpty, !isRequired { return .null }
        let value: SyncValue
        switch kind {
        case .text, .enumeration:
            value = .text(text)
        case .date:
            guard let date = TypedInput.date(text) else {
                throw fail(TypedInput.dateProblem(text) ?? "must be a date DD/MM/YYYY or YYYY-MM-DD")
            }
            value = .text(date)
        case .integer:
            if let int = Int64(text) {
                value = .integer(int)
            } else {
                switch TypedInput.number(text, whole: true) {
                case .success(let number):
                    guard let int = Int64(exactly: number) else { throw fail("must be a whole number") }
                    value = .integer(int)
                case .failure(let problem):
                    throw fail(problem == .notANumber ? "must be a whole number" : problem.reason)
                }
            }
        case .real:
            switch TypedInput.number(text, whole: false) {
            case .success(let number): value = .real(number)
            case .failure(let problem): throw fail(problem.reason)
            }
        case .boolean:
            guard let yes = TypedInput.boolean(text) else { throw fail("must be true or false") }
            value = .integer(yes ? 1 : 0)
        }
        return try normalize(value, table: table)
    }
}

extension TableSpec {
    /// Checks the values of an insert or an update: every key a declared column, every
    /// value valid. Returns the values in canonical form.
    package func normalize(values: SyncRow) throws(SyncError) -> SyncRow {
        var result = SyncRow(minimumCapacity: values.count)
        for (key, value) in values {
            if key == TableSpec.idColumn {
                guard let id = value.text else { throw .invalidValue(table: name, column: key, "must be a text id") }
                if let problem = PlausibleValues.problem(withID: id) {
                    throw .invalidValue(table: name, column: key, problem)
                }
                result[key] = value
                continue
            }
            guard let column = column(key) else { throw .unknownColumn(table: name, column: key) }
            result[key] = try column.normalize(value, table: name)
        }
        return result
    }

    /// A complete new row: `values` over the columns' defaults, checked for required
    /// columns and row rules.
    package func completeRow(_ values: SyncRow) throws(SyncError) -> SyncRow {
        var row = try normalize(values: values)
        for column in columns where row[column.name] == nil {
            row[column.name] = column.defaultValue ?? .null
            if column.isRequired, column.defaultValue == nil {
                throw .invalidValue(table: name, column: column.name, "is required")
            }
        }
        guard row[TableSpec.idColumn]?.text != nil else {
            throw .invalidValue(table: name, column: TableSpec.idColumn, "is required")
        }
        try checkRowRules(row)
        return row
    }

    /// Checks the rules that span several columns of a complete row.
    package func checkRowRules(_ row: SyncRow) throws(SyncError) {
        for rule in rowRules {
            switch rule {
            case .oneOf(let names):
                let present = names.contains { name in
                    guard let value = row[name], !value.isNull else { return false }
                    return !(value.text?.allSatisfy(\.isWhitespace) ?? false)
                }
                if !present {
                    throw .invalidRow(
                        table: name, "one of \(names.joined(separator: ", ")) is required", field: names.first)
                }
            case .wholeNumberWhen(let column, let equals, let wholeColumn):
                if row[column] == .text(equals), let number = row[wholeColumn]?.number, number.rounded() != number {
                    throw .invalidValue(
                        table: name, column: wholeColumn, "must be a whole number of VND when \(column) is \(equals)")
                }
            case .atMostUnless(let limited, let maximum, let column, let equals):
                if row[column] != .text(equals), let number = row[limited]?.number, !(number <= maximum) {
                    throw .invalidValue(
                        table: name, column: limited,
                        "must be at most \(SyncValue.format(maximum)) unless \(column) is \(equals)")
                }
            }
        }
    }
}

/// A calendar date in ISO `YYYY-MM-DD` form.
package struct CalendarDate: Sendable, Hashable, Comparable {
    /// The year.
    package let year: Int
    /// The month, 1–12.
    package let month: Int
    /// The day of the month.
    package let day: Int

    /// Parses `YYYY-MM-DD`; nil for any other form or an impossible date.
    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            year >= CalendarDate.earliestYear, (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `year`-`month`-`day`, which the caller knows to exist.
    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The earliest year a date may name.
    package static let earliestYear = 1900

    /// The number of days in a month.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
