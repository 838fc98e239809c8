import Foundation

/// A `String` compared and hashed by its UTF-8 bytes. `String`'s own `==` is canonical equivalence: "café"
/// with a precomposed é and with an e and a combining accent are equal strings, but different names to
/// ServiceNow and different file names once made into paths. Sets that share one copy of repeated values
/// (a system's name, a control's title) key them by this, so that every record keeps its own spelling.
struct ExactString: Hashable, Sendable {
    let value: String

    init(_ value: String) { self.value = value }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        var (left, right) = (lhs.value, rhs.value)
        return left.withUTF8 { left in
            right.withUTF8 { right in
                left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var value = value
        value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
