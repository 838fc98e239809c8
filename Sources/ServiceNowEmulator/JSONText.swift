import Foundation

/// A small, fast JSON writer for the Table API's string-only payloads.
///
/// ServiceNow answers are objects of strings (and objects of strings); writing them by hand avoids
/// Foundation's JSONSerialization, which dominated the cost of large pages.
struct JSONText {
    private(set) var text = ""

    init(capacity: Int = 256) {
        text.reserveCapacity(capacity)
    }

    mutating func raw(_ fragment: String) {
        text += fragment
    }

    mutating func string(_ value: String) {
        text += "\""
        var value = value
        let plain = value.withUTF8 { utf8 in !utf8.contains { Self.needsEscape($0) } }
        if plain {
            text += value
        } else {
            // Runs of bytes that need no escape are copied whole (they start and end next to an ASCII
            // byte, so they are whole UTF-8 sequences): appending scalar by scalar made every statement
            // with a line break in it — every laid-out one grcsync pushes — cost the emulator ~0.3 ms.
            value.withUTF8 { utf8 in
                var start = 0
                for (index, byte) in utf8.enumerated() where Self.needsEscape(byte) {
                    if start < index { text += String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<index]), as: UTF8.self) }
                    text += Self.escaped(byte)
                    start = index + 1
                }
                if start < utf8.count { text += String(decoding: UnsafeBufferPointer(rebasing: utf8[start...]), as: UTF8.self) }
            }
        }
        text += "\""
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The escape of a quote, a backslash or a control character (`\n`, `\r`, `\t`, else `\u00XX`).
    private static func escaped(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\t"): return "\\t"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// Writes `{"k":"v",...}` with keys in the given order.
    mutating func object(_ pairs: [(String, String)]) {
        text += "{"
        for (index, pair) in pairs.enumerated() {
            if index > 0 { text += "," }
            string(pair.0)
            text += ":"
            string(pair.1)
        }
        text += "}"
    }

    /// The ServiceNow error envelope: `{"error":{"message":..,"detail":..},"status":"failure"}`.
    static func errorEnvelope(message: String, detail: String?) -> String {
        var json = JSONText()
        json.raw("{\"error\":{\"message\":")
        json.string(message)
        json.raw(",\"detail\":")
        if let detail { json.string(detail) } else { json.raw("null") }
        json.raw("},\"status\":\"failure\"}")
        return json.text
    }
}
