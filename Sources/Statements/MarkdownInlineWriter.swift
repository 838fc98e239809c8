/// Writes inline HTML (text, emphasis, links, code, line breaks…) as Markdown, or says why it cannot.
struct MarkdownInlineWriter {
    /// Where the inline content sits; headings and table cells cannot hold line breaks.
    enum Place {
        case paragraph
        case heading
        case tableCell
    }

    let place: Place
    private var atLineStart = true
    private var inLinkText = false

    init(place: Place) {
        self.place = place
    }

    /// The Markdown for `nodes`; lines are separated by "\n" (hard breaks end in a backslash).
    mutating func render(_ nodes: [HTMLNode]) throws(ConversionLoss) -> String {
        if case .element(let last) = nodes.last, last.name == "br" {
            throw ConversionLoss(reason: "ends a paragraph with a line break (<br>)")
        }
        return try renderChildren(nodes)
    }

    private mutating func renderChildren(_ nodes: [HTMLNode]) throws(ConversionLoss) -> String {
        var output = ""
        for (index, node) in nodes.enumerated() {
            switch node {
            case .text(let text):
                if MarkdownTextEscaper.containsEmailAddress(text) {
                    throw ConversionLoss(reason: "has an e-mail address as plain text (Markdown would make it a link)")
                }
                let nextName = index + 1 < nodes.count ? nodes[index + 1].element?.name : nil
                let followedBy: Unicode.Scalar? = nextName == "a" || nextName == "img" ? "[" : nil
                output += escaper.escape(text, atLineStart: &atLineStart, followedBy: followedBy)
            case .element(let element):
                output += try renderElement(element)
            case .comment:
                throw ConversionLoss(reason: "contains an HTML comment")
            case .other(let kind, _):
                throw ConversionLoss(reason: "contains a \(kind)")
            }
        }
        return output
    }

    private var escaper: MarkdownTextEscaper {
        if inLinkText { return MarkdownTextEscaper(place: .linkText) }
        switch place {
        case .paragraph: return MarkdownTextEscaper(place: .paragraph)
        case .heading: return MarkdownTextEscaper(place: .heading)
        case .tableCell: return MarkdownTextEscaper(place: .tableCell)
        }
    }

    private mutating func renderElement(_ element: HTMLElement) throws(ConversionLoss) -> String {
        switch element.name {
        case "br":
            try MarkdownSupport.require(element, attributes: [])
            guard place == .paragraph else {
                throw ConversionLoss(reason: "has a line break (<br>) inside a \(placeName)")
            }
            atLineStart = true
            return "\\\n"
        case "em", "strong", "del":
            return try renderDelimited(element)
        case "code":
            return try renderCode(element)
        case "a":
            return try renderLink(element)
        case "img":
            return try renderImage(element)
        default:
            if HTMLElementKind.isBlock(element.name) {
                throw ConversionLoss(reason: "has a block element <\(element.name)> inside \(placeName) text")
            }
            throw MarkdownSupport.unsupported(element)
        }
    }

    private var placeName: String {
        switch place {
        case .paragraph: "paragraph"
        case .heading: "heading"
        case .tableCell: "table cell"
        }
    }

    private mutating func renderDelimited(_ element: HTMLElement) throws(ConversionLoss) -> String {
        try MarkdownSupport.require(element, attributes: [])
        guard !element.children.isEmpty else { throw ConversionLoss(reason: "has an empty <\(element.name)>") }
        atLineStart = false
        let inner = try renderChildren(element.children)
        let nestsAsterisks = inner.hasPrefix("*") || inner.hasSuffix("*")
        let delimiter: String
        switch element.name {
        case "em": delimiter = nestsAsterisks ? "_" : "*"
        case "strong": delimiter = nestsAsterisks ? "__" : "**"
        default: delimiter = "~~"
        }
        return delimiter + inner + delimiter
    }

    private mutating func renderCode(_ element: HTMLElement) throws(ConversionLoss) -> String {
        try MarkdownSupport.require(element, attributes: [])
        var content = ""
        for child in element.children {
            guard case .text(let text) = child else {
                throw ConversionLoss(reason: "has formatting inside inline <code>")
            }
            content += text
        }
        guard !content.isEmpty else { throw ConversionLoss(reason: "has an empty <code>") }
        if place == .tableCell {
            // GFM reads "\|" in a cell as a pipe, even inside code.
            content = content.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
        }
        let fence = String(repeating: "`", count: MarkdownSupport.longestRun(of: "`", in: content) + 1)
        let padded = content.hasPrefix("`") || content.hasSuffix("`")
            || (content.hasPrefix(" ") && content.hasSuffix(" ") && content.contains { $0 != " " })
        atLineStart = false
        return padded ? fence + " " + content + " " + fence : fence + content + fence
    }

    private mutating func renderLink(_ element: HTMLElement) throws(ConversionLoss) -> String {
        try MarkdownSupport.require(element, attributes: ["href", "title"])
        guard let href = element.attribute("href") else { throw ConversionLoss(reason: "has a link without href") }
        guard !inLinkText else { throw ConversionLoss(reason: "has a link inside a link") }
        try MarkdownSupport.requireStableURL(href, what: "link address")
        if element.attribute("title") == nil, element.children == [.text(href)],
            let autolink = MarkdownSupport.autolink(href)
        {
            atLineStart = false
            return autolink
        }
        atLineStart = false
        inLinkText = true
        defer { inLinkText = false }
        let text = try renderChildren(element.children)
        return "[" + text + "](" + MarkdownSupport.destination(href) + title(element) + ")"
    }

    private mutating func renderImage(_ element: HTMLElement) throws(ConversionLoss) -> String {
        try MarkdownSupport.require(element, attributes: ["src", "alt", "title"])
        guard let source = element.attribute("src") else { throw ConversionLoss(reason: "has an image without src") }
        guard let alt = element.attribute("alt") else {
            throw ConversionLoss(reason: "has an image without alt text")
        }
        try MarkdownSupport.requireStableURL(source, what: "image address")
        var lineStart = false
        let altText = MarkdownTextEscaper(place: .linkText).escape(alt, atLineStart: &lineStart)
        atLineStart = false
        return "![" + altText + "](" + MarkdownSupport.destination(source) + title(element) + ")"
    }

    private func title(_ element: HTMLElement) -> String {
        guard let title = element.attribute("title") else { return "" }
        return " \"" + MarkdownSupport.escapeTitle(title) + "\""
    }
}
