import Foundation
import Yams

/// One mapping of `config.yaml` (the top level, `auth:`, `push:` or `approvals:`), with its keys
/// checked against ``Configuration/keyPaths`` and typed accessors whose errors point at the value.
///
/// A key whose value is empty (`query:` or `query: ~`) counts as not set.
struct ConfigurationSection {
    /// The section's key path; "" for the top level.
    let path: String
    /// Where the mapping starts.
    let mark: Mark?
    let file: String
    private var entries: [String: (key: Node, value: Node)] = [:]

    /// Checks `node` is a mapping whose keys are all known at `path`.
    init(_ node: Node, path: String, file: String) throws(ConfigurationError) {
        self.path = path
        self.mark = node.mark
        self.file = file
        let allowed = Configuration.keys(in: path)
        guard let mapping = node.mapping else {
            let what = path.isEmpty
                ? "The top level of config.yaml must be a mapping of keys to values (e.g. `instance: https://acme.service-now.com`)"
                : "`\(path)` must be a mapping with the keys \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
            throw ConfigurationError(
                file: file, keyPath: path.isEmpty ? nil : path, line: node.mark?.line,
                column: node.mark?.column, message: "\(what), not \(ConfigurationSection.describe(node)).")
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw ConfigurationError(
                    file: file, keyPath: path.isEmpty ? nil : path, line: key.mark?.line, column: key.mark?.column,
                    message: "a key must be a plain word such as `table`, not \(ConfigurationSection.describe(key)).")
            }
            guard allowed.contains(name) else {
                let keyPath = path.isEmpty ? name : "\(path).\(name)"
                throw ConfigurationError(
                    file: file, keyPath: keyPath, line: key.mark?.line, column: key.mark?.column,
                    message: "unknown key `\(keyPath)` \(KeySuggestion(unknown: name, in: path).hint).")
            }
            entries[name] = (key, value)
        }
    }

    /// The full key path of `key`.
    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value of `key`, or `nil` when it is absent or empty.
    func node(_ key: String) -> Node? {
        guard let value = entries[key]?.value else { return nil }
        if value.scalar != nil, value.tagName == .null { return nil }
        return value
    }

    /// Whether `key` is written in the file, even with an empty value.
    func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The nested section at `key`, or `nil` when it is absent or empty.
    func section(_ key: String) throws(ConfigurationError) -> ConfigurationSection? {
        guard let value = node(key) else { return nil }
        return try ConfigurationSection(value, path: keyPath(key), file: file)
    }

    /// A non-empty string value (numbers and booleans written plainly are taken as their text).
    func string(_ key: String, _ expectation: String = "a string") throws(ConfigurationError) -> String? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else { throw invalid(key, value, expectation) }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw error(key, at: value, "`\(keyPath(key))` is empty; give it a value, or remove the line to use the default.")
        }
        return text
    }

    /// The rule ``Configuration/keyRules`` gives `key` of this section.
    func rule(_ key: String) -> ConfigurationKeyRule { Configuration.keyRule(keyPath(key)) }

    /// A whole number within the range ``Configuration/keyRules`` gives `key`.
    func int(_ key: String) throws(ConfigurationError) -> Int? {
        let rule = rule(key)
        let range = rule.wholeNumber.range
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else { throw invalid(key, value, rule.allowedText) }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard let number = Int(text) ?? (value.tagName == .int ? value.int : nil), range.contains(number) else {
            throw invalid(key, value, rule.allowedText)
        }
        return number
    }

    /// A finite number greater than zero and at most the maximum ``Configuration/keyRules`` gives `key`.
    func positiveNumber(_ key: String) throws(ConfigurationError) -> Double? {
        let rule = rule(key)
        let maximum = rule.positiveNumber.maximum
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else { throw invalid(key, value, rule.allowedText) }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard let number = Double(text) ?? value.float, number.isFinite, number > 0, number <= maximum else {
            throw invalid(key, value, rule.allowedText)
        }
        return number
    }

    /// `true` or `false` (YAML's `yes`/`no`/`on`/`off` too, written without quotes), for a boolean
    /// key of ``Configuration/keyRules``.
    func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        let rule = rule(key)
        _ = rule.booleanDefault  // stops here if the rule is not a boolean one
        guard let value = node(key) else { return nil }
        guard value.scalar != nil, value.tagName == .bool, let flag = value.bool else {
            throw invalid(key, value, rule.allowedText)
        }
        return flag
    }

    /// One of the words ``Configuration/keyRules`` gives `key`, compared case-insensitively.
    func choice(_ key: String) throws(ConfigurationError) -> String? {
        let rule = rule(key)
        let choices = rule.choice.choices
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased(),
              choices.contains(text)
        else { throw invalid(key, value, rule.allowedText) }
        return text
    }

    /// A list of non-empty strings; a single string counts as a list of one.
    func stringList(_ key: String, _ expectation: String) throws(ConfigurationError) -> [(String, Node)]? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar {
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw invalid(key, value, "a list of \(expectation)") }
            return [(text, value)]
        }
        guard let sequence = value.sequence else { throw invalid(key, value, "a list of \(expectation)") }
        var items: [(String, Node)] = []
        for (index, item) in sequence.enumerated() {
            guard let text = item.scalar?.string.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                throw error(key, at: item, "item \(index + 1) of `\(keyPath(key))` must be \(expectation), "
                    + "not \(Self.describe(item)).")
            }
            items.append((text, item))
        }
        return items
    }

    /// The error for a present value of the wrong type, range or spelling.
    func invalid(_ key: String, _ value: Node, _ expectation: String) -> ConfigurationError {
        error(key, at: value, "`\(keyPath(key))` must be \(expectation), not \(Self.describe(value)).")
    }

    /// An error about `key` located at `node`.
    func error(_ key: String, at node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(
            file: file, keyPath: keyPath(key), line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// An error about the value of `key` (or the key itself when it has no value).
    func error(_ key: String, _ message: String) -> ConfigurationError {
        let place = entries[key]?.value.mark ?? entries[key]?.key.mark
        return ConfigurationError(
            file: file, keyPath: keyPath(key), line: place?.line, column: place?.column, message: message)
    }

    /// The error for a required key that is absent or empty, at the key if it is written, else at the section.
    func missing(_ key: String, _ explanation: String) -> ConfigurationError {
        let place = entries[key]?.key.mark ?? (path.isEmpty ? nil : mark)
        return ConfigurationError(
            file: file, keyPath: keyPath(key), line: place?.line, column: place?.column,
            message: "missing required key `\(keyPath(key))` (\(explanation)).")
    }

    /// A short, quoted, single-line rendering of a value for error messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if node.tagName == .null { return "an empty value" }
            var text = scalar.string.replacingOccurrences(of: "\n", with: " ")
            if text.count > 40 { text = String(text.prefix(37)) + "..." }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }
}

extension Node {
    /// The resolved tag (`!!int`, `!!bool`, `!!null`, ...): quoted scalars resolve to `!!str`.
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
