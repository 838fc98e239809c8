/// Push refused by the approval policy (`approvals:` in config.yaml): nothing was sent to ServiceNow.
/// Names every statement that lacks approvals and why each of its approvals does not count.
public struct ApprovalError: Error, Sendable, CustomStringConvertible {
    /// The statements that lack approvals, by path.
    public var verdicts: [ApprovalVerdict]

    /// Creates the error for the failing verdicts.
    public init(verdicts: [ApprovalVerdict]) { self.verdicts = verdicts }

    public var description: String {
        var text = "Not pushed: \(verdicts.count) statement(s) lack the approvals config.yaml requires "
            + "(approvals.required). Nothing was sent to ServiceNow.\n"
        for verdict in verdicts {
            text += "  \(verdict.path): \(verdict.validCount) of \(verdict.required) valid approval(s)"
            text += verdict.entries.isEmpty ? "; none recorded since it last matched ServiceNow\n" : "\n"
            for entry in verdict.entries where !entry.valid {
                text += "    not counted: \(entry.approver), approval \(entry.commit.prefix(10)): \(entry.reason ?? "")\n"
            }
        }
        text += "Ask a reviewer who is not an author of the change to run 'grcsync review' and 'grcsync approve' in "
            + "their clone and share the approval commit (git push, then git pull here); or push only the approved "
            + "statements by naming them ('grcsync push PATH...')."
        return text
    }
}
