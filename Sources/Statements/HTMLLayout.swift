/// Lays ServiceNow's one-line statement HTML out one block element per line, with a blank line between
/// top-level blocks, so that Git diffs and merges work paragraph by paragraph.
///
/// Only whitespace next to block-level tags changes (HTML does not render it); text, `<pre>` content,
/// entity spellings and attributes are untouched. Children of lists, tables and other containers go on
/// their own lines, indented two spaces per level. A layout is kept only when libxml2 finds it
/// equivalent to the input; otherwise the input is returned as it is (with a final newline when that
/// too is equivalent), so the layout can never change what a statement says.
///
/// The proof is two libxml2 parses (the input and the candidate), not an argument that only ignorable
/// whitespace moved: which whitespace libxml2 keeps, merges or turns into structure (an implied `<p>`
/// around text outside any element, the newline after `<pre>`) is a property of its parser, and one
/// that changes between versions (2.14 reimplemented HTML tokenising after HTML5). A shortcut argued
/// from one version's internals would silently stop being a proof after an upgrade.
public enum HTMLLayout {
    /// The laid-out HTML: idempotent, ends with exactly one "\n" (the empty statement gives ""). The one
    /// exception is garbage whose meaning a final line break would change (an unterminated tag or an
    /// unclosed `<pre>` at the very end): it is returned without one.
    public static func layOut(_ html: String) -> String {
        var laidOut = arrange(html, style: .lines)
        guard !laidOut.isEmpty else { return "" }
        // The final line break is whitespace like any other, except after an unterminated tag or an
        // unclosed <pre> at the very end; the first candidate libxml2 finds equivalent wins. The
        // layout is checked as bytes (it is valid UTF-8: slices of the input cut at ASCII bytes, and
        // ASCII whitespace), and becomes a String only when it wins.
        laidOut.append(0x0A)
        // Already laid out (a file read back): the same text is trivially equivalent.
        if laidOut.count == html.utf8.count, laidOut.elementsEqual(html.utf8) { return html }
        var reference = CanonicalReference(html)
        if reference.matches(utf8: laidOut) { return String(decoding: laidOut, as: UTF8.self) }
        laidOut.removeLast()
        if reference.matches(utf8: laidOut) { return String(decoding: laidOut, as: UTF8.self) }
        let unchanged = html.hasSuffix("\n") ? html : html + "\n"
        return reference.matches(unchanged) ? unchanged : html
    }

    /// The HTML on one line, the way ServiceNow's editor stores rich text: the whitespace `layOut`
    /// manages is removed. Falls back to the input without trailing newlines when that would not be
    /// equivalent.
    public static func compact(_ html: String) -> String {
        let compacted = String(decoding: arrange(html, style: .compact), as: UTF8.self)
        if HTMLEquivalence.areEquivalent(html, compacted) { return compacted }
        return html.trimmingTrailingNewlines()
    }

    enum Style {
        case lines
        case compact
    }

    /// Where a break goes between two tokens: none, a line break (with indentation) or a blank line.
    private enum Break {
        case none
        case line(indent: Int)
        case blankLine
    }

    /// The arranged HTML as UTF-8.
    static func arrange(_ html: String, style: Style) -> [UInt8] {
        let tokens = HTMLTagScanner.tokens(html)
        var structure = LayoutStructure()
        // Significant tokens, with the whitespace-only text that preceded each one outside <pre>.
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var previous: HTMLTagScanner.Token?
        var gap: ArraySlice<UInt8> = []

        for token in tokens {
            if token.isWhitespaceOnly && !structure.isPreformatted {
                gap = token.bytes
                continue
            }
            var bytes = token.bytes
            if let previous {
                let boundary = structure.breakBetween(previous, token)
                switch boundary {
                case .none:
                    output += gap
                case .line(let indent):
                    trimTrailingSpace(&output)
                    if style == .lines {
                        output.append(0x0A)
                        for _ in 0..<(indent * 2) { output.append(0x20) }
                    }
                    trimLeadingSpace(&bytes, of: token)
                case .blankLine:
                    trimTrailingSpace(&output)
                    if style == .lines {
                        output.append(0x0A)
                        output.append(0x0A)
                    }
                    trimLeadingSpace(&bytes, of: token)
                }
            } else {
                trimLeadingSpace(&bytes, of: token)
            }
            output += bytes
            structure.advance(past: token)
            previous = token
            gap = []
        }
        if !structure.isPreformatted { trimTrailingSpace(&output) }
        return output
    }

    private static func trimTrailingSpace(_ output: inout [UInt8]) {
        while let last = output.last, HTMLTagScanner.isSpace(last) { output.removeLast() }
    }

    private static func trimLeadingSpace(_ bytes: inout ArraySlice<UInt8>, of token: HTMLTagScanner.Token) {
        guard token.kind == .text else { return }
        while let first = bytes.first, HTMLTagScanner.isSpace(first) { bytes.removeFirst() }
    }

    /// Tracks the open containers (for indentation) and `<pre>` nesting while the tokens go by.
    private struct LayoutStructure {
        private var open: [String] = []
        private var preformattedDepth = 0

        var isPreformatted: Bool { preformattedDepth > 0 }

        func breakBetween(_ previous: HTMLTagScanner.Token, _ next: HTMLTagScanner.Token) -> Break {
            if isPreformatted || next.kind == .rawText || previous.kind == .rawText { return .none }
            let breaks: Bool
            switch (previous.kind, next.kind) {
            case (.endTag, _) where previous.flags.contains(.block):
                breaks = true
            case (_, .startTag) where next.flags.contains(.block):
                breaks = true
            case (.startTag, _) where previous.flags.contains(.container):
                breaks = true
            case (_, .endTag) where next.flags.contains(.container):
                breaks = true
            default:
                breaks = false
            }
            guard breaks else { return .none }
            var depth = open.count
            // Elements whose children go on their own indented lines are the `.nesting` ones.
            if case .endTag(let name) = next.kind, next.flags.contains(.nesting), let index = open.lastIndex(of: name) {
                depth = index
            }
            if depth == 0, !isEnd(next) { return .blankLine }
            return .line(indent: depth)
        }

        private func isEnd(_ token: HTMLTagScanner.Token) -> Bool {
            if case .endTag = token.kind { return true }
            return false
        }

        mutating func advance(past token: HTMLTagScanner.Token) {
            switch token.kind {
            case .startTag(let name):
                if token.flags.contains(.preformatted) { preformattedDepth += 1 }
                guard token.flags.contains(.nesting) else { return }
                closeImplied(by: name)
                open.append(name)
            case .endTag(let name):
                if token.flags.contains(.preformatted), preformattedDepth > 0 { preformattedDepth -= 1 }
                if let index = open.lastIndex(of: name) { open.removeSubrange(index...) }
            default:
                break
            }
        }

        /// `<li>` closes an open `<li>`, `<tr>` an open `<tr>`, and so on, as HTML's implied end tags do.
        private mutating func closeImplied(by name: String) {
            let closes: (String) -> Bool
            switch name {
            case "li": closes = { $0 == "li" }
            case "dd", "dt": closes = { $0 == "dd" || $0 == "dt" }
            case "tr": closes = { $0 == "tr" }
            case "tbody", "tfoot": closes = { $0 == "tr" || $0 == "tbody" || $0 == "thead" }
            default: return
            }
            while let last = open.last, closes(last) { open.removeLast() }
        }
    }
}
