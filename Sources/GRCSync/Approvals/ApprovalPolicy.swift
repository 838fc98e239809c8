import Foundation
import GitKit

/// Decides, statement by statement, whether the approvals on the branch satisfy `approvals:` in
/// config.yaml: enough distinct approvers, of exactly the content to push, none of them an author of the
/// change, each on the allow-list when there is one, each signed by an allowed key when signatures are
/// required.
struct ApprovalPolicy {
    let settings: ApprovalSettings
    let allowedSigners: URL
    let repository: Repository

    /// The approvals found in `history`, with signatures checked when the policy requires them.
    func approvals(in history: ChangeHistory) throws -> [Approval] {
        try history.approvalCommits.compactMap { commit in
            var state = Approval.SignatureState.notChecked
            if settings.requireSigned {
                if let signed = try repository.extractSignature(commit.id) {
                    state = SSHSignature.verify(
                        data: signed.signedData, signature: signed.signature, principal: commit.author.email,
                        allowedSigners: allowedSigners) ? .valid : .invalid
                } else {
                    state = .unsigned
                }
            }
            return Approval(commit, signature: state)
        }
    }

    /// The verdict for a statement at `path` whose content to push is `blob`.
    func verdict(path: String, blob: ObjectID, approvals: [Approval], history: ChangeHistory) -> ApprovalVerdict {
        let authors = history.authors[path] ?? []
        let allowList = Set(settings.approvers.map { $0.lowercased() })
        var entries: [ApprovalVerdict.Entry] = []
        var counted = Set<String>()
        for approval in approvals {
            guard let approved = approval.statements[path] else { continue }
            let email = approval.approverEmail.lowercased()
            var reason: String?
            if approved != blob.hex {
                reason = "the statement changed after this approval"
            } else if !settings.allowSelfApproval && authors.contains(email) {
                reason = "\(approval.approverEmail) is an author of the change"
            } else if !allowList.isEmpty && !allowList.contains(email) {
                reason = "\(approval.approverEmail) is not in approvals.approvers"
            } else if settings.requireSigned && approval.signature == .unsigned {
                reason = "the approval is not signed"
            } else if settings.requireSigned && approval.signature != .valid {
                reason = "the signature is not valid for a key in \(settings.allowedSignersFile)"
            } else if counted.contains(email) {
                reason = "\(approval.approverEmail) already approved it"
            }
            if reason == nil { counted.insert(email) }
            entries.append(.init(commit: approval.commit, approver: "\(approval.approverName) <\(approval.approverEmail)>", valid: reason == nil, reason: reason))
        }
        return ApprovalVerdict(path: path, required: settings.required, entries: entries)
    }
}

/// Push refused by the approval policy; nothing was sent.
public struct ApprovalError: Error, Sendable, CustomStringConvertible {
    public var verdicts: [ApprovalVerdict]

    public var description: String {
        "Not pushed: these statements lack the approvals config.yaml requires (approvals.required):\n"
            + verdicts.map { "  \($0.path): \($0.explanation)" }.joined(separator: "\n")
            + "\nAsk a reviewer other than the authors to run 'grcsync review' and 'grcsync approve', and share the "
            + "approval commit (git push / git pull); or push only approved statements by naming them."
    }
}
