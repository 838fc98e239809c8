import Foundation

/// `--json` output: stable key order, one document on standard output.
enum JSONOutput {
    static func write<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Terminal.write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}
