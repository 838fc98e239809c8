public import Foundation
import GitKit
public import ServiceNow
import Statements

/// `grcsync push`: writes the approved statements that differ between the mirror and HEAD back to
/// ServiceNow, checking first (in batches) that nobody changed them there, and records the result as a
/// mirror commit of what ServiceNow stored plus a sync commit on the branch.
public struct PushService {
    let workspace: Workspace
    let client: ServiceNowClient
    let progress: ProgressHandler?
    let environment: [String: String]

    public init(workspace: Workspace, client: ServiceNowClient, progress: ProgressHandler? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.workspace = workspace
        self.client = client
        self.progress = progress
        self.environment = environment
    }

    public func run(_ options: PushOptions) async throws -> PushReport {
        let started = Date()
        let repository = workspace.repository
        let configuration = workspace.configuration
        let lock = try workspace.lock(options.dryRun ? "push --dry-run" : "push")
        defer { lock.release() }
        // The mirror tip's manifest (~0.25 s at 100,000 statements) is read on a handle of its own while
        // this one checks the branch and the index; should the tip move before it is needed (an
        // interrupted push recovered, a colleague's sync commit caught up with), it is read again.
        var early = try repository.reference(MirrorBranch.reference).map { tip in
            (tip: tip, manifest: Task.detached { [root = workspace.root, instance = configuration.instance] in
                try MirrorBranch(repository: Repository.open(at: root), instance: instance).manifest(at: tip)
            })
        }
        let branch = try workspace.currentBranch()
        if let required = configuration.push.branch, required != branch.name {
            throw PushError.wrongBranch(current: branch.name, required: required)
        }
        let conflicted = try repository.conflictedPaths()
        guard conflicted.isEmpty else { throw PushError.unresolvedConflicts(conflicted) }
        guard try repository.state == .clean else { throw WorkspaceError.mergeInProgress }
        let statsBefore = client.statistics
        var recovery = PushRecovery.Outcome()
        if !options.dryRun, PushJournal.exists(in: workspace.stateDirectory) {
            // The recovery commits on the mirror's tip: it takes the manifest being read for that tip rather
            // than reading a second one beside it (two at once took an interrupted push of 100,000
            // statements to ~220 MB), and hands back the new tip's. The task is let go first, so the
            // manifest it returns is not shared.
            var manifest: Manifest?
            var knownTip: ObjectID?
            if let known = early.take() { (manifest, knownTip) = (try await known.manifest.value, known.tip) }
            recovery = try await PushRecovery(workspace: workspace, client: client).run(manifest: manifest.take(), of: knownTip)
        }
        let recovered = recovery.recovered
        // Nothing reads the index again until the sync commit (a recovery's sync commit has just read it):
        // it would stay loaded through the requests.
        repository.releaseIndex()

        let sync = try SyncBase(workspace: workspace)
        guard let tip = sync.mirrorTip, let head = sync.head else { throw PushError.nothingPulled }
        guard sync.base == tip else { throw PushError.notMerged }
        try workspace.mirror.checkFormat(at: tip, configured: configuration.format)
        let manifest = if let ready = recovery.manifest.take(), ready.tip == tip {
            ready.manifest
        } else if let early, early.tip == tip {
            try await early.manifest.value
        } else {
            try workspace.mirror.manifest(at: tip)
        }
        // A finished task keeps its result while it lives: the manifest's storage would stay shared, and
        // its update in the mirror commit would copy all 100,000 entries (~27 MB) instead of changing
        // them in place.
        early = nil
        let selection = try PushSelection(
            repository: repository, baseTree: try repository.commit(tip).tree, headTree: try repository.commit(head).tree,
            manifest: manifest, paths: options.paths, controls: options.controls)
        try validateNarrowing(options, manifest: manifest, selection: selection)
        let approvals = try checkApprovals(selection, tip: tip, head: head, branch: branch.name)
        // Uncommitted statement files are named in the report. Finding them reads every file's metadata
        // (0.3 s at 100,000 statements), so it runs on a handle of its own while the requests are out.
        let uncommitted = Task.detached { [root = workspace.root] in
            try Repository.open(at: root).status().filter { StatementPath.isStatement($0.path) && !$0.isConflicted }.map {
                PushReport.Refusal(path: $0.path, reason: "uncommitted changes are not pushed: commit them to push them")
            }
        }

        let job = UUID().uuidString.lowercased()
        let user = configurationUser()
        var report = PushReport(
            job: job, instance: configuration.instance.absoluteString, branch: branch.name, who: user ?? "",
            startedAt: ISO8601DateFormatter().string(from: started), dryRun: options.dryRun, force: options.force,
            items: [], refused: selection.refused, recovered: recovered, mirrorCommit: nil, syncCommit: nil,
            requests: 0, retries: 0, seconds: 0)
        let checker = PushCheck(workspace: workspace, client: client)
        if options.dryRun {
            let check = try await checker.run(selection.candidates)
            let mirrorTree = try repository.commit(tip).tree
            var items = Self.unwritable(check)
            for write in check.toWrite {
                let diff = try write.candidate.diff(against: mirrorTree, in: repository)
                items.append(.init(statement: write.candidate.statement, outcome: .wouldPush, diff: diff))
            }
            items += check.inSync.map { .init(statement: $0.candidate.statement, outcome: .alreadyInSync) }
            report.items = items.sorted { $0.statement.path < $1.statement.path }
            report.refused += try await uncommitted.value
            return finish(report, started: started, before: statsBefore)
        }

        // The mirror commit the push's own builds on, and its manifest: the tip's, or (with --force and
        // conflicts) that of the commit recording what is overwritten.
        var parent = tip
        var parentManifest: Manifest? = consume manifest
        let snapshot = MirrorSnapshot(configuration: configuration, repository: repository)
        let writer = PushWriter(
            client: client, table: configuration.table, field: configuration.statementField, returning: snapshot.contentFields,
            progress: progress, exitAfterWrites: environment["GRCSYNC_TEST_EXIT_AFTER_WRITES"].flatMap(Int.init),
            concurrency: configuration.concurrency)
        let journal = PushJournal(job: job, startedAt: report.startedAt, user: user, head: head.hex, mirrorTip: tip.hex, entries: [])
        let outcome = try await CheckedWrites(check: checker, writer: writer, journal: journal, stateDirectory: workspace.stateDirectory)
            .run(selection.candidates, force: options.force) { conflicts in
                // Keep what we are about to overwrite: its remote version goes into the mirror first.
                let recorded = try PushRecorder(workspace: workspace).recordMirror(
                    parent: tip, parentManifest: parentManifest.take(), records: conflicts.map(\.remote), renames: [],
                    operation: "push-overwritten", summary: "ServiceNow versions overwritten by push --force (\(conflicts.count))",
                    job: job, counts: (conflicts.count, 0), keepingManifest: true)
                (parent, parentManifest) = (recorded.tip, recorded.manifest)
            }
        let check = outcome.check
        let sent = Set(outcome.writes.map(\.candidate.path))
        var items = Self.unwritable(check).filter { !($0.outcome == .conflict && sent.contains($0.statement.path)) }
        if let failure = outcome.failure {
            let reason = String(describing: failure.error)
            items += failure.unchecked.map {
                .init(statement: $0.statement, outcome: .failed,
                      detail: "not checked, so not sent: \(reason) Push again to send it.")
            }
        }
        let toWrite = outcome.writes
        let results = outcome.results

        report.refused += try await uncommitted.value
        var stored: [Record] = check.inSync.map(\.remote)
        var syncPaths = check.inSync.map(\.candidate.path)
        items += check.inSync.map { .init(statement: $0.candidate.statement, outcome: .alreadyInSync) }
        for write in toWrite {
            let statement = write.candidate.statement
            switch results[write.candidate.path] ?? .skipped {
            case .skipped:
                items.append(.init(statement: statement, outcome: .skipped, detail: "not attempted after an authentication failure"))
            case .failed(let error):
                items.append(.init(statement: statement, outcome: .failed, detail: error.description))
            case .written(let record):
                stored.append(record)
                syncPaths.append(write.candidate.path)
                let altered = !HTMLEquivalence.areEquivalent(record[configuration.statementField] ?? "", write.candidate.html)
                let count = record.modCount ?? 0
                if count > write.baseModCount + 1 {
                    items.append(.init(
                        statement: statement, outcome: .race,
                        detail: "someone else wrote this record between our check and our write (mod count \(write.baseModCount) → \(count)); "
                            + "ServiceNow holds our text, check the record's history", serverAltered: altered))
                } else {
                    items.append(.init(
                        statement: statement, outcome: .pushed,
                        detail: altered ? "ServiceNow altered the HTML on save (its sanitiser); your file now holds the stored version" : nil,
                        serverAltered: altered))
                }
            }
        }
        report.items = items.sorted { $0.statement.path < $1.statement.path }
        for index in report.items.indices { report.items[index].approvals = approvals[report.items[index].statement.path] ?? [] }
        // The manifest moves into the mirror commit: updating it then needs no copy of its 100,000 entries.
        try record(&report, manifest: parentManifest.take(), stored: stored, syncPaths: syncPaths, conflicts: options.force ? [] : check.conflicts.map(\.remote),
                   selection: selection, tip: tip, parent: parent, head: head, branch: branch.name)
        PushJournal.remove(from: workspace.stateDirectory)
        let finished = finish(report, started: started, before: statsBefore)
        try? PushJobRecord.save(finished, in: workspace.stateDirectory)
        return finished
    }

    /// The mirror commit of what ServiceNow stored, then (on its own mirror commit, which the sync commit
    /// does not merge) the remote versions of conflicting statements, which the next pull merges, then
    /// the sync commit of the first.
    private func record(_ report: inout PushReport, manifest: consuming Manifest?, stored: [Record], syncPaths: [String], conflicts: [Record],
                        selection: PushSelection, tip: ObjectID, parent: ObjectID, head: ObjectID, branch: String) throws {
        let recorder = PushRecorder(workspace: workspace)
        let host = workspace.configuration.instance.host ?? ""
        let pushed = report.items.count { $0.outcome == .pushed || $0.outcome == .race }
        var mirror = parent
        // The manifest of `mirror`, while it is known: the conflicts' commit builds on it instead of
        // reading it again, and comes before the sync commit so that it is let go before the sync
        // commit reads the index.
        var mirrorManifest = manifest
        var manifestFile: PreparedFile?
        defer { manifestFile?.discard() }
        if !stored.isEmpty || !selection.renames.isEmpty {
            let recorded = try recorder.recordMirror(
                parent: parent, parentManifest: mirrorManifest.take(), records: stored,
                renames: selection.renames, operation: "push",
                summary: "Push \(host): \(pushed) statement(s) written", job: report.job,
                counts: (pushed, report.items.count { $0.outcome == .conflict }), keepingManifestFile: true,
                keepingManifest: !conflicts.isEmpty)
            (mirror, manifestFile, mirrorManifest) = (recorded.tip, recorded.manifestFile, recorded.manifest)
        }
        let synced = mirror
        if !conflicts.isEmpty {
            mirror = try recorder.recordMirror(
                parent: mirror, parentManifest: mirrorManifest.take(), records: conflicts, renames: [], operation: "pull",
                summary: "Pull \(host): \(conflicts.count) statement(s) changed in ServiceNow, found by push", job: report.job,
                counts: (conflicts.count, 0)).tip
        }
        if synced != tip {
            // The sync commit names the approvals of what ServiceNow now holds, not of what it refused.
            let held = report.items.filter { [.pushed, .race, .alreadyInSync].contains($0.outcome) }
            let lines = report.items.filter { $0.outcome != .conflict }.map { "\($0.outcome.rawValue): \($0.statement.path) (\($0.statement.control))" }
            let (commit, rewritten) = try recorder.syncCommit(
                head: head, branch: branch, mirrorCommit: synced,
                paths: syncPaths + selection.renames.map(\.to),
                message: Self.syncMessage(host: host, branch: branch, job: report.job, lines: lines,
                                          approvals: held.flatMap(\.approvals)),
                manifestFile: manifestFile)
            report.syncCommit = commit.hex
            for index in report.items.indices where rewritten.contains(report.items[index].statement.path) {
                report.items[index].serverAltered = true
            }
        }
        report.mirrorCommit = try workspace.mirror.tip().commit?.hex
    }

    /// The report's items for what the check found cannot be written: conflicts and records that are gone.
    private static func unwritable(_ check: PushCheck.Outcome) -> [PushReport.Item] {
        check.conflicts.map { PushReport.Item(statement: $0.candidate.statement, outcome: .conflict, detail: $0.detail) }
            + check.gone.map {
                PushReport.Item(statement: $0.statement, outcome: .failed,
                                detail: "the record no longer exists in ServiceNow (404); pull to see it removed")
            }
    }

    /// With `approvals.required` set, refuses — before any request — unless every selected statement has
    /// enough valid approvals; returns, per path, the approvals that authorise it.
    private func checkApprovals(_ selection: PushSelection, tip: ObjectID, head: ObjectID, branch: String) throws -> [String: [String]] {
        guard workspace.configuration.approvals.required > 0, !selection.candidates.isEmpty else { return [:] }
        let review = ReviewService(workspace: workspace)
        let plan = ReviewService.Plan(
            candidates: selection.candidates, refused: [],
            history: try ChangeHistory(repository: workspace.repository, head: head, mirrorTip: tip, paths: selection.candidates.map(\.path)),
            tip: tip, head: head, branch: branch)
        let verdicts = try review.verdicts(plan)
        let failing = verdicts.values.filter { !$0.isSatisfied }.sorted { $0.path < $1.path }
        guard failing.isEmpty else { throw ApprovalError(verdicts: failing) }
        return verdicts.mapValues { verdict in verdict.entries.filter(\.valid).map { "\($0.commit) \($0.approver)" } }
    }

    private func validateNarrowing(_ options: PushOptions, manifest: Manifest, selection: PushSelection) throws {
        for path in options.paths {
            let known = manifest.unorderedEntries.contains { $0.path == path || $0.path.hasPrefix(path.hasSuffix("/") ? path : path + "/") }
                || selection.candidates.contains { $0.path == path } || selection.renames.contains { $0.to == path }
            if !known { throw PushError.noSuchStatement(path) }
        }
        for control in options.controls where !manifest.unorderedEntries.contains(where: { $0.control.uppercased() == control.uppercased() }) {
            throw PushError.unknownControl(control)
        }
    }

    private func configurationUser() -> String? {
        (try? CredentialResolver(environment: environment).credentials(for: workspace.configuration))?.username
    }

    private func finish(_ report: PushReport, started: Date, before: RequestStatistics) -> PushReport {
        var report = report
        let after = client.statistics
        report.requests = after.requests - before.requests
        report.retries = after.retries - before.retries
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    static func syncMessage(host: String, branch: String, job: String, lines: [String], approvals: [String]) -> String {
        var text = "Push to ServiceNow (\(host)) from \(branch)\n\n"
        if !lines.isEmpty { text += lines.prefix(200).joined(separator: "\n") + "\n\n" }
        text += "\(MirrorBranch.TrailerKey.sync): push\n\(MirrorBranch.TrailerKey.job): \(job)\n"
        for approval in Set(approvals).sorted() { text += "Grcsync-Approval: \(approval)\n" }
        return text
    }
}
