import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import ServiceNow

/// The client against real ServiceNow answers, replayed from the HAR recordings.
@Suite(.enabled(if: RecordedTraffic.available, RecordedTraffic.skipReason))
struct RecordedTrafficTests {
    func client(_ traffic: RecordedTraffic, log: RequestLog, pageSize: Int = 500,
                rewrite: @escaping @Sendable (inout RecordedTraffic.Exchange) -> Void = { _ in }) -> ServiceNowClient {
        client(transport: traffic.transport(log: log, rewrite: rewrite), pageSize: pageSize)
    }

    func client(transport: @escaping HTTPTransport, pageSize: Int = 500) -> ServiceNowClient {
        var configuration = ServiceNowConfiguration(
            instance: Fake.instance, credentials: .basic(username: "admin", password: "s3cret"))
        configuration.pageSize = pageSize
        return ServiceNowClient(configuration: configuration, transport: transport, sleep: { _ in })
    }

    @Test func everyRecordedBodyParsesIntoRecords() throws {
        for name in ["bad-credentials-401.har", "limit-1-pagination-links.har", "empty-result-and-single-record.har",
                     "two-page-walk-500-plus-126.har"] {
            for exchange in try RecordedTraffic(name).exchanges where exchange.status == 200 {
                let json = try #require(try JSONSerialization.jsonObject(with: exchange.body) as? [String: Any])
                let rows: [[String: Any]]
                let decoded: [Record]
                if let list = json["result"] as? [[String: Any]] {
                    rows = list
                    decoded = try JSONDecoder().decode([String: [Record]].self, from: exchange.body)["result"] ?? []
                } else {
                    rows = [try #require(json["result"] as? [String: Any])]
                    decoded = [try #require(try JSONDecoder().decode([String: Record].self, from: exchange.body)["result"])]
                }
                #expect(decoded.count == rows.count, "\(name) \(exchange.path)")
                for (row, record) in zip(rows, decoded) {
                    #expect(Set(row.keys) == Set(record.fields.keys))
                    for (field, raw) in row {
                        switch raw {
                        case let string as String:
                            #expect(record.fields[field] == .string(string), "\(name): \(field)")
                        case let reference as [String: String]:
                            #expect(record.fields[field] == .reference(value: reference["value"] ?? "", link: reference["link"]),
                                    "\(name): \(field)")
                        default:
                            Issue.record("\(name): \(field) has an unexpected shape \(type(of: raw))")
                        }
                    }
                }
            }
        }
    }

    @Test func twoPageWalkWithTotalCountTakesExactlyTwoRequests() async throws {
        let log = RequestLog()
        let client = client(try RecordedTraffic("two-page-walk-500-plus-126.har"), log: log)
        let progress = Locked<[Int]>([])
        let records = try await client.list(table: "sys_user", query: nil, fields: []) { done, total in
            #expect(total == 626)
            progress.withLock { $0.append(done) }
        }
        #expect(records.count == 626)
        #expect(log.all.count == 2)
        #expect(Set(log.parameter("sysparm_offset")) == ["0", "500"])
        #expect(log.parameter("sysparm_exclude_reference_link") == ["true", "true"])
        #expect(progress.withLock { $0.last } == 626)
        #expect(Set(records.compactMap(\.sysID)).count == 626)
        #expect(records.first?.updatedOn == "2024-04-14 19:29:09")
        #expect(client.statistics.requests == 2)
        #expect(client.statistics.retries == 0)
        #expect(client.statistics.bytesReceived > 1_000_000)
    }

    @Test func twoPageWalkWithoutTotalCountFollowsNextLink() async throws {
        let log = RequestLog()
        let client = client(try RecordedTraffic("two-page-walk-500-plus-126.har"), log: log) { exchange in
            exchange.headers["x-total-count"] = nil
        }
        let records = try await client.list(table: "sys_user", query: nil, fields: [])
        #expect(records.count == 626)
        #expect(log.parameter("sysparm_offset") == ["0", "500"])
    }

    @Test func limitOnePageIgnoresNegativePrevLink() async throws {
        let traffic = try RecordedTraffic("limit-1-pagination-links.har")
        let header = try #require(traffic.exchanges.first?.headers["link"])
        let link = LinkHeader(header)
        #expect(link.links["prev"]?.absoluteString.hasSuffix("sysparm_offset=-1") == true)
        #expect(link.nextOffset(after: 0) == 1)

        // Without X-Total-Count the client follows `next` to offset 1, never `prev` to -1. The second
        // page is not recorded: an empty page stands in for it and ends the walk.
        let log = RequestLog()
        let replay = traffic.transport(log: log) { exchange in exchange.headers["x-total-count"] = nil }
        let client = client(transport: { request in
            if request.url?.query?.contains("sysparm_offset=1") == true {
                log.append(request)
                return try Fake.response(request, status: 200, body: #"{"result":[]}"#)
            }
            return try await replay(request)
        }, pageSize: 1)
        let records = try await client.list(table: "sys_user", query: nil, fields: [])
        #expect(records.count == 1)
        #expect(log.parameter("sysparm_offset") == ["0", "1"])
    }

    @Test func probeReportsTotalCountAndFields() async throws {
        let log = RequestLog()
        let client = client(try RecordedTraffic("limit-1-pagination-links.har"), log: log)
        let probe = try await client.probe(table: "sys_user")
        #expect(probe.status == 200)
        #expect(probe.totalCount == 626)
        #expect(probe.sampleFields.contains("sys_mod_count"))
        #expect(probe.sampleFields == probe.sampleFields.sorted())
        #expect(probe.rateLimit == RateLimitInfo())
    }

    @Test func emptyResultIsAnEmptyList() async throws {
        let log = RequestLog()
        let client = client(try RecordedTraffic("empty-result-and-single-record.har"), log: log)
        let records = try await client.list(table: "sys_db_object", query: "name=invalid-parent1", fields: ["super_class", "name"])
        #expect(records.isEmpty)
        #expect(log.all.count == 1)
        #expect(log.parameter("sysparm_query") == ["name=invalid-parent1^ORDERBYsys_id"])
    }

    @Test func listWithNameFilterReturnsReference() async throws {
        let log = RequestLog()
        let client = client(try RecordedTraffic("empty-result-and-single-record.har"), log: log)
        let records = try await client.list(table: "sys_db_object", query: "name=cmdb_ci_computer", fields: ["super_class", "name"])
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record["name"] == "cmdb_ci_computer")
        #expect(record["super_class"] == "b662e48e1802021076dae3f117ba1e90")
        #expect(record.fields["super_class"] == .reference(
            value: "b662e48e1802021076dae3f117ba1e90",
            link: "https://dev215226.service-now.com/api/now/table/sys_db_object/b662e48e1802021076dae3f117ba1e90"))
    }

    @Test func singleGetByID() async throws {
        let log = RequestLog()
        let client = client(try RecordedTraffic("empty-result-and-single-record.har"), log: log)
        let record = try await client.get(table: "sys_db_object", sysID: "7342e44e1802021076dae3f117ba1ef0", fields: ["super_class", "name"])
        #expect(record["name"] == "cmdb")
        #expect(record.fields["super_class"] == .string(""))
        #expect(log.all.count == 1)
        #expect(log.all.first?.url?.path == "/api/now/table/sys_db_object/7342e44e1802021076dae3f117ba1ef0")
    }

    @Test func badCredentialsAreAnAuthenticationErrorWithoutRetry() async throws {
        let log = RequestLog()
        let client = client(try RecordedTraffic("bad-credentials-401.har"), log: log)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.probe(table: "sys_user")
        }
        #expect(error.kind == .authentication)
        #expect(error.status == 401)
        #expect(error.message == "User Not Authenticated")
        #expect(error.detail == "Required to provide Auth information")
        #expect(error.request == "GET /api/now/table/sys_user")
        #expect(!error.isRetryable)
        #expect(error.description.contains("admin"))
        #expect(!error.description.contains("s3cret"))
        #expect(log.all.count == 1)
        #expect(client.statistics.retries == 0)
        let authorization = try #require(log.all.first?.value(forHTTPHeaderField: "Authorization"))
        #expect(authorization == "Basic " + Data("admin:s3cret".utf8).base64EncodedString())
        #expect(log.all.first?.value(forHTTPHeaderField: "Accept") == "application/json")
    }
}
