import Foundation
import ServiceNowEmulator
import Testing

/// The built-in seed (deterministic, baselines, optional real text) and the state file.
@Suite struct SeedAndStateTests {
    @Test func sameSeedSameData() async throws {
        let options = EmulatorOptions(seed: .demo(baseline: .moderate, systems: 3, randomSeed: 42))
        let first = try await EmulatorServer.start(options)
        let second = try await EmulatorServer.start(options)
        let other = try await EmulatorServer.start(EmulatorOptions(seed: .demo(baseline: .moderate, systems: 3, randomSeed: 43)))
        let a = first.store.records(in: "sn_compliance_control")
        #expect(a.count == 3 * 286)
        #expect(a == second.store.records(in: "sn_compliance_control"))
        #expect(a.map { $0["sys_id"] } != other.store.records(in: "sn_compliance_control").map { $0["sys_id"] })
        #expect(first.store.count(in: "sn_grc_profile") == 3)
        #expect(first.store.count(in: "sn_compliance_policy_statement") == 286)
        #expect(Set(a.compactMap { $0["state"] }).isSuperset(of: ["draft", "monitor"]))
        let text = try #require(a.first?["implementation_statement"])
        #expect(text.hasPrefix("<p><strong>Part a.</strong> ") && !text.contains("\n"))
        for server in [first, second, other] { await server.stop() }
    }

    @Test func baselineSizes() async throws {
        for (baseline, count) in [(Baseline.low, 149), (.moderate, 286), (.high, 369)] {
            let server = try await EmulatorServer.start(EmulatorOptions(seed: .demo(baseline: baseline, systems: 1)))
            #expect(server.store.count(in: "sn_compliance_control") == count)
            await server.stop()
        }
    }

    @Test func statementsFileSuppliesRealText() async throws {
        guard let file = sharedFixture("grc-seed/statements-18f.jsonl") else {
            Issue.record("statements-18f.jsonl is absent: skipping the real-text seed test")
            return
        }
        let server = try await EmulatorServer.start(EmulatorOptions(seed: .demo(statementsFile: file)))
        let ac1 = try #require(server.store.records(in: "sn_compliance_control").first { $0["reference"] == "AC-1" })
        let text = try #require(ac1["implementation_statement"])
        #expect(text.hasPrefix("<p><strong>Part a.</strong> "))
        #expect(text.contains("18F") && !text.contains("\n"))
        await server.stop()
        await #expect(throws: (any Error).self) {
            _ = try await EmulatorServer.start(
                EmulatorOptions(seed: .demo(statementsFile: URL(fileURLWithPath: "/nonexistent/statements.jsonl"))))
        }
    }

    @Test func stateFileRoundTrip() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("state.json")
        let options = EmulatorOptions(seed: .demo(), stateFile: file)

        let server = try await EmulatorServer.start(options)
        let client = EmulatorClient(baseURL: server.baseURL)
        let sysID = try #require(server.store.records(in: "sn_compliance_control").first?["sys_id"])
        let patched = try await client.send(
            "PATCH", "/api/now/table/sn_compliance_control/\(sysID)", json: ["implementation_statement": "<p>kept</p>"])
        let created = try await client.send("POST", "/api/now/table/sn_grc_profile", json: ["name": "Saved System"])
        let newID = try #require(created.record["sys_id"] as? String)
        await server.stop()
        #expect(FileManager.default.fileExists(atPath: file.path))

        let reloaded = try await EmulatorServer.start(options)
        let record = try #require(reloaded.store.record(table: "sn_compliance_control", sysID: sysID))
        #expect(record["implementation_statement"] == "<p>kept</p>")
        #expect(record["sys_mod_count"] == patched.record["sys_mod_count"] as? String)
        #expect(reloaded.store.record(table: "sn_grc_profile", sysID: newID)?["name"] == "Saved System")
        let reference = try await EmulatorClient(baseURL: reloaded.baseURL).send(
            "GET", "/api/now/table/sn_compliance_control/\(sysID)?sysparm_fields=profile")
        #expect(reference.record["profile"] is [String: String])
        await reloaded.stop()
    }
}
