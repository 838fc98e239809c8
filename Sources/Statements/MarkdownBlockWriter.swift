/// Writes block-level HTML as Markdown lines, or says why it cannot.
///
/// Style (fixed, so that HTML → Markdown → HTML → Markdown is stable): blank line between blocks,
/// `-` bullets (`*` for a list that directly follows another bullet list), `1.` numbering (`1)` after
/// another ordered list), ATX headings, fenced code blocks, `***` rules, `> ` quotes, hard breaks as a
/// trailing backslash. A list is tight unless its items' text is wrapped in `<p>`.
struct MarkdownBlockWriter {
    /// The lines of a statement (the fragment's top-level nodes).
    mutating func document(_ nodes: [HTMLNode]) throws(ConversionLoss) -> [String] {
        try blocks(nodes, inside: "the statement")
    }

    /// Block children of a container that needs `<p>` around text (statement, quote, loose list item);
    /// each block's lines, with blank lines between blocks.
    private mutating func blocks(_ nodes: [HTMLNode], inside container: String) throws(ConversionLoss)
        -> [String]
    {
        var result: [[String]] = []
        var previous: String?
        for node in nodes {
            guard case .element(let element) = node else {
                throw Self.looseContentLoss(node, inside: container)
            }
            guard HTMLElementKind.isBlock(element.name) || element.name == "pre" else {
                throw ConversionLoss(
                    reason: "has text outside a paragraph (<\(element.name)> directly inside \(container))")
            }
            result.append(try block(element, after: previous))
            previous = element.name
        }
        return Array(result.enumerated().map { index, lines in index == 0 ? lines : [""] + lines }.joined())
    }

    private static func looseContentLoss(_ node: HTMLNode, inside container: String) -> ConversionLoss {
        switch node {
        case .comment: ConversionLoss(reason: "contains an HTML comment")
        case .other(let kind, _): ConversionLoss(reason: "contains a \(kind)")
        default: ConversionLoss(reason: "has text outside a paragraph (directly inside \(container))")
        }
    }

    /// One block element's lines. `previous` is the element just before it in the same container.
    private mutating func block(_ element: HTMLElement, after previous: String?) throws(ConversionLoss) -> [String] {
        switch element.name {
        case "p":
            try MarkdownSupport.require(element, attributes: [])
            guard !element.children.isEmpty else { throw ConversionLoss(reason: "has an empty paragraph") }
            var writer = MarkdownInlineWriter(place: .paragraph)
            return try writer.render(element.children).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            try MarkdownSupport.require(element, attributes: [])
            let level = Int(String(element.name.dropFirst())) ?? 1
            var writer = MarkdownInlineWriter(place: .heading)
            let text = try writer.render(element.children)
            return [String(repeating: "#", count: level) + (text.isEmpty ? "" : " " + text)]
        case "ul", "ol":
            return try list(element, alternate: previous == element.name)
        case "blockquote":
            try MarkdownSupport.require(element, attributes: [])
            let inner = try blocks(element.children, inside: "<blockquote>")
            guard !inner.isEmpty else { return [">"] }
            return inner.map { $0.isEmpty ? ">" : "> " + $0 }
        case "pre":
            return try codeBlock(element)
        case "hr":
            try MarkdownSupport.require(element, attributes: [])
            return ["***"]
        case "table":
            return try MarkdownTableWriter.table(element)
        default:
            throw MarkdownSupport.unsupported(element)
        }
    }

    private func codeBlock(_ pre: HTMLElement) throws(ConversionLoss) -> [String] {
        try MarkdownSupport.require(pre, attributes: [])
        guard pre.children.count == 1, case .element(let code) = pre.children[0], code.name == "code" else {
            throw ConversionLoss(reason: "uses <pre> without a single <code> inside")
        }
        try MarkdownSupport.require(code, attributes: ["class"])
        var language = ""
        if let classes = code.attribute("class") {
            guard classes.hasPrefix("language-"), classes.count > 9,
                classes.dropFirst(9).allSatisfy({ $0.isLetter || $0.isNumber || "_+#.-".contains($0) })
            else { throw ConversionLoss(reason: "uses <code class=\"\(classes)\">") }
            language = String(classes.dropFirst(9))
        }
        var text = ""
        for child in code.children {
            guard case .text(let part) = child else {
                throw ConversionLoss(reason: "has formatting inside a code block")
            }
            text += part
        }
        let fence = String(repeating: "`", count: max(3, MarkdownSupport.longestRun(of: "`", in: text) + 1))
        let content = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return [fence + language] + content + [fence]
    }

    // MARK: Lists

    private mutating func list(_ element: HTMLElement, alternate: Bool) throws(ConversionLoss) -> [String] {
        let ordered = element.name == "ol"
        try MarkdownSupport.require(element, attributes: ordered ? ["start"] : [])
        var number = 1
        if let start = element.attribute("start") {
            guard let value = Int(start), value >= 0, value < 1_000_000_000, String(value) == start, value != 1 else {
                throw ConversionLoss(reason: "uses <ol start=\"\(start)\">")
            }
            number = value
        }
        var items: [HTMLElement] = []
        for child in element.children {
            guard case .element(let item) = child, item.name == "li" else {
                throw ConversionLoss(reason: "has something other than <li> directly inside <\(element.name)>")
            }
            try MarkdownSupport.require(item, attributes: [])
            items.append(item)
        }
        guard !items.isEmpty else { throw ConversionLoss(reason: "has an empty list") }
        let loose = items.contains { $0.children.contains { $0.element?.name == "p" } }
        if loose, items.count < 2, !items.contains(where: { $0.children.count > 1 }) {
            throw ConversionLoss(reason: "has a one-item list whose text is wrapped in <p>")
        }
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            let marker: String
            if ordered {
                let shown = number + index < 1_000_000_000 ? number + index : number
                marker = "\(shown)" + (alternate ? ")" : ".")
            } else {
                marker = alternate ? "*" : "-"
            }
            let content = loose ? try looseItem(item) : try tightItem(item)
            if loose, index > 0 { lines.append("") }
            let indent = String(repeating: " ", count: marker.count + 1)
            guard let first = content.first else {
                lines.append(marker)
                continue
            }
            lines.append(first.isEmpty ? marker : marker + " " + first)
            lines += content.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
        }
        return lines
    }

    private mutating func looseItem(_ item: HTMLElement) throws(ConversionLoss) -> [String] {
        for child in item.children where child.element == nil || !(HTMLElementKind.isBlock(child.element?.name ?? "")) {
            throw ConversionLoss(reason: "has a list that mixes items with and without <p>")
        }
        return try blocks(item.children, inside: "<li>")
    }

    /// A tight item: text runs without `<p>`, and blocks (nested lists, code…) on the following lines.
    private mutating func tightItem(_ item: HTMLElement) throws(ConversionLoss) -> [String] {
        var lines: [String] = []
        var run: [HTMLNode] = []
        var previous: String?
        func flush() throws(ConversionLoss) {
            guard !run.isEmpty else { return }
            var writer = MarkdownInlineWriter(place: .paragraph)
            lines += try writer.render(run).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            run = []
            previous = nil
        }
        for child in item.children {
            if let element = child.element, HTMLElementKind.isBlock(element.name) {
                try flush()
                lines += try block(element, after: previous)
                previous = element.name
            } else {
                run.append(child)
            }
        }
        try flush()
        return lines
    }
}
