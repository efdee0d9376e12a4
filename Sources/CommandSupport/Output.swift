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

    /// Prints `table`'s rows as an aligned table of `columns`, with labels and values in
    /// the language of the process; long values are shortened.
    package static func table(_ rows: [SyncRow], table: String, columns: [String]) {
        let header = columns.map { Vocabulary.column($0, table: table) }
        let cells = rows.map { row in columns.map { Vocabulary.cell(row[$0] ?? .null, table: table, column: $0) } }
        for line in ReportOutput.grid(header, cells) { print(line) }
        if rows.isEmpty { print(tr("(no rows)", "(chưa có dòng nào)")) }
    }

    /// Asks `question` on a terminal and goes on only on yes (`y`, `yes`, `c`, `có`); with
    /// `yes` (`--yes`), or when no one is at a terminal (a script), it goes on without asking.
    /// A no ends the command: `nothing` says what was left as it was.
    package static func confirm(_ question: String, yes: Bool, nothing: String) throws {
        guard !yes, isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data((question + tr(" [y/N] ", " [c/K] ")).utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard ["y", "yes", "c", "có", "co"].contains(answer) else { throw CommandFailure.failure(nothing) }
    }

    /// `text` as one word for a POSIX shell: as it is when it is plain, else in single quotes.
    package static func shellQuoted(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_./:=@%+,".unicodeScalars.contains(scalar)
            }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
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

    /// A wall-clock time in ms, in the time zone people read times in (see `Format.time`).
    package static func time(_ milliseconds: Int64) -> String { Format.time(milliseconds) }

    /// A duration in ms as a short human phrase (`3 h 12 min`, `2 d 0 h`, `-45 s`).
    package static func duration(_ milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let seconds = milliseconds.magnitude / 1000
        let (s, m, h, d) = (tr("s", "giây"), tr("min", "phút"), tr("h", "giờ"), tr("d", "ngày"))
        switch seconds {
        case ..<60: return "\(sign)\(seconds) \(s)"
        case ..<3600: return "\(sign)\(seconds / 60) \(m) \(seconds % 60) \(s)"
        case ..<86400: return "\(sign)\(seconds / 3600) \(h) \(seconds % 3600 / 60) \(m)"
        default: return "\(sign)\(seconds / 86400) \(d) \(seconds % 86400 / 3600) \(h)"
        }
    }
}
