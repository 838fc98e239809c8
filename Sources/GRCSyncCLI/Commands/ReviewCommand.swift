import ArgumentParser
import GRCSync

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Show what push would send, for a reviewer: diffs, authors, and approvals.",
        discussion: """
            For each statement that differs from ServiceNow's version in HEAD: the control and system, the \
            authors of the commits that changed it since the last sync, the diff, and the approvals it has \
            (each valid or not, and why). Offline.

            Example:
              grcsync review --word
            """)

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Word-level diffs, for long paragraphs.")
    var word = false

    @Argument(help: "Statement files or folders to review.")
    var paths: [String] = []

    func run() async throws {
        try await reportingErrors {
            let workspace = try options.openWorkspace()
            let report = try ReviewService(workspace: workspace).run(paths: paths.map { workspace.relativePath($0) }, word: word)
            if options.json {
                try JSONOutput.write(report)
                return .success
            }
            guard !report.items.isEmpty else {
                Terminal.write("Nothing to review: no committed statement differs from ServiceNow's version.\n")
                return .success
            }
            var out = ""
            for item in report.items {
                out += "\(item.statement.control) \(item.statement.title) — \(item.statement.system)\n"
                out += "  file:      \(item.statement.path)\n"
                out += "  authors:   \(item.authors.isEmpty ? "(none since the last sync)" : item.authors.joined(separator: ", "))\n"
                out += "  approvals: \(item.approvals.explanation)\n"
                for entry in item.approvals.entries {
                    let signature = entry.signature == .notChecked ? "" : " [\(entry.signature.rawValue) signature]"
                    out += "    \(entry.valid ? "valid  " : "invalid") \(entry.approver) \(entry.commit.prefix(10))\(signature)"
                        + "\(entry.reason.map { ": \($0)" } ?? "")\n"
                }
                out += "\n" + item.diff + "\n"
            }
            for refusal in report.refused { out += "not pushable: \(refusal.path): \(refusal.reason)\n" }
            Terminal.write(out)
            return .success
        }
    }
}
