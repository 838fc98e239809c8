import Foundation
@testable import GRCSync
import Statements
import GRCSyncTestSupport
import Testing

/// The hand-written manifest line parser must read exactly what `JSONDecoder` reads, and leave every
/// other line to it.
struct ManifestParsingTests {
    private func entry(
        _ path: String, sysID: String = "0123456789abcdef", title: String = "Policy", modCount: Int = 3,
        format: StatementFormat = .html
    ) -> ManifestEntry {
        ManifestEntry(
            path: path, table: "sn_compliance_control", sysID: sysID, field: "implementation_statement",
            format: format, modCount: modCount, updatedOn: "2026-01-02 03:04:05", updatedBy: "alice", system: "Sys",
            control: "AC-1", title: title)
    }

    /// Titles are shared between lines by their bytes: a title spelt with a precomposed é and one with an
    /// e and a combining accent are equal `String`s, but each line keeps its own.
    @Test func sharedTitlesKeepEachLinesSpelling() throws {
        let composed = "Caf\u{E9} policy", decomposed = "Cafe\u{301} policy"
        let written = Manifest([
            entry("statements/a.html", sysID: "1", title: composed), entry("statements/b.html", sysID: "2", title: decomposed),
            entry("statements/c.html", sysID: "3", title: composed),
        ])
        let read = try Manifest(jsonl: written.jsonl(), origin: "test")
        for (sysID, title) in [("1", composed), ("2", decomposed), ("3", composed)] {
            #expect(try #require(read.entry(sysID: sysID)).title.utf8.elementsEqual(title.utf8), "sys_id \(sysID)")
        }
    }

    /// What `Manifest(jsonl:)` must give: every line through `JSONDecoder`, or the number of the first
    /// line it rejects.
    private func reference(_ data: Data) -> Outcome {
        var manifest = Manifest()
        for (offset, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            guard let entry = try? JSONDecoder().decode(ManifestEntry.self, from: Data(line)) else {
                return .failed(line: offset + 1)
            }
            manifest.insert(entry)
        }
        return .loaded(manifest)
    }

    private func parsed(_ data: Data) -> Outcome {
        do {
            return .loaded(try Manifest(jsonl: data, origin: "test"))
        } catch {
            return .failed(line: error.line)
        }
    }

    /// The fast path's own answer for a line (nil: left to `JSONDecoder`).
    private func fastPath(_ line: String) -> ManifestEntry? {
        Array(line.utf8).withUnsafeBufferPointer { ManifestLineParser.parse($0) }
    }

    @Test func awkwardValuesRoundTripThroughTheFastPath() throws {
        let titles = [
            "say \"no\"", #"back\slash \\ and \""#, "tab\there\nnewline\r\u{0}nul\u{1F}unit\u{7F}del",
            "Zugriffskontrolle für Systeme – ÄÖÜ ß", "日本語のタイトル", "emoji 😀👩🏽‍💻 flags 🇩🇪",
            "slash / and </script>",
            "\u{2028}line separator\u{2029}", "",
        ]
        var entries: [ManifestEntry] = []
        for (index, title) in titles.enumerated() {
            entries.append(entry("statements/sys \(index)/AC-\(index) (1) é.html", sysID: "id\(index)", title: title))
        }
        entries.append(entry("statements/neg.md", sysID: "neg", modCount: -7, format: .markdown))
        entries.append(entry("statements/big.md", sysID: "big", modCount: Int.max))
        let manifest = Manifest(entries)
        let data = manifest.jsonl()
        #expect(try Manifest(jsonl: data, origin: "test") == manifest)
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fast = try #require(fastPath(String(line)), "not read by the fast path: \(line)")
            #expect(manifest.entry(path: fast.path) == fast)
        }
    }

    /// Consecutive lines share one `String` for repeated systems, authors, tables: never when the next
    /// line's raw bytes merely look like the previous value (a backslash, decoded, is not a backslash raw).
    @Test func repeatedValuesAreSharedOnlyWhenTheyAreEqual() throws {
        let systems = [#"a\n"#, "a\n", "a\n", "plain", "plain", "plain2", #"q"uote"#, #"q"uote"#, "", "x"]
        var entries: [ManifestEntry] = []
        for (index, system) in systems.enumerated() {
            var next = entry("statements/s/\(index).html", sysID: "id\(index)")
            next.system = system
            next.updatedBy = index % 3 == 0 ? "alice" : "alice2"
            entries.append(next)
        }
        let data = Manifest(entries).jsonl()
        #expect(parsed(data) == reference(data))
        #expect(try Manifest(jsonl: data, origin: "test").entry(path: "statements/s/1.html")?.system == "a\n")
        #expect(try Manifest(jsonl: data, origin: "test").entry(path: "statements/s/0.html")?.system == #"a\n"#)
    }

    @Test func escapesAreReadAsJSONDecoderReadsThem() throws {
        let line = #"{"control":"AC-1","field":"f","format":"html","path":"a\/b\u00e9\ud83d\ude00.html","#
            + #""sys_id":"x\"y\\z\b\f\n\r\t","sys_mod_count":0,"sys_updated_by":"\u0041","#
            + #""sys_updated_on":"","system":"S","table":"t","title":"\u00E9\u20AC"}"#
        let fast = try #require(fastPath(line))
        let decoded = try JSONDecoder().decode(ManifestEntry.self, from: Data(line.utf8))
        #expect(fast == decoded)
        #expect(fast.path == "a/bé😀.html")
        #expect(fast.title == "é€")
    }

    @Test func generatedManifestsReadAsJSONDecoderReadsThem() throws {
        var random = SeededGenerator(seed: 20_261_123)
        let alphabet: [Character] = Array(
            "aZ09 -_/.()\"\\\t\n\r\u{0}\u{8}\u{C}\u{1B}\u{7F}éß€中😀👍🏽\u{2028}\u{FEFF}'<>&")
        func text(_ maxLength: Int) -> String {
            String((0..<Int(random.next() % UInt64(maxLength + 1))).map { _ in
                alphabet[Int(random.next() % UInt64(alphabet.count))]
            })
        }
        for _ in 0..<30 {
            var entries: [ManifestEntry] = []
            for index in 0..<Int(random.next() % 60) {
                entries.append(
                    ManifestEntry(
                        path: "statements/\(text(12))/\(index).html", table: text(8), sysID: text(32), field: text(8),
                        format: random.next() % 2 == 0 ? .html : .markdown,
                        modCount: Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64),
                        updatedOn: text(19), updatedBy: text(10), system: text(20), control: text(10), title: text(40)))
            }
            let data = Manifest(entries).jsonl()
            let expected = try #require(reference(data).manifest)
            #expect(parsed(data).manifest == expected)
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                #expect(fastPath(String(line)) != nil, "not read by the fast path: \(line)")
            }
        }
    }

    @Test func linesOutsideTheWrittenShapeStillLoad() throws {
        let lines = [
            // Reordered keys, spaces, an unknown key: JSONDecoder reads all of them.
            #"{ "title" : "T", "table":"t","system":"S","sys_updated_on":"u","sys_updated_by":"b","#
                + #""sys_mod_count": 4 ,"sys_id":"r","path":"p1.html","format":"html","field":"f","control":"C" }"#,
            #"{"control":"C","extra":[1,{"a":null}],"field":"f","format":"markdown","path":"p2.md","sys_id":"s","#
                + #""sys_mod_count":5,"sys_updated_by":"b","sys_updated_on":"u","system":"S","table":"t","title":"T"}"#,
        ]
        let data = Data((lines.joined(separator: "\r\n") + "\n").utf8)
        let manifest = try Manifest(jsonl: data, origin: "test")
        #expect(manifest.count == 2)
        #expect(manifest.entry(path: "p1.html")?.modCount == 4)
        #expect(manifest.entry(sysID: "s")?.format == .markdown)
        #expect(try #require(reference(data).manifest) == manifest)
        #expect(fastPath(lines[1]) == nil)
    }

    @Test func invalidLinesAreNamedByNumber() {
        let good = String(decoding: Manifest([entry("a.html")]).jsonl(), as: UTF8.self)
        let badLines = [
            "{oops", good.replacingOccurrences(of: "\"html\"", with: "\"pdf\""),
            good.replacingOccurrences(of: "\"sys_mod_count\":3", with: "\"sys_mod_count\":\"3\""),
            good.replacingOccurrences(of: "\"title\":\"Policy\"", with: "\"title\":\"\\ud800\""),
            good.replacingOccurrences(of: "Policy", with: "Pol\u{1}icy"),
            good.replacingOccurrences(of: ",\"path\":\"a.html\"", with: ""), "[]", "\"text\"",
            good.trimmingCharacters(in: .newlines) + "x",
        ]
        for bad in badLines {
            let data = Data((good + "\n" + bad + "\n" + good).utf8)
            #expect(parsed(data) == reference(data), "\(bad)")
            #expect(parsed(data) == .failed(line: 3), "\(bad)")
        }
    }

    /// A manifest above `ManifestFileReader.parallelThreshold` is read in pieces on several threads: the
    /// result must be the line-by-line one, whatever the pieces cut through — duplicate paths and
    /// `sys_id`s across pieces, blank lines, lines only `JSONDecoder` reads — and an invalid line is named
    /// by its number in the whole file.
    @Test func largeManifestsReadInPiecesAsLineByLine() throws {
        var random = SeededGenerator(seed: 4_242)
        var lines: [String] = []
        for index in 0..<6_000 {
            let path = "statements/sys-\(index / 370)/AC-\(random.next() % 9_000).html"
            var line = String(decoding: Manifest([entry(path, sysID: "id\(random.next() % 7_000)", modCount: index)]).jsonl(), as: UTF8.self)
            line.removeLast()
            switch random.next() % 50 {
            case 0: line = " " + line.replacingOccurrences(of: ",", with: " , ")  // JSONDecoder only
            case 1: lines.append("")
            default: break
            }
            lines.append(line)
        }
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        #expect(data.count > ManifestFileReader.parallelThreshold)
        let expected = try #require(reference(data).manifest)
        let manifest = try #require(parsed(data).manifest)
        #expect(manifest == expected)
        #expect(manifest.indexBySysID() == expected.indexBySysID())
        #expect(expected.count > 4_000)

        for position in [17, lines.count / 2 + 3, lines.count - 1] {
            var broken = lines
            broken[position] = "{\"path\": oops"
            let brokenData = Data(broken.joined(separator: "\n").utf8)
            #expect(parsed(brokenData) == .failed(line: position + 1))
            #expect(reference(brokenData) == .failed(line: position + 1))
        }
    }

    @Test func piecesCoverTheFileAndEndAfterNewlines() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int(random.next() % 300)).map { _ in random.next() % 4 == 0 ? UInt8(ascii: "\n") : UInt8(ascii: "x") }
            let wanted = Int(random.next() % 10)
            let pieces = bytes.withUnsafeBufferPointer { ManifestFileReader.pieces(of: $0, count: wanted) }
            #expect(pieces.first?.lowerBound == 0)
            #expect(pieces.last?.upperBound == bytes.count)
            #expect(pieces.count <= max(1, wanted))
            for (piece, next) in zip(pieces, pieces.dropFirst()) {
                #expect(piece.upperBound == next.lowerBound)
                #expect(!piece.isEmpty && bytes[piece.upperBound - 1] == UInt8(ascii: "\n"))
            }
        }
    }

    @Test func sysIDLookupFollowsInsertAndRemove() {
        var manifest = Manifest([entry("a.html", sysID: "1"), entry("b.html", sysID: "2")])
        #expect(manifest.entry(sysID: "1")?.path == "a.html")
        manifest.insert(entry("a.html", sysID: "3"))
        #expect(manifest.entry(sysID: "1") == nil)
        #expect(manifest.entry(sysID: "3")?.path == "a.html")
        manifest.remove(path: "b.html")
        #expect(manifest.entry(sysID: "2") == nil)
        // A sys_id under two paths (only a hand-edited manifest has that) keeps resolving while one remains.
        manifest.insert(entry("c.html", sysID: "3"))
        manifest.remove(path: "a.html")
        #expect(manifest.entry(sysID: "3")?.path == "c.html")
        #expect(manifest.indexBySysID().mapValues(\.path) == ["3": "c.html"])
        #expect(manifest == Manifest([entry("c.html", sysID: "3")]))
    }

    @Test func parallelRenderingGivesTheSequentialResultInOrder() {
        let sources = (0..<300).map { index in
            "<p>Statement \(index) with <strong>bold</strong> text.</p><ul><li>one</li><li>two \(index % 7)</li></ul>"
                + (index % 5 == 0 ? "<table><tr><td>cell</td></tr></table>" : "") + (index % 11 == 0 ? "<p>open" : "")
        }
        let cpu = CPUTime()
        for format in StatementFormat.allCases {
            let sequential = sources.map { StatementRenderer.render(html: $0, as: format) }
            #expect(parallelMap(sources, countingCPUIn: cpu) { StatementRenderer.render(html: $0, as: format) } == sequential)
            // Fewer items than runs of work, and a single one.
            for count in [1, 2, 3] {
                #expect(parallelMap(Array(sources.prefix(count)), countingCPUIn: cpu) { StatementRenderer.render(html: $0, as: format) }
                        == Array(sequential.prefix(count)))
            }
        }
        #expect(cpu.seconds > 0)
        #expect(parallelMap([String](), countingCPUIn: cpu) { StatementRenderer.render(html: $0, as: .html) }.isEmpty)
    }

    /// Ad-hoc timing, printed only with `GRCSYNC_PERF=1` (speed is measured, never asserted).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GRCSYNC_PERF"] == "1"))
    func timing() throws {
        let count = 100_000
        let manifest = Manifest((0..<count).map { index in
            entry("statements/system-\(index / 370)/AC-\(index % 370) (1).html", sysID: "sys\(index)",
                  title: "Access Control Policy and Procedures \(index)", modCount: index % 13)
        })
        let data = manifest.jsonl()
        let clock = ContinuousClock()
        var viaDecoder = Manifest()
        let decoderTime = clock.measure {
            let decoder = JSONDecoder()
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let entry = try? decoder.decode(ManifestEntry.self, from: Data(line)) { viaDecoder.insert(entry) }
            }
        }
        var viaParser = Manifest()
        let parserTime = try clock.measure { viaParser = try Manifest(jsonl: data, origin: "timing") }
        #expect(viaParser == viaDecoder)
        let lookupTime = clock.measure {
            for index in stride(from: 0, to: count, by: 10) { _ = viaParser.entry(sysID: "sys\(index)") }
        }
        print("GRCSYNC_PERF manifest of \(count) entries (\(data.count) bytes): JSONDecoder \(decoderTime), "
              + "Manifest(jsonl:) \(parserTime); \(count / 10) entry(sysID:) lookups \(lookupTime)")
        let sources = (0..<2_000).map { index in
            "<p>Statement \(index): the organization develops, documents and disseminates <strong>policy</strong>.</p>"
                + "<ul><li>Reviews it annually</li><li>Updates it after incidents \(index)</li></ul>"
                + "<p>Responsible role: ISSO. <em>Inherited</em> in part.</p>"
        }
        let sequential = clock.measure { _ = sources.map { StatementRenderer.render(html: $0, as: .html) } }
        let parallel = clock.measure { _ = parallelMap(sources, countingCPUIn: CPUTime()) { StatementRenderer.render(html: $0, as: .html) } }
        print("GRCSYNC_PERF render of \(sources.count) statements: sequential \(sequential), parallel \(parallel)")
    }
}

/// How reading a manifest ended.
private enum Outcome: Equatable {
    case loaded(Manifest)
    case failed(line: Int)

    var manifest: Manifest? {
        if case .loaded(let manifest) = self { return manifest }
        return nil
    }
}
