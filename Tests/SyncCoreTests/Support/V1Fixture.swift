import Foundation
import GRDB

/// Files written by the `ntm` of schema version 1 (commit 2b0c4fb and the fix after it),
/// kept as SQL dumps in `Tests/Fixtures/v1` (see its README): a hub, a hamlet head's
/// replica with acknowledged, rejected and pending changes and an open conflict, and the
/// commune office's replica with a pending change.
enum V1Fixture {
    /// The folder of the dumps.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/v1")

    /// The fixture's facts: tokens and ids.
    struct Facts: Decodable {
        var head: String
        var reviewer: String
        var hamletID: String
        var roadID: String
        var donationID: String

        enum CodingKeys: String, CodingKey {
            case head, reviewer
            case hamletID = "hamlet_id"
            case roadID = "road_id"
            case donationID = "donation_id"
        }
    }

    static func facts() throws -> Facts {
        try JSONDecoder().decode(Facts.self, from: Data(contentsOf: folder.appendingPathComponent("fixture.json")))
    }

    /// Writes the file `name` (`hub`, `dong`, `office`) to `path` from its dump.
    static func restore(_ name: String, to path: String) throws {
        let dump = try String(contentsOf: folder.appendingPathComponent("\(name).sql"), encoding: .utf8)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
        try queue.close()
    }
}
