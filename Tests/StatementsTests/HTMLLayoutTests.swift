import Foundation
import Testing

@testable import Statements

@Suite struct HTMLLayoutTests {
    let serviceNowHTML = "<p><strong>a.</strong> First paragraph with <em>emphasis</em>.</p><ul><li>one</li>"
        + "<li>two<ul><li>nested</li></ul></li></ul><p>Second&nbsp;paragraph &amp; more.</p>"
        + "<pre><code>  keep\n\n  this</code></pre><table><tbody><tr><td>x</td><td>y</td></tr></tbody></table>"

    @Test func laysOutOneBlockPerLine() {
        #expect(HTMLLayout.layOut(serviceNowHTML) == """
            <p><strong>a.</strong> First paragraph with <em>emphasis</em>.</p>

            <ul>
              <li>one</li>
              <li>two
                <ul>
                  <li>nested</li>
                </ul>
              </li>
            </ul>

            <p>Second&nbsp;paragraph &amp; more.</p>

            <pre><code>  keep

              this</code></pre>

            <table>
              <tbody>
                <tr>
                  <td>x</td>
                  <td>y</td>
                </tr>
              </tbody>
            </table>

            """)
    }

    @Test func isIdempotentAndChangesOnlyIgnoredWhitespace() {
        let inputs = [serviceNowHTML, "", "   ", "plain text", "<p>a</p>", "<p>a</p>\n\n\n<p>b</p>  ",
                      "<p>a <strong>b</strong> <em>c</em></p>", "<pre>\n x \n</pre><p>y</p>", "<ul><li>a<li>b</ul>",
                      "<script>if (a<b) {}</script><p>x</p>", "<p>a</p><!-- c --><p title=\"x > y\">b</p>",
                      "<blockquote><p>q</p></blockquote>text after", "<p>unclosed <pre>x"]
        for html in inputs {
            let once = HTMLLayout.layOut(html)
            #expect(HTMLLayout.layOut(once) == once, "not idempotent: \(html)")
            #expect(HTMLEquivalence.areEquivalent(html, once), "changed meaning: \(html)")
            #expect(once.isEmpty || (once.hasSuffix("\n") && !once.hasSuffix("\n\n") || html.hasSuffix("\n\n")))
            let compact = HTMLLayout.compact(once)
            #expect(HTMLEquivalence.areEquivalent(html, compact), "compact changed meaning: \(html)")
        }
        #expect(HTMLLayout.layOut("") == "")
        #expect(HTMLLayout.compact(HTMLLayout.layOut(serviceNowHTML)) == serviceNowHTML)
    }

    @Test func keepsPreformattedTextAndInlineSpacing() {
        let html = "<p>x</p><pre>a  \n  b\n</pre><p>one <em>two</em> three</p>"
        let laidOut = HTMLLayout.layOut(html)
        #expect(laidOut.contains("<pre>a  \n  b\n</pre>"))
        #expect(laidOut.contains("<p>one <em>two</em> three</p>"))
    }

    /// Why the blank lines exist: two people editing different paragraphs merge without a conflict.
    @Test func editsInDifferentParagraphsMergeCleanly() throws {
        let base = HTMLLayout.layOut("<p>First paragraph.</p><p>Second paragraph.</p><p>Third paragraph.</p>")
        let ours = base.replacingOccurrences(of: "First paragraph.", with: "First paragraph, edited by us.")
        let theirs = base.replacingOccurrences(of: "Second paragraph.", with: "Second paragraph, edited by them.")
        let merged = try mergeFile(ours: ours, base: base, theirs: theirs)
        #expect(merged.status == 0, "git merge-file reported conflicts:\n\(merged.output)")
        #expect(merged.output.contains("edited by us") && merged.output.contains("edited by them"))
        #expect(!merged.output.contains("<<<<<<<"))

        // Without the blank line the same two edits conflict: that is what the layout prevents.
        let squashed = { (text: String) in text.replacingOccurrences(of: "\n\n", with: "\n") }
        let conflicting = try mergeFile(ours: squashed(ours), base: squashed(base), theirs: squashed(theirs))
        #expect(conflicting.status != 0)
    }

    private func mergeFile(ours: String, base: String, theirs: String) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layout-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [("ours.html", ours), ("base.html", base), ("theirs.html", theirs)].map { name, text in
            (folder.appendingPathComponent(name), text)
        }
        for (url, text) in files { try text.write(to: url, atomically: true, encoding: .utf8) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "-p"] + files.map(\.0.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
