/// How a path changed between two states.
public enum ChangeKind: Sendable, Equatable {
    /// New (for the work tree side of a status: untracked).
    case added
    /// Content (or mode) changed.
    case modified
    /// Gone.
    case deleted
    /// Moved, possibly with edits (only when rename detection was asked for).
    case renamed
    /// Changed kind, e.g. file to symbolic link.
    case typeChanged
}
