import CGit2

/// One directory of a tree being edited by `Repository.updateTree`: the base tree it started from (nil for
/// a new directory) plus the entries changed so far. Only directories on the path of an update are
/// loaded, and each is written once with a tree builder seeded from its base, so small updates to a
/// 100,000-file tree touch a handful of trees, and building a tree from nothing is linear in its size.
final class PendingTree {
    /// A changed entry of this directory.
    enum Change {
        case blob(ObjectID, mode: git_filemode_t)
        case directory(PendingTree)
        case removed
    }

    /// What an entry currently is, seen through the changes.
    enum Current {
        case blob(ObjectID, mode: git_filemode_t)
        case tree(ObjectID)
        case directory(PendingTree)
        case other(git_filemode_t)
        case absent
    }

    private let repository: Repository
    private let base: Handle?
    private(set) var changes: [String: Change] = [:]

    init(repository: Repository, base: Handle?) {
        self.repository = repository
        self.base = base
    }

    func current(_ name: String) -> Current {
        switch changes[name] {
        case .blob(let id, let mode): return .blob(id, mode: mode)
        case .directory(let tree): return .directory(tree)
        case .removed: return .absent
        case nil: break
        }
        guard let base, let entry = git_tree_entry_byname(base.pointer, name) else { return .absent }
        let mode = git_tree_entry_filemode(entry)
        let id = ObjectID(git_tree_entry_id(entry))
        switch mode {
        case GIT_FILEMODE_TREE: return .tree(id)
        case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: return .blob(id, mode: mode)
        default: return .other(mode)
        }
    }

    /// The subdirectory `name`, loaded for editing; created when absent if `create` is set.
    func directory(_ name: String, create: Bool, path: String) throws -> PendingTree? {
        switch current(name) {
        case .directory(let tree):
            return tree
        case .tree(let id):
            let tree = PendingTree(repository: repository, base: try repository.lookupTree(id))
            changes[name] = .directory(tree)
            return tree
        case .absent:
            guard create else { return nil }
            let tree = PendingTree(repository: repository, base: nil)
            changes[name] = .directory(tree)
            return tree
        case .blob, .other:
            guard create else { return nil }
            throw GitKitError.pathConflict(path: path, reason: "'\(name)' is a file, not a directory")
        }
    }

    func setBlob(_ name: String, _ id: ObjectID, path: String) throws {
        switch current(name) {
        case .blob(_, let mode):
            changes[name] = .blob(id, mode: mode)
        case .absent:
            changes[name] = .blob(id, mode: GIT_FILEMODE_BLOB)
        case .tree, .directory:
            throw GitKitError.pathConflict(path: path, reason: "it is a directory")
        case .other:
            // A symbolic link or submodule becomes a regular file, as `git add` of a file there would do.
            changes[name] = .blob(id, mode: GIT_FILEMODE_BLOB)
        }
    }

    /// Makes `name` exactly `id` with `mode`, whatever it was: a directory's tree becomes a directory
    /// to edit further, anything else an entry written as it is.
    func setEntry(_ name: String, _ id: ObjectID, mode: git_filemode_t) throws {
        changes[name] = mode == GIT_FILEMODE_TREE
            ? .directory(PendingTree(repository: repository, base: try repository.lookupTree(id)))
            : .blob(id, mode: mode)
    }

    func remove(_ name: String) {
        switch current(name) {
        case .absent: break
        default: changes[name] = .removed
        }
    }

    /// Writes this directory (and its changed subdirectories); nil when it ended up empty.
    func write() throws -> ObjectID? {
        if changes.isEmpty {
            guard let base, git_tree_entrycount(base.pointer) > 0 else { return nil }
            return ObjectID(git_tree_id(base.pointer))
        }
        let builder = try makeHandle(
            "git_treebuilder_new", owner: repository, free: { git_treebuilder_free($0) }
        ) {
            git_treebuilder_new(&$0, repository.pointer, base?.pointer)
        }
        for (name, change) in changes {
            switch change {
            case .removed:
                try remove(name, from: builder)
            case .blob(let id, let mode):
                var oid = id.oid
                try check(git_treebuilder_insert(nil, builder.pointer, name, &oid, mode), "git_treebuilder_insert")
            case .directory(let tree):
                if let id = try tree.write() {
                    var oid = id.oid
                    try check(
                        git_treebuilder_insert(nil, builder.pointer, name, &oid, GIT_FILEMODE_TREE),
                        "git_treebuilder_insert")
                } else {
                    try remove(name, from: builder)
                }
            }
        }
        guard git_treebuilder_entrycount(builder.pointer) > 0 else { return nil }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder.pointer), "git_treebuilder_write")
        return ObjectID(oid)
    }

    private func remove(_ name: String, from builder: Handle) throws {
        let result = git_treebuilder_remove(builder.pointer, name)
        if result != GIT_ENOTFOUND.rawValue {
            try check(result, "git_treebuilder_remove")
        }
    }
}
