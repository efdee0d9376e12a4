import Foundation
import NIOCore
import SyncWire
import Testing

@testable import SyncCore

/// The engine's own JSON writer must write exactly what Foundation's `JSONEncoder` writes
/// (sorted keys, unescaped slashes) — stored digests and texts stay comparable — and its
/// reader must read back what either wrote.
@Suite struct FastJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let texts = [
        "", "Nguyễn Văn Bảy", "quote \" backslash \\ slash /", "tab\tline\nreturn\r", "\u{01}\u{1F}\u{7F}",
        "emoji 🌾 and e\u{301}", "\u{08}\u{0C}", "đường thôn 6 m",
    ]
    static let numbers: [Double] = [
        0, -0.0, 1, 6, 12.5, -3.25, 0.1, 1e-7, 1e15, 1e16, 123456789.125, 1.7976931348623157e308,
        Double.leastNonzeroMagnitude, 2.5e21,
    ]

    static func randomRow(_ generator: inout SplitMix64) -> SyncRow {
        var row = SyncRow()
        let columns = ReplicatedSchema.tables.flatMap(\.columnNames)
        for _ in 0..<Int(generator.next() % 12) {
            let column = columns[Int(generator.next() % UInt64(columns.count))]
            switch generator.next() % 4 {
            case 0: row[column] = .null
            case 1: row[column] = .integer(Int64(bitPattern: generator.next()) >> Int64(generator.next() % 64))
            case 2: row[column] = .real(numbers[Int(generator.next() % UInt64(numbers.count))])
            default: row[column] = .text(texts[Int(generator.next() % UInt64(texts.count))])
            }
        }
        return row
    }

    @Test func rowsVersionsStampsChangesAndOutcomesAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let row = Self.randomRow(&generator)
            #expect(try JSONText.encode(row) == Self.foundation(row))
            let versions = Dictionary(uniqueKeysWithValues: row.keys.map { ($0, Int64(generator.next() % 1_000_000)) })
            #expect(try JSONText.encode(versions) == Self.foundation(versions))
            let stamps = versions.mapValues {
                FieldStamp(
                    version: $0, hlc: HLCTimestamp(rawValue: Int64(generator.next() >> 1)),
                    replicaID: Self.texts[Int($0) % Self.texts.count],
                    author: Self.texts[Int($0 / 7) % Self.texts.count])
            }
            #expect(try JSONText.encode(stamps) == Self.foundation(stamps))
            let change = Change(
                seq: Int64(generator.next() % 10_000), table: "land_donations", rowID: "row/\(generator.next())",
                operation: [.insert, .update, .delete][Int(generator.next() % 3)], values: row,
                previous: Self.randomRow(&generator), baseVersions: versions,
                hlc: HLCTimestamp(rawValue: Int64(generator.next() >> 2)), createdAt: Int64(generator.next() >> 24))
            #expect(try JSONText.encode(change) == Self.foundation(change))
            #expect(try JSONText.digest(change) == JSONText.fnv1a(Self.foundation(change)))
            let outcome = ChangeOutcome(
                seq: change.seq, status: generator.next() % 2 == 0 ? .applied : .rejected,
                code: generator.next() % 2 == 0 ? nil : "forbidden",
                reason: generator.next() % 2 == 0 ? nil : Self.texts[Int(generator.next() % 8)],
                fields: row.mapValues { _ in [.applied, .held, .lost, .unchanged][Int(generator.next() % 4)] },
                conflicts: (0..<Int(generator.next() % 3)).map { "c-\($0)" }, settleSeq: Int64(generator.next() % 99),
                clamped: generator.next() % 2 == 0)
            #expect(try JSONText.encode(outcome) == Self.foundation(outcome))
            let values = Array(row.values)
            let audit = AuditEntry(
                decision: [.overwritten, .lost, .held, .deleted, .resolved][Int(generator.next() % 5)],
                table: "land_donations", rowID: "r-\(generator.next())",
                column: generator.next() % 2 == 0 ? nil : "area_m2", old: values.first, new: values.last,
                row: generator.next() % 2 == 0 ? nil : row, oldAuthor: generator.next() % 2 == 0 ? nil : "Hoa",
                newAuthor: Self.texts[Int(generator.next() % 8)], newReplicaID: "replica/1",
                newHLC: HLCTimestamp(rawValue: Int64(generator.next() >> 3)), at: Int64(generator.next() >> 30))
            #expect(try JSONText.encode(audit) == Self.foundation(audit))
        }
    }

    /// A replica names a change the hub acknowledged by the digest the hub stored for it;
    /// should the two differ for some value, every sync would take the hub for restored.
    @Test func theReplicasOriginsAndHistoryEventsAreWrittenAsFoundationWritesThemAndReadBack() throws {
        var generator = SplitMix64(seed: 11)
        func text() -> String { Self.texts[Int(generator.next() % UInt64(Self.texts.count))] }
        func value() -> SyncValue? {
            switch generator.next() % 5 {
            case 0: nil
            case 1: .null
            case 2: .integer(Int64(bitPattern: generator.next()) >> 3)
            case 3: .real(Self.numbers[Int(generator.next() % UInt64(Self.numbers.count))])
            default: .text(text())
            }
        }
        for _ in 0..<300 {
            var origins: [String: FieldOrigin] = [:]
            for _ in 0..<Int(generator.next() % 5) {
                origins["\(generator.next() % 100_000)"] = FieldOrigin(
                    hlc: HLCTimestamp(rawValue: Int64(generator.next() >> 1)), replicaID: text(), author: text())
            }
            let written = try JSONText.encode(origins)
            #expect(written == (try Self.foundation(origins)))
            #expect(try JSONText.decode([String: FieldOrigin].self, from: written) == origins)

            let kinds: [HistoryEvent.Kind] = [.inserted, .set, .lost, .held, .resolved, .deleted]
            let event = HistoryEvent(
                kind: kinds[Int(generator.next() % 6)], column: generator.next() % 2 == 0 ? nil : text(),
                value: value(), row: generator.next() % 3 == 0 ? Self.randomRow(&generator) : nil, author: text(),
                at: Int64(generator.next() >> 20), kept: value(), keptBy: generator.next() % 2 == 0 ? nil : text(),
                seq: generator.next() % 2 == 0 ? nil : Int64(generator.next() % 1_000_000))
            let journal = try JSONText.encode(event)
            #expect(journal == (try Self.foundation(event)))
            #expect(
                try JSONText.decode(HistoryEvent.self, from: journal)
                    == (try JSONText.foundationDecode(HistoryEvent.self, from: journal)))
        }
    }

    @Test func wholeNumbersAtTheEdgesAndPlainOrEscapedTextAreWrittenAsFoundationWritesThem() throws {
        let numbers: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, 1_234_567_890, .max, .min, .max - 1, .min + 1]
        for number in numbers {
            let row: SyncRow = ["n": .integer(number)]
            #expect(try JSONText.encode(row) == (try Self.foundation(row)))
        }
        for text in Self.texts + ["plain ascii", "Xóm Đông", "a\u{7F}b", "\u{0}", "tab\tend", "\"\\"] {
            let row: SyncRow = ["t": .text(text)]
            #expect(try JSONText.encode(row) == (try Self.foundation(row)))
        }
    }

    @Test func aChangesReceivedDigestIsTheOneTheHubStores() throws {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<500 {
            let change = Change(
                seq: 1 + Int64(generator.next() % 10_000), table: "road_segments", rowID: "r-\(generator.next())",
                operation: [.insert, .update, .delete][Int(generator.next() % 3)], values: Self.randomRow(&generator),
                previous: Self.randomRow(&generator), baseVersions: ["length_m": Int64(generator.next() % 99)],
                hlc: HLCTimestamp(rawValue: Int64(generator.next() >> 2)), createdAt: Int64(generator.next() >> 24))
            var request = PushRequest(replicaID: "replica-1", clientTime: 5, changes: [change])
            request.acknowledged = AcknowledgedMark(seq: change.seq, digest: try change.receivedDigest())
            let body = try Wire.encode(request)
            #expect(String(buffer: body) == (try Self.foundation(request)))
            let received = try Wire.decode(PushRequest.self, from: body)
            #expect(received.acknowledged == request.acknowledged)
            #expect(try JSONText.digest(received.changes[0]) == request.acknowledged?.digest)
        }
    }

    @Test func keysBeyondASCIISortAsFoundationSortsThem() throws {
        let versions: [String: Int64] = ["é": 1, "z": 2, "a": 3, "Ở": 4, "_": 5, "ab": 6, "Z": 7, "🌾": 8]
        #expect(try JSONText.encode(versions) == Self.foundation(versions))
    }

    @Test func whatEitherWriterWroteReadsBackToTheSameValues() throws {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let row = Self.randomRow(&generator)
            #expect(try JSONText.decode(SyncRow.self, from: JSONText.encode(row)) == row)
            #expect(try JSONText.decode(SyncRow.self, from: Self.foundation(row)) == row)
            let stamps = row.mapValues { _ in
                FieldStamp(version: 3, hlc: HLCTimestamp(rawValue: 77), replicaID: "r\"1", author: "Lê Thị Hoa")
            }
            #expect(try JSONText.decode([String: FieldStamp].self, from: JSONText.encode(stamps)) == stamps)
        }
        let spaced = #" { "a" : "x\u00e9\ud83c\udf3e\/" , "b" : -1.5e2 , "c" : true , "d" : null , "e" : 7 } "#
        #expect(
            try JSONText.decode(SyncRow.self, from: spaced)
                == ["a": .text("xé🌾/"), "b": .real(-150), "c": .integer(1), "d": .null, "e": .integer(7)])
    }

    @Test func malformedTextIsAClearErrorNotACrash() {
        for text in ["", "{", "{\"a\":}", "{\"a\":1,}", "[1]", "{\"a\":\"\\ud800\"}", "{\"a\":1} x", "{\"a\":--1}"] {
            let refusal1 = #expect(throws: SyncError.self) { try JSONText.decode(SyncRow.self, from: text) }
            #expect(refusal1?.kind == .storage, "\(refusal1?.message ?? "no error")")
        }
    }
}

extension FastJSONTests {
    @Test func rowStampsAreStoredOncePerChangeAndReadBackInEitherLayout() throws {
        let insert = FieldStamp(version: 7, hlc: HLCTimestamp(rawValue: 99), replicaID: "r1", author: "Lê Văn \"Tám\"")
        let edit = FieldStamp(version: 9, hlc: HLCTimestamp(rawValue: 120), replicaID: "r2", author: "Hoa")
        let stamps = ["area_m2": edit, "donor_name": insert, "status": insert, "note": edit, "assets": insert]
        let stored = FieldStampStorage.encode(stamps)
        #expect(stored.components(separatedBy: "Tám").count == 2)
        #expect(try FieldStampStorage.decode(stored) == stamps)
        #expect(try FieldStampStorage.decode(Self.foundation(stamps)) == stamps)
        #expect(try FieldStampStorage.decode("[]") == [:])
        let refusal2 = #expect(throws: SyncError.self) { try FieldStampStorage.decode("[{\"f\":[\"a\"]") }
        #expect(refusal2?.kind == .storage, "\(refusal2?.message ?? "no error")")
    }
}
