import CGit2
import Foundation

extension Repository {
    /// What `git status` shows, path by path, sorted by path: staged changes (HEAD → index), unstaged
    /// changes (index → work tree, `.added` = untracked) and conflicts. No rename detection.
    public func status(includeUntracked: Bool = true) throws -> [StatusEntry] {
        try status(includeUntracked: includeUntracked, paths: nil)
    }

    /// `status()` limited to `paths`, each taken literally (no wildcards) and meaning the file there and
    /// everything under it when it is a directory. libgit2 then looks only at those paths: on 100,000
    /// files, checking the 1,000 a pull or push is about to write costs milliseconds, not a full status.
    public func status(of paths: [String], includeUntracked: Bool = true) throws -> [StatusEntry] {
        guard !paths.isEmpty else { return [] }
        return try status(includeUntracked: includeUntracked, paths: paths)
    }

    private func status(includeUntracked: Bool, paths: [String]?) throws -> [StatusEntry] {
        _ = try requireWorkDirectory()
        if paths == nil, let workDirectory = git_repository_workdir(pointer).map({ String(cString: $0) }) {
            // A large work tree: metadata on all cores first, then libgit2 on what may have changed.
            var indexFile = git_buf()
            defer { git_buf_dispose(&indexFile) }
            try check(git_repository_item_path(&indexFile, pointer, GIT_REPOSITORY_ITEM_INDEX), "git_repository_item_path")
            let indexPath = String(cString: indexFile.ptr)
            if let file = IndexFile(path: indexPath) {
                // The index read directly: when nothing on disk differs and the index holds HEAD's tree,
                // libgit2 need not read the index at all. (A small index: the scan declines, libgit2 below.)
                let scan = WorkTreeScan(index: .file(file), workDirectory: workDirectory, indexFile: indexPath)
                if let examine = withExtendedLifetime(file, { scan.pathsToExamine(includeUntracked: includeUntracked) }) {
                    if examine.isEmpty, headTree(matches: file) { return [] }
                    return try status(examining: examine, includeUntracked: includeUntracked)
                }
            } else {
                // An index the reader declines (version 4, split, sparse): libgit2 reads it for the scan.
                let index = try index()
                let scan = WorkTreeScan(index: .libgit2(index.pointer), workDirectory: workDirectory, indexFile: indexPath)
                if let examine = withExtendedLifetime(index, { scan.pathsToExamine(includeUntracked: includeUntracked) }) {
                    return try status(examining: examine, includeUntracked: includeUntracked)
                }
            }
        }
        return try list(includeUntracked: includeUntracked, paths: paths, show: GIT_STATUS_SHOW_INDEX_AND_WORKDIR)
    }

    /// Staged changes from the whole index (HEAD → index, cheap); the work tree only from the paths a
    /// scan kept, whose entries then carry their staged side too.
    private func status(examining examine: [String], includeUntracked: Bool) throws -> [StatusEntry] {
        let staged = try list(includeUntracked: false, paths: nil, show: GIT_STATUS_SHOW_INDEX_ONLY)
        let examined = examine.isEmpty ? [] : try list(includeUntracked: includeUntracked, paths: examine, show: GIT_STATUS_SHOW_INDEX_AND_WORKDIR)
        let seen = Set(examined.map(\.path))
        return (examined + staged.filter { !seen.contains($0.path) }).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Whether the index holds exactly HEAD's tree: the same paths in the same order, each with HEAD's
    /// blob and mode, nothing in conflict. False on an unborn branch, and on anything else (libgit2
    /// then compares them itself).
    func headTree(matches file: IndexFile) -> Bool {
        var head: OpaquePointer?
        guard git_repository_head(&head, pointer) == 0, let head else { return false }
        defer { git_reference_free(head) }
        var object: OpaquePointer?
        guard git_reference_peel(&object, head, GIT_OBJECT_TREE) == 0, let object else { return false }
        defer { git_object_free(object) }
        final class Cursor {
            let entries: UnsafeBufferPointer<git_index_entry>
            var position = 0
            init(_ entries: UnsafeBufferPointer<git_index_entry>) { self.entries = entries }
        }
        let cursor = Cursor(file.entries)
        let result = withExtendedLifetime((file, cursor)) {
            git_tree_walk(object, GIT_TREEWALK_PRE, { root, treeEntry, payload in
                guard let root, let treeEntry, let payload else { return -1 }
                guard git_tree_entry_type(treeEntry) != GIT_OBJECT_TREE else { return 0 }
                let cursor = Unmanaged<Cursor>.fromOpaque(payload).takeUnretainedValue()
                guard cursor.position < cursor.entries.count else { return -1 }
                let entry = cursor.entries[cursor.position]
                cursor.position += 1
                // Stage 0 only, the same mode and blob, and the same path (the tree's order, directories
                // sorted as "name/", is the index's byte order of full paths).
                guard entry.flags & UInt16(GIT_INDEX_ENTRY_STAGEMASK) == 0, entry.mode == git_tree_entry_filemode(treeEntry).rawValue,
                      withUnsafePointer(to: entry.id, { git_oid_equal(git_tree_entry_id(treeEntry), $0) }) != 0,
                      let path = entry.path
                else { return -1 }
                let rootLength = strlen(root)
                guard strncmp(path, root, rootLength) == 0, strcmp(path + rootLength, git_tree_entry_name(treeEntry)) == 0 else { return -1 }
                return 0
            }, Unmanaged.passUnretained(cursor).toOpaque())
        }
        return result == 0 && cursor.position == file.entries.count
    }

    private func list(includeUntracked: Bool, paths: [String]?, show: git_status_show_t) throws -> [StatusEntry] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = show
        options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        if includeUntracked {
            options.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        }
        let list: Handle
        if let paths {
            options.flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue
            list = try withStringArray(paths) { pathspec in
                options.pathspec = pathspec
                return try makeHandle("git_status_list_new", owner: self, free: { git_status_list_free($0) }) {
                    git_status_list_new(&$0, pointer, &options)
                }
            }
        } else {
            list = try makeHandle("git_status_list_new", owner: self, free: { git_status_list_free($0) }) {
                git_status_list_new(&$0, pointer, &options)
            }
        }
        var entries: [StatusEntry] = []
        for position in 0..<git_status_list_entrycount(list.pointer) {
            guard let entry = git_status_byindex(list.pointer, position)?.pointee else { continue }
            let flags = entry.status.rawValue
            func has(_ flag: git_status_t) -> Bool { flags & flag.rawValue != 0 }
            var index: ChangeKind?
            if has(GIT_STATUS_INDEX_NEW) { index = .added }
            if has(GIT_STATUS_INDEX_MODIFIED) { index = .modified }
            if has(GIT_STATUS_INDEX_DELETED) { index = .deleted }
            if has(GIT_STATUS_INDEX_RENAMED) { index = .renamed }
            if has(GIT_STATUS_INDEX_TYPECHANGE) { index = .typeChanged }
            var workTree: ChangeKind?
            if has(GIT_STATUS_WT_NEW) { workTree = .added }
            if has(GIT_STATUS_WT_MODIFIED) { workTree = .modified }
            if has(GIT_STATUS_WT_DELETED) { workTree = .deleted }
            if has(GIT_STATUS_WT_RENAMED) { workTree = .renamed }
            if has(GIT_STATUS_WT_TYPECHANGE) { workTree = .typeChanged }
            let conflicted = has(GIT_STATUS_CONFLICTED)
            guard index != nil || workTree != nil || conflicted else { continue }
            let file = entry.index_to_workdir?.pointee.new_file ?? entry.head_to_index?.pointee.new_file
            guard let path = file?.path.map({ String(cString: $0) }) else { continue }
            entries.append(StatusEntry(path: path, index: index, workTree: workTree, isConflicted: conflicted))
        }
        return entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
