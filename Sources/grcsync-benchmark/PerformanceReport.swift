import Foundation

/// The results as Markdown, and their place in docs/performance.md: between two markers, so that the
/// hand-written explanation around them survives a new run.
struct PerformanceReport {
    static let begin = "<!-- BEGIN grcsync-benchmark results: generated, edit outside these markers -->"
    static let end = "<!-- END grcsync-benchmark results -->"

    let results: [SizeResult]
    let settings: BenchmarkSettings
    let machine: MachineDescription
    let commandLine: String
    let date: Date

    /// The generated section, markers included.
    var section: String {
        var out = Self.begin + "\n\n"
        let day = ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        out += "Measured on \(day) with `\(commandLine)` (release build), on:\n\n"
        out += machine.markdown + "\n\n"
        for result in results {
            out += "### \(Format.count(result.statements)) statements\n\n"
            let table = SizeTable(result: result, settings: settings)
            out += table.caption + "\n\n" + table.markdown + "\n"
        }
        out += targetsMarkdown
        return out + "\n" + Self.end + "\n"
    }

    /// The goals, checked at the largest size measured.
    var targetsMarkdown: String {
        guard let largest = results.max(by: { $0.statements < $1.statements }) else { return "" }
        var out = "### Targets at \(Format.count(largest.statements)) statements"
        out += largest.statements < 100_000 ? " (the goals are set for 100,000: not measured this time)\n\n" : "\n\n"
        out += "| target | goal | measured | |\n|---|---|--:|---|\n"
        for target in PerformanceTarget.all(settings: settings) {
            out += "| \(target.name) | \(target.goal) | \(target.format(target.measure(largest))) | "
            out += (target.isMet(by: largest) ? "met" : "**missed**") + " |\n"
        }
        return out
    }

    /// Puts the section into `existing` (replacing the previous results), or makes a new document.
    func document(replacingResultsIn existing: String?) -> String {
        if let existing, let start = existing.range(of: Self.begin),
            let stop = existing.range(of: Self.end, range: start.upperBound..<existing.endIndex)
        {
            var after = existing[stop.upperBound...]
            if after.hasPrefix("\n") { after = after.dropFirst() }
            return existing[..<start.lowerBound] + section + after
        }
        return """
            # Performance

            `scripts/benchmark.sh` builds and runs `grcsync-benchmark`, which measures grcsync against the real \
            `git` on the same content and rewrites the results below.

            \(section)
            ## What the numbers mean

            (Explain here each missed target: where the time goes and what would fix it.)

            """
    }
}
