/// What one grcsync operation measured about itself in a child process, printed as JSON.
struct PhaseResult: Codable, Sendable {
    /// From opening the workspace to the service's report, as the CLI command does.
    var seconds: Double
    /// Pull only: listing and fetching (until the last content batch arrived).
    var networkSeconds: Double?
    /// Pull only: rendering statements and writing blobs, trees and the mirror commit.
    var ingestSeconds: Double?
    /// Pull only: the CPU time of that ingest, summed over its threads.
    var ingestCPUSeconds: Double?
    /// Pull only: merging the mirror into the branch (a fast-forward checkout on the first pull).
    var mergeSeconds: Double?
    /// HTTP requests the client made.
    var requests: Int
    /// Statements changed (pull), listed in the report (status) or pushed (push).
    var statements: Int
    /// Whether the operation ended as the benchmark expects (merge without conflict, every push written).
    var succeeded: Bool
    /// This process's peak RSS in bytes (`VmHWM`).
    var peakRSS: Int
    /// A short account of the result when it did not succeed.
    var detail: String?
}
