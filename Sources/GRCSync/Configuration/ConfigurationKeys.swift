public import Statements

extension Configuration {
    /// Every key path `config.yaml` accepts, sections included, in the order the documentation gives them.
    ///
    /// The parser rejects anything else; tests check that `config.yaml.example` and
    /// `docs/configuration.md` cover each one, so the three cannot drift apart.
    public static let keyPaths: [String] = [
        "instance",
        "auth", "auth.method", "auth.username", "auth.client_id",
        "table", "query",
        "statement_field", "system_field", "control_field", "title_field",
        "format",
        "page_size", "concurrency", "requests_per_second", "timeout_seconds", "retries",
        "push", "push.branch",
        "approvals", "approvals.required", "approvals.allow_self_approval", "approvals.approvers",
        "approvals.require_signed", "approvals.allowed_signers",
    ]

    /// The accepted values and the default of every key that has fixed limits: the numbers, the
    /// choices and the booleans. This is the only place they are written down.
    ///
    /// The parser checks values against these rules and words its errors with them; the defaults of
    /// ``Configuration``, ``ApprovalSettings`` and `grcsync init`'s file come from them; tests check
    /// that `config.yaml.example` and `docs/configuration.md` state the same limits and defaults, and
    /// that the parser rejects values just outside each range.
    public static let keyRules: [ConfigurationKeyRule] = [
        ConfigurationKeyRule("auth.method", .choice(["basic", "oauth"], default: "basic")),
        ConfigurationKeyRule(
            "format", .choice(StatementFormat.allCases.map(\.rawValue), default: StatementFormat.html.rawValue)),
        ConfigurationKeyRule("page_size", .wholeNumber(1...10_000, default: 500)),
        ConfigurationKeyRule("concurrency", .wholeNumber(1...16, default: 4)),
        ConfigurationKeyRule("requests_per_second", .positiveNumber(maximum: 1_000, default: nil), absentDefault: "no cap"),
        ConfigurationKeyRule("timeout_seconds", .positiveNumber(maximum: 3_600, default: 60)),
        ConfigurationKeyRule("retries", .wholeNumber(1...20, default: 5)),
        ConfigurationKeyRule("approvals.required", .wholeNumber(0...100, default: 0)),
        ConfigurationKeyRule("approvals.allow_self_approval", .boolean(default: false)),
        ConfigurationKeyRule("approvals.require_signed", .boolean(default: false)),
    ]

    /// The rule for `keyPath`. A key path without one is a programming error, caught by the
    /// configuration tests, which read every key.
    static func keyRule(_ keyPath: String) -> ConfigurationKeyRule {
        guard let rule = keyRules.first(where: { $0.keyPath == keyPath }) else {
            preconditionFailure("`\(keyPath)` has no entry in Configuration.keyRules; add one there.")
        }
        return rule
    }

    /// The statement format used when `format` is not set.
    public static let defaultFormat: StatementFormat = {
        let name = keyRule("format").choice.default
        guard let format = StatementFormat(rawValue: name) else {
            preconditionFailure("The default `format` in Configuration.keyRules, \(name), is not a StatementFormat.")
        }
        return format
    }()
    /// Records per listing request when `page_size` is not set.
    public static let defaultPageSize = keyRule("page_size").wholeNumber.default
    /// Requests in flight when `concurrency` is not set.
    public static let defaultConcurrency = keyRule("concurrency").wholeNumber.default
    /// The rate cap when `requests_per_second` is not set (`nil`: none).
    public static let defaultRequestsPerSecond = keyRule("requests_per_second").positiveNumber.default
    /// The timeout of one request, in seconds, when `timeout_seconds` is not set.
    public static let defaultTimeoutSeconds: Double = {
        guard let seconds = keyRule("timeout_seconds").positiveNumber.default else {
            preconditionFailure("`timeout_seconds` needs a default in Configuration.keyRules.")
        }
        return seconds
    }()
    /// Attempts per request when `retries` is not set.
    public static let defaultRetries = keyRule("retries").wholeNumber.default

    /// The keys directly inside the section at `path` ("" for the top level).
    static func keys(in path: String) -> [String] {
        keyPaths.compactMap { keyPath in
            if path.isEmpty { return keyPath.contains(".") ? nil : keyPath }
            guard keyPath.hasPrefix(path + ".") else { return nil }
            let rest = keyPath.dropFirst(path.count + 1)
            return rest.contains(".") ? nil : String(rest)
        }
    }
}
