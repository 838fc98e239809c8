import Foundation
import CGit2

extension Repository {
    /// The multi-step operation in progress, if any.
    public var state: RepositoryState {
        get throws {
            let state = try check(git_repository_state(pointer), "git_repository_state")
            switch state {
            case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): return .clean
            case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): return .merge
            case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue):
                return .other("revert")
            case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue),
                Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue):
                return .other("cherry-pick")
            case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): return .other("bisect")
            case Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue),
                Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue):
                return .other("am")
            default: return .other("rebase")
            }
        }
    }

    /// Removes the merge state files (MERGE_HEAD, MERGE_MSG, …), as `git commit` does after a merge.
    public func cleanupState() throws {
        try check(git_repository_state_cleanup(pointer), "git_repository_state_cleanup")
    }

    /// The paths with unresolved conflicts in the index, sorted.
    public func conflictedPaths() throws -> [String] {
        try conflictedPaths(in: index())
    }

    func conflictedPaths(in index: Handle) throws -> [String] {
        let iterator = try makeHandle(
            "git_index_conflict_iterator_new", owner: index, free: { git_index_conflict_iterator_free($0) }
        ) {
            git_index_conflict_iterator_new(&$0, index.pointer)
        }
        var paths = Set<String>()
        while true {
            var ancestor: UnsafePointer<git_index_entry>?
            var ours: UnsafePointer<git_index_entry>?
            var theirs: UnsafePointer<git_index_entry>?
            let result = git_index_conflict_next(&ancestor, &ours, &theirs, iterator.pointer)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_index_conflict_next")
            if let path = (ours ?? theirs ?? ancestor)?.pointee.path {
                paths.insert(String(cString: path))
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `git add` for these work tree paths (files or directories): stages their content, or their removal
    /// when absent, and marks their conflicts resolved.
    public func stage(paths: [String]) throws {
        let workDirectory = try requireWorkDirectory()
        let index = try index()
        for path in paths {
            _ = try Self.components(of: path)
            var isDirectory: ObjCBool = false
            let fullPath = workDirectory.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: fullPath, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    try withStringArray([path]) { pathspec in
                        try check(
                            git_index_add_all(index.pointer, &pathspec, GIT_INDEX_ADD_DEFAULT.rawValue, nil, nil),
                            "git_index_add_all")
                    }
                } else {
                    try check(git_index_add_bypath(index.pointer, path), "git_index_add_bypath")
                }
            } else {
                let removed = git_index_remove_bypath(index.pointer, path)
                try check(removed, "git_index_remove_bypath")
                try check(git_index_remove_directory(index.pointer, path, 0), "git_index_remove_directory")
            }
        }
        try check(git_index_write(index.pointer), "git_index_write")
    }

    /// Writes the index as a tree (`git write-tree`); fails with `unresolvedConflicts` during a conflicted merge.
    public func writeIndexTree() throws -> ObjectID {
        let index = try index()
        if git_index_has_conflicts(index.pointer) != 0 {
            throw GitKitError.unresolvedConflicts(paths: try conflictedPaths(in: index))
        }
        var oid = git_oid()
        try check(git_index_write_tree(&oid, index.pointer), "git_index_write_tree")
        return ObjectID(oid)
    }
}

/// Calls `body` with a `git_strarray` of `strings`, valid only during the call.
@discardableResult
func withStringArray<T>(_ strings: [String], _ body: (inout git_strarray) throws -> T) throws -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
