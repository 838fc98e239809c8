/// One changed file in a diff.
public struct FileChange: Sendable, Equatable {
    /// The path after the change (for a deletion, the deleted path).
    public let path: String
    /// The path before, for renames only.
    public let oldPath: String?
    /// What happened.
    public let kind: ChangeKind
    /// The content before; nil for additions.
    public let oldBlob: ObjectID?
    /// The content after; nil for deletions. For work tree files this is the hash of the file's content,
    /// which need not be in the object database.
    public let newBlob: ObjectID?

    /// Creates a change.
    public init(path: String, oldPath: String? = nil, kind: ChangeKind, oldBlob: ObjectID?, newBlob: ObjectID?) {
        self.path = path
        self.oldPath = oldPath
        self.kind = kind
        self.oldBlob = oldBlob
        self.newBlob = newBlob
    }
}
