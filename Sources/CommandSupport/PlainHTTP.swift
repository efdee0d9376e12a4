import ArgumentParser
import Foundation

/// A token sent over plain HTTP to another machine can be read on the way: said on stderr.
package enum PlainHTTP {
    /// Warns when `url` is plain http:// to another machine.
    package static func warn(_ url: String) {
        guard url.lowercased().hasPrefix("http://"), let host = URLComponents(string: url)?.host,
            !isLoopback(host)
        else { return }
        FileHandle.standardError.write(
            Data(
                tr(
                    "warning: the token goes in clear text over http:// to \(host); anyone on the way can read it: use https://\n",
                    "cảnh báo: token được gửi không mã hóa qua http:// tới \(host); người trên đường truyền đọc được: hãy dùng https://\n"
                ).utf8))
    }

    /// Whether `host` is this machine (127.0.0.0/8, ::1, localhost).
    package static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if ["localhost", "::1", "[::1]"].contains(host) { return true }
        // 127.0.0.0/8 as an address, not a name that starts with 127.
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// `--json`.
package struct JSONFlag: ParsableArguments {
    package init() {}

    @Flag(help: ArgumentHelp(tr("Print stable JSON instead of text.", "In JSON ổn định thay cho văn bản."))) package
        var json =
        false
}
