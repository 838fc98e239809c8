import Foundation

/// A path compared and hashed as its lower-cased form (`lowercased()`, then canonical equivalence, as
/// `String` compares), without keeping a lower-cased copy: the set of paths in use when naming
/// 100,000 new statements held 100,000 lower-cased copies (8 MB). Paths grcsync makes are ASCII:
/// they are kept as they are and folded byte by byte when compared. Any other path is kept folded (its
/// `lowercased()` form in NFC, so that canonically equivalent spellings, such as the Kelvin sign and
/// `k`, fold alike); folding its ASCII letters again changes nothing.
public struct CaseFoldedPath: Hashable, Sendable {
    /// The path as given when it is ASCII, its folded form otherwise.
    private let key: String

    public init(_ path: String) {
        key = path.utf8.allSatisfy { $0 < 0x80 } ? path : path.lowercased().precomposedStringWithCanonicalMapping
    }

    public static func == (lhs: CaseFoldedPath, rhs: CaseFoldedPath) -> Bool {
        lhs.withBytes { left in
            rhs.withBytes { right in
                left.count == right.count && zip(left, right).allSatisfy { fold($0) == fold($1) }
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        withBytes { bytes in
            // Eight folded bytes at a time.
            var word: UInt64 = 0
            for (position, byte) in bytes.enumerated() {
                word = word << 8 | UInt64(Self.fold(byte))
                if position & 7 == 7 {
                    hasher.combine(word)
                    word = 0
                }
            }
            hasher.combine(word)
            hasher.combine(bytes.count)
        }
    }

    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var key = key
        return key.withUTF8(body)
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
