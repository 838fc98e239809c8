import CGit2
import Foundation

/// The first pass of a full status on a large work tree, what `git status` does before it compares
/// anything (`core.preloadIndex`): `lstat` every file of the index on all cores and keep only those whose
/// metadata no longer matches their index entry, then list the directories once to find names the index
/// does not have. libgit2's status then examines just those paths, instead of walking 100,000 files on
/// one thread (222 ms of a 361 ms `grcsync status` at 100,000 statements).
///
/// The pass only narrows what libgit2 looks at, never decides a file's status itself: a path is kept
/// whenever anything libgit2 compares could differ (mode, size, times, inode, owner), when the entry is
/// as new as the index file (racily clean, as libgit2 and git call it), when the entry is a conflict or
/// carries extended flags, and whenever a name is not in the index. Anything it cannot read as expected
/// makes it give up, and the caller runs libgit2's full status.
struct WorkTreeScan {
    /// Below this many index entries libgit2's own walk is as fast as the pass.
    static let minimumEntries = 5_000

    /// The index's entries, and a way to ask whether it has a name.
    let index: IndexNames
    /// The work tree root, ending in "/".
    let workDirectory: String
    /// The index file, whose modification time decides which entries are racily clean.
    let indexFile: String

    /// The paths libgit2 has to examine (files that may have changed, and names the index does not
    /// have, files or whole directories), sorted; nil when the pass does not apply, gave up, or kept
    /// more than an eighth of the entries.
    func pathsToExamine(includeUntracked: Bool) -> [String]? {
        let count = index.count
        guard count >= Self.minimumEntries, workDirectory.hasSuffix("/") else { return nil }
        var indexStat = stat()
        guard lstat(indexFile, &indexStat) == 0 else { return nil }
        // Reading libgit2's entries here also sorts its index once, before other threads read it.
        guard let entries = index.entryTable() else { return nil }
        let indexTime = indexStat.st_mtim
        let chunks = 32
        let workDirectory = workDirectory
        let walk = includeUntracked ? UntrackedWalk(index: index, workDirectory: workDirectory) : nil
        // The directory walk is one more piece of work beside the `lstat` chunks, and the first: its one
        // long piece started last left a core idle at the end (~20 ms at 100,000 files).
        let results = concurrentMap(count: chunks + 1) { piece -> [String]? in
            if piece == 0 { return walk?.namesNotInIndex() ?? [] }
            let chunk = piece - 1
            let range = (entries.pointers.count * chunk / chunks)..<(entries.pointers.count * (chunk + 1) / chunks)
            return Self.changedEntries(entries, range, workDirectory: workDirectory, indexTime: indexTime)
        }
        var paths: [String] = []
        for result in results {
            guard let result else { return nil }
            paths += result
        }
        // When much of the tree changed (every file touched, a fresh checkout by another tool), a long
        // path list costs libgit2 more than its own walk.
        guard paths.count <= count / 8 else { return nil }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The paths in `range` whose file may differ from their index entry. Entries come in path order,
    /// so each directory is opened once and its files are looked up by name in it (`fstatat`), which
    /// spares the kernel walking the whole path for each of them.
    private static func changedEntries(
        _ entries: EntryTable, _ range: Range<Int>, workDirectory: String, indexTime: timespec
    ) -> [String]? {
        var changed: [String] = []
        var directory: [CChar]?  // nil until the first directory is opened ("" is the root)
        var descriptor: Int32 = -1
        defer { if descriptor >= 0 { close(descriptor) } }
        var info = stat()
        for position in range {
            let entry = entries.pointers[position].pointee
            guard let name = entry.path else { return nil }
            let slash = strrchr(name, 0x2F).map { $0 - UnsafeMutablePointer(mutating: name) } ?? -1
            let parent = UnsafeBufferPointer(start: name, count: slash + 1)
            if directory.map({ !parent.elementsEqual($0) }) ?? true {
                if descriptor >= 0 { close(descriptor) }
                directory = Array(parent)
                descriptor = open(workDirectory + String(decoding: parent.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                                  O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
            let missing = descriptor < 0 || fstatat(descriptor, name + slash + 1, &info, AT_SYMLINK_NOFOLLOW) != 0
            if missing || Self.differs(entry, info, indexTime: indexTime) {
                guard let text = String(validatingCString: name) else { return nil }
                changed.append(text)
            }
        }
        return changed
    }

    /// Whether anything libgit2 compares between an index entry and the file's metadata differs, or
    /// the entry cannot be trusted without reading the file.
    private static func differs(_ entry: git_index_entry, _ info: stat, indexTime: timespec) -> Bool {
        // A conflict stage, intent-to-add, skip-worktree: libgit2 decides. (Only the extended flags kept
        // on disk count: libgit2 marks entries it refreshed in memory with GIT_INDEX_ENTRY_UPTODATE.)
        if entry.flags & UInt16(GIT_INDEX_ENTRY_STAGEMASK) != 0
            || entry.flags_extended & UInt16(GIT_INDEX_ENTRY_EXTENDED_FLAGS.rawValue) != 0
        {
            return true
        }
        let type = info.st_mode & S_IFMT
        let expected: mode_t = switch entry.mode {
        case 0o100644, 0o100755: S_IFREG
        case 0o120000: S_IFLNK
        default: 0  // a submodule or anything unusual
        }
        guard type == expected, expected != 0 else { return true }
        if type == S_IFREG && ((info.st_mode & 0o100 != 0) != (entry.mode == 0o100755)) { return true }
        if entry.file_size != UInt32(truncatingIfNeeded: info.st_size) { return true }
        if !same(entry.mtime, info.st_mtim) || !same(entry.ctime, info.st_ctim) { return true }
        if entry.ino != UInt32(truncatingIfNeeded: info.st_ino) || entry.uid != info.st_uid || entry.gid != info.st_gid {
            return true
        }
        // Racily clean: written in the same instant as the index, so a later edit of the same size
        // would not show in the times.
        let seconds = Int(entry.mtime.seconds), nanoseconds = Int(entry.mtime.nanoseconds)
        return (seconds, nanoseconds) >= (Int(indexTime.tv_sec), Int(indexTime.tv_nsec))
    }

    private static func same(_ time: git_index_time, _ spec: timespec) -> Bool {
        Int(time.seconds) == Int(spec.tv_sec) && Int(time.nanoseconds) == Int(spec.tv_nsec)
    }
}

/// The index's entries, read by several threads at once while the index is not modified.
struct EntryTable: @unchecked Sendable {
    let pointers: [UnsafePointer<git_index_entry>]
}

/// The index a scan reads: libgit2's (looked up with git_index_find and git_index_find_prefix, only
/// while nothing modifies it), or the file read directly.
enum IndexNames: @unchecked Sendable {
    case libgit2(OpaquePointer)
    case file(IndexFile)

    var count: Int {
        switch self {
        case .libgit2(let index): git_index_entrycount(index)
        case .file(let file): file.entries.count
        }
    }

    func entryTable() -> EntryTable? {
        switch self {
        case .libgit2(let index):
            let pointers = (0..<git_index_entrycount(index)).compactMap { git_index_get_byindex(index, $0) }
            return pointers.count == count ? EntryTable(pointers: pointers) : nil
        case .file(let file):
            return EntryTable(pointers: file.entries.indices.map { file.entries.baseAddress! + $0 })
        }
    }

    func contains(path: String) -> Bool {
        switch self {
        case .libgit2(let index):
            var position = 0
            return git_index_find(&position, index, path) == 0
        case .file(let file): return file.contains(path: path)
        }
    }

    func contains(prefix: String) -> Bool {
        switch self {
        case .libgit2(let index):
            var position = 0
            return git_index_find_prefix(&position, index, prefix) == 0
        case .file(let file): return file.contains(prefix: prefix)
        }
    }
}

/// Lists the work tree's directories (readdir only, no `lstat` where the file system gives the type)
/// and keeps the names the index does not have: untracked files, and directories that hold no tracked
/// file at all (handed to libgit2 whole, which applies the ignore rules and lists what is inside).
private struct UntrackedWalk: @unchecked Sendable {
    let index: IndexNames
    let workDirectory: String

    func namesNotInIndex() -> [String]? {
        var names: [String] = []
        var pending = [""]
        while let directory = pending.popLast() {
            guard let listing = opendir(workDirectory + directory) else { return nil }
            defer { closedir(listing) }
            while let item = readdir(listing) {
                var entry = item.pointee
                guard let name = withUnsafeBytes(of: &entry.d_name, { String(validatingCString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) })
                else { return nil }
                if name == "." || name == ".." || name == ".git" { continue }
                let path = directory + name
                var isDirectory = entry.d_type == DT_DIR
                if entry.d_type == DT_UNKNOWN {
                    var info = stat()
                    guard lstat(workDirectory + path, &info) == 0 else { return nil }
                    isDirectory = info.st_mode & S_IFMT == S_IFDIR
                }
                if isDirectory {
                    if index.contains(prefix: path + "/") {
                        pending.append(path + "/")
                    } else {
                        names.append(path)
                    }
                } else if !index.contains(path: path) {
                    names.append(path)
                }
            }
        }
        return names
    }
}
