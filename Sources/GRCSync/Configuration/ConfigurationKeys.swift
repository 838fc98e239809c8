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
