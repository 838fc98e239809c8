import Foundation
import GRCSync
import GRCSyncTestSupport
import GitKit
import ServiceNow
import ServiceNowEmulator
import Statements
import Testing
@testable import GRCSyncCLI

/// The messages `ErrorsDocumentationTests` looks for on docs/errors.md: errors made here from the public
/// types and parsers, and messages read from the source files where no public API reaches.
extension ErrorsDocumentationTests {
    // MARK: - Errors made here

    /// A quote of `error`'s message, with the status ``exitStatus(of:)`` gives it.
    private static func quote(_ error: any Error, _ phrase: String, origin: String? = nil) -> Quote {
        Quote(origin: origin ?? String(reflecting: type(of: error)), text: String(describing: error), phrase: phrase, exit: exitStatus(of: error))
    }

    /// Every error of a public type grcsync can print, as quotes.
    static func errorQuotes() throws -> [Quote] {
        let id = try #require(ObjectID(hex: "4f1c2a9e7b3d5f6a8c9e0b1d2f3a4c5e6b7d8f9a"))
        let gitKit: [GitKitError] = [
            .uncommittedChanges(paths: ["statements/payments/AC-2.html"]), .notARepository(URL(fileURLWithPath: "/srv/ssp")),
            .missingIdentity, .operationInProgress(.merge), .bareRepository(URL(fileURLWithPath: "/srv/ssp.git")),
            .referenceChanged(name: "refs/remotes/servicenow/main", expected: id, actual: nil), .invalidPath("a/../b"),
            .pathConflict(path: "statements/payments", reason: "a file is in the way"), .wrongObjectType(id, expected: "commit"),
            .unresolvedConflicts(paths: ["statements/payments/AC-2.html"]),
            .cannotWrite(URL(fileURLWithPath: "/srv/ssp/.git/grcsync/pack.spool")), .packFinished,
        ]
        let workspace: [WorkspaceError] = [
            .notAWorkspace("/srv/ssp"), .alreadyInitialized("/srv/ssp"),
            .locked(path: "/srv/ssp/.git/grcsync/lock", pid: 1234, command: "pull"),
            .locked(path: "/srv/ssp/.git/grcsync/lock", pid: nil, command: ""),
            .cannotLock("/srv/ssp/.git/grcsync/lock", "Permission denied"), .mergeInProgress,
            .uncommittedChanges(["statements/payments/AC-2.html"]), .detachedHead,
            .stagedChanges(["notes.txt"]), .corruptMirror("its tip is not a mirror commit of this instance"),
            .formatChanged(recorded: "html", configured: "markdown"),
        ]
        let push: [PushError] = [
            .nothingPulled, .wrongBranch(current: "feature", required: "main"), .notMerged,
            .unresolvedConflicts(["statements/payments/AC-2.html"]), .noSuchStatement("statements/payments/AC-99.html"),
            .unknownControl("AC-99"),
        ]
        let resolve: [ResolveService.ResolveError] = [.noMerge, .notConflicted("statements/payments/AC-2.html")]
        let kinds: [ServiceNowError.Kind] = [
            .authentication, .forbidden, .notFound, .badRequest, .rateLimited, .server, .instanceAsleep,
            .invalidResponse, .timeout, .network, .cancelled,
        ]
        var quotes = gitKit.map { quote($0, phrase(for: $0)) }
            + workspace.map { quote($0, phrase(for: $0)) }
            + push.map { quote($0, phrase(for: $0)) }
            + resolve.map { quote($0, phrase(for: $0)) }
            + kinds.map { quote(serviceNowError($0), phrase(for: $0)) }
        quotes.append(quote(GitError(operation: "git_index_read", code: -1, klass: 10, message: "index file corrupt"),
                            "git_… failed: … (code …, class …)"))
        quotes.append(quote(try manifestError(), ".grcsync/manifest.jsonl in …, line …, is not valid (…). The manifest is written only by "
            + "grcsync: if it was edited by hand or by a merge, restore it with 'git checkout servicenow/main -- .grcsync/manifest.jsonl'."))
        let unapproved = ApprovalError(verdicts: [ApprovalVerdict(path: "statements/payments/AC-2.html", required: 1, entries: [])])
        quotes.append(quote(unapproved, "statement(s) lack the approvals config.yaml requires (approvals.required). Nothing was sent to ServiceNow."))
        quotes.append(quote(unapproved, "valid approval(s); none recorded since it last matched ServiceNow"))
        // Wrapped into push's "not pushed: PATH: cannot be converted to HTML: …", which leaves the exit status alone.
        quotes.append(Quote(origin: "StatementFileError.unsupportedExtension", text: StatementFileError.unsupportedExtension("txt").description,
                            phrase: "statement files end in .html or .md, not .…: rename the file", exit: 0))
        quotes += try configurationQuotes() + credentialQuotes()
        return quotes
    }

    private static func phrase(for error: GitKitError) -> String {
        switch error {
        case .uncommittedChanges: "Your local changes to the following files would be overwritten:"
        case .notARepository: "… is not inside a Git repository. Run 'git init' there or change directory."
        case .missingIdentity:
            "Git does not know who you are. Run 'git config --global user.name \"Your Name\"' and 'git config --global user.email you@example.com' (or set them in the repository)."
        case .operationInProgress:
            "A merge is in progress in this repository. Finish it (resolve conflicts, 'git add', 'git commit') or abort it ('git merge --abort'), then try again."
        case .bareRepository: "… is a bare repository; this needs a work tree."
        case .referenceChanged: "refs/… moved while we were working (expected …, found …). Another process updated it; try again."
        case .invalidPath: "'…' is not a valid path inside a repository …"
        case .pathConflict: "Cannot update '…': …."
        case .wrongObjectType: "Object … is not a …."
        case .unresolvedConflicts: "These files still have merge conflicts:"
        case .cannotWrite: "Cannot create …/.git/grcsync/pack.spool: check that the repository is writable and the disk is not full."
        case .packFinished: "A pack was used after it was finished (a bug in grcsync: please report it)."
        }
    }

    private static func phrase(for error: WorkspaceError) -> String {
        switch error {
        case .notAWorkspace:
            "… is not a grcsync workspace (no config.yaml at the top of a Git repository). Run 'grcsync init --instance https://<instance>.service-now.com' to create one."
        case .alreadyInitialized: "… already has a config.yaml. Edit it, or pass --force to replace it."
        case .locked(_, nil, _): "This workspace is locked by …, which does not name a process. If no grcsync is running, delete it."
        case .locked: "Another grcsync (…, pid …) is working in this workspace. Wait for it to finish; if no such process is running, delete …."
        case .cannotLock: "Cannot create the lock file …: …."
        case .mergeInProgress: "A merge is in progress. Resolve the conflicts (edit the files, or 'grcsync resolve --ours"
        case .uncommittedChanges: "Your uncommitted changes to these files would be overwritten:"
        case .detachedHead: "HEAD is detached. Check out a branch (git switch main) and run this again."
        case .stagedChanges: "These files are staged but not committed: …. Commit or unstage them first."
        case .corruptMirror: "The mirror branch servicenow/main is not usable: …"
        case .formatChanged:
            "config.yaml says format: …, but this workspace's statements are stored as …. Changing the format would rewrite every statement file at once, which no one could review."
        }
    }

    private static func phrase(for error: PushError) -> String {
        switch error {
        case .nothingPulled: "Nothing has been pulled into this workspace yet. Run 'grcsync pull' first."
        case .wrongBranch:
            "push.branch in config.yaml is 'main', and HEAD is on 'feature'. Merge your change into main (through a reviewed pull request), check it out, and push from there."
        case .notMerged:
            "ServiceNow has changes that this branch has not merged (servicenow/main is ahead). Run 'grcsync pull', resolve any conflicts, commit, then push."
        case .unresolvedConflicts: "These files still have unresolved conflicts: …. Resolve them (edit, or …), 'git add' and 'git commit', then push."
        case .noSuchStatement: "… is not a statement this workspace tracks (see 'grcsync status')."
        case .unknownControl: "No statement of control … is in this workspace (control ids look like AC-2 or AC-2(1))."
        }
    }

    private static func phrase(for error: ResolveService.ResolveError) -> String {
        switch error {
        case .noMerge: "No merge is in progress, so there is nothing to resolve ('grcsync status' shows what there is)."
        case .notConflicted: "… has no conflict to resolve (conflicted files: see 'grcsync status')."
        }
    }

    private static func phrase(for kind: ServiceNowError.Kind) -> String {
        switch kind {
        case .authentication:
            "ServiceNow rejected the credentials for … (401 …) on …. Check GRCSYNC_USERNAME / GRCSYNC_PASSWORD (or the OAuth client or token) and that the account may use the REST API."
        case .forbidden: "ServiceNow refused … (…): an ACL, business rule or data policy forbids it."
        case .notFound: "ServiceNow has no such record at … (…): it was deleted, or an ACL hides it."
        case .badRequest: "ServiceNow rejected … as invalid (…). Check the table and field names in the configuration."
        case .rateLimited:
            "ServiceNow's rate limit was exceeded on … (…) and asked to wait … s. Try again later, or lower the request rate and concurrency."
        case .server: "ServiceNow failed with a server error on … (…). Try again later"
        case .instanceAsleep: "The instance is asleep (hibernating developer instance) and answered … with its wake-up page"
        case .invalidResponse: "ServiceNow answered … with something that is not the Table API's JSON (…)."
        case .timeout: "… timed out (…). The instance may be slow or overloaded"
        case .network: "… could not reach ServiceNow (…). Check the instance URL and the network."
        case .cancelled: "… was cancelled."
        }
    }

    /// A failed GET of the statements table, as the client reports it.
    static func serviceNowError(_ kind: ServiceNowError.Kind) -> ServiceNowError {
        let status: Int? = switch kind {
        case .authentication: 401
        case .forbidden: 403
        case .notFound: 404
        case .badRequest: 400
        case .rateLimited: 429
        case .server: 503
        case .instanceAsleep: 200
        case .invalidResponse: 200
        case .timeout, .network, .cancelled: nil
        }
        return ServiceNowError(
            kind: kind, status: status, message: "the server's words", method: "GET", path: "/api/now/table/sn_compliance_control",
            retryAfter: kind == .rateLimited ? .seconds(30) : nil, account: "jane")
    }

    /// The error the manifest parser raises for a line that is not JSON.
    static func manifestError() throws -> ManifestError {
        do {
            _ = try Manifest(jsonl: Data("not json\n".utf8), origin: "commit 4f1c2a9e7b")
        } catch {
            return error
        }
        throw TestFailure("the manifest parser accepted a line that is not JSON")
    }

    /// Configuration errors, from the real parser fed one mistake each.
    private static func configurationQuotes() throws -> [Quote] {
        let instance = "instance: https://acme.service-now.com\n"
        let cases: [(yaml: String, phrase: String)] = [
            ("", "config.yaml: missing required key `instance` (the ServiceNow URL, e.g. https://acme.service-now.com)."),
            (instance + "auth:\n  method: oauth\n",
             "missing required key `auth.client_id` (the OAuth application's client id, from System OAuth > Application Registry; …)."),
            (instance + "pagesize: 10\n", "unknown key `pagesize` (did you mean `page_size`?)."),
            (instance + "branch: main\n", "(did you mean `push.branch`, under `push:`?)"),
            (instance + "colour: blue\n", "(docs/configuration.md lists every key)"),
            (instance + "concurrency: lots\n", "`concurrency` must be a whole number from 1 to 16, not \"lots\"."),
            (instance + "table: sn compliance\n", "`table` must be a table name such as `sn_compliance_control`, not \"sn compliance\"."),
            (instance + "table: \"\"\n", "`table` is empty; give it a value, or remove the line to use the default."),
            (instance + "approvals:\n  approvers: [alice@example.com, [bob]]\n",
             "item 2 of `approvals.approvers` must be e-mail addresses, not a list."),
            (instance + "auth:\n  password: hunter2\n",
             "`auth.password` looks like a secret, and secrets never go in config.yaml (it is committed to Git)."),
            (instance + "auth:\n  client_id: grc-sync\n",
             "`auth.client_id` is used only with `method: oauth`; add `method: oauth` to `auth`, or remove it."),
            (instance + "query: sysparm_query=active=true\n", "`query` is the encoded query alone: leave out `sysparm_query=`."),
            (instance + "push:\n  branch: refs/heads/main\n", "`push.branch` is a short branch name such as `main`, not a full ref."),
            (instance + "push:\n  branch: my branch\n",
             "`push.branch` is not a valid Git branch name; use one such as `main` or `release/2025`."),
            (instance + "approvals:\n  approvers: [bob]\n",
             "`approvals.approvers` holds e-mail addresses (as in `git config user.email`), not \"bob\"."),
            (instance + "approvals:\n  allowed_signers: /etc/allowed_signers\n",
             "`approvals.allowed_signers` must be a path inside the workspace, relative to its root"),
            (instance + "auth: basic\n", "`auth` must be a mapping with the keys `method`, `username`, `client_id`, not \"basic\"."),
            ("- instance\n- table\n",
             "The top level of config.yaml must be a mapping of keys to values (e.g. `instance: https://acme.service-now.com`), not a list."),
            (instance + "? [a, b]\n: 1\n", "a key must be a plain word such as `table`, not a list."),
            ("instance: https://jane:secret@acme.service-now.com\n",
             "`instance` must not contain a user name or password: secrets never go in config.yaml."),
            ("instance: acme.service-now.com\n", "`instance` must be a full URL such as https://acme.service-now.com, scheme included."),
            ("instance: ftp://acme.service-now.com\n", "`instance` must start with https:// (or http:// for a local emulator), not \"ftp://\"."),
            ("instance: http://acme.service-now.com\n",
             "`instance` uses http://, which would send your password and statements unencrypted to acme.service-now.com; use https://acme.service-now.com."),
            ("instance: https://acme service-now.com\n", "`instance` is not a valid URL; write it like https://acme.service-now.com."),
            ("instance: https://\n", "`instance` has no host name; write it like https://acme.service-now.com."),
            ("instance: https://acme.service-now.com/?sysparm_query=x\n",
             "`instance` must be the instance's base URL, without a `?` or `#` part, e.g. https://acme.service-now.com."),
            ("instance: a: b\n", "not valid YAML: "),
            ("instance: https://acme.service-now.com\n\ttable: x\n", "YAML does not allow tabs for indentation: indent with spaces."),
            (instance + "table: a\ntable: b\n", "`table` appears more than once in the same mapping; keep only one."),
            ("instance: https://acme.service-now.com\u{7}\n", "cannot be read as YAML: …. Save the file as plain UTF-8 text."),
        ]
        var quotes: [Quote] = []
        for (yaml, phrase) in cases {
            do {
                _ = try Configuration.parse(yaml)
                Issue.record("config.yaml accepted:\n\(yaml)")
            } catch {
                quotes.append(quote(error, phrase, origin: "config.yaml \(yaml.debugDescription)"))
            }
        }

        let folder = try TemporaryDirectory("grcsync-config")
        let notUTF8 = folder.appending("not-utf8/config.yaml")
        try FileManager.default.createDirectory(at: notUTF8.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0x69, 0x6E, 0xFF, 0xFE, 0x0A]).write(to: notUTF8)
        let unreadable = folder.appending("unreadable/config.yaml")
        try FileManager.default.createDirectory(at: unreadable, withIntermediateDirectories: true)
        let files: [(url: URL, phrase: String)] = [
            (folder.appending("missing/config.yaml"),
             "config.yaml: not found at …. Run `grcsync init --instance URL` to create a workspace, or run grcsync from inside one."),
            (unreadable, "config.yaml: cannot be read (…); check its permissions."),
            (notUTF8, "config.yaml: is not UTF-8 text; save it as UTF-8."),
        ]
        for (url, phrase) in files {
            do {
                _ = try Configuration.load(from: url)
                Issue.record("\(url.path) was read as a configuration")
            } catch {
                quotes.append(quote(error, phrase, origin: "Configuration.load(\(url.path))"))
            }
        }
        return quotes
    }

    /// Credential and netrc errors, from the real resolver.
    private static func credentialQuotes() throws -> [Quote] {
        let basic = try Configuration.parse("instance: https://acme.service-now.com\n")
        let oauth = try Configuration.parse("instance: https://acme.service-now.com\nauth:\n  method: oauth\n  client_id: grc-sync\n")
        let folder = try TemporaryDirectory("grcsync-netrc")
        func netrc(_ name: String, _ contents: Data) throws -> String {
            let url = folder.appending("\(name)/.netrc")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url)
            return url.path
        }
        let unreadable = folder.appending("unreadable/.netrc")
        try FileManager.default.createDirectory(at: unreadable, withIntermediateDirectories: true)
        let cases: [(environment: [String: String], configuration: Configuration, phrase: String)] = [
            ([:], basic,
             "No ServiceNow user name for …: set GRCSYNC_USERNAME (or `auth.username` in config.yaml) and GRCSYNC_PASSWORD, or add `machine … login USER password PASSWORD` to ~/.netrc."),
            ([:], basic, "(A CI job can set GRCSYNC_TOKEN to a bearer token instead.)"),
            (["GRCSYNC_USERNAME": "jane"], basic,
             "No ServiceNow password for jane on …: set GRCSYNC_PASSWORD, or add `machine … login jane password PASSWORD` to ~/.netrc."),
            (["GRCSYNC_USERNAME": "jane", "GRCSYNC_PASSWORD": "pw"], oauth,
             "No OAuth client secret for client … on …: set GRCSYNC_CLIENT_SECRET, or add `account CLIENT_SECRET` to the `machine …` entry in ~/.netrc."),
            (["NETRC": try netrc("no-value", Data("machine acme.service-now.com login".utf8))], basic, "`login` has no value after it."),
            (["NETRC": try netrc("early", Data("password hunter2\n".utf8))], basic,
             "`password` comes before any `machine` or `default` entry."),
            (["NETRC": try netrc("word", Data("machine acme.service-now.com\npasword hunter2\n".utf8))], basic,
             "a word that is not a netrc keyword (machine, default, login, password, account, port, macdef) where one was expected; a value that contains spaces must be in double quotes."),
            (["NETRC": try netrc("quote", Data("machine acme.service-now.com login jane password \"two words\n".utf8))], basic,
             "a quoted value has no closing `\"`."),
            (["NETRC": folder.appending("missing/.netrc").path], basic, "does not exist (NETRC points at it)."),
            (["NETRC": unreadable.path], basic, ".netrc: cannot be read; check its permissions."),
            (["NETRC": try netrc("not-utf8", Data([0x6D, 0xFF, 0xFE, 0x0A]))], basic, ".netrc: is not UTF-8 text."),
        ]
        var quotes: [Quote] = []
        for (environment, configuration, phrase) in cases {
            do {
                _ = try CredentialResolver(environment: environment).credentials(for: configuration)
                Issue.record("credentials were found in \(environment)")
            } catch {
                quotes.append(quote(error, phrase, origin: "CredentialResolver \(environment)"))
            }
        }
        return quotes
    }

    // MARK: - Messages read from source

    /// Where a message is built from a literal the test cannot reach, and the status grcsync exits with.
    private static let sweeps: [(folder: String, marker: String, exit: Int32, least: Int)] = [
        ("Sources/GRCSyncCLI", "ValidationError(\"", 64, 2),
        // SSHSignature.Failure: ExitStatus.of maps it to the Git-setup status.
        ("Sources/GRCSync/Approvals", "Failure(description: \"", 3, 3),
        // ApprovalPolicy's reasons an approval does not count, printed in the approval refusal.
        ("Sources/GRCSync/Approvals/ApprovalPolicy.swift", "return \"", 6, 7),
        // A push result that is not pushed: a conflict, a race, a failure, a skip.
        ("Sources/GRCSync/Push", "detail: \"", 1, 5),
        // A file push leaves alone, which does not change its exit status.
        ("Sources/GRCSync/Push", "reason: \"", 0, 5),
    ]

    /// The messages of the demo's errors (GRCSyncCLI's `DemoError`), by case, with the status the demo exits with.
    private static let demoMessages: [String: (phrase: String, exit: Int32)] = [
        "folderInUse": ("… exists, is not empty and is not a previous grcsync demo workspace, so the demo will not touch it.", 3),
        "notAFolder": ("… is a file, not a folder. Choose another folder with --directory.", 3),
        "missingStatements": ("The emulator's demo data has fewer than two statements in one system, so the demo cannot run.", 1),
        "unexpected": ("The demo went off script: …. This is a bug in grcsync; please report it with this output.", 1),
    ]

    /// Other messages built in place, by source file.
    private static let messagesInPlace: [(file: String, phrase: String, exit: Int32)] = [
        ("Sources/ServiceNowEmulator/EmulatorServer.swift",
         "The ServiceNow emulator could not start: …. Is the port free and the host an address of this machine?", 1),
        ("Sources/GRCSync/Doctor/DoctorService.swift", "— fix statement_field / fields in config.yaml", 3),
        ("Sources/GRCSync/Push/PushService.swift", "ServiceNow altered the HTML on save (its sanitiser); your file now holds the stored version", 0),
        ("Sources/GRCSyncCLI/Commands/PullCommand.swift", "kept as HTML: ", 0),
    ]

    /// Every message read from source, as quotes.
    static func sourceQuotes() throws -> [Quote] {
        let root = BuiltProducts.packageRoot
        func read(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        var quotes: [Quote] = []
        for sweep in sweeps {
            var found = 0
            for file in try swiftFiles(sweep.folder) {
                for literal in literals(after: sweep.marker, in: try read(file)) {
                    let parts = literal.parts.map { $0.trimmingCharacters(in: .whitespaces) }
                    guard let phrase = parts.max(by: { $0.count < $1.count }), phrase.count >= 10 else { continue }
                    found += 1
                    quotes.append(Quote(origin: "\(file):\(literal.line)", text: parts.joined(separator: "…"), phrase: phrase, exit: sweep.exit))
                }
            }
            #expect(found >= sweep.least, "only \(found) messages after \(sweep.marker) in \(sweep.folder): has the code moved?")
        }

        let demo = try read("Sources/GRCSyncCLI/Demo/DemoError.swift")
        let description = try #require(demo.range(of: "var description")).upperBound
        let cases = Set(demo[description...].matches(of: /case \.(\w+)/).map { String($0.output.1) })
        #expect(cases == Set(demoMessages.keys), "DemoError's cases are \(cases.sorted()): give each a phrase in demoMessages and document it")
        for (name, message) in demoMessages {
            quotes.append(Quote(origin: "DemoError.\(name)", text: demo, phrase: message.phrase, exit: message.exit))
        }
        for message in messagesInPlace {
            quotes.append(Quote(origin: message.file, text: try read(message.file), phrase: message.phrase, exit: message.exit))
        }
        return quotes
    }

    /// The Swift files at `path` (a file, or a folder searched recursively), relative to the package root.
    private static func swiftFiles(_ path: String) throws -> [String] {
        if path.hasSuffix(".swift") { return [path] }
        let folder = BuiltProducts.packageRoot.appendingPathComponent(path)
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().map { "\(path)/\($0)" }
    }

    /// The one-line string literals that follow `marker` (which ends with their opening quote), each as
    /// its line and its fixed parts (unescaped) between interpolations.
    static func literals(after marker: String, in source: String) -> [(line: Int, parts: [String])] {
        var found: [(line: Int, parts: [String])] = []
        var searchFrom = source.startIndex
        while let range = source.range(of: marker, range: searchFrom..<source.endIndex) {
            let line = source[..<range.lowerBound].count { $0 == "\n" } + 1
            var index = range.upperBound
            found.append((line, scanLiteral(source, &index)))
            searchFrom = index
        }
        return found
    }

    /// Reads a string literal from just after its opening quote to just after its closing one.
    private static func scanLiteral(_ source: String, _ index: inout String.Index) -> [String] {
        var parts = [""]
        while index < source.endIndex {
            let character = source[index]
            index = source.index(after: index)
            switch character {
            case "\"":
                return parts
            case "\\":
                guard index < source.endIndex else { return parts }
                let escaped = source[index]
                index = source.index(after: index)
                switch escaped {
                case "(":
                    skipInterpolation(source, &index)
                    parts.append("")
                case "n": parts[parts.count - 1].append("\n")
                case "t": parts[parts.count - 1].append("\t")
                default: parts[parts.count - 1].append(escaped)
                }
            default:
                parts[parts.count - 1].append(character)
            }
        }
        return parts
    }

    /// Skips an interpolated expression, string literals inside it included, to just after its `)`.
    private static func skipInterpolation(_ source: String, _ index: inout String.Index) {
        var depth = 1
        while index < source.endIndex, depth > 0 {
            let character = source[index]
            index = source.index(after: index)
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            case "\"": _ = scanLiteral(source, &index)
            default: break
            }
        }
    }
}
