/// The review rule `grcsync push` enforces before it writes anything.
public struct ApprovalSettings: Sendable, Equatable {
    /// Valid approvals each pushed statement needs; 0 turns the built-in rule off.
    public var required: Int
    /// Whether an author of a change may approve it (separation of duties says no).
    public var allowSelfApproval: Bool
    /// When not empty, only approvals by these e-mail addresses count.
    public var approvers: [String]
    /// Whether an approval counts only when its commit carries a valid signature.
    public var requireSigned: Bool
    /// The SSH `allowed_signers` file, relative to the workspace root.
    public var allowedSignersFile: String

    /// The signers file used when `approvals.allowed_signers` is not set.
    public static let defaultAllowedSignersFile = ".grcsync/allowed_signers"

    /// Creates approval settings; the defaults turn the built-in rule off.
    public init(
        required: Int = 0,
        allowSelfApproval: Bool = false,
        approvers: [String] = [],
        requireSigned: Bool = false,
        allowedSignersFile: String = ApprovalSettings.defaultAllowedSignersFile
    ) {
        self.required = required
        self.allowSelfApproval = allowSelfApproval
        self.approvers = approvers
        self.requireSigned = requireSigned
        self.allowedSignersFile = allowedSignersFile
    }
}
