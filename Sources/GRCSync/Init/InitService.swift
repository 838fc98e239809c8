public import Foundation
import GitKit
public import Statements

/// `grcsync init`: creates (or adopts) a Git repository with a `config.yaml`, committed, ready to pull.
public struct InitService {
    /// What init did.
    public struct Report: Sendable, Codable {
        public var directory: String
        public var createdRepository: Bool
        public var commit: String
    }

    public init() {}

    /// Writes and commits `config.yaml` in `directory` (created if missing). Refuses to replace an
    /// existing config without `force`, and refuses to commit over changes already staged.
    ///
    /// A failure leaves nothing half-made: a folder or repository init created is removed again, and a
    /// `config.yaml` it wrote is put back as it was, with the index as it was.
    public func run(directory: URL, instance: URL, table: String?, format: StatementFormat, force: Bool) throws -> Report {
        let files = FileManager.default
        // Whether something is there at all, a dangling symbolic link included (`lstat`, not `stat`).
        func exists(_ url: URL) -> Bool { (try? files.attributesOfItem(atPath: url.path)) != nil }
        let directoryExisted = exists(directory)
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        let gitDirectory = directory.appendingPathComponent(".git")
        let created = !exists(gitDirectory)
        do {
            return try initialize(directory: directory, created: created, instance: instance, table: table,
                                  format: format, force: force)
        } catch {
            if !directoryExisted {
                try? files.removeItem(at: directory)
            } else if created {
                try? files.removeItem(at: gitDirectory)
            }
            throw error
        }
    }

    private func initialize(directory: URL, created: Bool, instance: URL, table: String?, format: StatementFormat,
                            force: Bool) throws -> Report {
        let files = FileManager.default
        let repository = created ? try Repository.initialize(at: directory) : try Repository.open(at: directory)
        let root = repository.workDirectory ?? directory
        let configURL = root.appendingPathComponent(Configuration.fileName)
        if files.fileExists(atPath: configURL.path) && !force {
            throw WorkspaceError.alreadyInitialized(root.path)
        }
        guard case .branch(let branch, let head) = try repository.head() else { throw WorkspaceError.detachedHead }
        let headTree = try head.map { try repository.commit($0).tree }
        let staged = try repository.changesInIndex(against: headTree).map(\.path).filter { $0 != Configuration.fileName }
        guard staged.isEmpty else { throw WorkspaceError.stagedChanges(staged) }
        // Asked before anything is written: without a name and e-mail there can be no commit.
        _ = try repository.defaultSignature()

        let text = Configuration.initialFile(instance: instance, table: table, format: format)
        _ = try Configuration.parse(text)
        // Read before anything is written, so that a config.yaml that cannot be read (or is no file)
        // stops init here instead of being replaced and lost.
        let previous = files.fileExists(atPath: configURL.path) ? try Data(contentsOf: configURL) : nil
        let indexURL = repository.gitDirectory.appendingPathComponent("index")
        let previousIndex = files.fileExists(atPath: indexURL.path) ? try Data(contentsOf: indexURL) : nil
        do {
            try Data(text.utf8).write(to: configURL, options: .atomic)
            try repository.stage(paths: [Configuration.fileName])
            let tree = try repository.writeIndexTree()
            let commit = try repository.createCommit(
                tree: tree, parents: head.map { [$0] } ?? [],
                message: "Start a grcsync workspace for \(instance.host ?? instance.absoluteString)\n",
                updatingReference: "refs/heads/\(branch)")
            return Report(directory: root.path, createdRepository: created, commit: commit.hex)
        } catch {
            if let previous { try? previous.write(to: configURL, options: .atomic) } else { try? files.removeItem(at: configURL) }
            if let previousIndex { try? previousIndex.write(to: indexURL, options: .atomic) } else { try? files.removeItem(at: indexURL) }
            throw error
        }
    }
}
