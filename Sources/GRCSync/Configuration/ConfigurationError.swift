/// A problem with `config.yaml`, pointing at the key and the place in the file.
///
/// The description reads like a compiler diagnostic, so editors and terminals can jump to it:
/// `config.yaml:7:14: `concurrency` must be a whole number from 1 to 16, not "lots".`
/// It never contains the value of a secret-looking key or the password of a URL.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The file, as it should be shown to the user (usually `config.yaml`).
    public var file: String
    /// The dotted key path the problem is about (`approvals.required`), when there is one.
    public var keyPath: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// What is wrong and what to do about it, as a sentence.
    public var message: String

    /// Creates an error.
    public init(file: String, keyPath: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, leaving out the parts that are not known.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
