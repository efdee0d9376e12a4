import SyncCore

/// A push refused whole: the error, and the outcomes to record.
package struct PushRefusal: WireCodable, Sendable {
    /// The first refusal's code and message.
    package var error: ErrorBody.Detail
    /// The hub's wall clock.
    package var hubTime: Int64
    /// Every change's outcome, all rejected.
    package var outcomes: [ChangeOutcome]

    package init(error: ErrorBody.Detail, hubTime: Int64, outcomes: [ChangeOutcome]) {
        self.error = error
        self.hubTime = hubTime
        self.outcomes = outcomes
    }

    enum CodingKeys: String, CodingKey {
        case error, outcomes
        case hubTime = "hub_time"
    }
}

/// The body of `POST /v1/conflicts/:id/resolve`: `{"take":"hub"|"incoming"}` or
/// `{"value":…}`, with an optional `note`.
package struct ResolveRequest: WireCodable, Sendable {
    /// `hub` or `incoming`.
    package var take: String?
    /// A new value; present (even null) means "set this value".
    package var value: SyncValue?
    /// Whether the body named a value.
    package var hasValue: Bool
    /// The reviewer's note.
    package var note: String?

    /// A request for `choice`.
    package init(choice: ConflictChoice, note: String?) {
        switch choice {
        case .hub: take = "hub"
        case .incoming: take = "incoming"
        case .value: take = nil
        }
        if case .value(let value) = choice {
            self.value = value
            hasValue = true
        } else {
            self.value = nil
            hasValue = false
        }
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case take, value, note
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        take = try container.decodeIfPresent(String.self, forKey: .take)
        hasValue = container.contains(.value)
        value = hasValue ? try container.decode(SyncValue.self, forKey: .value) : nil
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(take, forKey: .take)
        if hasValue { try container.encode(value ?? .null, forKey: .value) }
        try container.encodeIfPresent(note, forKey: .note)
    }

    /// The reviewer's choice, or a clear error.
    package func choice() throws(SyncError) -> ConflictChoice {
        switch (take, hasValue) {
        case ("hub"?, false): return .hub
        case ("incoming"?, false): return .incoming
        case (nil, true): return .value(value ?? .null)
        default: throw .malformed("resolve takes either \"take\": \"hub\" or \"incoming\", or a \"value\"")
        }
    }
}

/// The body of a request that has none (a GET).
package struct NoBody: WireEncodable, Sendable {
    package init() {}
}

/// The body of `GET /health`.
package struct HealthBody: WireEncodable, Sendable {
    package var status = "ok"
    package init() {}
}
