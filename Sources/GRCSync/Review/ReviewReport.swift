/// What push would send, as a reviewer needs it.
public struct ReviewReport: Sendable, Codable {
    /// One statement to review.
    public struct Item: Sendable, Codable, Equatable {
        public var statement: StatementRef
        /// The blob id of the content under review (what an approval binds to).
        public var blob: String
        /// Authors of the commits that changed it since the last sync, `Name <email>`.
        public var authors: [String]
        /// The change against ServiceNow's version.
        public var diff: String
        public var approvals: ApprovalVerdict
    }

    public var branch: String
    public var required: Int
    public var items: [Item]
    public var refused: [PushReport.Refusal]
}
