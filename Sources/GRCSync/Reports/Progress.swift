/// What long work reports as it goes, for a progress line on a terminal.
public enum ProgressEvent: Sendable, Equatable {
    /// Listing records: `done` of `total` (when the server said).
    case listing(done: Int, total: Int?)
    /// Fetching content of changed records.
    case fetching(done: Int, total: Int)
    /// Writing statements to ServiceNow.
    case writing(done: Int, total: Int)
    /// A phase with no count, e.g. "merging".
    case phase(String)
}

/// Receives progress; called from any task.
public typealias ProgressHandler = @Sendable (ProgressEvent) -> Void
