import Yams

/// Refuses keys that look like they hold a secret, anywhere in `config.yaml`.
///
/// config.yaml is committed to Git, so a password in it is a password in every clone. The check runs
/// before any other so that even a misspelt or misplaced secret is caught, and the error names the key
/// and the variable to use instead but never the value.
struct SecretKeys {
    let file: String

    private static let fragments = ["password", "passwd", "secret", "token", "apikey", "api_key", "credential"]

    static func looksSecret(_ key: String) -> Bool {
        let key = key.lowercased()
        return fragments.contains { key.contains($0) }
    }

    /// Throws for the first secret-looking key in document order.
    func check(_ node: Node, path: String = "") throws(ConfigurationError) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                let keyPath = path.isEmpty ? name : "\(path).\(name)"
                if Self.looksSecret(name) {
                    throw ConfigurationError(
                        file: file, keyPath: keyPath, line: key.mark?.line, column: key.mark?.column,
                        message: "`\(keyPath)` looks like a secret, and secrets never go in config.yaml "
                            + "(it is committed to Git). Remove the line and set \(Self.variable(for: name)) in "
                            + "the environment, or use ~/.netrc (see docs/configuration.md). If this file was "
                            + "ever committed or shared, treat the secret as exposed and change it.")
                }
                try check(value, path: keyPath)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                try check(item, path: "\(path)[\(index)]")
            }
        case .scalar, .alias:
            return
        }
    }

    private static func variable(for key: String) -> String {
        let key = key.lowercased()
        if key.contains("token") { return "GRCSYNC_TOKEN" }
        if key.contains("secret") { return "GRCSYNC_CLIENT_SECRET" }
        return "GRCSYNC_PASSWORD"
    }
}
