/// What a pull did.
public struct PullReport: Sendable, Codable {
    /// How the mirror was merged into the current branch.
    public enum MergeResult: Sendable, Equatable, Codable {
        case upToDate
        case fastForward
        case merged(commit: String)
        case conflicts(paths: [String])
    }

    /// A statement whose remote version was added, changed or removed in the mirror.
    public struct Change: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case added, changed, removed }
        public var kind: Kind
        public var statement: StatementRef
        /// Who changed it in ServiceNow (`sys_updated_by`), where known.
        public var updatedBy: String?
    }

    /// A statement that stays an `.html` file in a Markdown workspace, and why.
    public struct KeptAsHTML: Sendable, Equatable, Codable {
        public var path: String
        public var reason: String
    }

    public var instance: String
    public var branch: String
    /// Records in scope on the server.
    public var listed: Int
    public var changes: [Change]
    public var keptAsHTML: [KeptAsHTML]
    /// The new mirror commit, or nil when ServiceNow had nothing new.
    public var mirrorCommit: String?
    /// Set when the mirror ref was missing and was found again in history.
    public var mirrorRebuilt: Bool
    public var merge: MergeResult
    /// HTTP requests made.
    public var requests: Int
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case instance, branch, listed, changes, merge, requests, seconds
        case keptAsHTML = "kept_as_html"
        case mirrorCommit = "mirror_commit"
        case mirrorRebuilt = "mirror_rebuilt"
    }
}
