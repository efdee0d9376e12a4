import Foundation
import SyncCore

/// What the engine's own JSON writer and reader are worth against Foundation's, on the
/// bodies that carry changes by the thousand: a push page of whole-row inserts and the pull
/// page that carries them on. Both write the same text (a test checks it).
public enum JSONWorkload {
    /// Seconds per page, median of `repeats`, for each body and each way, both ways.
    public struct Figures: Sendable, Codable {
        public var entries: Int
        /// "push encode", "push decode", "pull encode", "pull decode" → seconds.
        public var fast: [String: Double]
        public var foundation: [String: Double]
        /// Foundation's time over the fast path's, per body and way.
        public var speedup: [String: Double]
    }

    public static func compare(entries: Int = 1_000, repeats: Int = 9) throws -> Figures {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let hamletID = DonationRows.id(1, namespace: 0x4A4A)
        let changes = (0..<entries).map { DonationRows.insert($0, seq: Int64($0 + 1), hamletID: hamletID, now: now) }
        let push = PushRequest(replicaID: DonationRows.id(2, namespace: 0x4A4A), clientTime: now, changes: changes)
        let page = PullResponse(
            hubTime: now,
            entries: changes.map { change in
                LogEntry(
                    seq: change.seq, kind: .upsert, table: change.table, rowID: change.rowID, hamletID: hamletID,
                    values: change.values, hlc: change.hlc, replicaID: push.replicaID, author: "Trưởng xóm",
                    loggedAt: now)
            }, cursor: Int64(entries), hasMore: false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        let pushBytes = try WireJSON.encode(push)
        let pageBytes = try WireJSON.encode(page)
        guard pushBytes == Array(try encoder.encode(push)), pageBytes == Array(try encoder.encode(page)) else {
            throw SyncError.storage("the fast writer and Foundation wrote different text")
        }
        func median(_ body: () throws -> Void) rethrows -> Double {
            var samples: [Double] = []
            for _ in 0..<repeats { samples.append(try Measure.seconds(body)) }
            return samples.sorted()[samples.count / 2]
        }
        let fast: [String: Double] = [
            "push encode": try median { _ = try WireJSON.encode(push) },
            "push decode": try median { _ = try WireJSON.decode(PushRequest.self, from: pushBytes) },
            "pull encode": try median { _ = try WireJSON.encode(page) },
            "pull decode": try median { _ = try WireJSON.decode(PullResponse.self, from: pageBytes) },
        ]
        let pushData = Data(pushBytes)
        let pageData = Data(pageBytes)
        let foundation: [String: Double] = [
            "push encode": try median { _ = try encoder.encode(push) },
            "push decode": try median { _ = try decoder.decode(PushRequest.self, from: pushData) },
            "pull encode": try median { _ = try encoder.encode(page) },
            "pull decode": try median { _ = try decoder.decode(PullResponse.self, from: pageData) },
        ]
        return Figures(
            entries: entries, fast: fast, foundation: foundation,
            speedup: fast.reduce(into: [:]) { result, item in
                result[item.key] = (foundation[item.key] ?? 0) / item.value
            })
    }
}
