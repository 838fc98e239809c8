/// Restrictions on where `grcsync push` may run from.
public struct PushSettings: Sendable, Equatable {
    /// When set, push runs only with this branch checked out (the forge workflow: protect the branch,
    /// review pull requests on the Git host, push after the merge).
    public var branch: String?

    /// Creates push settings; by default push runs from any branch.
    public init(branch: String? = nil) {
        self.branch = branch
    }
}
