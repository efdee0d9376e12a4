import Foundation
import SyncCore

/// Numbers, money, dates and times as people read them (DESIGN.md §9): in Vietnamese
/// `4.500.000 đ`, `5,5 m`, `15/03/2024`, times in Vietnam's time zone unless `TZ` says
/// otherwise; in English `4,500,000 VND`, `5.5 m`, `2024-03-15`.
package enum Format {
    /// A number with thousands grouped and at most `fractionDigits` decimals (trailing zeros
    /// dropped).
    package static func number(_ value: Double, fractionDigits: Int = 2, language: Language = .current) -> String {
        guard value.isFinite, value.magnitude < 1e15 else { return SyncValue.format(value) }
        let places = max(0, min(fractionDigits, 6))
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((value.magnitude * Double(scale)).rounded())
        let whole = scaled / scale
        var fraction = scaled % scale
        var kept = places
        while kept > 0, fraction % 10 == 0 {
            fraction /= 10
            kept -= 1
        }
        let text = String(fraction)
        let digits = kept > 0 ? String(repeating: "0", count: max(0, kept - text.count)) + text : ""
        let (group, decimal) = language == .vi ? (".", ",") : (",", ".")
        let sign = value < 0 && (whole > 0 || !digits.isEmpty) ? "-" : ""
        return sign + grouped(whole, separator: group) + (digits.isEmpty ? "" : decimal + digits)
    }

    /// A whole number with thousands grouped.
    package static func integer(_ value: Int64, language: Language = .current) -> String {
        let sign = value < 0 ? "-" : ""
        return sign + grouped(value.magnitude, separator: language == .vi ? "." : ",")
    }

    private static func grouped<T: BinaryInteger>(_ value: T, separator: String) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += separator }
            result.append(digit)
        }
        return result
    }

    /// An amount of money: `4.500.000 đ` or `4,500,000 VND`.
    package static func money(_ value: Int64, language: Language = .current) -> String {
        integer(value, language: language) + (language == .vi ? " đ" : " VND")
    }

    /// An amount of money held as a number.
    package static func money(_ value: Double, language: Language = .current) -> String {
        guard value.isFinite, value.magnitude < 9e18 else { return SyncValue.format(value) }
        return money(Int64(value.rounded()), language: language)
    }

    /// A `YYYY-MM-DD` date: `15/03/2024` in Vietnamese; as stored in English. Other text as is.
    package static func date(_ iso: String, language: Language = .current) -> String {
        guard language == .vi, let date = CalendarDate(iso) else { return iso }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// A `YYYY-MM` month: `11/2026` in Vietnamese.
    package static func month(_ text: String, language: Language = .current) -> String {
        guard language == .vi, let date = CalendarDate(text + "-01") else { return text }
        return "\(two(date.month))/\(date.year)"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The time zone times are shown in: `TZ` when set and known, else Vietnam's.
    package static var timeZone: TimeZone {
        if let name = ProcessInfo.processInfo.environment["TZ"], !name.isEmpty,
            let zone = TimeZone(identifier: name.hasPrefix(":") ? String(name.dropFirst()) : name)
        {
            return zone
        }
        return TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .current
    }

    /// A wall-clock time in ms: `23/11/2026 18:53 (UTC+7)` or `2026-11-23 18:53 (UTC+7)`.
    package static func time(_ milliseconds: Int64, language: Language = .current, zone: TimeZone = timeZone) -> String
    {
        let instant = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let day = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        let offset = zone.secondsFromGMT(for: instant)
        let hours = offset / 3600
        let minutes = abs(offset % 3600) / 60
        let zoneText =
            "UTC"
            + (offset == 0 ? "" : (offset > 0 ? "+" : "-") + "\(abs(hours))" + (minutes > 0 ? ":\(two(minutes))" : ""))
        return
            "\(date(day.description, language: language)) \(two(parts.hour ?? 0)):\(two(parts.minute ?? 0)) (\(zoneText))"
    }

    /// Today in the time zone of `timeZone`.
    package static func today(now: Date = Date(), zone: TimeZone = timeZone) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// How wide `text` shows in a terminal: combining marks take no width, wide East Asian
    /// characters and emoji two.
    package static func width(_ text: String) -> Int {
        var width = 0
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            let properties = first.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
                continue
            }
            if properties.isEmojiPresentation || (0x1100...0x115F).contains(first.value)
                || (0x2E80...0xA4CF).contains(first.value) || (0xAC00...0xD7A3).contains(first.value)
                || (0xF900...0xFAFF).contains(first.value) || (0xFF00...0xFF60).contains(first.value)
            {
                width += 2
            } else {
                width += 1
            }
        }
        return width
    }

    /// `text` padded with spaces to `width` columns as `width(_:)` counts them.
    package static func pad(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }
}
