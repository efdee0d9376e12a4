/// Values as people type them on a command line, in Vietnamese or international form
/// (DESIGN.md §9): `15/03/2024` or `2024-03-15`; `3,5` or `3.5`; `4.500.000` or `4500000`.
///
/// The rule for numbers, which `ntm --help` states:
/// - a comma or a dot followed by other than exactly three digits is the decimal mark
///   (`3,5` = `3.5` = three and a half);
/// - dots, or commas, between groups of exactly three digits separate thousands when there
///   are several of them (`4.500.000`, `4,500,000`), or when both marks appear (`1.234,5`,
///   `1,234.5`: the last mark is the decimal one);
/// - a single mark followed by exactly three digits (`1.500`, `1,500`) is ambiguous: in a
///   whole-number field (money, counts) it separates thousands (1500), elsewhere it is refused;
/// - money may end with `đ`, `d`, `VND` or `VNĐ`.
package enum TypedInput {
    /// A number as typed, or why it cannot be read. `whole`: the field takes whole numbers.
    package static func number(_ typed: String, whole: Bool) -> Result<Double, NumberProblem> {
        var text = typed.trimmingSpaces
        if whole {
            for suffix in ["VNĐ", "VND", "vnđ", "vnd", "đ", "Đ", "d"] where text.hasSuffix(suffix) {
                text = String(text.dropLast(suffix.count)).trimmingSpaces
                break
            }
        }
        var sign = ""
        if let first = text.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            text.removeFirst()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
            let firstCharacter = text.first, firstCharacter.isNumber, let lastCharacter = text.last,
            lastCharacter.isNumber
        else { return .failure(.notANumber) }
        // Marks side by side ("1..5", "1.,5") are no number.
        let marks: Set<Character> = [".", ","]
        guard !zip(text, text.dropFirst()).contains(where: { marks.contains($0) && marks.contains($1) }) else {
            return .failure(.notANumber)
        }
        let dots = text.count { $0 == "." }
        let commas = text.count { $0 == "," }
        let plain: String
        switch (dots, commas) {
        case (0, 0):
            plain = text
        case (_, 0), (0, _):
            let mark: Character = dots > 0 ? "." : ","
            let parts = text.split(separator: mark, omittingEmptySubsequences: false)
            if parts.count > 2 {
                guard grouped(parts) else { return .failure(.badGrouping) }
                plain = parts.joined()
            } else if parts[1].count == 3, parts[0].count <= 3, parts[0] != "0" {
                guard whole else { return .failure(.ambiguous) }
                plain = parts.joined()
            } else {
                plain = parts[0] + "." + parts[1]
            }
        default:
            // Both marks: the last one is the decimal mark, the other groups thousands.
            guard let lastMark = text.last(where: { $0 == "." || $0 == "," }) else { return .failure(.notANumber) }
            let groupMark: Character = lastMark == "." ? "," : "."
            let halves = text.split(separator: lastMark, omittingEmptySubsequences: false)
            guard halves.count == 2, !halves[1].contains(groupMark) else { return .failure(.badGrouping) }
            let groups = halves[0].split(separator: groupMark, omittingEmptySubsequences: false)
            guard grouped(groups) else { return .failure(.badGrouping) }
            plain = groups.joined() + "." + halves[1]
        }
        guard let value = Double(sign + plain), value.isFinite else { return .failure(.notANumber) }
        return .success(value)
    }

    /// Whether `parts` are digit groups as thousands are written: 1–3 digits, then threes.
    private static func grouped(_ parts: [Substring]) -> Bool {
        guard let first = parts.first, (1...3).contains(first.count) else { return false }
        return parts.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Why typed text is not a number.
    package enum NumberProblem: Error, Sendable, Equatable {
        /// Not digits with at most one decimal mark and thousands separators.
        case notANumber
        /// Thousands separators not between groups of three digits.
        case badGrouping
        /// `1.500` or `1,500` in a field that takes fractions.
        case ambiguous

        /// The reason, in English (the engine's language; the command line translates it).
        package var reason: String {
            switch self {
            case .notANumber: "must be a number"
            case .badGrouping: "must be a number (thousands are separated by groups of three digits)"
            case .ambiguous:
                "is ambiguous: write the decimal with a comma (1,5) or the number without separators (1500)"
            }
        }
    }

    /// A date as typed, `YYYY-MM-DD` or `DD/MM/YYYY` (also `D/M/YYYY`), as `YYYY-MM-DD`; nil
    /// for any other form or a day that does not exist.
    package static func date(_ typed: String) -> String? {
        let text = typed.trimmingSpaces
        if let date = CalendarDate(text) { return date.description }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let padded = parts.map { $0.count == 1 ? "0" + $0 : String($0) }
        return CalendarDate("\(padded[2])-\(padded[1])-\(padded[0])")?.description
    }

    /// Why `typed`, written as a date (`31/02/2026`, `2026-02-31`), is not one: the month
    /// or the day does not exist. Nil when it is a date, or not written as one.
    package static func dateProblem(_ typed: String) -> String? {
        let text = typed.trimmingSpaces
        let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        var parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            parts.reverse()
        } else {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        }
        guard parts.allSatisfy({ !$0.isEmpty && digits($0) }), let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        guard (1...12).contains(month) else { return "no such day: there is no month \(month)" }
        let days = CalendarDate.daysIn(month: month, year: year)
        guard (1...days).contains(day) else { return "no such day: month \(month) of \(year) has \(days) days" }
        return nil
    }

    /// A yes/no answer: `true`/`false`, `yes`/`no`, `1`/`0`, `có`/`không`.
    package static func boolean(_ typed: String) -> Bool? {
        switch typed.trimmingSpaces.lowercased() {
        case "1", "true", "yes", "có", "co": true
        case "0", "false", "no", "không", "khong": false
        default: nil
        }
    }
}
