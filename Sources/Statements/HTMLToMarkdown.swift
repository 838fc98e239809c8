/// Converts statement HTML to GitHub Flavored Markdown, for the elements that have a faithful Markdown
/// form: paragraphs, headings, emphasis, strong, strikethrough, links (with titles), images (with alt),
/// ordered (with start) and unordered lists, nested lists, inline code, code blocks, block quotes,
/// hard line breaks, rules and GFM tables with a header row.
///
/// Anything else (`<u>`, `<span>`, `style` or `class` attributes, comments, tables without a header
/// row, malformed HTML…) throws a `ConversionLoss` naming it. The Markdown is written in one fixed
/// style so that converting cmark-gfm's HTML for it gives the same Markdown again. The caller still
/// checks the round trip (see `StatementRenderer`): this converter aims to be exact, the check proves it.
public enum HTMLToMarkdown {
    /// The Markdown for `html`, ending with one "\n" ("" for an empty statement).
    public static func convert(_ html: String) throws(ConversionLoss) -> String {
        try rejectDocument(html)
        let parsed = HTMLFragmentParser.parse(html)
        if let error = parsed.structuralErrors.first {
            throw ConversionLoss(reason: "malformed HTML (\(error))")
        }
        let nodes = HTMLNormalizer.normalize(parsed.nodes)
        var writer = MarkdownBlockWriter()
        let lines = try writer.document(nodes)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// A whole document's `<html>`, `<head>` and `<body>` are merged away by the parser, with their
    /// attributes: refuse them rather than lose them.
    private static func rejectDocument(_ html: String) throws(ConversionLoss) {
        var html = html
        let found: String? = html.withUTF8 { source in
            var found: String?
            HTMLTagScanner.scan(source) { token in
                guard found == nil else { return }
                switch token.kind {
                case .startTag, .endTag:
                    for name: StaticString in ["html", "head", "body"] where HTMLTagScanner.name(token.name, in: source, is: name) {
                        found = "is a whole HTML document (<\(name)>)"
                    }
                case .markup:
                    let bytes = source[token.range]
                    if bytes.starts(with: "<!".utf8), !bytes.starts(with: "<!--".utf8) {
                        found = "has a document type declaration"
                    }
                default:
                    break
                }
            }
            return found
        }
        if let found { throw ConversionLoss(reason: found) }
    }
}
