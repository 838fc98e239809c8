public import Foundation
public import GitKit
public import Statements

/// The mirror of ServiceNow: `refs/remotes/servicenow/main`, one commit per pull or push that changed
/// something, whose tree is exactly ServiceNow's content as grcsync last saw it plus the manifest.
///
/// Mirror commits carry `Grcsync-Instance` and `Grcsync-Operation` trailers, so the mirror can be found
/// again in any clone's history even when the ref itself was not shared (as git-p4 finds its commits).
public struct MirrorBranch {
    /// The full ref name.
    public static let reference = "refs/remotes/servicenow/main"
    /// The name people type: `git diff servicenow/main`.
    public static let shortName = "servicenow/main"

    /// Trailer keys written by grcsync.
    public enum TrailerKey {
        public static let instance = "Grcsync-Instance"
        public static let operation = "Grcsync-Operation"
        public static let job = "Grcsync-Job"
        public static let sync = "Grcsync-Sync"
        public static let added = "Grcsync-Added"
        public static let changed = "Grcsync-Changed"
        public static let removed = "Grcsync-Removed"
        public static let format = "Grcsync-Format"
    }

    let repository: Repository
    let instance: URL

    public init(repository: Repository, instance: URL) {
        self.repository = repository
        self.instance = instance
    }

    /// The mirror tip. When the ref is missing (a fresh clone of a workspace), it is rebuilt from the
    /// newest mirror commit of this instance in HEAD's history, and `rebuilt` says so.
    public func tip() throws -> (commit: ObjectID?, rebuilt: Bool) {
        if let tip = try repository.reference(Self.reference) { return (try catchUp(tip), false) }
        guard case .branch(_, let target?) = try repository.head() else { return (nil, false) }
        for commit in try repository.commits(from: target) where isMirrorCommit(commit) {
            try repository.setReference(
                Self.reference, to: commit.id, expectedCurrent: nil,
                logMessage: "grcsync: mirror found in history")
            return (commit.id, true)
        }
        return (nil, false)
    }

    /// A clone that `git pull`ed a colleague's sync commit holds a newer mirror commit in HEAD's history
    /// than its own ref: move the ref forward to it (never backward, never sideways).
    ///
    /// Every commit of the branch since the first pull is outside the mirror's history, so the search
    /// reads the whole branch; what an earlier search read with the same tip found nothing and is not
    /// read again (`SearchedHistory`): otherwise every command of a workspace with a year of pushes
    /// would read a year of commits.
    private func catchUp(_ tip: ObjectID) throws -> ObjectID {
        guard case .branch(_, let head?) = try repository.head(), try !repository.isAncestor(head, of: tip) else { return tip }
        let searched = SearchedHistory(repository: repository, instance: InstanceName.normalized(instance.absoluteString))
        let unread: [CommitInfo]
        if let before = searched.head(searchedWith: tip), let commits = try? repository.commits(from: head, hiding: [tip, before]) {
            unread = commits
        } else {
            unread = try repository.commits(from: head, hiding: [tip])
        }
        for commit in unread where isMirrorCommit(commit) {
            guard try repository.isAncestor(tip, of: commit.id) else { continue }
            try repository.setReference(
                Self.reference, to: commit.id, expectedCurrent: tip, logMessage: "grcsync: mirror found in history")
            return commit.id
        }
        searched.record(head: head, searchedWith: tip)
        return tip
    }

    /// Whether a commit is a mirror commit of this workspace's instance.
    public func isMirrorCommit(_ commit: CommitInfo) -> Bool {
        let trailers = Trailers(message: commit.message)
        return trailers[TrailerKey.operation] != nil
            && trailers[TrailerKey.instance].map(InstanceName.normalized) == InstanceName.normalized(instance.absoluteString)
    }

    /// The manifest of a mirror commit (empty for none).
    public func manifest(at commit: ObjectID?) throws -> Manifest {
        guard let commit else { return Manifest() }
        let tree = try repository.commit(commit).tree
        guard let blob = try repository.blobID(at: Manifest.path, in: tree) else { return Manifest() }
        return try Manifest(jsonl: try repository.blobData(blob), origin: "commit \(commit.hex.prefix(10))")
    }

    /// Refuses to go on when config.yaml's `format` differs from the one the mirror was built with:
    /// changing it would rewrite every statement file in one unreviewable step.
    public func checkFormat(at tip: ObjectID?, configured: StatementFormat) throws {
        guard let tip else { return }
        let trailers = Trailers(message: try repository.commit(tip).message)
        guard let recorded = trailers[TrailerKey.format].flatMap(StatementFormat.init(rawValue:)), recorded != configured else {
            return
        }
        throw WorkspaceError.formatChanged(recorded: recorded.rawValue, configured: configured.rawValue)
    }

    /// Commits a new mirror tree on top of `parent` and moves the ref (compare-and-swap: if another
    /// process moved it meanwhile, this fails rather than losing that commit).
    public func record(
        tree: ObjectID, parent: ObjectID?, summary: String, body: String, trailers: Trailers, previousTip: ObjectID?? = .none
    ) throws -> ObjectID {
        let user = try repository.defaultSignature()
        let author = Signature(
            name: "ServiceNow", email: "servicenow@\(instance.host ?? "instance")", date: user.date,
            timeZoneOffsetMinutes: 0)
        let message = [summary, body, trailers.text].filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
        let commit = try repository.createCommit(
            tree: tree, parents: parent.map { [$0] } ?? [], message: message, author: author, committer: user)
        try repository.setReference(
            Self.reference, to: commit, expectedCurrent: previousTip ?? parent, logMessage: "grcsync: \(summary)")
        return commit
    }
}

/// Instance URLs compared the way a person means them: scheme, host and port, without a trailing slash.
enum InstanceName {
    static func normalized(_ url: String) -> String {
        var text = url.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
