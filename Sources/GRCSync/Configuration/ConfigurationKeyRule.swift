/// What one `config.yaml` key with fixed limits accepts (a range of numbers, a set of words, or a
/// boolean) and the value it takes when it is not set.
///
/// ``Configuration/keyRules`` holds one for each such key and is the only place their limits and
/// defaults are written down: the parser checks values against it and words its errors with
/// ``allowedText``, ``Configuration``'s defaults are read from it, and tests check that
/// `config.yaml.example` and `docs/configuration.md` state exactly ``allowedText`` and ``defaultText``.
public struct ConfigurationKeyRule: Sendable, Equatable {
    /// The values a key accepts, with the one it takes when unset.
    public enum Values: Sendable, Equatable {
        /// A whole number within the range (it may be quoted).
        case wholeNumber(ClosedRange<Int>, default: Int)
        /// A finite number greater than 0 and at most `maximum`, fractions allowed (it may be quoted).
        /// A `nil` default means the setting is off when the key is not set.
        case positiveNumber(maximum: Double, default: Double?)
        /// One of these words, compared case-insensitively.
        case choice([String], default: String)
        /// `true` or `false` (YAML's `yes`/`no`/`on`/`off` too), never quoted.
        case boolean(default: Bool)
    }

    /// The dotted key path, as in ``Configuration/keyPaths``.
    public let keyPath: String
    /// What the key accepts and its default.
    public let values: Values
    /// What the documentation calls the default when there is none (a `nil` positive-number default).
    public let absentDefaultText: String

    /// Creates a rule; `absentDefault` names the behaviour when a number's default is `nil` ("no cap").
    init(_ keyPath: String, _ values: Values, absentDefault: String = "none") {
        self.keyPath = keyPath
        self.values = values
        self.absentDefaultText = absentDefault
    }

    /// The accepted values in the words every error, `config.yaml.example` and `docs/configuration.md`
    /// use: "a whole number from 1 to 16", "a number greater than 0 and at most 3600",
    /// "`html` or `markdown`", "`true` or `false`".
    public var allowedText: String {
        switch values {
        case .wholeNumber(let range, _):
            "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .positiveNumber(let maximum, _):
            "a number greater than 0 and at most \(Self.text(maximum))"
        case .choice(let choices, _):
            choices.map { "`\($0)`" }.joined(separator: " or ")
        case .boolean:
            "`true` or `false`"
        }
    }

    /// The default as the documentation states it: "500", "60", "basic", "false", or
    /// ``absentDefaultText`` ("no cap") when there is none.
    public var defaultText: String {
        switch values {
        case .wholeNumber(_, let value): String(value)
        case .positiveNumber(_, let value): value.map(Self.text) ?? absentDefaultText
        case .choice(_, let value): value
        case .boolean(let value): String(value)
        }
    }

    /// A number as a user writes it: `3600`, not `3600.0`.
    static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    // The parts of one kind of rule. Asking a rule of another kind is a programming error, caught by
    // the configuration tests, which read every key.

    /// The range and default of a whole-number key.
    var wholeNumber: (range: ClosedRange<Int>, default: Int) {
        guard case .wholeNumber(let range, let value) = values else { preconditionFailure(kindMismatch("whole-number")) }
        return (range, value)
    }

    /// The maximum and default of a positive-number key.
    var positiveNumber: (maximum: Double, default: Double?) {
        guard case .positiveNumber(let maximum, let value) = values else { preconditionFailure(kindMismatch("number")) }
        return (maximum, value)
    }

    /// The words and default of a choice key.
    var choice: (choices: [String], default: String) {
        guard case .choice(let choices, let value) = values else { preconditionFailure(kindMismatch("choice")) }
        return (choices, value)
    }

    /// The default of a boolean key.
    var booleanDefault: Bool {
        guard case .boolean(let value) = values else { preconditionFailure(kindMismatch("boolean")) }
        return value
    }

    private func kindMismatch(_ kind: String) -> String {
        "`\(keyPath)` is not a \(kind) key in Configuration.keyRules; read it with the accessor for its kind."
    }
}
