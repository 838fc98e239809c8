import CGit2

extension Repository {
    /// The commit `id`, copied out.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        let commit = try lookupCommit(id)
        let pointer = commit.pointer
        let parents = (0..<git_commit_parentcount(pointer)).compactMap { index in
            git_commit_parent_id(pointer, index).map(ObjectID.init)
        }
        return CommitInfo(
            id: id,
            tree: ObjectID(git_commit_tree_id(pointer)),
            parents: parents,
            message: git_commit_message(pointer).map { String(cString: $0) } ?? "",
            author: Signature(git_commit_author(pointer)),
            committer: Signature(git_commit_committer(pointer)))
    }

    /// `user.name` and `user.email` from the configuration, dated now.
    public func defaultSignature() throws -> Signature {
        var signature: UnsafeMutablePointer<git_signature>?
        let result = git_signature_default(&signature, pointer)
        if result == GIT_ENOTFOUND.rawValue {
            throw GitKitError.missingIdentity
        }
        try check(result, "git_signature_default")
        guard let signature else { throw GitKitError.missingIdentity }
        defer { git_signature_free(signature) }
        return Signature(signature)
    }

    /// Writes a commit. Author and committer default to `defaultSignature()`. A message without a final
    /// newline gets one, as `git commit` does.
    ///
    /// With `updatingReference` (a full name such as "refs/remotes/servicenow/main", or "HEAD" for the
    /// current branch), the reference is moved to the new commit by compare-and-swap: it must still point
    /// at `parents.first`, or not exist. The reflog message is the commit's summary.
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], message: String, author: Signature? = nil,
        committer: Signature? = nil, updatingReference: String? = nil
    ) throws -> ObjectID {
        let message = message.hasSuffix("\n") ? message : message + "\n"
        var oid = git_oid()
        let result = try withCommitParts(tree: tree, parents: parents, author: author, committer: committer) {
            author, committer, tree, count, parents in
            git_commit_create(&oid, pointer, nil, author, committer, nil, message, tree, count, parents)
        }
        try check(result, "git_commit_create")
        let id = ObjectID(oid)
        try advance(updatingReference, to: id, parents: parents, message: message)
        return id
    }

    /// Looks up what a new commit points at and hands libgit2's forms of it to `body`, keeping them
    /// alive for the call. Author and committer default to `defaultSignature()`.
    func withCommitParts<Result>(
        tree: ObjectID, parents: [ObjectID], author: Signature?, committer: Signature?,
        _ body: (
            UnsafeMutablePointer<git_signature>, UnsafeMutablePointer<git_signature>, OpaquePointer, Int,
            UnsafeMutablePointer<OpaquePointer?>?
        ) throws -> Result
    ) throws -> Result {
        let author = try author ?? defaultSignature()
        let committer = committer ?? author
        let treeHandle = try lookupTree(tree)
        let parentHandles = try parents.map(lookupCommit)
        var parentPointers: [OpaquePointer?] = parentHandles.map(\.pointer)
        let result = try author.withGitSignature { author in
            try committer.withGitSignature { committer in
                try parentPointers.withUnsafeMutableBufferPointer { parents in
                    try body(author, committer, treeHandle.pointer, parents.count, parents.baseAddress)
                }
            }
        }
        withExtendedLifetime(parentHandles) {}
        return result
    }

    /// Moves `reference` (when given) to a new commit by compare-and-swap from its first parent (or from
    /// nothing when the reference does not exist yet); the reflog message is the commit's summary.
    func advance(_ reference: String?, to id: ObjectID, parents: [ObjectID], message: String) throws {
        guard let reference else { return }
        let expected = try parents.first.flatMap { first in try self.reference(reference) != nil ? first : nil }
        let summary = String(message.split(separator: "\n", maxSplits: 1).first ?? "")
        try setReference(reference, to: id, expectedCurrent: expected, logMessage: summary)
    }
}
