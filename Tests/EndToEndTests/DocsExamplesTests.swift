import Foundation
import GRCSync
import GRCSyncTestSupport
import Testing
import Yams

/// The shipped examples and the docs index, checked so they cannot rot: every example config parses,
/// the CI pipelines (read as YAML) run the commands the docs promise in the jobs and on the events they
/// promise, with the toolchain the project is tested with, the help's usage and examples name real
/// options, and docs/README.md links every page.
struct DocsExamplesTests {
    private let root = BuiltProducts.packageRoot

    /// The Swift the project is built and tested with (`swift --version`). The CI examples' image must be
    /// at least this: dependencies resolve afresh there (Package.resolved is not committed) and need it.
    static let testedSwift = [6, 3, 1]

    /// The Swift version of an official `swift:<version>-bookworm` image (Debian 12, which
    /// scripts/bootstrap.sh installs packages for), or nil for any other image.
    static func swiftImageVersion(_ image: String) -> [Int]? {
        guard let match = image.wholeMatch(of: /swift:(\d+(?:\.\d+)*)-bookworm/) else { return nil }
        return match.output.1.split(separator: ".").compactMap { Int($0) }
    }

    private func files(in folder: String, ending suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil
        ).filter { $0.lastPathComponent.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }

    @Test func everyExampleConfigParses() throws {
        let examples = try files(in: "examples", ending: ".yaml")
        #expect(examples.count >= 3)
        for example in examples {
            let text = try String(contentsOf: example, encoding: .utf8)
            do {
                _ = try Configuration.parse(text, file: "examples/\(example.lastPathComponent)")
            } catch {
                Issue.record("examples/\(example.lastPathComponent) does not parse: \(error)")
            }
        }
    }

    @Test func theExamplesShowWhatTheirNamesSay() throws {
        func parse(_ name: String) throws -> Configuration {
            try Configuration.parse(try String(contentsOf: root.appendingPathComponent("examples/\(name)"), encoding: .utf8))
        }
        let stock = try parse("config.stock-table.yaml")
        #expect(stock.table == Configuration.defaultTable && stock.statementField == Configuration.defaultStatementField)
        let custom = try parse("config.custom-u-field.yaml")
        #expect(custom.statementField.hasPrefix("u_") && custom.table.hasPrefix("u_"))
        let oauth = try parse("config.oauth.yaml")
        guard case .oauth(let clientID) = oauth.auth.method else {
            Issue.record("config.oauth.yaml does not sign in with OAuth")
            return
        }
        #expect(!clientID.isEmpty)
    }

    @Test func theCIPipelinesNameTheirSecretsAndExplainTheirToolchain() throws {
        for name in ["github-actions.yml", "gitlab-ci.yml"] {
            let text = try String(contentsOf: root.appendingPathComponent("examples/ci/\(name)"), encoding: .utf8)
            for word in ["GRCSYNC_USERNAME", "GRCSYNC_PASSWORD", "Package.resolved"] {
                #expect(text.contains(word), "examples/ci/\(name) lacks \(word)")
            }
            #expect(!text.contains("\t"), "examples/ci/\(name) has a tab (YAML forbids them)")
        }
    }

    @Test func theCIPipelinesBuildGrcsyncWithTheTestedToolchain() throws {
        let github = try CIFile(root, "github-actions.yml")
        let gitlab = try CIFile(root, "gitlab-ci.yml")
        let githubJobs = try #require(github.root["jobs"]?.mapping, "github-actions.yml has no jobs")
        var images = githubJobs.map { ("github-actions.yml, job \($0.key.text ?? "?")", $0.value["container"]) }
        var installs = githubJobs.map { job in
            ("github-actions.yml, job \(job.key.text ?? "?")", (job.value["steps"]?.items ?? []).compactMap { $0["run"]?.text })
        }
        for (name, job) in gitlab.gitlabJobs {
            images.append(("gitlab-ci.yml, job \(name)", job["image"] ?? gitlab.root["default"]?["image"]))
            installs.append(("gitlab-ci.yml, job \(name)", job["before_script"]?.lines ?? []))
        }
        #expect(images.count >= 4)
        for (job, image) in images {
            // A GitHub container may be a string or a mapping with `image`; GitLab's image likewise with `name`.
            let tag = image?.text ?? image?["image"]?.text ?? image?["name"]?.text
            let version = tag.flatMap(Self.swiftImageVersion)
            #expect(version.map { $0.lexicographicallyPrecedes(Self.testedSwift) } == false,
                    "\(job): image \(tag ?? "none") is not swift:<version>-bookworm at least \(Self.testedSwift)")
        }
        for (job, commands) in installs {
            let script = commands.joined(separator: "\n")
            // README: scripts/bootstrap.sh installs the Debian packages (libgit2-dev, libxml2-dev,
            // libcmark-gfm-dev, …), then SwiftPM builds the grcsync product.
            #expect(script.contains("scripts/bootstrap.sh && swift build -c release --product grcsync"),
                    "\(job) does not install the system packages and build grcsync")
            #expect(script.contains("/opt/grcsync/.build/release"), "\(job) does not put the built grcsync on PATH")
        }
    }

    @Test func theGitHubWorkflowPushesOnMainAndDryRunsOnPullRequests() throws {
        let file = try CIFile(root, "github-actions.yml")
        let on = try #require(file.root["on"], "no `on:` triggers")
        #expect(on["push"]?["branches"]?.items.compactMap(\.text).contains("main") == true, "not triggered on push to main")
        #expect(on["pull_request"] != nil, "not triggered on pull requests")
        let jobs = try #require(file.root["jobs"]?.mapping, "no jobs")

        // The job that writes: runs only on push (to main, above), pulls, pushes, then pushes the sync commit back.
        let pushJobs = jobs.filter { $0.value["if"]?.text?.contains("github.event_name == 'push'") == true }
        try #require(pushJobs.count == 1, "expected one job that runs on push, found \(pushJobs.count)")
        let push = pushJobs[0].value
        let pushSteps = push["steps"]?.items ?? []
        let runs = pushSteps.map { $0["run"]?.text ?? "" }
        let pull = runs.firstIndex { $0.contains("grcsync pull --json") }
        let write = runs.firstIndex { $0.contains("grcsync push --json") }
        let back = runs.firstIndex { $0.contains("git push origin main") }
        #expect(pull != nil && write != nil && back != nil, "the push job lacks grcsync pull --json, grcsync push --json or git push origin main")
        if let pull, let write, let back {
            #expect(pull < write && write < back, "the push job does not pull, push, then push the sync commit back, in that order")
            // It pushes the sync commit back even when some statements failed; `always()` keeps it out of
            // the skip that follows a failed step, and without continue-on-error its own failure fails the job.
            #expect(pushSteps[back]["if"]?.text?.contains("always()") == true, "the sync commit is not pushed back after a failed grcsync push")
        }
        #expect(push["permissions"]?["contents"]?.text == "write", "the push job cannot push the sync commit back")
        for (index, step) in pushSteps.enumerated() where step["run"] != nil {
            #expect(step["continue-on-error"]?.bool != true, "push job step \(index) does not fail the job when it fails")
        }
        #expect(push["continue-on-error"]?.bool != true, "the push job's failures do not fail the workflow")

        // The job that only shows: runs on pull requests and writes nothing.
        let checkJobs = jobs.filter { $0.value["if"]?.text?.contains("github.event_name == 'pull_request'") == true }
        try #require(checkJobs.count == 1, "expected one job that runs on pull requests, found \(checkJobs.count)")
        let check = (checkJobs[0].value["steps"]?.items ?? []).compactMap { $0["run"]?.text }
        #expect(check.contains { $0.contains("grcsync status --remote") }, "the pull request job does not run grcsync status --remote")
        #expect(check.contains { $0.contains("grcsync push --dry-run") }, "the pull request job does not run grcsync push --dry-run")
        #expect(!check.contains { $0.contains("grcsync push --json") || $0.contains("git push") }, "the pull request job writes")
    }

    @Test func theGitLabPipelinePushesOnTheDefaultBranchAndDryRunsOnMergeRequests() throws {
        let file = try CIFile(root, "gitlab-ci.yml")
        let jobs = file.gitlabJobs
        func runningOn(_ condition: String) -> [(name: String, job: Node)] {
            jobs.filter { $0.job["rules"]?.items.contains { $0["if"]?.text?.contains(condition) == true } == true }
        }

        // The job that writes: runs on the default branch after a merge.
        let pushJobs = runningOn("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
        try #require(pushJobs.count == 1, "expected one job on the default branch, found \(pushJobs.count)")
        let push = pushJobs[0].job
        let script = push["script"]?.lines ?? []
        let pull = script.firstIndex { $0.contains("grcsync pull --json") }
        let write = script.firstIndex { $0.contains("grcsync push --json") }
        let back = script.firstIndex { $0.contains("git push") && $0.contains("HEAD:${CI_DEFAULT_BRANCH}") }
        #expect(pull != nil && write != nil && back != nil,
                "the push job's script lacks grcsync pull --json, grcsync push --json or the git push of the sync commit")
        if let pull, let write, let back {
            #expect(pull < write && write < back, "the push job does not pull, push, then push the sync commit back, in that order")
            // The sync commit goes back even when some statements failed: push's status is kept
            // (`|| NAME=$?`) and is the job's at the very end, after the git push.
            let kept = script[write].firstMatch(of: /\|\|\s*(\w+)=\$\?\s*$/).map { String($0.output.1) }
            #expect(kept != nil, "a failed grcsync push stops the script before the sync commit is pushed back")
            if let kept {
                #expect(script.last == "exit \"$\(kept)\"", "the job does not end with grcsync push's exit status")
            }
        }
        #expect(push["allow_failure"]?.bool != true, "the push job's failures do not fail the pipeline")

        // The job that only shows: runs in merge request pipelines and writes nothing.
        let checkJobs = runningOn("$CI_PIPELINE_SOURCE == \"merge_request_event\"")
        try #require(checkJobs.count == 1, "expected one merge request job, found \(checkJobs.count)")
        let check = checkJobs[0].job["script"]?.lines ?? []
        #expect(check.contains { $0.contains("grcsync status --remote") }, "the merge request job does not run grcsync status --remote")
        #expect(check.contains { $0.contains("grcsync push --dry-run") }, "the merge request job does not run grcsync push --dry-run")
        #expect(!check.contains { $0.contains("grcsync push --json") || $0.contains("git push") }, "the merge request job writes")
        #expect(push["rules"]?.items.contains { $0["if"]?.text?.contains("merge_request_event") == true } == false,
                "the push job also runs in merge request pipelines")

        // GitLab ignores after_script's failures: nothing that must fail the job may live there, in a job,
        // a template it extends, `default:` or at the top level.
        var afterScripts = [("the top level", file.root["after_script"])]
        for entry in file.root.mapping ?? [:] {
            afterScripts.append(("`\(entry.key.text ?? "?")`", entry.value["after_script"]))
        }
        for (place, afterScript) in afterScripts {
            for line in afterScript?.lines ?? [] where line.contains("grcsync") || line.contains("git push") {
                Issue.record("gitlab-ci.yml: \(place) runs '\(line)' in after_script, where a failure does not fail the job")
            }
        }
    }

    @Test(arguments: [
        ("grcsync", ["resolve", "--help"],
         "USAGE: grcsync resolve [--directory <directory>] [--json] (--ours | --theirs) [<paths> ...]",
         "grcsync resolve --theirs statements/payments/AC-2.html && git commit --no-edit"),
        ("servicenow-emulator", ["--help"], "USAGE: servicenow-emulator ",
         "servicenow-emulator --port 8080 --baseline moderate --systems 3"),
    ])
    func theHelpShowsItsUsageAndExamplesWithRealOptions(
        executable: String, arguments: [String], usage: String, example: String
    ) async throws {
        let binary = try #require(BuiltProducts.executable(executable), "\(executable) was not built next to the tests: run 'swift build' first")
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "160"    // one line per usage and example, whatever the terminal
        let help = try await ProcessResult.run(binary, arguments, in: root, environment: environment)
        #expect(help.status == 0, "\(help)")
        let lines = help.stdout.split(separator: "\n").map(String.init)
        let usageLine = try #require(lines.first { $0.hasPrefix(usage) }, "no '\(usage)' in \(help.stdout)")
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == example }, "no example '\(example)' in \(help.stdout)")
        // Every option the usage and the examples give the command (not what follows `&&`, `|` or `;`)
        // is one it has.
        let examples = lines.drop { !$0.hasPrefix("Example") }.dropFirst().prefix { $0.hasPrefix("  ") }
        #expect(!examples.isEmpty, "no examples in \(help.stdout)")
        let optionsSection = try #require(help.stdout.range(of: "OPTIONS:").map { help.stdout[$0.upperBound...] })
        let options = Set(optionsSection.matches(of: /--[a-z][a-z-]*/).map { String($0.output) })
        let command = ([executable] + arguments.dropLast()).joined(separator: " ")
        for line in [usageLine] + examples {
            let invocation = line.split(separator: /&&|\||;/).first ?? ""
            for option in invocation.matches(of: /--[a-z][a-z-]*/).map({ String($0.output) }) {
                #expect(options.contains(option), "'\(line)' names \(option), which \(command) has not")
            }
        }
    }

    @Test func theDocsIndexLinksEveryPage() throws {
        let index = try String(contentsOf: root.appendingPathComponent("docs/README.md"), encoding: .utf8)
        for page in try files(in: "docs", ending: ".md") where page.lastPathComponent != "README.md" {
            #expect(index.contains("(\(page.lastPathComponent))"), "docs/README.md does not link \(page.lastPathComponent)")
        }
    }
}

/// One of examples/ci/, read as YAML.
private struct CIFile {
    let root: Node

    init(_ packageRoot: URL, _ name: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/ci/\(name)"), encoding: .utf8)
        root = try #require(try Yams.compose(yaml: text), "examples/ci/\(name) is empty")
    }

    /// GitLab's jobs (top-level keys that are neither keywords nor hidden `.templates`), each with the
    /// keys of the templates it `extends` merged under its own.
    var gitlabJobs: [(name: String, job: Node)] {
        let keywords: Set = ["default", "include", "stages", "variables", "workflow", "image", "services", "cache",
                             "before_script", "after_script"]
        return (root.mapping ?? [:]).compactMap { entry in
            guard let name = entry.key.text, !name.hasPrefix("."), !keywords.contains(name) else { return nil }
            return (name, resolvingExtends(entry.value))
        }
    }

    private func resolvingExtends(_ job: Node) -> Node {
        let parents = job["extends"].map { $0.text.map { [$0] } ?? $0.items.compactMap(\.text) } ?? []
        var merged = Node.Mapping([])
        for parent in parents {
            for entry in (root[parent].map(resolvingExtends)?.mapping ?? [:]) { merged[entry.key] = entry.value }
        }
        for entry in job.mapping ?? [:] where entry.key.text != "extends" { merged[entry.key] = entry.value }
        return .mapping(merged)
    }
}

extension Node {
    /// A scalar's text as written (`on` stays "on", where YAML 1.1 would read a boolean).
    var text: String? { scalar?.string }

    /// A sequence's items; none for anything else.
    var items: [Node] { sequence.map(Array.init) ?? [] }

    /// A script: a sequence of commands (nested sequences flattened, as GitLab does), or one command.
    var lines: [String] {
        if let text { return [text.trimmingCharacters(in: .whitespacesAndNewlines)] }
        return items.flatMap(\.lines)
    }
}
