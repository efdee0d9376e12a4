import Foundation
import GRDB

/// Files written by the engine of an earlier schema version, kept as SQL dumps in
/// `Tests/Fixtures/vN` (see each one's README): a hub, a hamlet head's replica with
/// acknowledged, rejected and pending changes and an open conflict, and the commune
/// office's replica with a pending change. Version 1 was written by the `ntm` of commit
/// 2b0c4fb; versions 2 and 3 by `Tests/Fixtures/make-fixture` with that version's last
/// programs.
struct FieldFixture {
    /// The schema version whose engine wrote the files.
    let version: Int

    /// The folder of the dumps.
    var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/v\(version)")
    }

    /// The fixture's facts: tokens and ids (the cleanup and the contribution from version 2).
    struct Facts: Decodable {
        var head: String
        var reviewer: String
        var hamletID: String
        var roadID: String
        var donationID: String
        var cleanupID: String?
        var contributionID: String?

        enum CodingKeys: String, CodingKey {
            case head, reviewer
            case hamletID = "hamlet_id"
            case roadID = "road_id"
            case donationID = "donation_id"
            case cleanupID = "cleanup_id"
            case contributionID = "contribution_id"
        }
    }

    func facts() throws -> Facts {
        try JSONDecoder().decode(Facts.self, from: Data(contentsOf: folder.appendingPathComponent("fixture.json")))
    }

    /// Writes the file `name` (`hub`, `dong`, `office`) to `path` from its dump.
    func restore(_ name: String, to path: String) throws {
        let dump = try String(contentsOf: folder.appendingPathComponent("\(name).sql"), encoding: .utf8)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
        try queue.close()
    }
}
