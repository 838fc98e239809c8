/// A netrc file that cannot be used. The message never quotes the file's tokens, which may be passwords.
public struct NetrcError: Error, Equatable, CustomStringConvertible {
    /// The file, as shown to the user.
    public var file: String
    /// The 1-based line, when the problem is at one place.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
