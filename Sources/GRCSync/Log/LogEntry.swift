/// One pull or push recorded in the mirror's history.
public struct LogEntry: Sendable, Codable {
    public var commit: String
    public var date: String
    /// Who ran grcsync (the mirror commit's committer).
    public var who: String
    public var operation: String
    public var job: String?
    public var added: Int
    public var changed: Int
    public var removed: Int
    public var summary: String
    /// For a push run from this clone: its job record (per-statement results, requests, timings).
    public var push: PushReport?
}
