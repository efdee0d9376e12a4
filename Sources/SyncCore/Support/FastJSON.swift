/// A JSON writer and reader for the engine's hot types (rows, per-field versions and
/// stamps, changes and their outcomes): the same text Foundation's `JSONEncoder` writes
/// with sorted keys and unescaped slashes, at a fraction of its cost. `JSONText` routes
/// those types here; everything else still goes through Foundation.
package struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escape: then it goes in whole, not byte by byte.
        let plain = value.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain != true { escaped(value) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0..<0x20:
                raw("\\u00")
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { digits in
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0xF)])
                }
            default: bytes.append(byte)
            }
        }
    }

    /// A whole number, its digits written straight in.
    mutating func integer(_ value: Int64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude as UInt64: Int64.min has none as Int64. Digits go in last first,
        // then are turned around in place.
        var magnitude = value.magnitude
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    /// A finite double as `JSONEncoder` writes it: its description without a trailing `.0`.
    mutating func double(_ value: Double) throws(SyncError) {
        guard value.isFinite else { throw .malformed("a number must be finite, not \(value)") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// An array, each element written by `body`.
    mutating func array<C: Collection, E: Error>(
        _ items: C, _ body: (inout JSONWriter, C.Element) throws(E) -> Void
    )
        throws(E)
    {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            try body(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A text member, left out when nil (as `encodeIfPresent` does).
    mutating func optionalString(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func optionalString(_ name: some CodingKey, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// JSON text written elsewhere, as it is.
    mutating func append(json: String) { bytes.append(contentsOf: json.utf8) }

    mutating func value(_ value: SyncValue) throws(SyncError) {
        switch value {
        case .null: raw("null")
        case .integer(let number): integer(number)
        case .real(let number): try double(number)
        case .text(let text): string(text)
        }
    }

    /// An object with keys in byte order, each value written by `body`.
    mutating func object<V>(
        _ dictionary: [String: V], _ body: (inout JSONWriter, V) throws(SyncError) -> Void
    )
        throws(SyncError)
    {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for key in JSONWriter.sortedKeys(dictionary.keys) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            string(key)
            bytes.append(UInt8(ascii: ":"))
            try body(&self, dictionary[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A key, with the comma before it unless it is the first of its object.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }

    /// A member's key as its type declares it once (`CodingKeys`, which Foundation's coder
    /// reads too).
    mutating func key(_ key: some CodingKey, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: key.stringValue.utf8)
        raw("\":")
    }

    static func keyOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Keys in byte order. ASCII keys (every column name) sort with `String`'s own `<`,
    /// which is byte order for them and much faster than comparing UTF-8 views.
    static func sortedKeys(_ keys: some Collection<String>) -> [String] {
        keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? keys.sorted() : keys.sorted(by: keyOrder)
    }

    mutating func row(_ row: SyncRow) throws(SyncError) {
        try object(row) { (writer, value) throws(SyncError) in try writer.value(value) }
    }

    mutating func versions(_ versions: [String: Int64]) throws(SyncError) {
        try object(versions) { writer, version in writer.integer(version) }
    }
}

/// Reads JSON text written by `JSONWriter` or `JSONEncoder` (or any valid JSON of the
/// expected shape) straight into the engine's types.
package struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    /// How many arrays and objects enclose the reader's position.
    private var depth = 0

    /// The deepest nesting of arrays and objects a body may have: far beyond any
    /// protocol value, far short of the stack's limit.
    static let maxDepth = 64

    init(_ text: String) { bytes = Array(text.utf8) }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// An array, `body` reading each element.
    mutating func array(_ body: (inout JSONReader) throws(SyncError) -> Void) throws(SyncError) {
        try expect(UInt8(ascii: "["))
        try enter()
        defer { depth -= 1 }
        if take(UInt8(ascii: "]")) { return }
        repeat {
            try body(&self)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    mutating func bool() throws(SyncError) -> Bool {
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// Consumes a `null` if one comes next.
    mutating func isNull() throws(SyncError) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func optionalString() throws(SyncError) -> String? {
        try isNull() ? nil : try string()
    }

    /// Skips one value of any shape.
    mutating func skipValue() throws(SyncError) {
        skipSpace()
        guard index < bytes.count else { throw fail("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object { (reader, _) throws(SyncError) in try reader.skipValue() }
        case UInt8(ascii: "["): try array { (reader) throws(SyncError) in try reader.skipValue() }
        default: _ = try value()
        }
    }

    /// The text of the next value, whatever its shape.
    mutating func rawValue() throws(SyncError) -> String {
        skipSpace()
        let start = index
        try skipValue()
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// One level deeper, refused past `maxDepth`: a reason to refuse the body outright.
    private mutating func enter() throws(SyncError) {
        guard depth < JSONReader.maxDepth else {
            throw .malformed("invalid JSON: arrays and objects nested deeper than \(JSONReader.maxDepth) levels")
        }
        depth += 1
    }

    private func fail(_ what: String) -> SyncError {
        .storage("cannot decode JSON: \(what) at byte \(index)")
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(SyncError) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else {
            throw fail("expected '\(Character(UnicodeScalar(byte)))'")
        }
        index += 1
    }

    /// Whether the next byte (after spaces) is `byte`; consumes it when it is.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Checks that nothing but spaces follows.
    mutating func end() throws(SyncError) {
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the value") }
    }

    mutating func string() throws(SyncError) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            // JSON allows no raw control character in a string: they come escaped.
            guard bytes[index] >= 0x20 else { throw fail("a control character in a string") }
            index += 1
        }
        guard index < bytes.count else { throw fail("unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw fail("unterminated escape") }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw fail("unpaired surrogate") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: String(Character(unicode)).utf8)
                default: out.append(escaped)
                }
            case 0..<0x20: throw fail("a control character in a string")
            default: out.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(SyncError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A scalar: null, true/false (as 1/0), a number (integer when it is written as one and
    /// fits) or a string.
    mutating func value() throws(SyncError) -> SyncValue {
        skipSpace()
        guard index < bytes.count else { throw fail("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "t"): try literal("true"); return .integer(1)
        case UInt8(ascii: "f"): try literal("false"); return .integer(0)
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyncError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            word.withUTF8Buffer({ bytes[index..<index + count].elementsEqual($0) })
        else { throw fail("expected \(word)") }
        index += count
    }

    private mutating func number() throws(SyncError) -> SyncValue {
        let start = index
        var whole = true
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): break
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): whole = false
            default:
                return try numberValue(start, whole)
            }
            index += 1
        }
        return try numberValue(start, whole)
    }

    private func numberValue(_ start: Int, _ whole: Bool) throws(SyncError) -> SyncValue {
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if whole, let integer = Int64(text) { return .integer(integer) }
        guard !text.isEmpty, let double = Double(text) else { throw fail("expected a number") }
        // 1e400 reads as infinity, which no column holds and JSON cannot carry back.
        guard double.isFinite else { throw .malformed("the number \(text.prefix(40)) is out of range") }
        return .real(double)
    }

    mutating func integer() throws(SyncError) -> Int64 {
        switch try value() {
        case .integer(let value): return value
        case .real(let value):
            guard let whole = Int64(exactly: value) else { fallthrough }
            return whole
        default: throw fail("expected an integer")
        }
    }

    /// An object, `body` reading each member's value after its key.
    mutating func object(_ body: (inout JSONReader, String) throws(SyncError) -> Void) throws(SyncError) {
        try expect(UInt8(ascii: "{"))
        try enter()
        defer { depth -= 1 }
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    mutating func row() throws(SyncError) -> SyncRow {
        var row = SyncRow()
        try object { (reader, key) throws(SyncError) in
            do throws(SyncError) {
                row[key] = try reader.value()
            } catch {
                throw error.kind == .invalidInput ? .malformed("\(key): \(error.message)") : error
            }
        }
        return row
    }

    mutating func versions() throws(SyncError) -> [String: Int64] {
        var versions: [String: Int64] = [:]
        try object { (reader, key) throws(SyncError) in versions[key] = try reader.integer() }
        return versions
    }
}

extension JSONWriter {
    mutating func stamp(_ stamp: FieldStamp) {
        key("a", first: true)
        string(stamp.author)
        key("r")
        string(stamp.replicaID)
        key("t")
        integer(stamp.hlc.rawValue)
        key("v")
        integer(stamp.version)
    }

    mutating func change(_ change: Change) throws(SyncError) {
        key(Change.CodingKeys.baseVersions, first: true)
        try versions(change.baseVersions)
        key(Change.CodingKeys.createdAt)
        integer(change.createdAt)
        key(Change.CodingKeys.hlc)
        integer(change.hlc.rawValue)
        key(Change.CodingKeys.operation)
        string(change.operation.rawValue)
        key(Change.CodingKeys.previous)
        try row(change.previous)
        key(Change.CodingKeys.rowID)
        string(change.rowID)
        key(Change.CodingKeys.seq)
        integer(change.seq)
        key(Change.CodingKeys.table)
        string(change.table)
        key(Change.CodingKeys.values)
        try row(change.values)
    }

    mutating func outcome(_ outcome: ChangeOutcome) throws(SyncError) {
        key(ChangeOutcome.CodingKeys.clamped, first: true)
        bool(outcome.clamped)
        optionalString(ChangeOutcome.CodingKeys.code, outcome.code)
        key(ChangeOutcome.CodingKeys.conflicts)
        array(outcome.conflicts) { writer, id in writer.string(id) }
        key(ChangeOutcome.CodingKeys.fields)
        try object(outcome.fields) { writer, field in writer.string(field.rawValue) }
        optionalString(ChangeOutcome.CodingKeys.reason, outcome.reason)
        key(ChangeOutcome.CodingKeys.seq)
        integer(outcome.seq)
        key(ChangeOutcome.CodingKeys.settleSeq)
        integer(outcome.settleSeq)
        key(ChangeOutcome.CodingKeys.status)
        string(outcome.status.rawValue)
    }

    /// `body`'s output wrapped in braces.
    static func text(_ body: (inout JSONWriter) throws(SyncError) -> Void) throws(SyncError) -> String {
        var writer = JSONWriter()
        writer.bytes.append(UInt8(ascii: "{"))
        try body(&writer)
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.text
    }
}

extension JSONReader {
    mutating func stamps() throws(SyncError) -> [String: FieldStamp] {
        var stamps: [String: FieldStamp] = [:]
        try object { (reader, column) throws(SyncError) in
            var stamp = FieldStamp(version: 0, hlc: .zero, replicaID: "", author: "")
            try reader.object { (reader, key) throws(SyncError) in
                switch key {
                case "a": stamp.author = try reader.string()
                case "r": stamp.replicaID = try reader.string()
                case "t": stamp.hlc = HLCTimestamp(rawValue: try reader.integer())
                case "v": stamp.version = try reader.integer()
                default: _ = try reader.value()
                }
            }
            stamps[column] = stamp
        }
        return stamps
    }
}

/// The hot types' fast paths: chosen over the generic Foundation ones wherever the type
/// is known at the call.
extension JSONText {
    package static func encode(_ row: SyncRow) throws(SyncError) -> String {
        var writer = JSONWriter()
        try writer.row(row)
        return writer.text
    }

    package static func decode(_ type: SyncRow.Type, from text: String) throws(SyncError) -> SyncRow {
        var reader = JSONReader(text)
        let row = try reader.row()
        try reader.end()
        return row
    }

    package static func encode(_ versions: [String: Int64]) throws(SyncError) -> String {
        var writer = JSONWriter()
        try writer.versions(versions)
        return writer.text
    }

    package static func decode(_ type: [String: Int64].Type, from text: String) throws(SyncError) -> [String: Int64] {
        var reader = JSONReader(text)
        let versions = try reader.versions()
        try reader.end()
        return versions
    }

    package static func encode(_ stamps: [String: FieldStamp]) throws(SyncError) -> String {
        var writer = JSONWriter()
        try writer.object(stamps) { writer, stamp in
            writer.raw("{")
            writer.stamp(stamp)
            writer.raw("}")
        }
        return writer.text
    }

    package static func decode(
        _ type: [String: FieldStamp].Type, from text: String
    ) throws(SyncError)
        -> [String: FieldStamp]
    {
        var reader = JSONReader(text)
        let stamps = try reader.stamps()
        try reader.end()
        return stamps
    }

    package static func encode(_ change: Change) throws(SyncError) -> String {
        try JSONWriter.text { (writer) throws(SyncError) in try writer.change(change) }
    }

    package static func encode(_ outcome: ChangeOutcome) throws(SyncError) -> String {
        try JSONWriter.text { (writer) throws(SyncError) in try writer.outcome(outcome) }
    }

    /// The digest of a change's JSON text (see `digest(_:)`).
    package static func digest(_ change: Change) throws(SyncError) -> String {
        fnv1a(try encode(change))
    }
}

extension JSONWriter {
    mutating func optionalValue(_ name: StaticString, _ value: SyncValue?) throws(SyncError) {
        guard let value else { return }
        key(name)
        try self.value(value)
    }

    mutating func audit(_ entry: AuditEntry) throws(SyncError) {
        key("at", first: true)
        integer(entry.at)
        optionalString("column", entry.column)
        key("decision")
        string(entry.decision.rawValue)
        try optionalValue("new", entry.new)
        key("new_author")
        string(entry.newAuthor)
        key("new_hlc")
        integer(entry.newHLC.rawValue)
        key("new_replica_id")
        string(entry.newReplicaID)
        try optionalValue("old", entry.old)
        optionalString("old_author", entry.oldAuthor)
        if let row = entry.row {
            key("row")
            try self.row(row)
        }
        key("row_id")
        string(entry.rowID)
        key("table")
        string(entry.table)
    }
}

extension JSONText {
    package static func encode(_ entry: AuditEntry) throws(SyncError) -> String {
        try JSONWriter.text { (writer) throws(SyncError) in try writer.audit(entry) }
    }
}

/// How the hub stores a row's per-field stamps (`sync_row_meta.fields`): grouped by
/// stamp, `[{"a":author,"f":[columns],"r":replica,"t":hlc,"v":version}, …]`, so a row
/// inserted by one change stores its stamp once rather than once per column. Reads the
/// earlier per-column object (`{"column":{"a","r","t","v"}}`) too.
enum FieldStampStorage {
    static func encode(_ stamps: [String: FieldStamp]) -> String {
        // Few distinct stamps per row: a linear scan beats hashing them.
        var groups: [(stamp: FieldStamp, columns: [String])] = []
        for (column, stamp) in stamps {
            if let index = groups.firstIndex(where: { $0.stamp == stamp }) {
                groups[index].columns.append(column)
            } else {
                groups.append((stamp, [column]))
            }
        }
        groups.sort { ($0.stamp.version, $0.stamp.hlc) < ($1.stamp.version, $1.stamp.hlc) }
        var writer = JSONWriter()
        writer.array(groups) { writer, group in
            let stamp = group.stamp
            writer.raw("{")
            writer.key("a", first: true)
            writer.string(stamp.author)
            writer.key("f")
            writer.array(JSONWriter.sortedKeys(group.columns)) { writer, column in writer.string(column) }
            writer.key("r")
            writer.string(stamp.replicaID)
            writer.key("t")
            writer.integer(stamp.hlc.rawValue)
            writer.key("v")
            writer.integer(stamp.version)
            writer.raw("}")
        }
        return writer.text
    }

    static func decode(_ text: String) throws(SyncError) -> [String: FieldStamp] {
        guard text.utf8.first == UInt8(ascii: "[") else {
            return try JSONText.decode([String: FieldStamp].self, from: text)
        }
        var reader = JSONReader(text)
        var stamps: [String: FieldStamp] = [:]
        try reader.array { (reader) throws(SyncError) in
            var stamp = FieldStamp(version: 0, hlc: .zero, replicaID: "", author: "")
            var columns: [String] = []
            try reader.object { (reader, key) throws(SyncError) in
                switch key {
                case "a": stamp.author = try reader.string()
                case "f": try reader.array { (reader) throws(SyncError) in columns.append(try reader.string()) }
                case "r": stamp.replicaID = try reader.string()
                case "t": stamp.hlc = HLCTimestamp(rawValue: try reader.integer())
                case "v": stamp.version = try reader.integer()
                default: try reader.skipValue()
                }
            }
            for column in columns { stamps[column] = stamp }
        }
        try reader.end()
        return stamps
    }
}

// MARK: The replica's hot bookkeeping: confirmed fields' origins and the history journal.

extension JSONText {
    /// `{"<version>":{"a":author,"r":replica,"t":stamp},…}`, as `JSONEncoder` writes it.
    package static func encode(_ origins: [String: FieldOrigin]) throws(SyncError) -> String {
        var writer = JSONWriter()
        try writer.object(origins) { writer, origin in
            writer.raw("{")
            writer.key("a", first: true)
            writer.string(origin.author)
            writer.key("r")
            writer.string(origin.replicaID)
            writer.key("t")
            writer.integer(origin.hlc.rawValue)
            writer.raw("}")
        }
        return writer.text
    }

    package static func decode(
        _ type: [String: FieldOrigin].Type, from text: String
    ) throws(SyncError)
        -> [String: FieldOrigin]
    {
        var reader = JSONReader(text)
        var origins: [String: FieldOrigin] = [:]
        try reader.object { (reader, version) throws(SyncError) in
            var (author, replicaID, hlc): (String?, String?, Int64?)
            try reader.object { (reader, key) throws(SyncError) in
                switch key {
                case "a": author = try reader.string()
                case "r": replicaID = try reader.string()
                case "t": hlc = try reader.integer()
                default: try reader.skipValue()
                }
            }
            guard let author, let replicaID, let hlc else { throw .malformed("an origin lacks a, r or t") }
            origins[version] = FieldOrigin(hlc: HLCTimestamp(rawValue: hlc), replicaID: replicaID, author: author)
        }
        try reader.end()
        return origins
    }

    /// A journal event, as `JSONEncoder` writes it with sorted keys (absent optionals left out).
    package static func encode(_ event: HistoryEvent) throws(SyncError) -> String {
        try JSONWriter.text { (writer) throws(SyncError) in
            writer.key("at", first: true)
            writer.integer(event.at)
            writer.key("author")
            writer.string(event.author)
            writer.optionalString("column", event.column)
            try writer.optionalValue("kept", event.kept)
            writer.optionalString("kept_by", event.keptBy)
            writer.key("kind")
            writer.string(event.kind.rawValue)
            if let row = event.row {
                writer.key("row")
                try writer.row(row)
            }
            if let seq = event.seq {
                writer.key("seq")
                writer.integer(seq)
            }
            try writer.optionalValue("value", event.value)
        }
    }

    package static func decode(_ type: HistoryEvent.Type, from text: String) throws(SyncError) -> HistoryEvent {
        var reader = JSONReader(text)
        var event = HistoryEvent(kind: .set, author: "", at: 0)
        var (kind, author, at): (HistoryEvent.Kind?, String?, Int64?)
        func optionalValue(_ reader: inout JSONReader) throws(SyncError) -> SyncValue? {
            try reader.isNull() ? nil : try reader.value()
        }
        try reader.object { (reader, key) throws(SyncError) in
            switch key {
            case "at": at = try reader.integer()
            case "author": author = try reader.string()
            case "column": event.column = try reader.optionalString()
            case "kept": event.kept = try optionalValue(&reader)
            case "kept_by": event.keptBy = try reader.optionalString()
            case "kind": kind = HistoryEvent.Kind(rawValue: try reader.string())
            case "row": event.row = try reader.isNull() ? nil : try reader.row()
            case "seq": event.seq = try reader.isNull() ? nil : try reader.integer()
            case "value": event.value = try optionalValue(&reader)
            default: try reader.skipValue()
            }
        }
        try reader.end()
        guard let kind, let author, let at else { throw .malformed("a history event lacks kind, author or at") }
        event.kind = kind
        event.author = author
        event.at = at
        return event
    }

    /// Any type with a fast writer (`LogEntry`, the wire bodies).
    static func encode<T: FastJSONEncodable>(_ value: T) throws(SyncError) -> String {
        var writer = JSONWriter()
        try value.write(to: &writer)
        return writer.text
    }

    /// Any type with a fast reader (`ChangeOutcome`, `LogEntry`, the wire bodies).
    static func decode<T: FastJSONDecodable>(_ type: T.Type, from text: String) throws(SyncError) -> T {
        var reader = JSONReader(text)
        let value = try T(from: &reader)
        try reader.end()
        return value
    }
}
