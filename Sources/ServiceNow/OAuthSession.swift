import Foundation

/// The OAuth access token of one client: fetched with the password grant, cached, and renewed shortly
/// before it expires or when the server rejects it — with the refresh token when there is one, else
/// with the password grant again. Concurrent requests share one renewal.
actor OAuthSession {
    private let clientID: String
    private let clientSecret: String
    private let username: String
    private let password: String
    private var token: OAuthToken?
    private var renewal: Task<OAuthToken, any Error>?

    init(clientID: String, clientSecret: String, username: String, password: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.username = username
        self.password = password
    }

    /// A token that is valid for a while yet.
    /// - Parameter client: sends the token requests; passed per call so the session holds no reference
    ///   back to the client that owns it.
    func accessToken(via client: ServiceNowClient) async throws -> String {
        if let token, !token.isExpiring() { return token.accessToken }
        if let renewal { return try await renewal.value.accessToken }
        let previous = token
        let task = Task { try await self.renew(previous, via: client) }
        renewal = task
        defer { renewal = nil }
        let fresh = try await task.value
        token = fresh
        return fresh.accessToken
    }

    /// Forgets `accessToken` after the server rejected it, so that the next request renews it.
    func reject(_ accessToken: String) {
        if token?.accessToken == accessToken {
            token?.expiresAt = .now
        }
    }

    private func renew(_ previous: OAuthToken?, via client: ServiceNowClient) async throws -> OAuthToken {
        if let refreshToken = previous?.refreshToken {
            do {
                return try await client.requestToken([
                    ("grant_type", "refresh_token"), ("client_id", clientID),
                    ("client_secret", clientSecret), ("refresh_token", refreshToken),
                ])
            } catch let error as ServiceNowError where error.kind == .authentication || error.kind == .badRequest {
                // The refresh token expired or was revoked: fall through to the password grant.
            }
        }
        return try await client.requestToken([
            ("grant_type", "password"), ("client_id", clientID), ("client_secret", clientSecret),
            ("username", username), ("password", password),
        ])
    }
}

/// An access token from `/oauth_token.do`.
struct OAuthToken: Sendable {
    var accessToken: String
    var refreshToken: String?
    var expiresAt: ContinuousClock.Instant

    /// Whether the token expires within the renewal margin: a tenth of its lifetime, at most 60 s.
    func isExpiring(now: ContinuousClock.Instant = .now) -> Bool {
        now >= expiresAt - margin
    }

    var margin: Duration = .seconds(60)

    /// Reads `{"access_token","refresh_token","token_type","expires_in","scope"}`; `expires_in` may be
    /// a number or a string.
    init?(json body: Data, receivedAt: ContinuousClock.Instant = .now) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let access = object["access_token"] as? String, !access.isEmpty
        else { return nil }
        accessToken = access
        refreshToken = (object["refresh_token"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let lifetime: Double =
            (object["expires_in"] as? NSNumber)?.doubleValue
            ?? (object["expires_in"] as? String).flatMap { Double($0) }
            ?? 1800
        expiresAt = receivedAt + .seconds(lifetime)
        margin = .seconds(min(60, lifetime / 10))
    }
}
