/// Why a statement's HTML has no faithful Markdown form, in a few words a person understands
/// ("uses <u>", "table without a header row"). The statement then stays an `.html` file.
public struct ConversionLoss: Error, Sendable, Equatable, CustomStringConvertible {
    /// The short human reason, e.g. `uses <span style>`.
    public var reason: String

    /// Creates a loss with the given reason.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
