import Foundation
import SyncCore

/// The engine's messages, which it writes in English, in the language of the process.
/// A refused value (`table.column: problem`) is named by its label and its column.
package enum Messages {
    /// `error`'s message for people.
    package static func localized(_ error: SyncError, language: Language = .current) -> String {
        guard language == .vi else { return error.message }
        return translated(error.message)
    }

    /// An English message of the engine in Vietnamese, as far as its phrases are known.
    package static func translated(_ message: String) -> String {
        if let match = message.wholeMatch(of: /([a-z_]+)\.([a-z0-9_]+): (.+)/) {
            let (table, column, problem) = (String(match.1), String(match.2), String(match.3))
            if let vietnamese = problemInVietnamese(problem) {
                return "\(Vocabulary.column(column, table: table, language: .vi)) (\(table).\(column)): \(vietnamese)"
            }
        }
        if let match = message.wholeMatch(of: /cannot reach the hub at (\S+): (.+)/) {
            let reason = String(match.2)
            let vietnamese =
                reasons[reason]
                ?? reason.wholeMatch(of: /no answer within ([0-9]+) seconds .*/).map {
                    "không có trả lời sau \($0.1) giây (không có sóng, hoặc sai địa chỉ hub)"
                } ?? reason
            return "không kết nối được với hub tại \(match.1): \(vietnamese)"
        }
        for (english, vietnamese) in fixed where message.hasPrefix(english) {
            return vietnamese + message.dropFirst(english.count)
        }
        if let match = message.wholeMatch(of: /(the bundle|bundle ([0-9]+)) (.+)/),
            let problem = bundleProblems[String(match.3)]
        {
            return (match.2.map { "tệp gói thứ \($0)" } ?? "tệp gói") + " " + problem
        }
        if let match = message.wholeMatch(of: /replica (\S+) registered another device's key than the bundle's signer/)
        {
            return "bản sao \(match.1) đã đăng ký khóa của một thiết bị khác, không phải khóa đã ký tệp gói"
        }
        if let match = message.wholeMatch(of: /the (bundle|reply) size must be from ([0-9]+) to ([0-9]+) bytes/) {
            return "kích thước tệp \(match.1 == "bundle" ? "gói" : "trả lời") phải từ \(match.2) đến \(match.3) byte"
        }
        if let match = message.wholeMatch(of: /an attachment is larger than the limit of ([0-9]+) bytes/) {
            return "tệp đính kèm vượt giới hạn \(match.1) byte (10 MB)"
        }
        if let match = message.wholeMatch(of: /attachment content ([0-9a-f]+)( \(not uploaded yet\))? not found/) {
            return "không tìm thấy nội dung tệp đính kèm \(match.1)\(match.2 == nil ? "" : " (chưa được tải lên)")"
        }
        if message.hasPrefix("hub: "), case let rest = String(message.dropFirst(5)), translated(rest) != rest {
            return "hub: " + translated(rest)
        }
        if let match = message.wholeMatch(of: /(.+) not found/) { return "không tìm thấy \(match.1)" }
        return message
    }

    /// Why the hub could not be reached (`HTTPHubConnection.plainReason`).
    private static let reasons: [String: String] = [
        "the connection was refused (is ntm-hub running at that address and port?)":
            "kết nối bị từ chối (ntm-hub có đang chạy ở địa chỉ và cổng đó không?)",
        "no network (no signal?)": "không có mạng (mất sóng?)",
        "the hub's name cannot be looked up (no signal, or a typo in the address)":
            "không tìm được tên của hub (mất sóng, hoặc gõ sai địa chỉ)",
        "the hub stopped answering (weak signal?); try again": "hub ngừng trả lời (sóng yếu?); hãy thử lại",
        "the connection dropped (weak signal?); try again": "kết nối bị ngắt (sóng yếu?); hãy thử lại",
        "the hub does not speak HTTPS at that address: use http://, or start ntm-hub serve with --tls-cert and --tls-key":
            "hub ở địa chỉ đó không dùng HTTPS: hãy dùng http://, hoặc chạy ntm-hub serve với --tls-cert và --tls-key",
        "the hub's certificate is not made for this address: use the name or address it was made for (ntm-hub tls self-signed --host)":
            "chứng chỉ của hub không cấp cho địa chỉ này: hãy dùng đúng tên hoặc địa chỉ đã ghi trong chứng chỉ (ntm-hub tls self-signed --host)",
        "the hub's certificate is not trusted by this device: if the commune made its own (ntm-hub tls self-signed), give its ca.pem with --ca-file":
            "máy này không tin chứng chỉ của hub: nếu xã tự tạo chứng chỉ (ntm-hub tls self-signed), hãy chỉ tệp ca.pem bằng --ca-file",
        "the hub's certificate has expired: the commune office must renew it (ntm-hub tls self-signed)":
            "chứng chỉ của hub đã hết hạn: văn phòng xã cần gia hạn (ntm-hub tls self-signed)",
    ]

    /// Messages whose start is known; the rest (ids, counts) follows as it is.
    private static let fixed: [(String, String)] = [
        ("no replica at ", "chưa có bản sao dữ liệu tại "),
        ("the hub refused ", "hub đã từ chối "),
        ("unknown, forged or revoked token", "token không đúng, giả mạo hoặc đã bị thu hồi"),
        (
            "hub: this hub speaks HTTPS only: use an https:// address",
            "hub chỉ nhận kết nối HTTPS: hãy dùng địa chỉ https://"
        ),
        ("only a reviewer token may use this endpoint", "chỉ token của cán bộ xã mới dùng được chức năng này"),
        (
            "this is a bundle of changes for the hub, not the hub's reply",
            "đây là tệp gói thay đổi gửi lên hub, không phải tệp trả lời của hub"
        ),
        (
            "this replica has not learned its hub's key yet: it needs one network sync (ntm sync) first",
            "bản sao này chưa biết khóa của hub: cần đồng bộ qua mạng một lần (ntm sync) trước"
        ),
        (
            "this reply is signed by another hub than this replica's",
            "tệp trả lời này do một hub khác ký, không phải hub của bản sao này"
        ),
        (
            "this reply was altered after the hub signed it: its signature does not match",
            "tệp trả lời này đã bị sửa sau khi hub ký: chữ ký không khớp"
        ),
        ("this reply is for another device", "tệp trả lời này dành cho thiết bị khác"),
        ("the reply: ", "tệp trả lời: "),
        (
            "not an NTM Sync bundle (it does not start with NTMB)",
            "không phải tệp gói NTM Sync (không bắt đầu bằng NTMB)"
        ),
        ("the bundle is damaged", "tệp gói bị hỏng"),
        (
            "the token this device registered with was revoked; the device must sync once with its new token",
            "token mà thiết bị này đăng ký đã bị thu hồi; thiết bị cần đồng bộ qua mạng một lần với token mới"
        ),
    ]

    /// What a hub says of a bundle file (`HubBundles`), after "the bundle" or "bundle N".
    private static let bundleProblems: [String: String] = [
        "was altered after it was signed: its signature does not match": "đã bị sửa sau khi ký: chữ ký không khớp",
        "is signed by a device this hub does not know": "được ký bởi một thiết bị mà hub này không biết",
        "is a reply from the hub, for the device to import": "là tệp trả lời của hub, để thiết bị nhập",
        "comes from another device; import one device's bundles at a time":
            "đến từ thiết bị khác; hãy nhập tệp gói của từng thiết bị một",
    ]

    private static func problemInVietnamese(_ problem: String) -> String? {
        if let exact = problems[problem] { return exact }
        if let match = problem.wholeMatch(of: /no such day: month ([0-9]+) of ([0-9]+) has ([0-9]+) days/) {
            return "không có ngày này: tháng \(match.1)/\(match.2) chỉ có \(match.3) ngày"
        }
        if let match = problem.wholeMatch(of: /no such day: there is no month ([0-9]+)/) {
            return "không có ngày này: không có tháng \(match.1)"
        }
        if let match = problem.wholeMatch(of: /must be at most ([0-9.]+) unless ([a-z_]+) is ([a-z_]+)/) {
            return "không được vượt quá \(match.1) (trừ khi \(match.2) là \(match.3))"
        }
        if let match = problem.wholeMatch(of: /must be at most ([0-9]+) characters.*/) {
            return "tối đa \(match.1) ký tự, không chứa ký tự điều khiển"
        }
        if let match = problem.wholeMatch(of: /must be at most ([0-9.]+)/) { return "không được vượt quá \(match.1)" }
        if let match = problem.wholeMatch(of: /must be between ([0-9-]+) and ([0-9-]+)/) {
            return "phải từ \(match.1) đến \(match.2)"
        }
        if let match = problem.wholeMatch(of: /must be one of (.+)/) { return "phải là một trong: \(match.1)" }
        if let match = problem.wholeMatch(of: /must be a whole number of VND when ([a-z_]+) is ([a-z_]+)/) {
            return "phải là số đồng nguyên khi \(match.1) là \(match.2)"
        }
        if let match = problem.wholeMatch(of: /no hamlet has the id or name '(.*)'; (known: |)(.*)/) {
            let rest = match.2.isEmpty ? "hãy đồng bộ trước" : "hiện có: \(match.3)"
            return "không có thôn/xóm nào có mã hoặc tên '\(match.1)'; \(rest)"
        }
        if let match = problem.wholeMatch(of: /([0-9]+) hamlets are named '(.*)'; give the id: (.*)/) {
            return "\(match.1) thôn/xóm cùng tên '\(match.2)'; hãy cho mã: \(match.3)"
        }
        if let match = problem.wholeMatch(of: /no row has an id starting with '(.*)'/) {
            return "không có dòng nào có mã bắt đầu bằng '\(match.1)'"
        }
        if let match = problem.wholeMatch(of: /([0-9]+) rows have ids starting with '(.*)': (.*)/) {
            return "\(match.1) dòng có mã bắt đầu bằng '\(match.2)': \(match.3)"
        }
        if let match = problem.wholeMatch(of: /'(.*)' is too short: give at least ([0-9]+) characters of the id/) {
            return "'\(match.1)' quá ngắn: hãy cho ít nhất \(match.2) ký tự của mã"
        }
        return nil
    }

    private static let problems: [String: String] = [
        "must be greater than 0": "phải lớn hơn 0",
        "must not be negative": "không được âm",
        "must be a whole number": "phải là số nguyên",
        "must be a number": "phải là một số",
        "must be a number (thousands are separated by groups of three digits)":
            "phải là một số (dấu phân cách hàng nghìn đặt giữa các nhóm 3 chữ số)",
        "is ambiguous: write the decimal with a comma (1,5) or the number without separators (1500)":
            "không rõ nghĩa: viết phần thập phân bằng dấu phẩy (1,5) hoặc viết số không có dấu phân cách (1500)",
        "must be a date DD/MM/YYYY or YYYY-MM-DD": "phải là ngày dạng DD/MM/YYYY hoặc YYYY-MM-DD",
        "must be a date YYYY-MM-DD": "phải là ngày dạng YYYY-MM-DD",
        "must be true or false": "phải là có hoặc không",
        "the file is not a JPEG or PNG photo or a PDF scan (by its content, whatever its name)":
            "tệp không phải ảnh JPEG, PNG hay bản quét PDF (xét theo nội dung, dù tên tệp là gì)",
        "the file is empty": "tệp rỗng",
        "must be a SHA-256: 64 lowercase hexadecimal digits": "phải là mã SHA-256: 64 chữ số thập lục phân viết thường",
        "must be 0 or 1": "phải là 0 hoặc 1",
        "is required": "là bắt buộc",
        "must not be empty": "không được để trống",
        "must be text": "phải là chữ",
        "must be a month MM/YYYY or YYYY-MM": "phải là tháng dạng MM/YYYY hoặc YYYY-MM",
        "must be a year YYYY between 1900 and 2100": "phải là năm dạng YYYY, từ 1900 đến 2100",
        "must not be before from": "không được trước ngày bắt đầu",
        "must not contain control characters": "không được chứa ký tự điều khiển",
        "must not contain control characters other than tab and newline":
            "không được chứa ký tự điều khiển (trừ tab và xuống dòng)",
    ]
}

/// ArgumentParser's own words (help headings, usage errors) in the language of the process.
package enum HelpText {
    private static let headings: [(String, String)] = [
        ("OVERVIEW:", "TỔNG QUAN:"), ("USAGE:", "CÁCH DÙNG:"), ("ARGUMENTS:", "THAM SỐ:"), ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "LỆNH:"), ("Show help information.", "Hiện trợ giúp."),
        ("Show the version.", "Hiện phiên bản."),
        ("for detailed help.", "để xem trợ giúp chi tiết."), ("See '", "Xem '"), ("(default: ", "(mặc định: "),
        ("<subcommand>", "<lệnh>"),
    ]

    /// A help page.
    package static func translated(_ text: String, language: Language = .current) -> String {
        guard language == .vi else { return text }
        var result = text
        for (english, vietnamese) in headings { result = result.replacingOccurrences(of: english, with: vietnamese) }
        return result
    }

    /// A usage error.
    package static func translatedError(_ text: String, language: Language = .current) -> String {
        guard language == .vi else { return text }
        let patterns: [(Regex<(Substring, Substring)>, String)] = [
            (/Missing expected argument (.+)/, "thiếu tham số "), (/Unknown option (.+)/, "không có tùy chọn "),
            (/Missing value for (.+)/, "thiếu giá trị cho "), (/Unexpected argument (.+)/, "thừa tham số "),
        ]
        for (pattern, vietnamese) in patterns {
            if let match = text.wholeMatch(of: pattern) { return vietnamese + match.1 }
        }
        return Messages.translated(text)
    }
}
