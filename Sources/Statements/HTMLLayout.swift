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
        var html = html
        return html.withUTF8 { arrange($0, style: style) }
    }

    private static func arrange(_ source: UnsafeBufferPointer<UInt8>, style: Style) -> [UInt8] {
        var structure = LayoutStructure()
        var output: [UInt8] = []
        output.reserveCapacity(source.count + source.count / 8)
        // Significant tokens, with the whitespace-only text that preceded each one outside <pre>.
        var previous: HTMLTagScanner.Span?
        var gap = 0..<0

        HTMLTagScanner.scan(source) { token in
            if !structure.isPreformatted && token.isWhitespaceOnly(in: source) {
                gap = token.range
                return
            }
            var start = token.range.lowerBound
            if let previous {
                switch structure.breakBetween(previous, token, in: source) {
                case .none:
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: source[gap]))
                case .line(let indent):
                    trimTrailingSpace(&output)
                    if style == .lines {
                        output.append(0x0A)
                        output.append(contentsOf: repeatElement(0x20, count: indent * 2))
                    }
                    start = startAfterLeadingSpace(token, in: source)
                case .blankLine:
                    trimTrailingSpace(&output)
                    if style == .lines {
                        output.append(0x0A)
                        output.append(0x0A)
                    }
                    start = startAfterLeadingSpace(token, in: source)
                }
            } else {
                start = startAfterLeadingSpace(token, in: source)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<token.range.upperBound]))
            structure.advance(past: token, in: source)
            previous = token
            gap = 0..<0
        }
        if !structure.isPreformatted { trimTrailingSpace(&output) }
        return output
    }

    private static func trimTrailingSpace(_ output: inout [UInt8]) {
        while let last = output.last, HTMLTagScanner.isSpace(last) { output.removeLast() }
    }

    /// Where `token` starts once a text's leading whitespace is left out (tags keep theirs).
    private static func startAfterLeadingSpace(_ token: HTMLTagScanner.Span, in source: UnsafeBufferPointer<UInt8>) -> Int {
        guard token.kind == .text else { return token.range.lowerBound }
        return source[token.range].firstIndex { !HTMLTagScanner.isSpace($0) } ?? token.range.upperBound
    }

    /// Tracks the open containers (for indentation) and `<pre>` nesting while the tokens go by.
    private struct LayoutStructure {
        /// The names of the open `.nesting` elements, as places in the source.
        private var open: [Range<Int>] = []
        private var preformattedDepth = 0

        var isPreformatted: Bool { preformattedDepth > 0 }

        func breakBetween(_ previous: HTMLTagScanner.Span, _ next: HTMLTagScanner.Span,
                          in source: UnsafeBufferPointer<UInt8>) -> Break {
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
            if next.kind == .endTag, next.flags.contains(.nesting), let index = lastOpen(next.name, in: source) {
                depth = index
            }
            if depth == 0, next.kind != .endTag { return .blankLine }
            return .line(indent: depth)
        }

        mutating func advance(past token: HTMLTagScanner.Span, in source: UnsafeBufferPointer<UInt8>) {
            switch token.kind {
            case .startTag:
                if token.flags.contains(.preformatted) { preformattedDepth += 1 }
                guard token.flags.contains(.nesting) else { return }
                closeImplied(by: token.name, in: source)
                open.append(token.name)
            case .endTag:
                if token.flags.contains(.preformatted), preformattedDepth > 0 { preformattedDepth -= 1 }
                if let index = lastOpen(token.name, in: source) { open.removeSubrange(index...) }
            default:
                break
            }
        }

        private func lastOpen(_ name: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Int? {
            open.lastIndex { HTMLTagScanner.sameName($0, name, in: source) }
        }

        /// `<li>` closes an open `<li>`, `<tr>` an open `<tr>`, and so on, as HTML's implied end tags do.
        private mutating func closeImplied(by name: Range<Int>, in source: UnsafeBufferPointer<UInt8>) {
            let named = { (candidate: Range<Int>, lowercased: StaticString) in
                HTMLTagScanner.name(candidate, in: source, is: lowercased)
            }
            while let last = open.last {
                let closes: Bool
                if named(name, "li") {
                    closes = named(last, "li")
                } else if named(name, "dd") || named(name, "dt") {
                    closes = named(last, "dd") || named(last, "dt")
                } else if named(name, "tr") {
                    closes = named(last, "tr")
                } else if named(name, "tbody") || named(name, "tfoot") {
                    closes = named(last, "tr") || named(last, "tbody") || named(last, "thead")
                } else {
                    return
                }
                guard closes else { return }
                open.removeLast()
            }
        }
    }
}
