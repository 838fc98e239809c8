@testable import Statements

/// The canonical form as it was computed before `CanonicalTree`: libxml2's tree copied into `HTMLNode`s,
/// normalised by `HTMLNormalizer`, serialised with `String` concatenation. Kept here only as the oracle
/// the fast form is checked against, byte for byte.
enum ReferenceCanonicalForm {
    static func of(_ html: String) -> String {
        serialize(HTMLNormalizer.normalize(HTMLFragmentParser.parse(html).nodes))
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

/// `HTMLLayout.layOut` and `compact` as they were: the old arrangement, judged by the reference
/// canonical form with `String`'s `==`.
enum ReferenceLayout {
    static func layOut(_ html: String) -> String {
        let laidOut = ReferenceArrangement.arrange(html, style: .lines)
        guard !laidOut.isEmpty else { return "" }
        let reference = ReferenceCanonicalForm.of(html)
        let candidates = [laidOut + "\n", laidOut, html.hasSuffix("\n") ? html : html + "\n"]
        for candidate in candidates where ReferenceCanonicalForm.of(candidate) == reference {
            return candidate
        }
        return html
    }

    static func compact(_ html: String) -> String {
        let compacted = ReferenceArrangement.arrange(html, style: .compact)
        if html == compacted || ReferenceCanonicalForm.of(html) == ReferenceCanonicalForm.of(compacted) {
            return compacted
        }
        return html.trimmingTrailingNewlines()
    }
}
