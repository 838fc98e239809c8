/// A commit's content, copied out of libgit2.
public struct CommitInfo: Sendable, Equatable {
    /// The commit's id.
    public let id: ObjectID
    /// Its root tree.
    public let tree: ObjectID
    /// Its parents, first parent first.
    public let parents: [ObjectID]
    /// The full message, as stored (usually ending in a newline).
    public let message: String
    /// Who wrote the change.
    public let author: Signature
    /// Who made the commit.
    public let committer: Signature

    /// Creates a commit description (for tests and fakes; real ones come from `Repository.commit(_:)`).
    public init(
        id: ObjectID, tree: ObjectID, parents: [ObjectID], message: String, author: Signature, committer: Signature
    ) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.message = message
        self.author = author
        self.committer = committer
    }

    /// The first line of the message.
    public var summary: String {
        String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
