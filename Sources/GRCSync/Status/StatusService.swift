import Foundation
import GitKit
public import ServiceNow

/// `grcsync status`: what would be pushed, what is not committed, what is in conflict, and what
/// ServiceNow changed — exactly "git status against the sync commit", named by control and system.
public struct StatusService {
    let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// The offline status; with a client, also asks ServiceNow (batched) which modified statements
    /// changed there since the mirror.
    public func run(remote client: ServiceNowClient? = nil) async throws -> StatusReport {
        let repository = workspace.repository
        let sync = try SyncBase(workspace: workspace)
        // Read only when there is something to name: a clean workspace never decodes the manifest.
        var loaded: Manifest?
        func manifest() throws -> Manifest {
            if let loaded { return loaded }
            let manifest = try workspace.mirror.manifest(at: sync.mirrorTip)
            loaded = manifest
            return manifest
        }
        let baseTree = try sync.base.map { try repository.commit($0).tree }
        let headTree = try sync.head.map { try repository.commit($0).tree }
        var items: [StatusReport.Item] = []
        var seen = Set<String>()

        func item(_ state: StatusReport.State, _ path: String, entryPath: String? = nil, note: String? = nil) throws {
            guard seen.insert("\(state.rawValue) \(path)").inserted else { return }
            let entry = try manifest().entry(path: entryPath ?? path)
            items.append(.init(state: state, path: path, statement: entry.map(StatementRef.init), note: note))
        }

        // The work tree's status first: its conflicts are the index's, and a clean large work tree is
        // answered without libgit2 reading the whole index (`Repository.status()`).
        let workTree = try repository.status()
        let conflicted = Set(workTree.filter(\.isConflicted).map(\.path))
        for path in conflicted.sorted() { try item(.conflicted, path) }
        if sync.head != nil, sync.base != nil || sync.mirrorTip == nil {
            for change in try repository.changes(from: baseTree, to: headTree, detectRenames: true)
            where StatementPath.isStatement(change.path) && !conflicted.contains(change.path) {
                switch change.kind {
                case .added: try item(.untracked, change.path)
                case .deleted: try item(.deleted, change.path)
                case .renamed:
                    if change.oldBlob != change.newBlob {
                        try item(.modified, change.path, entryPath: change.oldPath, note: "renamed from \(change.oldPath ?? "?")")
                    }
                case .modified, .typeChanged: try item(.modified, change.path)
                }
            }
        }
        for entry in workTree where StatementPath.isStatement(entry.path) {
            guard !entry.isConflicted, !conflicted.contains(entry.path) else { continue }
            if entry.workTree == .added && entry.index == nil {
                try item(.untracked, entry.path, note: "not committed")
            } else {
                try item(.uncommitted, entry.path)
            }
        }
        if sync.isBehind, let tip = sync.mirrorTip {
            let tipTree = try repository.commit(tip).tree
            for change in try repository.changes(from: baseTree, to: tipTree) where StatementPath.isStatement(change.path) {
                try item(.behind, change.path, note: "run 'grcsync pull' to merge")
            }
        }
        if let client, !items.isEmpty {
            items += try await remoteChanges(of: items, manifest: try manifest(), client: client)
        }
        return StatusReport(
            branch: sync.branch, mirrorCommit: sync.mirrorTip?.hex, mergeInProgress: try repository.state == .merge,
            checkedRemote: client != nil, items: items.sorted { ($0.path, $0.state.rawValue) < ($1.path, $1.state.rawValue) })
    }

    /// Statements we changed whose record also moved in ServiceNow since the mirror: pushing them
    /// would be a conflict.
    private func remoteChanges(of items: [StatusReport.Item], manifest: Manifest, client: ServiceNowClient)
        async throws -> [StatusReport.Item]
    {
        let ours = items.filter { [.modified, .uncommitted, .conflicted].contains($0.state) }.compactMap(\.statement)
        guard !ours.isEmpty else { return [] }
        let records = try await client.fetch(
            table: workspace.configuration.table, sysIDs: ours.map(\.sysID), fields: ["sys_id", "sys_mod_count", "sys_updated_by"])
        let bySysID = Dictionary(records.compactMap { record in record.sysID.map { ($0, record) } }, uniquingKeysWith: { a, _ in a })
        return ours.compactMap { statement in
            guard let entry = manifest.entry(sysID: statement.sysID) else { return nil }
            guard let record = bySysID[statement.sysID] else {
                return .init(state: .remoteChanged, path: statement.path, statement: statement, note: "deleted in ServiceNow")
            }
            guard let count = record.modCount, count != entry.modCount else { return nil }
            let by = record["sys_updated_by"].map { " by \($0)" } ?? ""
            return .init(
                state: .remoteChanged, path: statement.path, statement: statement,
                note: "changed in ServiceNow\(by) (mod count \(entry.modCount) → \(count)); pull before pushing")
        }
    }
}
