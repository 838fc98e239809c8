import GitKit

/// An approval: an empty commit on the branch, by the approver's Git identity, whose
/// `Grcsync-Approves: <blob> <path>` trailers name exactly the content approved. It travels with the
/// branch through `git push` and `git clone`, shows in `git log`, can be signed like any commit, and any
/// later edit of a statement gives it a new blob id — which voids the approval for that statement only.
public struct Approval: Sendable, Equatable, Codable {
    /// The trailer key.
    public static let trailer = "Grcsync-Approves"

    public var commit: String
    public var approverName: String
    public var approverEmail: String
    public var date: String
    /// Approved content: path → blob id.
    public var statements: [String: String]
    /// Whether the commit carries a signature, and whether it verified against `allowed_signers`.
    public var signature: SignatureState

    /// What is known of the commit's signature.
    public enum SignatureState: String, Sendable, Codable {
        case unsigned, valid, invalid, notChecked = "not-checked"
    }

    /// Reads an approval commit; nil for other commits.
    init?(_ commit: CommitInfo, signature: SignatureState) {
        let values = Trailers(message: commit.message).values(Self.trailer)
        guard !values.isEmpty else { return nil }
        var statements: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 40 else { continue }
            statements[String(parts[1])] = String(parts[0])
        }
        self.commit = commit.id.hex
        approverName = commit.author.name
        approverEmail = commit.author.email
        date = ISO8601.string(commit.author.date)
        self.statements = statements
        self.signature = signature
    }
}
