/// One path of `git status`: how it differs between HEAD and the index, and between the index and the work tree.
public struct StatusEntry: Sendable, Equatable {
    /// The path (for a rename, the new path).
    public let path: String
    /// HEAD → index (staged); nil when unchanged.
    public let index: ChangeKind?
    /// Index → work tree (unstaged); `.added` means untracked; nil when unchanged.
    public let workTree: ChangeKind?
    /// Whether the path has unresolved merge conflicts.
    public let isConflicted: Bool

    /// Creates a status entry.
    public init(path: String, index: ChangeKind?, workTree: ChangeKind?, isConflicted: Bool) {
        self.path = path
        self.index = index
        self.workTree = workTree
        self.isConflicted = isConflicted
    }
}
