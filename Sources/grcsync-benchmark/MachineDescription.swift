import Foundation

/// The machine the numbers come from: they are one machine's, ratios travel better.
struct MachineDescription: Sendable {
    var processors: Int
    var memoryBytes: UInt64
    var processor: String
    var operatingSystem: String
    var swift: String
    var git: String
    var libgit2: String

    /// Describes this machine, asking `swift`, `git` and `pkg-config` for their versions.
    static func current(environment: [String: String], scratch: URL) async -> MachineDescription {
        func ask(_ program: String, _ arguments: [String]) async -> String {
            for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
                let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(program)
                guard FileManager.default.isExecutableFile(atPath: url.path) else { continue }
                let outcome = try? await ChildProcess(
                    executable: url, arguments: arguments, environment: environment, scratch: scratch
                ).run()
                let text = String(decoding: outcome?.stdout ?? Data(), as: UTF8.self)
                return text.split(separator: "\n").first.map(String.init) ?? "unknown"
            }
            return "unknown (\(program) not on PATH)"
        }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return MachineDescription(
            processors: ProcessInfo.processInfo.activeProcessorCount, memoryBytes: ProcessInfo.processInfo.physicalMemory,
            processor: model, operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString,
            swift: await ask("swift", ["--version"]), git: await ask("git", ["--version"]),
            libgit2: await ask("pkg-config", ["--modversion", "libgit2"]))
    }

    var markdown: String {
        """
        - \(processors) cores (\(processor)), \(String(format: "%.1f", Double(memoryBytes) / 1_073_741_824)) GiB memory, \
        \(operatingSystem)
        - \(swift)
        - \(git), libgit2 \(libgit2)
        """
    }
}
