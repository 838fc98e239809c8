/// One statement's changes against ServiceNow's version.
public struct StatementDiff: Sendable, Codable, Equatable {
    public var path: String
    public var statement: StatementRef?
    /// The patch, in Git's unified format (or Git's `--word-diff=plain` form with `--word`).
    public var patch: String
}
