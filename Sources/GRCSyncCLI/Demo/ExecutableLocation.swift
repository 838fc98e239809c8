import Foundation

/// How the user can run this `grcsync` again from a shell: its name when the `grcsync` found on `PATH` is
/// this very executable, else its full path. The demo, run by `scripts/demo.sh` from a fresh build, is
/// usually not on `PATH`, and its closing advice must work when pasted.
enum ExecutableLocation {
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let running = runningExecutable() else { return "grcsync" }
        // The shell runs the first `grcsync` on PATH: only if that is this one does the name do.
        let first = (environment["PATH"] ?? "").split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("grcsync") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return first?.resolvingSymlinksInPath().path == running.path ? "grcsync" : running.path
    }

    /// The running executable's real path (Linux's `/proc/self/exe`, else the first argument).
    private static func runningExecutable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath()
        }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.resolvingSymlinksInPath()
    }
}
