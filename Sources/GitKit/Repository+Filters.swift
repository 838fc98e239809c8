import Foundation
import CGit2

extension Repository {
    /// Whether no filter can change any file checked out from `tree` into this work tree.
    ///
    /// For every file it writes, libgit2's checkout loads the filters that apply: it looks up the file's
    /// attributes, which resolves the file's folder with `realpath` (a `readlink` per path component)
    /// and checks for `.gitattributes` files above it — 1.9 s of a 4.4 s checkout of 100,000 files
    /// (tmpfs). When nothing can define a filter, the checkout may skip that and write the same bytes.
    ///
    /// Filters come from attributes (`text`, `eol`, `crlf`, `ident`, `filter` — Git LFS included) and,
    /// without any attribute, from `core.autocrlf = true`. So this is true only when that setting is not
    /// in force, `core.attributesFile` is not set, and there is no attributes file anywhere libgit2 reads
    /// one: the system's (`gitattributes`) and the user's (`attributes`) in libgit2's configuration search
    /// folders, `info/attributes` in the repository, and `.gitattributes` in the index, in `tree`, or in
    /// any folder of `tree` in the work tree (tracked or not). Anything unreadable counts as a filter.
    func filtersCannotApply(checkingOut tree: Handle) throws -> Bool {
        // A bare `autocrlf` (no value) is true, as libgit2 reads it; `input` converts only on the way in.
        if let autocrlf = try configValue("core.autocrlf")?.lowercased(),
           !["false", "no", "off", "0", "input"].contains(autocrlf)
        {
            return false
        }
        if try configValue("core.attributesFile") != nil { return false }
        guard let root = workDirectory else { return false }
        var files = [try itemPath(GIT_REPOSITORY_ITEM_INFO).appendingPathComponent("attributes")]
        files += try searchFolders(GIT_CONFIG_LEVEL_SYSTEM).map { $0.appendingPathComponent("gitattributes") }
        files += try searchFolders(GIT_CONFIG_LEVEL_XDG).map { $0.appendingPathComponent("attributes") }
        let index = try self.index()
        for position in 0..<git_index_entrycount(index.pointer) {
            guard let entry = git_index_get_byindex(index.pointer, position), let path = entry.pointee.path else { return false }
            if Self.isAttributesFile(path) { return false }
        }
        guard let folders = try Self.foldersWithoutAttributesFiles(in: tree) else { return false }
        files += folders.map { root.appendingPathComponent($0, isDirectory: true).appendingPathComponent(".gitattributes") }
        var status = stat()
        // lstat: anything there, even a broken link or a folder, is left to libgit2.
        return files.allSatisfy { lstat($0.path, &status) != 0 && errno == ENOENT }
    }

    /// Every folder of `tree` ("" for the root), or nil when it holds a `.gitattributes` entry.
    private static func foldersWithoutAttributesFiles(in tree: Handle) throws -> [String]? {
        final class Walk {
            var folders = [""]
            var found = false
        }
        let walk = Walk()
        let result = withExtendedLifetime(walk) {
            git_tree_walk(tree.pointer, GIT_TREEWALK_PRE, { root, entry, payload in
                guard let root, let entry, let payload, let name = git_tree_entry_name(entry) else { return -1 }
                let walk = Unmanaged<Walk>.fromOpaque(payload).takeUnretainedValue()
                if strcmp(name, ".gitattributes") == 0 {
                    walk.found = true
                    return -1
                }
                if git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE {
                    walk.folders.append(String(cString: root) + String(cString: name))
                }
                return 0
            }, Unmanaged.passUnretained(walk).toOpaque())
        }
        if walk.found { return nil }
        try check(result, "git_tree_walk")
        return walk.folders
    }

    private static func isAttributesFile(_ path: UnsafePointer<CChar>) -> Bool {
        let name = strrchr(path, Int32(UInt8(ascii: "/"))).map { UnsafePointer($0 + 1) } ?? path
        return strcmp(name, ".gitattributes") == 0
    }

    /// The folders libgit2 searches for configuration (and attributes) files at `level`.
    private func searchFolders(_ level: git_config_level_t) throws -> [URL] {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(grcsync_git_get_search_path(Int32(level.rawValue), &buffer), "git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH)")
        let list = buffer.ptr.map { String(cString: $0) } ?? ""
        return list.split(separator: ":").map { URL(fileURLWithPath: String($0), isDirectory: true) }
    }
}
