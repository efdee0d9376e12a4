/// An error raised by the sync engine.
///
/// Errors are values that can grow: a struct over a private code, built with static
/// factories, each carrying a short lowercase message that names the offending field or
/// table where there is one.
package struct SyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in broad strokes; callers map it to exit codes and HTTP statuses.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// The input is malformed or breaks a rule of the schema (exit 2, HTTP 400/422).
        case invalidInput = "invalid_input"
        /// The caller may not do this (HTTP 403).
        case forbidden
        /// The thing asked for does not exist (HTTP 404).
        case notFound = "not_found"
        /// The request cannot be applied in the current state (HTTP 409).
        case conflict
        /// A push that skips changes the hub has not received (HTTP 409): the hub lost them
        /// (restored from a backup) or the replica set some aside; the replica forks.
        case sequenceGap = "sequence_gap"
        /// A change id the hub received before with other content (HTTP 409, or a change's
        /// outcome): the replica file was copied, or restored from an older backup; it forks.
        case changeIDReused = "change_id_reused"
        /// The replica's cursor names log entries the hub no longer has (HTTP 409): the hub
        /// was restored from an older copy; the replica re-offers what the hub lost.
        case hubRestored = "hub_restored"
        /// Protocol or schema versions do not match (HTTP 426).
        case incompatibleVersion = "incompatible_version"
        /// No valid credentials (HTTP 401).
        case unauthorized
        /// A body or page over the limits (HTTP 413).
        case tooLarge = "too_large"
        /// Too many failed attempts; try again later (HTTP 429).
        case tooManyRequests = "too_many_requests"
        /// The hub cannot be reached (network down, hub stopped).
        case unavailable
        /// Storage or another internal failure (HTTP 500, exit 1).
        case storage
    }

    /// The broad kind of failure.
    package let kind: Kind
    /// A short lowercase message naming the offending field or table where there is one.
    package let message: String
    /// The field (column) at fault, when one is.
    package let field: String?
    /// Whether the hub reported this error (a refusal), rather than this side finding it.
    package let isReportedByHub: Bool
    /// How many seconds to wait before trying again, when the error says.
    package let retryAfterSeconds: Int?

    fileprivate init(
        _ kind: Kind, _ message: String, field: String? = nil, isReportedByHub: Bool = false,
        retryAfterSeconds: Int? = nil
    ) {
        self.kind = kind
        self.message = message
        self.field = field
        self.isReportedByHub = isReportedByHub
        self.retryAfterSeconds = retryAfterSeconds
    }

    package var description: String { message }

    /// A value that breaks a column's rule.
    package static func invalidValue(table: String, column: String, _ reason: String) -> SyncError {
        SyncError(.invalidInput, "\(table).\(column): \(reason)", field: column)
    }

    /// A row that breaks a rule spanning several columns.
    package static func invalidRow(table: String, _ reason: String, field: String? = nil) -> SyncError {
        SyncError(.invalidInput, "\(table): \(reason)", field: field)
    }

    /// A table that the replicated schema does not declare.
    package static func unknownTable(_ name: String) -> SyncError {
        SyncError(.invalidInput, "unknown table '\(name)'")
    }

    /// A column that the table does not declare.
    package static func unknownColumn(table: String, column: String) -> SyncError {
        SyncError(.invalidInput, "\(table): unknown column '\(column)'", field: column)
    }

    /// A malformed request or value.
    package static func malformed(_ reason: String) -> SyncError {
        SyncError(.invalidInput, reason)
    }

    /// The caller's role or scope does not allow the operation.
    package static func forbidden(_ reason: String) -> SyncError {
        SyncError(.forbidden, reason)
    }

    /// A row, conflict or replica that does not exist.
    package static func notFound(_ what: String) -> SyncError {
        SyncError(.notFound, "\(what) not found")
    }

    /// `what` not found, and what to do about it.
    package static func notFound(_ what: String, hint: String) -> SyncError {
        SyncError(.notFound, "\(what) not found: \(hint)")
    }

    /// A push that skips changes the hub has not seen yet.
    package static func sequenceGap(replica: String, expected: Int64, got: Int64) -> SyncError {
        SyncError(.sequenceGap, "replica \(replica): expected change \(expected), got \(got); resend from \(expected)")
    }

    /// An operation the current state does not allow.
    package static func conflict(_ reason: String) -> SyncError {
        SyncError(.conflict, reason)
    }

    /// A conflict that is no longer open.
    package static func alreadyResolved(_ id: String) -> SyncError {
        SyncError(.conflict, "conflict \(id) is already resolved")
    }

    /// A request naming a protocol or schema version the hub does not speak.
    package static func incompatibleVersion(_ what: String, got: Int, supported: Int) -> SyncError {
        SyncError(.incompatibleVersion, "\(what) version \(got) is not supported (this side speaks \(supported))")
    }

    /// A replica at a schema version newer than its hub's: the hub must be updated first.
    package static func newerThanHub(schema: Int, hub: Int) -> SyncError {
        SyncError(
            .incompatibleVersion,
            "schema version \(schema) is newer than this hub's (\(hub)): update ntm-hub; nothing was changed")
    }

    /// A file written by a newer program than this one.
    package static func newerFile(_ message: String) -> SyncError {
        SyncError(.incompatibleVersion, message)
    }

    /// A missing, unknown, forged or revoked bearer token.
    package static func unauthorized(_ reason: String) -> SyncError {
        SyncError(.unauthorized, reason)
    }

    /// A body or batch over its size limit.
    package static func tooLarge(_ what: String, limit: Int, unit: String = "bytes") -> SyncError {
        SyncError(.tooLarge, "\(what) is larger than the limit of \(limit) \(unit)")
    }

    /// Too many failed attempts from one client; it may try again after `seconds`.
    package static func tooManyRequests(_ reason: String, retryAfterSeconds seconds: Int) -> SyncError {
        SyncError(.tooManyRequests, reason, retryAfterSeconds: seconds)
    }

    /// The hub cannot be reached.
    package static func unavailable(_ reason: String) -> SyncError {
        SyncError(.unavailable, reason)
    }

    /// The hub is there but cannot serve now (its database away, its writer busy): come
    /// back in `seconds`, which a sync does by its retry policy (HTTP `Retry-After`).
    package static func unavailable(_ reason: String, retryAfterSeconds seconds: Int) -> SyncError {
        SyncError(.unavailable, reason, retryAfterSeconds: seconds)
    }

    /// The hub was reached, then lost (a link cut mid-request, a timeout): worth another
    /// try (`retryAfterSeconds` 0), which a sync makes by its retry policy.
    package static func linkLost(_ reason: String) -> SyncError {
        SyncError(.unavailable, reason, retryAfterSeconds: 0)
    }

    /// An error the hub reported, rebuilt on the client from its code and message.
    /// `retryAfterSeconds`: the hub's `Retry-After`, when it said when to come back.
    package static func reported(code: String, message: String, retryAfterSeconds: Int? = nil) -> SyncError {
        SyncError(
            Kind(rawValue: code) ?? .storage, message, isReportedByHub: true, retryAfterSeconds: retryAfterSeconds)
    }

    /// A failure of storage or of the engine's own invariants.
    package static func storage(_ reason: String) -> SyncError {
        SyncError(.storage, reason)
    }
}

extension SyncError {
    /// A row that is gone, where the operation needs it.
    package static func rowDeleted(table: String, rowID: String) -> SyncError {
        SyncError(.conflict, "\(table) row \(rowID) has been deleted")
    }

    /// A cursor naming a log entry the hub no longer holds as the replica pulled it.
    package static func hubRestored(position: Int64) -> SyncError {
        SyncError(
            .hubRestored,
            "the hub's log at position \(position) is not the one this replica pulled; the hub was restored from an older copy"
        )
    }

    /// A change the hub acknowledged to the replica, which it now holds with other content.
    package static func acknowledgedLost(seq: Int64) -> SyncError {
        SyncError(
            .hubRestored,
            "the hub holds other content under change \(seq), which it acknowledged to this replica; the hub was restored from an older copy"
        )
    }

    /// A cursor beyond the end of the hub's log: the hub lost entries the replica applied.
    package static func cursorAhead(cursor: Int64, head: Int64) -> SyncError {
        SyncError(
            .hubRestored,
            "replica cursor \(cursor) is ahead of the hub log (\(head)); the hub was restored from an older copy")
    }
}
