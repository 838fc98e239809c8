import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run to completion with its wall time and peak memory, as the kernel accounted them.
///
/// `Foundation.Process` does not expose a child's resource usage, so this spawns with `posix_spawn` and
/// reaps with `wait4`, which returns the child's own `ru_maxrss`: every measured process (grcsync phase or
/// git) gets its own peak RSS, and the emulator in this process is never counted. The blocking `wait4`
/// runs on a Dispatch thread, never on one of Swift concurrency's few threads, which the in-process
/// emulator needs to answer the child.
struct ChildProcess {
    /// How a finished child ended.
    struct Outcome: Sendable {
        /// The exit status (128 + signal when killed by a signal).
        var status: Int32
        /// From just before spawning to just after reaping.
        var seconds: Double
        /// Peak resident set size in bytes.
        var peakRSS: Int
        /// Standard output.
        var stdout: Data
        /// Standard error, for error messages.
        var stderr: String
    }

    let executable: URL
    let arguments: [String]
    let environment: [String: String]
    /// Standard input is read from this file (or `/dev/null`).
    var standardInput: URL?
    /// Where standard output and error go while the child runs (files, so a chatty child never blocks).
    let scratch: URL

    /// Runs the child and waits for it without blocking a Swift concurrency thread.
    func run() async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking() })
            }
        }
    }

    private func runBlocking() throws -> Outcome {
        let token = UUID().uuidString
        let outURL = scratch.appendingPathComponent("\(token).out")
        let errURL = scratch.appendingPathComponent("\(token).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let clock = ContinuousClock()
        let started = clock.now
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchmarkError.cannotRun(executable.path, reason: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError.cannotRun(executable.path, reason: "wait4 failed") }
        }
        let seconds = (clock.now - started).seconds
        let signal = status & 0x7f
        return Outcome(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, seconds: seconds,
            peakRSS: Self.bytes(fromMaxRSS: Int(usage.ru_maxrss)),
            stdout: (try? Data(contentsOf: outURL)) ?? Data(),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }

    /// `ru_maxrss` is in kilobytes on Linux and in bytes on macOS.
    private static func bytes(fromMaxRSS value: Int) -> Int {
        #if os(Linux)
        value * 1024
        #else
        value
        #endif
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
