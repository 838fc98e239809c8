/// Credentials that could not be found, saying which variable to set or which netrc entry to add.
///
/// It never contains a secret: only variable names, the host, a user name, and netrc line numbers.
public struct CredentialError: Error, Equatable, CustomStringConvertible {
    /// What is missing or broken.
    public enum Kind: Sendable, Equatable {
        /// No user name in `GRCSYNC_USERNAME`, `auth.username` or netrc.
        case missingUsername
        /// No password in `GRCSYNC_PASSWORD` or netrc.
        case missingPassword
        /// No OAuth client secret in `GRCSYNC_CLIENT_SECRET` or netrc's `account`.
        case missingClientSecret
        /// The netrc file is malformed or cannot be read.
        case netrc(NetrcError)
    }

    /// What is missing or broken.
    public var kind: Kind
    /// The instance's host name.
    public var host: String
    /// The whole explanation, with what to do next.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, host: String, message: String) {
        self.kind = kind
        self.host = host
        self.message = message
    }

    public var description: String { message }
}
