public import Foundation

/// What a finished child process left: exit status and both outputs.
public struct ProcessResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }

    /// Runs `executable` with `arguments` in `directory`, with exactly `environment`, and waits — on a
    /// Dispatch thread, never on one of Swift concurrency's few cooperative threads: an in-process
    /// emulator answering the child needs those.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String])
        async throws -> ProcessResult
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try runBlocking(executable, arguments, in: directory, environment: environment)
                })
            }
        }
    }

    /// The blocking form, for code that is not in a task.
    public static func runBlocking(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String])
        throws -> ProcessResult
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
