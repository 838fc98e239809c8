public import Foundation

/// An isolated home for one test: its own `$HOME` with a `.gitconfig` holding a fixed identity, so
/// neither the real `git` nor libgit2 reads the developer's or the CI machine's settings.
public final class TestEnvironment: Sendable {
    public let home: TemporaryDirectory
    public let userName: String
    public let userEmail: String

    public init(userName: String = "Ada Tester", userEmail: String = "ada@example.org") throws {
        home = try TemporaryDirectory("grcsync-home")
        self.userName = userName
        self.userEmail = userEmail
        let config = """
            [user]
            \tname = \(userName)
            \temail = \(userEmail)
            [init]
            \tdefaultBranch = main
            [advice]
            \tdetachedHead = false

            """
        try Data(config.utf8).write(to: home.appending(".gitconfig"))
    }

    /// The variables child processes get: PATH, the isolated HOME, no system Git config.
    public func variables(_ extra: [String: String] = [:]) -> [String: String] {
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.url.path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C.UTF-8",
        ]
        variables.merge(extra) { _, new in new }
        return variables
    }

    /// Runs the real `git` CLI in `directory`.
    @discardableResult
    public func git(_ arguments: String..., in directory: URL) async throws -> ProcessResult {
        try await ProcessResult.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, environment: variables())
    }

    /// Runs the real `git` CLI and returns its standard output, failing the test's expectation on error.
    public func gitOutput(_ arguments: String..., in directory: URL) async throws -> String {
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, environment: variables())
        guard result.status == 0 else { throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result)") }
        return result.stdout
    }
}

/// A setup step of a test failed.
public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
