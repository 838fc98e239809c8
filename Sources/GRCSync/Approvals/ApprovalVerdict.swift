/// Whether one statement has the approvals the policy asks for, and why each approval counts or not.
public struct ApprovalVerdict: Sendable, Equatable, Codable {
    /// One approval's standing for this statement.
    public struct Entry: Sendable, Equatable, Codable {
        public var commit: String
        public var approver: String
        public var valid: Bool
        /// Why it does not count (nil when it does).
        public var reason: String?
    }

    public var path: String
    public var required: Int
    public var entries: [Entry]

    public var validCount: Int { entries.count { $0.valid } }
    public var isSatisfied: Bool { validCount >= required }

    /// One line for people: what is missing.
    public var explanation: String {
        let invalid = entries.filter { !$0.valid }.map { "\($0.approver): \($0.reason ?? "")" }
        var text = "\(validCount) of \(required) approval(s)"
        if !invalid.isEmpty { text += "; not counted: " + invalid.joined(separator: "; ") }
        return text
    }
}
