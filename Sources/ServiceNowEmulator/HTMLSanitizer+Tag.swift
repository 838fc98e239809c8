import Foundation

extension HTMLSanitizer {
    /// One start or end tag, with its attributes as written.
    struct Tag {
        var name: String
        var isClosing: Bool
        /// Index just past `>`.
        var end: Int
        var droppedAttributes: Bool
        /// The tag without the dropped attributes.
        var rebuilt: String

        /// Parses a tag starting at `<`; nil when this `<` does not start a tag (it is then text).
        static func parse(_ chars: [Unicode.Scalar], at start: Int) -> Tag? {
            var index = start + 1
            let isClosing = index < chars.count && chars[index] == "/"
            if isClosing { index += 1 }
            let nameStart = index
            while index < chars.count, chars[index].properties.isAlphabetic || ("0"..."9").contains(chars[index]) {
                index += 1
            }
            guard index > nameStart else { return nil }
            let name = String(String.UnicodeScalarView(chars[nameStart..<index])).lowercased()
            var kept = "<" + (isClosing ? "/" : "") + String(String.UnicodeScalarView(chars[nameStart..<index]))
            var dropped = false
            while index < chars.count {
                let scalar = chars[index]
                if scalar == ">" {
                    return Tag(name: name, isClosing: isClosing, end: index + 1, droppedAttributes: dropped, rebuilt: kept + ">")
                }
                if scalar.properties.isWhitespace || scalar == "/" {
                    kept.unicodeScalars.append(scalar)
                    index += 1
                    continue
                }
                let attributeStart = index
                while index < chars.count, !chars[index].properties.isWhitespace, chars[index] != "=", chars[index] != ">" {
                    index += 1
                }
                let attributeName = String(String.UnicodeScalarView(chars[attributeStart..<index])).lowercased()
                var value = ""
                var lookahead = index
                while lookahead < chars.count, chars[lookahead].properties.isWhitespace { lookahead += 1 }
                if lookahead < chars.count, chars[lookahead] == "=" {
                    index = lookahead + 1
                    while index < chars.count, chars[index].properties.isWhitespace { index += 1 }
                    if index < chars.count, chars[index] == "\"" || chars[index] == "'" {
                        let quote = chars[index]
                        let valueStart = index + 1
                        index = valueStart
                        while index < chars.count, chars[index] != quote { index += 1 }
                        value = String(String.UnicodeScalarView(chars[valueStart..<min(index, chars.count)]))
                        index = min(index + 1, chars.count)
                    } else {
                        let valueStart = index
                        while index < chars.count, !chars[index].properties.isWhitespace, chars[index] != ">" { index += 1 }
                        value = String(String.UnicodeScalarView(chars[valueStart..<index]))
                    }
                }
                if attributeName.hasPrefix("on") || HTMLSanitizer.isScriptURL(value) {
                    dropped = true
                    // Drop the blank written before the attribute too, so `<a onclick=x>` becomes `<a>`.
                    while let last = kept.unicodeScalars.last, last.properties.isWhitespace {
                        kept.unicodeScalars.removeLast()
                    }
                } else {
                    kept += String(String.UnicodeScalarView(chars[attributeStart..<index]))
                }
                if index == attributeStart { index += 1 }
            }
            // An unterminated tag: treat the rest as text, as browsers do not render it either.
            return nil
        }
    }
}
