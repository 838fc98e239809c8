import CGit2

extension Repository {
    /// `base` with each of `paths` exactly as it is in `source`: the same entry — a file with its mode,
    /// a symbolic link, a submodule, a whole directory — or no entry where `source` has none. For
    /// carrying a few of one tree's differences into another without rebuilding either: the trees of
    /// `base` off those paths are reused as they are. Paths are taken shortest first, so a file that is
    /// a directory in `source` (or the reverse) comes out as `source` has it.
    public func tree(_ base: ObjectID, takingPaths paths: [String], from source: ObjectID) throws -> ObjectID {
        let root = PendingTree(repository: self, base: try lookupTree(base))
        let sourceTree = try lookupTree(source)
        for path in paths.sorted() {
            let components = try Self.components(of: path).map(String.init)
            guard let name = components.last else { continue }
            if let (id, mode) = try entry(at: path, in: sourceTree) {
                var directory = root
                for component in components.dropLast() {
                    guard let next = try directory.directory(component, create: true, path: path) else {
                        throw GitKitError.pathConflict(path: path, reason: "'\(component)' cannot be created")
                    }
                    directory = next
                }
                try directory.setEntry(name, id, mode: mode)
            } else {
                var directory: PendingTree? = root
                for component in components.dropLast() {
                    directory = try directory?.directory(component, create: false, path: path)
                }
                directory?.remove(name)
            }
        }
        return try root.write() ?? emptyTree()
    }

    /// Whether `path` is an executable file in `tree`.
    public func isExecutableFile(at path: String, in tree: ObjectID) throws -> Bool {
        try entry(at: path, in: lookupTree(tree))?.mode == GIT_FILEMODE_BLOB_EXECUTABLE
    }
}
