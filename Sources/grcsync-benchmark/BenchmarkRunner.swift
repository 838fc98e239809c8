import Foundation
import GitKit
import ServiceNowEmulator

/// Runs every size and every run, prints each size's table as soon as it is done, and keeps the report
/// file up to date after each size, so that a long run interrupted at 100,000 keeps the smaller sizes.
struct BenchmarkRunner {
    let settings: BenchmarkSettings
    let output: URL?
    let commandLine: String

    private static let gitConfig = """
        [user]
        \tname = Benchmark
        \temail = benchmark@example.com
        [init]
        \tdefaultBranch = main
        [gc]
        \tauto = 0
        [maintenance]
        \tauto = false

        """

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let log: @Sendable (String) -> Void = { message in
            let stamp = String(format: "[%7.1f s] ", (clock.now - started).seconds)
            FileHandle.standardError.write(Data((stamp + message + "\n").utf8))
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("grcsync-benchmark-\(UUID().uuidString.prefix(8))")
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer {
            if settings.keep { log("kept \(root.path)") } else { try? FileManager.default.removeItem(at: root) }
        }
        try Data(Self.gitConfig.utf8).write(to: home.appendingPathComponent(".gitconfig"))
        // This process's libgit2 (InitService) reads the same isolated configuration as the children.
        try GitSettings.setConfigSearchPath(home)

        let inherited = ProcessInfo.processInfo.environment
        var environment = ["HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C", "TMPDIR": root.path]
        environment["PATH"] = inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let git = GitCLI(executable: try GitCLI.locate(environment: environment), environment: environment, scratch: root)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let machine = await MachineDescription.current(environment: environment, scratch: root)

        var results: [SizeResult] = []
        for size in settings.sizes {
            log("\(Format.count(size)) statements: seeding the emulator")
            let seedStart = clock.now
            let emulator = try await BenchmarkEmulator.start(statements: size)
            let seedSeconds = (clock.now - seedStart).seconds
            var samples: [RunSample] = []
            do {
                for round in 1...settings.runs {
                    let directory = root.appendingPathComponent("n\(size)-run\(round)")
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                    let run = BenchmarkRun(
                        emulator: emulator, settings: settings, directory: directory, git: git, executable: executable,
                        environment: environment, round: round,
                        log: { log("\(Format.count(size)) statements, run \(round)/\(settings.runs): \($0)") })
                    // Run directories are removed only at the end: ext4 skips inodes freed in the last 60
                    // seconds (300 while their table block is dirty) when it creates files, so deleting a
                    // run's 200,000 files slowed the next run's checkouts several times over.
                    samples.append(try await run.measure())
                }
            } catch {
                await emulator.server.stop()
                throw error
            }
            await emulator.server.stop()
            let result = SizeResult(
                statements: size, meanStatementBytes: emulator.meanStatementBytes,
                changedStatements: samples.first?.incrementalChanged ?? 0, pushedStatements: samples.first?.pushed ?? 0,
                seedSeconds: seedSeconds, samples: samples)
            results.append(result)
            let table = SizeTable(result: result, settings: settings)
            print("\n\(Format.count(size)) statements\n\(table.caption)\n\n\(table.markdown)")
            try write(PerformanceReport(
                results: results, settings: settings, machine: machine, commandLine: commandLine, date: Date()))
        }
        let report = PerformanceReport(results: results, settings: settings, machine: machine, commandLine: commandLine, date: Date())
        print(report.targetsMarkdown)
        if let output { log("wrote \(output.path)") }
    }

    private func write(_ report: PerformanceReport) throws {
        guard let output else { return }
        let existing = try? String(contentsOf: output, encoding: .utf8)
        try Data(report.document(replacingResultsIn: existing).utf8).write(to: output, options: .atomic)
    }
}
