import ArgumentParser
import Foundation
import GRCSync

struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Write committed statement changes back to ServiceNow, safely, and record a sync commit.",
        discussion: """
            Sends the statements that differ between servicenow/main and HEAD (narrow with paths or \
            --control). Before writing it checks, in batches, that nobody changed them in ServiceNow since \
            your last pull: those are conflicts, not written (pull, merge, push again — or --force, which \
            first commits the remote version to the mirror so nothing is lost). Uncommitted edits, new and \
            deleted files are never pushed and are listed. Writes are retried with backoff on 429/5xx; a \
            push that is killed is finished by the next push or pull.

            Results: pushed · already-in-sync · conflict · race (someone wrote between check and write) · \
            failed (with the server's reason) · skipped. Exit status 0 only when every selected statement \
            ended pushed or already in sync.

            Examples:
              grcsync push --dry-run
              grcsync push --control AC-2 --control AC-3
              grcsync push statements/payments/ --json
            """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .customLong("control"), help: "Push only statements of this control id (repeatable).")
    var controls: [String] = []

    @Flag(help: "Check and show what would be sent (with diffs); write nothing.")
    var dryRun = false

    @Flag(help: "Overwrite statements changed in ServiceNow since your last pull (their version is kept in the mirror's history).")
    var force = false

    @Argument(help: "Statement files or folders to push.")
    var paths: [String] = []

    func run() async throws {
        try await reportingErrors {
            let workspace = try options.openWorkspace()
            let credentials = try CredentialResolver().credentials(for: workspace.configuration)
            let progress = ProgressLine()
            let report = try await PushService(
                workspace: workspace, client: workspace.makeClient(credentials: credentials), progress: progress.handler
            ).run(PushOptions(paths: paths.map { workspace.relativePath($0) }, controls: controls, dryRun: dryRun, force: force))
            progress.finish()
            if options.json {
                try JSONOutput.write(report)
            } else {
                Terminal.write(PushReportText.render(report))
            }
            return report.succeeded ? .success : .failure
        }
    }
}

/// The human form of a push report.
enum PushReportText {
    static func render(_ report: PushReport) -> String {
        var out = ""
        if report.recovered > 0 { out += "Recorded \(report.recovered) statement(s) from an interrupted push.\n" }
        if report.items.isEmpty {
            out += "Nothing to push: no committed statement differs from ServiceNow's version.\n"
        } else {
            var table = Table("RESULT", "CONTROL", "SYSTEM", "FILE", "DETAIL")
            for item in report.items {
                table.add(item.outcome.rawValue, item.statement.control, item.statement.system, item.statement.path, item.detail ?? "")
            }
            out += table.text
        }
        if report.dryRun {
            for item in report.items where item.diff != nil { out += "\n" + (item.diff ?? "") }
            out += "\nDry run: nothing was written.\n"
        }
        for refusal in report.refused { out += "not pushed: \(refusal.path): \(refusal.reason)\n" }
        let counts = PushReport.Outcome.allCases.compactMap { outcome -> String? in
            let n = report.items.count { $0.outcome == outcome }
            return n == 0 ? nil : "\(n) \(outcome.rawValue)"
        }
        if !counts.isEmpty { out += counts.joined(separator: ", ") + ".\n" }
        if report.items.contains(where: { $0.outcome == .conflict }) {
            out += "Conflicts: run 'grcsync pull', resolve, commit, and push again.\n"
        }
        out += String(format: "%d requests (%d retries), %.1f s.\n", report.requests, report.retries, report.seconds)
        return out
    }
}
