import CGit2

extension Repository {
    /// A signed commit's signature and the exact bytes it signs.
    public struct CommitSignature: Sendable, Equatable {
        /// The armored signature (the `gpgsig` header), e.g. `-----BEGIN SSH SIGNATURE-----…`.
        public var signature: String
        /// The commit object without that header: what the signature covers.
        public var signedData: String
    }

    /// Writes a commit signed by `sign` — which receives the commit object's text and returns an armored
    /// signature (as Git does with `gpg.format = ssh`) — and optionally moves a reference to it by
    /// compare-and-swap, as `createCommit` does.
    public func createSignedCommit(
        tree: ObjectID, parents: [ObjectID], message: String, author: Signature? = nil, committer: Signature? = nil,
        updatingReference: String? = nil, sign: (String) throws -> String
    ) throws -> ObjectID {
        let message = message.hasSuffix("\n") ? message : message + "\n"
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let result = try withCommitParts(tree: tree, parents: parents, author: author, committer: committer) {
            author, committer, tree, count, parents in
            git_commit_create_buffer(&buffer, pointer, author, committer, nil, message, tree, count, parents)
        }
        try check(result, "git_commit_create_buffer")
        let content = buffer.ptr.map { String(cString: $0) } ?? ""
        let signature = try sign(content)
        var oid = git_oid()
        try check(git_commit_create_with_signature(&oid, pointer, content, signature, "gpgsig"), "git_commit_create_with_signature")
        let id = ObjectID(oid)
        try advance(updatingReference, to: id, parents: parents, message: message)
        return id
    }

    /// The signature of a commit, or nil when it is not signed.
    public func extractSignature(_ commit: ObjectID) throws -> CommitSignature? {
        var oid = commit.oid
        var signature = git_buf()
        var signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        let result = git_commit_extract_signature(&signature, &signed, pointer, &oid, nil)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_commit_extract_signature")
        return CommitSignature(
            signature: signature.ptr.map { String(cString: $0) } ?? "", signedData: signed.ptr.map { String(cString: $0) } ?? "")
    }

    /// A configuration value as Git resolves it (repository, global, system), or nil when unset.
    public func configValue(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, config, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_config_get_string")
        return value.map { String(cString: $0) }
    }
}
