import GRCSync
import Statements
import Testing

/// The parser enforces exactly the limits and defaults `Configuration.keyRules` states, the ones the
/// documentation tests hold config.yaml.example and docs/configuration.md to.
@Suite("config.yaml key rules")
struct ConfigurationKeyRuleTests {
    private static let instance = "instance: https://acme.service-now.com\n"

    /// How each limited key's value reads back from a parsed configuration, in the words of `defaultText`.
    private static let readBack: [String: @Sendable (Configuration) -> String] = [
        "auth.method": { if case .oauth = $0.auth.method { "oauth" } else { "basic" } },
        "format": { $0.format.rawValue },
        "page_size": { String($0.pageSize) },
        "concurrency": { String($0.concurrency) },
        "requests_per_second": { $0.requestsPerSecond.map(ConfigurationKeyRuleTests.number) ?? "no cap" },
        "timeout_seconds": { ConfigurationKeyRuleTests.number($0.timeoutSeconds) },
        "retries": { String($0.retries) },
        "approvals.required": { String($0.approvals.required) },
        "approvals.allow_self_approval": { String($0.approvals.allowSelfApproval) },
        "approvals.require_signed": { String($0.approvals.requireSigned) },
    ]

    private static let numberKeys = Configuration.keyRules.filter(isNumber).map(\.keyPath)
    private static let wordKeys = Configuration.keyRules.filter { !isNumber($0) }.map(\.keyPath)

    private static func isNumber(_ rule: ConfigurationKeyRule) -> Bool {
        switch rule.values {
        case .wholeNumber, .positiveNumber: true
        case .choice, .boolean: false
        }
    }

    /// A number as a user writes it: `3600`, not `3600.0`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// A config.yaml that sets `keyPath` (nested keys in their section) to `value`.
    private static func yaml(_ keyPath: String, _ value: String) -> String {
        let parts = keyPath.split(separator: ".")
        let line = parts.count == 2 ? "\(parts[0]):\n  \(parts[1]): \(value)\n" : "\(keyPath): \(value)\n"
        let clientID = keyPath == "auth.method" && value.lowercased() == "oauth" ? "  client_id: abc\n" : ""
        return instance + line + clientID
    }

    private static func rule(_ keyPath: String) throws -> ConfigurationKeyRule {
        try #require(Configuration.keyRules.first { $0.keyPath == keyPath })
    }

    /// Checks `value` parses and reads back as `expected`.
    private func expectAccepted(
        _ keyPath: String, _ value: String, readsBack expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let read = try #require(Self.readBack[keyPath], sourceLocation: sourceLocation)
        let configuration = try Configuration.parse(Self.yaml(keyPath, value))
        #expect(read(configuration) == expected, "`\(keyPath): \(value)`", sourceLocation: sourceLocation)
    }

    /// Checks `value` is refused with the error that states the rule's values.
    private func expectRefused(
        _ rule: ConfigurationKeyRule, _ value: String, shownAs shown: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = configurationError(Self.yaml(rule.keyPath, value), sourceLocation: sourceLocation)
        #expect(error?.keyPath == rule.keyPath, sourceLocation: sourceLocation)
        #expect(error?.message == "`\(rule.keyPath)` must be \(rule.allowedText), not \"\(shown ?? value)\".",
                sourceLocation: sourceLocation)
    }

    @Test("Every rule is about a key the parser accepts, and no key has two")
    func rulesNameKeys() {
        let keyPaths = Configuration.keyRules.map(\.keyPath)
        #expect(Set(keyPaths).isSubset(of: Configuration.keyPaths))
        #expect(keyPaths.count == Set(keyPaths).count, "a key has two rules")
        #expect(Set(keyPaths) == Set(Self.readBack.keys), "readBack must cover exactly the keys with rules")
    }

    @Test("An unset key takes the default its rule gives", arguments: Configuration.keyRules.map(\.keyPath))
    func defaults(keyPath: String) throws {
        let rule = try Self.rule(keyPath)
        let read = try #require(Self.readBack[keyPath])
        #expect(read(try Configuration.parse(Self.instance)) == rule.defaultText)
        #expect(read(try Configuration.parse(Self.yaml(keyPath, "~"))) == rule.defaultText, "an empty value is unset")
    }

    @Test("A number's bounds are accepted and the values just outside them refused", arguments: numberKeys)
    func numberBounds(keyPath: String) throws {
        let rule = try Self.rule(keyPath)
        switch rule.values {
        case .wholeNumber(let range, _):
            for value in [range.lowerBound, range.upperBound] {
                try expectAccepted(keyPath, String(value), readsBack: String(value))
                try expectAccepted(keyPath, "\"\(value)\"", readsBack: String(value))
            }
            expectRefused(rule, String(range.lowerBound - 1))
            expectRefused(rule, String(range.upperBound + 1))
            expectRefused(rule, "\(range.lowerBound).5")
        case .positiveNumber(let maximum, _):
            let smallest = Double.leastNonzeroMagnitude
            try expectAccepted(keyPath, String(smallest), readsBack: Self.number(smallest))
            try expectAccepted(keyPath, Self.number(maximum), readsBack: Self.number(maximum))
            try expectAccepted(keyPath, "0.5", readsBack: "0.5")
            expectRefused(rule, "0")
            expectRefused(rule, "-0.5")
            expectRefused(rule, String(maximum.nextUp))
            expectRefused(rule, ".nan")
        case .choice, .boolean:
            Issue.record("`\(keyPath)` is not a number")
        }
    }

    @Test("A choice or boolean accepts its values and refuses anything else", arguments: wordKeys)
    func words(keyPath: String) throws {
        let rule = try Self.rule(keyPath)
        switch rule.values {
        case .choice(let choices, _):
            for choice in choices {
                try expectAccepted(keyPath, choice, readsBack: choice)
                try expectAccepted(keyPath, choice.uppercased(), readsBack: choice)
            }
            expectRefused(rule, "\(choices[0])x")
            expectRefused(rule, "true")
        case .boolean:
            for (written, value) in [("true", "true"), ("false", "false"), ("yes", "true"), ("off", "false")] {
                try expectAccepted(keyPath, written, readsBack: value)
            }
            expectRefused(rule, "\"true\"", shownAs: "true")
            expectRefused(rule, "1")
            expectRefused(rule, "maybe")
        case .wholeNumber, .positiveNumber:
            Issue.record("`\(keyPath)` is a number")
        }
    }
}
