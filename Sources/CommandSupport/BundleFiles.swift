import ArgumentParser
import Foundation
import SyncCore

/// Bundle files on disk (DESIGN.md §8), for `ntm bundle` and `ntm-hub bundle`: sizes as
/// people type them, part names, reading a file of unknown origin within its limit, and
/// writing one whole or not at all.
package enum BundleFiles {
    /// A size typed as `8MB`, `512KB`, `512K`, `65536`: bytes, or nil when it is not one.
    package static func size(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard trimmed.utf8.count <= 16 else { return nil }
        let units: [(String, Int)] = [("MB", 1 << 20), ("KB", 1 << 10), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let number = Int(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)),
                number >= 0, number <= Int.max / factor
            else { return nil }
            return number * factor
        }
        return Int(trimmed).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// A size within the limits of bundle files, or a clear error naming `option`.
    package static func checkedSize(_ text: String, option: String) throws -> Int {
        let (low, high) = (Replica.minBundleBytes, SignedBundle.maxFileBytes)
        guard let bytes = size(text), (low...high).contains(bytes) else {
            throw CommandFailure.usage(
                tr(
                    "\(option) must be a size from 64KB to 8MB (for example 1MB or 512KB)",
                    "\(option) phải là kích thước từ 64KB đến 8MB (ví dụ 1MB hoặc 512KB)"))
        }
        return bytes
    }

    /// The paths for `count` files named after `path`: `path` itself for one, else
    /// `name-1.ext`, `name-2.ext`, …
    package static func partPaths(_ path: String, count: Int) -> [String] {
        guard count > 1 else { return [path] }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return (1...count).map { ext.isEmpty ? "\(stem)-\($0)" : "\(stem)-\($0).\(ext)" }
    }

    /// The bundle in the file at `path`, or a clear error: missing, not a file, too large,
    /// not a bundle.
    package static func read(_ path: String) throws -> SignedBundle {
        let bytes = try bytes(path, limit: SignedBundle.maxFileBytes)
        let result = Result { () throws(SyncError) in try SignedBundle.read(bytes) }
        switch result {
        case .success(let bundle): return bundle
        case .failure(let error): throw CommandFailure.file(path, error)
        }
    }

    /// The bytes of the file at `path`, at most `limit` and one more (which tells a file too
    /// large without reading all of it), or a clear error: missing, not a file.
    package static func bytes(_ path: String, limit: Int) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure.usage(tr("no file at \(path)", "không có tệp tại \(path)"))
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure.usage(tr("\(path) is not a readable file", "\(path) không phải tệp đọc được"))
        }
        defer { try? handle.close() }
        return Array(try handle.read(upToCount: limit + 1) ?? Data())
    }

    /// Writes `bytes` to `path` whole or not at all (`PrivateFile.write`, mode 0600). A file
    /// already at `path` is kept and the command refused unless `replacing` (`--force`).
    package static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws {
        do {
            try PrivateFile.write(bytes, to: path, replacing: replacing)
        } catch .exists {
            throw existing(path)
        } catch .system(let reason) {
            throw CommandFailure.failure(
                tr("cannot write \(path): \(reason)", "không ghi được \(path): \(reason)"))
        }
    }

    /// Refuses, before any work, to write over files that exist, unless `replacing`.
    package static func refuseExisting(_ paths: [String], replacing: Bool) throws {
        guard !replacing, let path = paths.first(where: PrivateFile.exists) else { return }
        throw existing(path)
    }

    private static func existing(_ path: String) -> CommandFailure {
        CommandFailure.usage(
            tr(
                "\(path) already exists and was left as it is; choose another name, or add --force to replace it",
                "\(path) đã có và được giữ nguyên; hãy chọn tên khác, hoặc thêm --force để thay tệp đó"))
    }

    /// A size for people: `12 KB`, `1.5 MB`.
    package static func shown(_ bytes: Int) -> String {
        if bytes < 1 << 10 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\((bytes + 512) >> 10) KB" }
        return Format.number(Double(bytes) / Double(1 << 20), fractionDigits: 1) + " MB"
    }
}

/// A hamlet's bundle files and the largest reply to write for them: what `ntm-hub bundle
/// import` and `ntm bundle relay` take.
package struct BundleInput: ParsableArguments {
    @Argument(help: ArgumentHelp(tr("The hamlet's bundle file(s).", "(Các) tệp gói của thôn/xóm.")))
    package var files: [String]
    @Option(
        help: ArgumentHelp(
            tr("The largest reply file (64KB to 8MB).", "Kích thước tệp trả lời lớn nhất (64KB đến 8MB).")))
    package var maxSize = "8MB"

    package init() {}

    package func validate() throws {
        guard !files.isEmpty, files.count <= 100 else {
            throw ValidationError(tr("give 1 to 100 bundle files", "hãy cho từ 1 đến 100 tệp gói"))
        }
    }

    /// The reply's size limit, checked.
    package func replyLimit() throws -> Int { try BundleFiles.checkedSize(maxSize, option: "--max-size") }
}

/// `--force`, the same on every command that writes a file: without it a file that exists
/// is never touched; with it, the new file replaces the old one whole (never half-written).
package struct ReplaceFlag: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            tr(
                "Replace an output file that exists (without it, an existing file is left as it is and nothing is done).",
                "Thay tệp đầu ra đã có (không có cờ này thì tệp đã có được giữ nguyên và không làm gì).")))
    package var force = false

    package init() {}
}

/// `--yes`: what asks before it drops or deletes on a terminal goes on without asking.
package struct YesFlag: ParsableArguments {
    @Flag(
        name: [.customShort("y"), .long],
        help: ArgumentHelp(tr("Do not ask for confirmation.", "Không hỏi xác nhận.")))
    package var yes = false

    package init() {}
}
