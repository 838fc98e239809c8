import CGit2

extension Repository {
    /// The commit a reference (full name, e.g. "refs/heads/main", or "HEAD") points at, following symbolic
    /// references and peeling tags; nil when it does not exist or is unborn.
    public func reference(_ fullName: String) throws -> ObjectID? {
        var reference: OpaquePointer?
        let result = git_reference_lookup(&reference, pointer, fullName)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_reference_lookup")
        guard let reference else { return nil }
        defer { git_reference_free(reference) }
        var object: OpaquePointer?
        let peeled = git_reference_peel(&object, reference, GIT_OBJECT_COMMIT)
        if peeled == GIT_ENOTFOUND.rawValue || peeled == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(peeled, "git_reference_peel")
        guard let object else { return nil }
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object))
    }

    /// Points a reference at `id` by compare-and-swap: it must currently point at `expectedCurrent`, or
    /// not exist when that is nil; otherwise `GitKitError.referenceChanged`. "HEAD" (or any symbolic
    /// reference) updates the branch it points to, creating it when unborn. Writes a reflog entry.
    public func setReference(
        _ fullName: String, to id: ObjectID, expectedCurrent: ObjectID?, logMessage: String
    ) throws {
        let name = try resolvedName(fullName)
        var oid = id.oid
        var reference: OpaquePointer?
        let result: Int32
        if let expectedCurrent {
            var current = expectedCurrent.oid
            result = git_reference_create_matching(&reference, pointer, name, &oid, 1, &current, logMessage)
        } else {
            result = git_reference_create(&reference, pointer, name, &oid, 0, logMessage)
        }
        if result == GIT_EMODIFIED.rawValue || result == GIT_EEXISTS.rawValue
            || (result == GIT_ENOTFOUND.rawValue && expectedCurrent != nil)
        {
            throw GitKitError.referenceChanged(name: name, expected: expectedCurrent, actual: try self.reference(name))
        }
        try check(result, "git_reference_create")
        git_reference_free(reference)
    }

    /// Deletes a reference (with its reflog); nothing if it does not exist.
    public func deleteReference(_ fullName: String) throws {
        var reference: OpaquePointer?
        let result = git_reference_lookup(&reference, pointer, fullName)
        if result == GIT_ENOTFOUND.rawValue { return }
        try check(result, "git_reference_lookup")
        defer { git_reference_free(reference) }
        try check(git_reference_delete(reference), "git_reference_delete")
    }

    /// Where HEAD points.
    public func head() throws -> HeadState {
        let detached = try check(git_repository_head_detached(pointer), "git_repository_head_detached")
        if detached == 1, let id = try reference("HEAD") {
            return .detached(id)
        }
        let branch = try resolvedName("HEAD")
        let prefix = "refs/heads/"
        let name = branch.hasPrefix(prefix) ? String(branch.dropFirst(prefix.count)) : branch
        return .branch(name: name, target: try reference(branch))
    }

    /// Follows symbolic references (HEAD → refs/heads/main) to the direct reference's name, which need
    /// not exist yet (unborn branch).
    func resolvedName(_ fullName: String) throws -> String {
        var name = fullName
        for _ in 0..<10 {
            var reference: OpaquePointer?
            let result = git_reference_lookup(&reference, pointer, name)
            if result == GIT_ENOTFOUND.rawValue { return name }
            try check(result, "git_reference_lookup")
            defer { git_reference_free(reference) }
            guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC,
                let target = git_reference_symbolic_target(reference)
            else { return name }
            name = String(cString: target)
        }
        throw GitError(operation: "git_reference_lookup", code: -1, klass: 0, message: "\(fullName): symbolic reference loop")
    }
}
