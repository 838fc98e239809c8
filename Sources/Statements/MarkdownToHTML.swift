import CCmarkGFM
import Foundation

/// Renders Markdown to HTML with cmark-gfm, the reference implementation of GitHub Flavored Markdown,
/// with the `table`, `strikethrough` and `autolink` extensions.
///
/// Options: `CMARK_OPT_UNSAFE` so that raw HTML an author writes in a `.md` reaches ServiceNow instead of
/// being silently replaced by a comment (ServiceNow sanitises rich text itself), and
/// `CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE` so that only `~~text~~` strikes through ("~5 minutes" stays
/// text). The output is cmark's, one block per line; `StatementRenderer` compacts it for ServiceNow.
public enum MarkdownToHTML {
    /// cmark-gfm's registration of its extensions is not thread-safe; a static runs it exactly once.
    private static let extensionsRegistered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    private static let extensionNames = ["table", "strikethrough", "autolink"]

    static let options = CMARK_OPT_UNSAFE | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// The HTML cmark-gfm renders for `markdown`.
    public static func convert(_ markdown: String) -> String {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parser_feed(parser, characters.baseAddress, characters.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
