import Statements

/// Writes one manifest line: the JSON `JSONEncoder` writes for a `ManifestEntry` with `.sortedKeys` and
/// `.withoutEscapingSlashes`, byte for byte, without going through `Codable`.
///
/// A first pull writes 100,000 lines, and every pull and push rewrites the whole manifest; the encoder's
/// per-entry cost made that seconds. The escaping is JSONEncoder's: `"` and `\` backslashed, `\b \t \n
/// \f \r` by name, other control characters as `\u00xx`, everything else (including `/` and non-ASCII)
/// as its UTF-8. A test checks the output against `JSONEncoder` over generated entries.
enum ManifestLineWriter {
    /// Appends `entry`'s line, with its final "\n", to `out`.
    static func append(_ entry: ManifestEntry, to out: inout [UInt8]) {
        // Keys in sorted order, as `.sortedKeys` writes them.
        out += #"{"control":"#.utf8
        string(entry.control, to: &out)
        out += #","field":"#.utf8
        string(entry.field, to: &out)
        out += #","format":"#.utf8
        string(entry.format.rawValue, to: &out)
        out += #","path":"#.utf8
        string(entry.path, to: &out)
        out += #","sys_id":"#.utf8
        string(entry.sysID, to: &out)
        out += #","sys_mod_count":"#.utf8
        out += String(entry.modCount).utf8
        out += #","sys_updated_by":"#.utf8
        string(entry.updatedBy, to: &out)
        out += #","sys_updated_on":"#.utf8
        string(entry.updatedOn, to: &out)
        out += #","system":"#.utf8
        string(entry.system, to: &out)
        out += #","table":"#.utf8
        string(entry.table, to: &out)
        out += #","title":"#.utf8
        string(entry.title, to: &out)
        out += "}\n".utf8
    }

    /// The number of bytes `append` writes for `entry`.
    static func length(of entry: ManifestEntry) -> Int {
        // The keys, quotes, colons, commas and braces of a line, with its final newline.
        let punctuation = #"{"control":"","field":"","format":"","path":"","sys_id":"","sys_mod_count":,"sys_updated_by":"","sys_updated_on":"","system":"","table":"","title":""}"#.utf8.count + 1
        // Summed one by one: an array of the ten values cost an allocation and ten retains per line,
        // most of the ~45 ms this took for 100,000 lines.
        return punctuation + digits(entry.modCount)
            + escapedLength(entry.control) + escapedLength(entry.field) + escapedLength(entry.format.rawValue)
            + escapedLength(entry.path) + escapedLength(entry.sysID) + escapedLength(entry.updatedBy)
            + escapedLength(entry.updatedOn) + escapedLength(entry.system) + escapedLength(entry.table)
            + escapedLength(entry.title)
    }

    /// The length of `String(value)`.
    private static func digits(_ value: Int) -> Int {
        var count = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// The length of `value` once escaped, without its quotes.
    private static func escapedLength(_ value: String) -> Int {
        var value = value
        return value.withUTF8 { utf8 in
            var length = utf8.count
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x08, 0x09, 0x0A, 0x0C, 0x0D: length += 1
                default: length += 5
                }
            }
            return length
        }
    }

    private static func string(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Almost every value needs no escape: copy it whole (on its contiguous bytes, not byte by byte
        // through the generic `UTF8View`, which was most of the cost of writing 100,000 lines).
        var value = value
        let copied = value.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
