/// Splits HTML source into tags and text, keeping every byte, so that the layout can change the
/// whitespace between tags and nothing else.
///
/// This is a scanner, not a parser: it finds where tags begin and end (respecting quoted attribute
/// values, comments and raw-text elements like `<script>`) and knows nothing of nesting. Whatever it
/// gets wrong on odd input is caught by `HTMLLayout`, which keeps a layout only when libxml2 finds it
/// equivalent to the original.
///
/// It hands out `Span`s, places in the caller's bytes, one at a time: the layout scans every statement
/// a pull renders, and an array of tokens, each with its own name `String`, was half of its time.
enum HTMLTagScanner {
    /// One token: where it is in the source, what it is, and for a tag its element's name and flags.
    struct Span {
        enum Kind: UInt8 {
            case startTag
            case endTag
            /// Comments, doctypes and processing instructions.
            case markup
            case text
            /// The content of a raw-text element (`<script>`, `<style>`, `<textarea>`…): never touched.
            case rawText
        }

        var kind: Kind
        /// The token's bytes in the source.
        var range: Range<Int>
        /// A tag's element name in the source, as written (any case); empty for other tokens.
        var name: Range<Int> = 0..<0
        /// What `HTMLElementKind` says of a start or end tag's element; empty for other tokens.
        var flags: ElementFlags = []

        /// Text made of spaces, tabs, line breaks and form feeds only.
        func isWhitespaceOnly(in source: UnsafeBufferPointer<UInt8>) -> Bool {
            kind == .text && !source[range].contains { !HTMLTagScanner.isSpace($0) }
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// The tokens of `source` in order, every byte in exactly one of them.
    static func scan(_ source: UnsafeBufferPointer<UInt8>, _ visit: (Span) throws -> Void) rethrows {
        let count = source.count
        var position = 0
        var textStart = 0

        while position < count {
            guard source[position] == 0x3C, position + 1 < count else {
                position += 1
                continue
            }
            let next = source[position + 1]
            var span = Span(kind: .markup, range: position..<position)
            var end: Int?
            if next == 0x21 || next == 0x3F {  // "<!" or "<?"
                if startsComment(source, at: position) {
                    end = find(0x2D, 0x2D, 0x3E, in: source, from: position + 4).map { $0 + 3 }
                } else {
                    end = find(0x3E, in: source, from: position + 2).map { $0 + 1 }
                }
            } else if next == 0x2F, position + 2 < count, isLetter(source[position + 2]) {
                span.kind = .endTag
                span.name = nameRange(source, from: position + 2)
                span.flags = flags(ofName: span.name, in: source)
                end = find(0x3E, in: source, from: position + 2).map { $0 + 1 }
            } else if isLetter(next) {
                span.kind = .startTag
                span.name = nameRange(source, from: position + 1)
                span.flags = flags(ofName: span.name, in: source)
                end = endOfStartTag(source, from: span.name.upperBound)
            }
            guard let tagEnd = end else {
                position += 1
                continue
            }
            if position > textStart { try visit(Span(kind: .text, range: textStart..<position)) }
            span.range = position..<tagEnd
            try visit(span)
            position = tagEnd
            textStart = position
            if span.kind == .startTag, span.flags.contains(.rawText) {
                let rawEnd = findClosingTag(named: span.name, in: source, from: position) ?? count
                if rawEnd > position { try visit(Span(kind: .rawText, range: position..<rawEnd)) }
                position = rawEnd
                textStart = position
            }
        }
        if count > textStart { try visit(Span(kind: .text, range: textStart..<count)) }
    }

    /// Whether the names at `a` and `b` are the same name (ASCII letters compared without case).
    static func sameName(_ a: Range<Int>, _ b: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where lower(source[a.lowerBound + offset]) != lower(source[b.lowerBound + offset]) {
            return false
        }
        return true
    }

    /// Whether the name at `name` is `lowercased` (given in lower case), in any case.
    static func name(_ name: Range<Int>, in source: UnsafeBufferPointer<UInt8>, is lowercased: StaticString) -> Bool {
        guard name.count == lowercased.utf8CodeUnitCount else { return false }
        let expected = lowercased.utf8Start
        for offset in 0..<name.count where lower(source[name.lowerBound + offset]) != expected[offset] { return false }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A || byte == 0x5F
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// The name that starts at `start`: ASCII letters, digits, `-`, `:` and `_`.
    private static func nameRange(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var end = start
        while end < source.count, isNameByte(source[end]) { end += 1 }
        return start..<end
    }

    /// The flags of the element named at `name`, looked up by its lower-case bytes.
    private static func flags(ofName name: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> ElementFlags {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count) { lowered in
            for offset in 0..<name.count { lowered[offset] = lower(source[name.lowerBound + offset]) }
            return ElementFlags(utf8: UnsafeBufferPointer(lowered))
        }
    }

    /// Whether `<!--` starts at `position`.
    private static func startsComment(_ source: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        position + 3 < source.count && source[position + 1] == 0x21 && source[position + 2] == 0x2D
            && source[position + 3] == 0x2D
    }

    /// The index after the `>` that ends a start tag, skipping `>` inside quoted attribute values.
    private static func endOfStartTag(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        var quote: UInt8?
        var afterEquals = false
        while position < source.count {
            let byte = source[position]
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

    /// The first `byte` at or after `start`.
    private static func find(_ byte: UInt8, in source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < source.count else { return nil }
        return source[start...].firstIndex(of: byte)
    }

    /// The first `a b c` at or after `start`.
    private static func find(_ a: UInt8, _ b: UInt8, _ c: UInt8, in source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 2 < source.count {
            if source[index] == a, source[index + 1] == b, source[index + 2] == c { return index }
            index += 1
        }
        return nil
    }

    /// Where `</name` (in any case) first starts at or after `start`.
    private static func findClosingTag(named name: Range<Int>, in source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 2 + name.count <= source.count {
            if source[index] == 0x3C, source[index + 1] == 0x2F,
               sameName(index + 2..<index + 2 + name.count, name, in: source) {
                return index
            }
            index += 1
        }
        return nil
    }
}
