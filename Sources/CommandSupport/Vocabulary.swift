import SyncCore

/// The words for the commune's data: column labels and the values of closed lists, in the
/// language of this process. JSON keeps the column names and codes.
package enum Vocabulary {
    /// Column labels in Vietnamese, by table (for names that differ by table) and column.
    private static let vietnameseColumns: [String: String] = [
        "id": "Mã", "hamlet_id": "Thôn/xóm", "name": "Tên", "kind": "Loại", "head_name": "Chủ hộ",
        "households_total": "Số hộ", "target": "Mục tiêu", "note": "Ghi chú", "achieved": "Đã đạt",
        "achieved_year": "Năm đạt", "number": "Số", "status": "Trạng thái", "target_year": "Năm phấn đấu",
        "level": "Mức", "owner": "Đơn vị phụ trách", "due_on": "Hạn", "address": "Địa chỉ", "phone": "Điện thoại",
        "date": "Ngày", "participants": "Số người", "households_joined": "Số hộ tham gia", "waste_kg": "Rác (kg)",
        "area": "Khu vực", "length_m": "Dài (m)", "width_before_m": "Rộng trước (m)",
        "width_after_m": "Rộng sau (m)", "target_width_m": "Rộng mục tiêu (m)", "lighting": "Chiếu sáng",
        "trees": "Cây xanh", "completed_on": "Ngày hoàn thành", "road_segment_id": "Đoạn đường",
        "household_id": "Hộ", "donor_name": "Người hiến/góp", "area_m2": "Diện tích (m²)", "assets": "Tài sản",
        "assets_value_vnd": "Giá trị tài sản (đ)", "signed_on": "Ngày ký", "handed_over_on": "Ngày bàn giao",
        "amount": "Số lượng", "unit": "Đơn vị", "purpose": "Mục đích",
        "hamlets.name": "Tên thôn/xóm", "hamlets.head_name": "Trưởng thôn", "criteria.name": "Tiêu chí",
        "road_segments.name": "Tên đoạn", "contributions.kind": "Hình thức", "road_segments.kind": "Loại đường",
        "hamlets.kind": "Loại", "hamlet": "Thôn/xóm",
        "row_table": "Bảng", "row_id": "Dòng", "sha256": "Mã SHA-256", "media_type": "Loại tệp", "bytes": "Dung lượng",
        "caption": "Chú thích", "taken_on": "Ngày chụp",
    ]

    /// The label of `column` of `table`.
    package static func column(_ column: String, table: String, language: Language = .current) -> String {
        guard language == .vi else { return column }
        return vietnameseColumns["\(table).\(column)"] ?? vietnameseColumns[column] ?? column
    }

    /// A table's rows as people call them: `households` → `hộ`.
    package static func table(_ table: String, language: Language = .current) -> String {
        let names: [String: (String, String)] = [
            "hamlets": ("hamlet", "thôn/xóm"), "criteria": ("criterion", "tiêu chí"), "households": ("household", "hộ"),
            "cleanups": ("cleanup", "tổng vệ sinh"), "road_segments": ("road", "đoạn đường"),
            "land_donations": ("donation", "hiến đất"), "contributions": ("contribution", "đóng góp"),
            "attachments": ("attachment", "tệp đính kèm"),
        ]
        guard let (english, vietnamese) = names[table] else { return table }
        return language == .vi ? vietnamese : english
    }

    /// Vietnamese names of closed-list values, by table and column.
    private static let vietnameseValues: [String: [String: String]] = [
        "hamlets.kind": ["xom": "xóm", "thon": "thôn", "lang": "làng", "ban": "bản"],
        "hamlets.target": ["standard": "đạt chuẩn NTM", "model": "kiểu mẫu"],
        "hamlets.achieved": ["none": "chưa đạt", "standard": "đạt chuẩn NTM", "model": "kiểu mẫu"],
        "criteria.status": ["met": "đạt", "not_met": "chưa đạt"],
        "criteria.level": ["standard": "NTM", "advanced": "NTM nâng cao", "model": "NTM kiểu mẫu"],
        "cleanups.status": ["planned": "dự kiến", "done": "đã làm", "cancelled": "hủy"],
        "road_segments.status": [
            "planned": "dự kiến", "surveyed": "đã khảo sát", "clearing": "giải phóng mặt bằng",
            "building": "đang thi công", "done": "hoàn thành",
        ],
        "road_segments.kind": ["truc": "trục xóm", "ngo": "ngõ xóm", "noi_dong": "đường nội đồng"],
        "land_donations.status": [
            "pledged": "đăng ký hiến", "signed": "đã ký biên bản", "handed_over": "đã bàn giao",
            "withdrawn": "rút lại",
        ],
        "contributions.kind": ["money": "tiền", "materials": "vật liệu", "labor_days": "ngày công"],
    ]

    /// The words for `value` of a closed list (`table`.`column`); the code itself in English.
    package static func value(_ value: String, table: String, column: String, language: Language = .current) -> String {
        guard language == .vi else { return value.replacingOccurrences(of: "_", with: " ") }
        return vietnameseValues["\(table).\(column)"]?[value] ?? value
    }

    /// A cell of `table`'s `column` as people read it: dates, numbers, money, yes/no and
    /// closed lists in the language; text shortened to one line of 40 characters.
    package static func cell(
        _ value: SyncValue, table: String, column: String, language: Language = .current
    ) -> String {
        let spec = (try? ReplicatedSchema.table(table))?.column(column)
        switch value {
        case .null: return "-"
        case .text(let text):
            switch spec?.kind {
            case .date: return Format.date(text, language: language)
            case .enumeration: return Self.value(text, table: table, column: column, language: language)
            default: return Output.cell(value)
            }
        case .integer(let number):
            if spec?.kind == .boolean { return number != 0 ? tr("yes", "có") : tr("no", "không") }
            if column.hasSuffix("_vnd") { return Format.money(number, language: language) }
            if column == "number" || column.hasSuffix("_year") { return String(number) }
            return Format.integer(number, language: language)
        case .real(let number):
            return Format.number(number, language: language)
        }
    }
}
