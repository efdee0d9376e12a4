/// What this build is, for `--version` and the devices list.
package enum BuildInfo {
    /// The release of `ntm` and `ntm-hub`.
    package static let version = "0.2.0"

    /// `0.2.0 (protocol 1, schema 2)`.
    package static var description: String {
        "\(version) (protocol \(SyncProtocol.version), schema \(ReplicatedSchema.version))"
    }
}
