import Foundation

/// Peak resident memory (`VmHWM`) from /proc.
///
/// A child's `ru_maxrss` cannot be used: `posix_spawn` starts the child in its parent's address space,
/// and Linux folds that address space's peak into the child's `ru_maxrss` at exec — every child would
/// look at least as big as this process with its emulator. `VmHWM` belongs to the address space after
/// exec, so a grcsync phase reports its own, and git's is sampled from outside while it runs.
enum PeakMemory {
    /// This process's peak RSS in bytes (0 where /proc is missing).
    static func ownPeak() -> Int {
        read("/proc/self/status") ?? 0
    }

    /// A running process's peak RSS so far, or nil once it has exited.
    static func peak(of pid: pid_t) -> Int? {
        read("/proc/\(pid)/status")
    }

    private static func read(_ path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
        return kilobytes.map { $0 * 1024 }
    }

    /// Samples a child's `VmHWM` every two milliseconds until stopped; misses only growth in the last
    /// sample interval (and processes that end within it, which then report 0).
    final class Sampler: @unchecked Sendable {
        // @unchecked: `peak` and `running` are only touched under `lock`.
        private let lock = NSLock()
        private var peakBytes = 0
        private var running = true

        /// Starts sampling `pid` on a Dispatch thread.
        init(pid: pid_t) {
            DispatchQueue.global().async { [self] in
                while lock.withLock({ running }) {
                    if let value = PeakMemory.peak(of: pid) { lock.withLock { peakBytes = max(peakBytes, value) } }
                    usleep(2_000)
                }
            }
        }

        /// Stops sampling and returns the largest value seen.
        func stop() -> Int {
            lock.withLock {
                running = false
                return peakBytes
            }
        }
    }
}
