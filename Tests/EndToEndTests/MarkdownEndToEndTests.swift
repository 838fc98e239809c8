import Foundation
import GRCSyncTestSupport
import ServiceNowEmulator
import Testing

/// `format: markdown` end to end: statements as CommonMark where the round trip is exact, `.html`
/// with a reason elsewhere, and an edited list item pushed as the HTML cmark-gfm renders.
@Suite(.serialized) struct MarkdownEndToEndTests {
    @Test func editAListItemInMarkdownPushAndPullAgainWithNoDiff() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        // A statement that cannot be Markdown without loss stays HTML, and pull says why.
        let store = scenario.emulator.store
        let any = try #require(store.records(in: Scenario.table).first)
        try store.insert(
            table: Scenario.table,
            fields: ["reference": "ZZ-1", "name": "Underlined", "profile": any["profile"] ?? "", "state": "draft",
                     "implementation_statement": "<p>Uses <u>underline</u> for emphasis.</p>"])
        try FileManager.default.createDirectory(at: scenario.workspace, withIntermediateDirectories: true)
        try await scenario.expectSuccess(scenario.grcsync("init", ".", "--instance", scenario.emulator.baseURL.absoluteString, "--format", "markdown"))
        let pull = try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(pull.stdout.contains("kept as HTML"))
        #expect(pull.stdout.contains("<u>"))

        let files = try await scenario.statementFiles()
        let markdown = files.filter { $0.hasSuffix(".md") }
        #expect(markdown.count > files.count / 2)
        #expect(files.contains { $0.hasSuffix("ZZ-1.html") })
        let manifest = try scenario.manifest()
        #expect(manifest.contains { $0["format"] as? String == "markdown" })
        #expect(manifest.contains { $0["format"] as? String == "html" })

        // Pull again: nothing changes.
        let head = try await scenario.git("rev-parse", "HEAD")
        try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(try await scenario.git("rev-parse", "HEAD") == head)

        // Edit a list item and push.
        let path = try #require(markdown.first { (try? scenario.read($0).contains("\n- ")) == true }, "no statement with a list")
        let text = try scenario.read(path)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("- ") })
        try scenario.write(path, text.replacingOccurrences(of: String(line), with: "- Accounts are **reviewed** every quarter."))
        try await scenario.git("commit", "-qam", "Edit a list item")
        let push = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(push.stdout.contains("pushed"))
        let remote = try scenario.remoteHTML(of: path)
        #expect(remote.contains("<li>Accounts are <strong>reviewed</strong> every quarter.</li>"))
        #expect(!remote.contains("**"))
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        #expect(try await scenario.expectSuccess(scenario.grcsync("status")).stdout.contains("Nothing to push"))

        // The mirror's Markdown of what ServiceNow stored is exactly the file we pushed.
        #expect(try await scenario.git("diff", "HEAD", "servicenow/main", "--", path).isEmpty)
        let after = try await scenario.git("rev-parse", "HEAD")
        let again = try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(again.stdout.contains("no changes"))
        #expect(try await scenario.git("rev-parse", "HEAD") == after)
    }

    @Test func changingTheFormatOfAnExistingWorkspaceIsRefused() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        try scenario.write("config.yaml", try scenario.read("config.yaml").replacingOccurrences(of: "format: html", with: "format: markdown"))
        let pull = try await scenario.grcsync("pull")
        #expect(pull.status == 3, "\(pull)")
        #expect(pull.stderr.contains("format: html"))
        #expect(pull.stderr.contains("grcsync init --format markdown"))
    }
}
