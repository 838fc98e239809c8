import Foundation
import GRCSync
import GRCSyncTestSupport
import GitKit
import ServiceNow
import ServiceNowEmulator
import Statements
import Testing

@testable import GRCSyncCLI

/// docs/errors.md against the code: every message grcsync can print is quoted there, in a section whose
/// title claims the exit status grcsync really ends with, and the page's samples are what grcsync prints.
///
/// The messages come from three places. Errors of public types are made here: every case of every
/// enum (the `phrase` switches have no `default`, so a new case does not compile until it has a phrase),
/// and configuration, credential and netrc errors by feeding the real parsers bad input. Messages built
/// where no public API reaches (the commands, the approval policy, SSH signing, push's per-statement
/// results, the demo) are read from their source files. And the built `grcsync` runs into one error of
/// each kind, to check the status it exits with against the page and against ``exitStatus(of:)``.
///
/// A phrase is the part of a message the page must quote verbatim; in the message, each `…` of the
/// phrase matches whatever grcsync fills in there (a path, a key, the server's words).
@Suite(.serialized) struct ErrorsDocumentationTests {
    /// One message grcsync can print and the words of it the page must quote.
    struct Quote: CustomStringConvertible {
        /// What prints it, to name in a failure.
        var origin: String
        /// The message (for a message read from source, the literal, `…` standing for its interpolations).
        var text: String
        /// The words the page must contain verbatim; in ``text``, each `…` matches anything.
        var phrase: String
        /// The status grcsync exits with after printing it.
        var exit: Int32

        /// The origin and the phrase, as a failure names them.
        var description: String { "\(origin): \"\(phrase)\"" }
    }

    /// docs/errors.md, line by line, each line with the exit status its section claims in its title
    /// (`## config.yaml (exit 3)`); a subsection without one inherits its parent's.
    struct ErrorsPage {
        let lines: [(text: String, exit: Int32?)]

        init() throws {
            let url = BuiltProducts.packageRoot.appendingPathComponent("docs/errors.md")
            var headings: [(level: Int, exit: Int32?)] = []
            var lines: [(text: String, exit: Int32?)] = []
            var inCode = false
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") { inCode.toggle() }
                if !inCode, line.hasPrefix("#") {
                    let level = line.prefix { $0 == "#" }.count
                    headings.removeAll { $0.level >= level }
                    headings.append((level, line.firstMatch(of: /\(exit (\d+)\)/).flatMap { Int32($0.output.1) }))
                }
                lines.append((String(line), headings.last { $0.exit != nil }?.exit))
            }
            self.lines = lines
        }

        /// The statuses claimed where `phrase` appears; nil where no section around it claims one.
        func exits(quoting phrase: String) -> [Int32?] {
            lines.filter { $0.text.contains(phrase) }.map(\.exit)
        }

        /// The first fenced code block after the heading line `heading`.
        func codeBlock(after heading: String) -> String? {
            guard let start = lines.firstIndex(where: { $0.text == heading }),
                  let open = lines[start...].firstIndex(where: { $0.text.hasPrefix("```") }),
                  let close = lines[(open + 1)...].firstIndex(where: { $0.text.hasPrefix("```") })
            else { return nil }
            return lines[(open + 1)..<close].map(\.text).joined(separator: "\n")
        }

        /// The statuses the `## Exit status` table lists.
        var exitTable: [Int32] {
            guard let start = lines.firstIndex(where: { $0.text == "## Exit status" }) else { return [] }
            let section = lines[(start + 1)...].prefix { !$0.text.hasPrefix("## ") }
            return section.compactMap { $0.text.firstMatch(of: /^\| (\d+) \|/).flatMap { Int32($0.output.1) } }
        }
    }

    // MARK: - The checks

    /// Errors of public types, made here, each of every case or of every distinct message.
    @Test func everyErrorMessageIsOnThePageUnderItsExitStatus() throws {
        let page = try ErrorsPage()
        let quotes = try Self.errorQuotes()
        #expect(quotes.count > 80, "fewer messages than expected were made: \(quotes.count)")
        for quote in quotes { check(quote, on: page) }
    }

    /// Messages built where the test cannot make them, read from their source files.
    @Test func everyMessageBuiltInTheCommandsIsOnThePageUnderItsExitStatus() throws {
        let page = try ErrorsPage()
        for quote in try Self.sourceQuotes() { check(quote, on: page) }
    }

    /// The approval refusal the page shows is, word for word, what push prints for that statement.
    @Test func theApprovalRefusalShownIsWhatPushPrints() throws {
        let page = try ErrorsPage()
        let block = try #require(page.codeBlock(after: "## Approvals (exit 6)"), "docs/errors.md has no sample under ## Approvals (exit 6)")
        let entries = try JSONDecoder().decode([ApprovalVerdict.Entry].self, from: Data("""
            [{"commit": "4f1c2a9e7b3d5f6a8c9e0b1d2f3a4c5e6b7d8f9a", "approver": "Bob <bob@example.com>", "valid": false,
              "reason": "the statement changed after this approval (approved a17c03e5d2, now 9d0e8b7a6c)",
              "signature": "not-checked"}]
            """.utf8))
        let error = ApprovalError(verdicts: [ApprovalVerdict(path: "statements/payments/AC-2.html", required: 1, entries: entries)])
        #expect(block == "error: " + error.description, "docs/errors.md's sample should read:\nerror: \(error.description)")
    }

    /// The page's table of statuses lists exactly those `grcsync --help` promises.
    @Test func theExitStatusTableListsWhatTheHelpPromises() async throws {
        let binary = try #require(BuiltProducts.executable("grcsync"), "the grcsync executable was not built: run 'swift build' first")
        let environment = try TestEnvironment()
        let help = try await ProcessResult.run(binary, ["--help"], in: environment.home.url, environment: environment.variables())
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let promise = try #require(text.firstMatch(of: /Exit status: (.*?)\.(?: |$)/), "grcsync --help names no exit statuses:\n\(help)")
        let promised = promise.output.1.split(separator: "·").compactMap {
            $0.trimmingCharacters(in: .whitespaces).firstMatch(of: /^\d+/).flatMap { Int32($0.output) }
        }
        #expect(promised.count >= 8, "\(promise.output.1)")
        #expect(try ErrorsPage().exitTable == promised, "docs/errors.md's ## Exit status table differs from grcsync --help: \(promise.output.1)")
    }

    /// The built grcsync, run into one error of every kind, exits with the status the page claims for the
    /// message it prints — and, where the error's type is public, with the one ``exitStatus(of:)`` gives.
    @Test func grcsyncExitsWithTheStatusThePageClaims() async throws {
        let page = try ErrorsPage()
        let scenario = try await Scenario()
        defer { Task { await scenario.stop() } }
        let folder = scenario.folder.url
        let instance = scenario.emulator.baseURL.absoluteString
        func expectFailure(_ what: String, _ result: ProcessResult, quoting phrase: String, like error: (any Error)? = nil) {
            expectExit(of: what, result, quoting: phrase, like: error, on: page)
        }

        expectFailure("diff --cached --committed", try await scenario.grcsync("diff", "--cached", "--committed", in: folder),
            quoting: "Use either --cached or --committed, not both.")
        expectFailure("status outside a workspace", try await scenario.grcsync("status", in: folder),
            quoting: "… is not a grcsync workspace (no config.yaml at the top of a Git repository).", like: WorkspaceError.notAWorkspace(""))
        let file = folder.appendingPathComponent("a-file")
        try Data("not a folder\n".utf8).write(to: file)
        expectFailure("demo --directory FILE", try await scenario.grcsync("demo", "--directory", file.path, in: folder),
            quoting: "… is a file, not a folder. Choose another folder with --directory.")
        let anonymous = try TemporaryDirectory("grcsync-no-identity")
        try Data("[init]\n\tdefaultBranch = main\n".utf8).write(to: anonymous.appending(".gitconfig"))
        expectFailure("init without a Git identity",
            try await scenario.grcsync("init", "no-identity", "--instance", instance, environment: ["HOME": anonymous.url.path], in: folder),
            quoting: "Git does not know who you are.", like: GitKitError.missingIdentity)

        try await scenario.initAndPull()
        expectFailure("resolve without a merge", try await scenario.grcsync("resolve", "--ours"),
            quoting: "No merge is in progress, so there is nothing to resolve", like: ResolveService.ResolveError.noMerge)
        expectFailure("approve with nothing to approve", try await scenario.grcsync("approve"),
            quoting: "Nothing to approve: no committed statement differs from ServiceNow's version")
        expectFailure("push of an unknown file", try await scenario.grcsync("push", "statements/no-such-statement.html"),
            quoting: "… is not a statement this workspace tracks (see 'grcsync status').", like: PushError.noSuchStatement(""))
        expectFailure("pull without credentials", try await scenario.grcsync("pull", environment: ["GRCSYNC_USERNAME": "", "GRCSYNC_PASSWORD": ""]),
            quoting: "No ServiceNow user name for …: set GRCSYNC_USERNAME",
            like: CredentialError(kind: .missingUsername, host: "", message: ""))
        expectFailure("pull with a wrong password", try await scenario.grcsync("pull", environment: ["GRCSYNC_PASSWORD": "wrong"]),
            quoting: "ServiceNow rejected the credentials for … (401 …) on …. Check GRCSYNC_USERNAME / GRCSYNC_PASSWORD",
            like: Self.serviceNowError(.authentication))
        scenario.emulator.faults.add(.status(403, trigger: .always))
        expectFailure("pull refused by an ACL", try await scenario.grcsync("pull"),
            quoting: "ServiceNow refused … (…): an ACL, business rule or data policy forbids it.", like: Self.serviceNowError(.forbidden))
        scenario.emulator.faults.clear()

        let config = try scenario.read("config.yaml")
        try scenario.write("config.yaml", config + "query: sysparm_query=active=true\n")
        expectFailure("status with a bad config.yaml", try await scenario.grcsync("status"),
            quoting: "`query` is the encoded query alone: leave out `sysparm_query=`.", like: ConfigurationError(file: "", message: ""))
        #expect(config.contains("format: html\n"))
        try scenario.write("config.yaml", config.replacingOccurrences(of: "format: html\n", with: "format: markdown\n"))
        expectFailure("pull after format: changed", try await scenario.grcsync("pull"),
            quoting: "config.yaml says format: …, but this workspace's statements are stored as ….",
            like: WorkspaceError.formatChanged(recorded: "html", configured: "markdown"))
        try scenario.write("config.yaml", config)

        let tip = try await scenario.git("rev-parse", "servicenow/main").trimmingCharacters(in: .whitespacesAndNewlines)
        try await Self.commitBrokenManifest(onto: tip, in: scenario)
        expectFailure("pull with a broken manifest", try await scenario.grcsync("pull"),
            quoting: ".grcsync/manifest.jsonl in …, line …, is not valid (…).", like: try Self.manifestError())
        try await scenario.git("update-ref", "refs/remotes/servicenow/main", tip)

        try scenario.write("config.yaml", config + "approvals:\n  required: 1\n  require_signed: true\n")
        let path = try #require(try await scenario.statementFiles().first)
        try scenario.write(path, try scenario.read(path) + "\n<p>Access is reviewed every quarter.</p>\n")
        try await scenario.git("commit", "-qam", "Require signed approvals; edit a statement")
        expectFailure("push without approvals", try await scenario.grcsync("push"),
            quoting: "statement(s) lack the approvals config.yaml requires (approvals.required). Nothing was sent to ServiceNow.",
            like: ApprovalError(verdicts: []))
        expectFailure("approve without a signing key", try await scenario.grcsync("approve"),
            quoting: "Signed approvals need an SSH key: run 'git config user.signingkey ~/.ssh/id_ed25519.pub'")
        try await scenario.git("config", "user.signingkey", folder.appendingPathComponent("no-such-key").path)
        expectFailure("approve with a missing key", try await scenario.grcsync("approve"),
            quoting: "ssh-keygen could not sign with …: …. Set 'git config user.signingkey' to your SSH key file")

        // libgit2 refuses an index that is not one.
        try Data("not an index".utf8).write(to: scenario.workspace.appendingPathComponent(".git/index"))
        expectFailure("status with a corrupt index", try await scenario.grcsync("status"),
            quoting: "git_… failed: … (code …, class …)", like: GitError(operation: "", code: -1, klass: 0, message: ""))
    }

    // MARK: - Helpers

    /// Records an issue unless `quote`'s phrase is in its text and on the page, and every section of the
    /// page that quotes it claims the quote's exit status.
    private func check(_ quote: Quote, on page: ErrorsPage) {
        guard Self.matches(quote.phrase, in: quote.text) else {
            let text = quote.text.count < 2_000 ? ":\n\(quote.text)\n" : ". "
            Issue.record("\(quote.origin) no longer prints \"\(quote.phrase)\"\(text)Update this test and docs/errors.md.")
            return
        }
        let exits = page.exits(quoting: quote.phrase).compactMap { $0 }
        if exits.isEmpty {
            Issue.record("""
                docs/errors.md does not quote \(quote.origin)'s message "\(quote.phrase)": add it to a section titled \
                '(exit \(quote.exit))', saying what it means and what to do.
                """)
        } else if exits.contains(where: { $0 != quote.exit }) {
            Issue.record("""
                docs/errors.md quotes "\(quote.phrase)" (\(quote.origin)) under exit \(exits.map(String.init).joined(separator: ", ")), \
                but grcsync exits \(quote.exit) after it.
                """)
        }
    }

    /// Records an issue unless a failed run printed `phrase` and exited with the status the page claims
    /// for it, which is also ``exitStatus(of:)`` of `error` when given.
    private func expectExit(of what: String, _ result: ProcessResult, quoting phrase: String, like error: (any Error)?, on page: ErrorsPage) {
        guard Self.matches(phrase, in: result.stderr) else {
            Issue.record("grcsync \(what) did not print \"\(phrase)\":\n\(result)")
            return
        }
        let claimed = page.exits(quoting: phrase).compactMap { $0 }
        #expect(!claimed.isEmpty && claimed.allSatisfy { $0 == result.status },
                "grcsync \(what) exits \(result.status); docs/errors.md claims \(claimed) for \"\(phrase)\"")
        if let error {
            #expect(Self.exitStatus(of: error) == result.status,
                    "grcsync \(what) exits \(result.status) after \(type(of: error)); this test's exitStatus(of:) says \(Self.exitStatus(of: error))")
        }
    }

    /// Whether `text` contains the parts of `phrase` between its `…`s, in order.
    static func matches(_ phrase: String, in text: String) -> Bool {
        var rest = text[...]
        for part in phrase.components(separatedBy: "…") where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    /// The status grcsync exits with for `error` (`ExitStatus.of`);
    /// ``grcsyncExitsWithTheStatusThePageClaims()`` also checks statuses against the real binary.
    static func exitStatus(of error: any Error) -> Int32 {
        ExitStatus.of(error).rawValue
    }

    /// Points the mirror at a commit like `tip` whose manifest's first line is not JSON.
    private static func commitBrokenManifest(onto tip: String, in scenario: Scenario) async throws {
        let broken = scenario.folder.appending("broken-manifest.jsonl")
        try Data("not json\n".utf8).write(to: broken)
        let index = scenario.folder.appending("mirror.index").path
        func git(_ arguments: String...) async throws -> String {
            let result = try await ProcessResult.run(
                URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: scenario.workspace,
                environment: scenario.environment.variables(["GIT_INDEX_FILE": index]))
            guard result.status == 0 else { throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result)") }
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let blob = try await git("hash-object", "-w", broken.path)
        _ = try await git("read-tree", tip)
        _ = try await git("update-index", "--cacheinfo", "100644,\(blob),\(Manifest.path)")
        let tree = try await git("write-tree")
        let message = try await git("log", "-1", "--format=%B", tip)
        let commit = try await git("commit-tree", tree, "-p", tip, "-m", message)
        _ = try await git("update-ref", "refs/remotes/servicenow/main", commit)
    }
}
