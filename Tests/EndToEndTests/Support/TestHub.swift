import Foundation
import HubHTTP
import Logging
import SyncCore

/// A hub file in a temporary folder with a commune, two hamlets and a token for each role.
final class TestHub: Sendable {
    let folder: URL
    let store: SQLiteHubStore
    let dongID: String
    let doaiID: String
    let dongToken: String
    let doaiToken: String
    let reviewerToken: String
    let reviewer = Principal(role: .reviewer, name: "Lê Văn Tám")

    static let quietLogger = Logger(label: "test.hub") { _ in SwiftLogNoOpLogHandler() }

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteHubStore(path: folder.appendingPathComponent("ntm-hub.sqlite").path, logger: Self.quietLogger)
        _ = try await store.initialize(communeName: "Xã Tân Lập")
        dongID = try await store.addHamlet(["name": .text("Xóm Đông"), "head_name": .text("Nguyễn Văn An")]).id
        doaiID = try await store.addHamlet(["name": .text("Xóm Đoài"), "head_name": .text("Trần Thị Bình")]).id
        dongToken = try await store.issueToken(role: .head(hamletID: dongID), name: nil).token
        doaiToken = try await store.issueToken(role: .head(hamletID: doaiID), name: nil).token
        reviewerToken = try await store.issueToken(role: .reviewer, name: reviewer.name).token
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var path: String { folder.appendingPathComponent("ntm-hub.sqlite").path }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Everything a client could observe of the hub's data: every row and the log head.
    func snapshot() async throws -> [String] {
        var lines = ["log head \(try await store.status(for: reviewer).logHead)"]
        for table in ReplicatedSchema.tables {
            lines += try await store.rows(table: table.name, for: reviewer).map {
                "\(table.name) \(try JSONText.encode($0))"
            }
        }
        return lines
    }
}
