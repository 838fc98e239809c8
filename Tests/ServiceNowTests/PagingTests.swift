import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import ServiceNow

/// Listing, batched fetching and the limits on requests in flight.
struct PagingTests {
    @Test(arguments: [(0, 10), (1, 10), (10, 10), (11, 10), (1_234, 100), (626, 500)])
    func listingTakesOneRequestPerPage(count: Int, pageSize: Int) async throws {
        let table = FakeTable(count: count)
        let client = Fake.client(table.transport) { $0.pageSize = pageSize }
        let records = try await client.list(table: "sn_compliance_control", query: "state=draft", fields: ["number"])
        #expect(records.map(\.sysID) == table.records.map { $0["sys_id"] })
        #expect(table.log.all.count == max(1, (count + pageSize - 1) / pageSize))
        #expect(table.log.parameter("sysparm_fields").allSatisfy { $0 == "number,sys_id" })
        #expect(table.log.parameter("sysparm_query").allSatisfy { $0 == "state=draft^ORDERBYsys_id" })
    }

    @Test(arguments: [(0, 10), (95, 10), (626, 500)])
    func versionsAreTheListingOfTheirThreeFields(count: Int, pageSize: Int) async throws {
        let table = FakeTable(count: count)
        let client = Fake.client(table.transport) { $0.pageSize = pageSize }
        let versions = try await client.listVersions(table: "sn_compliance_control", query: "state=draft")
        let records = try await client.list(table: "sn_compliance_control", query: "state=draft", fields: RecordVersion.fields)
        #expect(versions == records.map { RecordVersion(sysID: $0.sysID, modCount: $0.modCount, updatedOn: $0.updatedOn) })
        #expect(versions.count == count)
        #expect(table.log.parameter("sysparm_fields").allSatisfy { $0 == "sys_id,sys_mod_count,sys_updated_on" })
    }

    @Test(arguments: [0, 7, 30, 31])
    func listingWithoutTotalFollowsLinks(count: Int) async throws {
        let table = FakeTable(count: count, sendsTotal: false)
        let client = Fake.client(table.transport) { $0.pageSize = 10 }
        let records = try await client.list(table: "sn_compliance_control", query: nil, fields: [])
        #expect(records.count == count)
        #expect(table.log.parameter("sysparm_offset") == stride(from: 0, through: max(0, count - 1), by: 10).map { String($0) })
    }

    @Test func progressReportsEveryPage() async throws {
        let table = FakeTable(count: 95)
        let client = Fake.client(table.transport) { $0.pageSize = 10 }
        let reports = Locked<[Int]>([])
        _ = try await client.list(table: "sn_compliance_control", query: nil, fields: []) { done, total in
            #expect(total == 95)
            reports.withLock { $0.append(done) }
        }
        #expect(reports.withLock { $0.sorted() } == [10, 20, 30, 40, 50, 60, 70, 80, 90, 95])
    }

    @Test func tableChangingDuringListingIsListedAgain() async throws {
        let table = FakeTable(count: 25)
        let calls = Locked(0)
        let client = Fake.client({ request in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            var (data, response) = try await table.transport(request)
            // Pages 2 and 3 of the first pass see a record that was added meanwhile.
            if call == 2 || call == 3 {
                var headers = response.allHeaderFields as? [String: String] ?? [:]
                headers["X-Total-Count"] = "26"
                (data, response) = try Fake.response(request, status: 200, headers: headers, body: String(decoding: data, as: UTF8.self))
            }
            return (data, response)
        }) { $0.pageSize = 10 }
        let records = try await client.list(table: "sn_compliance_control", query: nil, fields: [])
        #expect(records.count == 25)
        #expect(calls.withLock { $0 } == 6)
    }

    @Test func userOrderingIsKept() async throws {
        let table = FakeTable(count: 3)
        let client = Fake.client(table.transport)
        _ = try await client.list(table: "sn_compliance_control", query: "ORDERBYDESCnumber", fields: [])
        #expect(table.log.parameter("sysparm_query") == ["ORDERBYDESCnumber"])
    }

    @Test(arguments: [(0, 100), (1, 100), (100, 100), (101, 100), (250, 30)])
    func fetchBatchesIDs(count: Int, batchSize: Int) async throws {
        let table = FakeTable(count: 300)
        let client = Fake.client(table.transport) { $0.batchSize = batchSize }
        // Ask in reverse order, with a duplicate and two ids that no longer exist.
        var ids = (0..<count).reversed().map(FakeTable.sysID)
        ids += ["ffffffffffffffffffffffffffffffff"] + ids.prefix(1) + ["deadbeefdeadbeefdeadbeefdeadbeef"]
        let records = try await client.fetch(table: "sn_compliance_control", sysIDs: ids, fields: ["number", "sys_mod_count"])
        #expect(records.map(\.sysID) == (0..<count).reversed().map(FakeTable.sysID))
        let unique = count + 2
        #expect(table.log.all.count == (unique + batchSize - 1) / batchSize)
        #expect(table.log.parameter("sysparm_fields").allSatisfy { $0 == "number,sys_mod_count,sys_id" })
        let batches = table.log.parameter("sysparm_query").compactMap { $0?.dropFirst("sys_idIN".count).split(separator: ",").count }
        #expect(batches.allSatisfy { $0 <= batchSize })
        #expect(batches.reduce(0, +) == unique)
    }

    @Test func fetchRefusesIDsThatCouldAlterTheQuery() async throws {
        let table = FakeTable(count: 3)
        let client = Fake.client(table.transport)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.fetch(table: "sn_compliance_control", sysIDs: ["a1", "x^ORsys_id!=0"], fields: [])
        }
        #expect(error.kind == .badRequest)
        #expect(table.log.all.isEmpty)
    }

    @Test(arguments: [1, 3, 4])
    func requestsInFlightNeverExceedConcurrency(concurrency: Int) async throws {
        let table = FakeTable(count: 500)
        let client = Fake.client(table.transport) {
            $0.concurrency = concurrency
            $0.pageSize = 20
            $0.batchSize = 10
        }
        // Several calls at once share the one limit.
        async let listing = client.list(table: "sn_compliance_control", query: nil, fields: [])
        async let fetched = client.fetch(table: "sn_compliance_control", sysIDs: (0..<200).map(FakeTable.sysID), fields: [])
        async let again = client.list(table: "sn_compliance_control", query: nil, fields: [])
        let counts = try await (listing.count, fetched.count, again.count)
        #expect(counts == (500, 200, 500))
        #expect(table.peakInFlight <= concurrency)
        #expect(client.statistics.requests == 25 + 20 + 25)
    }

    @Test func concurrencyLimitMakesTheNextHolderWait() async throws {
        let limit = ConcurrencyLimit(limit: 2)
        try await limit.acquire()
        try await limit.acquire()
        let third = Locked(false)
        let waiter = Task {
            try await limit.acquire()
            third.withLock { $0 = true }
        }
        for _ in 0..<100 { await Task.yield() }
        #expect(third.withLock { $0 } == false)
        await limit.release()
        try await waiter.value
        #expect(third.withLock { $0 })
    }

    @Test func cancelledWaiterLeavesTheQueue() async throws {
        let limit = ConcurrencyLimit(limit: 1)
        try await limit.acquire()
        let waiter = Task { try await limit.acquire() }
        for _ in 0..<50 { await Task.yield() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        // The slot was not handed to the cancelled waiter: after one release it is free again.
        await limit.release()
        try await limit.acquire()
    }

    @Test func rateLimitSpacesRequests() async throws {
        let table = FakeTable(count: 50)
        let sleeps = Locked<[Duration]>([])
        let client = Fake.client(table.transport, sleeps: sleeps) {
            $0.requestsPerSecond = 0.01
            $0.pageSize = 10
        }
        let started = ContinuousClock.now
        _ = try await client.list(table: "sn_compliance_control", query: nil, fields: [])
        // One request at once, then one per 100 s. The fake sleep lets no time pass, so the waits grow;
        // real time that passes while the test runs (a loaded machine) only shortens them.
        let elapsed = (ContinuousClock.now - started).seconds
        let waits = sleeps.withLock { $0 }.map(\.seconds).sorted()
        #expect(waits.count == 4)
        for (index, wait) in waits.enumerated() {
            let ideal = 100 * Double(index + 1)
            #expect(wait <= ideal + 0.001 && wait >= ideal - elapsed - 0.001, "wait \(index) was \(wait) s")
        }
    }

    @Test func tokenBucketAllowsABurstThenSpacesRequests() async {
        let clock = Locked(ContinuousClock.now)
        let bucket = RequestRateLimit(requestsPerSecond: 4) { clock.withLock { $0 } }
        var waits: [Duration] = []
        for _ in 0..<6 { waits.append(await bucket.reserve()) }
        #expect(waits == [.zero, .zero, .zero, .zero, .milliseconds(250), .milliseconds(500)])
        // After two idle seconds the bucket is full again, but never fuller than one second's worth.
        clock.withLock { $0 += .seconds(2) }
        var later: [Duration] = []
        for _ in 0..<5 { later.append(await bucket.reserve()) }
        #expect(later == [.zero, .zero, .zero, .zero, .milliseconds(250)])
    }
}

@Suite struct StreamingFetchTests {
    @Test(arguments: [1, 7, 100])
    func everyRecordArrivesOnceInBatches(batchSize: Int) async throws {
        let table = FakeTable(count: 300)
        let client = Fake.client(table.transport) {
            $0.batchSize = batchSize
            $0.concurrency = 3
        }
        var ids = (0..<250).reversed().map(FakeTable.sysID)
        ids += ["ffffffffffffffffffffffffffffffff"] + ids.prefix(2)
        var batches: [[Record]] = []
        try await client.fetch(table: "sn_compliance_control", sysIDs: ids, fields: ["number"]) { records in
            batches.append(records)
        }
        let delivered = batches.joined().compactMap(\.sysID)
        #expect(delivered.count == 250)
        #expect(Set(delivered) == Set((0..<250).map(FakeTable.sysID)))
        #expect(batches.allSatisfy { $0.count <= batchSize })
        #expect(table.log.all.count == (251 + batchSize - 1) / batchSize)
        #expect(table.peakInFlight <= 3)
    }

    @Test func anErrorFromTheConsumerStopsTheFetch() async throws {
        struct Stop: Error {}
        let table = FakeTable(count: 300)
        let client = Fake.client(table.transport) {
            $0.batchSize = 10
            $0.concurrency = 2
        }
        var calls = 0
        await #expect(throws: Stop.self) {
            try await client.fetch(table: "sn_compliance_control", sysIDs: (0..<300).map(FakeTable.sysID), fields: []) { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
        // The batch in flight may finish, but no new one starts after the error.
        #expect(table.log.all.count <= 3)
    }
}
