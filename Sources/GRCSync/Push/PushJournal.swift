import Foundation

/// The intent of a push, written to `.git/grcsync/push-journal.json` before the first write and removed
/// once the push is recorded in Git. If grcsync is killed in between, the next push or pull reads it,
/// asks ServiceNow which of these statements arrived, and records them — so none is written twice and
/// the repository ends consistent.
struct PushJournal: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var path: String
        var sysID: String
        /// `sys_mod_count` the statement had when we checked it, before our write.
        var baseModCount: Int
        /// The HTML we send.
        var html: String
        /// The file's blob in HEAD, so recovery records exactly this content.
        var blob: String

        enum CodingKeys: String, CodingKey {
            case path, html, blob
            case sysID = "sys_id"
            case baseModCount = "base_mod_count"
        }
    }

    var job: String
    var startedAt: String
    var user: String?
    var head: String
    var mirrorTip: String
    var entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case job, user, head, entries
        case startedAt = "started_at"
        case mirrorTip = "mirror_tip"
    }

    static func url(in directory: URL) -> URL { directory.appendingPathComponent("push-journal.json") }

    /// Writes atomically (temporary file + rename), so a crash never leaves half a journal.
    func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: Self.url(in: directory), options: .atomic)
    }

    /// Whether an interrupted push left a journal in `directory`.
    static func exists(in directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: url(in: directory).path)
    }

    static func load(from directory: URL) throws -> PushJournal? {
        let url = url(in: directory)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(PushJournal.self, from: Data(contentsOf: url))
    }

    static func remove(from directory: URL) {
        try? FileManager.default.removeItem(at: url(in: directory))
    }
}
