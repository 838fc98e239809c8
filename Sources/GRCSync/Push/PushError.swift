/// Why a push refused to start. Each says what to do.
public enum PushError: Error, Sendable, CustomStringConvertible {
    case nothingPulled
    case wrongBranch(current: String, required: String)
    case notMerged
    case unresolvedConflicts([String])
    case noSuchStatement(String)
    case unknownControl(String)

    public var description: String {
        switch self {
        case .nothingPulled:
            "Nothing has been pulled into this workspace yet. Run 'grcsync pull' first."
        case .wrongBranch(let current, let required):
            "push.branch in config.yaml is '\(required)', and HEAD is on '\(current)'. Merge your change into "
                + "\(required) (through a reviewed pull request), check it out, and push from there."
        case .notMerged:
            "ServiceNow has changes that this branch has not merged (servicenow/main is ahead). Run 'grcsync pull', "
                + "resolve any conflicts, commit, then push."
        case .unresolvedConflicts(let paths):
            "These files still have unresolved conflicts: \(paths.joined(separator: ", ")). Resolve them (edit, or "
                + "'grcsync resolve --ours|--theirs PATH'), 'git add' and 'git commit', then push."
        case .noSuchStatement(let path):
            "\(path) is not a statement this workspace tracks (see 'grcsync status')."
        case .unknownControl(let control):
            "No statement of control \(control) is in this workspace (control ids look like AC-2 or AC-2(1))."
        }
    }
}
