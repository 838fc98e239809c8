/// The "did you mean" part of an unknown-key error.
///
/// It looks for the closest key in the same section first (ignoring case, `_` and `-`, so `pageSize`
/// and `page-size` find `page_size`), then for a key of that name in another section (`branch` at the
/// top level finds `push.branch`), and otherwise lists the keys the section accepts.
struct KeySuggestion {
    /// The parenthesised hint, e.g. "(did you mean `page_size`?)".
    let hint: String

    init(unknown key: String, in section: String) {
        let local = Configuration.keys(in: section)
        let prefix = section.isEmpty ? "" : section + "."
        if let best = Self.closest(to: key, among: local) {
            hint = "(did you mean `\(prefix)\(best)`?)"
            return
        }
        // Keys of other sections, by their last component.
        let elsewhere = Configuration.keyPaths.filter { Self.parent(of: $0) != section }
        let byLastComponent = Dictionary(
            elsewhere.map { (String($0.split(separator: ".").last ?? ""), $0) }, uniquingKeysWith: { first, _ in first })
        if let best = Self.closest(to: key, among: Array(byLastComponent.keys)), let path = byLastComponent[best] {
            let parent = Self.parent(of: path)
            hint = parent.isEmpty
                ? "(did you mean `\(path)` at the top level?)"
                : "(did you mean `\(path)`, under `\(parent):`?)"
            return
        }
        hint = section.isEmpty
            ? "(docs/configuration.md lists every key)"
            : "(`\(section)` accepts \(local.map { "`\($0)`" }.joined(separator: ", ")))"
    }

    /// The candidate nearest to `key`, if it is near enough to be a likely typo.
    static func closest(to key: String, among candidates: [String]) -> String? {
        let wanted = normalize(key)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            let normalized = normalize(candidate)
            if normalized == wanted { return candidate }
            var distance = editDistance(wanted, normalized)
            // A key written without its suffix (`statement` for `statement_field`) is a likely slip too.
            if wanted.count >= 4, normalized.starts(with: wanted) || wanted.starts(with: normalized) {
                distance = min(distance, 1)
            }
            if distance <= max(1, wanted.count / 3), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    private static func parent(of keyPath: String) -> String {
        keyPath.split(separator: ".").dropLast().joined(separator: ".")
    }

    private static func normalize(_ key: String) -> [Character] {
        Array(key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Levenshtein distance.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
