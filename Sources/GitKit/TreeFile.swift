/// A file (blob) in a tree, with its full path.
public struct TreeFile: Sendable, Equatable {
    /// '/'-separated path from the root of the tree.
    public let path: String
    /// The file's content id.
    public let blob: ObjectID
    /// Whether the mode is 100755.
    public let isExecutable: Bool

    /// Creates a tree file entry.
    public init(path: String, blob: ObjectID, isExecutable: Bool) {
        self.path = path
        self.blob = blob
        self.isExecutable = isExecutable
    }
}
