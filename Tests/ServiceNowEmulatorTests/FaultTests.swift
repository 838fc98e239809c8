import Foundation
import ServiceNowEmulator
import Testing

/// Each kind of injected fault, from Swift and through the admin API.
@Suite struct FaultTests {
    @Test func statusForTheNextRequestsThenNormal() async throws {
        try await withEmulator { server, client in
            server.faults.add(.status(429, trigger: .next(2), retryAfter: 7, method: "GET"))
            let first = try await client.get("sn_grc_profile")
            #expect(first.status == 429)
            #expect(first.headers["retry-after"] == "7")
            #expect(first.headers["x-ratelimit-limit"] != nil)
            #expect(first.headers["x-ratelimit-reset"] != nil)
            #expect(first.headers["x-ratelimit-rule"] != nil)
            #expect(try await client.get("sn_grc_profile").status == 429)
            #expect(try await client.get("sn_grc_profile").status == 200)
            #expect(server.faults.rules.isEmpty)
            #expect(server.requestLog().map(\.status) == [429, 429, 200])
        }
    }

    @Test func skippedRequestsPassBeforeTheRuleCounts() async throws {
        try await withEmulator { server, client in
            server.faults.add(.status(400, trigger: .next(1), method: "GET").skipping(2))
            for _ in 0..<4 { _ = try await client.get("sn_grc_profile") }
            #expect(server.requestLog().map(\.status) == [200, 200, 400, 200])
            #expect(server.faults.rules.isEmpty)

            let added = try await client.send(
                "POST", "/emulator/faults", json: ["effect": "status", "status": 503, "count": 1, "skip": 1, "method": "get"])
            #expect(added.status == 201)
            #expect(server.faults.rules.map(\.rule.skip) == [1])
            #expect(try await client.get("sn_grc_profile").status == 200)
            #expect(try await client.get("sn_grc_profile").status == 503)
            #expect(try await client.get("sn_grc_profile").status == 200)
        }
    }

    @Test func asleepPageIsHTML() async throws {
        try await withEmulator { server, client in
            for code in [500, 502, 503] {
                server.faults.add(.status(code, path: "/api/now/table/sn_grc_profile"))
                let answer = try await client.get("sn_grc_profile")
                #expect(answer.status == code)
                #expect(answer.headers["content-type"]?.hasPrefix("text/html") == true)
                #expect(answer.text.contains("hibernating"))
            }
            #expect(try await client.get("sn_grc_profile").status == 200)
        }
    }

    @Test func fractionAndPathFilter() async throws {
        try await withEmulator { server, client in
            server.faults.add(.status(503, trigger: .fraction(0.5), path: "/api/now/table/sn_compliance_control"))
            var failures = 0
            for _ in 0..<40 where try await client.get("sn_compliance_control", [("sysparm_limit", "1")]).status == 503 {
                failures += 1
            }
            #expect(failures > 5 && failures < 35)
            #expect(try await client.get("sn_grc_profile").status == 200)
        }
    }

    @Test func latencyDelaysTheAnswer() async throws {
        try await withEmulator { server, client in
            server.faults.add(.latency(milliseconds: 300, trigger: .next(1)))
            let clock = ContinuousClock()
            let start = clock.now
            let status = try await client.get("sn_grc_profile").status
            #expect(status == 200)
            // Not a timing assertion on speed: the delay is a floor the emulator must respect.
            #expect(clock.now - start >= .milliseconds(300))
        }
    }

    @Test func droppedConnectionGivesNoAnswer() async throws {
        try await withEmulator { server, client in
            server.faults.add(.dropConnection(trigger: .next(1)))
            await #expect(throws: (any Error).self) { _ = try await client.get("sn_grc_profile") }
            let status = try await client.get("sn_grc_profile").status
            #expect(status == 200)
            #expect(server.requestLog().first?.status == 0)
        }
    }

    @Test func forbiddenRecordsAndStates() async throws {
        try await withEmulator { server, client in
            let controls = server.store.records(in: "sn_compliance_control")
            let chosen = try #require(controls.first { $0["state"] == "draft" }?["sys_id"])
            let review = try #require(controls.first { $0["state"] == "review" }?["sys_id"])
            let other = try #require(controls.last { $0["state"] == "draft" }?["sys_id"])
            server.faults.add(.forbidWrites(sysIDs: [chosen], states: ["review"]))
            let path = "/api/now/table/sn_compliance_control/"
            #expect(try await client.send("PATCH", path + chosen, json: ["name": "x"]).status == 403)
            #expect(try await client.send("PATCH", path + review, json: ["name": "x"]).status == 403)
            #expect(try await client.send("PATCH", path + other, json: ["name": "x"]).status == 200)
            #expect(try await client.send("GET", path + chosen).status == 200)
        }
    }

    @Test func hourlyRateLimitPerUser() async throws {
        let options = EmulatorOptions(
            users: [EmulatorUser(name: "admin", password: "admin"), EmulatorUser(name: "bob", password: "bob")], seed: .empty)
        try await withEmulator(options) { server, client in
            server.faults.add(.hourlyRateLimit(2))
            #expect(try await client.get("sys_user").status == 200)
            #expect(try await client.get("sys_user").status == 200)
            let limited = try await client.get("sys_user")
            #expect(limited.status == 429)
            #expect(limited.headers["x-ratelimit-limit"] == "2")
            let retryAfter = try #require(Int(limited.headers["retry-after"] ?? ""))
            #expect(retryAfter >= 1 && retryAfter <= 3600)
            #expect(limited.text.contains("Rate limit of 2 requests per hour for Table API exceeded"))
            var bob = client
            bob.user = "bob"
            bob.password = "bob"
            #expect(try await bob.get("sys_user").status == 200)
        }
    }

    @Test func concurrentEditAfterTheNthWrite() async throws {
        try await withEmulator { server, client in
            let drafts = server.store.records(in: "sn_compliance_control").filter { $0["state"] == "draft" }
            let target = try #require(drafts.last?["sys_id"])
            server.faults.add(.concurrentEdit(afterWrites: 2, sysID: target, fields: ["implementation_statement": "<p>theirs</p>"], as: "colleague"))
            let path = "/api/now/table/sn_compliance_control/"
            _ = try await client.send("PATCH", path + (drafts[0]["sys_id"] ?? ""), json: ["name": "one"])
            #expect(server.store.record(table: "sn_compliance_control", sysID: target)?["sys_updated_by"] != "colleague")
            _ = try await client.send("PATCH", path + (drafts[1]["sys_id"] ?? ""), json: ["name": "two"])
            let raced = try #require(server.store.record(table: "sn_compliance_control", sysID: target))
            #expect(raced["sys_updated_by"] == "colleague")
            #expect(raced["implementation_statement"] == "<p>theirs</p>")
            #expect(server.faults.rules.isEmpty)
        }
    }

    @Test func adminAPISwitchesFaultsAndReadsTheLog() async throws {
        try await withEmulator { server, client in
            let added = try await client.send(
                "POST", "/emulator/faults", json: ["effect": "status", "status": 503, "count": 1, "method": "get"])
            #expect(added.status == 201)
            #expect(try await client.get("sn_grc_profile").status == 503)
            let listed = try await client.send("GET", "/emulator/requests")
            let entries = try #require(listed.json as? [[String: Any]])
            #expect(entries.map { $0["status"] as? Int } == [503])
            #expect(entries.first?["path"] as? String == "/api/now/table/sn_grc_profile")
            _ = try await client.send("POST", "/emulator/faults", json: ["effect": "drop"])
            #expect(try await client.send("DELETE", "/emulator/faults").status == 204)
            #expect(try await client.get("sn_grc_profile").status == 200)
            #expect(try await client.send("DELETE", "/emulator/requests").status == 204)
            #expect(server.requestLog().isEmpty)
            let bad = try await client.send("POST", "/emulator/faults", json: ["effect": "explode"])
            #expect(bad.status == 400)
            #expect(bad.text.contains("unknown effect"))
        }
    }
}
