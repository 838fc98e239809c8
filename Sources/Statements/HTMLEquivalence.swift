/// Decides whether two statement HTML strings say the same thing: the same element tree, the same
/// attributes (in any order), the same text, ignoring the whitespace HTML ignores (see
/// `HTMLNormalizer` for the exact rules) and the spelling of entities and tags.
///
/// Used for the lossless rule of the Markdown format ("the round trip lost nothing") and by push to
/// decide that ServiceNow already holds our content.
public enum HTMLEquivalence {
    /// True when `a` and `b` render the same by the rules above.
    public static func areEquivalent(_ a: String, _ b: String) -> Bool {
        a == b || canonicalForm(a) == canonicalForm(b)
    }

    /// A normalised serialisation of `html`: parsed with libxml2, whitespace normalised, attributes
    /// sorted, text escaped only where HTML requires it (`&amp;`, `&lt;`, `&gt;`, `&quot;` in
    /// attributes) and no-break spaces written as `&nbsp;`. Deterministic; equal for equivalent HTML.
    public static func canonicalForm(_ html: String) -> String {
        serialize(canonicalNodes(html))
    }

    static func canonicalNodes(_ html: String) -> [HTMLNode] {
        HTMLNormalizer.normalize(HTMLFragmentParser.parse(html).nodes)
    }

    static func serialize(_ nodes: [HTMLNode]) -> String {
        var output = ""
        for node in nodes { write(node, to: &output) }
        return output
    }

    private static func write(_ node: HTMLNode, to output: inout String) {
        switch node {
        case .text(let text):
            output += escape(text, quotes: false)
        case .comment(let text):
            output += "<!--" + text + "-->"
        case .other(let kind, let content):
            output += "<?" + kind + " " + escape(content, quotes: false) + "?>"
        case .element(let element):
            output += "<" + element.name
            for attribute in element.attributes {
                output += " " + attribute.name + "=\"" + escape(attribute.value, quotes: true) + "\""
            }
            output += ">"
            if HTMLElementKind.void.contains(element.name) && element.children.isEmpty { return }
            for child in element.children { write(child, to: &output) }
            output += "</" + element.name + ">"
        }
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\u{A0}": result += "&nbsp;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension HTMLEquivalence {
    /// Where the canonical forms of `a` and `b` first differ, as a short human hint:
    /// `“…<p>a<u>b…” became “…<p>ab…”`. Empty when they are equivalent.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = Array(canonicalForm(a)), right = Array(canonicalForm(b))
        var index = 0
        while index < left.count, index < right.count, left[index] == right[index] { index += 1 }
        if index == left.count, index == right.count { return "" }
        func excerpt(_ characters: [Character]) -> String {
            let start = max(0, index - 20), end = min(characters.count, index + 20)
            return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        }
        return "“\(excerpt(left))” would become “\(excerpt(right))”"
    }
}
