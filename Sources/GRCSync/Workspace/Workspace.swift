public import Foundation
public import GitKit
public import ServiceNow

/// A grcsync workspace: a Git repository with `config.yaml` at the top of its work tree.
///
/// Owns its `Repository` (libgit2 handles are not `Sendable`): use a workspace from one task.
public final class Workspace {
    /// The top of the work tree.
    public let root: URL
    /// The repository.
    public let repository: Repository
    /// The parsed `config.yaml`.
    public let configuration: Configuration
    /// The mirror branch.
    public let mirror: MirrorBranch

    /// Opens the workspace that contains `directory`.
    public init(containing directory: URL) throws {
        let repository: Repository
        do {
            repository = try Repository.discover(from: directory)
        } catch {
            throw WorkspaceError.notAWorkspace(directory.path)
        }
        guard let root = repository.workDirectory else { throw WorkspaceError.notAWorkspace(directory.path) }
        let configURL = root.appendingPathComponent(Configuration.fileName)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw WorkspaceError.notAWorkspace(root.path)
        }
        self.root = root
        self.repository = repository
        self.configuration = try Configuration.load(from: configURL)
        self.mirror = MirrorBranch(repository: repository, instance: configuration.instance)
    }

    /// `.git/grcsync/`: the lock, the push journal and job records. Never committed.
    public var stateDirectory: URL { repository.gitDirectory.appendingPathComponent("grcsync") }

    /// Takes the workspace lock for a command.
    public func lock(_ command: String) throws -> WorkspaceLock {
        try WorkspaceLock(directory: stateDirectory, command: command)
    }

    /// A ServiceNow client set up from the configuration.
    public func makeClient(credentials: Credentials, transport: HTTPTransport? = nil) -> ServiceNowClient {
        ServiceNowClient(configuration: configuration.serviceNowConfiguration(credentials: credentials), transport: transport)
    }

    /// A path as the user typed it (relative to the current directory, or absolute) made relative to
    /// the top of the work tree, as Git names files. Paths outside the workspace are returned unchanged.
    public func relativePath(_ path: String) -> String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let absolute = URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL.resolvingSymlinksInPath().path
        let top = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard absolute.hasPrefix(top + "/") else { return absolute == top ? "" : path }
        var relative = String(absolute.dropFirst(top.count + 1))
        if path.hasSuffix("/") && !relative.hasSuffix("/") { relative += "/" }
        return relative
    }

    /// The current branch and its commit; refuses a detached HEAD.
    public func currentBranch() throws -> (name: String, commit: ObjectID?) {
        guard case .branch(let name, let target) = try repository.head() else { throw WorkspaceError.detachedHead }
        return (name, target)
    }
}

extension Configuration {
    /// The client settings this configuration asks for.
    public func serviceNowConfiguration(credentials: Credentials) -> ServiceNowConfiguration {
        var settings = ServiceNowConfiguration(instance: instance, credentials: credentials)
        settings.pageSize = pageSize
        settings.concurrency = concurrency
        settings.requestsPerSecond = requestsPerSecond
        settings.requestTimeout = .milliseconds(Int64(timeoutSeconds * 1000))
        settings.retry.maxAttempts = retries
        return settings
    }
}
