@testable import Statements

// The layout's arrangement (`HTMLTagScanner` and `HTMLLayout.arrange`) as it was before it classified
// tags by flags instead of `String` sets: kept only as the oracle the fast one is checked against.

/// The old `HTMLLayout.arrange`.
enum ReferenceArrangement {
    /// Where a break goes between two tokens: none, a line break (with indentation) or a blank line.
    private enum Break {
        case none
        case line(indent: Int)
        case blankLine
    }

    static func arrange(_ html: String, style: HTMLLayout.Style) -> String {
        let tokens = ReferenceTagScanner.tokens(html)
        var structure = LayoutStructure()
        // Significant tokens, with the whitespace-only text that preceded each one outside <pre>.
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var previous: ReferenceTagScanner.Token?
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
                    if style == .lines { output += [0x0A] + Array(repeating: 0x20, count: indent * 2) }
                    trimLeadingSpace(&bytes, of: token)
                case .blankLine:
                    trimTrailingSpace(&output)
                    if style == .lines { output += [0x0A, 0x0A] }
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
        return String(decoding: output, as: UTF8.self)
    }

    private static func trimTrailingSpace(_ output: inout [UInt8]) {
        while let last = output.last, ReferenceTagScanner.isSpace(last) { output.removeLast() }
    }

    private static func trimLeadingSpace(_ bytes: inout ArraySlice<UInt8>, of token: ReferenceTagScanner.Token) {
        guard token.kind == .text else { return }
        while let first = bytes.first, ReferenceTagScanner.isSpace(first) { bytes.removeFirst() }
    }

    /// Tracks the open containers (for indentation) and `<pre>` nesting while the tokens go by.
    private struct LayoutStructure {
        private var open: [String] = []
        private var preformattedDepth = 0

        var isPreformatted: Bool { preformattedDepth > 0 }

        /// Elements whose children go on their own indented lines.
        private static func isNesting(_ name: String) -> Bool {
            HTMLElementKind.container.contains(name) || name == "li" || name == "dd" || name == "dt"
        }

        func breakBetween(_ previous: ReferenceTagScanner.Token, _ next: ReferenceTagScanner.Token) -> Break {
            if isPreformatted || next.kind == .rawText || previous.kind == .rawText { return .none }
            let breaks: Bool
            switch (previous.kind, next.kind) {
            case (.endTag(let name), _) where HTMLElementKind.isBlock(name):
                breaks = true
            case (_, .startTag(let name)) where HTMLElementKind.isBlock(name):
                breaks = true
            case (.startTag(let name), _) where HTMLElementKind.container.contains(name):
                breaks = true
            case (_, .endTag(let name)) where HTMLElementKind.container.contains(name):
                breaks = true
            default:
                breaks = false
            }
            guard breaks else { return .none }
            var depth = open.count
            if case .endTag(let name) = next.kind, Self.isNesting(name), let index = open.lastIndex(of: name) {
                depth = index
            }
            if depth == 0, !isEnd(next) { return .blankLine }
            return .line(indent: depth)
        }

        private func isEnd(_ token: ReferenceTagScanner.Token) -> Bool {
            if case .endTag = token.kind { return true }
            return false
        }

        mutating func advance(past token: ReferenceTagScanner.Token) {
            switch token.kind {
            case .startTag(let name):
                if HTMLElementKind.preformatted.contains(name) { preformattedDepth += 1 }
                guard Self.isNesting(name) else { return }
                closeImplied(by: name)
                open.append(name)
            case .endTag(let name):
                if HTMLElementKind.preformatted.contains(name), preformattedDepth > 0 { preformattedDepth -= 1 }
                if let index = open.lastIndex(of: name) { open.removeSubrange(index...) }
            default:
                break
            }
        }

        /// `<li>` closes an open `<li>`, `<tr>` an open `<tr>`, and so on, as HTML's implied end tags do.
        private mutating func closeImplied(by name: String) {
            let closes: [String: Set<String>] = [
                "li": ["li"], "dd": ["dd", "dt"], "dt": ["dd", "dt"], "tr": ["tr"],
                "tbody": ["tr", "tbody", "thead"], "tfoot": ["tr", "tbody", "thead"],
            ]
            guard let closed = closes[name] else { return }
            while let last = open.last, closed.contains(last) { open.removeLast() }
        }
    }
}

/// The old `HTMLTagScanner`.
struct ReferenceTagScanner {
    enum Kind: Equatable {
        case startTag(String)
        case endTag(String)
        /// Comments, doctypes and processing instructions.
        case markup
        case text
        /// The content of a raw-text element (`<script>`, `<style>`, `<textarea>`…): never touched.
        case rawText
    }

    struct Token {
        var kind: Kind
        var bytes: ArraySlice<UInt8>

        var isWhitespaceOnly: Bool {
            kind == .text && bytes.allSatisfy(ReferenceTagScanner.isSpace)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A || byte == 0x5F
    }

    static func tokens(_ html: String) -> [Token] {
        let bytes = Array(html.utf8)
        var tokens: [Token] = []
        var position = 0
        var textStart = 0

        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(Token(kind: .text, bytes: bytes[textStart..<end])) }
        }

        while position < bytes.count {
            guard bytes[position] == 0x3C, position + 1 < bytes.count else {
                position += 1
                continue
            }
            let next = bytes[position + 1]
            var end: Int?
            var kind = Kind.markup
            if next == 0x21 || next == 0x3F {  // "<!" or "<?"
                if bytes[(position + 1)...].starts(with: Array("!--".utf8)) {
                    end = find(Array("-->".utf8), in: bytes, from: position + 4).map { $0 + 3 }
                } else {
                    end = find([0x3E], in: bytes, from: position + 2).map { $0 + 1 }
                }
            } else if next == 0x2F, position + 2 < bytes.count, isLetter(bytes[position + 2]) {
                let name = readName(bytes, from: position + 2)
                kind = .endTag(name)
                end = find([0x3E], in: bytes, from: position + 2).map { $0 + 1 }
            } else if isLetter(next) {
                let name = readName(bytes, from: position + 1)
                kind = .startTag(name)
                end = endOfStartTag(bytes, from: position + 1 + name.utf8.count)
            }
            guard let tagEnd = end else {
                position += 1
                continue
            }
            flushText(upTo: position)
            tokens.append(Token(kind: kind, bytes: bytes[position..<tagEnd]))
            position = tagEnd
            textStart = position
            if case .startTag(let name) = kind, HTMLElementKind.rawText.contains(name) {
                let closing = Array("</\(name)".utf8)
                let rawEnd = findCaseInsensitive(closing, in: bytes, from: position) ?? bytes.count
                if rawEnd > position { tokens.append(Token(kind: .rawText, bytes: bytes[position..<rawEnd])) }
                position = rawEnd
                textStart = position
            }
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    private static func readName(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }

    /// The index after the `>` that ends a start tag, skipping `>` inside quoted attribute values.
    private static func endOfStartTag(_ bytes: [UInt8], from start: Int) -> Int? {
        var position = start
        var quote: UInt8?
        var afterEquals = false
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x3E {
                return position + 1
            } else if afterEquals && (byte == 0x22 || byte == 0x27) {
                quote = byte
                afterEquals = false
            } else if byte == 0x3D {
                afterEquals = true
            } else if !isSpace(byte) {
                afterEquals = false
            }
            position += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func findCaseInsensitive(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        let lowered = needle.map(lower)
        guard start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == 0x3C, bytes[index..<(index + needle.count)].map(lower).elementsEqual(lowered) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
