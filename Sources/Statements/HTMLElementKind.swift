/// How HTML lays out an element, which decides where whitespace matters.
enum HTMLElementKind {
    /// Elements that start a new block: whitespace next to their tags is not rendered.
    static let blockLevel: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "col", "colgroup", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend",
        "li", "link", "main", "menu", "meta", "nav", "noscript", "ol", "optgroup", "option", "p", "pre",
        "section", "style", "script", "summary", "table", "tbody", "td", "template", "tfoot", "th", "thead",
        "title", "tr", "ul",
    ]

    /// Block elements that hold other blocks rather than text; the layout puts their children on
    /// their own, indented lines.
    static let container: Set<String> = [
        "article", "aside", "blockquote", "body", "colgroup", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figure", "footer", "form", "header", "hgroup", "html", "main", "menu", "nav", "ol",
        "section", "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]

    /// Elements whose text keeps every space and line break.
    static let preformatted: Set<String> = ["pre", "textarea", "listing", "xmp", "plaintext"]

    /// Elements whose content is raw text (not markup) to the HTML tokenizer.
    static let rawText: Set<String> = ["script", "style", "textarea", "xmp", "title", "plaintext"]

    /// Elements that never have content or an end tag.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "basefont", "frame", "isindex",
    ]

    /// Inline elements whose leading or trailing space renders exactly like a space just outside them
    /// (nothing visible is drawn under a space), so the equivalence moves such spaces out.
    static let spaceTransparent: Set<String> = ["em", "strong", "b", "i"]

    static func isBlock(_ name: String) -> Bool { blockLevel.contains(name) }
}
