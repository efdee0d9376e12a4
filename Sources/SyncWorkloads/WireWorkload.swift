import Foundation
import SyncCore
import SyncWire

/// Figure 7: bytes on the wire, gzip-compressed, per changed field.
public enum WireWorkload {
    /// Compressed body bytes per changed field for a push of `changes` single-field
    /// updates (a donation's status moving on) and for the pull page that carries them to
    /// another replica; with the same for whole-row inserts.
    public static func bytesPerField(changes: Int = 1_000) async throws -> [String: Double] {
        let scratch = try ScratchDirectory()
        let hub = try await PreparedHub.create(at: scratch.file("hub.sqlite"))[0]
        defer { try? hub.store.close() }
        let replicaID = DonationRows.id(1, namespace: 0x5151)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let inserts = (0..<changes).map {
            DonationRows.insert($0, seq: Int64($0 + 1), hamletID: hub.hamletID, now: now)
        }
        let offset = try await hub.store.log().last?.seq ?? 0
        let updates = (0..<changes).map { index in
            Change(
                seq: Int64(changes + index + 1), table: DonationRows.table, rowID: DonationRows.id(index),
                operation: .update, values: ["status": .text("signed")], previous: ["status": .text("pledged")],
                baseVersions: ["status": offset + Int64(index) + 1],
                hlc: HLCTimestamp(physicalMilliseconds: now + 1, logical: Int64(index)), createdAt: now + 1)
        }
        var figures: [String: Double] = [:]
        for (name, batch, fields) in [
            ("insert", inserts, inserts.reduce(0) { $0 + $1.values.count }),
            ("update", updates, updates.count),
        ] {
            let request = PushRequest(replicaID: replicaID, clientTime: now, changes: batch)
            let before = try await hub.store.log().last?.seq ?? 0
            _ = try await hub.store.push(request, from: hub.head)
            let page = try await hub.store.pull(
                PullRequest(
                    replicaID: DonationRows.id(2, namespace: 0x5151), clientTime: now, after: before, limit: 1_000),
                for: hub.head)
            let push = try Wire.gzip(Wire.encode(request)).readableBytes
            let pull = try Wire.gzip(Wire.encode(page)).readableBytes
            figures["\(name)_push_bytes_per_field"] = Double(push) / Double(fields)
            figures["\(name)_pull_bytes_per_field"] = Double(pull) / Double(fields)
            figures["\(name)_push_bytes_uncompressed_per_field"] =
                Double(try Wire.encode(request).readableBytes) / Double(fields)
        }
        return figures
    }
}

/// Issue 14's figure: bytes per change of sync by file, against the network's push bodies
/// for the same changes, measured in the same run.
public enum BundleWorkload {
    /// A head records `changes` land donations, then signs `changes` of them: each batch
    /// exported as bundle files, answered by the hub and imported back.
    public static func bytesPerChange(changes: Int = 1_000) async throws -> [String: Double] {
        let scratch = try ScratchDirectory()
        let hub = try await PreparedHub.create(at: scratch.file("hub.sqlite"))[0]
        defer { try? hub.store.close() }
        let replica = try Replica.create(at: scratch.file("head.sqlite"), principal: hub.head)
        defer { try? replica.close() }
        // `ntm init`: the hub's key learned, the device's registered.
        if let key = hub.store.publicKey { try replica.setHubPublicKey(key) }
        try await SyncSession(replica: replica, hub: LocalHubConnection(store: hub.store, principal: hub.head)).run()

        var figures: [String: Double] = [:]
        func measure(_ name: String) async throws {
            let files = try replica.exportBundles()
            var bundleBytes = 0
            var pushBytes = 0
            for file in files {
                bundleBytes += try file.fileBytes().count
                for push in try Wire.decode(ChangesBundle.self, from: .init(bytes: file.payload)).pushes {
                    pushBytes += try Wire.gzip(Wire.encode(push)).readableBytes
                }
            }
            let (reply, _) = try await HubBundles.answer(files, store: hub.store)
            let replyBytes = try reply.fileBytes().count
            _ = try replica.importReply(reply)
            figures["\(name)_bundle_bytes_per_change"] = Double(bundleBytes) / Double(changes)
            figures["\(name)_network_push_bytes_per_change"] = Double(pushBytes) / Double(changes)
            figures["\(name)_reply_bytes_per_change"] = Double(replyBytes) / Double(changes)
            figures["\(name)_files"] = Double(files.count)
        }
        var rows: [SyncRow] = []
        for index in 0..<changes {
            var row = DonationRows.row(index, hamletID: hub.hamletID)
            row["road_segment_id"] = .null
            rows.append(row)
        }
        _ = try replica.insert(into: DonationRows.table, rows: rows)
        try await measure("insert")
        for index in 0..<changes {
            _ = try replica.update(
                DonationRows.table, id: DonationRows.id(index),
                values: ["status": .text("signed"), "note": .text("đã ký biên bản hiến đất")])
        }
        try await measure("update")
        return figures
    }
}
