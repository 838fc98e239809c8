import Foundation
import GitKit

/// `grcsync approve`: records the approver's approval of exactly the content push would send now, as an
/// empty commit on the current branch (signed with the approver's SSH key when asked).
public struct ApproveService {
    /// What was approved.
    public struct Report: Sendable, Codable {
        /// The approval commit.
        public var commit: String
        /// `Name <email>` of the approver (the Git identity of the clone).
        public var approver: String
        /// Whether the approval commit is signed.
        public var signed: Bool
        /// The statements approved, as they are in HEAD.
        public var statements: [StatementRef]
        /// Files with uncommitted edits: the approval covers their committed content only.
        public var uncommitted: [String]
        /// Statements the approver is an author of: push does not count this approval for them unless
        /// `approvals.allow_self_approval` is true.
        public var ownChanges: [String]

        enum CodingKeys: String, CodingKey {
            case commit, approver, signed, statements, uncommitted
            case ownChanges = "own_changes"
        }
    }

    /// Nothing to approve.
    public struct NothingToApprove: Error, Sendable, CustomStringConvertible {
        public var description: String {
            "Nothing to approve: no committed statement differs from ServiceNow's version (see 'grcsync review')."
        }
    }

    let workspace: Workspace

    /// An approve service for the workspace.
    public init(workspace: Workspace) { self.workspace = workspace }

    /// Approves the statements at `paths` (all that push would send when empty) as they are in HEAD.
    public func run(paths: [String], message: String?, sign: Bool) throws -> Report {
        let repository = workspace.repository
        let lock = try workspace.lock("approve")
        defer { lock.release() }
        let review = try ReviewService(workspace: workspace).plan(paths: paths)
        guard !review.candidates.isEmpty else { throw NothingToApprove() }
        let branch = try workspace.currentBranch()
        guard let head = branch.commit else { throw PushError.nothingPulled }
        let approver = try repository.defaultSignature()
        let names = review.candidates.map { "\($0.entry.control) (\($0.entry.system))" }
        var text = "Approve " + (names.count <= 3 ? names.joined(separator: ", ") : "\(names.count) statements") + "\n\n"
        if let message, !message.isEmpty { text += message + "\n\n" }
        text += review.candidates.map { "\(Approval.trailer): \($0.blob.hex) \($0.path)" }.joined(separator: "\n") + "\n"
        let tree = try repository.commit(head).tree
        let shouldSign = sign || workspace.configuration.approvals.requireSigned
        let commit: ObjectID
        if shouldSign {
            guard let key = try repository.configValue("user.signingkey") else {
                throw SSHSignature.Failure(description: "Signed approvals need an SSH key: run 'git config user.signingkey ~/.ssh/id_ed25519.pub' "
                    + "(and 'git config gpg.format ssh').")
            }
            commit = try repository.createSignedCommit(
                tree: tree, parents: [head], message: text, updatingReference: "refs/heads/\(branch.name)",
                sign: { try SSHSignature.sign($0, key: key) })
        } else {
            commit = try repository.createCommit(tree: tree, parents: [head], message: text, updatingReference: "refs/heads/\(branch.name)")
        }
        let dirty = Set(try repository.status().map(\.path))
        let paths = review.candidates.map(\.path)
        return Report(
            commit: commit.hex, approver: "\(approver.name) <\(approver.email)>", signed: shouldSign,
            statements: review.candidates.map(\.statement), uncommitted: paths.filter { dirty.contains($0) },
            ownChanges: paths.filter { review.history.authors[$0]?.contains(approver.email.lowercased()) == true })
    }
}
