import ArgumentParser

/// `grcsync-benchmark`: grcsync measured against git itself (see docs/performance.md).
@main
struct GRCSyncBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grcsync-benchmark",
        abstract: "Measure grcsync against the real git on the same content, with an in-process ServiceNow emulator.",
        discussion: "Build with 'swift build -c release --product grcsync-benchmark', or run scripts/benchmark.sh.",
        subcommands: [RunCommand.self, PhaseCommand.self, RenderCommand.self],
        defaultSubcommand: RunCommand.self)
}
