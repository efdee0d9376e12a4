import SyncCore

/// A row's history as lines of text, oldest first, in the language of the process.
package enum HistoryOutput {
    package static func text(_ history: RowHistory, label: String, language: Language = .current) -> [String] {
        let vi = language == .vi
        func t(_ english: String, _ vietnamese: String) -> String { vi ? vietnamese : english }
        func cell(_ value: SyncValue?, _ column: String?) -> String {
            Vocabulary.cell(value ?? .null, table: history.table, column: column ?? "", language: language)
        }
        func field(_ column: String?) -> String {
            column.map { Vocabulary.column($0, table: history.table, language: language) } ?? t("the row", "cả dòng")
        }
        let source =
            history.source == "hub"
            ? t("from the hub's log and audit trail", "theo nhật ký và vết kiểm tra của hub")
            : t("as this device saw it", "theo những gì máy này đã thấy")
        var lines = [
            "\(t("History of", "Lịch sử")) \(Vocabulary.table(history.table, language: language)) \(label) — \(source)"
        ]
        let rows = history.events.map { event -> [String] in
            let when = Format.time(event.at, language: language)
            let what: String
            switch event.kind {
            case .inserted:
                let values = (event.row ?? [:]).keys.sorted().filter {
                    $0 != "id" && $0 != "hamlet_id" && (event.row?[$0] ?? .null) != .null
                }.map { "\(field($0))=\(cell(event.row?[$0], $0))" }
                what = t("created: ", "tạo dòng: ") + values.joined(separator: ", ")
            case .set:
                what = "\(field(event.column)) = \(cell(event.value, event.column))"
            case .lost:
                let kept =
                    event.keptBy.map { by in
                        t(
                            "; kept: \(cell(event.kept, event.column)) by \(by)",
                            "; giữ: \(cell(event.kept, event.column)) của \(by)")
                    } ?? ""
                what =
                    event.column == nil
                    ? t("edit lost: the row was deleted", "bản sửa bị mất: dòng đã bị xóa")
                    : "\(field(event.column)) = \(cell(event.value, event.column)) — "
                        + t("lost to a later edit", "mất vì có bản sửa sau được giữ") + kept
            case .held:
                let kept =
                    event.keptBy.map { by in
                        t(
                            "; the hub kept \(cell(event.kept, event.column)) by \(by)",
                            "; hub giữ \(cell(event.kept, event.column)) của \(by)")
                    } ?? ""
                what =
                    "\(field(event.column)) = \(cell(event.value, event.column)) — "
                    + t("held for a reviewer (conflict)", "giữ lại chờ cán bộ xã (xung đột)") + kept
            case .resolved:
                what =
                    "\(field(event.column)) = \(cell(event.value, event.column)) — "
                    + t("a reviewer's decision on the conflict", "quyết định của cán bộ xã khi giải quyết xung đột")
            case .deleted:
                what = t("deleted", "đã xóa dòng")
            }
            return [when, event.author, what]
        }
        lines += ReportOutput.grid([t("when", "lúc"), t("who", "ai"), t("what", "nội dung")], rows).map { "  " + $0 }
        if history.events.isEmpty { lines.append("  " + t("nothing recorded yet", "chưa ghi nhận gì")) }
        return lines
    }
}
