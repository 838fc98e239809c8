/// Checks and spellings shared by the Markdown writers.
enum MarkdownSupport {
    /// Throws when `element` has an attribute outside `attributes` (Markdown has no place for it).
    static func require(_ element: HTMLElement, attributes allowed: Set<String>) throws(ConversionLoss) {
        if let extra = element.attributes.first(where: { !allowed.contains($0.name) }) {
            throw ConversionLoss(reason: "uses <\(element.name) \(extra.name)>")
        }
    }

    /// The loss for an element Markdown cannot express: "uses <u>", "uses <span style>".
    static func unsupported(_ element: HTMLElement) -> ConversionLoss {
        if let first = element.attributes.first {
            return ConversionLoss(reason: "uses <\(element.name) \(first.name)>")
        }
        return ConversionLoss(reason: "uses <\(element.name)>")
    }

    /// Characters cmark-gfm leaves alone in link addresses; it percent-encodes every other one, which
    /// would change the address.
    private static let urlSafe = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*'(),%#@?=;:/$~&".unicodeScalars)

    static func requireStableURL(_ url: String, what: String) throws(ConversionLoss) {
        if let bad = url.unicodeScalars.first(where: { !urlSafe.contains($0) }) {
            let invisible = bad.properties.isWhitespace || bad.value < 0x20
            let shown = invisible ? "U+\(String(bad.value, radix: 16, uppercase: true))" : String(bad)
            throw ConversionLoss(reason: "has a \(what) with “\(shown)”, which Markdown would percent-encode")
        }
    }

    /// `<url>` when cmark would render it back as this very link, else nil.
    static func autolink(_ href: String) -> String? {
        let scalars = Array(href.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon >= 2, colon <= 32,
            isASCIILetter(scalars[0]),
            scalars[1..<colon].allSatisfy(isSchemeCharacter),
            !scalars.contains(where: { $0 == "<" || $0 == ">" || $0 == "\\" || $0.value <= 0x20 })
        else { return nil }
        return "<" + href + ">"
    }

    private static func isSchemeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("0"..."9").contains(scalar) || "+.-".unicodeScalars.contains(scalar)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// A link destination: backslash-escapes what Markdown would otherwise read as syntax.
    static func destination(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            if scalar == "(" || scalar == ")" || scalar == "\\" || scalar == "<" || scalar == ">" || scalar == "&" {
                result += "\\"
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// A link title between double quotes.
    static func escapeTitle(_ title: String) -> String {
        var result = ""
        for scalar in title.unicodeScalars {
            if scalar == "\"" || scalar == "\\" || scalar == "&" || scalar == "`" { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
