import Foundation

/// Checks and normalises the `instance` URL: https (http only for this machine's loopback, where the
/// emulator runs), a host, no credentials, no query or fragment, no trailing slash.
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
        // Basic credentials and OAuth secrets go in every request's headers: over http:// anyone on the
        // way reads them, and the statements too.
        if scheme == "http", !isLoopback(host) {
            return .failure(Problem(message:
                "`instance` uses http://, which would send your password and statements unencrypted to \(host.lowercased()); "
                + "use https://\(host.lowercased()). (http:// is accepted only for an emulator on this machine: "
                + "localhost, 127.0.0.1 or [::1].)"))
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

    /// Whether `host` names this machine's loopback interface: `localhost`, an address in 127.0.0.0/8, or
    /// `::1` (with or without the brackets a URL writes it in).
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { octet in
                (1...3).contains(octet.count) && octet.allSatisfy { ("0"..."9").contains($0) } && Int(octet)! <= 255
            }
    }
}
