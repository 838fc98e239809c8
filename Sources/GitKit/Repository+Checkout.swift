import Foundation
import CGit2

extension Repository {
    /// Makes the index and work tree match `tree` (HEAD does not move), for all paths or only `paths`.
    /// Without `force` it is safe: when a file with local changes (or an untracked file in the way) would
    /// be overwritten, nothing is changed and `GitKitError.uncommittedChanges` names the files.
    ///
    /// `prepared`, when `tree` holds its blob at its path and that path is checked out, is moved into
    /// place (and given its index entry) instead of being written from the blob; otherwise it is left
    /// where it is, for the caller to remove. The caller has made sure there is nothing at that path to
    /// keep: libgit2's safety check does not look at it.
    public func checkout(tree: ObjectID, paths: [String]? = nil, force: Bool = false, prepared: PreparedFile? = nil) throws {
        let root = try requireWorkDirectory()
        let target = try lookupTree(tree)
        let placed = try prepared.flatMap { try isPlaceable($0, in: tree, paths: paths) ? $0 : nil }
        // Looking for attributes files costs more than libgit2's lookups for a few paths; for a whole
        // tree it saves most of them.
        let unfiltered = try paths == nil && filtersCannotApply(checkingOut: target)
        var paths = paths
        var literal = paths != nil
        if let placed {
            if paths != nil {
                paths?.removeAll { $0 == placed.path }
            } else {
                paths = Self.everything(but: placed.path)
                literal = false
            }
        }
        if paths?.isEmpty != true {
            try checkout(target, paths: paths, literal: literal, force: force, writeIndex: placed == nil, unfiltered: unfiltered)
        }
        if let placed {
            try place(placed, in: root)
        }
    }

    private func checkout(
        _ target: Handle, paths: [String]?, literal: Bool, force: Bool, writeIndex: Bool, unfiltered: Bool
    ) throws {
        final class Conflicts {
            var paths: [String] = []
        }
        let conflicts = Conflicts()
        var options = git_checkout_options()
        try check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
        if literal { options.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue }
        if !writeIndex { options.checkout_strategy |= GIT_CHECKOUT_DONT_WRITE_INDEX.rawValue }
        // Only when no filter could apply (`filtersCannotApply`): the bytes written are the same.
        options.disable_filters = unfiltered ? 1 : 0
        options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT.rawValue
        options.notify_payload = Unmanaged.passUnretained(conflicts).toOpaque()
        options.notify_cb = { _, path, _, _, _, payload in
            if let path, let payload {
                Unmanaged<Conflicts>.fromOpaque(payload).takeUnretainedValue().paths.append(String(cString: path))
            }
            return 0
        }
        let result: Int32 = try withExtendedLifetime(conflicts) {
            if let paths {
                return try withStringArray(paths) { pathspec in
                    options.paths = pathspec
                    return git_checkout_tree(pointer, target.pointer, &options)
                }
            }
            return git_checkout_tree(pointer, target.pointer, &options)
        }
        if result == GIT_ECONFLICT.rawValue, !conflicts.paths.isEmpty {
            throw GitKitError.uncommittedChanges(
                paths: conflicts.paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        try check(result, "git_checkout_tree")
    }

    /// Whether `prepared` can stand in for what checking out `tree` would write at its path: the tree
    /// has its blob there as a regular file (not executable, not a symbolic link), the checkout writes
    /// that path, and no filter (line endings, `.gitattributes`) would change the blob's bytes on their way
    /// to the work tree.
    private func isPlaceable(_ prepared: PreparedFile, in tree: ObjectID, paths: [String]?) throws -> Bool {
        guard paths?.contains(prepared.path) ?? true else { return false }
        guard let (id, mode) = try entry(at: prepared.path, in: lookupTree(tree)), mode == GIT_FILEMODE_BLOB, id == prepared.blob
        else { return false }
        return try noFilterApplies(at: prepared.path)
    }

    /// Whether no filter (line endings, `.gitattributes`) would change a blob's bytes on their way to the
    /// work tree at `path`.
    func noFilterApplies(at path: String) throws -> Bool {
        var filters: OpaquePointer?
        try check(
            git_filter_list_load(&filters, pointer, nil, path, GIT_FILTER_TO_WORKTREE, GIT_FILTER_DEFAULT.rawValue),
            "git_filter_list_load")
        git_filter_list_free(filters)
        return filters == nil
    }

    /// Renames `prepared` into the work tree and records it in the index, with the file's own stat data
    /// so that it reads as unmodified, then writes the index.
    func place(_ prepared: PreparedFile, in root: URL) throws {
        let destination = root.appendingPathComponent(prepared.path)
        let directory = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw GitKitError.cannotWrite(directory)
        }
        guard rename(prepared.file.path, destination.path) == 0 else { throw GitKitError.cannotWrite(destination) }
        var info = stat()
        guard lstat(destination.path, &info) == 0 else { throw GitKitError.cannotWrite(destination) }
        // The index as the checkout left it in memory (unwritten, so the file on disk has not changed and
        // is not read again), or as on disk when there was nothing else to check out.
        let index = try index()
        var entry = git_index_entry()
        entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_ctim.tv_sec),
                                     nanoseconds: UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec))
        entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: info.st_mtim.tv_sec),
                                     nanoseconds: UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec))
        entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.mode = GIT_FILEMODE_BLOB.rawValue
        entry.uid = info.st_uid
        entry.gid = info.st_gid
        entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
        entry.id = prepared.blob.oid
        try prepared.path.withCString { path in
            entry.path = path
            try check(git_index_add(index.pointer, &entry), "git_index_add")
        }
        try check(git_index_write(index.pointer), "git_index_write")
    }

    /// Pathspecs for every path but `path` (libgit2's pathspecs: the first pattern that matches decides).
    static func everything(but path: String) -> [String] {
        ["!" + escapedForPathspec(path), "*"]
    }

    /// `path` as a pathspec pattern that matches only itself.
    private static func escapedForPathspec(_ path: String) -> String {
        var escaped = ""
        for character in path {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
