import Foundation
import GRCSync

/// `--json` output: stable key order, one document on standard output, written in pieces so that a
/// report of 100,000 statements is never held whole (`JSONReportWriter`).
enum JSONOutput {
    static func write<Value: Encodable>(_ value: Value) throws {
        try JSONReportWriter.write(value) { FileHandle.standardOutput.write($0) }
    }

    static func write<Element: Encodable>(_ elements: [Element]) throws {
        try JSONReportWriter.write(elements) { FileHandle.standardOutput.write($0) }
    }
}
