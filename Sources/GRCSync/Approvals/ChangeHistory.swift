import GitKit

/// The commits on the branch since the last sync with ServiceNow: who changed which statement, and
/// which approvals were recorded.
struct ChangeHistory {
    /// Authors' emails (lowercased) of the commits that changed each path since the last sync.
    var authors: [String: Set<String>] = [:]
    /// Author names by email, for people.
    var names: [String: String] = [:]
    /// Approval commits since the last sync, newest first.
    var approvalCommits: [CommitInfo] = []

    init(repository: Repository, head: ObjectID, mirrorTip: ObjectID) throws {
        // The sync commit that merged the mirror tip hides everything before it, so only the changes
        // (and approvals) made since then count.
        var hidden = [mirrorTip]
        for commit in try repository.commits(from: head, hiding: [mirrorTip]) where commit.parents.contains(mirrorTip) {
            hidden.append(commit.id)
        }
        for commit in try repository.commits(from: head, hiding: hidden) {
            let trailers = Trailers(message: commit.message)
            if !trailers.values(Approval.trailer).isEmpty {
                approvalCommits.append(commit)
                continue
            }
            guard commit.parents.count == 1, trailers[MirrorBranch.TrailerKey.sync] == nil, let parent = commit.parents.first
            else { continue }
            let email = commit.author.email.lowercased()
            names[email] = commit.author.name
            let parentTree = try repository.commit(parent).tree
            for change in try repository.changes(from: parentTree, to: commit.tree, detectRenames: true) {
                authors[change.path, default: []].insert(email)
                if let old = change.oldPath { authors[old, default: []].insert(email) }
            }
        }
    }
}
