import GitKit

/// The commits status, diff and push compare: the mirror tip, HEAD, and the newest mirror commit that
/// HEAD already contains (the base that "modified" is measured against).
struct SyncBase {
    var mirrorTip: ObjectID?
    var head: ObjectID?
    /// The newest mirror commit merged into HEAD; nil when the mirror was never merged.
    var base: ObjectID?
    var branch: String

    var isBehind: Bool { mirrorTip != nil && mirrorTip != base }

    init(workspace: Workspace) throws {
        let (tip, _) = try workspace.mirror.tip()
        let current = try workspace.currentBranch()
        mirrorTip = tip
        head = current.commit
        branch = current.name
        if let tip, let head = current.commit {
            base = try workspace.repository.isAncestor(tip, of: head) ? tip : try workspace.repository.mergeBase(tip, head)
        }
    }
}
