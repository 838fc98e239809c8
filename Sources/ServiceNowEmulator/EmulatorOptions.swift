public import Foundation

/// How to start an emulator: where it listens, who may log in, what data it holds, which rules apply.
public struct EmulatorOptions: Sendable {
    /// The address to bind; loopback unless you mean to share the emulator.
    public var host: String
    /// The port; 0 picks a free one (read it back from `EmulatorServer.baseURL`).
    public var port: Int
    /// Users for basic auth and the OAuth password grant.
    public var users: [EmulatorUser]
    /// OAuth clients accepted by `/oauth_token.do`; empty accepts any client id and secret.
    public var oauthClients: [EmulatorOAuthClient]
    /// How long an OAuth access token lives (ServiceNow's default is 1799 s).
    public var accessTokenLifetime: Duration
    /// The data to start with (ignored when `stateFile` exists: the saved state wins).
    public var seed: EmulatorSeed
    /// Where to save the data on change and on stop, and to reload it from at start.
    public var stateFile: URL?
    /// Refuse writes to `sn_compliance_control` records whose `state` is not `draft` (403).
    public var draftOnlyWrites: Bool
    /// Clean HTML on write like ServiceNow does (see `HTMLSanitizer`).
    public var sanitizeHTML: Bool

    /// Options with defaults: loopback, a free port, `admin:admin`, no data.
    public init(
        host: String = "127.0.0.1", port: Int = 0, users: [EmulatorUser] = [EmulatorUser(name: "admin", password: "admin")],
        oauthClients: [EmulatorOAuthClient] = [], accessTokenLifetime: Duration = .seconds(1799),
        seed: EmulatorSeed = .empty, stateFile: URL? = nil, draftOnlyWrites: Bool = false, sanitizeHTML: Bool = true
    ) {
        self.host = host
        self.port = port
        self.users = users
        self.oauthClients = oauthClients
        self.accessTokenLifetime = accessTokenLifetime
        self.seed = seed
        self.stateFile = stateFile
        self.draftOnlyWrites = draftOnlyWrites
        self.sanitizeHTML = sanitizeHTML
    }
}

/// A user who may log in.
public struct EmulatorUser: Sendable, Hashable, Codable {
    /// The user name, as in `sys_user.user_name` and `sys_updated_by`.
    public var name: String
    /// The password.
    public var password: String

    /// A user with a name and password.
    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    /// Parses `admin:admin,alice:secret` (as given to `--users`); nil when an entry has no colon.
    public static func parseList(_ text: String) -> [EmulatorUser]? {
        var users: [EmulatorUser] = []
        for entry in text.split(separator: ",") {
            guard let colon = entry.firstIndex(of: ":"), colon != entry.startIndex else { return nil }
            users.append(EmulatorUser(name: String(entry[..<colon]), password: String(entry[entry.index(after: colon)...])))
        }
        return users.isEmpty ? nil : users
    }
}

/// An OAuth client registered for `/oauth_token.do`.
public struct EmulatorOAuthClient: Sendable, Hashable {
    /// `client_id`.
    public var id: String
    /// `client_secret`.
    public var secret: String

    /// A client with an id and secret.
    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }
}

/// The data an emulator starts with.
public enum EmulatorSeed: Sendable, Equatable {
    /// The GRC tables and `sys_user` (one row per emulator user), no GRC records.
    case empty
    /// `systems` information systems, each with every control of `baseline`, statements generated from
    /// templates (or, with `statementsFile`, taken from that 18F JSONL file where a control has one).
    /// The same `randomSeed` always gives the same sys_ids and text.
    case demo(baseline: Baseline = .low, systems: Int = 2, randomSeed: UInt64 = 1, statementsFile: URL? = nil)
}

/// A NIST SP 800-53B control baseline.
public enum Baseline: String, Sendable, CaseIterable, Codable {
    /// 149 controls.
    case low
    /// 287 controls.
    case moderate
    /// 370 controls.
    case high
}
