import Foundation
import Statements
import Yams

/// Turns the text of `config.yaml` into a ``Configuration``, walking Yams' node tree so that every
/// error can point at the line and column of the key or value at fault.
struct ConfigurationReader {
    let file: String
    let yaml: String

    static let instanceExplanation = "the ServiceNow URL, e.g. \(InstanceURL.example)"

    func read() throws(ConfigurationError) -> Configuration {
        guard let root = try compose() else {
            throw ConfigurationError(
                file: file, keyPath: "instance", message: "missing required key `instance` (\(Self.instanceExplanation)).")
        }
        try SecretKeys(file: file).check(root)
        let top = try ConfigurationSection(root, path: "", file: file)

        guard let instanceNode = top.node("instance") else { throw top.missing("instance", Self.instanceExplanation) }
        guard let instanceText = instanceNode.scalar?.string else {
            throw top.invalid("instance", instanceNode, "a URL such as \(InstanceURL.example)")
        }
        let instance: URL
        switch InstanceURL.parse(instanceText) {
        case .success(let url): instance = url
        case .failure(let problem): throw top.error("instance", at: instanceNode, problem.message)
        }

        var configuration = Configuration(instance: instance)
        configuration.auth = try auth(top)
        if let table = try name(top, "table", Self.tableName, "a table name such as `sn_compliance_control`") {
            configuration.table = table
        }
        configuration.query = try query(top)
        let field = "a field name such as `u_statement`, or a dot-walked one such as `profile.name`"
        if let value = try name(top, "statement_field", Self.tableName,
                                "a field name of the table itself, such as `implementation_statement` or `u_statement`")
        {
            configuration.statementField = value
        }
        if let value = try name(top, "system_field", Self.fieldPath, field) { configuration.systemField = value }
        if let value = try name(top, "control_field", Self.fieldPath, field) { configuration.controlField = value }
        if let value = try name(top, "title_field", Self.fieldPath, field) { configuration.titleField = value }
        if let format = try top.choice("format"),
           let parsed = StatementFormat(rawValue: format)
        {
            configuration.format = parsed
        }
        // Limits and defaults of the numbers and choices: Configuration.keyRules.
        if let value = try top.int("page_size") { configuration.pageSize = value }
        if let value = try top.int("concurrency") { configuration.concurrency = value }
        if let value = try top.positiveNumber("requests_per_second") { configuration.requestsPerSecond = value }
        if let value = try top.positiveNumber("timeout_seconds") { configuration.timeoutSeconds = value }
        if let value = try top.int("retries") { configuration.retries = value }
        configuration.push = try push(top)
        configuration.approvals = try approvals(top)
        return configuration
    }

    private func compose() throws(ConfigurationError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch {
            throw YAMLSyntaxDiagnosis(file: file, yaml: yaml, error: error).configurationError
        }
    }

    private func auth(_ top: ConfigurationSection) throws(ConfigurationError) -> AuthSettings {
        guard let section = try top.section("auth") else { return AuthSettings() }
        let method = try section.choice("method") ?? section.rule("method").choice.default
        let username = try section.string("username", "a ServiceNow user name")
        let clientID = try section.string("client_id", "an OAuth client id")
        switch (method, clientID) {
        case ("oauth", let clientID?):
            return AuthSettings(method: .oauth(clientID: clientID), username: username)
        case ("oauth", nil):
            throw section.missing(
                "client_id", "the OAuth application's client id, from System OAuth > Application Registry; "
                    + "its secret goes in GRCSYNC_CLIENT_SECRET")
        case (_, .some):
            throw section.error(
                "client_id",
                "`auth.client_id` is used only with `method: oauth`; add `method: oauth` to `auth`, or remove it.")
        default:
            return AuthSettings(method: .basic, username: username)
        }
    }

    private func query(_ top: ConfigurationSection) throws(ConfigurationError) -> String? {
        guard let query = try top.string("query", "an encoded query such as `profile.nameSTARTSWITHsys`") else {
            return nil
        }
        if query.lowercased().hasPrefix("sysparm_query=") {
            throw top.error("query", "`query` is the encoded query alone: leave out `sysparm_query=`.")
        }
        return query
    }

    private func push(_ top: ConfigurationSection) throws(ConfigurationError) -> PushSettings {
        guard let section = try top.section("push") else { return PushSettings() }
        guard let branch = try section.string("branch", "a branch name such as `main`") else { return PushSettings() }
        if let problem = Self.branchProblem(branch) {
            throw section.error("branch", "`push.branch` \(problem).")
        }
        return PushSettings(branch: branch)
    }

    private func approvals(_ top: ConfigurationSection) throws(ConfigurationError) -> ApprovalSettings {
        guard let section = try top.section("approvals") else { return ApprovalSettings() }
        var settings = ApprovalSettings()
        if let value = try section.int("required") { settings.required = value }
        if let value = try section.bool("allow_self_approval") { settings.allowSelfApproval = value }
        if let value = try section.bool("require_signed") { settings.requireSigned = value }
        if let items = try section.stringList("approvers", "e-mail addresses") {
            for (address, node) in items where !Self.isEmailAddress(address) {
                throw section.error("approvers", at: node,
                    "`approvals.approvers` holds e-mail addresses (as in `git config user.email`), "
                        + "not \(ConfigurationSection.describe(node)).")
            }
            settings.approvers = items.map(\.0)
        }
        if let path = try section.string("allowed_signers", "a path such as `.grcsync/allowed_signers`") {
            let components = path.split(separator: "/")
            if path.hasPrefix("/") || path.hasPrefix("~") || components.contains("..") {
                throw section.error(
                    "allowed_signers",
                    "`approvals.allowed_signers` must be a path inside the workspace, relative to its root "
                        + "(e.g. `.grcsync/allowed_signers`), so that it is reviewed and versioned with the statements.")
            }
            settings.allowedSignersFile = path
        }
        return settings
    }

    /// A string value that must match `pattern` (a table or field name).
    private func name(
        _ section: ConfigurationSection, _ key: String, _ pattern: (String) -> Bool, _ expectation: String
    ) throws(ConfigurationError) -> String? {
        guard let value = try section.string(key, expectation) else { return nil }
        guard pattern(value) else {
            throw section.error(key, "`\(section.keyPath(key))` must be \(expectation), not \"\(value)\".")
        }
        return value
    }

    private static func tableName(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    private static func fieldPath(_ text: String) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && tableName(String($0)) }
    }

    private static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(where: \.isWhitespace)
    }

    /// Why `branch` is not a usable short branch name (a subset of `git check-ref-format`), or `nil`.
    static func branchProblem(_ branch: String) -> String? {
        if branch.hasPrefix("refs/") { return "is a short branch name such as `main`, not a full ref" }
        let forbidden: Set<Character> = [" ", "~", "^", ":", "?", "*", "[", "\\"]
        if branch.contains(where: { forbidden.contains($0) || $0.asciiValue.map { $0 < 32 || $0 == 127 } == true })
            || branch.contains("..") || branch.contains("@{") || branch.contains("//")
            || branch.hasPrefix("-") || branch.hasPrefix("/") || branch.hasSuffix("/")
            || branch.hasSuffix(".") || branch.hasSuffix(".lock")
        {
            return "is not a valid Git branch name; use one such as `main` or `release/2025`"
        }
        return nil
    }
}
