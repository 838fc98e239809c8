import Foundation
import GitKit

/// CPU time spent on a piece of work, summed over the threads that did it.
///
/// A first pull renders and stores statements while the network brings more, on every core; its wall
/// time says little about the work itself (the other cores may be busy serving or decoding). The
/// benchmark compares this figure with `git fast-import`'s CPU time on the same files.
final class CPUTime: @unchecked Sendable {
    // @unchecked: `total` is only touched under `lock`.
    private let lock = NSLock()
    private var total: Duration = .zero

    /// The seconds counted so far.
    var seconds: Double {
        let total = lock.withLock { self.total }
        return Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
    }

    /// Runs `work` and counts the CPU time the calling thread spent in it.
    func count<Result>(_ work: () throws -> Result) rethrows -> Result {
        let start = ThreadCPUClock.now()
        defer { add(ThreadCPUClock.now() - start) }
        return try work()
    }

    /// Counts `spent`, measured with `ThreadCPUClock.now()` by the caller.
    func add(_ spent: Duration) {
        lock.withLock { total += spent }
    }
}
