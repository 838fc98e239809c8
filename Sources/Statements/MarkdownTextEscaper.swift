/// Escapes text so that cmark-gfm reads it back as exactly that text, while leaving ordinary prose
/// readable: characters are escaped only where CommonMark or a GFM extension could give them meaning.
struct MarkdownTextEscaper {
    /// Where the text goes; a few characters matter only in some places.
    enum Place {
        case paragraph
        case heading
        case tableCell
        case linkText
    }

    var place: Place

    /// Escapes `text`. `atLineStart` says whether the text begins a line (block start or after a hard
    /// break); it is cleared once something is written.
    /// `followedBy` is the first character written after this text, when known to matter: "[" before a
    /// link, whose bracket would make a "]" in the text close a reference.
    func escape(_ text: String, atLineStart: inout Bool, followedBy: Unicode.Scalar? = nil) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : followedBy
            if atLineStart, let digitsEnd = orderedListMarkerEnd(scalars, from: index) {
                // "2019. " at a line start would start an ordered list: escape its delimiter.
                result.append(contentsOf: scalars[index..<digitsEnd])
                result.append("\\")
                result.append(scalars[digitsEnd])
                index = digitsEnd + 1
                atLineStart = false
                continue
            }
            if needsEscape(scalar, previous: previous, next: next, scalars: scalars, index: index,
                           atLineStart: atLineStart) {
                result.append("\\")
                result.append(scalar)
            } else if scalar == "\u{A0}" {
                result.append(contentsOf: "&nbsp;".unicodeScalars)
            } else {
                result.append(scalar)
            }
            atLineStart = false
            index += 1
        }
        return String(result)
    }

    private func orderedListMarkerEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var end = start
        while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
        guard end > start, end < scalars.count, scalars[end] == "." || scalars[end] == ")" else { return nil }
        return end
    }

    private func needsEscape(_ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?,
                             scalars: [Unicode.Scalar], index: Int, atLineStart: Bool) -> Bool {
        switch scalar {
        case "\\", "`", "*", "~", "|":
            return true
        case "_":
            // An underscore between letters or digits can neither open nor close emphasis.
            guard let previous, let next else { return true }
            return !(isWordCharacter(previous) && isWordCharacter(next))
        case "<":
            guard let next else { return false }
            return isASCIILetter(next) || next == "/" || next == "!" || next == "?"
        case "&":
            return startsEntity(scalars, at: index)
        case "[":
            return atLineStart || place == .linkText || next == "^"
        case "]":
            guard place != .linkText else { return true }
            guard let next else { return false }
            return next == "(" || next == "[" || next == ":"
        case "#":
            return atLineStart || place == .heading
        case "-", "+", "=", ">":
            return atLineStart
        case ":":
            // The autolink extension turns "scheme://" into a link.
            return index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/"
        case ".":
            // ... and "www." too.
            guard index >= 3 else { return false }
            return String(String.UnicodeScalarView(scalars[(index - 3)..<index])).lowercased() == "www"
        default:
            return false
        }
    }

    /// Whether `&` at `index` begins something cmark would decode: `&name;`, `&#123;` or `&#x1F;`.
    private func startsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var position = index + 1
        guard position < scalars.count else { return false }
        if scalars[position] == "#" {
            position += 1
            if position < scalars.count, scalars[position] == "x" || scalars[position] == "X" { position += 1 }
        }
        let start = position
        while position < scalars.count, isASCIILetter(scalars[position]) || ("0"..."9").contains(scalars[position]) {
            position += 1
        }
        return position > start && position < scalars.count && scalars[position] == ";"
    }

    /// Whether `text` holds something the autolink extension would turn into a mailto link; no escape
    /// prevents that, so such text has no faithful Markdown form.
    static func containsEmailAddress(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "@" && index > 0 {
            let local = scalars[index - 1]
            guard local.properties.isAlphabetic || ("0"..."9").contains(local) || "._+-".unicodeScalars.contains(local)
            else { continue }
            if scalars[(index + 1)...].prefix(while: { !$0.properties.isWhitespace }).contains(".") { return true }
        }
        return false
    }

    private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
