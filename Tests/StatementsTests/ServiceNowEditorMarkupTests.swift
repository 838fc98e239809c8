import Testing

@testable import Statements

/// Markup ServiceNow's rich-text editor (TinyMCE) produces, and other shapes worth pinning down: the
/// exact outcome for each, so a change in what users see is a reviewed diff.
@Suite struct ServiceNowEditorMarkupTests {
    @Test(arguments: [
        ("<p>a<br><br>b</p>", "a\\\n\\\nb\n"),
        ("<p><strong>Label:</strong>&nbsp;text&nbsp;</p>", "**Label:**&nbsp;text&nbsp;\n"),
        ("<h3>Heading #1 ends with #</h3>", "### Heading \\#1 ends with \\#\n"),
        ("<ol start=\"0\"><li>zero</li><li>one</li></ol>", "0. zero\n1. one\n"),
        ("<ul><li><p>a</p><p>b</p></li></ul>", "- a\n\n  b\n"),
        ("<p><img src=\"https://example.com/d.png\" alt=\"diagram\" title=\"Fig. 1\"></p>",
         "![diagram](https://example.com/d.png \"Fig. 1\")\n"),
        ("<p>above</p><hr><p>below</p>", "above\n\n***\n\nbelow\n"),
        ("<ul><li>item<blockquote><p>quote</p></blockquote></li></ul>", "- item\n  > quote\n"),
        ("<ol><li>one</li></ol><ol><li>again</li></ol>", "1. one\n\n1) again\n"),
        ("<p>x</p><pre><code>```\ninner fence\n```</code></pre>", "x\n\n````\n```\ninner fence\n```\n````\n"),
        ("<p>100% of 2&lt;3 \"quoted\" 'single' a/b {braces} $5 ^caret</p>",
         "100% of 2<3 \"quoted\" 'single' a/b {braces} $5 ^caret\n"),
    ])
    func mapsToMarkdown(html: String, markdown: String) {
        MarkdownRoundTripTests.expectMarkdown(html, markdown)
    }

    @Test(arguments: [
        ("<p style=\"text-align: center;\">centred</p>", "uses <p style>"),
        ("<p><span style=\"font-size: 12pt;\">sized</span></p>", "uses <span style>"),
        ("<p>a<sup>2</sup></p>", "uses <sup>"),
        ("<p><a href=\"https://x.org\" rel=\"noopener\" target=\"_blank\">x</a></p>", "uses <a rel>"),
        ("<table style=\"width: 100%;\"><tbody><tr><td>a</td></tr></tbody></table>", "uses <table style>"),
        ("<ul><li><p>only one</p></li></ul>", "one-item list"),
        ("<p>a</p>\n<p>&nbsp;</p><div>&nbsp;</div>", "uses <div>"),
        ("<h2>two<br>lines</h2>", "line break"),
        ("<p><code></code></p>", "empty <code>"),
        ("<section><p>x</p></section>", "uses <section>"),
    ])
    func staysHTML(html: String, reason: String) {
        MarkdownRoundTripTests.expectKeptAsHTML(html, reasonContains: reason)
    }
}
