/// Splits HTML source into tags and text, keeping every byte, so that the layout can change the
/// whitespace between tags and nothing else.
///
/// This is a scanner, not a parser: it finds where tags begin and end (respecting quoted attribute
/// values, comments and raw-text elements like `<script>`) and knows nothing of nesting. Whatever it
/// gets wrong on odd input is caught by `HTMLLayout`, which keeps a layout only when libxml2 finds it
/// equivalent to the original.
struct HTMLTagScanner {
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
        /// What `HTMLElementKind` says of a start or end tag's element (looked up once, here); empty
        /// for other tokens.
        var flags: ElementFlags = []

        var isWhitespaceOnly: Bool {
            kind == .text && bytes.allSatisfy(HTMLTagScanner.isSpace)
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
            var flags: ElementFlags = []
            if next == 0x21 || next == 0x3F {  // "<!" or "<?"
                if bytes[(position + 1)...].starts(with: Array("!--".utf8)) {
                    end = find(Array("-->".utf8), in: bytes, from: position + 4).map { $0 + 3 }
                } else {
                    end = find([0x3E], in: bytes, from: position + 2).map { $0 + 1 }
                }
            } else if next == 0x2F, position + 2 < bytes.count, isLetter(bytes[position + 2]) {
                let name = readName(bytes, from: position + 2)
                kind = .endTag(name.name)
                flags = name.flags
                end = find([0x3E], in: bytes, from: position + 2).map { $0 + 1 }
            } else if isLetter(next) {
                let name = readName(bytes, from: position + 1)
                kind = .startTag(name.name)
                flags = name.flags
                end = endOfStartTag(bytes, from: position + 1 + name.name.utf8.count)
            }
            guard let tagEnd = end else {
                position += 1
                continue
            }
            flushText(upTo: position)
            tokens.append(Token(kind: kind, bytes: bytes[position..<tagEnd], flags: flags))
            position = tagEnd
            textStart = position
            if case .startTag(let name) = kind, flags.contains(.rawText) {
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

    /// The lower-case name that starts at `start`, and its element's flags. Name bytes are ASCII
    /// letters, digits, `-`, `:` and `_`, so lower-casing the bytes is what `lowercased()` does.
    private static func readName(_ bytes: [UInt8], from start: Int) -> (name: String, flags: ElementFlags) {
        var end = start
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { lowered in
            for offset in 0..<(end - start) { lowered[offset] = lower(bytes[start + offset]) }
            let name = UnsafeBufferPointer(lowered)
            return (String(decoding: name, as: UTF8.self), ElementFlags(utf8: name))
        }
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
