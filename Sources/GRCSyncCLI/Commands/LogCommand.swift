import ArgumentParser
import Foundation
import GRCSync

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the pulls and pushes recorded in the mirror branch, newest first.",
        discussion: """
            Every pull or push that changed something is a commit on servicenow/main with trailers \
            (Grcsync-Operation, Grcsync-Job…), so this history travels with every clone.

            Example:
              grcsync log -n 10 --json
            """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: [.customShort("n"), .long], help: "Show at most this many entries.")
    var limit: Int?

    func run() async throws {
        try await reportingErrors {
            let entries = try LogService(workspace: try options.openWorkspace()).run(limit: limit)
            if options.json {
                try JSONOutput.write(entries)
                return .success
            }
            guard !entries.isEmpty else {
                Terminal.write("Nothing recorded yet: run 'grcsync pull'.\n")
                return .success
            }
            var table = Table("WHEN", "OPERATION", "WHO", "ADDED", "CHANGED", "REMOVED", "COMMIT", "JOB")
            for entry in entries {
                var job = entry.job.map { String($0.prefix(8)) } ?? ""
                if let push = entry.push {
                    job += String(format: " (%d requests, %.1f s)", push.requests, push.seconds)
                }
                table.add(entry.date, entry.operation, entry.who, "\(entry.added)", "\(entry.changed)", "\(entry.removed)", String(entry.commit.prefix(10)), job)
            }
            Terminal.write(table.text)
            return .success
        }
    }
}
