import Foundation
import GitKit

/// Decides, statement by statement, whether the approvals on the branch satisfy `approvals:` in
/// config.yaml: enough distinct approvers, of exactly the content to push, none of them an author of the
/// change, each on the allow-list when there is one, each signed by an allowed key when signatures are
/// required.
struct ApprovalPolicy {
    let settings: ApprovalSettings
    /// The committed `allowed_signers` file (from HEAD, so that the keys that authorise a push are the
    /// reviewed, versioned ones); nil when HEAD has none.
    let allowedSigners: String?
    let repository: Repository

    /// The approvals found in `history`, with signatures checked when the policy requires them.
    func approvals(in history: ChangeHistory) throws -> [Approval] {
        try history.approvalCommits.compactMap { commit in
            var state = Approval.SignatureState.notChecked
            if settings.requireSigned {
                if let signed = try repository.extractSignature(commit.id) {
                    state = allowedSigners.map {
                        SSHSignature.verify(
                            data: signed.signedData, signature: signed.signature, principal: commit.author.email, allowedSigners: $0)
                    } == true ? .valid : .invalid
                } else {
                    state = .unsigned
                }
            }
            return Approval(commit, signature: state)
        }
    }

    /// The verdict for a statement at `path` whose content to push is `blob`: every approval of it
    /// recorded since it last matched ServiceNow, each counted or not, with the reason.
    func verdict(path: String, blob: ObjectID, approvals: [Approval], history: ChangeHistory) -> ApprovalVerdict {
        let authors = history.authors[path] ?? []
        let window = history.approvalWindow[path] ?? []
        let allowList = Set(settings.approvers.map { $0.lowercased() })
        var entries: [ApprovalVerdict.Entry] = []
        var counted = Set<String>()
        for approval in approvals where window.contains(approval.commit) {
            guard let approved = approval.statements[path] else { continue }
            let email = approval.approverEmail.lowercased()
            let reason = reason(approved: approved, blob: blob, approval: approval, authors: authors, allowList: allowList, counted: counted)
            if reason == nil { counted.insert(email) }
            entries.append(.init(
                commit: approval.commit, approver: "\(approval.approverName) <\(approval.approverEmail)>", valid: reason == nil,
                reason: reason, signature: approval.signature))
        }
        return ApprovalVerdict(path: path, required: settings.required, entries: entries)
    }

    /// Why an approval does not count for a statement; nil when it does.
    private func reason(approved: String, blob: ObjectID, approval: Approval, authors: Set<String>, allowList: Set<String>,
                        counted: Set<String>) -> String? {
        let email = approval.approverEmail.lowercased()
        if approved != blob.hex {
            return "the statement changed after this approval (approved \(approved.prefix(10)), now \(blob.hex.prefix(10)))"
        }
        if !settings.allowSelfApproval && authors.contains(email) {
            return "\(approval.approverEmail) is an author of the change (approvals.allow_self_approval is false)"
        }
        if !allowList.isEmpty && !allowList.contains(email) {
            return "\(approval.approverEmail) is not in approvals.approvers"
        }
        if settings.requireSigned {
            switch approval.signature {
            case .valid: break
            case .unsigned, .notChecked:
                return "the approval is not signed (approvals.require_signed is true; approve with 'grcsync approve --sign')"
            case .invalid where allowedSigners == nil:
                return "the signature cannot be checked: \(settings.allowedSignersFile) is not committed"
            case .invalid:
                return "the signature is not valid for a key that \(settings.allowedSignersFile) lists for \(approval.approverEmail)"
            }
        }
        if counted.contains(email) { return "\(approval.approverEmail) already approved it" }
        return nil
    }
}
