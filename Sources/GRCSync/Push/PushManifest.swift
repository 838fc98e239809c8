import Foundation

/// The mirror tip's manifest for a push. The entries of the statements to send are found at once in the
/// file's bytes (`ManifestSearch`); the whole manifest, needed only to record what was written, is
/// parsed on another thread beside the check and the writes (~0.13 s of 100,000 lines off the time
/// before the first request).
final class PushManifest {
    private let search: ManifestSearch?
    private var parsing: Task<Manifest, any Error>?

    /// `data` is the manifest file (nil: the mirror has none); `origin` names it in errors.
    init(data: Data?, origin: String) {
        search = data.map(ManifestSearch.init)
        parsing = Task.detached { try data.map { try Manifest(jsonl: $0, origin: origin) } ?? Manifest() }
    }

    /// What `select` makes of the entries found in the file's bytes; nil when a path could not be
    /// answered that way (the caller then selects from `take()`).
    func searched(_ select: ((String) -> ManifestEntry?) throws -> PushSelection) rethrows -> PushSelection? {
        guard let search else { return nil }
        var unanswered = false
        let selection = try select { path in
            guard case .found(let entry) = search.entry(path: path) else {
                unanswered = true
                return nil
            }
            return entry
        }
        return unanswered ? nil : selection
    }

    /// The whole manifest, handed over once: a finished task keeps its result while it lives, and a
    /// manifest still shared with it would be copied whole (100,000 entries, ~27 MB) by the mirror
    /// commit's first change.
    func take() async throws -> Manifest {
        guard let parsing else { throw PushManifestTaken() }
        self.parsing = nil
        return try await parsing.value
    }
}

/// `PushManifest.take()` was called twice: a programming error.
struct PushManifestTaken: Error, CustomStringConvertible {
    var description: String { "The push's manifest was taken twice (a bug in grcsync: please report it)." }
}
