import Testing

@testable import SyncCore

/// Validation where values enter (DESIGN.md §3): types, rules, required columns, row rules,
/// and text kept byte for byte.
@Suite struct ValidationTests {
    private static func table(_ name: String) throws -> TableSpec { try ReplicatedSchema.table(name) }

    private static func column(_ table: String, _ name: String) throws -> ColumnSpec {
        try #require(try Self.table(table).column(name))
    }

    /// The engine error `body` throws, or nil if it throws none.
    private static func error(_ body: () throws -> Void) -> SyncError? {
        do {
            try body()
            return nil
        } catch let error as SyncError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    // MARK: Calendar dates

    @Test(arguments: ["2026-01-01", "2026-02-28", "2024-02-29", "2000-02-29", "2026-04-30", "2026-12-31"])
    func realDatesAreAccepted(_ text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect([date.year, date.month, date.day] == text.split(separator: "-").compactMap { Int($0) })
    }

    @Test(arguments: [
        "2026-02-30", "2026-02-29", "2025-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-13-01",
        "2026-00-10", "2026-01-00", "2026-01-32",
    ])
    func impossibleDatesAreRefused(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test(arguments: [
        "", "2026-1-05", "26-01-05", "2026/01/05", "05-01-2026", "2026-01-05T08:00", " 2026-01-05", "2026-01-05 ",
        "2026-0a-05", "+026-01-05", "2026-01-5 ", "２０２６-01-05", "ngày 5/1",
    ])
    func datesInAnyOtherFormAreRefused(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func datesOrderByYearThenMonthThenDay() throws {
        let dates = try ["2026-02-01", "2025-12-31", "2026-01-15", "2026-01-02"].map { try #require(CalendarDate($0)) }
        #expect(dates.sorted().map(\.month) == [12, 1, 1, 2])
        #expect(dates.sorted().map(\.day) == [31, 2, 15, 1])
    }

    @Test(arguments: [("cleanups", "date"), ("contributions", "date"), ("land_donations", "signed_on")])
    func anImpossibleDateIsRefusedNamingTheField(table: String, column: String) throws {
        let spec = try Self.column(table, column)
        for text in ["2026-02-30", "2026-13-01", "2025-02-29", "30/02/2026"] {
            let error = Self.error { _ = try spec.normalize(.text(text), table: table) }
            #expect(error?.kind == .invalidInput)
            #expect(error?.field == column)
            #expect(error?.message == "\(table).\(column): must be a date YYYY-MM-DD")
            // Typed at the command line, a date may also be written as Vietnamese write it;
            // one that does not exist is told so (issue 27).
            let typed = Self.error { _ = try spec.parse(text, table: table) }
            #expect(typed?.field == column)
            #expect(typed?.message.hasPrefix("\(table).\(column): no such day: ") == true, "\(typed?.message ?? "")")
        }
        // On the wire only the stored form is taken.
        #expect(Self.error { _ = try spec.normalize(.text("30/01/2026"), table: table) } != nil)
        #expect(try spec.parse("30/01/2026", table: table) == .text("2026-01-30"))
        #expect(try spec.normalize(.text("2024-02-29"), table: table) == .text("2024-02-29"))
        #expect(try spec.parse("2024-02-29", table: table) == .text("2024-02-29"))
    }

    // MARK: Numbers

    @Test(arguments: [SyncValue.real(0), .real(-0.0), .real(-12.5), .integer(0), .integer(-3)])
    func aDonatedAreaMustBeGreaterThanZero(_ value: SyncValue) throws {
        let area = try Self.column("land_donations", "area_m2")
        let error = Self.error { _ = try area.normalize(value, table: "land_donations") }
        #expect(error?.kind == .invalidInput)
        #expect(error?.field == "area_m2")
        #expect(error?.message == "land_donations.area_m2: must be greater than 0")
    }

    @Test(arguments: ["0", "-5", "-0.01"])
    func aDonatedAreaTypedAtTheCommandLineMustBeGreaterThanZero(_ text: String) throws {
        let area = try Self.column("land_donations", "area_m2")
        let error = Self.error { _ = try area.parse(text, table: "land_donations") }
        #expect(error?.field == "area_m2")
        #expect(error?.message.contains("must be greater than 0") == true)
    }

    @Test(arguments: [
        ("road_segments", "length_m"), ("road_segments", "width_before_m"), ("road_segments", "width_after_m"),
    ])
    func roadLengthsAndWidthsMustBeGreaterThanZero(table: String, column: String) throws {
        let spec = try Self.column(table, column)
        #expect(Self.error { _ = try spec.normalize(.real(-1), table: table) }?.field == column)
        #expect(Self.error { _ = try spec.normalize(.real(0), table: table) }?.field == column)
        #expect(try spec.normalize(.real(0.5), table: table) == .real(0.5))
    }

    @Test func aPositiveAreaIsKeptAndAWholeAreaBecomesAReal() throws {
        let area = try Self.column("land_donations", "area_m2")
        #expect(try area.normalize(.real(42.5), table: "land_donations") == .real(42.5))
        #expect(try area.normalize(.integer(40), table: "land_donations") == .real(40))
        #expect(try area.parse("42.5", table: "land_donations") == .real(42.5))
    }

    @Test(arguments: [SyncValue.real(.nan), .real(.infinity), .text("42"), .text("bốn mươi")])
    func anAreaMustBeAFiniteNumber(_ value: SyncValue) throws {
        let area = try Self.column("land_donations", "area_m2")
        let error = Self.error { _ = try area.normalize(value, table: "land_donations") }
        #expect(error?.field == "area_m2")
        #expect(error?.message == "land_donations.area_m2: must be a number")
    }

    @Test(arguments: ["nan", "inf", "1e400", "abc", "0x10", "1..5", ",5", "5,"])
    func anAreaTypedAsNotANumberIsRefused(_ text: String) throws {
        let area = try Self.column("land_donations", "area_m2")
        #expect(
            Self.error { _ = try area.parse(text, table: "land_donations") }?.message
                == "land_donations.area_m2: must be a number")
    }

    @Test func aWholeRealInAnIntegerColumnBecomesAnInteger() throws {
        let participants = try Self.column("cleanups", "participants")
        #expect(try participants.normalize(.real(40), table: "cleanups") == .integer(40))
        #expect(try participants.normalize(.integer(40), table: "cleanups") == .integer(40))
    }

    @Test(arguments: [SyncValue.real(40.5), .real(1e20), .text("40"), .real(.nan)])
    func aCountMustBeAWholeNumber(_ value: SyncValue) throws {
        let participants = try Self.column("cleanups", "participants")
        let error = Self.error { _ = try participants.normalize(value, table: "cleanups") }
        #expect(error?.message == "cleanups.participants: must be a whole number")
        #expect(error?.field == "participants")
    }

    @Test func aCountMustNotBeNegative() throws {
        let participants = try Self.column("cleanups", "participants")
        #expect(
            Self.error { _ = try participants.normalize(.integer(-1), table: "cleanups") }?.message
                == "cleanups.participants: must not be negative")
        #expect(try participants.normalize(.integer(0), table: "cleanups") == .integer(0))
    }

    @Test(arguments: [(Int64(0), false), (1, true), (19, true), (20, false), (-1, false)])
    func criterionNumbersRunFromOneToNineteen(number: Int64, accepted: Bool) throws {
        let column = try Self.column("criteria", "number")
        let error = Self.error { _ = try column.normalize(.integer(number), table: "criteria") }
        if accepted {
            #expect(error == nil)
        } else {
            #expect(error?.message == "criteria.number: must be between 1 and 19")
        }
    }

    @Test(arguments: [("yes", Int64(1)), ("true", 1), ("1", 1), ("TRUE", 1), ("no", 0), ("false", 0), ("0", 0)])
    func flagsAcceptYesAndNoAtTheCommandLine(text: String, stored: Int64) throws {
        let lighting = try Self.column("road_segments", "lighting")
        #expect(try lighting.parse(text, table: "road_segments") == .integer(stored))
    }

    @Test func aFlagIsZeroOrOne() throws {
        let lighting = try Self.column("road_segments", "lighting")
        #expect(try lighting.normalize(.real(1), table: "road_segments") == .integer(1))
        #expect(
            Self.error { _ = try lighting.normalize(.integer(2), table: "road_segments") }?.message
                == "road_segments.lighting: must be 0 or 1")
        #expect(
            Self.error { _ = try lighting.parse("có lẽ", table: "road_segments") }?.message
                == "road_segments.lighting: must be true or false")
    }

    // MARK: Enumerations

    @Test(arguments: [
        ("road_segments", "status", "finished"), ("road_segments", "status", "Done"),
        ("road_segments", "status", "withdrawn"),
        ("land_donations", "status", "cancelled"), ("cleanups", "status", "xong"), ("contributions", "kind", "gold"),
        ("hamlets", "kind", "village"), ("criteria", "status", "met "),
    ])
    func anUnknownEnumValueIsRefusedListingTheAllowedOnes(table: String, column: String, value: String) throws {
        let spec = try Self.column(table, column)
        guard case .enumeration(let allowed) = spec.kind else {
            Issue.record("\(table).\(column) is not an enumeration")
            return
        }
        let error = Self.error { _ = try spec.normalize(.text(value), table: table) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.field == column)
        #expect(error?.message == "\(table).\(column): must be one of \(allowed.joined(separator: ", "))")
    }

    @Test func everyDonationStatusIncludingWithdrawnIsAccepted() throws {
        let status = try Self.column("land_donations", "status")
        for value in ["pledged", "signed", "handed_over", "withdrawn"] {
            #expect(try status.normalize(.text(value), table: "land_donations") == .text(value))
        }
    }

    // MARK: Rows

    @Test func anUnknownColumnIsRefusedByName() throws {
        let cleanups = try Self.table("cleanups")
        let error = Self.error {
            _ = try cleanups.normalize(values: ["date": .text("2026-11-01"), "colour": .text("xanh")])
        }
        #expect(error?.kind == .invalidInput)
        #expect(error?.field == "colour")
        #expect(error?.message == "cleanups: unknown column 'colour'")
    }

    @Test(arguments: [
        (SyncValue.text(""), "must be an id of 1 to 128 bytes"), (.integer(7), "must be a text id"),
        (.null, "must be a text id"), (.text(String(repeating: "a", count: 129)), "must be an id of 1 to 128 bytes"),
        (.text("hộ\u{0}1"), "must be an id without spaces or control characters"),
        (.text("hộ 1"), "must be an id without spaces or control characters"),
    ])
    func aRowIDMustBeShortTextWithoutSpacesOrControlCharacters(_ id: SyncValue, message: String) throws {
        let households = try Self.table("households")
        let error = Self.error { _ = try households.normalize(values: ["id": id]) }
        #expect(error?.field == "id")
        #expect(error?.message == "households.id: \(message)")
    }

    @Test(arguments: [
        ("land_donations", "area_m2", SyncValue.real(100_000), true),
        ("land_donations", "area_m2", .real(100_000.01), false),
        ("road_segments", "length_m", .real(50_000), true), ("road_segments", "length_m", .real(50_001), false),
        ("road_segments", "width_after_m", .real(50), true), ("road_segments", "width_after_m", .real(51), false),
        ("cleanups", "participants", .integer(100_000), true), ("cleanups", "participants", .integer(100_001), false),
        ("cleanups", "waste_kg", .real(1_000_000), true), ("cleanups", "waste_kg", .real(1e6 + 1), false),
        ("land_donations", "assets_value_vnd", .integer(1_000_000_000_000), true),
        ("land_donations", "assets_value_vnd", .integer(.max), false),
        ("cleanups", "date", .text("2100-12-31"), true), ("cleanups", "date", .text("2101-01-01"), false),
        ("households", "head_name", .text(String(repeating: "ư", count: 200)), true),
        ("households", "head_name", .text(String(repeating: "ư", count: 201)), false),
        ("households", "head_name", .text("An\tBình"), false),
        ("households", "note", .text(String(repeating: "ư", count: 2_000)), true),
        ("households", "note", .text(String(repeating: "ư", count: 2_001)), false),
        ("households", "note", .text("a\tb\nc"), true), ("households", "note", .text("a\rb"), false),
        ("households", "address", .text("a\u{85}b"), false),
        ("criteria", "number", .integer(.max), false), ("criteria", "number", .real(-1e300), false),
    ])
    func everyColumnHasPlausibleBounds(table: String, column: String, value: SyncValue, accepted: Bool) throws {
        let spec = try #require(try Self.table(table).column(column))
        let error = Self.error { _ = try spec.normalize(value, table: table) }
        #expect((error == nil) == accepted, "\(error?.message ?? "accepted")")
        if let error { #expect(error.message.hasPrefix("\(table).\(column): must")) }
    }

    @Test func anUnknownTableIsRefusedByName() {
        let error = Self.error { _ = try ReplicatedSchema.table("bridges") }
        #expect(error?.message == "unknown table 'bridges'")
    }

    @Test func aNewRowTakesTheColumnDefaults() throws {
        let roads = try Self.table("road_segments")
        let row = try roads.completeRow([
            "id": .text("road-1"), "hamlet_id": .text("hamlet-dong"), "name": .text("Đường xóm Đông"),
            "length_m": .integer(420),
        ])
        #expect(row["status"] == .text("planned"))
        #expect(row["target_width_m"] == .real(6))
        #expect(row["lighting"] == .integer(0))
        #expect(row["trees"] == .integer(0))
        #expect(row["length_m"] == .real(420))
        #expect(row["note"] == .null)
        #expect(Set(row.keys) == Set(roads.columnNames))
    }

    @Test(arguments: [
        ("land_donations", "area_m2"), ("land_donations", "hamlet_id"), ("cleanups", "date"),
        ("road_segments", "length_m"), ("road_segments", "name"), ("contributions", "kind"),
        ("contributions", "amount"), ("households", "head_name"), ("criteria", "number"), ("hamlets", "name"),
    ])
    func aNewRowWithoutARequiredColumnIsRefusedNamingIt(table: String, missing: String) throws {
        let spec = try Self.table(table)
        var row = try Self.validRow(table)
        row[missing] = nil
        let error = Self.error { _ = try spec.completeRow(row) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.field == missing)
        #expect(error?.message == "\(table).\(missing): is required")
        // An explicit null is refused the same way.
        row[missing] = .null
        #expect(Self.error { _ = try spec.completeRow(row) }?.field == missing)
    }

    @Test(arguments: ReplicatedSchema.tables.map(\.name))
    func theValidRowsUsedHereAreAccepted(table: String) throws {
        // Guards the required-column and row-rule tests: their rows fail for one reason only.
        _ = try Self.table(table).completeRow(try Self.validRow(table))
    }

    @Test func aNewRowNeedsAnID() throws {
        var row = try Self.validRow("households")
        row["id"] = nil
        let error = Self.error { _ = try Self.table("households").completeRow(row) }
        #expect(error?.field == "id")
        #expect(error?.message == "households.id: is required")
    }

    @Test func aBlankHeadNameIsRefused() throws {
        var row = try Self.validRow("households")
        row["head_name"] = .text("  \t")
        let error = Self.error { _ = try Self.table("households").completeRow(row) }
        #expect(error?.message == "households.head_name: must not be empty")
    }

    @Test(arguments: ["land_donations", "contributions"])
    func aDonationNamesAHouseholdOrADonor(table: String) throws {
        let spec = try Self.table(table)
        var row = try Self.validRow(table)
        row["household_id"] = nil
        row["donor_name"] = nil
        let error = Self.error { _ = try spec.completeRow(row) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.field == "household_id")
        #expect(error?.message == "\(table): one of household_id, donor_name is required")

        row["donor_name"] = .text("")
        #expect(Self.error { _ = try spec.completeRow(row) }?.field == "household_id")

        row["donor_name"] = .text("Bà Hoàng Thị Lan")
        #expect(try spec.completeRow(row)["donor_name"] == .text("Bà Hoàng Thị Lan"))
        row["donor_name"] = nil
        row["household_id"] = .text("household-1")
        #expect(try spec.completeRow(row)["household_id"] == .text("household-1"))
    }

    @Test(arguments: ["land_donations", "contributions"])
    func aBlankDonorNameDoesNotCountAsADonor(table: String) throws {
        // A required text column refuses blank text ("must not be empty"); a donor made
        // only of spaces names nobody either.
        let spec = try Self.table(table)
        var row = try Self.validRow(table)
        row["household_id"] = nil
        row["donor_name"] = .text("   ")
        #expect(Self.error { _ = try spec.completeRow(row) }?.field == "household_id")
    }

    @Test func anUpdateThatRemovesTheLastDonorIsRefusedByTheRowRule() throws {
        let donations = try Self.table("land_donations")
        var row = try donations.completeRow(try Self.validRow("land_donations"))
        row["household_id"] = .null
        let error = Self.error { try donations.checkRowRules(row) }
        #expect(error?.message == "land_donations: one of household_id, donor_name is required")
    }

    @Test(arguments: [1_500_000.5, 0.25, 2e6 + 0.1])
    func moneyContributionsMustBeWholeVND(amount: Double) throws {
        let contributions = try Self.table("contributions")
        var row = try Self.validRow("contributions")
        row["kind"] = .text("money")
        row["amount"] = .real(amount)
        let error = Self.error { _ = try contributions.completeRow(row) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.field == "amount")
        #expect(error?.message == "contributions.amount: must be a whole number of VND when kind is money")
    }

    @Test func materialsAndLabourMayBeFractional() throws {
        let contributions = try Self.table("contributions")
        var row = try Self.validRow("contributions")
        for kind in ["materials", "labor_days"] {
            row["kind"] = .text(kind)
            row["amount"] = .real(2.5)
            #expect(try contributions.completeRow(row)["amount"] == .real(2.5))
        }
        row["kind"] = .text("money")
        row["amount"] = .integer(2_000_000)
        #expect(try contributions.completeRow(row)["amount"] == .real(2_000_000))
    }

    @Test func aContributionAmountMustNotBeNegative() throws {
        var row = try Self.validRow("contributions")
        row["amount"] = .integer(-500_000)
        #expect(
            Self.error { _ = try Self.table("contributions").completeRow(row) }?.message
                == "contributions.amount: must not be negative")
    }

    @Test func emptyInputAtTheCommandLineClearsAnOptionalFieldButNotARequiredOne() throws {
        let note = try Self.column("cleanups", "note")
        let participants = try Self.column("cleanups", "participants")
        let date = try Self.column("cleanups", "date")
        #expect(try note.parse("", table: "cleanups") == .null)
        #expect(try participants.parse("", table: "cleanups") == .null)
        let error = Self.error { _ = try date.parse("", table: "cleanups") }
        #expect(error?.field == "date")
    }

    @Test func flagNamesUseDashes() throws {
        #expect(try Self.column("land_donations", "area_m2").flagName == "area-m2")
        #expect(try Self.column("land_donations", "assets_value_vnd").flagName == "assets-value-vnd")
    }

    // MARK: Vietnamese text, byte for byte

    private static let precomposed = "Nguy\u{1EC5}n Th\u{1ECB} Hoa"  // ễ, ị as single code points
    private static let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Hoa"  // e + circumflex + tilde, i + dot below

    @Test func precomposedAndDecomposedNamesAreDifferentValues() {
        // Swift's String calls them equal; the engine must not, or one spelling would be
        // silently replaced by the other.
        #expect(Self.precomposed == Self.decomposed)
        #expect(Array(Self.precomposed.utf8) != Array(Self.decomposed.utf8))
        #expect(SyncValue.text(Self.precomposed) != SyncValue.text(Self.decomposed))
        #expect(Set([SyncValue.text(Self.precomposed), .text(Self.decomposed)]).count == 2)
    }

    @Test(arguments: [precomposed, decomposed, "Đường liên xóm Đông – Đoài “mới”", "Hộ ông Nguyễn Văn An\nghi chú"])
    func vietnameseTextSurvivesJSONByteForByte(_ name: String) throws {
        let row: SyncRow = ["donor_name": .text(name), "note": .text(name)]
        let json = try JSONText.foundationEncode(row)
        let decoded = try JSONText.foundationDecode(SyncRow.self, from: json)
        #expect(decoded.count == 2)
        for key in ["donor_name", "note"] {
            #expect(decoded[key] == .text(name))
            #expect(decoded[key]?.text.map { Array($0.utf8) } == Array(name.utf8))
        }
        let single = try JSONText.foundationDecode(
            SyncValue.self, from: try JSONText.foundationEncode(SyncValue.text(name)))
        #expect(single.text.map { Array($0.utf8) } == Array(name.utf8))
    }

    @Test func equalRowsGiveEqualJSONAndNamesThatDifferByNormalizationDoNot() throws {
        let a: SyncRow = ["note": .text("x"), "donor_name": .text(Self.precomposed)]
        let b: SyncRow = ["donor_name": .text(Self.precomposed), "note": .text("x")]
        let c: SyncRow = ["donor_name": .text(Self.decomposed), "note": .text("x")]
        #expect(try JSONText.foundationEncode(a) == JSONText.foundationEncode(b))
        #expect(try JSONText.digest(a) == JSONText.digest(b))
        #expect(try JSONText.digest(a) != JSONText.digest(c))
    }

    @Test func aWholeAreaReadBackFromJSONIsTheSameAreaOnceValidated() throws {
        // JSON has one number type: 40.0 is written `40` and reads back as an integer. The
        // column's validation turns it back into the area the user entered.
        let area = try Self.column("land_donations", "area_m2")
        let decoded = try JSONText.foundationDecode(
            SyncValue.self, from: try JSONText.foundationEncode(SyncValue.real(40)))
        #expect(try area.normalize(decoded, table: "land_donations") == .real(40))
        let fractional = try JSONText.foundationDecode(
            SyncValue.self, from: try JSONText.foundationEncode(SyncValue.real(42.25)))
        #expect(fractional == .real(42.25))
    }

    @Test(arguments: [precomposed, decomposed])
    func validationKeepsNamesByteForByte(_ name: String) throws {
        let donor = try Self.column("land_donations", "donor_name")
        let normalized = try donor.normalize(.text(name), table: "land_donations")
        #expect(normalized.text.map { Array($0.utf8) } == Array(name.utf8))
        let parsed = try donor.parse(name, table: "land_donations")
        #expect(parsed.text.map { Array($0.utf8) } == Array(name.utf8))
    }

    // MARK: Fixtures

    /// A row of `table` that `completeRow` accepts.
    private static func validRow(_ table: String) throws -> SyncRow {
        switch table {
        case "hamlets": return ["id": .text("hamlet-dong"), "name": .text("Xóm Đông")]
        case "criteria": return ["id": .text("criterion-17"), "number": .integer(17), "name": .text("Môi trường")]
        case "households":
            return ["id": .text("household-1"), "hamlet_id": .text("hamlet-dong"), "head_name": .text("Nguyễn Văn An")]
        case "cleanups":
            return ["id": .text("cleanup-1"), "hamlet_id": .text("hamlet-dong"), "date": .text("2026-11-01")]
        case "road_segments":
            return [
                "id": .text("road-1"), "hamlet_id": .text("hamlet-dong"), "name": .text("Đường xóm Đông"),
                "length_m": .real(420),
            ]
        case "land_donations":
            return [
                "id": .text("donation-1"), "hamlet_id": .text("hamlet-dong"), "household_id": .text("household-1"),
                "area_m2": .real(42.5),
            ]
        case "contributions":
            return [
                "id": .text("contribution-1"), "hamlet_id": .text("hamlet-dong"), "donor_name": .text("Trần Thị Bình"),
                "kind": .text("money"), "amount": .real(2_000_000),
            ]
        case "attachments":
            return [
                "id": .text("attachment-1"), "hamlet_id": .text("hamlet-dong"), "row_table": .text("land_donations"),
                "row_id": .text("donation-1"), "sha256": .text(String(repeating: "ab", count: 32)),
                "media_type": .text("image/jpeg"), "bytes": .integer(204_800),
            ]
        default:
            throw SyncError.unknownTable(table)
        }
    }
}
