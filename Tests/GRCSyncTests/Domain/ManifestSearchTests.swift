import Foundation
@testable import GRCSync
import Statements
import Testing

/// `ManifestSearch` answers with what reading the whole file gives, or says it cannot.
struct ManifestSearchTests {
    private func entry(_ path: String, sysID: String, title: String = "Policy") -> ManifestEntry {
        ManifestEntry(
            path: path, table: "sn_compliance_control", sysID: sysID, field: "implementation_statement",
            format: .html, modCount: 3, updatedOn: "2026-01-02 03:04:05", updatedBy: "alice", system: "Sys",
            control: "AC-1", title: title)
    }

    private func line(_ entry: ManifestEntry) -> String {
        String(decoding: Manifest([entry]).jsonl(), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Every answer `search` gives for `paths` agrees with the full read of `data`.
    private func expectAgreement(_ data: Data, _ paths: [String]) throws {
        let read = try Manifest(jsonl: data, origin: "test")
        let search = ManifestSearch(data)
        for path in paths {
            switch search.entry(path: path) {
            case .found(let entry): #expect(read.entry(path: path) == entry, "\(path)")
            case .absent: #expect(read.entry(path: path) == nil, "\(path)")
            case .unknown: break
            }
        }
    }

    @Test func everyPathOfAWrittenManifestIsFoundAndOthersAreAbsent() throws {
        // Titles that spell the key itself must not be taken for it.
        let manifest = Manifest((0..<2_000).map { index in
            entry("statements/sys-\(index % 7)/AC-\(index).html", sysID: "id\(index)",
                  title: index % 5 == 0 ? #"A "path":"x" in a title"# : "Policy \(index)")
        })
        let data = manifest.jsonl()
        let read = try Manifest(jsonl: data, origin: "test")
        let search = ManifestSearch(data)
        for entry in read.unorderedEntries {
            #expect(search.entry(path: entry.path) == .found(entry))
        }
        for path in ["a", "zzz", "statements/sys-3/AC-10.htmm", "statements/sys-3/AC-1000.html.x"] {
            #expect(search.entry(path: path) == .absent)
        }
        // Asked beyond ASCII: String comparison could find a spelling the bytes do not.
        #expect(search.entry(path: "statements/sys-1/AC-\u{212A}.html") == .unknown)
        #expect(ManifestSearch(Data()).entry(path: "a") == .absent)
        try expectAgreement(data, read.unorderedEntries.map(\.path) + ["a", "zzz"])
    }

    @Test func aFileNotWrittenThatWayIsLeftToTheFullRead() throws {
        let entries = ["a", "b", "c", "d"].map { entry("statements/\($0)/AC-1.html", sysID: $0) }
        let lines = entries.map(line)
        let paths = entries.map(\.path) + ["statements/K/AC-1.html"]
        func data(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }
        let variants: [(String, [String])] = [
            ("a path listed twice", [lines[0], lines[1], line(entry(entries[1].path, sysID: "b2")), lines[2]]),
            ("out of order", [lines[2], lines[0], lines[1], lines[3]]),
            ("an escaped path", [lines[0], lines[1].replacingOccurrences(of: "statements/b/", with: #"statements\/b\/"#), lines[2]]),
            ("a path beyond ASCII", [lines[0], line(entry("statements/\u{212A}/AC-1.html", sysID: "k")), lines[3]]),
            ("a blank line", [lines[0], "", lines[1]]),
        ]
        for (name, variant) in variants {
            let search = ManifestSearch(data(variant))
            for path in paths { #expect(search.entry(path: path) == .unknown, "\(name): \(path)") }
            try expectAgreement(data(variant), paths)
        }
        // Spaces between the keys: the line parser reads it as the full read does.
        let spaced = [lines[0], lines[1].replacingOccurrences(of: "\",\"", with: "\", \""), lines[2]]
        #expect(ManifestSearch(data(spaced)).entry(path: entries[1].path) == .found(entries[1]))
        // No final newline.
        #expect(ManifestSearch(Data(lines.joined(separator: "\n").utf8)).entry(path: entries[3].path) == .found(entries[3]))
    }
}
