/// Everything one run at one size measured. Times in seconds, memory in bytes.
struct RunSample: Sendable {
    /// A grcsync operation's or a git command's time and peak memory.
    struct Timing: Sendable {
        var seconds: Double
        var peakRSS: Int
        /// CPU time, user and system (git commands only).
        var cpuSeconds: Double = .nan
    }

    var firstPull: PhaseResult
    var firstPullProcess: Timing
    var firstPullRequests: Int
    var fastImport: Timing
    var gitCheckout: Timing
    var status: PhaseResult
    var statusProcess: Timing
    var gitStatus: Timing
    var incrementalPull: PhaseResult
    var incrementalPullProcess: Timing
    var incrementalRequests: Int
    var incrementalChanged: Int
    var push: PhaseResult
    var pushProcess: Timing
    var pushRequests: Int
    var pushed: Int
}
