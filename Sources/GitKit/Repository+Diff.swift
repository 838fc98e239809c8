public import Foundation
import CGit2

extension Repository {
    /// What changed from `oldTree` to `newTree` (nil: the empty tree), file by file, sorted by path.
    public func changes(from oldTree: ObjectID?, to newTree: ObjectID?, detectRenames: Bool = false) throws -> [FileChange] {
        // libgit2 walks two equal trees to the last entry (35 ms at 100,000 files) to find nothing.
        if oldTree == newTree { return [] }
        let old = try oldTree.map(lookupTree)
        let new = try newTree.map(lookupTree)
        var options = try diffOptions(includeUntracked: false)
        let diff = try makeHandle("git_diff_tree_to_tree", owner: self, free: { git_diff_free($0) }) {
            git_diff_tree_to_tree(&$0, pointer, old?.pointer, new?.pointer, &options)
        }
        return try fileChanges(diff, detectRenames: detectRenames, workTree: false)
    }

    /// What `git diff <tree>` shows, plus untracked files when asked: `tree` (nil: empty) against the work
    /// tree as seen through the index. New blob ids are the hashes of the files' content.
    public func changesInWorkTree(
        against tree: ObjectID?, includeUntracked: Bool = true, detectRenames: Bool = false
    ) throws -> [FileChange] {
        _ = try requireWorkDirectory()
        let old = try tree.map(lookupTree)
        let index = try index()
        var options = try diffOptions(includeUntracked: includeUntracked)
        let diff = try makeHandle("git_diff_tree_to_workdir_with_index", owner: self, free: { git_diff_free($0) }) {
            git_diff_tree_to_workdir_with_index(&$0, pointer, old?.pointer, &options)
        }
        withExtendedLifetime(index) {}
        return try fileChanges(diff, detectRenames: detectRenames, workTree: true)
    }

    /// What `git diff --cached <tree>` shows: `tree` (nil: empty) against the index.
    public func changesInIndex(against tree: ObjectID?, detectRenames: Bool = false) throws -> [FileChange] {
        let old = try tree.map(lookupTree)
        let index = try index()
        var options = try diffOptions(includeUntracked: false)
        let diff = try makeHandle("git_diff_tree_to_index", owner: self, free: { git_diff_free($0) }) {
            git_diff_tree_to_index(&$0, pointer, old?.pointer, index.pointer, &options)
        }
        return try fileChanges(diff, detectRenames: detectRenames, workTree: false)
    }

    /// A git-style patch ("diff --git a/… b/…", "---"/"+++" lines, hunks) between two versions of a file;
    /// nil data means the file does not exist on that side. Empty when both are equal.
    public func unifiedDiff(
        oldPath: String, old: Data?, newPath: String, new: Data?, contextLines: Int = 3
    ) throws -> String {
        var options = try diffOptions(includeUntracked: false)
        options.context_lines = UInt32(max(0, contextLines))
        // The patch points into the buffers, so it is printed while they are still alive.
        return try (old ?? Data()).withUnsafeBytes { oldBytes in
            try (new ?? Data()).withUnsafeBytes { newBytes in
                var patchPointer: OpaquePointer?
                try check(
                    git_patch_from_buffers(
                        &patchPointer,
                        old == nil ? nil : (oldBytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)), oldBytes.count,
                        old == nil ? nil : oldPath,
                        new == nil ? nil : (newBytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)), newBytes.count,
                        new == nil ? nil : newPath, &options),
                    "git_patch_from_buffers")
                guard let patchPointer else { return "" }
                let patch = Handle(patchPointer, owner: nil, free: { git_patch_free($0) })
                var buffer = git_buf()
                defer { git_buf_dispose(&buffer) }
                try check(git_patch_to_buf(&buffer, patch.pointer), "git_patch_to_buf")
                guard let text = buffer.ptr else { return "" }
                return String(decoding: UnsafeRawBufferPointer(start: text, count: buffer.size), as: UTF8.self)
            }
        }
    }

    func diffOptions(includeUntracked: Bool) throws -> git_diff_options {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        if includeUntracked {
            options.flags |= GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
        }
        return options
    }

    private func fileChanges(_ diff: Handle, detectRenames: Bool, workTree: Bool) throws -> [FileChange] {
        if detectRenames {
            var options = git_diff_find_options()
            try check(
                git_diff_find_options_init(&options, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)),
                "git_diff_find_options_init")
            options.flags = GIT_DIFF_FIND_RENAMES.rawValue
            if workTree { options.flags |= GIT_DIFF_FIND_FOR_UNTRACKED.rawValue }
            try check(git_diff_find_similar(diff.pointer, &options), "git_diff_find_similar")
        }
        var changes: [FileChange] = []
        for index in 0..<git_diff_num_deltas(diff.pointer) {
            guard let delta = git_diff_get_delta(diff.pointer, index)?.pointee else { continue }
            let kind: ChangeKind
            switch delta.status {
            case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED, GIT_DELTA_COPIED: kind = .added
            case GIT_DELTA_DELETED: kind = .deleted
            case GIT_DELTA_MODIFIED, GIT_DELTA_CONFLICTED: kind = .modified
            case GIT_DELTA_RENAMED: kind = .renamed
            case GIT_DELTA_TYPECHANGE: kind = .typeChanged
            default: continue
            }
            let oldPath = String(cString: delta.old_file.path)
            let newPath = String(cString: delta.new_file.path)
            let oldBlob = kind == .added ? nil : ObjectID(delta.old_file.id)
            var newBlob: ObjectID?
            if kind != .deleted {
                newBlob = try blobID(of: delta.new_file, path: newPath, workTree: workTree)
            }
            changes.append(
                FileChange(
                    path: kind == .deleted ? oldPath : newPath, oldPath: kind == .renamed ? oldPath : nil,
                    kind: kind, oldBlob: oldBlob, newBlob: newBlob))
        }
        return changes.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// libgit2 leaves the id of work tree files unset unless it had to hash them; hash them then, with
    /// the repository's filters (as `git add` would).
    private func blobID(of file: git_diff_file, path: String, workTree: Bool) throws -> ObjectID? {
        var oid = file.id
        let known = (file.flags & GIT_DIFF_FLAG_VALID_ID.rawValue) != 0 && git_oid_is_zero(&oid) == 0
        if known || !workTree { return ObjectID(oid) }
        let workDirectory = try requireWorkDirectory()
        let fullPath = workDirectory.appendingPathComponent(path).path
        var hashed = git_oid()
        let result = git_repository_hashfile(&hashed, pointer, fullPath, GIT_OBJECT_BLOB, path)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_repository_hashfile")
        return ObjectID(hashed)
    }
}
