/// What the workspace holds for one statement: the file's extension and contents, and why a statement
/// meant to be Markdown stayed HTML.
public struct RenderedStatement: Sendable, Equatable {
    /// "html" or "md", without the dot.
    public var fileExtension: String
    /// The file's contents (ends with one "\n" unless empty).
    public var contents: String
    /// Non-nil when Markdown was asked for but the statement stays `.html`: one short human reason,
    /// e.g. "uses <span style>".
    public var keptAsHTMLReason: String?

    /// Creates a rendered statement.
    public init(fileExtension: String, contents: String, keptAsHTMLReason: String? = nil) {
        self.fileExtension = fileExtension
        self.contents = contents
        self.keptAsHTMLReason = keptAsHTMLReason
    }
}
