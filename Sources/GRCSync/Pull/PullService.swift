import Foundation
import GitKit
import Statements
public import ServiceNow

/// `grcsync pull`: brings ServiceNow's statements into the mirror branch, then merges the mirror into
/// the current branch.
///
/// The listing asks only for `sys_id`, `sys_mod_count` and `sys_updated_on`; content is fetched in
/// batches, and only for records whose `sys_mod_count` moved. The mirror commit is built in the object
/// database, never checked out. The merge is an ordinary Git merge: fast-forward when possible,
/// conflict markers and a normal merge state when edits overlap, and uncommitted work is never
/// overwritten.
public struct PullService {
    let workspace: Workspace
    let client: ServiceNowClient
    let progress: ProgressHandler?

    public init(workspace: Workspace, client: ServiceNowClient, progress: ProgressHandler? = nil) {
        self.workspace = workspace
        self.client = client
        self.progress = progress
    }

    /// Pulls and merges. Throws before touching anything when the workspace is not in a state to merge.
    public func run() async throws -> PullReport {
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let repository = workspace.repository
        let configuration = workspace.configuration
        let lock = try workspace.lock("pull")
        defer { lock.release() }
        let branch = try workspace.currentBranch()
        guard try repository.state == .clean else { throw WorkspaceError.mergeInProgress }
        // A push killed half way leaves a journal: record what reached ServiceNow before pulling.
        _ = try await PushRecovery(workspace: workspace, client: client).run()

        let (oldTip, rebuilt) = try workspace.mirror.tip()
        try workspace.mirror.checkFormat(at: oldTip, configured: configuration.format)
        let requestsBefore = client.statistics.requests

        var listingProgress: (@Sendable (Int, Int?) -> Void)?
        if let progress {
            listingProgress = { @Sendable done, total in progress(.listing(done: done, total: total)) }
        }
        // The listing goes out first, and the manifest (0.3 s to read at 100,000 statements) is read
        // while its pages are on the network.
        var listingTask: Task<[RecordVersion], any Error>? = Task { [client, table = configuration.table, query = configuration.query] in
            try await client.listVersions(table: table, query: query, progress: listingProgress)
        }
        defer { listingTask?.cancel() }
        let oldManifest = try workspace.mirror.manifest(at: oldTip)
        // The listing (100,000 records of a few fields) is dropped as soon as it is planned from: the
        // task keeps its result while it is referenced, so it is let go too.
        let (plan, listedCount) = try await { (task: Task<[RecordVersion], any Error>) in
            let listing = try await task.value
            return (MirrorSnapshot.plan(listing: listing, manifest: oldManifest), listing.count)
        }(listingTask!)
        listingTask = nil
        let listed = clock.now

        // The first mirror commit grows from the branch's own first commit (config.yaml), so that the
        // branch can fast-forward to it and to every later mirror commit while it has no work of its own.
        let root = oldTip == nil ? try startingCommit(branch.commit) : nil
        let baseTree = try (oldTip ?? root).map { try repository.commit($0).tree }
        // Each batch is rendered and stored as it arrives, while the next ones are on the network.
        let ingest = try MirrorIngest(configuration: configuration, repository: repository, expected: plan.fetch.count)
        progress?(.fetching(done: 0, total: plan.fetch.count))
        if !plan.fetch.isEmpty {
            let fields = MirrorSnapshot(configuration: configuration, repository: repository).contentFields
            var done = 0
            try await client.fetch(table: configuration.table, sysIDs: plan.fetch, fields: fields) { records in
                try ingest.add(records)
                done += records.count
                if done < plan.fetch.count { progress?(.fetching(done: done, total: plan.fetch.count)) }
            }
        }
        progress?(.fetching(done: plan.fetch.count, total: plan.fetch.count))
        let fetched = clock.now
        // A record listed but gone by the time its content was fetched was deleted meanwhile.
        let vanished = plan.fetch.filter { !ingest.sysIDs.contains($0) }.compactMap { oldManifest.entry(sysID: $0) }
        let result = try ingest.finish(
            removed: plan.removed + vanished, manifest: consume oldManifest, baseTree: baseTree, keepingManifestFile: true)
        defer { result.manifestFile?.discard() }
        let job = UUID().uuidString.lowercased()
        var newTip = oldTip
        if let tree = result.tree {
            newTip = try workspace.mirror.record(
                tree: tree, parent: oldTip ?? root, summary: Self.summary(result.changes, instance: configuration.instance),
                body: Self.body(result.changes),
                trailers: Trailers([
                    (MirrorBranch.TrailerKey.instance, configuration.instance.absoluteString),
                    (MirrorBranch.TrailerKey.operation, "pull"),
                    (MirrorBranch.TrailerKey.format, configuration.format.rawValue),
                    (MirrorBranch.TrailerKey.job, job),
                    (MirrorBranch.TrailerKey.added, "\(result.changes.count(of: .added))"),
                    (MirrorBranch.TrailerKey.changed, "\(result.changes.count(of: .changed))"),
                    (MirrorBranch.TrailerKey.removed, "\(result.changes.count(of: .removed))"),
                ]),
                previousTip: .some(oldTip))
        }

        progress?(.phase("merging"))
        let merging = clock.now
        let merge = try SyncMerge(workspace: workspace).mergeMirror(
            newTip, branch: branch.name, job: job, operation: "pull", prepared: result.manifestFile)
        let timings = PullReport.Timings(
            listing: listed - start, fetching: fetched - listed, ingest: ingest.busy, ingestCPU: ingest.cpu.seconds,
            merge: clock.now - merging)
        return PullReport(
            instance: configuration.instance.absoluteString, branch: branch.name, listed: listedCount,
            changes: Array(result.changes), keptAsHTML: result.keptAsHTML,
            mirrorCommit: result.tree == nil ? nil : newTip?.hex, mirrorRebuilt: rebuilt, merge: merge,
            requests: client.statistics.requests - requestsBefore, seconds: Date().timeIntervalSince(started),
            timings: timings)
    }

    /// The commit a first mirror commit starts from: the branch's commit when it holds no statements yet.
    private func startingCommit(_ head: ObjectID?) throws -> ObjectID? {
        guard let head else { return nil }
        let files = try workspace.repository.files(in: try workspace.repository.commit(head).tree)
        return files.contains { $0.path.hasPrefix(StatementPath.root + "/") || $0.path == Manifest.path } ? nil : head
    }

    static func summary(_ changes: ChangeList, instance: URL) -> String {
        let host = instance.host ?? instance.absoluteString
        if changes.count == 1, let change = changes.first {
            let by = change.updatedBy.map { " by \($0)" } ?? ""
            return "Pull \(host): \(change.statement.control) (\(change.statement.system)) \(change.kind.rawValue)\(by)"
        }
        let counts = [PullReport.Change.Kind.added, .changed, .removed].compactMap { kind -> String? in
            let count = changes.count(of: kind)
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        return "Pull \(host): " + (counts.isEmpty ? "record details updated" : counts.joined(separator: ", "))
    }

    /// One line per statement, capped so a first pull of 100,000 records keeps a readable message.
    static func body(_ changes: ChangeList) -> String {
        guard changes.count > 1 else { return "" }
        let limit = 200
        var lines = changes.prefix(limit).map { change in
            let by = change.updatedBy.map { ", by \($0)" } ?? ""
            return "\(change.kind.rawValue): \(change.statement.path) (\(change.statement.control)\(by))"
        }
        if changes.count > limit { lines.append("… and \(changes.count - limit) more") }
        return lines.joined(separator: "\n")
    }
}
