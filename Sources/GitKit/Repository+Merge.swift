import Foundation
import CGit2

extension Repository {
    /// Merges `commit` into the current branch the way `git merge` does: fast-forward when possible,
    /// otherwise a three-way merge into index and work tree that commits when clean (parents HEAD and
    /// `commit`, `message`, signed with `defaultSignature()`) or stops in a normal Git merge state with
    /// conflict markers labelled `ourLabel` / `theirLabel`, for `git add` + `git commit` to finish.
    ///
    /// Before changing anything it refuses, with `GitKitError.uncommittedChanges`, when the merge would
    /// touch a path with staged, unstaged or untracked local changes; local changes elsewhere survive.
    /// On an unborn branch it checks `commit` out and points the branch at it. `prepared` (see
    /// `checkout(tree:paths:force:prepared:)`) is moved into place when the merge result holds its blob.
    public func merge(
        _ commit: ObjectID, message: String, ourLabel: String, theirLabel: String, prepared: PreparedFile? = nil
    ) throws -> MergeOutcome {
        _ = try requireWorkDirectory()
        let state = try self.state
        guard state == .clean else { throw GitKitError.operationInProgress(state) }
        let theirs = try self.commit(commit)
        let ours: ObjectID
        switch try head() {
        case .branch(_, nil):
            return try fastForward(from: nil, to: theirs, theirLabel: theirLabel, prepared: prepared)
        case .branch(_, let target?), .detached(let target):
            ours = target
        }
        if try isAncestor(commit, of: ours) { return .upToDate }
        if try isAncestor(ours, of: commit) {
            return try fastForward(from: self.commit(ours), to: theirs, theirLabel: theirLabel, prepared: prepared)
        }
        return try threeWayMerge(
            ours: self.commit(ours), theirs: theirs, message: message, ourLabel: ourLabel, theirLabel: theirLabel,
            prepared: prepared)
    }

    private func fastForward(
        from ours: CommitInfo?, to theirs: CommitInfo, theirLabel: String, prepared: PreparedFile?
    ) throws -> MergeOutcome {
        var touched = Set(try changes(from: ours?.tree, to: theirs.tree).flatMap { [$0.path, $0.oldPath].compactMap(\.self) })
        try refuseOverwritingLocalChanges(at: touched)
        let paths = try pathsToCheckOut(touched)
        touched = []  // 100,000 paths on a first pull: not kept through the checkout
        if paths == nil {
            // What the checks above and the caller's work freed (~30 MB at 100,000 files) would otherwise
            // stay resident under libgit2's own allocations while it writes every file.
            FreedMemory.release()
        }
        try checkout(tree: theirs.tree, paths: paths, prepared: prepared)
        try setReference("HEAD", to: theirs.id, expectedCurrent: ours?.id, logMessage: "merge \(theirLabel): Fast-forward")
        return .fastForward(to: theirs.id)
    }

    private func threeWayMerge(
        ours: CommitInfo, theirs: CommitInfo, message: String, ourLabel: String, theirLabel: String,
        prepared: PreparedFile?
    ) throws -> MergeOutcome {
        let signature = try defaultSignature()
        var mergeOptions = git_merge_options()
        try check(git_merge_options_init(&mergeOptions, UInt32(GIT_MERGE_OPTIONS_VERSION)), "git_merge_options_init")

        let merged = try mergeInMemory(ours: ours, theirs: theirs, options: &mergeOptions, prepared: prepared)
        if let tree = merged.tree {
            try checkout(tree: tree, paths: pathsToCheckOut(merged.touched), prepared: prepared)
            let id = try createCommit(
                tree: tree, parents: [ours.id, theirs.id], message: message, author: signature,
                committer: signature, updatingReference: "HEAD")
            return .merged(commit: id)
        }
        try mergeIntoWorkTree(
            theirs, options: &mergeOptions, ourLabel: ourLabel, theirLabel: theirLabel, touched: merged.touched,
            prepared: merged.preparedPlaceable ? prepared : nil)
        let text = message.hasSuffix("\n") ? message : message + "\n"
        try Data(text.utf8).write(to: gitDirectory.appendingPathComponent("MERGE_MSG"))
        return .conflicts(paths: try conflictedPaths())
    }

    /// What to check out of a tree whose files differ from the current index only at `touched`: those
    /// paths when they are few (a pull that changes 1,000 of 100,000 files: libgit2 then compares just
    /// them with the work tree instead of all 100,000), nil (everything) otherwise.
    private func pathsToCheckOut(_ touched: Set<String>) throws -> [String]? {
        try touchesMost(touched) ? nil : Array(touched)
    }

    /// Whether `touched` is at least a quarter of the index's entries: a first pull into a new
    /// workspace, or a pull that rewrites most of it. Asking libgit2 about each of those paths then costs
    /// more than looking at the whole work tree.
    private func touchesMost(_ touched: Set<String>) throws -> Bool {
        touched.count * 4 >= git_index_entrycount(try index().pointer)
    }

    /// The merge of `ours` and `theirs` done in memory: the paths it touches, and its tree when nothing
    /// conflicts (written without involving the user's index). Refuses, before anything in the work tree
    /// changes, when local changes are in the way. `preparedPlaceable`: the merge takes `prepared`'s blob
    /// at its path, cleanly and as a plain file, and no filter applies there.
    ///
    /// The in-memory index (an entry for every file: 14 MB at 100,000) is freed on return, before the
    /// checkout or `git_merge` builds their own.
    private func mergeInMemory(
        ours: CommitInfo, theirs: CommitInfo, options: inout git_merge_options, prepared: PreparedFile?
    ) throws -> (touched: Set<String>, tree: ObjectID?, preparedPlaceable: Bool) {
        let ourCommit = try lookupCommit(ours.id)
        let theirCommit = try lookupCommit(theirs.id)
        let merged = try makeHandle("git_merge_commits", owner: self, free: { git_index_free($0) }) {
            git_merge_commits(&$0, pointer, ourCommit.pointer, theirCommit.pointer, &options)
        }
        let touched = try pathsChanged(from: ours.tree, to: merged)
        try refuseOverwritingLocalChanges(at: touched)
        if git_index_has_conflicts(merged.pointer) == 0 {
            var tree = git_oid()
            try check(git_index_write_tree_to(&tree, merged.pointer, pointer), "git_index_write_tree_to")
            return (touched, ObjectID(tree), false)
        }
        guard let prepared, touched.contains(prepared.path),
              let entry = git_index_get_bypath(merged.pointer, prepared.path, 0)?.pointee,
              entry.mode == GIT_FILEMODE_BLOB.rawValue, ObjectID(entry.id) == prepared.blob
        else { return (touched, nil, false) }
        return (touched, nil, try noFilterApplies(at: prepared.path))
    }

    /// Runs `git_merge`, which leaves MERGE_HEAD, the conflicted index and markers in the files. `prepared`
    /// (which the merge takes as it is, `mergeInMemory`) is moved into place instead of being written
    /// from its blob: libgit2 inflates a blob whole to write it (36 MB for the manifest at 100,000).
    /// Filters are skipped when none can apply (`filtersCannotApply`), as in a checkout.
    private func mergeIntoWorkTree(
        _ theirs: CommitInfo, options: inout git_merge_options, ourLabel: String, theirLabel: String, touched: Set<String>,
        prepared: PreparedFile?
    ) throws {
        var oid = theirs.id.oid
        let annotated = try makeHandle("git_annotated_commit_lookup", owner: self, free: { git_annotated_commit_free($0) }) {
            git_annotated_commit_lookup(&$0, pointer, &oid)
        }
        var checkoutOptions = git_checkout_options()
        try check(
            git_checkout_options_init(&checkoutOptions, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        checkoutOptions.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        checkoutOptions.disable_filters = try filtersCannotApply(checkingOut: lookupTree(theirs.tree)) ? 1 : 0
        // Everything but the prepared file; no pathspec at all (everything) without one.
        let result = try withStringArray(prepared.map { Self.everything(but: $0.path) } ?? []) { pathspec in
            checkoutOptions.paths = pathspec
            return ourLabel.withCString { ours in
                theirLabel.withCString { theirs in
                    checkoutOptions.our_label = ours
                    checkoutOptions.their_label = theirs
                    var heads: [OpaquePointer?] = [annotated.pointer]
                    return heads.withUnsafeMutableBufferPointer { heads in
                        git_merge(pointer, heads.baseAddress, heads.count, &options, &checkoutOptions)
                    }
                }
            }
        }
        if result == GIT_ECONFLICT.rawValue {
            // libgit2's own check found local changes ours missed; it has already removed the merge state.
            throw GitKitError.uncommittedChanges(paths: touched.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        try check(result, "git_merge")
        if let prepared { try place(prepared, in: try requireWorkDirectory()) }
    }

    /// Every path that differs between `tree` and the merge result, conflicted paths included.
    private func pathsChanged(from tree: ObjectID, to merged: Handle) throws -> Set<String> {
        let base = try lookupTree(tree)
        var options = try diffOptions(includeUntracked: false)
        let diff = try makeHandle("git_diff_tree_to_index", owner: self, free: { git_diff_free($0) }) {
            git_diff_tree_to_index(&$0, pointer, base.pointer, merged.pointer, &options)
        }
        var paths = Set(try conflictedPaths(in: merged))
        for position in 0..<git_diff_num_deltas(diff.pointer) {
            guard let delta = git_diff_get_delta(diff.pointer, position)?.pointee else { continue }
            paths.insert(String(cString: delta.old_file.path))
            paths.insert(String(cString: delta.new_file.path))
        }
        return paths
    }

    /// Throws `uncommittedChanges` naming the local changes (staged, unstaged, untracked, conflicted) at
    /// `touched` paths — or inside or above them, when a file would replace a directory or vice versa.
    ///
    /// When `touched` is a small part of the index (a pull that changes 1,000 of 100,000 files), only
    /// those paths are examined: the touched paths with everything under them, and each directory above
    /// them that is not a directory on disk, where a file (on disk or only in the index) could be in the
    /// way. A directory that is a directory is not asked about: asking means everything under it, and its
    /// other files are not touched. When `touched` is most of the index (a first pull writes 100,000 files
    /// into a work tree holding a handful), the status of the whole work tree is cheaper, and its entries
    /// are sifted the same way.
    func refuseOverwritingLocalChanges(at touched: Set<String>) throws {
        guard !touched.isEmpty else { return }
        let root = try requireWorkDirectory()
        let local: [StatusEntry]
        var directories: Set<Substring>?
        if try touchesMost(touched) {
            local = try status(includeUntracked: true)
        } else {
            let above = Set(touched.flatMap(Self.directories(above:)))
            var examined = Array(touched)
            for directory in above where !touched.contains(String(directory)) {
                var info = stat()
                if lstat(root.appendingPathComponent(String(directory)).path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                    examined.append(String(directory))
                }
            }
            directories = above
            local = try status(of: examined, includeUntracked: true)
        }
        guard !local.isEmpty else { return }
        let above = directories ?? Set(touched.flatMap(Self.directories(above:)))
        // A missing directory's status also lists what was deleted under it, which is not in the way.
        let clashing = local.map(\.path).filter { path in
            touched.contains(path) || above.contains(Substring(path))
                || Self.directories(above: path).contains { touched.contains(String($0)) }
        }
        if !clashing.isEmpty {
            throw GitKitError.uncommittedChanges(paths: clashing)
        }
    }

    /// The directories above `path`, innermost first: `a/b/c` → `a/b`, `a`.
    private static func directories(above path: String) -> [Substring] {
        var directories: [Substring] = []
        var end = path.endIndex
        while let slash = path[..<end].lastIndex(of: "/") {
            directories.append(path[..<slash])
            end = slash
        }
        return directories
    }
}
