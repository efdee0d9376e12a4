import Foundation
import SyncCore

/// Printing for both programs: stable JSON with `--json`, aligned text otherwise.
package enum Output {
    /// Prints `value` as JSON: sorted keys, indented, one document.
    package static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Prints rows as an aligned table of `columns`; long values are shortened.
    package static func table(_ rows: [SyncRow], columns: [String]) {
        let header = columns
        let cells = rows.map { row in columns.map { cell(row[$0] ?? .null) } }
        var widths = header.map(\.count)
        for line in cells {
            for (index, value) in line.enumerated() { widths[index] = max(widths[index], value.count) }
        }
        func render(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                index == values.count - 1 ? value : value.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        print(render(header))
        for line in cells { print(render(line)) }
        if rows.isEmpty { print("(no rows)") }
    }

    /// A value as a table cell.
    package static func cell(_ value: SyncValue) -> String {
        switch value {
        case .null: return "-"
        case .text(let text):
            let single = text.replacingOccurrences(of: "\n", with: " ")
            return single.count > 40 ? String(single.prefix(39)) + "…" : single
        default: return value.description
        }
    }

    /// A wall-clock time in ms as `YYYY-MM-DD HH:MM:SS UTC`.
    package static func time(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    /// A duration in ms as a short human phrase (`3 h 12 min`, `2 d 0 h`, `-45 s`).
    package static func duration(_ milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let seconds = milliseconds.magnitude / 1000
        switch seconds {
        case ..<60: return "\(sign)\(seconds) s"
        case ..<3600: return "\(sign)\(seconds / 60) min \(seconds % 60) s"
        case ..<86400: return "\(sign)\(seconds / 3600) h \(seconds % 3600 / 60) min"
        default: return "\(sign)\(seconds / 86400) d \(seconds % 86400 / 3600) h"
        }
    }
}
