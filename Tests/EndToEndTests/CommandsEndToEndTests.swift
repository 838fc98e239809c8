import Foundation
import GRCSyncTestSupport
import ServiceNowEmulator
import Testing

/// `doctor`, `diff`, `status --remote`, `resolve` and a committed `git mv`, end to end.
@Suite(.serialized) struct CommandsEndToEndTests {
    private func edit(_ scenario: Scenario, _ path: String, _ sentence: String) throws {
        let text = try scenario.read(path)
        guard let end = text.range(of: "</p>") else { throw TestFailure("\(path) has no paragraph") }
        try scenario.write(path, text.replacingCharacters(in: end, with: " \(sentence)</p>"))
    }

    @Test func doctorReportsEachCheck() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let good = try await scenario.grcsync("doctor")
        #expect(good.status == 0, "\(good)")
        for check in ["config.yaml", "credentials", "instance", "table", "fields", "rate limit"] {
            #expect(good.stdout.contains("pass  \(check)"), "\(check): \(good.stdout)")
        }
        let wrong = try await scenario.grcsync("doctor", environment: ["GRCSYNC_PASSWORD": "nope"])
        #expect(wrong.status == 4, "\(wrong)")
        #expect(wrong.stdout.contains("FAIL  credentials"))
        try scenario.write("config.yaml", try scenario.read("config.yaml") + "statement_field: u_no_such_field\n")
        let field = try await scenario.grcsync("doctor")
        #expect(field.status != 0)
        #expect(field.stdout.contains("FAIL  fields"))
        #expect(field.stdout.contains("u_no_such_field"))
    }

    @Test func diffShowsWhatGitDiffAgainstTheMirrorShows() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let path = try #require(try await scenario.statementFiles().first)
        try edit(scenario, path, "A newly documented safeguard.")
        let ours = try await scenario.expectSuccess(scenario.grcsync("diff")).stdout
        let git = try await scenario.git("diff", "servicenow/main", "--", "statements/")
        let changedLines: (String) -> [String] = { text in
            text.split(separator: "\n").map(String.init).filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        }
        #expect(!changedLines(ours).isEmpty)
        #expect(changedLines(ours) == changedLines(git))
        let word = try await scenario.expectSuccess(scenario.grcsync("diff", "--word")).stdout
        #expect(word.contains("{+") && word.contains("A newly documented safeguard."), "\(word)")
        #expect(word.split(separator: "\n").count <= 3, "only the changed lines: \(word)")
        #expect(try await scenario.expectSuccess(scenario.grcsync("diff", "--committed")).stdout.isEmpty)
    }

    @Test func statusRemoteSeesAColleaguesChangeAndResolveTheirsSettlesAConflict() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let path = try #require(try await scenario.statementFiles().first)
        try edit(scenario, path, "Ours.")
        try await scenario.git("commit", "-qam", "Ours")
        let theirs = try scenario.remoteHTML(of: path).replacingOccurrences(of: "</p>", with: " Theirs.</p>")
        try scenario.colleagueEdits(path, html: theirs, as: "bob")

        let offline = try await scenario.expectSuccess(scenario.grcsync("status", "--json"))
        #expect(!offline.stdout.contains("remote-changed"))
        let remote = try await scenario.expectSuccess(scenario.grcsync("status", "--remote"))
        #expect(remote.stdout.contains("remote-changed"))
        #expect(remote.stdout.contains("by bob"))

        let pull = try await scenario.grcsync("pull")
        #expect(pull.status == 2, "\(pull)")
        let resolved = try await scenario.expectSuccess(scenario.grcsync("resolve", "--theirs", path))
        #expect(resolved.stdout.contains("resolved (theirs)"))
        try await scenario.git("commit", "-q", "--no-edit")
        #expect(try scenario.read(path).contains("Theirs."))
        #expect(!(try scenario.read(path).contains("Ours.")))
        #expect(try await scenario.expectSuccess(scenario.grcsync("status")).stdout.contains("Nothing to push"))
        let notConflicted = try await scenario.grcsync("resolve", "--ours", path)
        #expect(notConflicted.status == 3)
    }

    @Test func aCommittedMoveIsCarriedIntoTheMirrorAndNewOrDeletedFilesAreRefused() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let files = try await scenario.statementFiles()
        let moved = files[0].replacingOccurrences(of: ".html", with: "-renamed.html")
        try await scenario.git("mv", files[0], moved)
        try await scenario.git("rm", "-q", files[1])
        try scenario.write("statements/new-control.html", "<p>New.</p>\n")
        try await scenario.git("add", "statements/new-control.html")
        try await scenario.git("commit", "-qm", "Move, delete, add")
        scenario.emulator.clearRequestLog()

        let push = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(push.stdout.contains("not pushed: \(files[1])"))
        #expect(push.stdout.contains("not pushed: statements/new-control.html"))
        #expect(scenario.requests("PATCH").isEmpty)
        #expect(scenario.emulator.store.count(in: Scenario.table) == files.count)
        #expect(try await scenario.git("ls-tree", "-r", "--name-only", "servicenow/main").contains(moved))
        #expect(try scenario.manifest().contains { $0["path"] as? String == moved })
    }
}
