public import Foundation
public import ServiceNow

/// Finds the secrets for a workspace's instance, which never live in `config.yaml`.
///
/// Precedence, first match wins:
/// 1. `GRCSYNC_TOKEN`: a bearer token, whatever `auth.method` says.
/// 2. User name: `GRCSYNC_USERNAME`, then `auth.username`, then the netrc entry's `login`.
/// 3. Password: `GRCSYNC_PASSWORD`, then the netrc entry's `password`.
/// 4. OAuth client secret: `GRCSYNC_CLIENT_SECRET`, then the netrc entry's `account`.
///
/// The netrc entry is the first `machine <instance host>` entry whose login matches the user name
/// (when one is known already), else the `default` entry; the file is `$NETRC`, else `~/.netrc`,
/// and it is read only when the environment leaves something missing. Empty variables count as unset.
public struct CredentialResolver: Sendable {
    /// Bearer token; wins over everything else.
    public static let tokenVariable = "GRCSYNC_TOKEN"
    /// ServiceNow user name.
    public static let usernameVariable = "GRCSYNC_USERNAME"
    /// ServiceNow password.
    public static let passwordVariable = "GRCSYNC_PASSWORD"
    /// OAuth client secret.
    public static let clientSecretVariable = "GRCSYNC_CLIENT_SECRET"

    /// The environment the variables are read from.
    public var environment: [String: String]
    /// The netrc file consulted, or `nil` when there is none to consult (no `HOME`).
    public var netrcFile: URL?
    /// Whether the file came from `$NETRC`, which makes a missing file an error rather than "no entries".
    private var netrcFileIsExplicit: Bool

    /// Creates a resolver; `netrcFile` defaults to `$NETRC`, else `$HOME/.netrc`.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, netrcFile: URL? = nil
    ) {
        self.environment = environment
        if let netrcFile {
            self.netrcFile = netrcFile
            netrcFileIsExplicit = true
        } else if let path = environment["NETRC"], !path.isEmpty {
            self.netrcFile = URL(fileURLWithPath: path)
            netrcFileIsExplicit = true
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            self.netrcFile = home.map { URL(fileURLWithPath: $0).appendingPathComponent(".netrc") }
            netrcFileIsExplicit = false
        }
    }

    /// The credentials to sign in to `configuration.instance` with.
    public func credentials(for configuration: Configuration) throws(CredentialError) -> Credentials {
        if let token = variable(Self.tokenVariable) { return .bearer(token: token) }
        let host = configuration.instance.host ?? configuration.instance.absoluteString
        var netrc: Netrc?
        func entry(login: String?) throws(CredentialError) -> Netrc.Entry? {
            if netrc == nil { netrc = try load(host: host) }
            return netrc?.entry(forHost: host, login: login)
        }

        let knownUsername = variable(Self.usernameVariable) ?? configuration.auth.username
        var username = knownUsername
        var password = variable(Self.passwordVariable)
        if username == nil || password == nil {
            let found = try entry(login: knownUsername)
            username = username ?? found?.login
            // A password belongs to the entry's login; it is not borrowed for another user.
            if password == nil, found?.login == nil || found?.login == username { password = found?.password }
        }
        guard let username else { throw missing(.missingUsername, host: host, configuration: configuration) }
        guard let password else {
            throw missing(.missingPassword, host: host, configuration: configuration, username: username)
        }

        switch configuration.auth.method {
        case .basic:
            return .basic(username: username, password: password)
        case .oauth(let clientID):
            var secret = variable(Self.clientSecretVariable)
            if secret == nil { secret = try entry(login: username)?.account }
            guard let secret else {
                throw missing(.missingClientSecret, host: host, configuration: configuration, clientID: clientID)
            }
            return .oauthPassword(clientID: clientID, clientSecret: secret, username: username, password: password)
        }
    }

    private func variable(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    private var netrcName: String {
        guard let netrcFile else { return "~/.netrc" }
        return netrcFileIsExplicit ? netrcFile.path : "~/.netrc"
    }

    private func load(host: String) throws(CredentialError) -> Netrc {
        guard let netrcFile else { return Netrc(entries: []) }
        let data: Data
        do {
            data = try Data(contentsOf: netrcFile)
        } catch {
            let exists = FileManager.default.fileExists(atPath: netrcFile.path)
            if !exists, !netrcFileIsExplicit { return Netrc(entries: []) }
            let problem = NetrcError(
                file: netrcFile.path,
                message: exists ? "cannot be read; check its permissions." : "does not exist (NETRC points at it).")
            throw CredentialError(kind: .netrc(problem), host: host, message: problem.description)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let problem = NetrcError(file: netrcFile.path, message: "is not UTF-8 text.")
            throw CredentialError(kind: .netrc(problem), host: host, message: problem.description)
        }
        do {
            return try Netrc.parse(text, file: netrcFile.path)
        } catch {
            throw CredentialError(kind: .netrc(error), host: host, message: error.description)
        }
    }

    private func missing(
        _ kind: CredentialError.Kind, host: String, configuration: Configuration,
        username: String? = nil, clientID: String? = nil
    ) -> CredentialError {
        let instance = configuration.instance.absoluteString
        let orToken = " (A CI job can set \(Self.tokenVariable) to a bearer token instead.)"
        let message: String
        switch kind {
        case .missingUsername:
            message = "No ServiceNow user name for \(instance): set \(Self.usernameVariable) (or `auth.username` "
                + "in config.yaml) and \(Self.passwordVariable), or add `machine \(host) login USER password "
                + "PASSWORD` to \(netrcName)." + orToken
        case .missingPassword:
            message = "No ServiceNow password for \(username ?? "the user") on \(instance): set "
                + "\(Self.passwordVariable), or add `machine \(host) login \(username ?? "USER") password PASSWORD` "
                + "to \(netrcName)." + orToken
        case .missingClientSecret:
            message = "No OAuth client secret for client \(clientID ?? "") on \(instance): set "
                + "\(Self.clientSecretVariable), or add `account CLIENT_SECRET` to the `machine \(host)` entry "
                + "in \(netrcName)." + orToken
        case .netrc(let problem):
            message = problem.description
        }
        return CredentialError(kind: kind, host: host, message: message)
    }
}
