import CGit2

/// A Git object id (SHA-1), held as 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// 40 lowercase hex digits.
    public let hex: String

    /// Accepts exactly 40 hex digits, in either case; nil otherwise.
    public init?(hex: String) {
        let utf8 = hex.utf8
        guard utf8.count == 40, utf8.allSatisfy({ ObjectID.hexValue($0) != nil }) else { return nil }
        self.hex = hex.lowercased()
    }

    init(_ oid: git_oid) {
        var oid = oid
        hex = withUnsafeBytes(of: &oid.id) { bytes in
            String(unsafeUninitializedCapacity: 40) { buffer in
                for (index, byte) in bytes.prefix(20).enumerated() {
                    buffer[2 * index] = ObjectID.digit(byte >> 4)
                    buffer[2 * index + 1] = ObjectID.digit(byte & 0x0f)
                }
                return 40
            }
        }
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The libgit2 form.
    var oid: git_oid {
        var oid = git_oid()
        // `hex` is validated 40 hex digits, so this cannot fail.
        git_oid_fromstrn(&oid, hex, 40)
        return oid
    }

    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The hex form.
    public var description: String { hex }

    /// Orders by hex, i.e. by the raw bytes.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
