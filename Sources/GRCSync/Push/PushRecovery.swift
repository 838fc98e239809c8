import Foundation
import GitKit
import ServiceNow
import Statements

/// Finishes a push that was interrupted after its journal was written: asks ServiceNow which journaled
/// statements arrived, and records those in the mirror and a sync commit. The others are simply not
/// pushed yet; the next push selects them again.
struct PushRecovery {
    let workspace: Workspace
    let client: ServiceNowClient

    /// Returns how many statements were recovered as pushed; 0 when there was no journal.
    func run() async throws -> Int {
        guard let journal = try PushJournal.load(from: workspace.stateDirectory) else { return 0 }
        let repository = workspace.repository
        let configuration = workspace.configuration
        let snapshot = MirrorSnapshot(configuration: configuration, repository: repository)
        let records = try await client.fetch(
            table: configuration.table, sysIDs: journal.entries.map(\.sysID), fields: snapshot.contentFields)
        let bySysID = Dictionary(records.compactMap { r in r.sysID.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        var arrived: [(PushJournal.Entry, Record)] = []
        for entry in journal.entries {
            guard let record = bySysID[entry.sysID] else { continue }
            let same = HTMLEquivalence.areEquivalent(record[configuration.statementField] ?? "", entry.html)
            let ours = record.modCount == entry.baseModCount + 1 && journal.user != nil && record["sys_updated_by"] == journal.user
            if same || ours { arrived.append((entry, record)) }
        }
        guard let tip = try workspace.mirror.tip().commit else {
            PushJournal.remove(from: workspace.stateDirectory)
            return 0
        }
        let recorder = PushRecorder(workspace: workspace)
        let (mirrorCommit, manifestFile) = try recorder.recordMirror(
            parent: tip, records: arrived.map(\.1), renames: [], operation: "push",
            summary: "Push \(configuration.instance.host ?? ""): \(arrived.count) statement(s) (recovered from an interrupted push)",
            job: journal.job, counts: (arrived.count, 0), keepingManifestFile: true)
        defer { manifestFile?.discard() }
        if mirrorCommit != tip, case .branch(let branch, let head?) = try repository.head() {
            let headTree = try repository.commit(head).tree
            // Only files still as they were pushed take the server's version; later edits stay.
            let paths = try arrived.map(\.0).filter { try repository.blobID(at: $0.path, in: headTree)?.hex == $0.blob }.map(\.path)
            _ = try recorder.syncCommit(
                head: head, branch: branch, mirrorCommit: mirrorCommit, paths: paths,
                message: PushService.syncMessage(host: configuration.instance.host ?? "", branch: branch, job: journal.job,
                                                 lines: arrived.map { "recovered: \($0.0.path)" }, approvals: []),
                manifestFile: manifestFile)
        }
        PushJournal.remove(from: workspace.stateDirectory)
        return arrived.count
    }
}
