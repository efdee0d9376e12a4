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
    static func required<T>(_ value: T?, _ key: String, in type: String) throws(SyncError) -> T {
        guard let value else { throw .malformed("\(type).\(key): is required") }
        return value
    }
}

extension PushRequest: FastJSONEncodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        if let acknowledged {
            writer.key("acknowledged", first: true)
            writer.raw("{")
            writer.key("digest", first: true)
            writer.string(acknowledged.digest)
            writer.key("seq")
            writer.integer(acknowledged.seq)
            writer.raw("}")
        }
        writer.key("changes", first: acknowledged == nil)
        try writer.array(changes) { (writer, change) throws(SyncError) in
            writer.raw("{")
            try writer.change(change)
            writer.raw("}")
        }
        writer.key("client_time")
        writer.integer(clientTime)
        writer.key("protocol_version")
        writer.integer(Int64(protocolVersion))
        writer.key("replica_id")
        writer.string(replicaID)
        writer.key("schema_version")
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
            switch key {
            case "acknowledged":
                var seq: Int64?
                var digest: String?
                try reader.object { (reader, key) throws(SyncError) in
                    switch key {
                    case "seq": seq = try reader.integer()
                    case "digest": digest = try reader.string()
                    default: try reader.skipValue()
                    }
                }
                acknowledged = AcknowledgedMark(
                    seq: try JSONReader.required(seq, "seq", in: "PushRequest.acknowledged"),
                    digest: try JSONReader.required(digest, "digest", in: "PushRequest.acknowledged"))
            case "protocol_version": protocolVersion = try reader.integer()
            case "schema_version": schemaVersion = try reader.integer()
            case "replica_id": replicaID = try reader.string()
            case "client_time": clientTime = try reader.integer()
            case "changes":
                var list: [Change] = []
                try reader.array { (reader) throws(SyncError) in list.append(try Change(from: &reader)) }
                changes = list
            default: try reader.skipValue()
            }
        }
        self.init(
            replicaID: try JSONReader.required(replicaID, "replica_id", in: "PushRequest"),
            clientTime: try JSONReader.required(clientTime, "client_time", in: "PushRequest"),
            changes: try JSONReader.required(changes, "changes", in: "PushRequest"))
        self.protocolVersion = Int(try JSONReader.required(protocolVersion, "protocol_version", in: "PushRequest"))
        self.schemaVersion = Int(try JSONReader.required(schemaVersion, "schema_version", in: "PushRequest"))
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
            switch key {
            case "seq": seq = try reader.integer()
            case "table": table = try reader.string()
            case "row_id": rowID = try reader.string()
            case "operation":
                let text = try reader.string()
                guard let value = ChangeOperation(rawValue: text) else { throw .malformed("operation '\(text)'") }
                operation = value
            case "values": values = try reader.row()
            case "previous": previous = try reader.row()
            case "base_versions": baseVersions = try reader.versions()
            case "hlc": hlc = try reader.integer()
            case "created_at": createdAt = try reader.integer()
            default: try reader.skipValue()
            }
        }
        self.init(
            seq: try JSONReader.required(seq, "seq", in: "Change"),
            table: try JSONReader.required(table, "table", in: "Change"),
            rowID: try JSONReader.required(rowID, "row_id", in: "Change"),
            operation: try JSONReader.required(operation, "operation", in: "Change"),
            values: try JSONReader.required(values, "values", in: "Change"),
            previous: try JSONReader.required(previous, "previous", in: "Change"),
            baseVersions: try JSONReader.required(baseVersions, "base_versions", in: "Change"),
            hlc: HLCTimestamp(rawValue: try JSONReader.required(hlc, "hlc", in: "Change")),
            createdAt: try JSONReader.required(createdAt, "created_at", in: "Change"))
    }
}

extension PushResponse: FastJSONEncodable, FastJSONDecodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        writer.key("hub_time", first: true)
        writer.integer(hubTime)
        writer.key("outcomes")
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
            switch key {
            case "hub_time": hubTime = try reader.integer()
            case "outcomes":
                var list: [ChangeOutcome] = []
                try reader.array { (reader) throws(SyncError) in list.append(try ChangeOutcome(from: &reader)) }
                outcomes = list
            default: try reader.skipValue()
            }
        }
        self.init(
            hubTime: try JSONReader.required(hubTime, "hub_time", in: "PushResponse"),
            outcomes: try JSONReader.required(outcomes, "outcomes", in: "PushResponse"))
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
            switch key {
            case "seq": seq = try reader.integer()
            case "status":
                let text = try reader.string()
                guard let value = Status(rawValue: text) else { throw .malformed("outcome status '\(text)'") }
                status = value
            case "code": code = try reader.optionalString()
            case "reason": reason = try reader.optionalString()
            case "fields":
                var map: [String: FieldOutcome] = [:]
                try reader.object { (reader, column) throws(SyncError) in
                    let text = try reader.string()
                    guard let value = FieldOutcome(rawValue: text) else { throw .malformed("field outcome '\(text)'") }
                    map[column] = value
                }
                fields = map
            case "conflicts":
                var list: [String] = []
                try reader.array { (reader) throws(SyncError) in list.append(try reader.string()) }
                conflicts = list
            case "settle_seq": settleSeq = try reader.integer()
            case "clamped": clamped = try reader.bool()
            default: try reader.skipValue()
            }
        }
        self.init(
            seq: try JSONReader.required(seq, "seq", in: "ChangeOutcome"),
            status: try JSONReader.required(status, "status", in: "ChangeOutcome"), code: code, reason: reason,
            fields: try JSONReader.required(fields, "fields", in: "ChangeOutcome"),
            conflicts: try JSONReader.required(conflicts, "conflicts", in: "ChangeOutcome"),
            settleSeq: try JSONReader.required(settleSeq, "settle_seq", in: "ChangeOutcome"),
            clamped: try JSONReader.required(clamped, "clamped", in: "ChangeOutcome"))
    }
}

extension PullResponse: FastJSONEncodable, FastJSONDecodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        writer.key("cursor", first: true)
        writer.integer(cursor)
        if let cursorMark {
            writer.key("cursor_mark")
            writer.string(cursorMark)
        }
        writer.key("entries")
        try writer.array(entries) { (writer, entry) throws(SyncError) in try entry.write(to: &writer) }
        writer.key("has_more")
        writer.bool(hasMore)
        if let receivedSeq {
            writer.key("received_seq")
            writer.integer(receivedSeq)
        }
        if let formerReceived {
            writer.key("former_received")
            try writer.object(formerReceived) { (writer, seq) throws(SyncError) in writer.integer(seq) }
        }
        if let hubKey {
            writer.key("hub_key")
            writer.string(hubKey)
        }
        writer.key("hub_time")
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
            switch key {
            case "cursor": cursor = try reader.integer()
            case "hub_key": hubKey = try reader.string()
            case "cursor_mark": cursorMark = try reader.string()
            case "received_seq": receivedSeq = try reader.integer()
            case "former_received":
                var received: [String: Int64] = [:]
                try reader.object { (reader, id) throws(SyncError) in received[id] = try reader.integer() }
                formerReceived = received
            case "entries":
                var list: [LogEntry] = []
                try reader.array { (reader) throws(SyncError) in list.append(try LogEntry(from: &reader)) }
                entries = list
            case "has_more": hasMore = try reader.bool()
            case "hub_time": hubTime = try reader.integer()
            default: try reader.skipValue()
            }
        }
        self.init(
            hubTime: try JSONReader.required(hubTime, "hub_time", in: "PullResponse"),
            entries: try JSONReader.required(entries, "entries", in: "PullResponse"),
            cursor: try JSONReader.required(cursor, "cursor", in: "PullResponse"),
            hasMore: try JSONReader.required(hasMore, "has_more", in: "PullResponse"), cursorMark: cursorMark)
        self.receivedSeq = receivedSeq
        self.formerReceived = formerReceived
        self.hubKey = hubKey
    }
}

extension LogEntry: FastJSONEncodable, FastJSONDecodable {
    package func write(to writer: inout JSONWriter) throws(SyncError) {
        writer.raw("{")
        writer.key("author", first: true)
        writer.string(author)
        if let conflict {
            writer.key("conflict")
            writer.append(json: try JSONText.foundationEncode(conflict))
        }
        writer.optionalString("hamlet_id", hamletID)
        writer.key("hlc")
        writer.integer(hlc.rawValue)
        writer.key("kind")
        writer.string(kind.rawValue)
        writer.key("logged_at")
        writer.integer(loggedAt)
        if let originSeq {
            writer.key("origin_seq")
            writer.integer(originSeq)
        }
        writer.key("replica_id")
        writer.string(replicaID)
        writer.key("row_id")
        writer.string(rowID)
        writer.key("seq")
        writer.integer(seq)
        writer.key("table")
        writer.string(table)
        if let values {
            writer.key("values")
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
            switch key {
            case "seq": seq = try reader.integer()
            case "kind":
                let text = try reader.string()
                guard let value = Kind(rawValue: text) else { throw .malformed("log entry kind '\(text)'") }
                kind = value
            case "table": table = try reader.string()
            case "row_id": rowID = try reader.string()
            case "hamlet_id": hamletID = try reader.optionalString()
            case "values": values = try reader.isNull() ? nil : try reader.row()
            case "conflict":
                let text = try reader.rawValue()
                conflict = text == "null" ? nil : try JSONText.foundationDecode(ConflictRecord.self, from: text)
            case "hlc": hlc = try reader.integer()
            case "replica_id": replicaID = try reader.string()
            case "author": author = try reader.string()
            case "logged_at": loggedAt = try reader.integer()
            case "origin_seq": originSeq = try reader.isNull() ? nil : try reader.integer()
            default: try reader.skipValue()
            }
        }
        self.init(
            seq: try JSONReader.required(seq, "seq", in: "LogEntry"),
            kind: try JSONReader.required(kind, "kind", in: "LogEntry"),
            table: try JSONReader.required(table, "table", in: "LogEntry"),
            rowID: try JSONReader.required(rowID, "row_id", in: "LogEntry"), hamletID: hamletID, values: values,
            conflict: conflict, hlc: HLCTimestamp(rawValue: try JSONReader.required(hlc, "hlc", in: "LogEntry")),
            replicaID: try JSONReader.required(replicaID, "replica_id", in: "LogEntry"),
            author: try JSONReader.required(author, "author", in: "LogEntry"),
            loggedAt: try JSONReader.required(loggedAt, "logged_at", in: "LogEntry"), originSeq: originSeq)
    }
}
