/// What a benchmark run is asked to do, from the command line.
struct BenchmarkSettings: Sendable {
    /// Statement counts to measure, each with its own emulator.
    var sizes: [Int]
    /// Runs per size; the report shows medians.
    var runs: Int
    /// Latency the emulator adds to every request during the push measurement.
    var latencyMilliseconds: Int
    /// `concurrency` in the workspace's config.yaml.
    var concurrency: Int
    /// Statements edited and pushed (at most N).
    var pushCount: Int
    /// Keep the temporary directories for inspection.
    var keep: Bool

    /// The push's lower bound: M × latency ÷ concurrency.
    func idealPushSeconds(statements: Int) -> Double {
        Double(min(pushCount, statements)) * Double(latencyMilliseconds) / 1000 / Double(max(1, concurrency))
    }
}
