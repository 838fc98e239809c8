import Foundation

/// The real `git` command, run with an isolated configuration (its own HOME, no system config) so that
/// nothing on the machine changes what is measured.
struct GitCLI {
    let executable: URL
    let environment: [String: String]
    let scratch: URL

    /// Finds `git` on PATH.
    static func locate(environment: [String: String]) throws -> URL {
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("git")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BenchmarkError.cannotRun("git", reason: "not found on PATH")
    }

    /// Runs `git` and returns what happened; throws when it exits non-zero.
    @discardableResult
    func run(_ arguments: [String], input: URL? = nil) async throws -> ChildProcess.Outcome {
        let outcome = try await ChildProcess(
            executable: executable, arguments: arguments, environment: environment, standardInput: input, scratch: scratch
        ).run()
        guard outcome.status == 0 else {
            throw BenchmarkError.commandFailed("git " + arguments.joined(separator: " "), status: outcome.status, stderr: outcome.stderr)
        }
        return outcome
    }

    /// Runs `git` and returns its output without the trailing newline.
    func output(_ arguments: [String]) async throws -> String {
        let outcome = try await run(arguments)
        return String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
