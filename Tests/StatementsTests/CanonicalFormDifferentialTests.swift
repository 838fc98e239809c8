import GRCSyncTestSupport
import Testing

@testable import Statements

/// The fast canonical form (`CanonicalTree`) and layout against the ones they replaced
/// (`ReferenceCanonicalForm`, `ReferenceArrangement`, `ReferenceLayout`), byte for byte, on the corpus,
/// on fuzzed markup and byte soup, and on the candidates `layOut` proves.
@Suite struct CanonicalFormDifferentialTests {
    /// Compares the UTF-8 bytes: `String`'s `==` would forgive differences in Unicode normalisation.
    static func expectSameAsReference(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = HTMLEquivalence.canonicalForm(html)
        let reference = ReferenceCanonicalForm.of(html)
        let shown = html.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
        #expect(fast.utf8.elementsEqual(reference.utf8),
                "canonical form differs for \(shown):\n  \(fast)\nshould be\n  \(reference)", sourceLocation: sourceLocation)
    }

    /// Each input, the candidates `layOut` and `compact` would check for it, and their results.
    static func expectSameAsReferenceWithLayouts(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectSameAsReference(html, sourceLocation: sourceLocation)
        let laidOut = HTMLLayout.layOut(html)
        expectSameAsReference(laidOut, sourceLocation: sourceLocation)
        expectSameAsReference(laidOut.hasSuffix("\n") ? String(laidOut.dropLast()) : laidOut + "\n",
                              sourceLocation: sourceLocation)
        let compact = HTMLLayout.compact(html)
        expectSameAsReference(compact, sourceLocation: sourceLocation)
        let shown = html.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
        for style in [HTMLLayout.Style.lines, .compact] {
            #expect(HTMLLayout.arrange(html, style: style).elementsEqual(ReferenceArrangement.arrange(html, style: style).utf8),
                    "arrangement (\(style)) differs for \(shown)", sourceLocation: sourceLocation)
        }
        #expect(laidOut.utf8.elementsEqual(ReferenceLayout.layOut(html).utf8), "layOut differs for \(shown)",
                sourceLocation: sourceLocation)
        #expect(compact.utf8.elementsEqual(ReferenceLayout.compact(html).utf8), "compact differs for \(shown)",
                sourceLocation: sourceLocation)
    }

    @Test func edgeCases() {
        let inputs = [
            "", " ", "\n\n", "plain", "<p>a  b</p>", "<P CLASS=x Id=y>A</P>", "<p b=\"2\" a=\"1\" c>x</p>",
            "<p title='a &quot;b&quot; &amp; c&nbsp;d'>x</p>", "<p>a&nbsp;&nbsp; b\u{A0}c</p>",
            "<p><em> a </em> <strong> b</strong><b>c </b>d<i> </i></p>", "<p><em><em> a</em></em></p>",
            "<p>x<em> <strong> y </strong> </em>z</p>", "<pre>\n\nx\n\n</pre>", "<pre><code>\nx\n</code></pre>",
            "<pre><br>\nx</pre>", "<textarea>\n a </textarea>", "<script>a  <b> </script><style> x </style>",
            "<p>a <!-- c --> b</p>", "<!-- only -->", "<?php echo 1; ?><p>x</p>", "<?XML-Stylesheet href=a?>",
            "<![CDATA[ x ]]>", "<p>a<br> b <br>c</p>", "<p>a <img src=x> b</p>", "<p>a <select> <option>x</select> b</p>",
            "<p>a <button> x </button> b</p>", "<ul><li>a<li>b</ul>", "<table><tr><td> x </td></tr></table>",
            "<div> a <p> b </p> c </div>", "<span> a <div> b </div> c </span>", "<a href=x> link </a> tail",
            "<p>caf\u{E9} cafe\u{301}</p>", "<p title=\"cafe\u{301}\">x</p>", "<p>&#xD800; &#0; &#x110000; &#128;</p>",
            "<p>a\u{0}b</p>", "\u{0}\u{301}", "<p>\u{FEFF}x</p>", "<p>&unknown; &amp &lt</p>", "<p>\r\n\t\u{0C}x</p>",
            "<html><body><p>x</p></body></html>", "</p>stray<p>", "<p>unclosed <b>bold", "<p>x</p></body> <p>y</p>",
            "<p data-\u{E9}=1 data-e=2>x</p>", "<listing>\nx\n</listing>", "<xmp><b> x </b></xmp>", "<plaintext> a <b>",
            "<p>\u{1F6E1}\u{FE0F} <em>\u{E9}</em></p>", "<hr> <hr/> <br/> x", "<p><span></span> <span> </span> x</p>",
            // Tag names in any case: the layout matches end tags, implied ends and raw text by name.
            "<UL><li>a<LI>b</Ul><p>c</p>", "<SCRIPT> a <b> </script> y <Style> a </STYLE> z", "<TextArea> a </TEXTAREA>",
            "<DIV><P>a</p><TABLE><TR><td>x</TD></tr><Tr><td>y</td></TR></table></div>", "<Pre>\n x </PRE> <p>a</p>",
            "<DL><DT>a<dd>b<DT>c</DL>", "<table><TBODY><TR><td>x<TFoot><tr><td>y</table>",
            "<blockquote><P>a</p><Blockquote><p>b</p></BLOCKQUOTE></blockquote>", "<ol><li><UL><li>a</ul></LI></OL>",
        ]
        for html in inputs {
            Self.expectSameAsReferenceWithLayouts(html)
            Self.expectSameTreeAsDocument(html)
        }
    }

    /// What the tree built from libxml2's events must do as libxml2's own tree builder does: prefixed
    /// names, valueless attributes, text delivered in pieces, start tags without their `>`, tags libxml2
    /// discards, content after `<body>` closes, and nesting past the depth where the builder stops.
    @Test func treeBuilderEdgeCases() {
        let long = String(repeating: "caf\u{E9} &amp; &#x1F6E1; x ", count: 120)
        var inputs = [
            "<o:p>x</o:p> <p><o:p></o:p>y</p>", "<xml:lang>x</xml:lang><a:>y</a:><a:b:c>z</a:b:c><a::b>w</a::b><a:1>v</a:1>",
            "<p xmlns=\"x\" xmlns:a=\"y\" a:b=\"c\" XML:lang=en>q</p>",
            "<option selected>a</option><td nowrap foo>b</td><input checked=checked disabled><hr noshade>",
            "<p>\(long)</p>", "<pre>\n\(long)\n</pre>", "<p>a\(long)<!-- c -->\(long)b</p>",
            "<script>a<b>c</script>d<style>x</style>", "<p>a<script>\(long)</script></p>",
            "<p>a<b \"x\">c</p>d", "<p>a<b c=d <i>e</i>f", "<p>a<b c=\"d\"", "<p>a<b", "<ul><li>a<li b=c",
            "<p>x<body class=q>y</p>", "<p>x<html lang=en>y<head>z</p>", "<p>a<!DOCTYPE html>b</p>",
            "</body></html>z<p>w", "<p>x</p></body> y <body><p>z</p>", "<frameset><frame></frameset>x",
            "<p>a<?pi data?>b<?pi?>c</p>", "<p>a</b>b</p></i>", "<table><td>x<p>y</table>z", "<p>\u{80}\u{FFFD}</p>",
        ]
        for depth in [200, 250, 252, 253, 254, 255, 256, 257, 300] {
            inputs.append(String(repeating: "<b>", count: depth) + "x" + String(repeating: "</b>", count: 3) + "y")
            inputs.append(String(repeating: "<div>", count: depth) + "<p>x</p>tail")
        }
        for html in inputs {
            Self.expectSameAsReferenceWithLayouts(html)
            Self.expectSameTreeAsDocument(html)
        }
    }

    /// libxml2's tree builder stops a text at 10 MB, and the parser context `htmlReadMemory` uses caps
    /// its dictionary of names (10 MB, reached here after ~23 MB of distinct attribute names): the tree
    /// built from events stops where the document does.
    @Test func veryLargeInputsStopWhereTheDocumentStops() {
        let run = String(repeating: "a", count: 10_000_001)
        Self.expectSameTreeAsDocument("<p>" + run + "</p><p>after</p>")
        Self.expectSameTreeAsDocument("<script>" + run + "</script><p>after</p>")
        let filler = String(repeating: "n", count: 84)
        let names = (0..<270_000).map { "<i a\($0)\(filler)=v>x</i>" }.joined()
        Self.expectSameTreeAsDocument(names + "<p>after</p>")
    }

    /// Before normalising (which would hide how text pieces were joined), the tree built from
    /// libxml2's events holds exactly the nodes `HTMLFragmentParser.parse` copies out of libxml2's
    /// document.
    static func expectSameTreeAsDocument(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tree = CanonicalTree.parse(html)
        let document = HTMLFragmentParser.parse(html).nodes
        // Compared first, so that a failure does not print two whole trees of a 10 MB input.
        let same = tree.htmlNodes(under: CanonicalTree.root) == document
        let shown = html.unicodeScalars.prefix(300).map { $0.escaped(asASCII: true) }.joined()
        #expect(same, "tree differs from the document for \(shown)\(html.unicodeScalars.count > 300 ? "…" : "")",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: 0..<4)
    func treeHoldsWhatTheDocumentHolds(seed: UInt64) {
        var grammar = ConverterFuzzTests.Grammar(random: SeededGenerator(seed: 4_000 + seed))
        for _ in 0..<150 {
            Self.expectSameTreeAsDocument(grammar.document())
            Self.expectSameTreeAsDocument(grammar.soup())
        }
    }

    @Test(arguments: 0..<8)
    func grammarDocuments(seed: UInt64) {
        var grammar = ConverterFuzzTests.Grammar(random: SeededGenerator(seed: 1_000 + seed))
        for _ in 0..<150 { Self.expectSameAsReferenceWithLayouts(grammar.document()) }
    }

    @Test(arguments: 0..<8)
    func byteSoup(seed: UInt64) {
        var grammar = ConverterFuzzTests.Grammar(random: SeededGenerator(seed: 2_000 + seed))
        for _ in 0..<400 { Self.expectSameAsReferenceWithLayouts(grammar.soup()) }
    }

    @Test(.enabled(if: ServiceNowStyleHTML.sharedFolder != nil, "needs ../shared/fixtures (absent)"))
    func corpus() throws {
        let statements = try #require(
            try ServiceNowStyleHTML.load("statements-18f.jsonl", as: ServiceNowStyleHTML.Statement.self),
            "statements-18f.jsonl is missing from ../shared/fixtures/grc-seed")
        for statement in statements {
            Self.expectSameAsReferenceWithLayouts(ServiceNowStyleHTML.html(statement))
            Self.expectSameTreeAsDocument(ServiceNowStyleHTML.html(statement))
        }
        let controls = try ServiceNowStyleHTML.load("control-text.jsonl", as: ServiceNowStyleHTML.ControlText.self) ?? []
        for control in controls { Self.expectSameAsReference(ServiceNowStyleHTML.html(control)) }
    }
}

extension CanonicalFormDifferentialTests {
    /// `UTF8Validation` decides whether libxml2's bytes are copied as they are or repaired through
    /// `String`: it must accept exactly what `String(decoding:as:)` keeps unchanged.
    @Test func utf8ValidationAgreesWithString() {
        func agrees(_ bytes: [UInt8]) -> Bool {
            let kept = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            return bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == kept
        }
        var failures: [[UInt8]] = []
        for first in 0...255 {
            for second in 0...255 where !agrees([UInt8(first), UInt8(second)]) {
                failures.append([UInt8(first), UInt8(second)])
            }
        }
        var random = SeededGenerator(seed: 42)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<200_000 {
            let bytes = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                interesting[Int.random(in: 0..<interesting.count, using: &random)]
            }
            if !agrees(bytes) { failures.append(bytes) }
        }
        #expect(failures.isEmpty, "disagreements: \(failures.prefix(5))")
    }
}

extension CanonicalFormDifferentialTests {
    /// The word-packed lookup of short names answers as the `String` one, for every name the sets know
    /// and for names they do not.
    @Test func elementFlagsFromBytesMatchFlagsFromNames() {
        let known = HTMLElementKind.blockLevel.union(HTMLElementKind.container).union(HTMLElementKind.preformatted)
            .union(HTMLElementKind.rawText).union(HTMLElementKind.void).union(HTMLElementKind.spaceTransparent)
        let others = ["br", "li", "dd", "dt", "select", "button", "span", "u", "a", "x", "pp", "bb", "custom-tag",
                      "blockquot", "blockquotes", "o:p", "h7", "\u{E9}m", "tbodyx", "abcdefgh", "abcdefghi"]
        for name in known.union(others) {
            var bytes = Array(name.utf8)
            let fromBytes = bytes.withUnsafeMutableBufferPointer { ElementFlags(utf8: UnsafeBufferPointer($0)) }
            #expect(fromBytes == ElementFlags(name: name), "\(name)")
            #expect(fromBytes.contains(.block) == HTMLElementKind.isBlock(name), "\(name)")
            #expect(fromBytes.contains(.void) == HTMLElementKind.void.contains(name), "\(name)")
            #expect(fromBytes.contains(.container) == HTMLElementKind.container.contains(name), "\(name)")
        }
    }

    /// Equal trees must serialise to equal bytes (the shortcut `CanonicalReference` takes), and the
    /// shortcut must agree with the reference equivalence on pairs that are and are not equivalent.
    @Test(arguments: 0..<4)
    func treeComparisonIsASufficientTest(seed: UInt64) {
        var grammar = ConverterFuzzTests.Grammar(random: SeededGenerator(seed: 3_000 + seed))
        var previous = ""
        for index in 0..<300 {
            let html = index % 3 == 0 ? grammar.soup() : grammar.document()
            for other in [HTMLLayout.layOut(html), HTMLLayout.compact(html), previous, html + " ", " " + html] {
                var left = CanonicalTree.parse(html), right = CanonicalTree.parse(other)
                left.normalize()
                right.normalize()
                if left.hasSameContent(as: right) {
                    #expect(left.serialized() == right.serialized(), "\(html) vs \(other)")
                }
                let expected = html == other || ReferenceCanonicalForm.of(html) == ReferenceCanonicalForm.of(other)
                #expect(HTMLEquivalence.areEquivalent(html, other) == expected, "\(html) vs \(other)")
            }
            previous = html
        }
    }
}

extension CanonicalTree {
    /// The nodes under `parent` as `HTMLFragmentParser.parse` gives them.
    func htmlNodes(under parent: Int32) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var child = nodes[Int(parent)].firstChild
        while child != Self.none {
            let node = nodes[Int(child)]
            let text = string(node.start, node.end)
            switch node.kind {
            case .element:
                let attributes = self.attributes[Int(node.firstAttribute)..<Int(node.endAttribute)].map {
                    HTMLAttribute(name: string($0.nameStart, $0.nameEnd), value: string($0.valueStart, $0.valueEnd))
                }
                result.append(.element(HTMLElement(name: text, attributes: attributes, children: htmlNodes(under: child))))
            case .text: result.append(.text(text))
            case .comment: result.append(.comment(text))
            case .processingInstruction: result.append(.other(kind: "processing instruction", content: text))
            case .entityReference: result.append(.other(kind: "entity reference", content: text))
            }
            child = node.next
        }
        return result
    }

    private func string(_ start: Int32, _ end: Int32) -> String {
        String(decoding: bytes[Int(start)..<Int(end)], as: UTF8.self)
    }
}
