public import ArgumentParser
import Foundation
import GRCSync
public import Statements

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create (or adopt) a Git repository as a grcsync workspace.",
        discussion: """
            Writes config.yaml (no secrets: credentials come from GRCSYNC_USERNAME / GRCSYNC_PASSWORD, \
            GRCSYNC_TOKEN or ~/.netrc) and commits it on the current branch. Then run 'grcsync doctor' \
            and 'grcsync pull'.

            Example:
              grcsync init my-ssp --instance https://acme.service-now.com
            """)

    @Argument(help: "The workspace directory (created if missing).")
    var directory: String = "."

    @Option(help: "The ServiceNow instance URL, e.g. https://acme.service-now.com.")
    var instance: String

    @Option(help: "The table that holds the statements (default sn_compliance_control).")
    var table: String?

    @Option(help: "How statements are stored: html or markdown.")
    var format: StatementFormat = .html

    @Flag(help: "Replace an existing config.yaml.")
    var force = false

    @Flag(help: "Print machine-readable JSON.")
    var json = false

    func validate() throws {
        guard let url = URL(string: instance), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw ValidationError("--instance must be an http(s) URL such as https://acme.service-now.com, not '\(instance)'.")
        }
    }

    func run() async throws {
        try await reportingErrors {
            guard let url = URL(string: instance) else { return .failure }
            let target = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL
            let report = try InitService().run(directory: target, instance: url, table: table, format: format, force: force)
            if json {
                try JSONOutput.write(report)
            } else {
                Terminal.write(
                    "\(report.createdRepository ? "Created" : "Adopted") \(report.directory) as a grcsync workspace "
                        + "for \(url.absoluteString).\nNext: set GRCSYNC_USERNAME and GRCSYNC_PASSWORD, run 'grcsync doctor', then 'grcsync pull'.\n")
            }
            return .success
        }
    }
}

extension StatementFormat: ExpressibleByArgument {}
