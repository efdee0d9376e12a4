import Crypto
import Foundation

/// A bearer token as issued: `ntm_<id>_<secret>`. The hub stores only the id and the
/// SHA-256 of the secret, and compares digests in constant time.
package struct AccessToken: Sendable, Hashable {
    /// The public half: looks the token up.
    package let id: String
    /// The secret half: shown once, never stored.
    package let secret: String

    /// A fresh random token.
    package static func generate() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        func random(_ count: Int) -> String {
            (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        }
        return AccessToken(id: random(8), secret: random(32))
    }

    /// Parses `ntm_<id>_<secret>`; nil for anything else.
    package init?(_ text: String) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "ntm", parts[1].count == 16, parts[2].count == 64,
            parts[1].allSatisfy(\.isHexDigit), parts[2].allSatisfy(\.isHexDigit)
        else { return nil }
        self.id = String(parts[1])
        self.secret = String(parts[2])
    }

    private init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// The token as the holder types it.
    package var text: String { "ntm_\(id)_\(secret)" }

    /// The SHA-256 of the secret, hex.
    package var secretDigest: String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `digest` is this token's secret digest, comparing every byte whatever the
    /// first difference.
    package func matches(digest: String) -> Bool {
        let expected = Array(secretDigest.utf8)
        let given = Array(digest.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }
}
