import ArgumentParser
import Foundation
import GRCSync
import ServiceNow

/// Runs one grcsync operation through the same services the CLI commands call, in its own process, and
/// prints what it measured as JSON. The benchmark runs each operation this way so that each gets its
/// own peak RSS, free of the emulator's memory and of the other operations'.
struct PhaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase",
        abstract: "Run one grcsync operation in this process and print its measurements as JSON (used by 'run').",
        discussion: """
            Credentials come from GRCSYNC_USERNAME and GRCSYNC_PASSWORD, as for grcsync itself.

            Example:
              GRCSYNC_USERNAME=admin GRCSYNC_PASSWORD=admin grcsync-benchmark phase pull --workspace /tmp/ws
            """,
        shouldDisplay: false)

    /// The grcsync operations a phase can run.
    enum Operation: String, ExpressibleByArgument, CaseIterable {
        case pull, status, push
    }

    @Argument(help: "The operation: pull, status or push.")
    var operation: Operation

    @Option(help: "The grcsync workspace to run in.")
    var workspace: String

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let username = environment["GRCSYNC_USERNAME"], let password = environment["GRCSYNC_PASSWORD"] else {
            throw ValidationError("Set GRCSYNC_USERNAME and GRCSYNC_PASSWORD to the emulator's user.")
        }
        let credentials = Credentials.basic(username: username, password: password)
        let clock = PhaseClock()
        let workspace = try Workspace(containing: URL(fileURLWithPath: self.workspace))
        let result: PhaseResult
        switch operation {
        case .pull:
            let report = try await PullService(
                workspace: workspace, client: workspace.makeClient(credentials: credentials)
            ).run()
            // Batches are rendered and stored while the next ones are on the network: "network" is the
            // wall time of listing and fetching (ingest included where it overlapped), "ingest" the
            // ingest's own work summed over batches and the final tree (what fast-import is compared with).
            let timings = report.timings
            let seconds = clock.elapsed
            try writeJSON(report)
            var conflicts: [String] = []
            if case .conflicts(let paths) = report.merge { conflicts = paths }
            result = PhaseResult(
                seconds: seconds, networkSeconds: timings.map { $0.listing + $0.fetching },
                ingestSeconds: timings?.ingest, ingestCPUSeconds: timings?.ingestCPU, mergeSeconds: timings?.merge, requests: report.requests, statements: report.changes.count,
                succeeded: conflicts.isEmpty, peakRSS: PeakMemory.ownPeak(), detail: conflicts.isEmpty ? nil : "conflicts in \(conflicts.count) files")
        case .status:
            let report = try await StatusService(workspace: workspace).run(remote: nil)
            let seconds = clock.elapsed
            try writeJSON(report)
            result = PhaseResult(
                seconds: seconds, requests: 0, statements: report.items.count, succeeded: true,
                peakRSS: PeakMemory.ownPeak())
        case .push:
            let report = try await PushService(
                workspace: workspace, client: workspace.makeClient(credentials: credentials)
            ).run(PushOptions())
            let seconds = clock.elapsed
            try writeJSON(report)
            let pushed = report.items.count { $0.outcome == .pushed }
            result = PhaseResult(
                seconds: seconds, requests: report.requests, statements: pushed, succeeded: report.succeeded,
                peakRSS: PeakMemory.ownPeak(),
                detail: report.succeeded ? nil : "\(pushed) of \(report.items.count) pushed")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        FileHandle.standardOutput.write(try encoder.encode(result))
    }

    /// Writes the report as `--json` does, to `/dev/null`, after the clock stopped: scripts read that
    /// form, so its memory counts in the peak.
    private func writeJSON(_ report: some Encodable) throws {
        let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
        defer { try? sink.close() }
        try JSONReportWriter.write(report) { sink.write($0) }
    }
}
