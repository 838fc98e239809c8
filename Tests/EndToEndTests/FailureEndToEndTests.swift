import Foundation
import GRCSyncTestSupport
import ServiceNowEmulator
import Testing

/// Each way a pull can fail before it starts says so clearly, exits non-zero, and leaves the
/// repository exactly as it was.
@Suite(.serialized) struct FailureEndToEndTests {
    /// HEAD, the mirror, and `git status`, to compare before and after.
    private func snapshot(_ scenario: Scenario) async throws -> [String] {
        [
            try await scenario.git("rev-parse", "HEAD"),
            (try? await scenario.git("rev-parse", "--verify", "-q", "servicenow/main")) ?? "",
            try await scenario.git("status", "--porcelain"),
        ]
    }

    @Test func initWithoutAGitIdentityLeavesNothingBehind() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        // A home whose Git configuration has no user.name or user.email.
        try Data("[init]\n\tdefaultBranch = main\n".utf8).write(to: scenario.environment.home.appending(".gitconfig"))
        let instance = scenario.emulator.baseURL.absoluteString
        let existing = scenario.folder.appending("existing")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        for (target, existed) in [(scenario.workspace, false), (existing, true)] {
            let result = try await scenario.grcsync("init", target.path, "--instance", instance, in: scenario.folder.url)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.contains("Git does not know who you are"), "\(result)")
            #expect(result.stderr.contains("git config --global user.name"), "\(result)")
            #expect(FileManager.default.fileExists(atPath: target.path) == existed, "\(target.path)")
            if existed {
                #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty, "init left files in \(target.path)")
            }
        }
    }

    @Test func initFailingAfterWritingPutsConfigAndIndexBack() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        let repository = scenario.workspace
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try await scenario.environment.git("init", "-q", "-b", "main", in: repository)
        try Data("notes\n".utf8).write(to: repository.appendingPathComponent("README.md"))
        try await scenario.environment.git("add", "README.md", in: repository)
        try await scenario.environment.git("commit", "-qm", "Start", in: repository)
        let index = try Data(contentsOf: repository.appendingPathComponent(".git/index"))
        // Git's own lock on the branch: the commit init makes cannot move it, after config.yaml is written.
        let lock = repository.appendingPathComponent(".git/refs/heads/main.lock")
        try Data().write(to: lock)
        let result = try await scenario.grcsync("init", ".", "--instance", scenario.emulator.baseURL.absoluteString)
        #expect(result.status != 0, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("config.yaml").path))
        #expect(try Data(contentsOf: repository.appendingPathComponent(".git/index")) == index)
        try FileManager.default.removeItem(at: lock)
        #expect(try await scenario.environment.gitOutput("status", "--porcelain", in: repository).isEmpty)
        #expect(try await scenario.environment.gitOutput("log", "--format=%s", in: repository) == "Start\n")
    }

    @Test func badConfigNamesTheKeyAndLine() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        try scenario.write("config.yaml", try scenario.read("config.yaml") + "pagesize: 10\n")
        let before = try await snapshot(scenario)
        let result = try await scenario.grcsync("pull")
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("config.yaml:"))
        #expect(result.stderr.contains("pagesize"))
        #expect(result.stderr.contains("page_size"))
        #expect(try await snapshot(scenario) == before)
    }

    @Test func missingAndWrongCredentialsSayWhatToSet() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let before = try await snapshot(scenario)

        let missing = try await scenario.grcsync("pull", environment: ["GRCSYNC_USERNAME": "", "GRCSYNC_PASSWORD": ""])
        #expect(missing.status == 4, "\(missing)")
        #expect(missing.stderr.contains("GRCSYNC_PASSWORD"))

        let wrong = try await scenario.grcsync("pull", environment: ["GRCSYNC_PASSWORD": "not-the-password"])
        #expect(wrong.status == 4, "\(wrong)")
        #expect(wrong.stderr.contains("401") || wrong.stderr.lowercased().contains("credentials"))
        #expect(!wrong.stderr.contains("not-the-password"))
        #expect(try await snapshot(scenario) == before)
    }

    @Test func unreachableAndAsleepInstancesAreNamed() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        try await scenario.initAndPull()
        let config = try scenario.read("config.yaml")
        try scenario.write("config.yaml", config + "retries: 2\ntimeout_seconds: 5\n")
        try await scenario.git("commit", "-qam", "fewer retries")
        let before = try await snapshot(scenario)

        scenario.emulator.faults.add(.status(503, trigger: .always))
        let asleep = try await scenario.grcsync("pull")
        #expect(asleep.status == 5, "\(asleep)")
        #expect(asleep.stderr.lowercased().contains("asleep") || asleep.stderr.lowercased().contains("hibernat"))
        scenario.emulator.faults.clear()

        try scenario.write("config.yaml", try scenario.read("config.yaml").replacingOccurrences(
            of: scenario.emulator.baseURL.absoluteString, with: "http://127.0.0.1:9"))
        let unreachable = try await scenario.grcsync("pull")
        #expect(unreachable.status == 5, "\(unreachable)")
        #expect(unreachable.stderr.contains("127.0.0.1:9") || unreachable.stderr.lowercased().contains("reach") || unreachable.stderr.lowercased().contains("connect"))
        try await scenario.git("checkout", "config.yaml")
        #expect(try await snapshot(scenario) == before)
    }

    @Test func notAWorkspaceAndUncommittedEditsInTheWayAreRefused() async throws {
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        let outside = try await scenario.grcsync("status", in: scenario.folder.url)
        #expect(outside.status == 3)
        #expect(outside.stderr.contains("grcsync init"))

        try await scenario.initAndPull()
        let path = try #require(try await scenario.statementFiles().first)
        try scenario.write(path, try scenario.read(path) + "<p>my unsaved thought</p>\n")
        try scenario.colleagueEdits(path, html: "<p>Rewritten in ServiceNow.</p>")
        let before = try await scenario.git("rev-parse", "HEAD")
        let result = try await scenario.grcsync("pull")
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains(path))
        #expect(try scenario.read(path).contains("my unsaved thought"))
        #expect(try await scenario.git("rev-parse", "HEAD") == before)
        // The remote change is safe in the mirror, and the next pull after committing merges it.
        #expect(try await scenario.git("show", "servicenow/main:\(path)").contains("Rewritten in ServiceNow."))
    }
}
