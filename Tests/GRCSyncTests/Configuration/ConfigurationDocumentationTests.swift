import Foundation
import GRCSync
import Statements
import Testing

/// The example, the reference doc, `grcsync init`'s file and the parser must agree on the keys, and
/// the example and the reference must state each key's values and default as `Configuration.keyRules`
/// (which the parser enforces) does, in its words: "a whole number from 1 to 16", "Default: 4".
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

    @Test("config.yaml.example's comment above each key with limits states its values and default",
          arguments: Configuration.keyRules.map(\.keyPath))
    func exampleStatesLimits(keyPath: String) throws {
        let rule = try #require(Configuration.keyRules.first { $0.keyPath == keyPath })
        let comment = try #require(commentAbove(keyPath, in: try read("config.yaml.example")),
                                   "config.yaml.example has no comment above `\(keyPath)`")
        #expect(contains(comment, phrase: rule.allowedText),
                "config.yaml.example: the comment above `\(keyPath)` must say \"\(rule.allowedText)\": \(comment)")
        let defaults = comment.matches(of: /Default: (.+?)(?: \(|\.(?: |$))/).map { String($0.1) }
        #expect(defaults == [rule.defaultText],
                "config.yaml.example: the comment above `\(keyPath)` must end \"Default: \(rule.defaultText).\": \(comment)")
    }

    @Test("docs/configuration.md's row for each key with limits states its values and default",
          arguments: Configuration.keyRules.map(\.keyPath))
    func referenceStatesLimits(keyPath: String) throws {
        let rule = try #require(Configuration.keyRules.first { $0.keyPath == keyPath })
        let rows = try read("docs/configuration.md").split(separator: "\n").filter { $0.hasPrefix("| `\(keyPath)` |") }
        try #require(rows.count == 1, "docs/configuration.md must have one table row for `\(keyPath)`, not \(rows.count)")
        let cells = rows[0].split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(cells.count >= 5, "docs/configuration.md: the row for `\(keyPath)` is not | key | value | default | |")
        #expect(cells[2] == rule.allowedText, "docs/configuration.md: the value of `\(keyPath)` must be \(rule.allowedText)")
        #expect(cells[3].replacingOccurrences(of: "`", with: "") == rule.defaultText,
                "docs/configuration.md: the default of `\(keyPath)` must be \(rule.defaultText)")
    }

    @Test("docs/configuration.md quotes the refusal to change `format` as grcsync words it")
    func referenceQuotesFormatChange() throws {
        let reference = try read("docs/configuration.md")
        let refusal = WorkspaceError.formatChanged(recorded: "html", configured: "markdown").description
        #expect(reference.contains("\nerror: \(refusal)\n"))
        #expect(reference.contains("[Changing `format`](#changing-format)"))
    }

    @Test("The YAML examples in docs/configuration.md are valid configurations", arguments: [0, 1, 2, 3])
    func referenceExamplesParse(index: Int) throws {
        let reference = try read("docs/configuration.md")
        let blocks = reference.matches(of: /```yaml\n((?:.|\n)*?)```/).map { String($0.1) }
        try #require(blocks.count == 4, "expected 4 yaml examples, found \(blocks.count)")
        #expect(throws: Never.self) { try Configuration.parse(blocks[index]) }
    }

    /// The comment lines just above `keyPath`'s line (written or commented out) in `yaml`, joined
    /// with spaces, without their `#`.
    private func commentAbove(_ keyPath: String, in yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let uncommented = uncommentingKeys(yaml).split(separator: "\n", omittingEmptySubsequences: false)
        var stack: [(indent: Int, key: String)] = []
        for (index, line) in uncommented.enumerated() {
            guard let match = line.wholeMatch(of: /( *)([a-z_]+):(?: .*)?/) else { continue }
            while let last = stack.last, last.indent >= match.1.count { stack.removeLast() }
            stack.append((match.1.count, String(match.2)))
            guard stack.map(\.key).joined(separator: ".") == keyPath else { continue }
            var comment: [String] = []
            var above = index - 1
            while above >= 0, uncommented[above] == lines[above],
                  let text = lines[above].wholeMatch(of: /[ ]*# ?(.*)/)?.1
            {
                comment.insert(String(text), at: 0)
                above -= 1
            }
            return comment.isEmpty ? nil : comment.joined(separator: " ")
        }
        return nil
    }

    /// Whether `text` contains `phrase` as a whole: not as part of a longer number or word
    /// ("from 1 to 100" is not in "from 1 to 1000", nor "at most 10" in "at most 10.5").
    private func contains(_ text: String, phrase: String) -> Bool {
        text.ranges(of: phrase).contains { range in
            let before = text[..<range.lowerBound].last
            let after = text[range.upperBound...].prefix(2)
            let continues = after.first.map { $0.isLetter || $0.isNumber } == true
                || (after.first == "." && after.dropFirst().first?.isNumber == true)
            return !continues && before.map { $0.isLetter || $0.isNumber } != true
        }
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
