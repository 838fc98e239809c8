import Foundation
import GitKit

/// `grcsync resolve --ours|--theirs PATH…`: settles conflicted statements of a pull's merge in one step,
/// keeping your version (HEAD) or ServiceNow's (the mirror commit being merged), and stages them.
/// Resolving by hand in any editor and `git add` works just as well.
public struct ResolveService {
    /// Whose version to keep.
    public enum Side: String, Sendable, Codable, CaseIterable {
        case ours, theirs
    }

    /// Conflicts can only be resolved during a merge, and only on conflicted files.
    public enum ResolveError: Error, Sendable, CustomStringConvertible {
        case noMerge
        case notConflicted(String)

        public var description: String {
            switch self {
            case .noMerge: "No merge is in progress, so there is nothing to resolve ('grcsync status' shows what there is)."
            case .notConflicted(let path): "\(path) has no conflict to resolve (conflicted files: see 'grcsync status')."
            }
        }
    }

    let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Resolves the given paths (all conflicted statements when empty); returns the paths resolved.
    public func run(side: Side, paths: [String]) throws -> [String] {
        let repository = workspace.repository
        let lock = try workspace.lock("resolve")
        defer { lock.release() }
        guard try repository.state == .merge, let theirs = try repository.reference("MERGE_HEAD") else { throw ResolveError.noMerge }
        let conflicted = try repository.conflictedPaths()
        let targets = paths.isEmpty ? conflicted : paths
        for path in targets where !conflicted.contains(path) { throw ResolveError.notConflicted(path) }
        guard case .branch(_, let head?) = try repository.head() else { throw WorkspaceError.detachedHead }
        let source = side == .ours ? try repository.commit(head).tree : try repository.commit(theirs).tree
        for path in targets {
            let file = workspace.root.appendingPathComponent(path)
            if let blob = try repository.blobID(at: path, in: source) {
                try repository.blobData(blob).write(to: file, options: .atomic)
            } else {
                try? FileManager.default.removeItem(at: file)
            }
        }
        try repository.stage(paths: targets)
        return targets
    }
}
