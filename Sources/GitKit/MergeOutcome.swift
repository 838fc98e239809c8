/// What `Repository.merge` did.
public enum MergeOutcome: Sendable, Equatable {
    /// The commit was already contained in HEAD; nothing changed.
    case upToDate
    /// HEAD moved forward (or an unborn branch was created) to this commit.
    case fastForward(to: ObjectID)
    /// A merge commit with two parents was made.
    case merged(commit: ObjectID)
    /// The merge stopped on conflicts at these paths; the repository is in a normal Git merge state.
    case conflicts(paths: [String])
}
