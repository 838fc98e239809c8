import Foundation
import GRCSyncTestSupport
import ServiceNowEmulator
import Testing

/// `init`, `pull`, `status` against the emulator over loopback, checked with the real `git`.
@Suite(.serialized) struct PullEndToEndTests {
    @Test func firstPullWritesOneFilePerRecordAndASecondPullWritesNothing() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()

        let records = scenario.emulator.store.count(in: Scenario.table)
        #expect(records > 100)
        #expect(try await scenario.statementFiles().count == records)
        #expect(try scenario.manifest().count == records)
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        #expect(try await scenario.manifestFileIsHEADs())
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)
        let mirror = try await scenario.git("rev-parse", "servicenow/main")
        let head = try await scenario.git("rev-parse", "HEAD")

        let again = try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(again.stdout.contains("no changes"))
        #expect(try await scenario.git("rev-parse", "servicenow/main") == mirror)
        #expect(try await scenario.git("rev-parse", "HEAD") == head)
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        let status = try await scenario.expectSuccess(scenario.grcsync("status", "--json"))
        #expect(status.stdout.contains("\"items\" : [\n\n  ]") || status.stdout.contains("\"items\" : []"))
    }

    @Test func pullMakesListingPagesPlusBatchedContentRequestsNeverOnePerRecord() async throws {
        let scenario = try await Scenario(seed: .demo(baseline: .low, systems: 2))
        defer { Task { await scenario.stop() } }
        try FileManager.default.createDirectory(at: scenario.workspace, withIntermediateDirectories: true)
        try await scenario.expectSuccess(scenario.grcsync("init", ".", "--instance", scenario.emulator.baseURL.absoluteString))
        let config = try scenario.read("config.yaml")
        try scenario.write("config.yaml", config + "page_size: 100\n")
        try await scenario.git("commit", "-qam", "page size 100")
        scenario.emulator.clearRequestLog()
        try await scenario.expectSuccess(scenario.grcsync("pull"))

        let records = scenario.emulator.store.count(in: Scenario.table)
        let gets = scenario.requests("GET", pathContains: Scenario.table)
        let content = gets.filter { $0.query.contains("sys_idIN") }
        let listing = gets.filter { !$0.query.contains("sys_idIN") }
        #expect(listing.count == (records + 99) / 100)
        #expect(content.count == (records + 99) / 100)
        #expect(gets.count == listing.count + content.count)
        // Hundreds of new statements arrive as one pack, as from 'git fetch', not as loose object files;
        // what remains loose is the few trees, the manifest and the commits.
        let counts = try await scenario.git("count-objects", "-v")
        let blobs = Set(try await scenario.git("ls-tree", "-r", "HEAD", "statements").split(separator: "\n").map {
            $0.split(separator: " ")[2].prefix(40)
        })
        #expect(blobs.count > 100)
        #expect(counts.contains("packs: 1\n"))
        #expect(counts.contains("in-pack: \(blobs.count)\n"))
        #expect(try await scenario.gitResult("fsck", "--strict", "--no-dangling").status == 0)
        #expect(!FileManager.default.fileExists(atPath: scenario.workspace.appendingPathComponent(".git/grcsync/pack.spool").path))
        // A pull with nothing new lists again and fetches nothing.
        scenario.emulator.clearRequestLog()
        try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(scenario.requests("GET").filter { $0.query.contains("sys_idIN") }.isEmpty)
    }

    /// A colleague's push reaches this clone through `git pull` only: the mirror ref catches up with the
    /// newer mirror commit in the branch's history, also after an earlier search was recorded (which
    /// spares later commands reading the whole branch again).
    @Test func aMirrorCommitPulledWithGitIsFoundAfterAnEarlierSearchWasRecorded() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        try await scenario.git("config", "user.name", "Alice")
        try await scenario.git("config", "user.email", "alice@example.org")
        let forge = try await Forge(scenario)
        let bob = try await forge.clone("Bob", email: "bob@example.org")
        // Bob's clone has no mirror ref: it is found in the branch's history.
        try await scenario.expectSuccess(scenario.grcsync("status", in: bob))
        let before = try await forge.git("rev-parse", "servicenow/main", in: bob)
        #expect(before == (try await scenario.git("rev-parse", "servicenow/main")))
        // Bob commits on his own; his next command searches his branch and records where it stopped.
        try Data("notes\n".utf8).write(to: bob.appendingPathComponent("NOTES.md"))
        try await forge.git("add", "NOTES.md", in: bob)
        try await forge.git("commit", "-qm", "notes", in: bob)
        try await scenario.expectSuccess(scenario.grcsync("status", in: bob))
        let record = bob.appendingPathComponent(".git/grcsync/mirror-searched")
        let searched = try String(contentsOf: record, encoding: .utf8)
        #expect(searched.hasPrefix(before.trimmingCharacters(in: .whitespacesAndNewlines) + " "))

        // Alice pushes; Bob merges her branch with git alone.
        let file = try #require(try await scenario.statementFiles().first)
        try scenario.write(file, try scenario.read(file) + "<p>Alice's addition.</p>\n")
        try await scenario.git("commit", "-qam", "Alice's edit")
        try await scenario.expectSuccess(scenario.grcsync("push"))
        try await scenario.git("push", "-q", "origin", "main")
        try await forge.git("pull", "-q", "--no-rebase", "--no-edit", "origin", "main", in: bob)

        try await scenario.expectSuccess(scenario.grcsync("status", in: bob))
        #expect(try await forge.git("rev-parse", "servicenow/main", in: bob) == (try await scenario.git("rev-parse", "servicenow/main")))
        #expect(try await forge.git("rev-parse", "servicenow/main", in: bob) != before)
        // A record naming a commit that no longer exists is ignored, not trusted.
        try Data("\(before.trimmingCharacters(in: .whitespacesAndNewlines)) \(String(repeating: "0", count: 40)) x\n".utf8).write(to: record)
        try await scenario.expectSuccess(scenario.grcsync("status", in: bob))
    }

    @Test func colleagueEditFastForwardsAndNonOverlappingLocalEditMergesCleanly() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let (path, _) = try await multiParagraphStatement(scenario)

        // A colleague edits in ServiceNow; we have no local commits: fast-forward.
        let first = try scenario.remoteHTML(of: path)
        try scenario.colleagueEdits(path, html: replacingLastParagraphText(first, with: "Reviewed quarterly by the ISSO."))
        try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(try await scenario.git("rev-parse", "HEAD") == scenario.git("rev-parse", "servicenow/main"))
        #expect(try scenario.read(path).contains("Reviewed quarterly by the ISSO."))
        #expect(try await scenario.manifestFileIsHEADs())

        // We edit the first paragraph and commit; the colleague edits the last: a clean merge.
        let local = try scenario.read(path).replacingOccurrences(of: "<p><strong>Part a.</strong>", with: "<p><strong>Part a.</strong> LOCAL EDIT.")
        try scenario.write(path, local)
        try await scenario.git("commit", "-qam", "Edit part a")
        try scenario.colleagueEdits(path, html: replacingLastParagraphText(try scenario.remoteHTML(of: path), with: "Reviewed monthly."), as: "bob")
        let pull = try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(pull.stdout.contains("Merged servicenow/main"))
        let parents = try await scenario.git("rev-list", "--parents", "-n", "1", "HEAD").split(separator: " ")
        #expect(parents.count == 3)
        let merged = try scenario.read(path)
        #expect(merged.contains("LOCAL EDIT."))
        #expect(merged.contains("Reviewed monthly."))
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
        #expect(try await scenario.manifestFileIsHEADs())
        let status = try await scenario.expectSuccess(scenario.grcsync("status"))
        #expect(status.stdout.contains("modified"))
        #expect(status.stdout.contains(path))
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)
    }

    @Test func overlappingEditsConflictAndPlainGitFinishesTheMerge() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let (path, _) = try await multiParagraphStatement(scenario)

        try scenario.write(path, try scenario.read(path).replacingOccurrences(of: "<p><strong>Part a.</strong>", with: "<p><strong>Part a.</strong> OURS."))
        try await scenario.git("commit", "-qam", "Our edit of part a")
        let remote = try scenario.remoteHTML(of: path).replacingOccurrences(of: "<p><strong>Part a.</strong>", with: "<p><strong>Part a.</strong> THEIRS.")
        try scenario.colleagueEdits(path, html: remote)

        let pull = try await scenario.grcsync("pull")
        #expect(pull.status == 2, "\(pull)")
        #expect(pull.stdout.contains(path))
        let conflicted = try scenario.read(path)
        #expect(conflicted.contains("<<<<<<< HEAD"))
        #expect(conflicted.contains(">>>>>>> ServiceNow"))
        #expect(try await scenario.git("status", "--porcelain").contains("UU \(path)"))
        let status = try await scenario.grcsync("status", "--json")
        #expect(status.stdout.contains("\"conflicted\""))
        #expect(try await scenario.grcsync("pull").status == 3)

        // Resolve with plain git: keep both sentences.
        let resolved = conflicted.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.hasPrefix("<<<<<<<") && !$0.hasPrefix("=======") && !$0.hasPrefix(">>>>>>>")
        }.joined(separator: "\n")
        try scenario.write(path, resolved)
        try await scenario.git("add", path)
        try await scenario.git("commit", "-q", "--no-edit")
        let after = try await scenario.expectSuccess(scenario.grcsync("status", "--json"))
        #expect(after.stdout.contains("\"state\" : \"modified\""))
        #expect(after.stdout.contains(path))
        #expect(!after.stdout.contains("\"conflicted\""))
    }

    @Test func remoteDeletionRemovesTheFileAndHostileNamesStayInsideStatements() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        let store = scenario.emulator.store
        let profile = try store.insert(table: "sn_grc_profile", fields: ["name": "../../outside"])
        for reference in ["../../../etc/passwd", "AC-99", "ac-99", "CON", ".hidden", "a/b\\c\u{7}"] {
            try store.insert(
                table: Scenario.table,
                fields: ["reference": reference, "name": "Hostile", "profile": profile["sys_id"] ?? "", "state": "draft",
                         "implementation_statement": "<p>x</p>"])
        }
        try await scenario.initAndPull()
        let files = try await scenario.git("ls-files").split(separator: "\n").map(String.init)
        for file in files {
            #expect(file == "config.yaml" || file == ".grcsync/manifest.jsonl" || file.hasPrefix("statements/"), "\(file)")
            #expect(!file.split(separator: "/").contains(".."), "\(file)")
        }
        let hostile = files.filter { $0.contains("outside") }
        #expect(hostile.count == 6, "\(hostile)")
        #expect(Set(hostile.map { $0.lowercased() }).count == 6)
        #expect(try await scenario.gitResult("fsck", "--strict").status == 0)

        // Deleted in ServiceNow: gone from the mirror and the branch.
        let victim = try #require(try await scenario.statementFiles().first { !$0.contains("outside") })
        try store.delete(table: Scenario.table, sysID: try scenario.sysID(of: victim))
        let pull = try await scenario.expectSuccess(scenario.grcsync("pull"))
        #expect(pull.stdout.contains("removed"))
        #expect(!FileManager.default.fileExists(atPath: scenario.workspace.appendingPathComponent(victim).path))
        #expect(try !scenario.manifest().contains { $0["path"] as? String == victim })
    }

    /// Names that are equal `String`s but different bytes (a precomposed é, and an e with a combining
    /// accent) are different names in ServiceNow: each record keeps its own system and title, and each
    /// system its own folder.
    @Test func systemsSpeltWithDifferentBytesKeepTheirOwnNamesAndFolders() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        let store = scenario.emulator.store
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        for name in [composed, decomposed] {
            let profile = try store.insert(table: "sn_grc_profile", fields: ["name": name])
            try store.insert(
                table: Scenario.table,
                fields: ["reference": "AC-1", "name": "\(name) access control policy", "profile": profile["sys_id"] ?? "", "state": "draft",
                         "implementation_statement": "<p>\(name)</p>"])
        }
        try await scenario.initAndPull()
        let files = try await scenario.statementFiles()
        #expect(files.contains("statements/Caf_/AC-1.html"), "\(files)")
        #expect(files.contains("statements/Cafe_/AC-1.html"), "\(files)")
        for (folder, name) in [("Caf_", composed), ("Cafe_", decomposed)] {
            let entry = try #require(try scenario.manifest().first { ($0["path"] as? String)?.hasPrefix("statements/\(folder)/") == true })
            #expect((entry["system"] as? String)?.utf8.elementsEqual(name.utf8) == true, "\(folder): \(entry)")
            #expect((entry["title"] as? String)?.utf8.elementsEqual("\(name) access control policy".utf8) == true, "\(folder): \(entry)")
        }
    }

    /// A statement whose file has at least two paragraphs, and its laid-out text.
    private func multiParagraphStatement(_ scenario: Scenario) async throws -> (String, String) {
        for path in try await scenario.statementFiles() {
            let text = try scenario.read(path)
            if text.components(separatedBy: "<p>").count >= 3, text.contains("<p><strong>Part a.</strong>") { return (path, text) }
        }
        throw TestFailure("no statement with two paragraphs in the seed")
    }

    private func replacingLastParagraphText(_ html: String, with text: String) -> String {
        guard let start = html.range(of: "<p>", options: .backwards), let end = html.range(of: "</p>", options: .backwards) else {
            return html + "<p>\(text)</p>"
        }
        return html.replacingCharacters(in: start.upperBound..<end.lowerBound, with: text)
    }
}
