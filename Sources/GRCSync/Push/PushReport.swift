/// What a push did, statement by statement — also the job record `grcsync log --json` shows.
public struct PushReport: Sendable, Codable {
    /// How one statement ended.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// Written; ServiceNow now holds it.
        case pushed
        /// ServiceNow already held this content: nothing was written.
        case alreadyInSync = "already-in-sync"
        /// Changed in ServiceNow since the last pull: not written (pull and merge first, or --force).
        case conflict
        /// Written, but someone else wrote the record between our check and our write.
        case race
        /// Not written: the server refused it, or it could not be reached.
        case failed
        /// Not attempted: an earlier error (401) stopped the push.
        case skipped
        /// `--dry-run`: would be written.
        case wouldPush = "would-push"
    }

    /// One statement's result.
    public struct Item: Sendable, Codable, Equatable {
        public var statement: StatementRef
        public var outcome: Outcome
        /// The server's message, the conflict's mod counts, a sanitiser note…
        public var detail: String?
        /// Set when ServiceNow stored something other than what we sent (its HTML sanitiser).
        public var serverAltered: Bool
        /// `--dry-run`: the change against ServiceNow's version.
        public var diff: String?
        /// The approvals that authorised it (`<commit> Name <email>`), when approvals are required.
        public var approvals: [String]

        public init(statement: StatementRef, outcome: Outcome, detail: String? = nil, serverAltered: Bool = false,
                    diff: String? = nil, approvals: [String] = []) {
            self.statement = statement
            self.outcome = outcome
            self.detail = detail
            self.serverAltered = serverAltered
            self.diff = diff
            self.approvals = approvals
        }

        enum CodingKeys: String, CodingKey {
            case statement, outcome, detail, diff, approvals
            case serverAltered = "server_altered"
        }

        /// Reads job records of any grcsync version: keys added later may be absent.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            statement = try container.decode(StatementRef.self, forKey: .statement)
            outcome = try container.decode(Outcome.self, forKey: .outcome)
            detail = try container.decodeIfPresent(String.self, forKey: .detail)
            serverAltered = try container.decodeIfPresent(Bool.self, forKey: .serverAltered) ?? false
            diff = try container.decodeIfPresent(String.self, forKey: .diff)
            approvals = try container.decodeIfPresent([String].self, forKey: .approvals) ?? []
        }
    }

    /// A file push left alone, and why (uncommitted, new, deleted).
    public struct Refusal: Sendable, Codable, Equatable {
        public var path: String
        public var reason: String
    }

    public var job: String
    public var instance: String
    public var branch: String
    public var who: String
    public var startedAt: String
    public var dryRun: Bool
    public var force: Bool
    public var items: [Item]
    public var refused: [Refusal]
    /// Statements recovered from an interrupted push before this one ran.
    public var recovered: Int
    public var mirrorCommit: String?
    public var syncCommit: String?
    public var requests: Int
    public var retries: Int
    public var seconds: Double

    /// Every selected statement ended pushed or already in sync.
    public var succeeded: Bool {
        items.allSatisfy { [.pushed, .alreadyInSync, .wouldPush].contains($0.outcome) }
    }

    enum CodingKeys: String, CodingKey {
        case job, instance, branch, who, force, items, refused, recovered, requests, retries, seconds
        case startedAt = "started_at"
        case dryRun = "dry_run"
        case mirrorCommit = "mirror_commit"
        case syncCommit = "sync_commit"
    }
}

extension PushReport: JSONStreamedReport {
    public func splitForJSON() -> (head: PushReport, lists: [JSONList]) {
        var head = self
        head.items = []
        head.refused = []
        return (head, [JSONList(key: CodingKeys.items.rawValue, items), JSONList(key: CodingKeys.refused.rawValue, refused)])
    }
}
