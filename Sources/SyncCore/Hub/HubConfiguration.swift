/// Settings of a hub store.
package struct HubConfiguration: Sendable {
    /// How far in the future a change's stamp may be before the hub clamps it to its own
    /// clock. Default: 5 minutes.
    package var maxFutureSkewMilliseconds: Int64 = 5 * 60 * 1000
    /// The most changes one push may carry. Default: 1,000.
    package var maxPushChanges: Int = 1_000
    /// The most entries one pull page returns, whatever the replica asks. Default: 1,000.
    package var maxPullEntries: Int = 1_000

    /// The most bytes of attachment content one hamlet's attachments hold at the hub (each
    /// content counted once, with the uploads under way). Default: 4 GiB, years of photos
    /// and scans of signed records.
    package var maxAttachmentBytesPerHamlet: Int64 = 4 << 30

    /// The most database pages the hub file may grow to (`PRAGMA max_page_count`), standing
    /// in for a small disk. Default: nil, no limit but the disk's.
    package var maxPageCount: Int? = nil

    /// The schema version the hub file is brought to and serves. This build's own but in
    /// tests and simulations of a hub not yet updated.
    package var schemaVersion: Int = ReplicatedSchema.version

    /// The defaults.
    package init() {}
}
