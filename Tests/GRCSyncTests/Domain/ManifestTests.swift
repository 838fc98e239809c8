import Foundation
import GRCSync
import Statements
import Testing

struct ManifestTests {
    private func entry(_ path: String, _ sysID: String) -> ManifestEntry {
        ManifestEntry(
            path: path, table: "sn_compliance_control", sysID: sysID, field: "implementation_statement", format: .html,
            modCount: 3, updatedOn: "2026-01-02 03:04:05", updatedBy: "alice", system: "Sys", control: "AC-1", title: "Policy")
    }

    @Test func linesAreSortedByPathWithFixedKeysAndRoundTrip() throws {
        let manifest = Manifest([entry("statements/b.html", "2"), entry("statements/a.html", "1")])
        let text = String(decoding: manifest.jsonl(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("{\"control\":\"AC-1\",\"field\":\"implementation_statement\",\"format\":\"html\",\"path\":\"statements/a.html\""))
        #expect(text.hasSuffix("\n"))
        #expect(try Manifest(jsonl: manifest.jsonl(), origin: "test") == manifest)
        #expect(manifest.entry(sysID: "2")?.path == "statements/b.html")
    }

    @Test func aBrokenLineIsNamed() {
        #expect(throws: ManifestError.self) { try Manifest(jsonl: Data("{\"path\":1}\n".utf8), origin: "commit abc") }
        do {
            _ = try Manifest(jsonl: Data("\n{oops\n".utf8), origin: "commit abc")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.contains("git checkout servicenow/main -- .grcsync/manifest.jsonl"))
        }
    }

    @Test func trailersAreReadFromTheLastParagraphOnly() {
        let message = "Pull x: 2 added\n\nadded: a\nadded: b\n\nGrcsync-Operation: pull\nGrcsync-Job: 42\n"
        let trailers = Trailers(message: message)
        #expect(trailers["Grcsync-Operation"] == "pull")
        #expect(trailers["Grcsync-Job"] == "42")
        #expect(Trailers(message: "Just a summary\n\nwith a body: that is prose\nand more").pairs.isEmpty)
    }
}
