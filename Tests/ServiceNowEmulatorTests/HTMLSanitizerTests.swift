import ServiceNowEmulator
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
