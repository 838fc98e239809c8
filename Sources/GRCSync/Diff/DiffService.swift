import Foundation
import GitKit

/// `grcsync diff`: each statement's changes against ServiceNow's version in the mirror — the same
/// changes `git diff servicenow/main -- statements/` shows, named by control and system.
public struct DiffService {
    /// What to compare with the mirror.
    public enum Side: Sendable {
        /// The work tree (what you see in your editor).
        case workTree
        /// The index (`--cached`).
        case index
        /// HEAD (what push would send).
        case head
    }

    let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Diffs of the statements under `paths` (all when empty).
    public func run(paths: [String], side: Side, word: Bool) throws -> [StatementDiff] {
        let repository = workspace.repository
        guard let tip = try workspace.mirror.tip().commit else { return [] }
        let manifest = try workspace.mirror.manifest(at: tip)
        let tipTree = try repository.commit(tip).tree
        let changes: [FileChange]
        switch side {
        case .workTree: changes = try repository.changesInWorkTree(against: tipTree, includeUntracked: true)
        case .index: changes = try repository.changesInIndex(against: tipTree)
        case .head:
            let headTree = try workspace.currentBranch().commit.map { try repository.commit($0).tree }
            changes = try repository.changes(from: tipTree, to: headTree)
        }
        let selected = changes.filter { change in
            StatementPath.isStatement(change.path)
                && (paths.isEmpty || paths.contains { change.path == $0 || change.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") })
        }
        return try selected.sorted { $0.path < $1.path }.map { change in
            let oldPath = change.oldPath ?? change.path
            let old = try change.oldBlob.map { try repository.blobData($0) }
            let new: Data? =
                change.kind == .deleted
                ? nil
                : try side == .workTree
                    ? (try? Data(contentsOf: workspace.root.appendingPathComponent(change.path)))
                    : change.newBlob.map { try repository.blobData($0) }
            let patch =
                word
                ? WordDiff.render(
                    old: String(decoding: old ?? Data(), as: UTF8.self), new: String(decoding: new ?? Data(), as: UTF8.self))
                : try repository.unifiedDiff(oldPath: oldPath, old: old, newPath: change.path, new: new)
            let entry = manifest.entry(path: oldPath)
            return StatementDiff(path: change.path, statement: entry.map(StatementRef.init), patch: patch)
        }
    }
}
