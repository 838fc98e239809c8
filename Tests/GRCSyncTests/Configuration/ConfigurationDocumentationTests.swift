import Foundation
import GRCSync
import Statements
import Testing

/// The example, the reference doc, `grcsync init`'s file and the parser must agree on the keys.
@Suite("config.yaml documentation")
struct ConfigurationDocumentationTests {
    private func read(_ path: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("config.yaml.example is a valid configuration")
    func exampleParses() throws {
        let configuration = try Configuration.parse(try read("config.yaml.example"), file: "config.yaml.example")
        #expect(configuration.instance == (try url("https://acme.service-now.com")))
        #expect(configuration.auth == AuthSettings(method: .basic, username: "grc.sync"))
        #expect(configuration.query == "profile.nameSTARTSWITHsys^state!=retired")
        #expect(configuration.push.branch == "main")
        #expect(configuration.approvals.required == 1)
    }

    @Test("config.yaml.example shows every key the parser accepts, and no other")
    func exampleCoversEveryKey() throws {
        let shown = keyPaths(inBlockYAML: uncommentingKeys(try read("config.yaml.example")))
        #expect(Set(shown) == Set(Configuration.keyPaths))
        #expect(shown.count == Set(shown).count, "a key is shown twice")
    }

    @Test("config.yaml.example explains every key in a comment just above it")
    func exampleCommentsEveryKey() throws {
        let lines = try read("config.yaml.example").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.wholeMatch(of: /(?: *# )? *[a-z_]+:(?: .*)?/) != nil {
            let above = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
            #expect(above.hasPrefix("#") && above.wholeMatch(of: /# *[a-z_]+:.*/) == nil,
                    "line \(index + 1) `\(line)` has no comment above it")
        }
    }

    @Test("docs/configuration.md mentions every key path")
    func referenceCoversEveryKey() throws {
        let reference = try read("docs/configuration.md")
        for keyPath in Configuration.keyPaths {
            #expect(reference.contains("`\(keyPath)`"), "docs/configuration.md does not mention `\(keyPath)`")
        }
        for variable in ["GRCSYNC_USERNAME", "GRCSYNC_PASSWORD", "GRCSYNC_TOKEN", "GRCSYNC_CLIENT_SECRET", "NETRC"] {
            #expect(reference.contains(variable))
        }
    }

    @Test("The YAML examples in docs/configuration.md are valid configurations", arguments: [0, 1, 2, 3])
    func referenceExamplesParse(index: Int) throws {
        let reference = try read("docs/configuration.md")
        let blocks = reference.matches(of: /```yaml\n((?:.|\n)*?)```/).map { String($0.1) }
        try #require(blocks.count == 4, "expected 4 yaml examples, found \(blocks.count)")
        #expect(throws: Never.self) { try Configuration.parse(blocks[index]) }
    }

    @Test("initialFile parses back to what init was given",
          arguments: [(String?.none, StatementFormat.html), ("u_grc_statement", .markdown), ("yes", .html)])
    func initialFileRoundTrip(table: String?, format: StatementFormat) throws {
        let instance = try url("https://acme.service-now.com/")
        let text = Configuration.initialFile(instance: instance, table: table, format: format)
        let parsed = try Configuration.parse(text)
        #expect(parsed == Configuration(
            instance: try url("https://acme.service-now.com"),
            table: table ?? Configuration.defaultTable, format: format))
    }

    @Test("initialFile's commented-out keys are valid when uncommented")
    func initialFileCommentsAreValid() throws {
        let text = Configuration.initialFile(
            instance: try url("http://127.0.0.1:8080"), table: nil, format: .html)
        let uncommented = uncommentingKeys(text)
        #expect(uncommented != text)
        let parsed = try Configuration.parse(uncommented)
        #expect(parsed.push.branch == "main")
        #expect(parsed.approvals.approvers == ["alice@example.com", "bob@example.com"])
        #expect(parsed.auth.username == "grc.sync")
    }
}
