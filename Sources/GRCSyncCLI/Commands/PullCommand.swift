import ArgumentParser
import Foundation
import GRCSync

struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Bring ServiceNow's statements into servicenow/main and merge them into your branch.",
        discussion: """
            Lists the records in scope, fetches only those that changed since the last pull, commits them \
            to the mirror branch servicenow/main, then merges it into the current branch: a fast-forward \
            when you have no local commits, a merge commit otherwise. Where you and ServiceNow changed the \
            same paragraph, the file gets Git conflict markers: edit it (or 'grcsync resolve'), 'git add', \
            'git commit'. Uncommitted edits are never overwritten.

            Example:
              grcsync pull && grcsync status
            """)

    @OptionGroup var options: WorkspaceOptions

    func run() async throws {
        try await reportingErrors {
            let workspace = try options.openWorkspace()
            let credentials = try CredentialResolver().credentials(for: workspace.configuration)
            let progress = ProgressLine()
            let report = try await PullService(
                workspace: workspace, client: workspace.makeClient(credentials: credentials), progress: progress.handler
            ).run()
            progress.finish()
            if options.json {
                try JSONOutput.write(report)
            } else {
                Terminal.write(PullReportText.render(report))
            }
            if case .conflicts = report.merge { return .conflicts }
            return .success
        }
    }
}

/// The human form of a pull report.
enum PullReportText {
    static func render(_ report: PullReport) -> String {
        var out = ""
        if report.mirrorRebuilt { out += "Found the mirror in this branch's history and restored servicenow/main.\n" }
        if report.changes.isEmpty {
            out += "ServiceNow: no changes (\(report.listed) statements in scope).\n"
        } else {
            var table = Table("CHANGE", "CONTROL", "SYSTEM", "BY", "FILE")
            for change in report.changes.prefix(50) {
                table.add(change.kind.rawValue, change.statement.control, change.statement.system, change.updatedBy ?? "", change.statement.path)
            }
            out += table.text
            if report.changes.count > 50 { out += "… and \(report.changes.count - 50) more (use --json for all)\n" }
            out += "ServiceNow: \(report.changes.count) statements changed of \(report.listed) in scope.\n"
        }
        for kept in report.keptAsHTML.prefix(20) { out += "kept as HTML: \(kept.path): \(kept.reason)\n" }
        if report.keptAsHTML.count > 20 { out += "kept as HTML: … and \(report.keptAsHTML.count - 20) more (use --json)\n" }
        switch report.merge {
        case .upToDate: out += "\(report.branch) is up to date with servicenow/main.\n"
        case .fastForward: out += "Fast-forwarded \(report.branch) to servicenow/main.\n"
        case .merged(let commit): out += "Merged servicenow/main into \(report.branch) (\(commit.prefix(10))).\n"
        case .conflicts(let paths):
            out += "Merged with conflicts in \(paths.count) file(s):\n"
            out += paths.map { "  \($0)\n" }.joined()
            out += "Edit them (look for <<<<<<< HEAD … >>>>>>> ServiceNow), or 'grcsync resolve --ours|--theirs PATH',\n"
            out += "then 'git add' them and 'git commit'.\n"
        }
        out += String(format: "%d requests, %.1f s.\n", report.requests, report.seconds)
        return out
    }
}
