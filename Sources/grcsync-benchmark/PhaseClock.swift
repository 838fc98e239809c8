import Foundation
import GRCSync

/// Timestamps the progress events a pull reports, to split its time into network, ingest and merge
/// without changing the code path: `fetching(done: n, total: n)` follows the last content batch and
/// `phase("merging")` precedes the merge.
final class PhaseClock: @unchecked Sendable {
    // @unchecked: every access to the marks goes through `lock`; progress arrives from any task.
    private let lock = NSLock()
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var fetched: ContinuousClock.Instant?
    private var merging: ContinuousClock.Instant?

    init() { started = clock.now }

    /// The handler to pass to the service.
    var handler: ProgressHandler {
        { [self] event in
            let now = clock.now
            lock.withLock {
                switch event {
                case .fetching(let done, let total) where done == total: fetched = now
                case .phase("merging"): merging = now
                default: break
                }
            }
        }
    }

    /// Seconds since the clock started.
    var elapsed: Double { (clock.now - started).seconds }

    /// Network, ingest and merge seconds, once the operation returned.
    func split() -> (network: Double?, ingest: Double?, merge: Double?) {
        let end = clock.now
        return lock.withLock {
            guard let fetched, let merging else { return (nil, nil, nil) }
            return ((fetched - started).seconds, (merging - fetched).seconds, (end - merging).seconds)
        }
    }
}
