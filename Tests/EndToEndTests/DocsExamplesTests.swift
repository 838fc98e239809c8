import Foundation
import GRCSync
import GRCSyncTestSupport
import Testing

/// The shipped examples and the docs index, checked so they cannot rot: every example config parses,
/// the CI pipelines run the commands the docs promise, and docs/README.md links every page.
struct DocsExamplesTests {
    private let root = BuiltProducts.packageRoot

    private func files(in folder: String, ending suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil
        ).filter { $0.lastPathComponent.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }

    @Test func everyExampleConfigParses() throws {
        let examples = try files(in: "examples", ending: ".yaml")
        #expect(examples.count >= 3)
        for example in examples {
            let text = try String(contentsOf: example, encoding: .utf8)
            do {
                _ = try Configuration.parse(text, file: "examples/\(example.lastPathComponent)")
            } catch {
                Issue.record("examples/\(example.lastPathComponent) does not parse: \(error)")
            }
        }
    }

    @Test func theExamplesShowWhatTheirNamesSay() throws {
        func parse(_ name: String) throws -> Configuration {
            try Configuration.parse(try String(contentsOf: root.appendingPathComponent("examples/\(name)"), encoding: .utf8))
        }
        let stock = try parse("config.stock-table.yaml")
        #expect(stock.table == Configuration.defaultTable && stock.statementField == Configuration.defaultStatementField)
        let custom = try parse("config.custom-u-field.yaml")
        #expect(custom.statementField.hasPrefix("u_") && custom.table.hasPrefix("u_"))
        let oauth = try parse("config.oauth.yaml")
        guard case .oauth(let clientID) = oauth.auth.method else {
            Issue.record("config.oauth.yaml does not sign in with OAuth")
            return
        }
        #expect(!clientID.isEmpty)
    }

    @Test func theCIPipelinesPushOnMainAndDryRunOnPullRequests() throws {
        for name in ["github-actions.yml", "gitlab-ci.yml"] {
            let text = try String(contentsOf: root.appendingPathComponent("examples/ci/\(name)"), encoding: .utf8)
            for command in ["grcsync push --json", "grcsync push --dry-run", "grcsync status --remote", "git push", "GRCSYNC_USERNAME", "GRCSYNC_PASSWORD"] {
                #expect(text.contains(command), "examples/ci/\(name) lacks \(command)")
            }
            #expect(!text.contains("\t"), "examples/ci/\(name) has a tab (YAML forbids them)")
        }
    }

    @Test func theDocsIndexLinksEveryPage() throws {
        let index = try String(contentsOf: root.appendingPathComponent("docs/README.md"), encoding: .utf8)
        for page in try files(in: "docs", ending: ".md") where page.lastPathComponent != "README.md" {
            #expect(index.contains("(\(page.lastPathComponent))"), "docs/README.md does not link \(page.lastPathComponent)")
        }
    }
}
