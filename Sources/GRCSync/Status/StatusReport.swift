/// Where each statement stands between ServiceNow's mirror and your branch.
public struct StatusReport: Sendable, Codable {
    /// One statement's state.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Committed on the branch and different from the mirror: `grcsync push` would send it.
        case modified
        /// Edited in the work tree (or staged) but not committed: push leaves it alone.
        case uncommitted
        /// Left with conflict markers by a pull's merge.
        case conflicted
        /// Changed in ServiceNow: the mirror has it, the branch has not merged it yet.
        case behind
        /// Changed in ServiceNow since the mirror was last updated (`--remote`).
        case remoteChanged = "remote-changed"
        /// A statement file with no record in ServiceNow: push will not create one.
        case untracked
        /// Deleted on the branch: push will not delete the record.
        case deleted
    }

    /// A statement and its state.
    public struct Item: Sendable, Equatable, Codable {
        public var state: State
        public var path: String
        public var statement: StatementRef?
        /// Extra words for people, e.g. "mod count 7 → 9 in ServiceNow".
        public var note: String?
    }

    public var branch: String
    public var mirrorCommit: String?
    /// Whether a merge (a pull with conflicts) is waiting to be finished.
    public var mergeInProgress: Bool
    /// Whether ServiceNow was asked too.
    public var checkedRemote: Bool
    public var items: [Item]

    /// Nothing to push, nothing to merge, nothing in conflict.
    public var isClean: Bool { items.isEmpty && !mergeInProgress }

    enum CodingKeys: String, CodingKey {
        case branch, items
        case mirrorCommit = "mirror_commit"
        case mergeInProgress = "merge_in_progress"
        case checkedRemote = "checked_remote"
    }
}

extension StatusReport: JSONStreamedReport {
    public func splitForJSON() -> (head: StatusReport, lists: [JSONList]) {
        var head = self
        head.items = []
        return (head, [JSONList(key: CodingKeys.items.rawValue, items)])
    }
}
