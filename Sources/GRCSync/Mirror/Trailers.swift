import Foundation

/// Git trailers (`Key: value` lines closing a commit message), which record what grcsync did in a way
/// that travels with any clone and shows in `git log`.
public struct Trailers: Sendable, Equatable {
    /// The pairs in order; a key may repeat.
    public var pairs: [(key: String, value: String)]

    public init(_ pairs: [(key: String, value: String)] = []) { self.pairs = pairs }

    /// Reads the trailers of a commit message: the `Key: value` lines of its last paragraph.
    public init(message: String) {
        let paragraphs = message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n")
        guard let last = paragraphs.last, paragraphs.count > 1 else {
            pairs = []
            return
        }
        var found: [(key: String, value: String)] = []
        for line in last.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else {
                pairs = []
                return
            }
            let key = line[..<colon]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                pairs = []
                return
            }
            found.append((String(key), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        pairs = found
    }

    /// The first value of a key.
    public subscript(key: String) -> String? { pairs.first { $0.key == key }?.value }

    /// All values of a key.
    public func values(_ key: String) -> [String] { pairs.filter { $0.key == key }.map(\.value) }

    /// The trailer block, without a leading blank line.
    public var text: String { pairs.map { "\($0.key): \($0.value)" }.joined(separator: "\n") }

    public static func == (lhs: Trailers, rhs: Trailers) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }
}
