/// Times a phase from opening the workspace to the report, as the command does (process start-up is
/// not counted). The split of a pull into network, ingest and merge comes from `PullReport.timings`.
struct PhaseClock {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant

    init() { started = clock.now }

    /// Seconds since the clock started.
    var elapsed: Double { (clock.now - started).seconds }
}
