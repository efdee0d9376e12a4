import Foundation
import GRDB
import SyncCore

/// A scratch folder for one workload's files, removed when the workload ends.
public final class ScratchDirectory: Sendable {
    /// The folder's path.
    public let path: String

    /// Creates a fresh folder under the system's temporary folder (or `parent`).
    public init(parent: String? = nil) throws {
        let base = parent ?? NSTemporaryDirectory()
        path = (base as NSString).appendingPathComponent("ntm-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A file path inside the folder.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Timing and process facts the figures are made of.
public enum Measure {
    /// Seconds taken by `body`.
    public static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        return (ContinuousClock.now - start).seconds
    }

    /// Seconds taken by `body`.
    public static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        return (ContinuousClock.now - start).seconds
    }

    /// This process's peak resident memory in bytes (`VmHWM`), or nil where /proc is missing.
    public static func peakResidentBytes(pid: Int32? = nil) -> Int? {
        let path = "/proc/\(pid.map(String.init) ?? "self")/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return digits.map { $0 * 1024 }
        }
        return nil
    }

    /// The value at fraction `p` (0...1) of `samples`, nearest rank.
    public static func percentile(_ samples: [Double], _ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The median of `samples`.
    public static func median(_ samples: [Double]) -> Double { percentile(samples, 0.5) }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// The land-donation rows every workload writes: deterministic, valid, the shape a
/// hamlet head records (donor, area, assets, status, dates, a note).
enum DonationRows {
    static let table = "land_donations"
    static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]

    /// A row id for row `index` of `namespace` (a UUIDv7-shaped text).
    static func id(_ index: Int, namespace: Int = 0) -> String {
        String(format: "0192%04x-0000-7000-8000-%012x", namespace & 0xFFFF, index)
    }

    /// Row `index`, complete, in `hamletID`.
    static func row(_ index: Int, hamletID: String, namespace: Int = 0) -> SyncRow {
        [
            "id": .text(id(index, namespace: namespace)),
            "hamlet_id": .text(hamletID),
            "road_segment_id": .text(id(index / 50, namespace: 0x7777)),
            "household_id": .null,
            "donor_name": .text("\(familyNames[index % familyNames.count]) Văn \(index)"),
            "area_m2": .real(Double(index % 400) / 4 + 12.5),
            "assets": .text("tường rào, 2 cây xoài"),
            "assets_value_vnd": .integer(Int64(index % 90) * 100_000),
            "status": .text("pledged"),
            "signed_on": .text(String(format: "2026-%02d-%02d", index % 12 + 1, index % 28 + 1)),
            "note": .text("hiến đất mở rộng đường thôn lên 6 m"),
        ]
    }

    /// The insert change a replica would capture for row `index`.
    static func insert(_ index: Int, seq: Int64, hamletID: String, namespace: Int = 0, now: Int64) -> Change {
        Change(
            seq: seq, table: table, rowID: id(index, namespace: namespace), operation: .insert,
            values: row(index, hamletID: hamletID, namespace: namespace),
            hlc: HLCTimestamp(physicalMilliseconds: now, logical: seq & 0xFFF), createdAt: now)
    }

    /// An update of row `index` that moves it to `signed` and rewrites its note, as a
    /// replica that saw the insert at hub version `seen` would capture it.
    static func update(_ index: Int, seq: Int64, namespace: Int = 0, seen: Int64, now: Int64) -> Change {
        Change(
            seq: seq, table: table, rowID: id(index, namespace: namespace), operation: .update,
            values: ["status": .text("signed"), "note": .text("đã ký biên bản hiến đất")],
            previous: ["status": .text("pledged"), "note": .text("hiến đất mở rộng đường thôn lên 6 m")],
            baseVersions: ["status": seen, "note": seen],
            hlc: HLCTimestamp(physicalMilliseconds: now, logical: seq & 0xFFF), createdAt: now)
    }
}

/// A commune hub file with one hamlet and a head token, ready for pushes.
struct PreparedHub {
    let store: Hub
    let hamletID: String
    let head: Principal
    let token: String

    static func create(at path: String, hamlets: Int = 1) async throws -> [PreparedHub] {
        let store = try Hub(sqliteFile: path, logger: .init(label: "ntm-bench"))
        _ = try await store.initialize(communeName: "Xã Tân Hòa")
        var prepared: [PreparedHub] = []
        for number in 1...hamlets {
            let hamlet = try await store.addHamlet([
                "name": .text("Thôn \(number)"), "head_name": .text("Trưởng thôn \(number)"),
            ])
            let hamletID = hamlet[TableSpec.idColumn]?.text ?? ""
            let issued = try await store.issueToken(role: .head(hamletID: hamletID), name: "Trưởng thôn \(number)")
            prepared.append(
                PreparedHub(store: store, hamletID: hamletID, head: issued.principal, token: issued.token))
        }
        return prepared
    }

    /// Pushes `rows` donation inserts as replica `replicaID`, in pages of `pageSize`.
    func fill(rows: Int, replicaID: String, namespace: Int = 0, pageSize: Int = 1_000) async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var next = 0
        while next < rows {
            let count = min(pageSize, rows - next)
            let changes = (next..<next + count).map {
                DonationRows.insert($0, seq: Int64($0 + 1), hamletID: hamletID, namespace: namespace, now: now)
            }
            _ = try await store.push(
                PushRequest(replicaID: replicaID, clientTime: now, changes: changes), from: head)
            next += count
        }
    }
}

/// The baselines' own writes: whole rows of one table through a prepared statement stepped
/// in a loop, as plain SQLite does them best.
struct PlainWrites {
    /// The table's name.
    let table: String
    /// The columns written, the id first.
    let columns: [String]

    /// `INSERT INTO table (columns) VALUES (?, …)`.
    var insertSQL: String {
        """
        INSERT INTO "\(table)" (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
        VALUES (\(databaseQuestionMarks(count: columns.count)))
        """
    }

    /// The insert as an upsert of every column but the id, when `condition` holds.
    func upsertSQL(where condition: String? = nil) -> String {
        insertSQL + " ON CONFLICT(id) DO UPDATE SET "
            + columns.dropFirst().map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", ")
            + (condition.map { " WHERE \($0)" } ?? "")
    }

    /// Steps `sql` once for each of `rows`, its columns in order (a column a row lacks: NULL).
    func write(_ rows: some Sequence<SyncRow>, _ sql: String, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: sql)
        for row in rows { try statement.execute(arguments: StatementArguments(columns.map { row[$0] ?? .null })) }
    }
}
