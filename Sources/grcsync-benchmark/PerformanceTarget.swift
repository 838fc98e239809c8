/// A goal from issue 6, checked at the largest size measured (the goals are set for 100,000).
struct PerformanceTarget {
    /// What is measured.
    var name: String
    /// The goal as people read it.
    var goal: String
    /// The largest acceptable value.
    var limit: Double
    /// The measured value at a size.
    var measure: (SizeResult) -> Double
    /// The value as people read it.
    var format: (Double) -> String

    /// Whether `result` meets the goal.
    func isMet(by result: SizeResult) -> Bool {
        let value = measure(result)
        return !value.isNaN && value <= limit
    }

    /// The goals of issue 6.
    static func all(settings: BenchmarkSettings) -> [PerformanceTarget] {
        let ratio: (Double) -> String = { Format.ratio($0) }
        let seconds: (Double) -> String = { Format.seconds($0) }
        return [
            PerformanceTarget(
                name: "First pull's ingest vs `git fast-import` (CPU time)", goal: "≤ 1.3×", limit: 1.3,
                measure: { $0.medianPart { $0.firstPull.ingestCPUSeconds } / $0.median { $0.fastImport.cpuSeconds } },
                format: ratio),
            PerformanceTarget(
                name: "First pull's checkout vs `git checkout`", goal: "≤ 1.5×", limit: 1.5,
                measure: { $0.medianPart { $0.firstPull.mergeSeconds } / $0.median { $0.gitCheckout.seconds } },
                format: ratio),
            PerformanceTarget(
                name: "`grcsync status` vs `git status`", goal: "≤ 1.0×", limit: 1.0,
                measure: { $0.median { $0.status.seconds } / $0.median { $0.gitStatus.seconds } }, format: ratio),
            PerformanceTarget(
                name: "Incremental pull, 1% changed", goal: "≤ 3 s", limit: 3,
                measure: { $0.median { $0.incrementalPull.seconds } }, format: seconds),
            PerformanceTarget(
                name: "Push of \(Format.count(settings.pushCount)) at \(settings.latencyMilliseconds) ms, "
                    + "concurrency \(settings.concurrency)",
                goal: "≤ 12 s (set for 1,000 at 50 ms, concurrency 5)", limit: 12,
                measure: { $0.median { $0.push.seconds } }, format: seconds),
            PerformanceTarget(
                name: "Peak RSS of any grcsync operation", goal: "≤ 150 MB", limit: 150e6,
                measure: { Double($0.grcsyncPeakRSS) }, format: { Format.megabytes(Int($0)) }),
        ]
    }
}
