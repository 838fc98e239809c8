import Foundation
import GitKit

/// `grcsync review`: per statement that push would send, the control, the system, the authors since the
/// last sync, the diff against ServiceNow's version, and the approvals it has and whether each counts.
public struct ReviewService {
    struct Plan {
        var candidates: [PushSelection.Candidate]
        var refused: [PushReport.Refusal]
        var history: ChangeHistory
        var tip: ObjectID
        var head: ObjectID
        var branch: String
    }

    let workspace: Workspace

    /// A review of the workspace's HEAD.
    public init(workspace: Workspace) { self.workspace = workspace }

    /// The statements push would send now (offline), and the branch history since the last sync.
    func plan(paths: [String], controls: [String] = []) throws -> Plan {
        let repository = workspace.repository
        let sync = try SyncBase(workspace: workspace)
        guard let tip = sync.mirrorTip, let head = sync.head else { throw PushError.nothingPulled }
        guard sync.base == tip else { throw PushError.notMerged }
        let selection = try PushSelection(
            repository: repository, baseTree: try repository.commit(tip).tree, headTree: try repository.commit(head).tree,
            manifest: try workspace.mirror.manifest(at: tip), paths: paths, controls: controls)
        let history = try ChangeHistory(repository: repository, head: head, mirrorTip: tip, paths: selection.candidates.map(\.path))
        return Plan(candidates: selection.candidates, refused: selection.refused, history: history, tip: tip, head: head, branch: sync.branch)
    }

    /// The verdicts of the approval policy for the planned statements.
    func verdicts(_ plan: Plan) throws -> [String: ApprovalVerdict] {
        let settings = workspace.configuration.approvals
        let repository = workspace.repository
        let signers = try repository.blobID(at: settings.allowedSignersFile, in: try repository.commit(plan.head).tree)
            .map { String(decoding: try repository.blobData($0), as: UTF8.self) }
        let policy = ApprovalPolicy(settings: settings, allowedSigners: signers, repository: repository)
        let approvals = try policy.approvals(in: plan.history)
        var verdicts: [String: ApprovalVerdict] = [:]
        for candidate in plan.candidates {
            verdicts[candidate.path] = policy.verdict(path: candidate.path, blob: candidate.blob, approvals: approvals, history: plan.history)
        }
        return verdicts
    }

    /// The review of the statements at `paths` (all that push would send when empty); `word` gives
    /// word-level diffs.
    public func run(paths: [String], word: Bool) throws -> ReviewReport {
        let repository = workspace.repository
        let plan = try plan(paths: paths)
        let verdicts = try verdicts(plan)
        let tipTree = try repository.commit(plan.tip).tree
        let items = try plan.candidates.map { candidate in
            let diff = try candidate.diff(against: tipTree, in: repository, word: word)
            let authors = (plan.history.authors[candidate.path] ?? []).sorted().map { email in
                "\(plan.history.names[email] ?? email) <\(email)>"
            }
            return ReviewReport.Item(
                statement: candidate.statement, blob: candidate.blob.hex, authors: authors, diff: diff,
                approvals: verdicts[candidate.path] ?? ApprovalVerdict(path: candidate.path, required: workspace.configuration.approvals.required, entries: []))
        }
        return ReviewReport(branch: plan.branch, required: workspace.configuration.approvals.required, items: items, refused: plan.refused)
    }
}
