import Foundation
import Statements

/// Reads one manifest line in the shape `Manifest.jsonl()` writes: a flat JSON object whose keys are
/// exactly the eleven of `ManifestEntry`, with string values and an integer `sys_mod_count`.
///
/// `JSONDecoder` dominates `status`, `pull` and `push` on large manifests; this parser works on the UTF-8
/// bytes in one pass. It answers nil for anything outside that shape (unknown or repeated keys, other
/// value types, fractions, lone surrogates, invalid UTF-8…), and the caller then asks `JSONDecoder`, so
/// hand-edited or older lines still load, and invalid ones fail with the decoder's own reason.
enum ManifestLineParser {
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> ManifestEntry? {
        var repeated = RepeatedValues()
        return parse(line, repeated: &repeated)
    }

    /// Parses `line`, sharing one `String` between consecutive lines for the values that repeat (table,
    /// field, system, author, time), and one per title: 100,000 entries then hold a few thousand strings
    /// instead of half a million, and parsing allocates far less.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, repeated: inout RepeatedValues) -> ManifestEntry? {
        // Moved in and out, not copied: the reader's tables stay uniquely referenced, so adding a title
        // does not copy every title read before.
        var reader = Reader(bytes: line, repeated: consume repeated)
        defer { repeated = reader.repeated }
        return reader.entry()
    }

    /// The last value read for each key whose values repeat from line to line, and whether it can be
    /// reused as is (it was written without escapes).
    struct RepeatedValues {
        fileprivate var values = ["", "", "", "", ""]
        fileprivate var plain = [false, false, false, false, false]
        /// Every title read so far: a control's title comes back in each system's folder, never on
        /// consecutive lines, and 100,000 copies of a few hundred titles were 6 MB.
        fileprivate var titles: Set<ExactString> = []
    }

    /// The keys of a line, as the bytes they are written with.
    fileprivate enum Key: Int, CaseIterable {
        case path, table, sysID, field, format, modCount, updatedOn, updatedBy, system, control, title

        var name: String {
            switch self {
            case .path: "path"
            case .table: "table"
            case .sysID: "sys_id"
            case .field: "field"
            case .format: "format"
            case .modCount: "sys_mod_count"
            case .updatedOn: "sys_updated_on"
            case .updatedBy: "sys_updated_by"
            case .system: "system"
            case .control: "control"
            case .title: "title"
            }
        }

        static let names: [[UInt8]] = allCases.map { Array($0.name.utf8) }
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Reused between strings that need unescaping.
    var scratch: [UInt8] = []
    var repeated: ManifestLineParser.RepeatedValues

    init(bytes: UnsafeBufferPointer<UInt8>, repeated: ManifestLineParser.RepeatedValues) {
        self.bytes = bytes
        self.repeated = repeated
    }

    /// A string value, the same `String` as the previous line's for `slot` when the bytes are equal
    /// (checked with `memcmp` before any `String` is made).
    mutating func string(sharing slot: Int) -> String? {
        if repeated.plain[slot], let shared = sameAsBefore(repeated.values[slot]) { return shared }
        let start = index
        guard let value = string() else { return nil }
        repeated.values[slot] = value
        // Reusable when the value's bytes between the quotes are the value itself (no escapes).
        repeated.plain[slot] = index - start - 2 == value.utf8.count
        return value
    }

    /// `previous` when the next bytes are it between quotes; the index then moves past them.
    private mutating func sameAsBefore(_ previous: String) -> String? {
        var utf8 = previous
        let end = utf8.withUTF8 { utf8 -> Int? in
            let end = index + 1 + utf8.count
            guard !utf8.isEmpty, end < bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\""),
                memcmp(bytes.baseAddress! + index + 1, utf8.baseAddress!, utf8.count) == 0
            else { return nil }
            return end
        }
        guard let end else { return nil }
        index = end + 1
        return previous
    }

    /// The key at the index, matched on its bytes (no `String` is made); nil for any other key or one
    /// written with escapes.
    private mutating func key() -> ManifestLineParser.Key? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let length = index - start
        index += 1
        for (position, name) in ManifestLineParser.Key.names.enumerated() where name.count == length {
            let equal = name.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + start, $0.baseAddress!, length) == 0 }
            if equal { return ManifestLineParser.Key(rawValue: position) }
        }
        return nil
    }

    mutating func entry() -> ManifestEntry? {
        var path: String?, table: String?, sysID: String?, field: String?, format: StatementFormat?
        var modCount: Int?, updatedOn: String?, updatedBy: String?, system: String?, control: String?
        var title: String?
        guard skipWhitespace(), take(UInt8(ascii: "{")) else { return nil }
        var first = true
        while true {
            guard skipWhitespace() else { return nil }
            if take(UInt8(ascii: "}")) {
                if first { return nil }
                break
            }
            if !first {
                guard take(UInt8(ascii: ",")), skipWhitespace() else { return nil }
            }
            first = false
            guard let key = key(), skipWhitespace(), take(UInt8(ascii: ":")), skipWhitespace() else { return nil }
            // A repeated key is left to JSONDecoder, which decides what it means.
            switch key {
            case .path: guard path == nil, let value = string() else { return nil }; path = value
            case .table: guard table == nil, let value = string(sharing: 0) else { return nil }; table = value
            case .sysID: guard sysID == nil, let value = string() else { return nil }; sysID = value
            case .field: guard field == nil, let value = string(sharing: 1) else { return nil }; field = value
            case .format:
                guard format == nil, let value = string(), let parsed = StatementFormat(rawValue: value) else {
                    return nil
                }
                format = parsed
            case .modCount: guard modCount == nil, let value = integer() else { return nil }; modCount = value
            case .updatedOn: guard updatedOn == nil, let value = string(sharing: 4) else { return nil }; updatedOn = value
            case .updatedBy: guard updatedBy == nil, let value = string(sharing: 3) else { return nil }; updatedBy = value
            case .system: guard system == nil, let value = string(sharing: 2) else { return nil }; system = value
            case .control: guard control == nil, let value = string() else { return nil }; control = value
            case .title: guard title == nil, let value = string() else { return nil }; title = repeated.titles.insert(ExactString(value)).memberAfterInsert.value
            }
        }
        _ = skipWhitespace()
        guard index == bytes.count else { return nil }
        guard let path, let table, let sysID, let field, let format, let modCount, let updatedOn, let updatedBy,
            let system, let control, let title
        else { return nil }
        return ManifestEntry(
            path: path, table: table, sysID: sysID, field: field, format: format, modCount: modCount,
            updatedOn: updatedOn, updatedBy: updatedBy, system: system, control: control, title: title)
    }

    /// Skips JSON whitespace; false when the line ends.
    mutating func skipWhitespace() -> Bool {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return true
            }
        }
        return false
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A non-negative or negative integer without fraction or exponent, as JSONEncoder writes an `Int`.
    mutating func integer() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let digit = Int(bytes[index] - 0x30)
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { return nil }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            return nil
        }
        return value
    }

    /// A JSON string; nil for raw control characters, bad escapes, lone surrogates or invalid UTF-8.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // Fast path: no escapes, which is nearly every value grcsync writes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let value = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return value
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(validating: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard escape() else { return nil }
            case 0..<0x20: return nil
            default: scratch.append(byte)
            }
        }
        return nil
    }

    /// Appends the character of the escape after a backslash to `scratch`.
    private mutating func escape() -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            guard let unit = hex4() else { return false }
            var scalarValue = UInt32(unit)
            if (0xD800..<0xDC00).contains(unit) {
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                    (0xDC00..<0xE000).contains(low)
                else { return false }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { return false }
            scratch.append(contentsOf: scalar.utf8)
        default: return false
        }
        return true
    }

    private mutating func hex4() -> UInt16? {
        guard bytes.count - index >= 4 else { return nil }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }
}
