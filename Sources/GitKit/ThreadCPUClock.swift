import Foundation

/// The CPU time the calling thread has used so far (`CLOCK_THREAD_CPUTIME_ID`): what GitKit's helper
/// threads report, what a pull's ingest sums over its threads, and what the benchmark times work with.
public enum ThreadCPUClock {
    public static func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
