import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import ServiceNow

/// Which failures are retried, how long the client waits, and which fail at once.
struct RetryTests {
    @Test func rateLimitedRequestWaitsForRetryAfter() async throws {
        let script = ScriptedTransport([
            .respond(status: 429, headers: ["Retry-After": "7", "X-RateLimit-Limit": "5000", "X-RateLimit-Rule": "table-api"],
                     body: #"{"error":{"message":"Rate limit exceeded","detail":null},"status":"failure"}"#),
            .respond(status: 429, headers: ["Retry-After": "900"], body: #"{"error":{"message":"Rate limit exceeded"},"status":"failure"}"#),
        ])
        let sleeps = Locked<[Duration]>([])
        let client = Fake.client(script.transport, sleeps: sleeps)
        let record = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        #expect(record.sysID == "a1")
        // Retry-After is used as sent, but capped at RetryPolicy.maxRetryAfter (120 s).
        #expect(sleeps.withLock { $0 } == [.seconds(7), .seconds(120)])
        #expect(client.statistics == RequestStatistics(requests: 3, retries: 2, byMethod: ["GET": 3], bytesReceived: client.statistics.bytesReceived))
    }

    @Test func sleepingInstanceTimeoutsAndServerErrorsAreRetriedWithBoundedBackoff() async throws {
        let script = ScriptedTransport([
            .respond(status: 503, headers: ["Content-Type": "text/html"], body: Fake.sleepingInstancePage),
            .fail(.timedOut),
            .fail(.networkConnectionLost),
            .respond(status: 502, headers: ["Content-Type": "text/html"], body: "<html><body>Bad gateway</body></html>"),
        ])
        let sleeps = Locked<[Duration]>([])
        let client = Fake.client(script.transport, sleeps: sleeps)
        _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: ["sys_mod_count"])
        let waits = sleeps.withLock { $0 }
        #expect(waits.count == 4)
        // Full jitter: retry n waits somewhere in 0 ... 0.5 s · 2^(n−1).
        for (index, wait) in waits.enumerated() {
            #expect(wait >= .zero && wait <= .milliseconds(500) * (1 << index), "retry \(index + 1) waited \(wait)")
        }
        #expect(client.statistics.retries == 4)
        #expect(client.statistics.requests == 5)
    }

    @Test func givesUpAfterMaxAttemptsWithTheLastError() async throws {
        let asleep = ScriptedTransport.Step.respond(status: 503, headers: ["Content-Type": "text/html"], body: Fake.sleepingInstancePage)
        let script = ScriptedTransport(Array(repeating: asleep, count: 10))
        let client = Fake.client(script.transport) { $0.retry.maxAttempts = 3 }
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        }
        #expect(error.kind == .instanceAsleep)
        #expect(error.description.contains("wake it from the developer portal"))
        #expect(script.log.all.count == 3)
    }

    @Test func sleepingPageServedWith200IsRecognised() async throws {
        let script = ScriptedTransport([.respond(status: 200, headers: ["Content-Type": "text/html"], body: Fake.sleepingInstancePage)])
        let client = Fake.client(script.transport)
        let record = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        #expect(record.modCount == 3)
        #expect(client.statistics.retries == 1)
    }

    @Test func loginPageIsAnInvalidResponseWithASnippet() async throws {
        let script = ScriptedTransport([.respond(
            status: 200, headers: ["Content-Type": "text/html"], body: "<html><body><h1>Sign in with SSO</h1></body></html>")])
        let client = Fake.client(script.transport)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        }
        #expect(error.kind == .invalidResponse)
        #expect(error.detail == "Sign in with SSO")
        #expect(script.log.all.count == 1)
    }

    @Test(arguments: [
        (400, "Invalid table sn_nothing", ServiceNowError.Kind.badRequest),
        (401, "User Not Authenticated", .authentication),
        (403, "Operation Failed", .forbidden),
        (404, "No Record found", .notFound),
    ])
    func clientErrorsAreNotRetried(status: Int, message: String, kind: ServiceNowError.Kind) async throws {
        let detail = "ACL Exception Update Failed due to security constraints"
        let script = ScriptedTransport([.respond(
            status: status, body: #"{"error":{"message":"\#(message)","detail":"\#(detail)"},"status":"failure"}"#)])
        let client = Fake.client(script.transport)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.update(table: "sn_compliance_control", sysID: "a1", fields: ["implementation_statement": "<p>x</p>"], returning: [])
        }
        #expect(error.kind == kind)
        #expect(error.status == status)
        #expect(error.message == message)
        #expect(error.detail == detail)
        #expect(error.method == "PATCH")
        #expect(error.path == "/api/now/table/sn_compliance_control/a1")
        #expect(error.description.contains(message))
        #expect(!error.description.contains("pa55word"))
        #expect(script.log.all.count == 1)
        #expect(client.statistics.retries == 0)
    }

    @Test func cancellationDuringBackoffStopsRetrying() async throws {
        let script = ScriptedTransport([.fail(.cannotConnectToHost), .fail(.cannotConnectToHost)])
        var configuration = ServiceNowConfiguration(instance: Fake.instance, credentials: .bearer(token: "t0ken"))
        configuration.retry.maxAttempts = 5
        let client = ServiceNowClient(configuration: configuration, transport: script.transport, sleep: { _ in throw CancellationError() })
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sn_compliance_control", sysID: "a1", fields: [])
        }
        #expect(error.kind == .cancelled)
        #expect(script.log.all.count == 1)
        #expect(script.log.all.first?.value(forHTTPHeaderField: "Authorization") == "Bearer t0ken")
    }

    @Test func backoffScheduleIsCappedAndJittered() {
        let policy = RetryPolicy(maxAttempts: 10, initialDelay: .milliseconds(500), maxDelay: .seconds(30))
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, random: 1) == .milliseconds(500))
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, random: 1) == .seconds(2))
        #expect(policy.delay(beforeRetry: 9, retryAfter: nil, random: 1) == .seconds(30))
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, random: 0.5) == .seconds(1))
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, random: 0) == .zero)
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(3), random: 0) == .seconds(3))
    }
}
