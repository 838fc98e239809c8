import Foundation
import GitKit

/// A real repository in a fresh temporary directory, with a fixed identity in its own config and
/// libgit2's global/system config search pointed at an empty directory. Removed on deinit.
final class TestRepository {
    /// Temporary root holding `work` (the repository) and `home` (HOME for the git CLI).
    let root: URL
    /// The work tree.
    let url: URL
    /// HOME for the git CLI.
    let home: URL
    /// The GitKit handle.
    let repository: Repository

    static let name = "Test Author"
    static let email = "author@example.com"

    /// libgit2's config search path is process-wide: point it once at an empty directory.
    private static let isolatedConfig: Bool = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gitkit-tests-config-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try? GitSettings.setConfigSearchPath(directory)) != nil
    }()

    init(identity: Bool = true, branch: String = "main") throws {
        precondition(Self.isolatedConfig, "could not isolate libgit2's configuration")
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gitkit-\(UUID().uuidString)")
        url = root.appendingPathComponent("work")
        home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        repository = try Repository.initialize(at: url, initialBranch: branch)
        if identity {
            try git("config", "user.name", Self.name)
            try git("config", "user.email", Self.email)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs the git CLI in the work tree.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try GitCLI.run(arguments, in: url, home: home)
    }

    /// Runs the git CLI and returns its output without the final newline.
    func gitLine(_ arguments: String...) throws -> String {
        try GitCLI.run(arguments, in: url, home: home).trimmingCharacters(in: .newlines)
    }

    /// Writes a work tree file, creating directories.
    func write(_ path: String, _ content: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: file)
    }

    /// Reads a work tree file.
    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Deletes a work tree file.
    func delete(_ path: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent(path))
    }

    /// Writes files, stages everything and commits with the CLI; returns the new HEAD.
    @discardableResult
    func commitWithCLI(_ files: [String: String], removing: [String] = [], message: String) throws -> ObjectID {
        for (path, content) in files { try write(path, content) }
        for path in removing { try delete(path) }
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try oid("HEAD")
    }

    /// `git rev-parse` as an ObjectID.
    func oid(_ revision: String) throws -> ObjectID {
        let hex = try gitLine("rev-parse", revision)
        guard let id = ObjectID(hex: hex) else { throw GitCLI.Failure(arguments: ["rev-parse", revision], status: 0, output: hex) }
        return id
    }

    /// Builds a tree from path → content with GitKit.
    func tree(_ files: [String: String]) throws -> ObjectID {
        let updates = try files.sorted { $0.key < $1.key }.map { path, content in
            TreeUpdate.upsert(path: path, blob: try repository.writeBlob(Data(content.utf8)))
        }
        return try repository.updateTree(nil, updates)
    }

    /// `git fsck --strict` must be silent and succeed.
    func fsck() throws -> String {
        try git("fsck", "--strict", "--no-progress", "--no-dangling")
    }
}
