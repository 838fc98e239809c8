import Foundation

/// Access and refresh tokens issued by `/oauth_token.do`.
struct OAuthTokens: Sendable {
    private struct Grant {
        var user: String
        var expires: Date
    }

    private var access: [String: Grant] = [:]
    private var refresh: [String: Grant] = [:]

    /// Refresh tokens live 100 days, as ServiceNow's default.
    static let refreshLifetime: TimeInterval = 100 * 24 * 3600

    mutating func issue(user: String, lifetime: TimeInterval, refreshToken: String?, now: Date) -> (access: String, refresh: String) {
        let accessToken = Self.token()
        access[accessToken] = Grant(user: user, expires: now.addingTimeInterval(lifetime))
        let refreshToken = refreshToken ?? Self.token()
        if refresh[refreshToken] == nil {
            refresh[refreshToken] = Grant(user: user, expires: now.addingTimeInterval(Self.refreshLifetime))
        }
        return (accessToken, refreshToken)
    }

    func user(forAccessToken token: String, now: Date) -> String? {
        guard let grant = access[token], grant.expires > now else { return nil }
        return grant.user
    }

    func user(forRefreshToken token: String, now: Date) -> String? {
        guard let grant = refresh[token], grant.expires > now else { return nil }
        return grant.user
    }

    /// Makes every access token expired (refresh tokens stay valid).
    mutating func expireAccessTokens() {
        access.removeAll()
    }

    private static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in SysIDGenerator.hex(generator.next()) }.joined()
    }
}
