import CGit2
import Foundation

extension Repository {
    /// Applies `updates` in order to `base` (nil: the empty tree), writes the changed trees and returns the
    /// new root. Directories are created as needed and removed when they become empty.
    public func updateTree(_ base: ObjectID?, _ updates: [TreeUpdate]) throws -> ObjectID {
        let root = PendingTree(repository: self, base: try base.map(lookupTree))
        // The directories upserts went into, by folder path: a first pull's 100,000 upserts come in
        // `sys_id` order, hundreds to each folder, and walking down from the root for each cost a
        // quarter of its build. A removal can remove a directory, so it forgets them.
        var folders: [Substring: PendingTree] = [:]
        for update in updates {
            let path = update.path
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            // nil: the file is at the root. A folder is checked when first walked, the name every time.
            let folder = slash.map { path[..<$0] }
            let name = slash.map { path[path.utf8.index(after: $0)...] } ?? path[...]
            guard Self.isStorable(name.utf8) else { throw GitKitError.invalidPath(path) }
            switch update {
            case .upsert(_, let blob):
                var directory = root
                if let folder, let known = folders[folder] {
                    directory = known
                } else if let folder {
                    for component in try Self.components(of: folder, in: path) {
                        guard let next = try directory.directory(String(component), create: true, path: path) else {
                            throw GitKitError.pathConflict(path: path, reason: "'\(component)' cannot be created")
                        }
                        directory = next
                    }
                    folders[folder] = directory
                }
                try directory.setBlob(String(name), blob, path: path)
            case .remove:
                folders.removeAll(keepingCapacity: true)
                var directory: PendingTree? = root
                for component in try folder.map({ try Self.components(of: $0, in: path) }) ?? [] {
                    directory = try directory?.directory(String(component), create: false, path: path)
                }
                directory?.remove(String(name))
            }
        }
        return try root.write() ?? emptyTree()
    }

    /// Every file (blob) of `tree` and its subtrees, in Git's order (bytewise by full path). Symbolic links
    /// and submodules are left out.
    public func files(in tree: ObjectID) throws -> [TreeFile] {
        let handle = try lookupTree(tree)
        final class Collector {
            var files: [TreeFile] = []
            // The walk passes the same root for every entry of a directory: convert it once per directory.
            var root = ""
        }
        let collector = Collector()
        let result = withExtendedLifetime(collector) {
            git_tree_walk(handle.pointer, GIT_TREEWALK_PRE, { root, entry, payload in
                guard let root, let entry, let payload else { return -1 }
                let mode = git_tree_entry_filemode(entry)
                guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE else { return 0 }
                let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
                if collector.root.withCString({ strcmp($0, root) }) != 0 {
                    collector.root = String(cString: root)
                }
                let path = collector.root + String(cString: git_tree_entry_name(entry))
                collector.files.append(
                    TreeFile(
                        path: path, blob: ObjectID(git_tree_entry_id(entry)),
                        isExecutable: mode == GIT_FILEMODE_BLOB_EXECUTABLE))
                return 0
            }, Unmanaged.passUnretained(collector).toOpaque())
        }
        try check(result, "git_tree_walk")
        return collector.files
    }

    /// The blob ids of `tree` and its subtrees (files and symbolic links), in Git's order, the order in
    /// which a checkout reads them.
    func blobIDsInOrder(of tree: ObjectID, _ body: (ObjectID) -> Void) throws {
        let handle = try lookupTree(tree)
        let result = withoutActuallyEscaping(body) { body in
            withUnsafePointer(to: body) { body in
                git_tree_walk(handle.pointer, GIT_TREEWALK_PRE, { _, entry, payload in
                    guard let entry, let payload else { return -1 }
                    guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return 0 }
                    payload.assumingMemoryBound(to: ((ObjectID) -> Void).self).pointee(ObjectID(git_tree_entry_id(entry)))
                    return 0
                }, UnsafeMutableRawPointer(mutating: body))
            }
        }
        try check(result, "git_tree_walk")
    }

    /// The blob at `path` in `tree`; nil when there is none (or it is a directory).
    public func blobID(at path: String, in tree: ObjectID) throws -> ObjectID? {
        // A file, executable or not, or a symbolic link (whose blob is its target): not a folder or a submodule.
        guard let (id, mode) = try entry(at: path, in: lookupTree(tree)), mode != GIT_FILEMODE_TREE, mode != GIT_FILEMODE_COMMIT
        else { return nil }
        return id
    }

    /// The id and mode of the entry at `path` in `tree`; nil when there is none.
    func entry(at path: String, in tree: Handle) throws -> (id: ObjectID, mode: git_filemode_t)? {
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree.pointer, path)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_tree_entry_bypath")
        guard let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return (ObjectID(git_tree_entry_id(entry)), git_tree_entry_filemode(entry))
    }

    /// Splits a repository path, refusing anything Git would not store.
    static func components(of path: String) throws -> [Substring] {
        try components(of: path[...], in: path)
    }

    /// Splits `part` of `path` (named in the error) at every "/" byte, as Git does: a "/" followed by a
    /// combining accent is one `Character`, and splitting by `Character` would keep it inside a name.
    private static func components(of part: Substring, in path: String) throws -> [Substring] {
        let components = part.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Substring.init)
        for component in components where !isStorable(component.utf8) {
            throw GitKitError.invalidPath(path)
        }
        return components
    }

    /// Whether Git stores a path component: not empty, `.`, `..` or `.git` in any case, and no NUL. Read
    /// as bytes (a tree of 100,000 files has 300,000 components; lower-casing each and Foundation's
    /// substring search took a quarter of a second): no character other than ASCII lower-cases to one
    /// of ".git"'s.
    static func isStorable(_ component: Substring.UTF8View) -> Bool {
        if component.isEmpty || component.contains(0) { return false }
        if component.elementsEqual(".".utf8) || component.elementsEqual("..".utf8) { return false }
        return !(component.count == 4 && component.first == UInt8(ascii: ".")
            && component.dropFirst().elementsEqual("git".utf8) { $0 | 0x20 == $1 })
    }
}
