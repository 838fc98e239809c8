/// What push would send, as a reviewer needs it.
public struct ReviewReport: Sendable, Codable {
    /// One statement to review.
    public struct Item: Sendable, Codable, Equatable {
        /// The statement: file, control, system.
        public var statement: StatementRef
        /// The blob id of the content under review (what an approval binds to).
        public var blob: String
        /// Authors of the commits that changed it since the last sync, `Name <email>`.
        public var authors: [String]
        /// The change against ServiceNow's version.
        public var diff: String
        /// Its approvals since it last matched ServiceNow, each valid or not, and why.
        public var approvals: ApprovalVerdict
    }

    /// The branch under review (HEAD's).
    public var branch: String
    /// Valid approvals each statement needs (`approvals.required`; 0 when the rule is off).
    public var required: Int
    /// The statements push would send.
    public var items: [Item]
    /// Changed files push would not send, and why.
    public var refused: [PushReport.Refusal]
}
