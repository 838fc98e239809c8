import Foundation
import Hummingbird

/// `POST /oauth_token.do`: the password and refresh_token grants, form-encoded, as ServiceNow answers them.
struct OAuthEndpoint {
    let core: EmulatorCore

    func respond(to request: Request, log entry: inout LoggedRequest) async throws -> Response {
        guard request.method == .post else {
            return TableAPIResponse.error(.methodNotAllowed, "Method not Supported", "POST a form to /oauth_token.do")
        }
        var request = request
        let body = try await request.collectBody(upTo: 1024 * 1024)
        let form = QueryParameters(String(decoding: body.readableBytesView, as: UTF8.self))
        if !core.oauthClients.isEmpty {
            guard let id = form["client_id"], let secret = form["client_secret"], core.oauthClients[id] == secret
            else { return denied() }
        }
        let now = Date()
        let user: String
        var refreshToken: String?
        switch form["grant_type"] {
        case "password":
            guard let name = form["username"], let password = form["password"], core.passwords[name] == password
            else { return denied() }
            user = name
        case "refresh_token":
            guard let token = form["refresh_token"],
                let name = core.tokens.withLock({ $0.user(forRefreshToken: token, now: now) })
            else { return denied() }
            user = name
            refreshToken = token
        default:
            return TableAPIResponse.json(
                .badRequest, #"{"error":"unsupported_grant_type","error_description":"use password or refresh_token"}"#)
        }
        entry.user = user
        let lifetime = core.accessTokenLifetime
        let issued = core.tokens.withLock { $0.issue(user: user, lifetime: lifetime, refreshToken: refreshToken, now: now) }
        var json = JSONText()
        json.raw("{\"access_token\":")
        json.string(issued.access)
        json.raw(",\"refresh_token\":")
        json.string(issued.refresh)
        json.raw(",\"scope\":\"useraccount\",\"token_type\":\"Bearer\",\"expires_in\":\(Int(lifetime.rounded()))}")
        return TableAPIResponse.json(.ok, json.text)
    }

    private func denied() -> Response {
        TableAPIResponse.json(.unauthorized, #"{"error":"server_error","error_description":"access_denied"}"#)
    }
}
