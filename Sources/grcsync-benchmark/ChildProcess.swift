import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run to completion with its wall time and peak memory, as the kernel accounted them.
///
/// Peak memory is sampled from /proc while the child runs (see `PeakMemory` for why not `ru_maxrss`). The
/// blocking `waitpid` runs on a Dispatch thread, never on one of Swift concurrency's few threads, which the
/// in-process emulator needs to answer the child.
struct ChildProcess {
    /// How a finished child ended.
    struct Outcome: Sendable {
        /// The exit status (128 + signal when killed by a signal).
        var status: Int32
        /// From just before spawning to just after reaping.
        var seconds: Double
        /// The child's CPU time, user and system, as `wait4` reports it.
        var cpuSeconds: Double
        /// Peak resident set size in bytes, as sampled (0 when the child ended before the first sample).
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
        let sampler = PeakMemory.Sampler(pid: pid)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError.cannotRun(executable.path, reason: "waitpid failed") }
        }
        let seconds = (clock.now - started).seconds
        let peak = sampler.stop()
        let signal = status & 0x7f
        return Outcome(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, seconds: seconds,
            cpuSeconds: Self.seconds(usage.ru_utime) + Self.seconds(usage.ru_stime),
            peakRSS: peak,
            stdout: (try? Data(contentsOf: outURL)) ?? Data(),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}

extension ChildProcess {
    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
