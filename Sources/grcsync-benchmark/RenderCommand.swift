import ArgumentParser
import Foundation
import GitKit
import ServiceNowEmulator
import Statements

/// Times a first pull's work per statement alone, on one thread: `HTMLLayout.layOut` (what `pull` does
/// per statement in the HTML format), `HTMLEquivalence.canonicalForm` (the proof inside it) and
/// `PackWriter.prepare` of the laid-out file (hashing and deflating it into a pack entry), over
/// generated statements and, when the fixture is present, the 317 real 18F statements.
///
/// Times are CPU time of this thread, so other work on a shared machine does not inflate them. The
/// digest of every output lets two builds be checked for byte-identical results.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Time HTMLLayout.layOut, HTMLEquivalence.canonicalForm and PackWriter.prepare on one thread.",
        discussion: """
            Example:
              grcsync-benchmark render --count 20000
            """,
        shouldDisplay: false)

    @Option(help: "How many statements to generate.")
    var count = 10_000

    @Option(help: "The text each generated statement starts with.")
    var base = "<p>Implemented by the platform team.</p>"

    @Option(help: "How many times to render the real statements (they are few).")
    var rounds = 20

    @Option(help: "The 18F statements (JSONL), by default where CI keeps them beside the clone; skipped when absent.")
    var statements = "../shared/fixtures/grc-seed/statements-18f.jsonl"

    func run() throws {
        let corpus = StatementCorpus()
        let generated = (0..<count).map { corpus.statement(base: base, index: $0) }
        measure("generated (\(Format.count(count)))", generated, rounds: 1)
        if FileManager.default.fileExists(atPath: statements) {
            let file = try StatementsFile(contentsOf: URL(fileURLWithPath: statements))
            let real = file.statements.keys.sorted().flatMap { file.statements[$0] ?? [] }
            measure("18F (\(real.count) × \(rounds))", real, rounds: rounds)
        } else {
            print("18F: \(statements) is absent, skipped")
        }
    }

    private func measure(_ title: String, _ htmls: [String], rounds: Int) {
        let bytes = htmls.reduce(0) { $0 + $1.utf8.count } * rounds
        let renders = htmls.count * rounds
        var outputs: [String] = []
        outputs.reserveCapacity(renders * 2)
        let layOut = ThreadCPUTime.measure {
            for _ in 0..<rounds {
                for html in htmls { outputs.append(HTMLLayout.layOut(html)) }
            }
        }
        let canonical = ThreadCPUTime.measure {
            for _ in 0..<rounds {
                for html in htmls { outputs.append(HTMLEquivalence.canonicalForm(html)) }
            }
        }
        var packed = 0
        let pack = ThreadCPUTime.measure {
            for output in outputs.prefix(renders) { packed &+= PackWriter.prepare(output.utf8).packedSize }
        }
        var digest = Digest()
        for output in outputs { digest.add(output) }
        print("\(title): \(renders) renders, \(bytes / max(1, renders)) bytes on average, packed to \(packed / max(1, renders))")
        for (name, seconds) in [("layOut", layOut), ("canonicalForm", canonical), ("pack entry", pack)] {
            let micros = seconds * 1e6 / Double(max(1, renders))
            let megabytes = Double(bytes) / 1e6 / seconds
            let label = name.padding(toLength: 14, withPad: " ", startingAt: 0)
            print("  " + label + String(format: "%8.1f µs per statement  %7.1f MB/s", micros, megabytes))
        }
        print("  output digest  \(String(digest.value, radix: 16))")
    }
}

/// FNV-1a over every output, so that two builds can be compared for byte-identical results.
private struct Digest {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        value = (value ^ 0xFF) &* 0x100_0000_01B3
    }
}

/// CPU time of the calling thread spent in `work`, in seconds.
private enum ThreadCPUTime {
    static func measure(_ work: () -> Void) -> Double {
        let start = ThreadCPUClock.now()
        work()
        let spent = ThreadCPUClock.now() - start
        return Double(spent.components.seconds) + Double(spent.components.attoseconds) / 1e18
    }
}
