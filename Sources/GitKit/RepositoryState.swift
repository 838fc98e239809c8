/// What multi-step operation, if any, the repository is in the middle of (`git_repository_state`).
public enum RepositoryState: Sendable, Equatable, CustomStringConvertible {
    /// No operation in progress.
    case clean
    /// A merge stopped (usually on conflicts): MERGE_HEAD exists.
    case merge
    /// Something else (rebase, cherry-pick, revert, bisect, ...), named.
    case other(String)

    /// "merge", "rebase", ...
    public var description: String {
        switch self {
        case .clean: "clean state"
        case .merge: "merge"
        case .other(let name): name
        }
    }
}
