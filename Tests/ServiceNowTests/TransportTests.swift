import Foundation
import Testing
@testable import ServiceNow

/// The URLSession transport's connections: one session (and one kept-alive connection) per request
/// in flight, each reused.
@Suite(.serialized)
struct TransportTests {
    @Test func concurrentWritesReuseOneConnectionPerSlot() async throws {
        let server = try KeepAliveServer()
        defer { server.stop() }
        var configuration = ServiceNowConfiguration(
            instance: server.url, credentials: .basic(username: "grc.sync", password: "pa55word"))
        configuration.concurrency = 3
        let client = ServiceNowClient(configuration: configuration)
        let counts = try await withThrowingTaskGroup(of: Int?.self) { group in
            for index in 0..<24 {
                group.addTask {
                    try await client.update(
                        table: "sn_compliance_control", sysID: "a1", fields: ["implementation_statement": "<p>\(index)</p>"],
                        returning: ["sys_mod_count"]
                    ).modCount
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.count == 24)
        #expect(counts.allSatisfy { $0 == 2 })
        let perConnection = server.requestsPerConnection.withLock { $0 }
        // Three writes in flight at a time: three connections, each carrying several writes.
        #expect(perConnection.count == 3)
        #expect(perConnection.reduce(0, +) == 24)
        #expect(perConnection.allSatisfy { $0 > 1 })
    }

    @Test func sessionsMatchTheConcurrency() {
        #expect(URLSessionTransport(concurrency: 5, timeout: .seconds(5)).sessionCount == 5)
        #expect(URLSessionTransport(concurrency: 0, timeout: .seconds(5)).sessionCount == 1)
    }

    /// Each session has its own challenge decliner: a 401 answered on any connection comes back as an
    /// authentication error instead of FoundationNetworking waiting for credentials.
    @Test func unauthorizedOnEveryConnectionIsAnAuthenticationError() async throws {
        let server = try KeepAliveServer(
            status: 401,
            headers: ["Content-Type": "application/json", "WWW-Authenticate": #"BASIC realm="Service-now""#],
            body: #"{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}"#)
        defer { server.stop() }
        var configuration = ServiceNowConfiguration(
            instance: server.url, credentials: .basic(username: "grc.sync", password: "pa55word"))
        configuration.concurrency = 3
        configuration.requestTimeout = .seconds(10)
        configuration.retry.maxAttempts = 1
        let client = ServiceNowClient(configuration: configuration)
        let kinds = await withTaskGroup(of: ServiceNowError.Kind?.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    do {
                        _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
                        return nil
                    } catch let error as ServiceNowError {
                        return error.kind
                    } catch {
                        return nil
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(kinds.count == 6)
        #expect(kinds.allSatisfy { $0 == .authentication })
    }
}
