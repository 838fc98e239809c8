public import Foundation
import CGit2

/// A Git repository opened through libgit2. Every Git operation of grcsync goes through it.
///
/// Not `Sendable`: libgit2 handles must stay with one owner (a task or an actor). Objects derived from it
/// (trees, commits, indexes) keep it alive; results are returned as `Sendable` values.
public final class Repository {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Creates a repository (and the directory if needed) whose unborn HEAD points at `initialBranch`.
    /// Like `git init`, it is harmless on an existing repository.
    public static func initialize(at url: URL, initialBranch: String = "main") throws -> Repository {
        ensureLibGit2()
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_MKDIR.rawValue
        var repository: OpaquePointer?
        let result = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&repository, url.path, &options)
        }
        try check(result, "git_repository_init_ext")
        return try wrap(repository, "git_repository_init_ext")
    }

    /// Opens the repository whose work tree root (or `.git` directory, or bare repository) is `url`.
    public static func open(at url: URL) throws -> Repository {
        try open(url, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue)
    }

    /// Opens the repository containing `url`, walking up the directories like `git` does.
    public static func discover(from url: URL) throws -> Repository {
        try open(url, flags: 0)
    }

    private static func open(_ url: URL, flags: UInt32) throws -> Repository {
        ensureLibGit2()
        var repository: OpaquePointer?
        let result = git_repository_open_ext(&repository, url.path, flags, nil)
        if result == GIT_ENOTFOUND.rawValue {
            throw GitKitError.notARepository(url)
        }
        try check(result, "git_repository_open_ext")
        return try wrap(repository, "git_repository_open_ext")
    }

    private static func wrap(_ pointer: OpaquePointer?, _ operation: String) throws -> Repository {
        guard let pointer else {
            throw GitError(operation: operation, code: -1, klass: 0, message: "libgit2 returned no repository")
        }
        return Repository(pointer: pointer)
    }

    /// The root of the work tree; nil for a bare repository.
    public var workDirectory: URL? {
        git_repository_workdir(pointer).map { URL(fileURLWithPath: String(cString: $0), isDirectory: true) }
    }

    /// The `.git` directory (or the bare repository itself).
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(pointer)), isDirectory: true)
    }

    /// Where libgit2 keeps an item of this repository: `objects` and `info`, for instance, are shared by
    /// the linked work trees of a repository and live in its main `.git`, not in `gitDirectory`.
    func itemPath(_ item: git_repository_item_t) throws -> URL {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_repository_item_path(&buffer, pointer, item), "git_repository_item_path")
        return URL(fileURLWithPath: buffer.ptr.map { String(cString: $0) } ?? "", isDirectory: true)
    }

    /// The work tree root, or an error saying the repository is bare.
    func requireWorkDirectory() throws -> URL {
        guard let workDirectory else { throw GitKitError.bareRepository(gitDirectory) }
        return workDirectory
    }

    // MARK: Handles

    func lookupTree(_ id: ObjectID) throws -> Handle {
        var oid = id.oid
        return try makeHandle("git_tree_lookup", owner: self, free: { git_tree_free($0) }) {
            git_tree_lookup(&$0, pointer, &oid)
        }
    }

    func lookupCommit(_ id: ObjectID) throws -> Handle {
        var oid = id.oid
        return try makeHandle("git_commit_lookup", owner: self, free: { git_commit_free($0) }) {
            git_commit_lookup(&$0, pointer, &oid)
        }
    }

    func lookupBlob(_ id: ObjectID) throws -> Handle {
        var oid = id.oid
        return try makeHandle("git_blob_lookup", owner: self, free: { git_blob_free($0) }) {
            git_blob_lookup(&$0, pointer, &oid)
        }
    }

    /// The repository's index, re-read from disk when another process (e.g. `git add`) changed it.
    func index() throws -> Handle {
        let index = try makeHandle("git_repository_index", owner: self, free: { git_index_free($0) }) {
            git_repository_index(&$0, pointer)
        }
        try check(git_index_read(index.pointer, 0), "git_index_read")
        return index
    }

    /// Lets go of the index libgit2 keeps loaded with the repository (15 MB at 100,000 entries), for a
    /// command that has read it and will not need it for a while (a push waiting on its requests). The
    /// next call that needs it reads it from disk again; handles already taken keep theirs alive.
    public func releaseIndex() {
        git_repository_set_index(pointer, nil)
    }

    /// The tree of a commit, or nil when `commit` is nil.
    func treeHandle(ofCommit commit: ObjectID?) throws -> Handle? {
        guard let commit else { return nil }
        return try lookupTree(self.commit(commit).tree)
    }
}
