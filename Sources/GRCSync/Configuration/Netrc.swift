/// The entries of a `.netrc` file, the classic place (curl, git, ftp) to keep a password out of
/// configuration.
///
/// Understood: `machine NAME`, `default`, `login`, `password`, `account`, `port` (ignored), `macdef`
/// (skipped up to the next empty line), comments from a `#` where a keyword is expected to the end of
/// the line, and double-quoted tokens with `\"` and `\\` escapes (as curl reads them) for values
/// that contain spaces or `#`.
public struct Netrc: Sendable, Equatable {
    /// One `machine` (or `default`) entry. Its description hides the password and account.
    public struct Entry: Sendable, Equatable, CustomStringConvertible {
        /// The host name, or `nil` for the `default` entry.
        public var machine: String?
        /// The user name.
        public var login: String?
        /// The password.
        public var password: String?
        /// The `account` token; grcsync reads it as the OAuth client secret.
        public var account: String?

        /// Creates an entry.
        public init(machine: String?, login: String? = nil, password: String? = nil, account: String? = nil) {
            self.machine = machine
            self.login = login
            self.password = password
            self.account = account
        }

        public var description: String {
            var parts = [machine.map { "machine \($0)" } ?? "default"]
            if let login { parts.append("login \(login)") }
            if password != nil { parts.append("password ***") }
            if account != nil { parts.append("account ***") }
            return parts.joined(separator: " ")
        }
    }

    /// The entries in file order.
    public var entries: [Entry]

    /// Creates a netrc from entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The entry to use for `host`: the first `machine` entry for it (compared case-insensitively)
    /// whose login is `login` or unset, else the `default` entry on the same terms. With `login` nil,
    /// the first entry for the host, else `default`.
    public func entry(forHost host: String, login: String? = nil) -> Entry? {
        let host = host.lowercased()
        func fits(_ entry: Entry) -> Bool {
            guard let login else { return true }
            return entry.login == nil || entry.login == login
        }
        return entries.first { $0.machine?.lowercased() == host && fits($0) }
            ?? entries.first { $0.machine == nil && fits($0) }
    }

    /// Parses the text of a netrc file; `file` names it in errors, which never quote its tokens.
    public static func parse(_ text: String, file: String) throws(NetrcError) -> Netrc {
        var scanner = NetrcScanner(text)
        var entries: [Entry] = []
        while let token = try scanner.next(file: file) {
            if !token.quoted, token.text.hasPrefix("#") {
                scanner.skipLine()
                continue
            }
            func value(_ keyword: String) throws(NetrcError) -> String {
                guard let value = try scanner.next(file: file) else {
                    throw NetrcError(file: file, line: token.line, message: "`\(keyword)` has no value after it.")
                }
                return value.text
            }
            switch token.quoted ? "" : token.text {
            case "machine":
                entries.append(Entry(machine: try value("machine")))
            case "default":
                entries.append(Entry(machine: nil))
            case "login", "password", "account":
                guard !entries.isEmpty else {
                    throw NetrcError(
                        file: file, line: token.line,
                        message: "`\(token.text)` comes before any `machine` or `default` entry.")
                }
                let text = try value(token.text)
                switch token.text {
                case "login": entries[entries.count - 1].login = text
                case "password": entries[entries.count - 1].password = text
                default: entries[entries.count - 1].account = text
                }
            case "port":
                _ = try value("port")
            case "macdef":
                _ = try value("macdef")
                scanner.skipMacro()
            default:
                throw NetrcError(
                    file: file, line: token.line,
                    message: "a word that is not a netrc keyword (machine, default, login, password, account, "
                        + "port, macdef) where one was expected; a value that contains spaces must be in "
                        + "double quotes.")
            }
        }
        return Netrc(entries: entries)
    }
}
