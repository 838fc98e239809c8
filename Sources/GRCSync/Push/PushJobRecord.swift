public import Foundation

/// The JSON record of each push job, kept in `.git/grcsync/jobs/<job>.json` (the commit trailers carry
/// the same facts in summary, and travel with clones).
public enum PushJobRecord {
    static func directory(in state: URL) -> URL { state.appendingPathComponent("jobs") }

    static func save(_ report: PushReport, in state: URL) throws {
        let folder = directory(in: state)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(report).write(to: folder.appendingPathComponent("\(report.job).json"), options: .atomic)
    }

    /// The record of a job, when this clone ran it.
    public static func load(job: String, in state: URL) -> PushReport? {
        let url = directory(in: state).appendingPathComponent("\(job).json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(PushReport.self, from: data)
    }
}
