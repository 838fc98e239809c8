import Foundation
import GRCSync
import GitKit
import ServiceNowEmulator

/// The second half of the demo: the pull that meets the colleague's edit, its resolution, the push,
/// and the history it leaves.
extension DemoScript {
    /// 7. Pull again: the colleague's other edit merges cleanly, the shared paragraph conflicts.
    func pullIntoConflict() async throws {
        let path = try sharedStatement().path
        narrate(
            "Pull again: ServiceNow's changes go to servicenow/main, then a three-way merge into main; the shared paragraph conflicts.",
            command: "grcsync pull")
        let workspace = try openWorkspace()
        let progress = ProgressLine()
        let report = try await PullService(workspace: workspace, client: client(workspace), progress: progress.handler).run()
        progress.finish()
        guard case .conflicts(let paths) = report.merge, paths.contains(path) else {
            throw DemoError.unexpected("the second pull did not stop with a conflict in \(path)")
        }
        var out = PullReportText.render(report)
        let text = try String(contentsOf: workspace.root.appendingPathComponent(path), encoding: .utf8)
        out += "\n\(path), where Git left its conflict markers (long lines cut at the start):\n"
        out += DemoText.conflictExcerpt(text).map { "  \($0)\n" }.joined()
        show(out)
    }

    /// 8. Keep both sentences, as you would in your editor, then finish the merge as in any Git merge.
    func resolveConflict() throws {
        let path = try sharedStatement().path
        narrate(
            "Resolve as in any Git merge: keep both sentences, git add, git commit ('grcsync resolve --ours|--theirs' keeps one side).",
            command: "$EDITOR \(path) && git add \(path) && git commit --no-edit")
        let workspace = try openWorkspace()
        let repository = workspace.repository
        guard try repository.state == .merge, let theirs = try repository.reference("MERGE_HEAD"),
            case .branch(let branch, let head?) = try repository.head(),
            let blob = try repository.blobID(at: path, in: repository.commit(theirs).tree)
        else { throw DemoError.unexpected("no merge in progress after the conflicted pull") }
        let serviceNowVersion = String(decoding: try repository.blobData(blob), as: UTF8.self)
        let merged = DemoText.addingToFirstParagraph(DemoText.yourSentence, in: serviceNowVersion)
        try Data(merged.utf8).write(to: workspace.root.appendingPathComponent(path), options: .atomic)
        try repository.stage(paths: [path])
        let messageFile = repository.gitDirectory.appendingPathComponent("MERGE_MSG")
        let message = (try? String(contentsOf: messageFile, encoding: .utf8)) ?? "Merge ServiceNow into \(branch)\n"
        let commit = try repository.createCommit(
            tree: repository.writeIndexTree(), parents: [head, theirs], message: message, updatingReference: "HEAD")
        try repository.cleanupState()
        var out = "The paragraph now ends: "
        out += DemoText.clipStart(String(merged.split(separator: "\n").first { $0.contains(DemoText.yourSentence) } ?? "")) + "\n"
        out += "[\(branch) \(commit.hex.prefix(7))] \(message.split(separator: "\n").first ?? "")\n"
        show(out)
    }

    /// 9. Push: checks ServiceNow first, writes, records what ServiceNow stored, makes the sync commit.
    func push() async throws {
        let shared = try sharedStatement()
        narrate(
            "Push: check in batches that nobody changed the statements since the pull, write them, commit what ServiceNow stored, merge it.",
            command: "grcsync push")
        let workspace = try openWorkspace()
        let progress = ProgressLine()
        let report = try await PushService(workspace: workspace, client: client(workspace), progress: progress.handler)
            .run(PushOptions())
        progress.finish()
        var out = PushReportText.render(report)
        guard report.succeeded else { throw DemoError.unexpected("the push did not succeed:\n\(out)") }
        let record = server.store.record(table: workspace.configuration.table, sysID: shared.sysID) ?? [:]
        let html = record[shared.field] ?? ""
        let both = html.contains(DemoText.yourSentence) && html.contains(DemoText.colleagueSentence)
        out += "ServiceNow's \(shared.control) now has \(both ? "both sentences" : "your version")"
        out += " (sys_mod_count \(record["sys_mod_count"] ?? "?"), updated by \(record["sys_updated_by"] ?? "?")).\n"
        show(out)
    }

    /// 10. The history all this left: your commits, the mirror's, and the merges joining them.
    func showGraph() throws {
        narrate(
            "The history: your commits on main, ServiceNow's on servicenow/main, and the merges joining them. Nothing was rebased.",
            command: "git log --graph --oneline --all")
        let workspace = try openWorkspace()
        let repository = workspace.repository
        let branch = try workspace.currentBranch()
        guard let head = branch.commit else { throw DemoError.unexpected("main has no commit") }
        var labels: [ObjectID: [String]] = [head: ["HEAD -> \(branch.name)"]]
        if let mirror = try repository.reference(MirrorBranch.reference) { labels[mirror, default: []].append(MirrorBranch.shortName) }
        let commits = try repository.commits(from: head)
        show(CommitGraph(commits: commits, labels: labels, limit: 12).lines.joined(separator: "\n") + "\n")
    }

    /// Where the workspace is and what to try next, in commands that work when pasted: when this
    /// executable is not the `grcsync` on `PATH` (a fresh build), an alias for it comes first.
    func closing(keepRunning: Bool) -> String {
        let location = ExecutableLocation.command()
        var out = "\nDone. The workspace is in \(folder.path). Explore it:\n"
        if location != "grcsync" {
            out += "    alias grcsync='\(location)'   # not on your PATH yet: scripts/install.sh puts it in ~/.local/bin\n"
        }
        out += "    cd \(folderName)\n"
        out += "    git log --graph --oneline --all       # the same history, as git draws it\n"
        out += "    git show servicenow/main              # ServiceNow's side of the last push, with its trailers\n"
        out += "    grcsync status                        # nothing to push: main and ServiceNow agree\n"
        out += "    grcsync log                           # pulls and pushes, from the mirror's history\n"
        out += "    grcsync diff                          # empty until you edit a statement\n"
        if keepRunning {
            out += "\nThe ServiceNow emulator keeps running at \(server.baseURL.absoluteString)"
            out += " (users admin/admin and \(Self.colleague)/\(Self.colleague)). In another terminal:\n"
            out += "    cd \(folderName) && export GRCSYNC_USERNAME=admin GRCSYNC_PASSWORD=admin\n"
            out += "    grcsync pull    # then edit, git commit, grcsync push\n"
            out += "Press Ctrl-C to stop it.\n"
        } else {
            out += "The emulator stopped with the demo, so pull and push have no ServiceNow to talk to now:\n"
            out += "run 'grcsync demo --keep-running' to keep it up and try them.\n"
        }
        return out
    }
}
