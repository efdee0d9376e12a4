/// The error body of every failed request.
package struct ErrorBody: Codable, Sendable, Hashable {
    /// The error.
    package struct Detail: Codable, Sendable, Hashable {
        /// A stable code: `invalid_input`, `unauthorized`, `forbidden`, `not_found`, …
        package var code: String
        /// A one-line message naming the field at fault where there is one.
        package var message: String

        package init(code: String, message: String) {
            self.code = code
            self.message = message
        }

        /// The code and message of `error`.
        package init(_ error: SyncError) {
            self.init(code: error.kind.rawValue, message: error.message)
        }
    }

    /// The error.
    package var error: Detail

    package init(error: Detail) {
        self.error = error
    }
}
