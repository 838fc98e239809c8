import Foundation
import ServiceNowEmulator
import Testing

/// Basic auth for several users and OAuth (password and refresh grants, expiry).
@Suite struct AuthTests {
    static let options = EmulatorOptions(
        users: [EmulatorUser(name: "admin", password: "admin"), EmulatorUser(name: "alice", password: "s3cret")],
        oauthClients: [EmulatorOAuthClient(id: "grcsync", secret: "client-secret")], seed: .empty)

    func token(_ client: EmulatorClient, _ form: String) async throws -> HTTPAnswer {
        var anonymous = client
        anonymous.user = nil
        return try await anonymous.send(
            "POST", "/oauth_token.do", body: Data(form.utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
    }

    @Test func basicAuthForEachUserAndMissingCredentials() async throws {
        try await withEmulator(Self.options) { server, client in
            var alice = client
            alice.user = "alice"
            alice.password = "s3cret"
            #expect(try await alice.get("sys_user").status == 200)
            #expect(try await client.get("sys_user").status == 200)
            var anonymous = client
            anonymous.user = nil
            anonymous.viaCurl = true
            let missing = try await anonymous.get("sys_user")
            #expect(missing.status == 401)
            #expect(missing.headers["www-authenticate"] == "Basic realm=\"Service-now\"")
            #expect(server.requestLog().map(\.user) == ["alice", "admin", nil])
        }
    }

    @Test func passwordAndRefreshGrantsAndExpiry() async throws {
        try await withEmulator(Self.options) { server, client in
            let form = "grant_type=password&client_id=grcsync&client_secret=client-secret&username=alice&password=s3cret"
            let granted = try await token(client, form)
            #expect(granted.status == 200)
            let body = try #require(granted.json as? [String: Any])
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["expires_in"] as? Int == 1799)
            let access = try #require(body["access_token"] as? String)
            let refresh = try #require(body["refresh_token"] as? String)
            var bearer = client
            bearer.bearer = access
            #expect(try await bearer.get("sys_user").status == 200)
            #expect(server.requestLog().last?.user == "alice")

            server.expireAccessTokens()
            bearer.viaCurl = true
            let expired = try await bearer.get("sys_user")
            #expect(expired.status == 401)
            #expect(expired.headers["www-authenticate"] == "Basic realm=\"Service-now\"")

            let renewed = try await token(client, "grant_type=refresh_token&client_id=grcsync&client_secret=client-secret&refresh_token=\(refresh)")
            #expect(renewed.status == 200)
            bearer.bearer = try #require((renewed.json as? [String: Any])?["access_token"] as? String)
            bearer.viaCurl = false
            #expect(try await bearer.get("sys_user").status == 200)

            let wrongPassword = try await token(client, "grant_type=password&client_id=grcsync&client_secret=client-secret&username=alice&password=no")
            #expect(wrongPassword.status == 401)
            #expect(wrongPassword.text == #"{"error":"server_error","error_description":"access_denied"}"#)
            let wrongClient = try await token(client, "grant_type=password&client_id=grcsync&client_secret=bad&username=alice&password=s3cret")
            #expect(wrongClient.status == 401)
        }
    }

    @Test func accessTokensExpireByThemselves() async throws {
        var options = Self.options
        options.accessTokenLifetime = .milliseconds(300)
        try await withEmulator(options) { _, client in
            let granted = try await token(client, "grant_type=password&client_id=grcsync&client_secret=client-secret&username=admin&password=admin")
            var bearer = client
            bearer.bearer = try #require((granted.json as? [String: Any])?["access_token"] as? String)
            #expect(try await bearer.get("sys_user").status == 200)
            try await Task.sleep(for: .milliseconds(600))
            bearer.viaCurl = true
            #expect(try await bearer.get("sys_user").status == 401)
        }
    }
}
