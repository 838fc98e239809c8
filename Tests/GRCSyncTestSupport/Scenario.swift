public import Foundation
public import ServiceNowEmulator

/// One end-to-end world: a running emulator on a loopback port, an isolated `$HOME`, and a workspace
/// folder, driven through the built `grcsync` binary and checked with the real `git`.
public final class Scenario: @unchecked Sendable {
    /// The table the GRC seed fills.
    public static let table = "sn_compliance_control"
    /// The statement field.
    public static let field = "implementation_statement"

    public let environment: TestEnvironment
    public let emulator: EmulatorServer
    public let folder: TemporaryDirectory
    /// The workspace (not created until `initWorkspace`).
    public let workspace: URL
    private let grcsyncBinary: URL

    /// Starts an emulator (users admin, alice, bob; password = name) seeded as asked.
    public init(seed: EmulatorSeed = .demo(baseline: .low, systems: 1), configure: (inout EmulatorOptions) -> Void = { _ in })
        async throws
    {
        guard let binary = BuiltProducts.executable("grcsync") else {
            throw TestFailure("the grcsync executable was not built next to the tests: run 'swift build' first")
        }
        grcsyncBinary = binary
        environment = try TestEnvironment()
        var options = EmulatorOptions(
            users: [
                EmulatorUser(name: "admin", password: "admin"), EmulatorUser(name: "alice", password: "alice"),
                EmulatorUser(name: "bob", password: "bob"),
            ],
            seed: seed)
        configure(&options)
        emulator = try await EmulatorServer.start(options)
        folder = try TemporaryDirectory("grcsync-e2e")
        workspace = folder.appending("ssp")
    }

    /// Stops the emulator; call at the end of every test.
    public func stop() async { await emulator.stop() }

    /// Runs `grcsync` in the workspace as `user` (basic auth, password = user name).
    @discardableResult
    public func grcsync(_ arguments: String..., as user: String = "admin", environment extra: [String: String] = [:], in directory: URL? = nil)
        async throws -> ProcessResult
    {
        var variables = ["GRCSYNC_USERNAME": user, "GRCSYNC_PASSWORD": user]
        variables.merge(extra) { _, new in new }
        return try await ProcessResult.run(
            grcsyncBinary, arguments, in: directory ?? workspace, environment: environment.variables(variables))
    }

    /// `grcsync init` + `grcsync pull`, failing on any error.
    public func initAndPull(format: String = "html") async throws {
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        try await expectSuccess(grcsync("init", ".", "--instance", emulator.baseURL.absoluteString, "--format", format))
        try await expectSuccess(grcsync("pull"))
    }

    /// Throws with the whole output when a run failed.
    @discardableResult
    public func expectSuccess(_ result: ProcessResult) throws -> ProcessResult {
        guard result.status == 0 else { throw TestFailure("grcsync failed: \(result)") }
        return result
    }

    /// The real `git` in the workspace; throws on failure.
    @discardableResult
    public func git(_ arguments: String...) async throws -> String {
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: workspace, environment: environment.variables())
        guard result.status == 0 else { throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result)") }
        return result.stdout
    }

    /// The real `git`, returning the whole result (for commands expected to fail).
    public func gitResult(_ arguments: String...) async throws -> ProcessResult {
        try await ProcessResult.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: workspace, environment: environment.variables())
    }

    /// A workspace file's text.
    public func read(_ path: String) throws -> String {
        try String(contentsOf: workspace.appendingPathComponent(path), encoding: .utf8)
    }

    /// Replaces a workspace file's text.
    public func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: workspace.appendingPathComponent(path))
    }

    /// The manifest entries of the workspace's HEAD, as dictionaries.
    public func manifest() throws -> [[String: Any]] {
        try read(".grcsync/manifest.jsonl").split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The statement files of the work tree, sorted.
    public func statementFiles() async throws -> [String] {
        try await git("ls-files", "statements").split(separator: "\n").map(String.init).sorted()
    }

    /// The sys_id of the record behind a statement file.
    public func sysID(of path: String) throws -> String {
        guard let entry = try manifest().first(where: { $0["path"] as? String == path }), let id = entry["sys_id"] as? String else {
            throw TestFailure("\(path) is not in the manifest")
        }
        return id
    }

    /// The statement HTML ServiceNow holds for a file's record.
    public func remoteHTML(of path: String) throws -> String {
        emulator.store.record(table: Self.table, sysID: try sysID(of: path))?[Self.field] ?? ""
    }

    /// Edits a record in ServiceNow as a colleague would.
    public func colleagueEdits(_ path: String, html: String, as user: String = "alice") throws {
        try emulator.store.update(table: Self.table, sysID: try sysID(of: path), fields: [Self.field: html], as: user)
    }

    /// Whether the work tree's manifest is byte for byte HEAD's, with nothing left beside it in
    /// `.git/grcsync` (grcsync moves the manifest it wrote into place instead of libgit2 writing it, and
    /// `git status` alone would trust the index's stat data).
    public func manifestFileIsHEADs() async throws -> Bool {
        let onDisk = try await git("hash-object", ".grcsync/manifest.jsonl")
        let committed = try await git("rev-parse", "HEAD:.grcsync/manifest.jsonl")
        let leftover = workspace.appendingPathComponent(".git/grcsync/manifest.next")
        return onDisk == committed && !FileManager.default.fileExists(atPath: leftover.path)
    }

    /// Requests the emulator saw, by method.
    public func requests(_ method: String? = nil, pathContains: String? = nil) -> [LoggedRequest] {
        emulator.requestLog().filter { request in
            (method == nil || request.method == method) && (pathContains.map { request.path.contains($0) } ?? true)
        }
    }
}
