import Foundation

/// Checks and normalises the `instance` URL: http or https, a host, no credentials, no query or
/// fragment, no trailing slash.
enum InstanceURL {
    /// Why a text is not a usable instance URL; the message never repeats a password.
    struct Problem: Error {
        let message: String
    }

    static let example = "https://acme.service-now.com"

    static func parse(_ text: String) -> Result<URL, Problem> {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Checked first, and without echoing the text: `user:password@host` would leak the password.
        if text.contains("@") {
            return .failure(Problem(message:
                "`instance` must not contain a user name or password: secrets never go in config.yaml. "
                + "Set GRCSYNC_USERNAME and GRCSYNC_PASSWORD, or use ~/.netrc (see docs/configuration.md)."))
        }
        guard let schemeEnd = text.range(of: "://") else {
            return .failure(Problem(message:
                "`instance` must be a full URL such as https://\(text.isEmpty ? "acme.service-now.com" : text), "
                + "scheme included."))
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            return .failure(Problem(message:
                "`instance` must start with https:// (or http:// for a local emulator), not \"\(scheme)://\"."))
        }
        guard let components = URLComponents(string: text), !text.contains(where: \.isWhitespace) else {
            return .failure(Problem(message: "`instance` is not a valid URL; write it like \(example)."))
        }
        guard let host = components.host, !host.isEmpty else {
            return .failure(Problem(message: "`instance` has no host name; write it like \(example)."))
        }
        guard components.query == nil, components.fragment == nil else {
            return .failure(Problem(message:
                "`instance` must be the instance's base URL, without a `?` or `#` part, e.g. \(example)."))
        }
        var normalized = components
        normalized.scheme = scheme
        normalized.host = host.lowercased()
        while normalized.path.hasSuffix("/") { normalized.path.removeLast() }
        guard let url = normalized.url else {
            return .failure(Problem(message: "`instance` is not a valid URL; write it like \(example)."))
        }
        return .success(url)
    }
}
