import Foundation
import GRCSync
import GRCSyncTestSupport
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

    /// Random inserts and removals, colliding on paths and on `sys_id`s, against a plain model: the
    /// manifest moves its last entry into each freed place, and its indexes must follow.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func lookupsFollowAnyMixOfInsertsAndRemovals(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var manifest = Manifest()
        var byPath: [String: ManifestEntry] = [:]
        var pathsBySysID: [String: [String]] = [:]  // in the order they were indexed; the first is the one found
        for step in 0..<3_000 {
            let path = "statements/f\(Int.random(in: 0..<60, using: &random)).html"
            if Bool.random(using: &random), byPath[path] != nil {
                let removed = manifest.remove(path: path)
                #expect(removed)
                pathsBySysID[byPath[path]!.sysID]!.removeAll { $0 == path }
                byPath[path] = nil
            } else {
                var new = entry(path, "s\(Int.random(in: 0..<40, using: &random))")
                new.modCount = step % 3
                let previous = byPath[path]
                let changed = manifest.insert(new)
                #expect(changed == (previous != new))
                if let previous, previous.sysID != new.sysID { pathsBySysID[previous.sysID]!.removeAll { $0 == path } }
                if previous?.sysID != new.sysID { pathsBySysID[new.sysID, default: []].append(path) }
                byPath[path] = new
            }
            #expect(manifest.count == byPath.count)
            for sysID in (0..<40).map({ "s\($0)" }) {
                #expect(manifest.entry(sysID: sysID)?.path == pathsBySysID[sysID]?.first, "step \(step), \(sysID)")
            }
        }
        #expect(manifest.sortedEntries == byPath.keys.sorted().map { byPath[$0]! })
        for (path, expected) in byPath { #expect(manifest.entry(path: path) == expected) }
        #expect(manifest == Manifest(Array(byPath.values).shuffled(using: &random)))
        #expect(try Manifest(jsonl: manifest.jsonl(), origin: "test") == manifest)
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
