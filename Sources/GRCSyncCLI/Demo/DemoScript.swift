import Foundation
import GRCSync
import GitKit
import ServiceNow
import ServiceNowEmulator
import Statements

/// `grcsync demo`: grcsync's main job, step by step, against a ServiceNow emulator running in this
/// process. Each step is one small function that says in one line what grcsync does and which command
/// you would type, then does it through the same services the commands use, and prints what the
/// command would print. The workspace is left behind for you to explore.
final class DemoScript {
    /// The users the emulator accepts (password = user name): you run grcsync as admin, alice is the
    /// colleague who edits in ServiceNow.
    static let users = [EmulatorUser(name: "admin", password: "admin"), EmulatorUser(name: "alice", password: "alice")]
    /// What the emulator holds: two information systems with every control of the NIST low baseline.
    static let seed = EmulatorSeed.demo(baseline: .low, systems: 2)
    /// The colleague.
    static let colleague = "alice"
    static let stepCount = 10

    let server: EmulatorServer
    /// The workspace folder.
    let folder: URL
    /// How the demo shows the folder to you (relative to the current directory when inside it).
    let folderName: String
    let credentials = Credentials.basic(username: "admin", password: "admin")
    private var step = 0
    /// The statement you and the colleague both edit, and the one only the colleague edits.
    var shared: ManifestEntry?
    var theirsOnly: ManifestEntry?

    init(server: EmulatorServer, folder: URL, folderName: String) {
        self.server = server
        self.folder = folder
        self.folderName = folderName
    }

    /// Runs every step, in order.
    func run() async throws {
        try initialize()
        try await firstPull()
        try editAndCommit()
        try showCommittedDiff()
        try colleagueEdits()
        try await showStatus()
        try await pullIntoConflict()
        try resolveConflict()
        try await push()
        try showGraph()
    }

    // MARK: - Steps

    /// 1. A new repository with config.yaml pointing at the emulator.
    func initialize() throws {
        let identity = try DemoFolder.createRepository(at: folder)
        narrate(
            "Create a workspace: a Git repository with config.yaml (instance, table, fields; never secrets), committed.",
            command: "grcsync init \(folderName) --instance \(server.baseURL.absoluteString)")
        let report = try InitService().run(directory: folder, instance: server.baseURL, table: nil, format: .html, force: true)
        var out = "Created \(report.directory) as a grcsync workspace for \(server.baseURL.absoluteString).\n"
        out += identity.local
            ? "You have no Git identity, so this workspace's .git/config names you \(identity.identity) (your global config is untouched).\n"
            : "Commits are yours: \(identity.identity) (from your Git config).\n"
        show(out)
    }

    /// 2. The first pull: every statement, one commit on the mirror, fast-forwarded into main.
    func firstPull() async throws {
        narrate(
            "Pull: list the records (ids and mod counts), fetch their statements in batches, commit them to servicenow/main, merge into main.",
            command: "GRCSYNC_USERNAME=admin GRCSYNC_PASSWORD=admin grcsync pull")
        let workspace = try openWorkspace()
        let progress = ProgressLine()
        let report = try await PullService(workspace: workspace, client: client(workspace), progress: progress.handler).run()
        progress.finish()
        var folders: [String: Int] = [:]
        for change in report.changes {
            folders[change.statement.path.split(separator: "/").dropLast().joined(separator: "/") + "/", default: 0] += 1
        }
        var out = "ServiceNow: \(report.changes.count) statements added: "
        out += folders.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ") + ".\n"
        out += report.merge == .fastForward ? "Fast-forwarded \(report.branch) to servicenow/main.\n" : "Merged into \(report.branch).\n"
        out += String(format: "%d requests, %.1f s.\n", report.requests, report.seconds)
        let manifest = try workspace.mirror.manifest(at: workspace.mirror.tip().commit)
        try chooseStatements(manifest.sortedEntries)
        if let shared {
            out += "This demo works on \(shared.path) (\(shared.control) \(shared.title), \(shared.system)).\n"
        }
        show(out)
    }

    /// 3. You edit a statement and commit it, as in any Git repository.
    func editAndCommit() throws {
        let path = try sharedStatement().path
        narrate(
            "You edit a statement in your editor and commit it: plain Git, grcsync is not involved.",
            command: "$EDITOR \(path) && git commit -am \"\(commitMessage)\"")
        let workspace = try openWorkspace()
        let file = workspace.root.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(DemoText.addingToFirstParagraph(DemoText.yourSentence, in: text).utf8).write(to: file, options: .atomic)
        let repository = workspace.repository
        try repository.stage(paths: [path])
        let branch = try workspace.currentBranch()
        let commit = try repository.createCommit(
            tree: repository.writeIndexTree(), parents: branch.commit.map { [$0] } ?? [], message: commitMessage,
            updatingReference: "HEAD")
        show("Added \"\(DemoText.yourSentence)\" to the first paragraph.\n[\(branch.name) \(commit.hex.prefix(7))] \(commitMessage)\n")
    }

    /// 4. What push would send, against ServiceNow's version, word by word.
    func showCommittedDiff() throws {
        narrate("Diff: your committed changes against ServiceNow's version (the mirror), word by word.", command: "grcsync diff --committed --word")
        let diffs = try DiffService(workspace: openWorkspace()).run(paths: [], side: .head, word: true)
        var out = ""
        for diff in diffs {
            if let statement = diff.statement { out += "\(statement.control) (\(statement.system)) — \(diff.path)\n" }
            let lines = diff.patch.split(separator: "\n").map(String.init)
            out += lines.filter { $0.contains("{+") || $0.contains("[-") || $0.hasPrefix("@@") }
                .map(DemoText.clipAroundChange).joined(separator: "\n") + "\n"
        }
        show(out)
    }

    /// 5. Meanwhile a colleague edits the same paragraph, and another statement, in ServiceNow.
    func colleagueEdits() throws {
        let shared = try sharedStatement()
        guard let theirsOnly else { throw DemoError.missingStatements }
        narrate(
            "Meanwhile \(Self.colleague) edits the same paragraph of \(shared.control), and \(theirsOnly.control), in ServiceNow's form.",
            command: nil)
        let table = try openWorkspace().configuration.table
        try colleague(edits: shared, table: table) { DemoText.addingToFirstParagraph(DemoText.colleagueSentence, in: $0) }
        try colleague(edits: theirsOnly, table: table) { $0 + DemoText.colleagueParagraph }
        show(
            "\(Self.colleague) added \"\(DemoText.colleagueSentence)\" to \(shared.control)'s first paragraph.\n"
                + "\(Self.colleague) added a paragraph to \(theirsOnly.control) (\(theirsOnly.path)).\n")
    }

    /// 6. Status, asking ServiceNow too: your change is ready, and it moved there.
    func showStatus() async throws {
        narrate(
            "Status: what push would send; --remote also asks ServiceNow (in batches) whether those statements moved there.",
            command: "grcsync status --remote")
        let workspace = try openWorkspace()
        let report = try await StatusService(workspace: workspace).run(remote: client(workspace))
        var table = Table("STATE", "CONTROL", "SYSTEM", "FILE", "NOTE")
        for item in report.items {
            table.add(item.state.rawValue, item.statement?.control ?? "", item.statement?.system ?? "", item.path, item.note ?? "")
        }
        var out = report.items.isEmpty ? "Nothing to push.\n" : table.text
        if report.items.contains(where: { $0.state == .remoteChanged }) {
            out += "Pushing now would be refused as a conflict for what moved in ServiceNow: pull first.\n"
        }
        show(out)
    }

    // MARK: - Shared pieces

    /// The commit message of your edit.
    var commitMessage: String {
        "\(shared?.control ?? "Statement"): quarterly account reviews"
    }

    /// Prints a step's heading: what grcsync does, in one line, and the command you would type.
    func narrate(_ explanation: String, command: String?) {
        step += 1
        var out = "\n[\(step)/\(Self.stepCount)] \(explanation)\n"
        if let command { out += "    $ \(command)\n" }
        Terminal.write(out)
    }

    /// Prints a step's output, indented under its heading.
    func show(_ text: String) {
        Terminal.write(DemoText.indented(text))
    }

    /// The workspace, opened afresh for each step as each command would.
    func openWorkspace() throws -> Workspace { try Workspace(containing: folder) }

    /// A client signed in as admin.
    func client(_ workspace: Workspace) -> ServiceNowClient { workspace.makeClient(credentials: credentials) }

    func sharedStatement() throws -> ManifestEntry {
        guard let shared else { throw DemoError.missingStatements }
        return shared
    }

    /// AC-2 and AC-3 of the first system when they exist (familiar controls), else its first two.
    private func chooseStatements(_ entries: [ManifestEntry]) throws {
        guard let system = entries.first?.system else { throw DemoError.missingStatements }
        let candidates = entries.filter { $0.system == system }
        guard candidates.count >= 2 else { throw DemoError.missingStatements }
        shared = candidates.first { $0.control == "AC-2" } ?? candidates[0]
        theirsOnly = candidates.first { $0.control == "AC-3" && $0.path != shared?.path }
            ?? candidates.first { $0.path != shared?.path }
    }

    private func colleague(edits entry: ManifestEntry, table: String, _ change: (String) -> String) throws {
        let current = server.store.record(table: table, sysID: entry.sysID)?[entry.field] ?? ""
        _ = try server.store.update(table: table, sysID: entry.sysID, fields: [entry.field: change(current)], as: Self.colleague)
    }
}
