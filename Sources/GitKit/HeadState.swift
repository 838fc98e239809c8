/// Where HEAD points.
public enum HeadState: Sendable, Equatable {
    /// On a branch (short name, e.g. "main"); `target` is nil while the branch is unborn (no commit yet).
    case branch(name: String, target: ObjectID?)
    /// Detached at a commit.
    case detached(ObjectID)
}
