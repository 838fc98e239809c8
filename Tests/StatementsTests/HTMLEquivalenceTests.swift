import Testing

@testable import Statements

@Suite struct HTMLEquivalenceTests {
    @Test func ignoresWhitespaceHTMLIgnores() {
        #expect(HTMLEquivalence.areEquivalent("<p>a  b</p>", "<p>\n  a\nb </p>"))
        #expect(HTMLEquivalence.areEquivalent("<ul><li>a</li></ul>", "<ul>\n  <li>a</li>\n</ul>\n"))
        #expect(HTMLEquivalence.areEquivalent("<p>a <br> b</p>", "<p>a<br />b</p>"))
        #expect(HTMLEquivalence.areEquivalent("<p><strong>a: </strong>b</p>", "<p><strong>a:</strong> b</p>"))
        #expect(HTMLEquivalence.areEquivalent("<p a=\"1\" b=\"2\">x</p>", "<p b='2' a=1>x</p>"))
        #expect(HTMLEquivalence.areEquivalent("<p>it&#39;s &amp;</p>", "<p>it's &#38;</p>"))
        #expect(HTMLEquivalence.areEquivalent("<pre><code>x</code></pre>", "<pre><code>x\n</code></pre>"))
    }

    @Test func seesEveryRealDifference() {
        #expect(!HTMLEquivalence.areEquivalent("<p>a b</p>", "<p>ab</p>"))
        #expect(!HTMLEquivalence.areEquivalent("<p>a&nbsp;b</p>", "<p>a b</p>"))
        #expect(!HTMLEquivalence.areEquivalent("<p>a</p>", "a"))
        #expect(!HTMLEquivalence.areEquivalent("<p>x</p>", "<p class=\"c\">x</p>"))
        #expect(!HTMLEquivalence.areEquivalent("<pre>a  b</pre>", "<pre>a b</pre>"))
        #expect(!HTMLEquivalence.areEquivalent("<ul><li><p>a</p></li></ul>", "<ul><li>a</li></ul>"))
        #expect(!HTMLEquivalence.areEquivalent("<p><u>a </u>b</p>", "<p><u>a</u> b</p>"))
        #expect(!HTMLEquivalence.areEquivalent("<p>a</p><!-- x -->", "<p>a</p>"))
        #expect(!HTMLEquivalence.areEquivalent("", "<p></p>"))
    }

    @Test func canonicalFormIsDeterministic() {
        let html = "<p b=\"2\" a=\"1\">x &amp; y&nbsp;z</p>"
        #expect(HTMLEquivalence.canonicalForm(html) == "<p a=\"1\" b=\"2\">x &amp; y&nbsp;z</p>")
        #expect(HTMLEquivalence.canonicalForm(html) == HTMLEquivalence.canonicalForm(html))
    }
}

extension HTMLEquivalenceTests {
    @Test func seesPastNULCharacters() {
        #expect(!HTMLEquivalence.areEquivalent("<p>a</p>\u{0}<p>b</p>", "<p>a</p>"))
        #expect(HTMLEquivalence.areEquivalent("<p>a\u{0}</p>", "<p>a\u{FFFD}</p>"))
    }
}
