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
    /// The approvals needed when `approvals.required` is not set (0: the rule is off).
    public static let defaultRequired = Configuration.keyRule("approvals.required").wholeNumber.default
    /// Whether authors may approve their own changes when `approvals.allow_self_approval` is not set.
    public static let defaultAllowSelfApproval = Configuration.keyRule("approvals.allow_self_approval").booleanDefault
    /// Whether approvals must be signed when `approvals.require_signed` is not set.
    public static let defaultRequireSigned = Configuration.keyRule("approvals.require_signed").booleanDefault

    /// Creates approval settings; the defaults (from ``Configuration/keyRules``) turn the built-in rule off.
    public init(
        required: Int = ApprovalSettings.defaultRequired,
        allowSelfApproval: Bool = ApprovalSettings.defaultAllowSelfApproval,
        approvers: [String] = [],
        requireSigned: Bool = ApprovalSettings.defaultRequireSigned,
        allowedSignersFile: String = ApprovalSettings.defaultAllowedSignersFile
    ) {
        self.required = required
        self.allowSelfApproval = allowSelfApproval
        self.approvers = approvers
        self.requireSigned = requireSigned
        self.allowedSignersFile = allowedSignersFile
    }
}
