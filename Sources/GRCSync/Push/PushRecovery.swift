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

    /// What a recovery did.
    struct Outcome {
        /// How many statements were recovered as pushed (0 when there was no journal).
        var recovered = 0
        /// The mirror's tip after the recovery, and its manifest, when the recovery had it in hand: a
        /// push going on from there need not read it again.
        var manifest: (tip: ObjectID, manifest: Manifest)?
    }

    /// Finishes the journaled push, if any. `manifest`, when given, is the mirror's manifest at `tip` (a
    /// caller that has read it already): the recovery's mirror commit then builds on it instead of
    /// reading a second copy (~56 MB at 100,000 statements), and hands the updated one back.
    func run(manifest: consuming Manifest? = nil, of tip: ObjectID? = nil) async throws -> Outcome {
        guard let journal = try PushJournal.load(from: workspace.stateDirectory) else { return Outcome() }
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
        guard let mirrorTip = try workspace.mirror.tip().commit else {
            PushJournal.remove(from: workspace.stateDirectory)
            return Outcome()
        }
        let recorder = PushRecorder(workspace: workspace)
        var recorded = try recorder.recordMirror(
            parent: mirrorTip, parentManifest: tip == mirrorTip ? manifest.take() : nil, records: arrived.map(\.1), renames: [],
            operation: "push",
            summary: "Push \(configuration.instance.host ?? ""): \(arrived.count) statement(s) (recovered from an interrupted push)",
            job: journal.job, counts: (arrived.count, 0), keepingManifestFile: true, keepingManifest: true)
        defer { recorded.manifestFile?.discard() }
        if recorded.tip != mirrorTip, case .branch(let branch, let head?) = try repository.head() {
            let headTree = try repository.commit(head).tree
            // Only files still as they were pushed take the server's version; later edits stay.
            let paths = try arrived.map(\.0).filter { try repository.blobID(at: $0.path, in: headTree)?.hex == $0.blob }.map(\.path)
            _ = try recorder.syncCommit(
                head: head, branch: branch, mirrorCommit: recorded.tip, paths: paths,
                message: PushService.syncMessage(host: configuration.instance.host ?? "", branch: branch, job: journal.job,
                                                 lines: arrived.map { "recovered: \($0.0.path)" }, approvals: []),
                manifestFile: recorded.manifestFile)
        }
        PushJournal.remove(from: workspace.stateDirectory)
        return Outcome(recovered: arrived.count, manifest: recorded.manifest.take().map { (recorded.tip, $0) })
    }
}
