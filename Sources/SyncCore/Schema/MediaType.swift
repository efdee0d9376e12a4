/// What an attachment may be (DESIGN.md §8): a photo (JPEG, PNG) or a scan (PDF), told by
/// its first bytes, never by its name.
package enum MediaType: String, Sendable, Hashable, Codable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case pdf = "application/pdf"

    /// The largest attachment: 10 MiB.
    package static let maxBytes = 10 << 20

    /// The type `bytes` start as, or nil when they are none of the three.
    package static func of(_ bytes: some Collection<UInt8>) -> MediaType? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// The usual file extension.
    package var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .pdf: "pdf"
        }
    }
}
