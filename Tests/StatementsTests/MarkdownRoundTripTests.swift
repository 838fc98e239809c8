import Testing

@testable import Statements

/// Hard cases for the Markdown format: each statement either round-trips exactly or stays HTML with a
/// reason, never a silent loss.
@Suite struct MarkdownRoundTripTests {
    /// Asserts the lossless rule and stability for one statement, and returns what render chose.
    @discardableResult
    static func checkLossless(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> RenderedStatement {
        let rendered = StatementRenderer.render(html: html, as: .markdown)
        #expect(StatementRenderer.render(html: html, as: .markdown) == rendered, "render is deterministic",
                sourceLocation: sourceLocation)
        if rendered.fileExtension == "md" {
            #expect(rendered.keptAsHTMLReason == nil, sourceLocation: sourceLocation)
            let back = MarkdownToHTML.convert(rendered.contents)
            #expect(HTMLEquivalence.areEquivalent(back, html),
                    "\(html)\n→ \(rendered.contents)\n→ \(back)", sourceLocation: sourceLocation)
            // Push sends this; the server stores it; the next pull must give the same Markdown.
            let sent = (try? StatementRenderer.html(fromFileContents: rendered.contents, fileExtension: "md")) ?? ""
            #expect(StatementRenderer.render(html: sent, as: .markdown) == rendered,
                    "push then pull changes the Markdown of \(html)", sourceLocation: sourceLocation)
        } else {
            #expect(rendered.fileExtension == "html", sourceLocation: sourceLocation)
            #expect(rendered.keptAsHTMLReason?.isEmpty == false, sourceLocation: sourceLocation)
            #expect(rendered.contents == HTMLLayout.layOut(html), sourceLocation: sourceLocation)
        }
        return rendered
    }

    static func expectMarkdown(_ html: String, _ markdown: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let rendered = checkLossless(html, sourceLocation: sourceLocation)
        #expect(rendered.keptAsHTMLReason == nil, "kept as HTML: \(rendered.keptAsHTMLReason ?? "")",
                sourceLocation: sourceLocation)
        #expect(rendered.contents == markdown, sourceLocation: sourceLocation)
    }

    static func expectKeptAsHTML(_ html: String, reasonContains fragment: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let rendered = checkLossless(html, sourceLocation: sourceLocation)
        #expect(rendered.fileExtension == "html", "became \(rendered.contents)", sourceLocation: sourceLocation)
        #expect(rendered.keptAsHTMLReason?.contains(fragment) == true,
                "reason: \(rendered.keptAsHTMLReason ?? "nil")", sourceLocation: sourceLocation)
    }

    @Test func paragraphsAndInlineFormatting() {
        Self.expectMarkdown("<p>text</p><p><strong>bold</strong> more <em>it</em></p>",
                            "text\n\n**bold** more *it*\n")
        Self.expectMarkdown("<p><strong>Part a: </strong>text</p>", "**Part a:** text\n")
        Self.expectMarkdown("<p><em><strong>x</strong></em> and <strong><em>y</em></strong></p>",
                            "_**x**_ and __*y*__\n")
        Self.expectMarkdown("<p>a <del>gone</del> b</p>", "a ~~gone~~ b\n")
        Self.expectMarkdown("<h2>Title</h2><p>x</p>", "## Title\n\nx\n")
    }

    @Test func listsTightLooseNestedAndNumbered() {
        Self.expectMarkdown("<ul><li>one</li><li>two</li></ul>", "- one\n- two\n")
        Self.expectMarkdown("<ol start=\"3\"><li>c</li><li>d</li></ol>", "3. c\n4. d\n")
        Self.expectMarkdown("<ul><li><p>a</p></li><li><p>b</p></li></ul>", "- a\n\n- b\n")
        Self.expectMarkdown("<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>",
                            "- a\n  - b\n    1. c\n- d\n")
        Self.expectMarkdown("<ul><li>a</li></ul><ul><li>b</li></ul>", "- a\n\n* b\n")
        Self.expectKeptAsHTML("<ol start=\"1\"><li>a</li></ol>", reasonContains: "start")
        Self.expectKeptAsHTML("<ul><li><p>a</p></li><li>b</li></ul>", reasonContains: "<p>")
        Self.expectKeptAsHTML("<ul></ul>", reasonContains: "empty list")
    }

    @Test func linksImagesAndCode() {
        Self.expectMarkdown("<p>See <a href=\"https://example.com/a?b=1&amp;c=2\" title=\"T &quot;x&quot;\">the site</a>.</p>",
                            "See [the site](https://example.com/a?b=1\\&c=2 \"T \\\"x\\\"\").\n")
        Self.expectMarkdown("<p><a href=\"https://example.com\">https://example.com</a></p>", "<https://example.com>\n")
        Self.expectMarkdown("<p><img src=\"a.png\" alt=\"A\"></p>", "![A](a.png)\n")
        Self.expectMarkdown("<p>use <code>a`b</code></p>", "use ``a`b``\n")
        Self.expectMarkdown("<pre><code class=\"language-swift\">let x = 1\n\nprint(x)\n</code></pre>",
                            "```swift\nlet x = 1\n\nprint(x)\n```\n")
        Self.expectMarkdown("<blockquote><p>quoted</p><p>more</p></blockquote>", "> quoted\n>\n> more\n")
        Self.expectKeptAsHTML("<p><a href=\"x\" target=\"_blank\">x</a></p>", reasonContains: "<a target>")
        Self.expectKeptAsHTML("<p><a href=\"https://example.com/ä\">x</a></p>", reasonContains: "percent-encode")
        Self.expectKeptAsHTML("<p><img src=\"a.png\"></p>", reasonContains: "alt")
        Self.expectKeptAsHTML("<pre>plain</pre>", reasonContains: "<pre>")
    }

    @Test func tables() {
        Self.expectMarkdown(
            "<table><thead><tr><th>Control</th><th align=\"center\">Status</th></tr></thead>"
                + "<tbody><tr><td>AC-2</td><td align=\"center\">a | b</td></tr></tbody></table>",
            "| Control | Status |\n| --- | :-: |\n| AC-2 | a \\| b |\n")
        Self.expectKeptAsHTML("<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
                              reasonContains: "without a header row")
        Self.expectKeptAsHTML("<table><tr><th>a</th></tr><tr><td>b</td></tr></table>",
                              reasonContains: "without a header row")
        Self.expectKeptAsHTML("<table border=\"1\"><thead><tr><th>a</th></tr></thead></table>",
                              reasonContains: "<table border>")
        Self.expectKeptAsHTML(
            "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b<br>c</td></tr></tbody></table>",
            reasonContains: "line break")
    }

    @Test func lineBreaksEntitiesAndText() {
        Self.expectMarkdown("<p>line one<br>line two<br />- not a list</p>", "line one\\\nline two\\\n\\- not a list\n")
        Self.expectKeptAsHTML("<p>ends with a break<br></p>", reasonContains: "<br>")
        Self.expectMarkdown("<p>R&amp;D &lt;b&gt; 5 &gt; 3 &amp;amp; it&#39;s&nbsp;ok</p>",
                            "R&D \\<b> 5 > 3 \\&amp; it's&nbsp;ok\n")
        Self.expectMarkdown("<p>[x]<a href=\"y\">z</a></p>", "\\[x\\][z](y)\n")
        Self.expectMarkdown("<p>&nbsp;</p>", "&nbsp;\n")
        Self.expectMarkdown("<p>Zürich — 日本語 — emoji 🛡️👩‍💻</p>", "Zürich — 日本語 — emoji 🛡️👩‍💻\n")
        Self.expectMarkdown("<p>*stars* _under_ snake_case [x](y) `tick` ~tilde~ a|b # not heading</p>",
                            "\\*stars\\* \\_under\\_ snake_case [x\\](y) \\`tick\\` \\~tilde\\~ a\\|b # not heading\n")
        Self.expectMarkdown("<p>1. not a list</p><p># not a heading</p><p>[Assignment: value]</p>",
                            "1\\. not a list\n\n\\# not a heading\n\n\\[Assignment: value]\n")
        Self.expectMarkdown("<p>see https://cloud.gov and www.example.com</p>",
                            "see https\\://cloud.gov and www\\.example.com\n")
        Self.expectKeptAsHTML("<p>write to help@gsa.gov</p>", reasonContains: "e-mail")
    }

    @Test func unsupportedMarkupStaysHTML() {
        Self.expectKeptAsHTML("<p><u>underlined</u></p>", reasonContains: "uses <u>")
        Self.expectKeptAsHTML("<p><span style=\"color: red\">red</span></p>", reasonContains: "uses <span style>")
        Self.expectKeptAsHTML("<p class=\"x\">a</p>", reasonContains: "uses <p class>")
        Self.expectKeptAsHTML("<p>a</p><!-- note --><p>b</p>", reasonContains: "comment")
        Self.expectKeptAsHTML("<p><b>bold</b></p>", reasonContains: "uses <b>")
        Self.expectKeptAsHTML("plain text without tags", reasonContains: "outside a paragraph")
        Self.expectKeptAsHTML("<div><p>x</p></div>", reasonContains: "uses <div>")
        Self.expectKeptAsHTML("<p></p>", reasonContains: "empty paragraph")
        Self.expectKeptAsHTML("<html><body><p>x</p></body></html>", reasonContains: "document")
    }

    @Test func malformedHTMLStaysHTMLOrRoundTrips() {
        for html in ["<p>unclosed <strong>bold</p>", "<p>a</b></p>", "</p><p>x", "<ul><li>a<li>b</ul>",
                     "<p>a<p>b", "<p><div>x</div></p>", "<<p>>", "<p attr=\"unterminated>x</p>",
                     "<table><td>x</table>", "&bogus; & &#xZZ;"] {
            Self.checkLossless(html)
        }
    }

    @Test func emptyAndLargeStatements() {
        Self.expectMarkdown("", "")
        Self.expectMarkdown("   ", "")
        let paragraph = "<p>The system enforces <strong>approved authorizations</strong> for logical access; "
            + "see <a href=\"https://example.com/policy\">policy</a> &amp; procedures.</p>"
        let list = "<ul><li>first item</li><li>second <em>item</em></li></ul>"
        var html = ""
        while html.utf8.count < 100_000 { html += paragraph + list }
        let rendered = Self.checkLossless(html)
        #expect(rendered.fileExtension == "md")
    }
}
