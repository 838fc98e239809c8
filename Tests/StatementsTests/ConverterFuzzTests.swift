import GRCSyncTestSupport
import Testing

@testable import Statements

/// Arbitrary HTML in (a small grammar of statement-like markup, plus byte soup): no crash, layout is
/// idempotent and equivalent, and the lossless rule holds whenever render chooses Markdown.
@Suite struct ConverterFuzzTests {
    struct Grammar {
        var random: SeededGenerator
        let words = ["control", "AC-2", "R&amp;D", "a_b", "*", "_", "`", "[x]", "(y)", "#", "1.", "-", "&nbsp;",
                     "&lt;tag&gt;", "Zürich", "🛡️", "  ", "\n", "www.x.org", "http://a.b", "|", "~", "\\", ">", "+",
                     "&#39;", "x@y.z", "!", "==", "---", "&amp;amp;", "\u{A0}", "é", "<br>", "'", "\""]
        let inline = ["strong", "em", "del", "code", "u", "span", "b", "i", "a", "sup"]
        let block = ["p", "h2", "ul", "ol", "blockquote", "pre", "table", "div", "hr"]

        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

        mutating func text() -> String {
            (0..<Int.random(in: 1...4, using: &random)).map { _ in pick(words) }.joined(separator: chance(70) ? " " : "")
        }

        mutating func inlineContent(depth: Int) -> String {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                guard depth < 3, chance(40) else { return text() }
                let name = pick(inline)
                let attributes: String
                switch name {
                case "a": attributes = chance(80) ? " href=\"https://example.com/\(pick(["a", "b?c=1&amp;d", "x y"]))\"" + (chance(30) ? " title=\"t\"" : "") : ""
                case "span": attributes = chance(50) ? " style=\"color:red\"" : ""
                default: attributes = chance(5) ? " class=\"c\"" : ""
                }
                return "<\(name)\(attributes)>" + inlineContent(depth: depth + 1) + "</\(name)>"
            }.joined(separator: chance(60) ? " " : "")
        }

        mutating func listItems(depth: Int) -> String {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                let loose = chance(20)
                var item = loose ? "<p>" + inlineContent(depth: 1) + "</p>" : inlineContent(depth: 1)
                if depth < 3, chance(25) { item += blockElement(depth: depth + 1, only: ["ul", "ol"]) }
                return "<li>" + item + "</li>"
            }.joined()
        }

        mutating func blockElement(depth: Int, only: [String]? = nil) -> String {
            let name = pick(only ?? block)
            switch name {
            case "ul": return "<ul>" + listItems(depth: depth) + "</ul>"
            case "ol": return (chance(30) ? "<ol start=\"\(Int.random(in: 0...12, using: &random))\">" : "<ol>") + listItems(depth: depth) + "</ol>"
            case "blockquote": return "<blockquote>" + (depth < 3 ? document(depth: depth + 1) : "<p>q</p>") + "</blockquote>"
            case "pre": return "<pre><code>" + text() + "\n" + text() + "</code></pre>"
            case "hr": return "<hr>"
            case "table":
                let columns = Int.random(in: 1...3, using: &random)
                let head = chance(70) ? "<thead><tr>" + String(repeating: "<th>\(text())</th>", count: columns) + "</tr></thead>" : ""
                let rows = (0..<Int.random(in: 0...2, using: &random)).map { _ in
                    "<tr>" + (0..<columns).map { _ in "<td>" + inlineContent(depth: 2) + "</td>" }.joined() + "</tr>"
                }.joined()
                return "<table>" + head + (rows.isEmpty ? "" : "<tbody>" + rows + "</tbody>") + "</table>"
            default: return "<\(name)>" + inlineContent(depth: 0) + "</\(name)>"
            }
        }

        mutating func document(depth: Int = 0) -> String {
            (0..<Int.random(in: 1...4, using: &random)).map { _ in blockElement(depth: depth) }
                .joined(separator: chance(30) ? "\n" : "")
        }

        /// Random bytes biased towards markup characters, decoded leniently.
        mutating func soup() -> String {
            let alphabet = Array("<>/=\"'&;#! abcpulistrongem\n\t-*_`[]()|~\\".utf8) + [0xC3, 0xA9, 0xF0, 0x9F, 0x00, 0xFF]
            let bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in pick(alphabet) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func checkProperties(_ html: String) {
        let shown = html.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
        let laidOut = HTMLLayout.layOut(html)
        let idempotent = HTMLLayout.layOut(laidOut) == laidOut
        let equivalent = HTMLEquivalence.areEquivalent(html, laidOut)
        #expect(idempotent, "layout not idempotent for \(shown)")
        #expect(equivalent, "layout changed \(shown)")
        let rendered = StatementRenderer.render(html: html, as: .markdown)
        if rendered.fileExtension == "md" {
            let lossless = HTMLEquivalence.areEquivalent(MarkdownToHTML.convert(rendered.contents), html)
            #expect(lossless,
                    "silent loss: \(shown) → \(rendered.contents.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())")
        } else {
            #expect(rendered.keptAsHTMLReason != nil)
        }
    }

    @Test(arguments: 0..<16)
    func grammarDocuments(seed: UInt64) {
        var grammar = Grammar(random: SeededGenerator(seed: seed))
        var markdownCount = 0
        for _ in 0..<150 {
            let html = grammar.document()
            Self.checkProperties(html)
            if StatementRenderer.render(html: html, as: .markdown).fileExtension == "md" { markdownCount += 1 }
        }
        print("fuzz seed \(seed): \(markdownCount)/150 generated statements became Markdown")
    }

    @Test(arguments: 100..<112)
    func byteSoup(seed: UInt64) {
        var grammar = Grammar(random: SeededGenerator(seed: seed))
        for _ in 0..<500 { Self.checkProperties(grammar.soup()) }
    }

    @Test func arbitraryMarkdownNeverCrashesAndReconverts() {
        var grammar = Grammar(random: SeededGenerator(seed: 7))
        let pieces = ["- ", "1. ", "> ", "# ", "**", "*", "_", "`", "```\n", "[a](b)", "<u>x</u>", "|a|\n|-|\n", "\\\n",
                      "text", "\n\n", "  ", "~~", "<!-- c -->", "&amp;", "www.x.org", "\t"]
        for _ in 0..<300 {
            let markdown = (0..<Int.random(in: 0...12, using: &grammar.random)).map { _ in grammar.pick(pieces) }.joined()
            let html = (try? StatementRenderer.html(fromFileContents: markdown, fileExtension: "md")) ?? ""
            Self.checkProperties(html)
        }
    }
}
