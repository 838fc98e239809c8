import Foundation

/// The demo's edits of statement text, and how it shows long lines: statements are laid out one block
/// element per line, so a paragraph is one (long) line and the interesting part is often at its end.
enum DemoText {
    /// The sentence "you" add to the first paragraph of the statement.
    static let yourSentence = "Accounts are reviewed every quarter by the system owner."
    /// The sentence the colleague adds to the same paragraph in ServiceNow.
    static let colleagueSentence = "Privileged accounts are reviewed every month by the ISSO."
    /// The paragraph the colleague adds to another statement.
    static let colleagueParagraph = "<p>Access enforcement was re-tested in the 2024 annual assessment.</p>"
    /// How wide a shown line may be.
    static let width = 110

    /// `text` with `sentence` added at the end of its first paragraph (or as a new paragraph when it has
    /// none). Works on ServiceNow's one-line HTML and on grcsync's laid-out files alike.
    static func addingToFirstParagraph(_ sentence: String, in text: String) -> String {
        if let end = text.range(of: "</p>") {
            return text.replacingCharacters(in: end, with: " \(sentence)</p>")
        }
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return trimmed + "\n\n<p>\(sentence)</p>\n"
    }

    /// The lines from the first conflict marker to the end of that conflict, each clipped to its end.
    static func conflictExcerpt(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("<<<<<<<") }),
            let end = lines[start...].firstIndex(where: { $0.hasPrefix(">>>>>>>") })
        else { return [] }
        return lines[start...end].map { clipStart($0) }
    }

    /// A diff line shortened around its first change marker (`{+`, `[-`), so the change stays visible.
    static func clipAroundChange(_ line: String) -> String {
        guard line.count > width else { return line }
        let markers = ["{+", "[-"].compactMap { line.range(of: $0)?.lowerBound }
        guard let marker = markers.min() else { return clipEnd(line) }
        let before = line.distance(from: line.startIndex, to: marker)
        let keep = max(0, before - 24)
        let prefix = line.prefix(1) == " " || line.prefix(1) == "+" || line.prefix(1) == "-" ? String(line.prefix(1)) : ""
        return clipEnd(keep > prefix.count ? prefix + "…" + line.dropFirst(keep) : line)
    }

    /// A line shortened by dropping its start ("…" marks the cut); markers and short lines are kept whole.
    static func clipStart(_ line: String) -> String {
        guard line.count > width else { return line }
        return "…" + line.suffix(width - 1)
    }

    /// A line shortened by dropping its end.
    static func clipEnd(_ line: String) -> String {
        guard line.count > width else { return line }
        return line.prefix(width - 1) + "…"
    }

    /// `text` with every line indented, for output under a step's heading.
    static func indented(_ text: String, by prefix: String = "    ") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
    }
}
