/// Whether one statement has the approvals the policy asks for, and why each approval counts or not.
public struct ApprovalVerdict: Sendable, Equatable, Codable {
    /// One approval's standing for this statement.
    public struct Entry: Sendable, Equatable, Codable {
        /// The approval commit.
        public var commit: String
        /// `Name <email>` of the approver.
        public var approver: String
        /// Whether it counts for this statement.
        public var valid: Bool
        /// Why it does not count (nil when it does).
        public var reason: String?
        /// What is known of the approval commit's signature.
        public var signature: Approval.SignatureState
    }

    /// The statement file.
    public var path: String
    /// Valid approvals the policy asks for (`approvals.required`).
    public var required: Int
    /// Every approval of this statement since it last matched ServiceNow, newest first.
    public var entries: [Entry]

    /// How many approvals count.
    public var validCount: Int { entries.count { $0.valid } }
    /// Whether the statement has the approvals it needs.
    public var isSatisfied: Bool { validCount >= required }

    /// Creates a verdict.
    public init(path: String, required: Int, entries: [Entry]) {
        self.path = path
        self.required = required
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case path, required, entries, satisfied
        case validCount = "valid_count"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        required = try container.decode(Int.self, forKey: .required)
        entries = try container.decode([Entry].self, forKey: .entries)
    }

    /// Encodes the verdict with its count and whether it is satisfied, for scripts reading `--json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(required, forKey: .required)
        try container.encode(entries, forKey: .entries)
        try container.encode(validCount, forKey: .validCount)
        try container.encode(isSatisfied, forKey: .satisfied)
    }

    /// One line for people: what is missing.
    public var explanation: String {
        let invalid = entries.filter { !$0.valid }.map { "\($0.approver): \($0.reason ?? "")" }
        var text = "\(validCount) of \(required) approval(s)"
        if !invalid.isEmpty { text += "; not counted: " + invalid.joined(separator: "; ") }
        return text
    }
}
