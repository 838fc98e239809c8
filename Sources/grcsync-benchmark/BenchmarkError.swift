import Foundation

/// What can stop a benchmark run, with what to do about it.
enum BenchmarkError: Error, CustomStringConvertible {
    case cannotRun(String, reason: String)
    case commandFailed(String, status: Int32, stderr: String)
    case phaseFailed(String, status: Int32, stderr: String)
    case unexpected(String)

    var description: String {
        switch self {
        case .cannotRun(let program, let reason):
            "Cannot start \(program): \(reason). Is it installed and on PATH?"
        case .commandFailed(let command, let status, let stderr):
            "'\(command)' failed with exit status \(status):\n\(stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .phaseFailed(let phase, let status, let stderr):
            "The grcsync \(phase) phase failed with exit status \(status):\n"
                + stderr.trimmingCharacters(in: .whitespacesAndNewlines)
                + "\nRun again with --keep to inspect the workspace."
        case .unexpected(let what):
            "The benchmark's own check failed: \(what). The numbers would not mean what they say, so none were written."
        }
    }
}
