import Foundation
@testable import ServiceNowEmulator
import Testing

/// The emulator's hand-written JSON strings: what `JSONSerialization` reads back is the string written,
/// escaped exactly as before it copied runs of bytes whole (the scalar-by-scalar writer, kept here).
@Suite struct JSONTextTests {
    private static func scalarByScalar(_ value: String) -> String {
        var text = "\""
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
        return text + "\""
    }

    private static let samples: [String] = {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        var random = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["a", " ", "\n", "\"", "\\", "\u{7F}", "é", "€", "😀", "\u{1}", "\u{2028}", "<", "/"]
        let generated = (0..<200).map { _ in
            String(String.UnicodeScalarView((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        }
        return ["", "plain", controls, "<p>One.</p>\n<p>Two \"quoted\" \\ back</p>\n", "\n", "é\n€\n😀", "\"\"", "a\\"] + generated
    }()

    @Test func stringsAreEscapedAsBeforeAndReadBack() throws {
        for sample in Self.samples {
            var json = JSONText()
            json.string(sample)
            #expect(json.text == Self.scalarByScalar(sample), "\(sample.debugDescription)")
            let read = try JSONSerialization.jsonObject(with: Data("[\(json.text)]".utf8)) as? [String]
            #expect(read == [sample], "\(sample.debugDescription)")
        }
    }
}
