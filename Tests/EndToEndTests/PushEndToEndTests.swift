import Foundation
import GRCSyncTestSupport
import ServiceNowEmulator
import Testing

/// `grcsync push` against the emulator over loopback, checked with the real `git` and the emulator's
/// request log.
@Suite(.serialized) struct PushEndToEndTests {
    /// Adds a sentence to the first paragraph of a statement file.
    private func edit(_ scenario: Scenario, _ path: String, _ sentence: String) throws {
        let text = try scenario.read(path)
        guard let end = text.range(of: "</p>") else { throw TestFailure("\(path) has no paragraph") }
        try scenario.write(path, text.replacingCharacters(in: end, with: " \(sentence)</p>"))
    }

    /// A workspace after init + pull, with extra config lines committed.
    private func workspace(_ scenario: Scenario, config: String = "") async throws {
        try await scenario.initAndPull()
        if !config.isEmpty {
            try scenario.write("config.yaml", try scenario.read("config.yaml") + config)
            try await scenario.git("commit", "-qam", "Tune config for the test")
        }
    }

    /// A pulled workspace where a colleague added a paragraph to statement X in ServiceNow while we
    /// committed edits to X and Y: X conflicts, Y does not. Returns the paths and the colleague's HTML.
    private func colleagueAndWeEdit(_ scenario: Scenario) async throws -> (x: String, y: String, colleague: String) {
        try await workspace(scenario)
        let files = try await scenario.statementFiles()
        let (x, y) = (files[0], files[1])
        let colleague = try scenario.remoteHTML(of: x) + "<p>Added by a colleague in ServiceNow.</p>"
        try scenario.colleagueEdits(x, html: colleague)
        try edit(scenario, x, "Ours on X.")
        try edit(scenario, y, "Ours on Y.")
        try await scenario.git("commit", "-qam", "Edit X and Y")
        return (x, y, colleague)
    }

    /// Successful PATCHes per sys_id.
    private func writes(_ scenario: Scenario) -> [String: Int] {
        var counts: [String: Int] = [:]
        for request in scenario.requests("PATCH") where request.status == 200 {
            counts[String(request.path.split(separator: "/").last ?? ""), default: 0] += 1
        }
        return counts
    }

    /// The writes that landed once those a killed process had already sent are all answered: the count
    /// unchanged for 200 ms (the emulator answers a PATCH within milliseconds; at most 5 s).
    private func settledWrites(_ scenario: Scenario) async throws -> [String: Int] {
        var counts = writes(scenario)
        for _ in 0..<25 {
            try await Task.sleep(for: .milliseconds(200))
            let now = writes(scenario)
            if now == counts { break }
            counts = now
        }
        return counts
    }

    @Test func editCommitPushLeavesServiceNowTheMirrorAndTheBranchInSync() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await workspace(scenario)
        let path = try #require(try await scenario.statementFiles().first)
        try edit(scenario, path, "Access is reviewed every quarter.")
        // Files of the branch's own, which the mirror does not have, stay as they are in the sync commit.
        try scenario.write("check.sh", "#!/bin/sh\nexit 0\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: scenario.workspace.appendingPathComponent("check.sh").path)
        try await scenario.git("add", "check.sh")
        try scenario.write("README.md", "Our statements.\n")
        try await scenario.git("add", "README.md")
        try await scenario.git("commit", "-qam", "Quarterly reviews")

        let push = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(try await scenario.git("ls-tree", "HEAD", "check.sh").hasPrefix("100755 "))
        #expect(try await scenario.git("show", "HEAD:README.md") == "Our statements.\n")
        #expect(push.stdout.contains("pushed"))
        #expect(try scenario.remoteHTML(of: path).contains("Access is reviewed every quarter."))
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        #expect(try await scenario.manifestFileIsHEADs())
        let parents = try await scenario.git("rev-list", "--parents", "-n", "1", "HEAD").split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let mirror = try await scenario.git("rev-parse", "servicenow/main").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(parents.count == 3 && parents.contains(mirror))
        #expect(try await scenario.git("log", "-1", "--format=%B", "HEAD").contains("Grcsync-Sync: push"))
        let mirrored = try await scenario.git("show", "servicenow/main:\(path)")
        #expect(mirrored.contains("Access is reviewed every quarter."))
        let status = try await scenario.expectSuccess(scenario.grcsync("status"))
        #expect(status.stdout.contains("Nothing to push"))
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)
        let log = try await scenario.expectSuccess(scenario.grcsync("log", "--json"))
        #expect(log.stdout.contains("\"operation\" : \"push\""))
        #expect(log.stdout.contains("\"outcome\" : \"pushed\""), "the push's job record is shown")
        // Nothing left: a second push writes nothing.
        scenario.emulator.clearRequestLog()
        let again = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(again.stdout.contains("Nothing to push"))
        #expect(scenario.requests("PATCH").isEmpty)
    }

    @Test func aStatementChangedInServiceNowIsAConflictTheOthersArePushed() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        let (x, y, colleague) = try await colleagueAndWeEdit(scenario)

        let push = try await scenario.grcsync("push")
        #expect(push.status == 1, "\(push)")
        #expect(push.stdout.contains("conflict"))
        #expect(push.stdout.contains("grcsync pull"))
        #expect(try scenario.remoteHTML(of: y).contains("Ours on Y."))
        #expect(try scenario.remoteHTML(of: x) == colleague)
        #expect(try await scenario.git("show", "servicenow/main:\(x)").contains("Added by a colleague"))
        // The sync commit merged the push's mirror commit. The colleague's version is on a mirror commit
        // of its own above it, for the next pull to merge, built on the push's manifest: only X's line
        // differs.
        let pushCommit = try await scenario.git("rev-parse", "servicenow/main^").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await scenario.git("rev-parse", "HEAD^2").trimmingCharacters(in: .whitespacesAndNewlines) == pushCommit)
        #expect(try await scenario.gitResult("merge-base", "--is-ancestor", "servicenow/main", "HEAD").status == 1)
        let manifestChange = try await scenario.git("diff", "--numstat", "servicenow/main^", "servicenow/main", "--", ".grcsync/manifest.jsonl")
        #expect(manifestChange.trimmingCharacters(in: .whitespacesAndNewlines) == "1\t1\t.grcsync/manifest.jsonl")

        // Pull merges the colleague's paragraph with ours; push again finishes the job.
        try await scenario.expectSuccess(scenario.grcsync("pull"))
        let merged = try scenario.read(x)
        #expect(merged.contains("Ours on X.") && merged.contains("Added by a colleague"))
        let second = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(second.stdout.contains("pushed"))
        let remote = try scenario.remoteHTML(of: x)
        #expect(remote.contains("Ours on X.") && remote.contains("Added by a colleague"))
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
    }

    /// `--force` writes over a colleague's change, and keeps it: the overwritten version is a mirror commit
    /// of its own, under the push's.
    @Test func forceOverwritesAConflictAndKeepsWhatItOverwroteInTheMirror() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        let (x, y, _) = try await colleagueAndWeEdit(scenario)

        let push = try await scenario.expectSuccess(scenario.grcsync("push", "--force", "--json"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(push.stdout.utf8)) as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.map { $0["outcome"] as? String } == ["pushed", "pushed"], "\(push.stdout)")
        #expect(try scenario.remoteHTML(of: x).contains("Ours on X."))
        #expect(!(try scenario.remoteHTML(of: x).contains("Added by a colleague")))
        #expect(try scenario.remoteHTML(of: y).contains("Ours on Y."))
        // The mirror: the colleague's version, then ours above it, which the sync commit merged.
        #expect(try await scenario.git("log", "-1", "--format=%s", "servicenow/main^").contains("overwritten by push --force"))
        #expect(try await scenario.git("show", "servicenow/main^:\(x)").contains("Added by a colleague"))
        #expect(try await scenario.git("show", "servicenow/main:\(x)").contains("Ours on X."))
        let tip = try await scenario.git("rev-parse", "servicenow/main").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await scenario.git("rev-parse", "HEAD^2").trimmingCharacters(in: .whitespacesAndNewlines) == tip)
        // Each mirror commit changes the manifest only where its records changed.
        let overwritten = try await scenario.git("diff", "--numstat", "servicenow/main^^", "servicenow/main^", "--", ".grcsync/manifest.jsonl")
        #expect(overwritten.trimmingCharacters(in: .whitespacesAndNewlines) == "1\t1\t.grcsync/manifest.jsonl")
        let pushed = try await scenario.git("diff", "--numstat", "servicenow/main^", "servicenow/main", "--", ".grcsync/manifest.jsonl")
        #expect(pushed.trimmingCharacters(in: .whitespacesAndNewlines) == "2\t2\t.grcsync/manifest.jsonl")
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        #expect(try await scenario.expectSuccess(scenario.grcsync("status")).stdout.contains("Nothing to push"))
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)
    }

    @Test func faultsAreRetriedAndEveryStatementIsWrittenExactlyOnce() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await workspace(scenario, config: "concurrency: 2\n")
        let files = Array(try await scenario.statementFiles().prefix(6))
        for file in files { try edit(scenario, file, "Fault-tolerant edit.") }
        try await scenario.git("commit", "-qam", "Six edits")
        let faults = scenario.emulator.faults
        faults.add(.status(429, trigger: .next(3), retryAfter: 1, method: "PATCH"))
        faults.add(.status(503, trigger: .next(2), method: "PATCH"))
        faults.add(.dropConnection(trigger: .next(1), method: "GET"))
        scenario.emulator.clearRequestLog()

        let push = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(push.stdout.contains("6 pushed"), "\(push)")
        let counts = writes(scenario)
        #expect(counts.count == 6)
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(scenario.requests("PATCH").contains { $0.status == 429 })
        for file in files { #expect(try scenario.remoteHTML(of: file).contains("Fault-tolerant edit.")) }
    }

    @Test func aForbiddenRecordFailsAloneAndUnauthorizedStopsTheRest() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await workspace(scenario, config: "concurrency: 1\n")
        let files = Array(try await scenario.statementFiles().prefix(3))
        for file in files { try edit(scenario, file, "Needs approval.") }
        try await scenario.git("commit", "-qam", "Three edits")

        scenario.emulator.faults.add(.forbidWrites(sysIDs: [try scenario.sysID(of: files[1])]))
        let push = try await scenario.grcsync("push", "--json")
        #expect(push.status == 1, "\(push)")
        #expect(push.stdout.contains("\"outcome\" : \"failed\""))
        #expect(push.stdout.contains("403") || push.stdout.lowercased().contains("acl") || push.stdout.contains("Operation Failed"))
        #expect(!(try scenario.remoteHTML(of: files[1]).contains("Needs approval.")))
        #expect(try scenario.remoteHTML(of: files[0]).contains("Needs approval."))
        #expect(try scenario.remoteHTML(of: files[2]).contains("Needs approval."))
        scenario.emulator.faults.clear()

        // 401 on writes: nothing further is written, and the message says to check credentials.
        try edit(scenario, files[0], "Second round.")
        try edit(scenario, files[2], "Second round.")
        try await scenario.git("commit", "-qam", "More edits")
        scenario.emulator.faults.add(.status(401, trigger: .always, method: "PATCH"))
        scenario.emulator.clearRequestLog()
        let denied = try await scenario.grcsync("push")
        #expect(denied.status == 1, "\(denied)")
        #expect(denied.stdout.contains("GRCSYNC_PASSWORD") || denied.stdout.lowercased().contains("credentials"))
        #expect(scenario.requests("PATCH").count == 1)
        #expect(denied.stdout.contains("skipped"))
    }

    @Test func aConcurrentWriteBetweenCheckAndWriteIsReportedAsARace() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await workspace(scenario, config: "concurrency: 1\n")
        let files = Array(try await scenario.statementFiles().prefix(4))
        for file in files { try edit(scenario, file, "Racing.") }
        try await scenario.git("commit", "-qam", "Four edits")
        for file in files {
            scenario.emulator.faults.add(.concurrentEdit(afterWrites: 3, sysID: try scenario.sysID(of: file), fields: ["description": "touched"], as: "alice"))
        }
        let push = try await scenario.grcsync("push", "--json")
        #expect(push.status == 1, "\(push)")
        #expect(push.stdout.components(separatedBy: "\"outcome\" : \"race\"").count == 2)
        #expect(push.stdout.components(separatedBy: "\"outcome\" : \"pushed\"").count == 4)
    }

    @Test func theSanitisersVersionEndsUpInTheMirrorAndTheWorkTree() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await workspace(scenario)
        let path = try #require(try await scenario.statementFiles().first)
        try scenario.write(path, try scenario.read(path) + "\n<p>Safe text.<script>alert(1)</script></p>\n")
        try await scenario.git("commit", "-qam", "Add a script by mistake")
        let push = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(push.stdout.contains("altered"))
        #expect(!(try scenario.remoteHTML(of: path).contains("<script")))
        #expect(!(try scenario.read(path).contains("<script")))
        #expect(try scenario.read(path).contains("Safe text."))
        #expect(!(try await scenario.git("show", "servicenow/main:\(path)").contains("<script")))
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        let status = try await scenario.expectSuccess(scenario.grcsync("status"))
        #expect(status.stdout.contains("Nothing to push"))
    }

    @Test func aPushKilledMidwayIsFinishedByTheNextWithoutWritingTwice() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await workspace(scenario, config: "concurrency: 1\n")
        let files = Array(try await scenario.statementFiles().prefix(4))
        for file in files { try edit(scenario, file, "Interrupted.") }
        try await scenario.git("commit", "-qam", "Four edits")
        scenario.emulator.clearRequestLog()

        let killed = try await scenario.grcsync("push", environment: ["GRCSYNC_TEST_EXIT_AFTER_WRITES": "2"])
        #expect(killed.status == 137, "\(killed)")
        #expect(writes(scenario).count == 2)
        let finished = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(finished.stdout.contains("interrupted"))
        let counts = writes(scenario)
        #expect(counts.count == 4)
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        #expect(try await scenario.expectSuccess(scenario.grcsync("status")).stdout.contains("Nothing to push"))
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)
        // The push went on from the recovery's mirror commit with the manifest the recovery handed back:
        // the mirror now names the versions ServiceNow holds of all four, so a pull finds nothing new.
        let pulled = try await scenario.expectSuccess(scenario.grcsync("pull", "--json"))
        let pull = try #require(try JSONSerialization.jsonObject(with: Data(pulled.stdout.utf8)) as? [String: Any])
        #expect(pull["mirror_commit"] is NSNull || pull["mirror_commit"] == nil, "\(pulled.stdout)")
        #expect((pull["changes"] as? [Any])?.isEmpty == true)
    }

    @Test func writesStartWhileLaterBatchesAreCheckedAndAKillThenIsRecovered() async throws {
        let scenario = try await Scenario(seed: .demo(baseline: .low, systems: 2))
        defer { Task { await scenario.stop() } }
        try await workspace(scenario, config: "concurrency: 2\n")
        let files = Array(try await scenario.statementFiles().prefix(250))
        try #require(files.count == 250)
        for file in files { try edit(scenario, file, "Overlapped.") }
        try await scenario.git("commit", "-qam", "250 edits")
        scenario.emulator.clearRequestLog()
        // Three check batches (100, 100, 50): the third is answered a second late, so writes cleared by
        // the first two are under way before the check is over.
        scenario.emulator.faults.add(
            .latency(milliseconds: 1_000, trigger: .next(1), method: "GET", path: "/api/now/table/").skipping(2))

        let killed = try await scenario.grcsync("push", environment: ["GRCSYNC_TEST_EXIT_AFTER_WRITES": "3"])
        #expect(killed.status == 137, "\(killed)")
        // The third answer ends the process; a write the client had already sent may still land (it is
        // counted once the emulator has answered it, or the recovery would find one more than counted).
        let landed = try await settledWrites(scenario).count
        #expect(landed >= 3 && landed <= 4)
        let journal = try JSONSerialization.jsonObject(
            with: Data(contentsOf: scenario.workspace.appendingPathComponent(".git/grcsync/push-journal.json"))) as? [String: Any]
        let journaled = try #require(journal?["entries"] as? [[String: Any]]).count
        #expect(journaled >= 100 && journaled < 250, "the journal names the batches cleared so far, not the unchecked one")
        #expect(landed <= journaled)

        scenario.emulator.faults.clear()
        let finished = try await scenario.expectSuccess(scenario.grcsync("push", "--json"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(finished.stdout.utf8)) as? [String: Any])
        #expect(report["recovered"] as? Int == landed)
        let counts = writes(scenario)
        #expect(counts.count == 250)
        #expect(counts.values.allSatisfy { $0 == 1 }, "no statement is written twice")
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        #expect(try await scenario.expectSuccess(scenario.grcsync("status")).stdout.contains("Nothing to push"))
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)
    }

    @Test func aCheckThatFailsAfterWritesBeganRecordsThemAndNamesTheRest() async throws {
        let scenario = try await Scenario(seed: .demo(baseline: .low, systems: 2))
        defer { Task { await scenario.stop() } }
        try await workspace(scenario, config: "concurrency: 1\n")
        let files = Array(try await scenario.statementFiles().prefix(150))
        for file in files { try edit(scenario, file, "Half checked.") }
        try await scenario.git("commit", "-qam", "150 edits")
        scenario.emulator.clearRequestLog()
        // The first check batch is answered, the second refused (400 is not retried).
        scenario.emulator.faults.add(.status(400, trigger: .next(1), method: "GET", path: "/api/now/table/").skipping(1))

        let partial = try await scenario.grcsync("push", "--json")
        #expect(partial.status == 1, "\(partial)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(partial.stdout.utf8)) as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        let pushed = items.filter { $0["outcome"] as? String == "pushed" }
        let failed = items.filter { $0["outcome"] as? String == "failed" }
        #expect(pushed.count == 100 && failed.count == 50, "\(items.map { $0["outcome"] ?? "" })")
        #expect(failed.allSatisfy { ($0["detail"] as? String)?.contains("not checked, so not sent") == true })
        #expect(writes(scenario).count == 100)
        #expect(report["sync_commit"] is String, "the 100 written are recorded")
        #expect(!FileManager.default.fileExists(atPath: scenario.workspace.appendingPathComponent(".git/grcsync/push-journal.json").path))
        #expect(try await scenario.git("status", "--porcelain").isEmpty)

        let rest = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(rest.stdout.contains("pushed"))
        let counts = writes(scenario)
        #expect(counts.count == 150 && counts.values.allSatisfy { $0 == 1 })
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)
    }

    @Test func theCheckIsBatchedAndDryRunWritesNothing() async throws {
        let scenario = try await Scenario(seed: .demo(baseline: .low, systems: 2))
        defer { Task { await scenario.stop() } }
        try await workspace(scenario)
        let files = Array(try await scenario.statementFiles().prefix(150))
        for file in files { try edit(scenario, file, "Batched.") }
        try await scenario.git("commit", "-qam", "150 edits")
        try scenario.write(files[0], try scenario.read(files[0]) + "<p>not committed</p>\n")

        scenario.emulator.clearRequestLog()
        let dry = try await scenario.expectSuccess(scenario.grcsync("push", "--dry-run"))
        #expect(dry.stdout.contains("would-push"))
        #expect(dry.stdout.contains("+<p>") || dry.stdout.contains("Batched."))
        #expect(dry.stdout.contains("uncommitted"))
        #expect(scenario.requests("PATCH").isEmpty)
        #expect(scenario.requests("GET").filter { $0.query.contains("sys_idIN") }.count == 2)

        scenario.emulator.clearRequestLog()
        try await scenario.expectSuccess(scenario.grcsync("push", "--control", "AC-1"))
        let pushed = scenario.requests("PATCH").count
        #expect(pushed >= 1)
        #expect(pushed < 150)
        // The sync commit takes the mirror's version of what was pushed only: the other edits stay on the
        // branch, committed, and are what still differs from the mirror.
        let unpushed = try #require(files.first { !$0.hasSuffix("/AC-1.html") })
        #expect(try scenario.read(unpushed).contains("Batched."))
        let different = try await scenario.git("diff", "--name-only", "servicenow/main", "HEAD")
        #expect(different.split(separator: "\n").count == files.count - pushed)
        #expect(try await scenario.git("status", "--porcelain").contains(" M \(files[0])"), "the uncommitted edit is kept")
    }
}
