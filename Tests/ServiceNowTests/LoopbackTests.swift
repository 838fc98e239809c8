import Foundation
import Testing
@testable import ServiceNow

/// The default URLSession transport over real loopback sockets.
@Suite(.serialized)
struct LoopbackTests {
    @Test func listsAndUpdatesOverHTTP() async throws {
        let server = try LoopbackServer(answers: [
            LoopbackServer.answer(status: 200, headers: ["Content-Type": "application/json", "X-Total-Count": "2"],
                                  body: #"{"result":[{"sys_id":"a1","sys_mod_count":"1"},{"sys_id":"b2","sys_mod_count":"5"}]}"#),
            LoopbackServer.answer(status: 200, headers: ["Content-Type": "application/json"],
                                  body: #"{"result":{"sys_id":"a1","sys_mod_count":"2"}}"#),
        ])
        defer { server.stop() }
        let client = ServiceNowClient(configuration: ServiceNowConfiguration(
            instance: server.url, credentials: .basic(username: "grc.sync", password: "pa55word")))
        let records = try await client.list(table: "sn_compliance_control", query: nil, fields: ["sys_mod_count"])
        #expect(records.map(\.modCount) == [1, 5])
        let updated = try await client.update(table: "sn_compliance_control", sysID: "a1", fields: ["state": "draft"], returning: ["sys_mod_count"])
        #expect(updated.modCount == 2)
        let requests = server.requests.withLock { $0 }
        #expect(requests.count == 2)
        #expect(requests.first?.hasPrefix("GET /api/now/table/sn_compliance_control?sysparm_query=ORDERBYsys_id&") == true)
        #expect(requests.last?.hasPrefix("PATCH /api/now/table/sn_compliance_control/a1?sysparm_fields=sys_mod_count") == true)
        #expect(requests.allSatisfy { $0.lowercased().contains("accept: application/json") })
    }

    @Test func silentServerTimesOut() async throws {
        let server = try LoopbackServer(answers: [nil])
        defer { server.stop() }
        var configuration = ServiceNowConfiguration(instance: server.url, credentials: .bearer(token: "t0ken"))
        configuration.requestTimeout = .seconds(1)
        configuration.retry.maxAttempts = 1
        let client = ServiceNowClient(configuration: configuration)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        }
        #expect(error.kind == .timeout)
        #expect(error.isRetryable)
    }

    @Test func refusedConnectionIsANetworkError() async throws {
        let server = try LoopbackServer(answers: [])
        let url = server.url
        server.stop()
        var configuration = ServiceNowConfiguration(instance: url, credentials: .bearer(token: "t0ken"))
        configuration.retry.maxAttempts = 1
        let client = ServiceNowClient(configuration: configuration)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        }
        #expect(error.kind == .network)
        #expect(!error.description.contains("t0ken"))
    }
}
