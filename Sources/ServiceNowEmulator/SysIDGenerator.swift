import Foundation

/// Deterministic 32-hex `sys_id`s (and other pseudo-random choices) from a 64-bit seed.
///
/// SplitMix64: tiny, fast and good enough for test data; the same seed always yields the same sequence,
/// which is what makes seeded data repeatable across runs and machines.
struct SysIDGenerator: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0).
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    /// A fraction in `0..<1`.
    mutating func nextFraction() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    mutating func sysID() -> String {
        Self.hex(next()) + Self.hex(next())
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether `text` is a well-formed sys_id: 32 lowercase hex characters.
    static func isSysID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
