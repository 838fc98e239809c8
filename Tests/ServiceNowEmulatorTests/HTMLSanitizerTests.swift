@testable import ServiceNowEmulator
import Testing

@Suite struct HTMLSanitizerTests {
    @Test(arguments: [
        ("<p>plain <strong>text</strong></p><ul><li>a</li></ul>", "<p>plain <strong>text</strong></p><ul><li>a</li></ul>"),
        ("a<script>x()</script>b", "ab"),
        ("a<SCRIPT type='text/javascript'>x()</ScRiPt >b", "ab"),
        ("a<script>never closed", "a"),
        ("a</script>b", "ab"),
        ("<img src=x onerror=alert(1)>", "<img src=x>"),
        ("<p ONCLICK='x' class=\"c\">t</p>", "<p class=\"c\">t</p>"),
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#106;avascript&colon;alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"https://example.gov/x\" title='t'>x</a>", "<a href=\"https://example.gov/x\" title='t'>x</a>"),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("<p>caf\u{E9} \u{2014} ok</p>", "<p>caf\u{E9} \u{2014} ok</p>"),
    ])
    func sanitises(input: String, expected: String) {
        #expect(HTMLSanitizer.sanitize(input) == expected)
    }
}

/// The byte-level shortcut (`hasOnlyBareTags`) only ever passes HTML the tag-by-tag sanitiser leaves
/// as it is, over fragments chosen to sit on each side of its rules.
@Suite struct HTMLSanitizerShortcutTests {
    private static let fragments = [
        "<p>", "</p>", "<li>", "</li>", "<strong>", "<h2>", "<br/>", "<br>", "<p class=\"c\">", "<a href=\"x\">",
        "<img src=x onerror=y>", "<script>", "</script>", "<SCRIPT>", "<ScRiPt>", "<scripts>", "<script1>", "</scrip>",
        "< p>", "<", ">", "</", "</ >", "<3", "<é>", "<pé>", "<p\u{300}>", "<\u{4E2D}>", "text", " ", "\n", "&amp;",
        "café", "😀", "<p/>", "<p >", "<onclick>", "<p\t>", "<P>", "<1>", "</1>",
    ]

    @Test func theShortcutPassesOnlyWhatSanitisingLeavesAlone() {
        var random = SystemRandomNumberGenerator()
        var passed = 0
        for round in 0..<5_000 {
            let count = Int.random(in: 1...8, using: &random)
            let html = (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
            let slow = HTMLSanitizer.sanitizeTagByTag(html)
            #expect(HTMLSanitizer.sanitize(html) == slow, "round \(round): \(html.debugDescription)")
            if HTMLSanitizer.hasOnlyBareTags(html) {
                passed += 1
                #expect(slow == html, "\(html.debugDescription)")
            }
        }
        // Both sides of the shortcut were exercised.
        #expect(passed > 100 && passed < 4_900)
    }

    @Test(arguments: ["<p>a</p><ul><li>b</li></ul>", "1 < 2", "</ >x", "<", "<h1>T</h1>\n<p>x</p>"])
    func bareTagsTakeTheShortcut(html: String) {
        #expect(HTMLSanitizer.hasOnlyBareTags(html))
    }

    @Test(arguments: ["<script>", "</SCRIPT>", "<p class=c>", "<br/>", "<é>", "<p >", "<pé>"])
    func anythingElseTakesTheLongWay(html: String) {
        #expect(!HTMLSanitizer.hasOnlyBareTags(html))
    }
}
