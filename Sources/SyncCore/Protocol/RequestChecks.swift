/// The checks every request passes before a store looks at it: ids, sequence numbers and
/// cursors within the protocol's bounds (DESIGN.md §5, bounded everywhere). What they
/// refuse is malformed whatever the hub's state, so the whole request is refused (400);
/// what depends on a change's content is decided per change by the merge.
extension PushRequest {
    /// Refuses a push whose replica id or sequence numbers are out of bounds, or whose
    /// changes are not in sequence.
    package func check(maxChanges: Int, hubSchema: Int) throws(SyncError) {
        try SyncProtocol.check(protocolVersion: protocolVersion, schemaVersion: schemaVersion, hub: hubSchema)
        try SyncProtocol.checkReplicaID(replicaID)
        try SyncProtocol.checkClientTime(clientTime)
        guard changes.count <= maxChanges else {
            throw .tooLarge("a push of \(changes.count) changes", limit: maxChanges, unit: "changes")
        }
        var previous: Int64?
        for (index, change) in changes.enumerated() {
            guard (1...PlausibleValues.maxSequence).contains(change.seq) else {
                throw .malformed(
                    "changes[\(index)].seq: must be between 1 and \(PlausibleValues.maxSequence), not \(change.seq)")
            }
            if let previous, change.seq != previous + 1 {
                throw .malformed("changes must be in sequence without gaps (\(previous) then \(change.seq))")
            }
            previous = change.seq
        }
        if let acknowledged { try acknowledged.check("acknowledged") }
    }
}

extension AcknowledgedMark {
    /// Refuses a mark whose number or digest is out of bounds; `field` names it.
    func check(_ field: String) throws(SyncError) {
        guard (1...PlausibleValues.maxSequence).contains(seq) else {
            throw .malformed("\(field).seq: must be between 1 and \(PlausibleValues.maxSequence), not \(seq)")
        }
        guard (1...64).contains(digest.utf8.count) else { throw .malformed("\(field).digest: must be 1 to 64 bytes") }
    }
}

extension PullRequest {
    /// Refuses a pull whose replica id, cursor or limit is out of bounds.
    package func check(hubSchema: Int) throws(SyncError) {
        try SyncProtocol.check(protocolVersion: protocolVersion, schemaVersion: schemaVersion, hub: hubSchema)
        try SyncProtocol.checkReplicaID(replicaID)
        try SyncProtocol.checkClientTime(clientTime)
        guard (0...PlausibleValues.maxSequence).contains(after) else {
            throw .malformed("after: must be a log position between 0 and \(PlausibleValues.maxSequence)")
        }
        guard limit > 0 else { throw .malformed("limit: must be at least 1") }
        if let addedAfterSchema, !(1..<schemaVersion).contains(addedAfterSchema) {
            throw .malformed("added_after_schema: must be a schema version before schema_version (\(schemaVersion))")
        }
        if let afterMark, afterMark.utf8.count > 64 || afterMark.isEmpty {
            throw .malformed("after_mark: must be 1 to 64 bytes")
        }
        if let formerReplicaIDs {
            guard formerReplicaIDs.count <= 8 else { throw .malformed("former_replica_ids: at most 8") }
            for (index, id) in formerReplicaIDs.enumerated() {
                if let problem = PlausibleValues.problem(withID: id) {
                    throw .malformed("former_replica_ids[\(index)]: \(problem)")
                }
            }
        }
        if let appVersion,
            !(1...32).contains(appVersion.utf8.count)
                || appVersion.contains(where: { !$0.isASCII || $0.isWhitespace || ($0.asciiValue ?? 0) < 0x20 })
        {
            throw .malformed("app_version: must be 1 to 32 printable ASCII characters")
        }
        if let deviceKey { try SigningKeys.check(deviceKey, field: "device_key") }
        if let pending, !(0...PlausibleValues.maxSequence).contains(pending) {
            throw .malformed("pending: must be between 0 and \(PlausibleValues.maxSequence)")
        }
        if let acknowledged {
            guard acknowledged.count <= 9 else { throw .malformed("acknowledged: at most 9 ids") }
            for (id, mark) in acknowledged {
                if let problem = PlausibleValues.problem(withID: id) { throw .malformed("acknowledged: \(problem)") }
                try mark.check("acknowledged.\(id)")
            }
        }
    }
}

extension SyncProtocol {
    /// The replica id reserved for the hub's own changes.
    package static let hubReplicaID = "hub"

    /// Refuses a replica id that is empty, too long, holds control characters or spaces,
    /// or is reserved.
    package static func checkReplicaID(_ replicaID: String) throws(SyncError) {
        if let problem = PlausibleValues.problem(withID: replicaID) {
            throw .malformed("replica_id: \(problem)")
        }
        guard replicaID != hubReplicaID else {
            throw .malformed("replica_id: '\(hubReplicaID)' is reserved for the hub's own changes")
        }
    }

    /// Refuses a device's wall-clock time before 1970 or after 2100 (`client_time`): a clock
    /// that far off is a broken device or a forged request, and the hub would show its drift
    /// as a nonsense figure. A clock reset to 1970 (0) is still taken, and shown as drift.
    package static func checkClientTime(_ clientTime: Int64) throws(SyncError) {
        guard (0...PlausibleValues.latestMilliseconds).contains(clientTime) else {
            throw .malformed(
                "client_time: must be milliseconds since 1970 between 0 and \(PlausibleValues.latestMilliseconds) (2100), not \(clientTime)"
            )
        }
    }
}

extension Change {
    /// Why the hub cannot take this change whatever its state (an id or stamp out of
    /// bounds, an oversized change), or nil. `encodedBytes` is the size of its JSON text.
    package func problem(encodedBytes: Int) -> SyncError? {
        if let problem = PlausibleValues.problem(withID: rowID) {
            return .invalidValue(table: table, column: TableSpec.idColumn, problem)
        }
        guard hlc.rawValue >= 0 else { return .malformed("hlc: a stamp cannot be before 1970") }
        guard encodedBytes <= PlausibleValues.maxChangeBytes else {
            return .tooLarge("the change", limit: PlausibleValues.maxChangeBytes)
        }
        for (column, version) in baseVersions where !(0...PlausibleValues.maxSequence).contains(version) {
            return .malformed(
                "base_versions.\(column): must be a log position between 0 and \(PlausibleValues.maxSequence)")
        }
        return nil
    }
}

/// Arithmetic on times from elsewhere (a device's clock, a file): never traps.
package enum Milliseconds {
    /// `a - b`, pinned to Int64's range instead of overflowing.
    package static func difference(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        guard overflow else { return result }
        return a < b ? .min : .max
    }
}
