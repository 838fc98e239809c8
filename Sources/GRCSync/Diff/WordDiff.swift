/// A word-level diff for long paragraphs, in the form of `git diff --word-diff=plain`:
/// `[-removed-]{+added+}` inline, printing only the lines that changed.
///
/// libgit2 has no word diff, so this is written here: tokens are runs of space, runs of other text, and
/// HTML tags; the common prefix and suffix are trimmed first (an edit touches a small part of a
/// statement), and the middle is aligned by a longest-common-subsequence table.
public enum WordDiff {
    /// The changed lines of `new` with word markers; empty when the texts are equal.
    public static func render(old: String, new: String) -> String {
        let a = tokens(old)
        let b = tokens(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        if middleA.isEmpty && middleB.isEmpty { return "" }

        var pieces: [(String, Bool)] = a[..<prefix].map { ($0, false) }
        pieces += align(middleA, middleB)
        pieces += a[(a.count - suffix)...].map { ($0, false) }
        // Keep only the lines that hold a change.
        var lines: [String] = []
        var current = ""
        var changed = false
        for (text, isChange) in pieces {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    if changed { lines.append(current) }
                    current = ""
                    changed = false
                }
                current += part
            }
            changed = changed || isChange
        }
        if changed { lines.append(current) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func align(_ a: [String], _ b: [String]) -> [(String, Bool)] {
        // LCS table over the middle only.
        let n = a.count
        let m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [(String, Bool)] = []
        var removed = ""
        var added = ""
        func flush() {
            if !removed.isEmpty { out.append(("[-\(removed)-]", true)) }
            if !added.isEmpty { out.append(("{+\(added)+}", true)) }
            removed = ""
            added = ""
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                out.append((a[i], false))
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                added += b[j]
                j += 1
            } else {
                removed += a[i]
                i += 1
            }
        }
        flush()
        return out
    }

    /// Runs of space, runs of other text, and each HTML tag on its own, so that a word added before a
    /// closing tag shows as just that word.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inSpace: Bool?
        func flush() {
            if !current.isEmpty { out.append(current) }
            current = ""
            inSpace = nil
        }
        for character in text {
            if character == "<" { flush() }
            let space = character.isWhitespace
            if inSpace != nil, space != inSpace { flush() }
            current.append(character)
            inSpace = space
            if character == ">" { flush() }
        }
        flush()
        return out
    }
}
