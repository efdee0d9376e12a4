import Foundation
import Testing

/// Text compared with a file committed under `Tests/Snapshots`; `NTM_UPDATE_SNAPSHOTS=1`
/// writes the file instead (then review the diff before committing it).
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func expect(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["NTM_UPDATE_SNAPSHOTS"] == "1" {
            try Data(text.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its snapshot", sourceLocation: sourceLocation)
    }
}
