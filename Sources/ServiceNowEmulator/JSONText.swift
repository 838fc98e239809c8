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
        var needsEscaping = false
        for unit in value.utf8 where unit < 0x20 || unit == 0x22 || unit == 0x5C {
            needsEscaping = true
            break
        }
        if !needsEscaping {
            text += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case let s where s.value < 0x20:
                    let hex = String(s.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
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
