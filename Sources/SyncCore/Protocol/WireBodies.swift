/// Every body that crosses the wire, and so how each is written and read (`WireBody.swift`):
/// those that are also `FastJSONEncodable`/`FastJSONDecodable` (in `WireJSON.swift`) by the
/// engine's own writer and reader, the others by Foundation's.

// Sync: by the thousand, the fast way (push and pull pages both ways).
extension PushRequest: WireCodable {}
extension PushResponse: WireCodable {}
extension PullResponse: WireCodable {}
extension LogEntry: WireCodable {}
extension ChangeOutcome: WireDecodable {}

// Once per sync or per review: Foundation's.
extension PullRequest: WireCodable {}
extension RestoreRequest: WireCodable {}
extension RestoreResponse: WireCodable {}
extension HubStatus: WireCodable {}
extension ConflictRecord: WireCodable {}
extension RowHistory: WireCodable {}
extension BlobStatus: WireCodable {}
extension ErrorBody: WireCodable {}
extension ChangesBundle: WireCodable {}
extension BundleReply: WireCodable {}
extension Array: WireEncodable where Element: WireEncodable {}
extension Array: WireDecodable where Element: WireDecodable {}
