import GitKit

/// For each statement about to be pushed: who changed it since it last matched ServiceNow, and which
/// approval commits were recorded in that time.
///
/// "Since it last matched" is per statement. A commit that merges a mirror commit (a push's sync commit,
/// a pull's merge) and holds the mirror's version of a statement is a point where that statement was in
/// sync with ServiceNow: everything before it was pushed or superseded, so its authors and approvals no
/// longer matter. A merge where the statement differs from the mirror (the user's edit was not pushed:
/// a push narrowed to other files, a conflict, a pull that merged ServiceNow's changes into an edited
/// branch) is not such a point, and the edits before it keep their authors.
///
/// A commit is an author of a statement when it changed it: against its parent, or for a merge, against
/// every parent (content that none of the merged sides had — a conflict resolution or an "evil merge" —
/// is the merger's). Approval commits are read like any other, so one that also edits a statement makes
/// its approver an author of that edit.
struct ChangeHistory {
    /// Authors' emails (lowercased) of the commits that changed each path since it last matched ServiceNow.
    var authors: [String: Set<String>] = [:]
    /// Author names by email, for people.
    var names: [String: String] = [:]
    /// Every approval commit since the mirror tip, newest first.
    var approvalCommits: [CommitInfo] = []
    /// Per path, the ids of the approval commits recorded since the path last matched ServiceNow: only
    /// these may approve it.
    var approvalWindow: [String: Set<String>] = [:]

    /// Reads the history of `head` since `mirrorTip` for `paths` (the statements about to be pushed).
    init(repository: Repository, head: ObjectID, mirrorTip: ObjectID, paths: [String]) throws {
        let walk = try repository.commits(from: head, hiding: [mirrorTip])
        var position: [ObjectID: Int] = [:]
        for (index, commit) in walk.enumerated() { position[commit.id] = index }

        var changed: [Set<String>] = []
        var renames: [(index: Int, from: String, to: String)] = []
        var syncPoints: [String: [Int]] = [:]
        for (index, commit) in walk.enumerated() {
            if !Trailers(message: commit.message).values(Approval.trailer).isEmpty { approvalCommits.append(commit) }
            guard !commit.parents.isEmpty else {
                changed.append(Set(try repository.changes(from: nil, to: commit.tree).map(\.path)))
                continue
            }
            var common: Set<String>?
            var mergedMirror = false
            for parent in commit.parents {
                let parentTree = try repository.commit(parent).tree
                let changes = try repository.changes(from: parentTree, to: commit.tree, detectRenames: commit.parents.count == 1)
                var touched = Set<String>()
                for change in changes {
                    touched.insert(change.path)
                    if let old = change.oldPath {
                        touched.insert(old)
                        renames.append((index, old, change.path))
                    }
                }
                common = common.map { $0.intersection(touched) } ?? touched
                // A parent outside the walk is on the mirror's side: this merge brought ServiceNow's
                // content in, and every path it did not change against that parent matched ServiceNow.
                if commit.parents.count > 1 && position[parent] == nil && !mergedMirror {
                    mergedMirror = true
                    for path in paths where !touched.contains(path) { syncPoints[path, default: []].append(index) }
                }
            }
            changed.append(common ?? [])
        }

        var hiddenBySyncPoints: [[Int]: Set<Int>] = [:]
        for path in paths {
            let points = syncPoints[path] ?? []
            let hidden = hiddenBySyncPoints[points] ?? Self.ancestors(of: points, in: walk, position: position)
            hiddenBySyncPoints[points] = hidden
            let visible = walk.indices.filter { !hidden.contains($0) }
            // A statement renamed since then keeps the authors of the edits made under its old name.
            var names = Set([path])
            for rename in renames where rename.to == path && !hidden.contains(rename.index) { names.insert(rename.from) }
            var emails = Set<String>()
            for index in visible where !changed[index].isDisjoint(with: names) {
                let author = walk[index].author
                emails.insert(author.email.lowercased())
                self.names[author.email.lowercased()] = author.name
            }
            authors[path] = emails
            approvalWindow[path] = Set(visible.map { walk[$0].id.hex })
        }
    }

    /// The walk's indices of `points` and all their ancestors inside the walk.
    private static func ancestors(of points: [Int], in walk: [CommitInfo], position: [ObjectID: Int]) -> Set<Int> {
        var seen = Set<Int>()
        var pending = points
        while let index = pending.popLast() {
            guard seen.insert(index).inserted else { continue }
            pending += walk[index].parents.compactMap { position[$0] }
        }
        return seen
    }
}
