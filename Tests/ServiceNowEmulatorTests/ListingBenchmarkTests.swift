import Foundation
import ServiceNowEmulator
import Testing

/// Measures (does not assert) how fast a 100,000-control emulator answers a paged listing; the figure is
/// printed for docs/emulator.md. Set EMULATOR_BENCHMARK=1 to run it: seeding takes a while in debug.
@Suite struct ListingBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["EMULATOR_BENCHMARK"] == "1"))
    func pagedListingOf100kControls() async throws {
        let clock = ContinuousClock()
        let seedStart = clock.now
        let server = try await EmulatorServer.start(EmulatorOptions(seed: .demo(baseline: .high, systems: 272)))
        let seeded = clock.now - seedStart
        let client = EmulatorClient(baseURL: server.baseURL)
        let total = server.store.count(in: "sn_compliance_control")
        #expect(total >= 100_000)
        let fields = "sys_id,number,reference,profile,state,sys_mod_count,sys_updated_on,implementation_statement"
        for (label, query) in [("no query", ""), ("active query", "stateINdraft,assess,review,monitor^ORDERBYnumber")] {
            let start = clock.now
            var offset = 0
            var rows = 0
            while true {
                var pairs = [("sysparm_fields", fields), ("sysparm_limit", "1000"), ("sysparm_offset", String(offset))]
                if !query.isEmpty { pairs.append(("sysparm_query", query)) }
                let page = try await client.get("sn_compliance_control", pairs)
                rows += page.result.count
                guard page.headers["link"]?.contains("rel=\"next\"") == true else { break }
                offset += 1000
            }
            let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
            print("100k listing (\(label)): \(rows) rows in \(String(format: "%.2f", seconds)) s = \(Int(Double(rows) / seconds)) rows/s")
            #expect(rows == total)
        }
        print("seeding \(total) controls took \(seeded)")
        await server.stop()
    }
}
