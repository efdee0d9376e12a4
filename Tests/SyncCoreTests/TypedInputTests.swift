import Testing

@testable import SyncCore

/// Issue 12: values typed as Vietnamese write them, and the ambiguous ones refused or read
/// by the rule `ntm --help` states (`TypedInput`).
@Suite struct TypedInputTests {
    static func parse(_ text: String, _ table: String, _ column: String) throws -> SyncValue {
        try #require(try ReplicatedSchema.table(table).column(column)).parse(text, table: table)
    }

    static func refusal(_ text: String, _ table: String, _ column: String) -> String? {
        do {
            _ = try parse(text, table, column)
            return nil
        } catch {
            return (error as? SyncError)?.message
        }
    }

    @Test(
        arguments: [
            ("3,5", 3.5), ("3.5", 3.5), ("0,75", 0.75), ("0.500", 0.5), ("12", 12), ("1.234,5", 1234.5),
            ("1,234.5", 1234.5), ("12.345,25", 12_345.25), ("2.000", nil), ("2,000", nil), ("1,5000", 1.5),
            ("40000", 40_000),
        ] as [(String, Double?)])
    func aLengthOrAreaIsReadByTheRule(text: String, value: Double?) throws {
        if let value {
            #expect(try Self.parse(text, "road_segments", "length_m") == .real(value))
        } else {
            #expect(
                Self.refusal(text, "road_segments", "length_m")
                    == "road_segments.length_m: is ambiguous: write the decimal with a comma (1,5) or the number without separators (1500)"
            )
        }
    }

    @Test(arguments: [
        ("4.500.000", Int64(4_500_000)), ("4,500,000", 4_500_000), ("4500000", 4_500_000), ("4.500.000 đ", 4_500_000),
        ("4.500.000đ", 4_500_000), ("4.500.000 VND", 4_500_000), ("1.500", 1500), ("1,500", 1500), ("0", 0),
    ])
    func moneyIsReadWithThousandsSeparatorsAndACurrency(text: String, value: Int64) throws {
        #expect(try Self.parse(text, "land_donations", "assets_value_vnd") == .integer(value))
    }

    @Test(arguments: [
        ("4.50.000", "must be a number (thousands are separated by groups of three digits)"),
        ("4.500.00", "must be a number (thousands are separated by groups of three digits)"),
        ("1.234.5,0.0", "must be a number (thousands are separated by groups of three digits)"),
        ("4500,5", "must be a whole number"), ("bốn triệu", "must be a whole number"),
        ("1.5", "must be a whole number"),
    ])
    func moneyThatIsNotAWholeNumberOfDongIsRefusedByName(text: String, reason: String) {
        #expect(
            Self.refusal(text, "land_donations", "assets_value_vnd") == "land_donations.assets_value_vnd: \(reason)")
    }

    @Test func aCountTakesThousandsSeparatorsButNoFraction() throws {
        #expect(try Self.parse("1.200", "cleanups", "participants") == .integer(1200))
        #expect(try Self.parse("45", "cleanups", "participants") == .integer(45))
        #expect(Self.refusal("4,5", "cleanups", "participants") == "cleanups.participants: must be a whole number")
    }

    @Test(arguments: [
        ("15/03/2024", "2024-03-15"), ("5/3/2024", "2024-03-05"), ("05/03/2024", "2024-03-05"),
        ("2024-03-15", "2024-03-15"), ("29/02/2024", "2024-02-29"), (" 15/03/2024 ", "2024-03-15"),
    ])
    func aDateIsTakenInEitherForm(text: String, stored: String) throws {
        #expect(try Self.parse(text, "cleanups", "date") == .text(stored))
    }

    @Test(arguments: ["15/3/24", "2024/03/15", "15-03-2024", "15.03.2024", "15/03"])
    func aDateInNoKnownFormIsRefused(text: String) {
        #expect(Self.refusal(text, "cleanups", "date") == "cleanups.date: must be a date DD/MM/YYYY or YYYY-MM-DD")
    }

    @Test(arguments: [("có", Int64(1)), ("không", 0), ("Có", 1), ("co", 1), ("khong", 0)])
    func yesAndNoInVietnamese(text: String, stored: Int64) throws {
        #expect(try Self.parse(text, "road_segments", "lighting") == .integer(stored))
    }

    @Test func decomposedVietnameseIsReadLikePrecomposed() throws {
        // "có" typed as c, o, combining acute.
        #expect(try Self.parse("co\u{301}", "road_segments", "trees") == .integer(1))
    }

    @Test(arguments: [
        ("11/2026", "2026-11-01", "2026-11-30"), ("2026-02", "2026-02-01", "2026-02-28"),
        ("2/2024", "2024-02-01", "2024-02-29"),
    ])
    func aMonthIsTakenInEitherForm(text: String, from: String, to: String) throws {
        let period = try ReportPeriod.month(text)
        #expect(period.from == from && period.to == to)
    }

    @Test(arguments: ["13/2026", "2026-13", "2026", "11-2026", "2026-11-05"])
    func aMonthInNoKnownFormIsRefused(text: String) {
        let refusal = #expect(throws: SyncError.self) { try ReportPeriod.month(text) }
        #expect(refusal?.kind == .invalidInput, "\(refusal?.message ?? "no error")")
    }

    /// Issue 27: a day that does not exist was told its format was wrong.
    @Test(
        arguments: [
            ("31/02/2026", "cleanups.date: no such day: month 2 of 2026 has 28 days"),
            ("29/02/2027", "cleanups.date: no such day: month 2 of 2027 has 28 days"),
            ("2026-04-31", "cleanups.date: no such day: month 4 of 2026 has 30 days"),
            ("01/13/2026", "cleanups.date: no such day: there is no month 13"),
            ("03/15/2024", "cleanups.date: no such day: there is no month 15"),
            ("29/02/2025", "cleanups.date: no such day: month 2 of 2025 has 28 days"),
            ("2 tháng 3", "cleanups.date: must be a date DD/MM/YYYY or YYYY-MM-DD"),
        ])
    func aDayThatDoesNotExistIsToldSo(text: String, message: String) {
        #expect(Self.refusal(text, "cleanups", "date") == message)
        #expect(throws: Never.self) { try Self.parse("29/02/2028", "cleanups", "date") }
    }
}
