/// How grcsync signs in to ServiceNow: the non-secret half of the credentials.
///
/// Passwords, tokens and client secrets never live here; ``CredentialResolver`` finds them.
public struct AuthSettings: Sendable, Equatable {
    /// The sign-in protocol.
    public enum Method: Sendable, Equatable {
        /// HTTP basic authentication with a user name and password.
        case basic
        /// The OAuth 2 password grant, with this OAuth application's client id.
        case oauth(clientID: String)
    }

    /// The sign-in protocol; `.basic` unless the config says otherwise.
    public var method: Method
    /// The ServiceNow user name, when it is kept in config rather than in `GRCSYNC_USERNAME` or netrc.
    public var username: String?

    /// Creates auth settings; the default is basic authentication with the user name from elsewhere.
    public init(method: Method = .basic, username: String? = nil) {
        self.method = method
        self.username = username
    }
}
