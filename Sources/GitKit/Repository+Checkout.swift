import CGit2

extension Repository {
    /// Makes the index and work tree match `tree` (HEAD does not move), for all paths or only `paths`.
    /// Without `force` it is safe: when a file with local changes (or an untracked file in the way) would
    /// be overwritten, nothing is changed and `GitKitError.uncommittedChanges` names the files.
    public func checkout(tree: ObjectID, paths: [String]? = nil, force: Bool = false) throws {
        _ = try requireWorkDirectory()
        let target = try lookupTree(tree)
        final class Conflicts {
            var paths: [String] = []
        }
        let conflicts = Conflicts()
        var options = git_checkout_options()
        try check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
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
                options.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue
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
}
