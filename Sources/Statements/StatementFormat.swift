/// The file format a workspace keeps its statements in.
public enum StatementFormat: String, Sendable, Codable, CaseIterable {
    /// The statement's HTML, laid out one block element per line.
    case html
    /// CommonMark (GitHub flavoured), where the HTML survives the round trip unchanged; `.html` otherwise.
    case markdown

    /// The file extension of a statement stored in this format, without the dot.
    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .markdown: "md"
        }
    }
}
