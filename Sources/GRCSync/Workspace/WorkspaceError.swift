/// Problems with the workspace itself (not with ServiceNow, not with one statement).
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    case notAWorkspace(String)
    case alreadyInitialized(String)
    case locked(path: String, pid: Int32?, command: String)
    case cannotLock(String, String)
    case mergeInProgress
    case uncommittedChanges([String])
    case detachedHead
    case stagedChanges([String])
    case corruptMirror(String)
    case formatChanged(recorded: String, configured: String)

    public var description: String {
        switch self {
        case .notAWorkspace(let path):
            "\(path) is not a grcsync workspace (no config.yaml at the top of a Git repository). "
                + "Run 'grcsync init --instance https://<instance>.service-now.com' to create one."
        case .alreadyInitialized(let path):
            "\(path) already has a config.yaml. Edit it, or pass --force to replace it."
        case .locked(let path, let pid, let command):
            if let pid {
                "Another grcsync (\(command), pid \(pid)) is working in this workspace. Wait for it to finish; "
                    + "if no such process is running, delete \(path)."
            } else {
                "This workspace is locked by \(path), which does not name a process. If no grcsync is running, "
                    + "delete it."
            }
        case .cannotLock(let path, let reason):
            "Cannot create the lock file \(path): \(reason)."
        case .mergeInProgress:
            "A merge is in progress. Resolve the conflicts (edit the files, or 'grcsync resolve --ours|--theirs "
                + "PATH'), 'git add' them and 'git commit' — or 'git merge --abort' — then run this again."
        case .uncommittedChanges(let paths):
            "Your uncommitted changes to these files would be overwritten:\n"
                + paths.map { "  \($0)" }.joined(separator: "\n")
                + "\nCommit them (git commit) or set them aside (git stash), then run this again. "
                + "Nothing was lost: ServiceNow's version is in servicenow/main."
        case .detachedHead:
            "HEAD is detached. Check out a branch (git switch main) and run this again."
        case .stagedChanges(let paths):
            "These files are staged but not committed: \(paths.joined(separator: ", ")). "
                + "Commit or unstage them first."
        case .formatChanged(let recorded, let configured):
            "config.yaml says format: \(configured), but this workspace's statements are stored as \(recorded). "
                + "Changing the format would rewrite every statement file at once, which no one could review. Set "
                + "format: \(recorded) again, or start a new workspace with 'grcsync init --format \(configured)' and pull."
        case .corruptMirror(let reason):
            "The mirror branch servicenow/main is not usable: \(reason)"
        }
    }
}
