import Foundation
import GRCSyncTestSupport
import Testing

/// `grcsync demo` run as a newcomer would, checked with the real `git`: every step shows itself, and
/// the workspace it leaves behind is a consistent grcsync workspace.
@Suite(.serialized) struct DemoEndToEndTests {
    /// The commands each step shows, in order.
    static let stepCommands = [
        "$ grcsync init", "$ GRCSYNC_USERNAME=admin GRCSYNC_PASSWORD=admin grcsync pull", "$ $EDITOR statements/",
        "$ grcsync diff --committed --word", "in ServiceNow's form", "$ grcsync status --remote", "$ grcsync pull\n",
        "git add statements/", "$ grcsync push", "$ git log --graph --oneline --all",
    ]

    private func demo(_ arguments: [String], home: TestEnvironment, in directory: URL, extra: [String: String] = [:]) async throws
        -> ProcessResult
    {
        guard let binary = BuiltProducts.executable("grcsync") else {
            throw TestFailure("the grcsync executable was not built next to the tests: run 'swift build' first")
        }
        return try await ProcessResult.run(binary, ["demo"] + arguments, in: directory, environment: home.variables(extra))
    }

    @Test func theDemoRunsEveryStepAndLeavesAConsistentWorkspace() async throws {
        let environment = try TestEnvironment()
        let folder = try TemporaryDirectory("grcsync-demo-e2e")
        let workspace = folder.appending("ws")
        let result = try await demo(["--directory", workspace.path], home: environment, in: folder.url)
        #expect(result.status == 0, "\(result)")
        var position = result.stdout.startIndex
        for (index, command) in Self.stepCommands.enumerated() {
            let heading = "[\(index + 1)/\(Self.stepCommands.count)]"
            guard let step = result.stdout.range(of: heading, range: position..<result.stdout.endIndex),
                let shown = result.stdout.range(of: command, range: step.upperBound..<result.stdout.endIndex)
            else {
                Issue.record("step \(heading) with \(command) missing or out of order:\n\(result.stdout)")
                return
            }
            position = shown.upperBound
        }
        #expect(result.stdout.contains("<<<<<<< HEAD") && result.stdout.contains(">>>>>>> ServiceNow"))
        #expect(result.stdout.contains("1 pushed"))
        #expect(result.stdout.contains("now has both sentences"))
        #expect(result.stdout.contains(workspace.path))
        #expect(result.stdout.contains("git log --graph --oneline --all"))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        // The built grcsync is not on the test's PATH: the closing advice starts with an alias for it.
        let binary = try #require(BuiltProducts.executable("grcsync")).resolvingSymlinksInPath().path
        #expect(result.stdout.contains("    alias grcsync='\(binary)'"), "\(result.stdout)")
        #expect(result.stdout.contains("scripts/install.sh"))

        func git(_ arguments: String...) async throws -> String {
            let run = try await ProcessResult.run(
                URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: workspace, environment: environment.variables())
            #expect(run.status == 0, "git \(arguments.joined(separator: " ")): \(run)")
            return run.stdout
        }
        #expect(try await git("status", "--porcelain").isEmpty)
        _ = try await git("fsck", "--strict")
        let mirror = try await git("rev-parse", "--verify", "refs/remotes/servicenow/main").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await git("log", "-1", "--format=%B", "HEAD").contains("Grcsync-Sync: push"))
        #expect(try await git("rev-list", "--parents", "-n", "1", "HEAD").contains(mirror))
        // The conflict's resolution is a merge of the mirror, with your sentence and the colleague's.
        let merges = try await git("log", "--merges", "--format=%H %s", "HEAD").split(separator: "\n")
        #expect(merges.count == 2, "\(merges)")
        let resolution = try #require(merges.last.map { String($0.prefix(40)) })
        let touched = try await git("diff", "--name-only", "\(resolution)^1", resolution)
        #expect(touched.contains("statements/"))
        let log = try await git("log", "-p", "--format=%s", "HEAD")
        #expect(log.contains("Accounts are reviewed every quarter") && log.contains("Privileged accounts are reviewed every month"))
        #expect(try await git("config", "user.name").contains(environment.userName))

        // Step 10 draws the history as `git log --graph --oneline --all` does: the same rows, in the same
        // order, with the same lanes (git pads a merge's row and writes no reference names into a pipe).
        let shown = result.stdout.components(separatedBy: "$ git log --graph --oneline --all\n").last?
            .components(separatedBy: "\n\n").first ?? ""
        let drawnByGit = try await git("log", "--graph", "--oneline", "--all", "--no-decorate")
        #expect(Self.graphRows(shown) == Self.graphRows(drawnByGit), "\(shown)\n---\n\(drawnByGit)")
    }

    /// A graph's rows without indentation, reference names or padding, for comparing two drawings.
    private static func graphRows(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            line.replacing(#/ \([^)]*\)/#, with: "").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
    }

    @Test func aSecondRunReplacesThePreviousDemoButNeverAnotherFolder() async throws {
        let environment = try TestEnvironment()
        let folder = try TemporaryDirectory("grcsync-demo-e2e")
        let other = folder.appending("mine")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let refused = try await demo(["--directory", "mine"], home: environment, in: folder.url)
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.stderr.contains("is not a previous grcsync demo workspace"))
        #expect(FileManager.default.fileExists(atPath: other.appendingPathComponent("notes.txt").path))

        // The default folder, twice: the second run replaces the first.
        let first = try await demo([], home: environment, in: folder.url)
        #expect(first.status == 0, "\(first)")
        let second = try await demo([], home: environment, in: folder.url)
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.contains("Replacing the previous demo workspace"))
        #expect(FileManager.default.fileExists(atPath: folder.appending("grcsync-demo/config.yaml").path))
    }

    @Test func withoutAGitIdentityTheDemoSetsOneInItsOwnRepositoryOnly() async throws {
        let environment = try TestEnvironment()
        let emptyHome = try TemporaryDirectory("grcsync-empty-home")
        let folder = try TemporaryDirectory("grcsync-demo-e2e")
        let result = try await demo(["--directory", "ws"], home: environment, in: folder.url, extra: ["HOME": emptyHome.url.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Demo User"))
        let config = try String(contentsOf: folder.appending("ws/.git/config"), encoding: .utf8)
        #expect(config.contains("name = Demo User"))
        // Global Git config untouched. (Foundation leaves empty cache folders in $HOME; they hold nothing.)
        for global in [".gitconfig", ".config/git/config"] {
            #expect(!FileManager.default.fileExists(atPath: emptyHome.appending(global).path), "\(global) was written")
        }
    }
}
