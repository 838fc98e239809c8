import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import ServiceNow

/// The OAuth password grant, token caching and renewal.
struct OAuthTests {
    /// A token endpoint and a table behind it: tokens are `access-1`, `access-2`, ...
    final class TokenServer: Sendable {
        let log = RequestLog()
        let grants = Locked<[String]>([])
        let issued = Locked(0)
        let expiresIn: Int
        /// Access tokens the table refuses although they have not expired (revoked).
        let revoked: Locked<Set<String>>
        let refuseRefresh: Bool

        init(expiresIn: Int = 1799, revoked: Set<String> = [], refuseRefresh: Bool = false) {
            self.expiresIn = expiresIn
            self.revoked = Locked(revoked)
            self.refuseRefresh = refuseRefresh
        }

        var transport: HTTPTransport {
            { request in
                self.log.append(request)
                if request.url?.path == "/oauth_token.do" {
                    let form = String(decoding: request.httpBody ?? Data(), as: UTF8.self)
                    var fields: [String: String] = [:]
                    for pair in form.split(separator: "&") {
                        let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                        if parts.count == 2 { fields[parts[0]] = parts[1] }
                    }
                    let grant = fields["grant_type"] ?? "?"
                    self.grants.withLock { $0.append(grant) }
                    let valid = fields["client_id"] == "cid" && fields["client_secret"] == "c-secret"
                        && (grant == "password" ? fields["username"] == "grc.sync" && fields["password"] == "pa55 word&=" :
                            fields["refresh_token"]?.hasPrefix("refresh-") == true && !self.refuseRefresh)
                    guard valid, request.value(forHTTPHeaderField: "Content-Type") == "application/x-www-form-urlencoded" else {
                        return try Fake.response(request, status: 401, body: #"{"error":"server_error","error_description":"access_denied"}"#)
                    }
                    let number = self.issued.withLock { count in
                        count += 1
                        return count
                    }
                    return try Fake.response(request, status: 200, body: """
                        {"access_token":"access-\(number)","refresh_token":"refresh-\(number)","scope":"useraccount","token_type":"Bearer","expires_in":\(self.expiresIn)}
                        """)
                }
                let authorization = request.value(forHTTPHeaderField: "Authorization") ?? ""
                let token = String(authorization.dropFirst("Bearer ".count))
                guard authorization.hasPrefix("Bearer access-"), !self.revoked.withLock({ $0.contains(token) }) else {
                    return try Fake.response(request, status: 401, body: #"{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}"#)
                }
                if request.url?.path.hasSuffix("/a1") == true {
                    return try Fake.response(request, status: 200, body: #"{"result":{"sys_id":"a1","token":"\#(token)"}}"#)
                }
                return try Fake.response(request, status: 200, body: #"{"result":[]}"#)
            }
        }
    }

    static let credentials = Credentials.oauthPassword(clientID: "cid", clientSecret: "c-secret", username: "grc.sync", password: "pa55 word&=")

    @Test func passwordGrantTokenIsFetchedOnceAndReused() async throws {
        let server = TokenServer()
        let client = Fake.client(server.transport, credentials: Self.credentials)
        for _ in 0..<3 {
            let record = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
            #expect(record["token"] == "access-1")
        }
        #expect(server.grants.withLock { $0 } == ["password"])
        #expect(client.statistics.byMethod == ["POST": 1, "GET": 3])
    }

    @Test func concurrentRequestsShareOneTokenRequest() async throws {
        let server = TokenServer()
        let client = Fake.client(server.transport, credentials: Self.credentials) { $0.batchSize = 5 }
        _ = try await client.fetch(table: "sn_compliance_control", sysIDs: (0..<40).map { "id\($0)" }, fields: [])
        #expect(server.grants.withLock { $0 } == ["password"])
        #expect(client.statistics.byMethod == ["POST": 1, "GET": 8])
    }

    @Test func expiringTokenIsRenewedWithTheRefreshToken() async throws {
        // A token that lives 0 s is always within the renewal margin.
        let server = TokenServer(expiresIn: 0)
        let client = Fake.client(server.transport, credentials: Self.credentials)
        let first = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        let second = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        #expect(first["token"] == "access-1")
        #expect(second["token"] == "access-2")
        #expect(server.grants.withLock { $0 } == ["password", "refresh_token"])
    }

    @Test func refusedRefreshFallsBackToPasswordGrant() async throws {
        let server = TokenServer(expiresIn: 0, refuseRefresh: true)
        let client = Fake.client(server.transport, credentials: Self.credentials)
        _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        let second = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        #expect(second["token"] == "access-2")
        #expect(server.grants.withLock { $0 } == ["password", "refresh_token", "password"])
    }

    @Test func rejectedTokenIsRenewedOnceThen401Stops() async throws {
        let server = TokenServer(revoked: ["access-1"])
        let client = Fake.client(server.transport, credentials: Self.credentials)
        let record = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        #expect(record["token"] == "access-2")
        #expect(server.grants.withLock { $0 } == ["password", "refresh_token"])

        server.revoked.withLock { $0 = ["access-2", "access-3"] }
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        }
        #expect(error.kind == .authentication)
        #expect(server.grants.withLock { $0 } == ["password", "refresh_token", "refresh_token"])
    }

    @Test func badClientSecretIsAnAuthenticationErrorWithoutSecrets() async throws {
        let server = TokenServer()
        let credentials = Credentials.oauthPassword(clientID: "cid", clientSecret: "wrong-secret", username: "grc.sync", password: "pa55 word&=")
        let client = Fake.client(server.transport, credentials: credentials)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        }
        #expect(error.kind == .authentication)
        #expect(error.message == "access_denied")
        #expect(error.path == "/oauth_token.do")
        #expect(error.account == "grc.sync")
        for secret in ["wrong-secret", "pa55"] {
            #expect(!error.description.contains(secret))
            #expect(!"\(error)".contains(secret))
        }
        #expect(server.log.all.count == 1)
    }
}
