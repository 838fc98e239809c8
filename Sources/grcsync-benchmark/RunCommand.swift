import ArgumentParser
import Foundation

/// The benchmark itself: grcsync against the real git on the same content, at several sizes.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure grcsync against git on the same statements and write a table of medians.",
        discussion: """
            For each size N it starts the ServiceNow emulator in this process with N statements of ~1.5 KB \
            and, in a fresh workspace per run, measures:
              • the first pull, split into network, ingest (the mirror commit; its CPU time against that of \
            'git fast-import' on the same tree) and checkout (against 'git checkout' of the same commit);
              • 'grcsync status' against 'git status' on the same workspace;
              • an incremental pull after a colleague changed 1% of the statements;
              • a push of M edited statements with the emulator answering after --latency-ms, against the \
            ideal M × latency ÷ concurrency;
              • HTTP requests per operation and the peak RSS of each operation (each runs in its own process).
            Build in release mode first ('scripts/benchmark.sh' does). 100,000 statements take several \
            minutes per run and a few GB of temporary disk.

            Examples:
              grcsync-benchmark --statements 1000 --runs 1
              grcsync-benchmark --statements 1000,10000,100000 --runs 3 --latency-ms 50 --concurrency 5 \\
                --push 1000 --output docs/performance.md
            """)

    @Option(help: ArgumentHelp("Statement counts to measure, comma-separated.", valueName: "n,n,..."))
    var statements = "1000,10000,100000"

    @Option(help: "Runs per size; the table shows medians.")
    var runs = 3

    @Option(name: .customLong("latency-ms"), help: "Latency the emulator adds to every request while measuring push.")
    var latencyMilliseconds = 50

    @Option(help: "Requests in flight ('concurrency' in the workspace's config.yaml).")
    var concurrency = 5

    @Option(name: .customLong("push"), help: "Statements to edit and push (at most N).")
    var pushCount = 1000

    @Option(help: "Write the results into this Markdown file, keeping any text outside the results markers.")
    var output: String?

    @Flag(help: "Keep the temporary workspaces and repositories, and print where they are.")
    var keep = false

    func validate() throws {
        guard parsedSizes != nil else {
            throw ValidationError("--statements takes positive whole numbers separated by commas, e.g. 1000,10000; not '\(statements)'.")
        }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard latencyMilliseconds >= 0 else { throw ValidationError("--latency-ms cannot be negative.") }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64.") }
        guard pushCount >= 1 else { throw ValidationError("--push must be at least 1.") }
    }

    private var parsedSizes: [Int]? {
        let sizes = statements.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return sizes.compactMap(\.self)
    }

    func run() async throws {
        let settings = BenchmarkSettings(
            sizes: parsedSizes ?? [], runs: runs, latencyMilliseconds: latencyMilliseconds, concurrency: concurrency,
            pushCount: pushCount, keep: keep)
        let outputURL = output.map {
            URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        }
        var words = ["grcsync-benchmark", "--statements", settings.sizes.map(String.init).joined(separator: ","),
                     "--runs", "\(runs)", "--latency-ms", "\(latencyMilliseconds)", "--concurrency", "\(concurrency)",
                     "--push", "\(pushCount)"]
        if let output { words += ["--output", output] }
        do {
            try await BenchmarkRunner(settings: settings, output: outputURL, commandLine: words.joined(separator: " ")).run()
        } catch let error as BenchmarkError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
