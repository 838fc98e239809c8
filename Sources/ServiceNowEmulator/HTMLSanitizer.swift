import Foundation

/// Cleans HTML written to the instance, as ServiceNow's HTML sanitiser does for the risky parts.
///
/// It removes `<script>` elements with their content (an unclosed one takes the rest of the text), stray
/// `</script>` tags, every attribute whose name starts with `on` (`onclick`, `onerror`, …) and every
/// attribute whose value is a `javascript:` or `vbscript:` URL (also when hidden by entities, case or
/// whitespace). Everything else — including tags it does not know — is copied byte for byte, so clean
/// HTML comes back unchanged.
public enum HTMLSanitizer {
    /// The cleaned HTML.
    public static func sanitize(_ html: String) -> String {
        guard !hasOnlyBareTags(html) else { return html }
        return sanitizeTagByTag(html)
    }

    /// Whether sanitising cannot change `html`, read on its bytes: every `<` either starts no tag (no
    /// name follows it) or a tag that is only a name of ASCII letters and digits — no blank, attribute or
    /// `/` before its `>` — and not `script`. Statements are mostly such HTML (`<p>`, `<li>`, `<strong>`):
    /// taking each apart scalar by scalar was a third of the emulator's time on a write. False whenever
    /// in doubt (a non-ASCII letter may start or continue a name); `sanitizeTagByTag` then decides.
    static func hasOnlyBareTags(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
                let nameStart = index
                while index < bytes.count, isASCIILetterOrDigit(bytes[index]) { index += 1 }
                guard index > nameStart else {
                    // No name: text, unless a non-ASCII letter could begin one.
                    if index < bytes.count, bytes[index] >= 0x80 { return false }
                    continue
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return false }
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
                if name.count == 6, zip(name, "script".utf8).allSatisfy({ $0 | 0x20 == $1 }) { return false }
                index += 1
            }
            return true
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// `sanitize` the long way: every tag taken apart, scripts and risky attributes dropped.
    static func sanitizeTagByTag(_ html: String) -> String {
        let chars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < chars.count {
            guard chars[index] == "<", let tag = Tag.parse(chars, at: index) else {
                output.append(chars[index])
                index += 1
                continue
            }
            if tag.name == "script" {
                index = tag.isClosing ? tag.end : endOfScript(chars, after: tag.end)
                continue
            }
            if tag.droppedAttributes {
                output.append(contentsOf: tag.rebuilt.unicodeScalars)
            } else {
                output.append(contentsOf: chars[index..<tag.end])
            }
            index = tag.end
        }
        return String(output)
    }

    /// Index just past the `</script…>` that closes a script opened before `start`, or the end.
    private static func endOfScript(_ chars: [Unicode.Scalar], after start: Int) -> Int {
        var index = start
        while index < chars.count {
            if chars[index] == "<", let tag = Tag.parse(chars, at: index), tag.isClosing, tag.name == "script" {
                return tag.end
            }
            index += 1
        }
        return chars.count
    }

    /// Whether an attribute value is a script URL once entities, case and blanks are undone.
    static func isScriptURL(_ value: String) -> Bool {
        var decoded = ""
        var scalars = Substring(value).unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == "&" {
                let entity = String(String.UnicodeScalarView(scalars.prefix { $0 != ";" && $0 != "&" }.prefix(10)))
                if let character = decodeEntity(entity) {
                    decoded.unicodeScalars.append(character)
                    scalars = scalars.dropFirst(entity.unicodeScalars.count)
                    if scalars.first == ";" { scalars = scalars.dropFirst() }
                    continue
                }
            }
            decoded.unicodeScalars.append(scalar)
        }
        let compact = String(decoded.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:")
    }

    private static func decodeEntity(_ entity: String) -> Unicode.Scalar? {
        switch entity.lowercased() {
        case "colon": return ":"
        case "tab": return "\t"
        case "newline": return "\n"
        default: break
        }
        guard entity.hasPrefix("#") else { return nil }
        let digits = entity.dropFirst()
        let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}
