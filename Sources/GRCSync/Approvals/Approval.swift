import GitKit

/// An approval: an empty commit on the branch, by the approver's Git identity, whose
/// `Grcsync-Approves: <blob> <path>` trailers name exactly the content approved. It travels with the
/// branch through `git push` and `git clone`, shows in `git log`, can be signed like any commit, and any
/// later edit of a statement gives it a new blob id — which voids the approval for that statement only.
public struct Approval: Sendable, Equatable, Codable {
    /// The trailer key.
    public static let trailer = "Grcsync-Approves"

    /// The approval commit's id.
    public var commit: String
    /// The approver: the commit's author (self-asserted unless the commit is signed).
    public var approverName: String
    /// The approver's e-mail address, as in `git config user.email`.
    public var approverEmail: String
    /// When the approval was made (ISO 8601).
    public var date: String
    /// Approved content: path → blob id.
    public var statements: [String: String]
    /// Whether the commit carries a signature, and whether it verified against `allowed_signers`.
    public var signature: SignatureState

    /// What is known of the commit's signature.
    public enum SignatureState: String, Sendable, Codable {
        /// The commit carries no signature.
        case unsigned
        /// Signed by a key that `allowed_signers` lists for the approver's e-mail address.
        case valid
        /// Signed, but not by a key listed for the approver (or the signature does not match the commit).
        case invalid
        /// Not verified: `approvals.require_signed` is off.
        case notChecked = "not-checked"
    }

    /// Reads an approval commit; nil for other commits.
    init?(_ commit: CommitInfo, signature: SignatureState) {
        let values = Trailers(message: commit.message).values(Self.trailer)
        guard !values.isEmpty else { return nil }
        var statements: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let blob = ObjectID(hex: String(parts[0])) else { continue }
            statements[String(parts[1])] = blob.hex
        }
        self.commit = commit.id.hex
        approverName = commit.author.name
        approverEmail = commit.author.email
        date = ISO8601.string(commit.author.date)
        self.statements = statements
        self.signature = signature
    }
}
