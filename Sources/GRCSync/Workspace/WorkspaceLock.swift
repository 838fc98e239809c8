public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps two grcsync processes off one workspace, the way Git's `index.lock` keeps two gits off an index.
///
/// The lock is a file created exclusively in `.git/grcsync/`, holding the owner's process id and
/// command. A lock left by a process that no longer runs (killed, crashed) is taken over, and the
/// caller is told so; a live owner makes the new process refuse with its pid.
public final class WorkspaceLock {
    /// The lock file.
    public let url: URL
    /// Set when a stale lock of a dead process was taken over: that process's pid.
    public private(set) var tookOverFrom: Int32?
    private var held = true

    /// Takes the lock or throws `WorkspaceError.locked`.
    public init(directory: URL, command: String) throws {
        url = directory.appendingPathComponent("lock")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let contents = "\(getpid()) \(command)\n"
        for _ in 0..<2 {
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 {
                _ = contents.withCString { write(fd, $0, strlen($0)) }
                close(fd)
                return
            }
            guard errno == EEXIST else {
                throw WorkspaceError.cannotLock(url.path, String(cString: strerror(errno)))
            }
            let owner = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            let fields = owner.split(separator: " ", maxSplits: 1)
            guard let pid = fields.first.flatMap({ Int32($0) }), pid > 0 else {
                throw WorkspaceError.locked(path: url.path, pid: nil, command: owner)
            }
            if kill(pid, 0) == 0 || errno == EPERM {
                let command = fields.count > 1 ? String(fields[1]).trimmingCharacters(in: .newlines) : "grcsync"
                throw WorkspaceError.locked(path: url.path, pid: pid, command: command)
            }
            tookOverFrom = pid
            unlink(url.path)
        }
        throw WorkspaceError.locked(path: url.path, pid: nil, command: "")
    }

    /// Releases the lock; safe to call more than once.
    public func release() {
        guard held else { return }
        held = false
        unlink(url.path)
    }

    deinit { release() }
}
