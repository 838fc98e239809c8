/// Turns a statement's ServiceNow HTML into the workspace file, and a workspace file back into the HTML
/// to send, in the configured `StatementFormat`.
public enum StatementRenderer {
    /// What to write into the workspace for a statement whose ServiceNow value is `html`.
    ///
    /// `.html` gives `HTMLLayout.layOut(html)`. `.markdown` gives Markdown when (and only when) the HTML
    /// push would send for it is equivalent to `html` and converting that HTML again gives the same
    /// Markdown (so push-then-pull reproduces the file); otherwise the laid-out HTML and the reason.
    /// Deterministic: the same input always gives the same bytes.
    public static func render(html: String, as format: StatementFormat) -> RenderedStatement {
        switch format {
        case .html:
            return RenderedStatement(fileExtension: "html", contents: HTMLLayout.layOut(html))
        case .markdown:
            switch markdownForm(of: html) {
            case .success(let markdown):
                return RenderedStatement(fileExtension: "md", contents: markdown)
            case .failure(let loss):
                return RenderedStatement(fileExtension: "html", contents: HTMLLayout.layOut(html),
                                         keptAsHTMLReason: loss.reason)
            }
        }
    }

    /// The Markdown for `html` if it survives the round trip exactly, else why not.
    public static func markdownForm(of html: String) -> Result<String, ConversionLoss> {
        let markdown: String
        do {
            markdown = try HTMLToMarkdown.convert(html)
        } catch {
            return .failure(error)
        }
        let sent = htmlForServiceNow(markdown: markdown)
        guard HTMLEquivalence.areEquivalent(sent, html) else {
            let hint = HTMLEquivalence.firstDifference(html, sent)
            return .failure(ConversionLoss(reason: "its Markdown would not give back the same HTML (\(hint))"))
        }
        guard (try? HTMLToMarkdown.convert(sent)) == markdown else {
            return .failure(ConversionLoss(reason: "its Markdown form is not stable through a push and a pull"))
        }
        return .success(markdown)
    }

    /// The HTML to send to ServiceNow for a workspace file.
    ///
    /// "html": the file's contents without trailing line breaks (the laid-out form is sent as it is;
    /// the line breaks between blocks are whitespace HTML ignores). "md": cmark-gfm's HTML for it,
    /// made compact (no line breaks between block tags) the way ServiceNow's editor stores rich text.
    /// Throws `StatementFileError.unsupportedExtension` for any other extension.
    public static func html(fromFileContents contents: String, fileExtension: String) throws(StatementFileError)
        -> String
    {
        switch fileExtension {
        case StatementFormat.html.fileExtension:
            return contents.trimmingTrailingNewlines()
        case StatementFormat.markdown.fileExtension:
            return htmlForServiceNow(markdown: contents)
        default:
            throw StatementFileError.unsupportedExtension(fileExtension)
        }
    }

    private static func htmlForServiceNow(markdown: String) -> String {
        HTMLLayout.compact(MarkdownToHTML.convert(markdown))
    }
}

/// A workspace file grcsync cannot turn into statement HTML.
public enum StatementFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's extension is neither "html" nor "md".
    case unsupportedExtension(String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .unsupportedExtension(let fileExtension):
            "statement files end in .html or .md, not .\(fileExtension): rename the file (keep its "
                + "control id as the name) or move it out of the statements folder"
        }
    }
}
