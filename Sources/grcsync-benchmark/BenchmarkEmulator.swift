import Foundation
import ServiceNowEmulator

/// The in-process emulator, holding exactly N statements of a realistic size.
struct BenchmarkEmulator {
    static let table = "sn_compliance_control"
    static let field = "implementation_statement"
    /// The user grcsync signs in as.
    static let user = EmulatorUser(name: "admin", password: "admin")
    /// The user who plays a colleague editing statements in ServiceNow.
    static let colleague = "colleague"

    let server: EmulatorServer
    /// The statements' sys_ids, in storage order.
    let sysIDs: [String]
    /// The mean statement size in bytes.
    let meanStatementBytes: Int

    /// Seeds the high baseline for ceil(N/370) systems, drops the records beyond N, and grows every
    /// statement to ~1.5 KB.
    static func start(statements: Int) async throws -> BenchmarkEmulator {
        let systems = (statements + 369) / 370
        let server = try await EmulatorServer.start(
            EmulatorOptions(users: [user], seed: .demo(baseline: .high, systems: systems, randomSeed: 1)))
        do {
            let store = server.store
            var records = store.records(in: table)
            guard !records.isEmpty else { throw BenchmarkError.unexpected("the emulator seeded no statements") }
            // The demo seed stops short of 100,000 (99,999 were seeded for 271 systems): copy records to
            // make up the difference; grcsync gives a copy's file a distinct name.
            let seeded = records.count
            for index in seeded..<max(seeded, statements) {
                var copy = records[index % seeded]
                copy["sys_id"] = nil
                copy["number"] = "CTRLX\(index)"
                records.append(try store.insert(table: table, fields: copy))
            }
            for record in records.dropFirst(statements) {
                try store.delete(table: table, sysID: record["sys_id"] ?? "")
            }
            let corpus = StatementCorpus()
            var ids: [String] = []
            var bytes = 0
            for (index, record) in records.prefix(statements).enumerated() {
                let sysID = record["sys_id"] ?? ""
                let text = corpus.statement(base: record[field] ?? "", index: index)
                try store.update(table: table, sysID: sysID, fields: [field: text])
                ids.append(sysID)
                bytes += text.utf8.count
            }
            return BenchmarkEmulator(server: server, sysIDs: ids, meanStatementBytes: bytes / max(1, statements))
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Changes every hundredth statement as a colleague; returns how many changed.
    func changeOnePercent(round: Int) throws -> Int {
        let corpus = StatementCorpus()
        var changed = 0
        for sysID in stride(from: round % 100, to: sysIDs.count, by: 100).map({ sysIDs[$0] }) {
            let text = server.store.record(table: Self.table, sysID: sysID)?[Self.field] ?? ""
            try server.store.update(
                table: Self.table, sysID: sysID, fields: [Self.field: corpus.revised(text, round: round)], as: Self.colleague)
            changed += 1
        }
        return changed
    }

    /// Requests logged since the last call, and forgets them.
    func takeRequestCount() -> Int {
        defer { server.clearRequestLog() }
        return server.requestLog().count
    }
}
