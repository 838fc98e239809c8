/// All runs at one size, reduced to medians.
struct SizeResult: Sendable {
    /// N.
    var statements: Int
    /// Mean statement size in bytes.
    var meanStatementBytes: Int
    /// Statements changed by the colleague before the incremental pull (1%).
    var changedStatements: Int
    /// Statements pushed.
    var pushedStatements: Int
    /// Seconds to seed the emulator (not part of any measurement).
    var seedSeconds: Double
    var samples: [RunSample]

    /// The median of a measurement over the runs.
    func median(_ value: (RunSample) -> Double) -> Double {
        let sorted = samples.map(value).sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median of an integer measurement.
    func medianCount(_ value: (RunSample) -> Int) -> Int {
        Int(median { Double(value($0)) }.rounded())
    }

    /// The median of an optional part of a measurement (NaN when a run lacks it).
    func medianPart(_ value: (RunSample) -> Double?) -> Double {
        median { value($0) ?? .nan }
    }

    /// The largest peak RSS of any grcsync operation, in the run where it was largest.
    var grcsyncPeakRSS: Int {
        samples.map {
            max($0.firstPullProcess.peakRSS, $0.statusProcess.peakRSS, $0.incrementalPullProcess.peakRSS, $0.pushProcess.peakRSS)
        }.max() ?? 0
    }
}
