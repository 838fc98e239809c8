import Foundation
import GitKit

/// Merges the mirror into the current branch: the sync commit.
struct SyncMerge {
    let workspace: Workspace

    /// Merges `mirrorTip` (if any, and if not already contained) into the current branch. `prepared`,
    /// the mirror's manifest already written to a file, is moved into the work tree if the merge takes it.
    func mergeMirror(_ mirrorTip: ObjectID?, branch: String, job: String, operation: String, prepared: PreparedFile? = nil) throws
        -> PullReport.MergeResult
    {
        let repository = workspace.repository
        guard let mirrorTip else { return .upToDate }
        if case .branch(_, let head?) = try repository.head(), try repository.isAncestor(mirrorTip, of: head) {
            return .upToDate
        }
        let host = workspace.configuration.instance.host ?? workspace.configuration.instance.absoluteString
        let message = """
            Merge ServiceNow (\(host)) into \(branch)

            \(MirrorBranch.TrailerKey.sync): \(operation)
            \(MirrorBranch.TrailerKey.job): \(job)

            """
        do {
            switch try repository.merge(mirrorTip, message: message, ourLabel: "HEAD", theirLabel: "ServiceNow", prepared: prepared) {
            case .upToDate: return .upToDate
            case .fastForward: return .fastForward
            case .merged(let commit): return .merged(commit: commit.hex)
            case .conflicts(let paths): return .conflicts(paths: paths)
            }
        } catch GitKitError.uncommittedChanges(let paths) {
            throw WorkspaceError.uncommittedChanges(paths)
        }
    }
}
