import ArgumentParser
import GRCSync

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve exactly the statement content that push would send now.",
        discussion: """
            Records an empty commit on the current branch, by your Git identity, naming each approved \
            statement's blob id (Grcsync-Approves trailers). Any later edit of a statement voids the approval \
            for that statement only. Share it like any commit (git push); push counts it when \
            approvals.required is set, unless you are an author of the change. With --sign (or \
            approvals.require_signed) the commit is signed with your SSH key (git config user.signingkey).

            Example:
              grcsync review && grcsync approve -m "Checked against the 2026 access policy"
            """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: [.customShort("m"), .long], help: "A note for the approval commit.")
    var message: String?

    @Flag(help: "Sign the approval with your SSH key (user.signingkey).")
    var sign = false

    @Argument(help: "Statement files or folders to approve (all that push would send when none).")
    var paths: [String] = []

    func run() async throws {
        try await reportingErrors {
            let workspace = try options.openWorkspace()
            let report = try ApproveService(workspace: workspace).run(paths: paths.map { workspace.relativePath($0) }, message: message, sign: sign)
            if options.json {
                try JSONOutput.write(report)
            } else {
                var out = "Approved by \(report.approver)\(report.signed ? " (signed)" : "") in \(report.commit.prefix(10)):\n"
                out += report.statements.map { "  \($0.control) (\($0.system)) \($0.path)\n" }.joined()
                if !report.ownChanges.isEmpty && !workspace.configuration.approvals.allowSelfApproval {
                    out += "note: you are an author of \(report.ownChanges.joined(separator: ", ")): push does not count your approval of "
                        + "your own change (approvals.allow_self_approval is false).\n"
                }
                for path in report.uncommitted { out += "note: \(path) has uncommitted edits; only its committed content is approved.\n" }
                out += "Share it: git push (or open/merge the pull request).\n"
                Terminal.write(out)
            }
            return .success
        }
    }
}
