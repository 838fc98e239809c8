import CGit2

/// A Git object id (SHA-1): 20 bytes, held inline (no allocation), shown as 40 lowercase hex digits.
///
/// A first pull of 100,000 statements holds several ids per statement at once (the blob in the pack
/// writer, in the pending tree, in the base tree's index); as hex strings they cost an allocation of 64
/// bytes each.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    // Big-endian words of the 20 bytes, so that comparing the words in order compares the bytes.
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// Accepts exactly 40 hex digits, in either case; nil otherwise.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 40 else { return nil }
        guard utf8.allSatisfy({ ObjectID.hexValue($0) != nil }) else { return nil }
        self.init { index in
            // Both digits were checked above.
            (ObjectID.hexValue(utf8[2 * index]) ?? 0) << 4 | (ObjectID.hexValue(utf8[2 * index + 1]) ?? 0)
        }
    }

    init(_ oid: git_oid) {
        var oid = oid
        self = withUnsafeBytes(of: &oid.id) { raw in ObjectID { raw[$0] } }
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The id whose byte at each index 0..<20 is `byte(index)`.
    private init(byte: (Int) -> UInt8) {
        func word(_ range: Range<Int>) -> UInt64 { range.reduce(0) { $0 << 8 | UInt64(byte($1)) } }
        high = word(0..<8)
        middle = word(8..<16)
        low = UInt32(word(16..<20))
    }

    /// The byte at `index` (0..<20), read from the words without building an array: `oid` runs for every
    /// libgit2 lookup.
    private func byte(at index: Int) -> UInt8 {
        switch index {
        case 0..<8: UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * index))
        case 8..<16: UInt8(truncatingIfNeeded: middle >> UInt64(56 - 8 * (index - 8)))
        default: UInt8(truncatingIfNeeded: low >> UInt32(24 - 8 * (index - 16)))
        }
    }

    /// 40 lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 40) { buffer in
            for index in 0..<20 {
                let byte = byte(at: index)
                buffer[2 * index] = ObjectID.digit(byte >> 4)
                buffer[2 * index + 1] = ObjectID.digit(byte & 0x0f)
            }
            return 40
        }
    }

    /// The first of the 20 bytes (a pack index's fan-out table is keyed by it).
    var firstByte: UInt8 { UInt8(truncatingIfNeeded: high >> 56) }

    /// The first eight bytes, big-endian: evenly spread, as in any SHA-1 digest.
    var leadingWord: UInt64 { high }

    /// Appends the 20 bytes to `bytes`.
    func append(to bytes: inout [UInt8]) {
        withUnsafeBytes(of: high.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: middle.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: low.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// The libgit2 form.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            for index in 0..<20 { raw[index] = byte(at: index) }
        }
        return oid
    }

    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The hex form.
    public var description: String { hex }

    /// Orders by the raw bytes, i.e. by hex.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
