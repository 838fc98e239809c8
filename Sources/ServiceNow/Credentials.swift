/// How grcsync authenticates to a ServiceNow instance.
///
/// Secrets live only in memory: `description` never shows them, so a `Credentials` value can be
/// logged or printed by mistake without leaking anything.
public enum Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// HTTP basic authentication.
    case basic(username: String, password: String)
    /// OAuth 2 password grant against `/oauth_token.do`, with the access token refreshed as it expires.
    case oauthPassword(clientID: String, clientSecret: String, username: String, password: String)
    /// A bearer token obtained elsewhere (for example by a CI system).
    case bearer(token: String)

    /// The user name, where the credentials carry one.
    public var username: String? {
        switch self {
        case .basic(let username, _), .oauthPassword(_, _, let username, _): username
        case .bearer: nil
        }
    }

    public var description: String {
        switch self {
        case .basic(let username, _): "basic auth as \(username)"
        case .oauthPassword(let clientID, _, let username, _): "OAuth as \(username) (client \(clientID))"
        case .bearer: "bearer token"
        }
    }

    public var debugDescription: String { description }
}
