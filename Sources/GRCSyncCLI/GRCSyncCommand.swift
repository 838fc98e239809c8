public import ArgumentParser
import Foundation
import Logging

/// The `grcsync` command: keeps ServiceNow GRC implementation statements in a Git working tree.
public struct GRCSyncCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "grcsync",
        abstract: "Keep ServiceNow GRC implementation statements in Git, and push approved changes back.",
        discussion: """
            A workspace is a Git repository: statements/<system>/<control>.html, config.yaml, and the \
            mirror branch servicenow/main holding ServiceNow's version. Edit statements in any editor, \
            review them with git log / git diff / pull requests, and push what was approved.

            First steps:
              grcsync init my-ssp --instance https://acme.service-now.com
              cd my-ssp && export GRCSYNC_USERNAME=me GRCSYNC_PASSWORD=…
              grcsync doctor && grcsync pull

            Set GRCSYNC_LOG=debug to see every request on standard error (never credentials).

            \(ExitStatus.helpText)
            """,
        subcommands: [
            InitCommand.self, PullCommand.self, StatusCommand.self, DiffCommand.self, LogCommand.self,
            DoctorCommand.self, PushCommand.self, ResolveCommand.self, ReviewCommand.self, ApproveCommand.self,
            DemoCommand.self,
        ])

    public init() {}

    /// Parses the process's arguments and runs the chosen command (the executable's whole body).
    public static func runFromCommandLine() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel(ProcessInfo.processInfo.environment["GRCSYNC_LOG"])
            return handler
        }
        await main()
    }

    /// `GRCSYNC_LOG=trace|debug|info|notice|warning|error`: what goes to standard error besides results
    /// and errors. Warnings by default; `debug` shows every request (method, path, status, time — never
    /// credentials).
    static func logLevel(_ value: String?) -> Logger.Level {
        value.flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
    }
}
