import GRCSync
import Testing

struct StatementPathTests {
    @Test(arguments: [
        ("AC-2(1)", "AC-2(1)"), ("Payments Gateway", "Payments-Gateway"), ("../../etc/passwd", "_._.._etc_passwd"),
        ("a/b\\c", "a_b_c"), ("", "unnamed"), (".hidden", "_hidden"), ("CON", "CON_"), ("x\u{0}y\u{7}", "x_y_"),
        ("Zürich", "Z_rich"), ("trailing.", "trailing_"),
        // One `_` per Unicode scalar outside ASCII, however many bytes it takes; CR LF is two scalars.
        ("e\u{301}t\u{E9}", "e_t_"), ("\u{1F642} ok", "_-ok"), ("\u{3A9}mega\r\n", "_mega__"),
        ("...x", "_..x"), ("x...", "x.._"), ("\tcon.txt", "-con.txt"), ("nul.tar.gz", "nul.tar.gz_"),
        // Reserved device names in any case, alone or before a dot; longer names are not reserved.
        ("Aux", "Aux_"), ("LPT9.log", "LPT9.log_"), ("com10", "com10"), ("console.x", "console.x"), ("prn.", "prn_"),
    ])
    func componentsAreSafe(_ input: String, _ expected: String) {
        let component = StatementPath.component(input)
        #expect(component == expected)
        #expect(!component.contains("/"))
        #expect(component != ".." && component != ".")
    }

    @Test func namesThatDifferOnlyByCaseGetDistinctFiles() {
        var taken = Set<CaseFoldedPath>()
        let first = StatementPath.make(system: "Sys", control: "AC-1", fileExtension: "html", taken: &taken)
        let second = StatementPath.make(system: "sys", control: "ac-1", fileExtension: "html", taken: &taken)
        let third = StatementPath.make(system: "SYS", control: "AC-1", fileExtension: "html", taken: &taken)
        #expect(first == "statements/Sys/AC-1.html")
        #expect(second == "statements/sys/ac-1~2.html")
        #expect(third == "statements/SYS/AC-1~3.html")
    }

    @Test func pathsInUseCompareAsTheirLowerCasedForms() {
        let pairs: [(String, String, Bool)] = [
            ("statements/Sys/AC-1.html", "statements/sys/ac-1.html", true),
            ("statements/Sys/AC-1.html", "statements/Sys/AC-1.md", false),
            ("statements/a/AC-1.html", "statements/a/AC-1.htm", false),
            // Non-ASCII paths (a hand-edited manifest): Unicode lower-casing and canonical equivalence, as
            // `lowercased()` compared as strings would decide.
            ("statements/Z\u{FC}rich/x.html", "statements/z\u{75}\u{308}rich/X.html", true),
            ("statements/a/\u{212A}.html", "statements/a/k.html", true),
            ("statements/\u{C9}/a.html", "statements/e/a.html", false),
            ("statements/ÄÖ/a.html", "statements/äö/A.HTML", true),
        ]
        for (left, right, equal) in pairs {
            #expect((CaseFoldedPath(left) == CaseFoldedPath(right)) == equal, "\(left) vs \(right)")
            #expect((left.lowercased() == right.lowercased()) == equal, "the reference: \(left) vs \(right)")
            if equal { #expect(CaseFoldedPath(left).hashValue == CaseFoldedPath(right).hashValue) }
        }
        var taken: Set = [CaseFoldedPath("statements/a/\u{212A}.html")]
        #expect(StatementPath.make(system: "a", control: "k", fileExtension: "html", taken: &taken) == "statements/a/k~2.html")
    }

    @Test func longNamesAreCut() {
        #expect(StatementPath.component(String(repeating: "a", count: 500)).count == 80)
        // Cut where a dot ends it: the dot becomes `_` too. Characters outside ASCII count once each.
        #expect(StatementPath.component(String(repeating: "a", count: 79) + ".b") == String(repeating: "a", count: 79) + "_")
        #expect(StatementPath.component(String(repeating: "\u{E9}", count: 90)) == String(repeating: "_", count: 80))
    }

    @Test func extensionsAreReplacedOnlyInTheFileName() {
        #expect(StatementPath.replacingExtension(of: "statements/a.b/AC-1.md", with: "html") == "statements/a.b/AC-1.html")
        #expect(StatementPath.isStatement("statements/x/AC-1.md"))
        #expect(!StatementPath.isStatement("config.yaml"))
    }
}
