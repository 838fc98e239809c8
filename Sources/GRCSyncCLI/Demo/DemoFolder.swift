import Foundation
import GitKit

/// The folder the demo leaves its workspace in: new or empty, or a previous demo's (which is replaced),
/// never anything else. A marker file in `.git` tells a previous demo apart from a user's repository.
enum DemoFolder {
    /// The default folder name, under the current directory.
    static let defaultName = "grcsync-demo"
    /// The marker, inside the workspace's `.git` so that it is never committed.
    static let marker = "grcsync-demo"

    /// Makes `folder` ready for a new demo workspace; returns whether a previous demo was replaced.
    static func prepare(_ folder: URL) throws -> Bool {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return false }
        guard isDirectory.boolValue else { throw DemoError.notAFolder(folder.path) }
        if try files.contentsOfDirectory(atPath: folder.path).isEmpty { return false }
        let marker = folder.appendingPathComponent(".git").appendingPathComponent(Self.marker)
        guard files.fileExists(atPath: marker.path) else { throw DemoError.folderInUse(folder.path) }
        try files.removeItem(at: folder)
        return true
    }

    /// Creates the repository, marks it as a demo, and gives it a Git identity of its own when the
    /// user has none (in the repository's config only: the user's global config is never touched).
    /// Returns the identity commits will carry, and whether it is the demo's own.
    static func createRepository(at folder: URL) throws -> (identity: String, local: Bool) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let repository = try Repository.initialize(at: folder)
        try Data("Created by 'grcsync demo'; a new demo may replace this workspace.\n".utf8)
            .write(to: repository.gitDirectory.appendingPathComponent(marker))
        if let name = try repository.configValue("user.name"), let email = try repository.configValue("user.email") {
            return ("\(name) <\(email)>", false)
        }
        let config = repository.gitDirectory.appendingPathComponent("config")
        let handle = try FileHandle(forWritingTo: config)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("[user]\n\tname = Demo User\n\temail = demo.user@example.invalid\n".utf8))
        return ("Demo User <demo.user@example.invalid>", true)
    }
}
