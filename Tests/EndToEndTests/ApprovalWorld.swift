import Foundation
import GRCSyncTestSupport
import Testing

/// Alice's workspace (init + pull against the emulator, her Git identity in the repository config) with
/// an `approvals:` policy written to config.yaml but not yet committed, so that a test decides whether
/// the policy travels in the same commit as her first edit.
struct ApprovalWorld {
    let scenario: Scenario
    /// The statement files, sorted.
    let files: [String]
    var alice: URL { scenario.workspace }

    init(config: String) async throws {
        scenario = try await Scenario()
        try await scenario.initAndPull()
        try await scenario.git("config", "user.name", "Alice")
        try await scenario.git("config", "user.email", "alice@example.org")
        try scenario.write("config.yaml", try scenario.read("config.yaml") + config)
        files = try await scenario.statementFiles()
    }

    /// Adds a sentence to the first paragraph of a statement file in the clone at `directory`.
    func edit(_ path: String, _ sentence: String, in directory: URL? = nil) throws {
        let url = (directory ?? alice).appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let end = text.range(of: "</p>") else { throw TestFailure("\(path) has no paragraph") }
        try Data(text.replacingCharacters(in: end, with: " \(sentence)</p>").utf8).write(to: url)
    }

    /// Parses a `--json` output.
    func json(_ result: ProcessResult) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(result)")
        }
        return object
    }

    /// The items of a push or review report, by statement path.
    func items(_ report: [String: Any]) -> [String: [String: Any]] {
        var byPath: [String: [String: Any]] = [:]
        for item in report["items"] as? [[String: Any]] ?? [] {
            if let path = (item["statement"] as? [String: Any])?["path"] as? String { byPath[path] = item }
        }
        return byPath
    }

    /// Pulls the forge's `main` into Alice's workspace (a fast-forward: she only receives approvals).
    func pullFromForge() async throws {
        try await scenario.git("pull", "-q", "--ff-only", "origin", "main")
    }
}
