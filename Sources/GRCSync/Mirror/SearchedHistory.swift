import Foundation
import GitKit

/// Where the last search for a newer mirror commit in the branch's history ended without finding one:
/// `.git/grcsync/mirror-searched`, one line `<mirror tip> <HEAD> <instance>`. Everything reachable from
/// that HEAD was read with that tip, so a later search with the same tip and instance starts from the
/// commits after it. A missing, unreadable or stale file only means reading the whole history again.
struct SearchedHistory {
    let repository: Repository
    /// The instance, normalised: mirror commits of another instance are not looked for.
    let instance: String

    private var file: URL { repository.gitDirectory.appendingPathComponent("grcsync/mirror-searched") }

    /// The HEAD an earlier search with `tip` read up to, if any.
    func head(searchedWith tip: ObjectID) -> ObjectID? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 2).map(String.init)
        guard fields.count == 3, fields[0] == tip.hex, fields[2] == instance else { return nil }
        return ObjectID(hex: fields[1])
    }

    /// Notes that everything reachable from `head` was read with `tip` and held no newer mirror commit.
    /// Best effort: a search that cannot be recorded is simply done again next time.
    func record(head: ObjectID, searchedWith tip: ObjectID) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data("\(tip.hex) \(head.hex) \(instance)\n".utf8).write(to: file, options: .atomic)
    }
}
