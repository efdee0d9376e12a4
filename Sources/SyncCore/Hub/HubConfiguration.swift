/// Settings of a hub store.
package struct HubConfiguration: Sendable {
    /// How far in the future a change's stamp may be before the hub clamps it to its own
    /// clock. Default: 5 minutes.
    package var maxFutureSkewMilliseconds: Int64 = 5 * 60 * 1000
    /// The most changes one push may carry. Default: 1,000.
    package var maxPushChanges: Int = 1_000
    /// The most entries one pull page returns, whatever the replica asks. Default: 1,000.
    package var maxPullEntries: Int = 1_000

    /// The defaults.
    package init() {}
}
