public import Foundation

/// A bare repository standing in for a Git host ("the forge"), and clones of it for other people, each
/// with its own Git identity in its repository config — so that two people can work on one workspace
/// with the real `git push` / `git clone` / `git pull`.
public struct Forge: Sendable {
    /// The bare repository.
    public let bare: URL
    private let scenario: Scenario

    /// Creates the bare repository beside the scenario's workspace, adds it to the workspace as the
    /// remote `origin`, and pushes `main` there (with upstream, so `git pull` works).
    public init(_ scenario: Scenario) async throws {
        self.scenario = scenario
        bare = scenario.folder.appending("forge.git")
        _ = try await scenario.environment.gitOutput("init", "-q", "--bare", "--initial-branch=main", bare.path, in: scenario.folder.url)
        try await scenario.git("remote", "add", "origin", bare.path)
        try await scenario.git("push", "-q", "-u", "origin", "main")
    }

    /// Clones the forge into a new folder `name` whose commits are by `name <email>`.
    public func clone(_ name: String, email: String) async throws -> URL {
        let directory = scenario.folder.appending(name.lowercased())
        _ = try await scenario.environment.gitOutput("clone", "-q", bare.path, directory.path, in: scenario.folder.url)
        try await identify(directory, name: name, email: email)
        return directory
    }

    /// Sets the Git identity of the repository at `directory`.
    public func identify(_ directory: URL, name: String, email: String) async throws {
        _ = try await scenario.environment.gitOutput("config", "user.name", name, in: directory)
        _ = try await scenario.environment.gitOutput("config", "user.email", email, in: directory)
    }

    /// The real `git` in `directory`; throws with the whole output on failure.
    @discardableResult
    public func git(_ arguments: String..., in directory: URL) async throws -> String {
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, environment: scenario.environment.variables())
        guard result.status == 0 else { throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result)") }
        return result.stdout
    }

    /// The real `git` in `directory`, returning the whole result (for commands expected to fail).
    public func gitResult(_ arguments: String..., in directory: URL) async throws -> ProcessResult {
        try await ProcessResult.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, environment: scenario.environment.variables())
    }
}

/// An SSH key pair made with the real `ssh-keygen` for a test.
public struct SSHKey: Sendable {
    /// The private key file (the public key is beside it, with `.pub`).
    public let privateKey: URL
    /// The public key line, e.g. `ssh-ed25519 AAAA… comment`.
    public let publicKey: String

    /// Generates an ed25519 key without a passphrase in `folder`.
    public init(_ name: String, in folder: URL) async throws {
        privateKey = folder.appendingPathComponent("\(name)_ed25519")
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", privateKey.path],
            in: folder, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        guard result.status == 0 else { throw TestFailure("ssh-keygen failed: \(result)") }
        publicKey = try String(contentsOf: privateKey.appendingPathExtension("pub"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A line of an `allowed_signers` file granting this key to `email`.
    public func allowedSignersLine(for email: String) -> String {
        let parts = publicKey.split(separator: " ")
        return "\(email) \(parts.prefix(2).joined(separator: " "))"
    }
}
