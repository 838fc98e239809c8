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
        guard html.contains("<") else { return html }
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
