import Foundation
@testable import GRCSync
import Statements
import Testing

/// The hand-written manifest writer must write exactly what `JSONEncoder` writes, so that manifests
/// written before and after it never differ in a line that did not change.
struct ManifestWritingTests {
    private func viaEncoder(_ entries: [ManifestEntry]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            out.append(try encoder.encode(entry))
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Every ASCII character (controls included), `/`, quotes, backslashes and non-ASCII text.
    private static let awkward: [String] = {
        var all = ""
        for value in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return [
            all, "", "AC-2(1)", "a/b\\c\"d", "Zugriffsrechte für Ämter", "Ĉu 😀 \u{2028}\u{2029}\u{FEFF}",
            "tab\there\r\nnext", "\u{7F}\u{80}\u{9F}",
        ]
    }()

    @Test func linesAreJSONEncodersBytes() throws {
        var entries: [ManifestEntry] = []
        for (index, text) in Self.awkward.enumerated() {
            entries.append(ManifestEntry(
                path: "statements/\(text.isEmpty ? "x" : String(text.prefix(12)))/\(index).html", table: "sn_compliance_control",
                sysID: "\(index)\(text)", field: "implementation_statement", format: index % 2 == 0 ? .html : .markdown,
                modCount: [0, 1, -1, Int.max, Int.min][index % 5], updatedOn: "2026-01-02 03:04:05",
                updatedBy: text, system: text, control: text, title: text))
        }
        let manifest = Manifest(entries)
        #expect(manifest.jsonl() == (try viaEncoder(entries)))
        // The size announced before streaming (the blob's header) is the bytes streamed.
        let pieces = manifest.jsonlPieces()
        var streamed = Data()
        try pieces.write { streamed.append(contentsOf: $0) }
        #expect(streamed == manifest.jsonl())
        #expect(pieces.size == streamed.count)
        for entry in entries {
            var line: [UInt8] = []
            ManifestLineWriter.append(entry, to: &line)
            #expect(ManifestLineWriter.length(of: entry) == line.count)
        }
        #expect(try Manifest(jsonl: manifest.jsonl(), origin: "test") == manifest)
        // Mod counts at each change in their number of digits.
        for modCount in [9, 10, 99, 100, 999_999, 1_000_000, -9, -10] {
            var entry = entries[0]
            entry.modCount = modCount
            var line: [UInt8] = []
            ManifestLineWriter.append(entry, to: &line)
            #expect(ManifestLineWriter.length(of: entry) == line.count, "mod count \(modCount)")
        }
    }

    @Test func entriesInPathOrderAndOutOfItAreWrittenSorted() throws {
        let entries = (0..<50).map { index in
            ManifestEntry(
                path: "statements/S/AC-\(index).html", table: "t", sysID: "\(index)", field: "f", format: .html,
                modCount: index, updatedOn: "", updatedBy: "", system: "S", control: "AC-\(index)", title: "")
        }
        // Read from its file (in path order), changed in place, then given a new path at the end.
        var manifest = try Manifest(jsonl: Manifest(entries.shuffled()).jsonl(), origin: "test")
        var changed = entries[7]
        changed.modCount = 1_000
        manifest.insert(changed)
        #expect(manifest.jsonl() == (try viaEncoder(entries.map { $0.sysID == changed.sysID ? changed : $0 })))
        var added = entries[3]
        added.path = "statements/A/AC-3.html"
        manifest.insert(added)
        let expected = try viaEncoder(entries.map { $0.sysID == changed.sysID ? changed : $0 } + [added])
        #expect(manifest.jsonl() == expected)
    }

    @Test func anEmptyManifestIsAnEmptyFile() {
        #expect(Manifest().jsonl().isEmpty)
    }
}
