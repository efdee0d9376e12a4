import Foundation

/// A protocol value `Wire` writes with `JSONWriter` instead of Foundation's encoder (the
/// same text, much faster): the bodies that carry changes and log entries by the thousand.
package protocol FastJSONEncodable {
    func write(to writer: inout JSONWriter) throws(SyncError)
}

/// A protocol value `Wire` reads with `JSONReader` instead of Foundation's decoder.
package protocol FastJSONDecodable {
    init(from reader: inout JSONReader) throws(SyncError)
}

extension JSONReader {
    /// A member the type requires, or an error naming it.
    static func required<T>(_ value: T?, _ key: some CodingKey, in type: String) throws(SyncError) -> T {
        guard let value else { throw .malformed("\(type).\(key.stringValue): is required") }
        return value
    }
}

extension PushRequest: FastJSONEncodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        if let acknowledged {
            writer.key(CodingKeys.acknowledged, first: true)
            writer.raw("{")
            writer.key(AcknowledgedMark.CodingKeys.digest, first: true)
            writer.string(acknowledged.digest)
            writer.key(AcknowledgedMark.CodingKeys.seq)
            writer.integer(acknowledged.seq)
            writer.raw("}")
        }
        writer.key(CodingKeys.changes, first: acknowledged == nil)
        try writer.array(changes) { (writer, change) throws(SyncError) in
            writer.raw("{")
            try writer.change(change)
            writer.raw("}")
        }
        writer.key(CodingKeys.clientTime)
        writer.integer(clientTime)
        writer.key(CodingKeys.protocolVersion)
        writer.integer(Int64(protocolVersion))
        writer.key(CodingKeys.replicaID)
        writer.string(replicaID)
        writer.key(CodingKeys.schemaVersion)
        writer.integer(Int64(schemaVersion))
        writer.raw("}")
    }
}

/// The hub reads pushes on the fast path; when it fails, `Wire.decode` reads the body again
/// with Foundation, whose message names the offending key path.
extension PushRequest: FastJSONDecodable {
    package init(from reader: inout JSONReader) throws(SyncError) {
        var protocolVersion: Int64?
        var schemaVersion: Int64?
        var replicaID: String?
        var clientTime: Int64?
        var changes: [Change]?
        var acknowledged: AcknowledgedMark?
        try reader.object { (reader, key) throws(SyncError) in
            switch CodingKeys(rawValue: key) {
            case .acknowledged?:
                var seq: Int64?
                var digest: String?
                try reader.object { (reader, key) throws(SyncError) in
                    switch AcknowledgedMark.CodingKeys(rawValue: key) {
                    case .seq?: seq = try reader.integer()
                    case .digest?: digest = try reader.string()
                    case nil: try reader.skipValue()
                    }
                }
                acknowledged = AcknowledgedMark(
                    seq: try JSONReader.required(seq, AcknowledgedMark.CodingKeys.seq, in: "PushRequest.acknowledged"),
                    digest: try JSONReader.required(
                        digest, AcknowledgedMark.CodingKeys.digest, in: "PushRequest.acknowledged"))
            case .protocolVersion?: protocolVersion = try reader.integer()
            case .schemaVersion?: schemaVersion = try reader.integer()
            case .replicaID?: replicaID = try reader.string()
            case .clientTime?: clientTime = try reader.integer()
            case .changes?:
                var list: [Change] = []
                try reader.array { (reader) throws(SyncError) in list.append(try Change(from: &reader)) }
                changes = list
            case nil: try reader.skipValue()
            }
        }
        self.init(
            replicaID: try JSONReader.required(replicaID, CodingKeys.replicaID, in: "PushRequest"),
            clientTime: try JSONReader.required(clientTime, CodingKeys.clientTime, in: "PushRequest"),
            changes: try JSONReader.required(changes, CodingKeys.changes, in: "PushRequest"))
        self.protocolVersion = Int(
            try JSONReader.required(protocolVersion, CodingKeys.protocolVersion, in: "PushRequest"))
        self.schemaVersion = Int(try JSONReader.required(schemaVersion, CodingKeys.schemaVersion, in: "PushRequest"))
        self.acknowledged = acknowledged
    }
}

extension Change: FastJSONDecodable {
    package init(from reader: inout JSONReader) throws(SyncError) {
        var seq: Int64?
        var table: String?
        var rowID: String?
        var operation: ChangeOperation?
        var values: SyncRow?
        var previous: SyncRow?
        var baseVersions: [String: Int64]?
        var hlc: Int64?
        var createdAt: Int64?
        try reader.object { (reader, key) throws(SyncError) in
            switch CodingKeys(rawValue: key) {
            case .seq?: seq = try reader.integer()
            case .table?: table = try reader.string()
            case .rowID?: rowID = try reader.string()
            case .operation?:
                let text = try reader.string()
                guard let value = ChangeOperation(rawValue: text) else { throw .malformed("operation '\(text)'") }
                operation = value
            case .values?: values = try reader.row()
            case .previous?: previous = try reader.row()
            case .baseVersions?: baseVersions = try reader.versions()
            case .hlc?: hlc = try reader.integer()
            case .createdAt?: createdAt = try reader.integer()
            case nil: try reader.skipValue()
            }
        }
        self.init(
            seq: try JSONReader.required(seq, CodingKeys.seq, in: "Change"),
            table: try JSONReader.required(table, CodingKeys.table, in: "Change"),
            rowID: try JSONReader.required(rowID, CodingKeys.rowID, in: "Change"),
            operation: try JSONReader.required(operation, CodingKeys.operation, in: "Change"),
            values: try JSONReader.required(values, CodingKeys.values, in: "Change"),
            previous: try JSONReader.required(previous, CodingKeys.previous, in: "Change"),
            baseVersions: try JSONReader.required(baseVersions, CodingKeys.baseVersions, in: "Change"),
            hlc: HLCTimestamp(rawValue: try JSONReader.required(hlc, CodingKeys.hlc, in: "Change")),
            createdAt: try JSONReader.required(createdAt, CodingKeys.createdAt, in: "Change"))
    }
}

extension PushResponse: FastJSONEncodable, FastJSONDecodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        writer.key(CodingKeys.hubTime, first: true)
        writer.integer(hubTime)
        writer.key(CodingKeys.outcomes)
        try writer.array(outcomes) { (writer, outcome) throws(SyncError) in
            writer.raw("{")
            try writer.outcome(outcome)
            writer.raw("}")
        }
        writer.raw("}")
    }

    package init(from reader: inout JSONReader) throws(SyncError) {
        var hubTime: Int64?
        var outcomes: [ChangeOutcome]?
        try reader.object { (reader, key) throws(SyncError) in
            switch CodingKeys(rawValue: key) {
            case .hubTime?: hubTime = try reader.integer()
            case .outcomes?:
                var list: [ChangeOutcome] = []
                try reader.array { (reader) throws(SyncError) in list.append(try ChangeOutcome(from: &reader)) }
                outcomes = list
            case nil: try reader.skipValue()
            }
        }
        self.init(
            hubTime: try JSONReader.required(hubTime, CodingKeys.hubTime, in: "PushResponse"),
            outcomes: try JSONReader.required(outcomes, CodingKeys.outcomes, in: "PushResponse"))
    }
}

extension ChangeOutcome: FastJSONDecodable {
    package init(from reader: inout JSONReader) throws(SyncError) {
        var seq: Int64?
        var status: Status?
        var code: String?
        var reason: String?
        var fields: [String: FieldOutcome]?
        var conflicts: [String]?
        var settleSeq: Int64?
        var clamped: Bool?
        try reader.object { (reader, key) throws(SyncError) in
            switch CodingKeys(rawValue: key) {
            case .seq?: seq = try reader.integer()
            case .status?:
                let text = try reader.string()
                guard let value = Status(rawValue: text) else { throw .malformed("outcome status '\(text)'") }
                status = value
            case .code?: code = try reader.optionalString()
            case .reason?: reason = try reader.optionalString()
            case .fields?:
                var map: [String: FieldOutcome] = [:]
                try reader.object { (reader, column) throws(SyncError) in
                    let text = try reader.string()
                    guard let value = FieldOutcome(rawValue: text) else { throw .malformed("field outcome '\(text)'") }
                    map[column] = value
                }
                fields = map
            case .conflicts?:
                var list: [String] = []
                try reader.array { (reader) throws(SyncError) in list.append(try reader.string()) }
                conflicts = list
            case .settleSeq?: settleSeq = try reader.integer()
            case .clamped?: clamped = try reader.bool()
            case nil: try reader.skipValue()
            }
        }
        self.init(
            seq: try JSONReader.required(seq, CodingKeys.seq, in: "ChangeOutcome"),
            status: try JSONReader.required(status, CodingKeys.status, in: "ChangeOutcome"), code: code, reason: reason,
            fields: try JSONReader.required(fields, CodingKeys.fields, in: "ChangeOutcome"),
            conflicts: try JSONReader.required(conflicts, CodingKeys.conflicts, in: "ChangeOutcome"),
            settleSeq: try JSONReader.required(settleSeq, CodingKeys.settleSeq, in: "ChangeOutcome"),
            clamped: try JSONReader.required(clamped, CodingKeys.clamped, in: "ChangeOutcome"))
    }
}

extension PullResponse: FastJSONEncodable, FastJSONDecodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        writer.key(CodingKeys.cursor, first: true)
        writer.integer(cursor)
        if let cursorMark {
            writer.key(CodingKeys.cursorMark)
            writer.string(cursorMark)
        }
        writer.key(CodingKeys.entries)
        try writer.array(entries) { (writer, entry) throws(SyncError) in try entry.write(to: &writer) }
        writer.key(CodingKeys.hasMore)
        writer.bool(hasMore)
        if let receivedSeq {
            writer.key(CodingKeys.receivedSeq)
            writer.integer(receivedSeq)
        }
        if let formerReceived {
            writer.key(CodingKeys.formerReceived)
            try writer.object(formerReceived) { (writer, seq) throws(SyncError) in writer.integer(seq) }
        }
        if let hubKey {
            writer.key(CodingKeys.hubKey)
            writer.string(hubKey)
        }
        writer.key(CodingKeys.hubTime)
        writer.integer(hubTime)
        writer.raw("}")
    }

    package init(from reader: inout JSONReader) throws(SyncError) {
        var cursor: Int64?
        var entries: [LogEntry]?
        var hasMore: Bool?
        var hubTime: Int64?
        var cursorMark: String?
        var receivedSeq: Int64?
        var formerReceived: [String: Int64]?
        var hubKey: String?
        try reader.object { (reader, key) throws(SyncError) in
            switch CodingKeys(rawValue: key) {
            case .cursor?: cursor = try reader.integer()
            case .hubKey?: hubKey = try reader.string()
            case .cursorMark?: cursorMark = try reader.string()
            case .receivedSeq?: receivedSeq = try reader.integer()
            case .formerReceived?:
                var received: [String: Int64] = [:]
                try reader.object { (reader, id) throws(SyncError) in received[id] = try reader.integer() }
                formerReceived = received
            case .entries?:
                var list: [LogEntry] = []
                try reader.array { (reader) throws(SyncError) in list.append(try LogEntry(from: &reader)) }
                entries = list
            case .hasMore?: hasMore = try reader.bool()
            case .hubTime?: hubTime = try reader.integer()
            case nil: try reader.skipValue()
            }
        }
        self.init(
            hubTime: try JSONReader.required(hubTime, CodingKeys.hubTime, in: "PullResponse"),
            entries: try JSONReader.required(entries, CodingKeys.entries, in: "PullResponse"),
            cursor: try JSONReader.required(cursor, CodingKeys.cursor, in: "PullResponse"),
            hasMore: try JSONReader.required(hasMore, CodingKeys.hasMore, in: "PullResponse"), cursorMark: cursorMark)
        self.receivedSeq = receivedSeq
        self.formerReceived = formerReceived
        self.hubKey = hubKey
    }
}

extension LogEntry: FastJSONEncodable, FastJSONDecodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        writer.key(CodingKeys.author, first: true)
        writer.string(author)
        if let conflict {
            writer.key(CodingKeys.conflict)
            writer.append(json: try JSONText.foundationEncode(conflict))
        }
        writer.optionalString(CodingKeys.hamletID, hamletID)
        writer.key(CodingKeys.hlc)
        writer.integer(hlc.rawValue)
        writer.key(CodingKeys.kind)
        writer.string(kind.rawValue)
        writer.key(CodingKeys.loggedAt)
        writer.integer(loggedAt)
        if let originSeq {
            writer.key(CodingKeys.originSeq)
            writer.integer(originSeq)
        }
        writer.key(CodingKeys.replicaID)
        writer.string(replicaID)
        writer.key(CodingKeys.rowID)
        writer.string(rowID)
        writer.key(CodingKeys.seq)
        writer.integer(seq)
        writer.key(CodingKeys.table)
        writer.string(table)
        if let values {
            writer.key(CodingKeys.values)
            try writer.row(values)
        }
        writer.raw("}")
    }

    package init(from reader: inout JSONReader) throws(SyncError) {
        var seq: Int64?
        var kind: Kind?
        var table: String?
        var rowID: String?
        var hamletID: String?
        var values: SyncRow?
        var conflict: ConflictRecord?
        var hlc: Int64?
        var replicaID: String?
        var author: String?
        var loggedAt: Int64?
        var originSeq: Int64?
        try reader.object { (reader, key) throws(SyncError) in
            switch CodingKeys(rawValue: key) {
            case .seq?: seq = try reader.integer()
            case .kind?:
                let text = try reader.string()
                guard let value = Kind(rawValue: text) else { throw .malformed("log entry kind '\(text)'") }
                kind = value
            case .table?: table = try reader.string()
            case .rowID?: rowID = try reader.string()
            case .hamletID?: hamletID = try reader.optionalString()
            case .values?: values = try reader.isNull() ? nil : try reader.row()
            case .conflict?:
                let text = try reader.rawValue()
                conflict = text == "null" ? nil : try JSONText.foundationDecode(ConflictRecord.self, from: text)
            case .hlc?: hlc = try reader.integer()
            case .replicaID?: replicaID = try reader.string()
            case .author?: author = try reader.string()
            case .loggedAt?: loggedAt = try reader.integer()
            case .originSeq?: originSeq = try reader.isNull() ? nil : try reader.integer()
            case nil: try reader.skipValue()
            }
        }
        self.init(
            seq: try JSONReader.required(seq, CodingKeys.seq, in: "LogEntry"),
            kind: try JSONReader.required(kind, CodingKeys.kind, in: "LogEntry"),
            table: try JSONReader.required(table, CodingKeys.table, in: "LogEntry"),
            rowID: try JSONReader.required(rowID, CodingKeys.rowID, in: "LogEntry"), hamletID: hamletID, values: values,
            conflict: conflict,
            hlc: HLCTimestamp(rawValue: try JSONReader.required(hlc, CodingKeys.hlc, in: "LogEntry")),
            replicaID: try JSONReader.required(replicaID, CodingKeys.replicaID, in: "LogEntry"),
            author: try JSONReader.required(author, CodingKeys.author, in: "LogEntry"),
            loggedAt: try JSONReader.required(loggedAt, CodingKeys.loggedAt, in: "LogEntry"), originSeq: originSeq)
    }
}
