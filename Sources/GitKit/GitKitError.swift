public import Foundation

/// Errors GitKit raises itself (as opposed to a failed libgit2 call, `GitError`). Each says what to do next.
public enum GitKitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A merge or checkout would overwrite uncommitted changes (staged, unstaged or untracked) at these paths.
    case uncommittedChanges(paths: [String])
    /// No Git repository at (or, for `discover`, above) this location.
    case notARepository(URL)
    /// `user.name` / `user.email` are not configured, so no commit can be signed.
    case missingIdentity
    /// A merge (or another multi-step operation such as a rebase) is in progress in the repository.
    case operationInProgress(RepositoryState)
    /// The operation needs a work tree but the repository is bare.
    case bareRepository(URL)
    /// A compare-and-swap reference update found the reference somewhere else than expected.
    case referenceChanged(name: String, expected: ObjectID?, actual: ObjectID?)
    /// A tree path is not a valid relative path (empty, absolute, `.`/`..` components, `.git`).
    case invalidPath(String)
    /// A tree update needs a directory where a file is, or a file where a directory is.
    case pathConflict(path: String, reason: String)
    /// The object exists but is not of the expected kind (e.g. a tree id where a commit was expected).
    case wrongObjectType(ObjectID, expected: String)
    /// The index has unresolved conflicts at these paths.
    case unresolvedConflicts(paths: [String])
    /// A file GitKit needs to write could not be created (permissions, a full disk, a read-only mount).
    case cannotWrite(URL)
    /// A `PackWriter` was used after `finish()`: a programming error in the caller.
    case packFinished

    /// A sentence or two a person can act on.
    public var description: String {
        switch self {
        case .uncommittedChanges(let paths):
            return "Your local changes to the following files would be overwritten:\n"
                + paths.map { "\t\($0)\n" }.joined()
                + "Commit or stash them (or move untracked files away), then try again."
        case .notARepository(let url):
            return "\(url.path) is not inside a Git repository. Run 'git init' there or change directory."
        case .missingIdentity:
            return "Git does not know who you are. Run 'git config --global user.name \"Your Name\"' and "
                + "'git config --global user.email you@example.com' (or set them in the repository)."
        case .operationInProgress(let state):
            return "A \(state) is in progress in this repository. Finish it (resolve conflicts, 'git add', "
                + "'git commit') or abort it ('git merge --abort'), then try again."
        case .bareRepository(let url):
            return "\(url.path) is a bare repository; this needs a work tree."
        case .referenceChanged(let name, let expected, let actual):
            return "\(name) moved while we were working (expected \(expected?.hex ?? "no reference"), found "
                + "\(actual?.hex ?? "no reference")). Another process updated it; try again."
        case .invalidPath(let path):
            return "'\(path)' is not a valid path inside a repository (relative, '/'-separated, no empty, "
                + "'.', '..' or '.git' components)."
        case .pathConflict(let path, let reason):
            return "Cannot update '\(path)': \(reason)."
        case .wrongObjectType(let id, let expected):
            return "Object \(id.hex) is not a \(expected)."
        case .unresolvedConflicts(let paths):
            return "These files still have merge conflicts:\n" + paths.map { "\t\($0)\n" }.joined()
                + "Edit them, 'git add' them, then 'git commit'."
        case .cannotWrite(let url):
            return "Cannot create \(url.path): check that the repository is writable and the disk is not full."
        case .packFinished:
            return "A pack was used after it was finished (a bug in grcsync: please report it)."
        }
    }
}
