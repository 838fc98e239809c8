import ArgumentParser
import GRCSync

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which statements would be pushed, are uncommitted, in conflict, or changed in ServiceNow.",
        discussion: """
            Offline by default: compares your branch and work tree with the mirror branch servicenow/main. \
            With --remote it also asks ServiceNow (in batches) whether the statements you changed were \
            changed there since your last pull — those would be conflicts on push.

            States: modified (committed, push sends it) · uncommitted · conflicted · behind (pull to merge) · \
            remote-changed · untracked (no record; push will not create it) · deleted (push will not delete).

            Example:
              grcsync status --remote --json
            """)

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Also ask ServiceNow which changed statements moved there since the last pull.")
    var remote = false

    func run() async throws {
        try await reportingErrors {
            let workspace = try options.openWorkspace()
            let client = try remote
                ? workspace.makeClient(credentials: CredentialResolver().credentials(for: workspace.configuration)) : nil
            let report = try await StatusService(workspace: workspace).run(remote: client)
            if options.json {
                try JSONOutput.write(report)
                return .success
            }
            var out = "On branch \(report.branch)"
            out += report.mirrorCommit.map { ", mirror servicenow/main at \($0.prefix(10))" } ?? ", nothing pulled yet"
            out += "\n"
            if report.mergeInProgress { out += "A merge is in progress: resolve conflicts, 'git add', 'git commit'.\n" }
            if report.items.isEmpty {
                out += "Nothing to push: every statement matches ServiceNow's version.\n"
            } else {
                var table = Table("STATE", "CONTROL", "SYSTEM", "FILE", "NOTE")
                for item in report.items {
                    table.add(item.state.rawValue, item.statement?.control ?? "", item.statement?.system ?? "", item.path, item.note ?? "")
                }
                out += table.text
                let pushable = report.items.count { $0.state == .modified }
                out += "\(pushable) statement(s) ready to push.\n"
            }
            Terminal.write(out)
            return .success
        }
    }
}
