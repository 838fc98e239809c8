import Foundation

/// The rules that can be switched while the emulator runs.
public struct EmulatorRules: Sendable, Equatable, Codable {
    /// Refuse writes to `sn_compliance_control` records whose `state` is not `draft` (403).
    public var draftOnlyWrites: Bool
    /// Clean HTML on write (see `HTMLSanitizer`).
    public var sanitizeHTML: Bool

    /// Rules with the given switches.
    public init(draftOnlyWrites: Bool = false, sanitizeHTML: Bool = true) {
        self.draftOnlyWrites = draftOnlyWrites
        self.sanitizeHTML = sanitizeHTML
    }
}

/// Everything a running emulator shares between the HTTP side and the Swift API.
final class EmulatorCore: Sendable {
    let store: EmulatorStore
    let faults = EmulatorFaults()
    let rules: Locked<EmulatorRules>
    let tokens = Locked(OAuthTokens())
    let log = Locked<[LoggedRequest]>([])
    let passwords: [String: String]
    let oauthClients: [String: String]
    let accessTokenLifetime: TimeInterval

    init(options: EmulatorOptions) throws {
        var randomSeed: UInt64 = 1
        if case .demo(_, _, let seed, _) = options.seed { randomSeed = seed }
        store = EmulatorStore(randomSeed: randomSeed)
        rules = Locked(EmulatorRules(draftOnlyWrites: options.draftOnlyWrites, sanitizeHTML: options.sanitizeHTML))
        passwords = Dictionary(options.users.map { ($0.name, $0.password) }) { _, last in last }
        oauthClients = Dictionary(options.oauthClients.map { ($0.id, $0.secret) }) { _, last in last }
        let lifetime = options.accessTokenLifetime.components
        accessTokenLifetime = TimeInterval(lifetime.seconds) + TimeInterval(lifetime.attoseconds) / 1e18
        if let url = options.stateFile, FileManager.default.fileExists(atPath: url.path) {
            let saved = try StateFile.load(from: url)
            store.state.withLock { state in
                GRCSeed.defineTables(in: &state)
                saved.restore(into: &state)
            }
        } else {
            try store.state.withLock { state in
                try GRCSeed.seed(options.seed, users: options.users, into: &state)
            }
        }
    }

    func append(_ entry: LoggedRequest) {
        log.withLock { $0.append(entry) }
    }
}
