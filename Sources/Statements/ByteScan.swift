import Foundation

/// The byte loops the canonical form runs over every statement, done a word or a libc call at a time.
enum ByteScan {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether `html` holds a NUL byte.
    static func containsNUL(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }

    /// The length of a NUL-terminated string.
    static func length(_ pointer: UnsafePointer<UInt8>) -> Int {
        pointer.withMemoryRebound(to: CChar.self, capacity: 1) { strlen($0) }
    }

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var position = 0
        while position + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) & highBits != 0 { return false }
            position += 8
        }
        while position < bytes.count {
            if bytes[position] >= 0x80 { return false }
            position += 1
        }
        return true
    }

    /// A set of bytes as a 256-bit mask, tested without a table in memory.
    struct ByteSet {
        private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        init(_ members: [UInt8]) {
            for byte in members {
                let bit = UInt64(1) << UInt64(byte & 63)
                switch byte >> 6 {
                case 0: words.0 |= bit
                case 1: words.1 |= bit
                case 2: words.2 |= bit
                default: words.3 |= bit
                }
            }
        }

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            let word: UInt64
            switch byte >> 6 {
            case 0: word = words.0
            case 1: word = words.1
            case 2: word = words.2
            default: word = words.3
            }
            return (word >> UInt64(byte & 63)) & 1 != 0
        }
    }
}
