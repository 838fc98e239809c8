import Testing

@testable import Statements

/// The whole seed corpus through the Markdown format: every statement either round-trips exactly or
/// stays HTML with a reason. Reads `<package root>/../shared` at run time; skipped when it is absent.
@Suite struct CorpusTests {
    struct Tally: CustomStringConvertible {
        var markdown = 0
        var reasons: [String: Int] = [:]

        mutating func add(_ html: String) {
            let rendered = MarkdownRoundTripTests.checkLossless(html)
            if let reason = rendered.keptAsHTMLReason {
                reasons[reason, default: 0] += 1
            } else {
                markdown += 1
            }
        }

        var keptAsHTML: Int { reasons.values.reduce(0, +) }

        var description: String {
            let breakdown = reasons.sorted { $0.value > $1.value }.map { "  \($0.value) × \($0.key)" }
            return (["\(markdown) as .md, \(keptAsHTML) kept as .html"] + breakdown).joined(separator: "\n")
        }
    }

    @Test(.enabled(if: ServiceNowStyleHTML.sharedFolder != nil, "needs ../shared/fixtures (absent)"))
    func eighteenFStatements() throws {
        let statements = try #require(
            try ServiceNowStyleHTML.load("statements-18f.jsonl", as: ServiceNowStyleHTML.Statement.self),
            "statements-18f.jsonl is missing from ../shared/fixtures/grc-seed")
        #expect(statements.count == 317)
        var tally = Tally()
        for statement in statements { tally.add(ServiceNowStyleHTML.html(statement)) }
        print("18F statements: \(tally)")
        let htmls = statements.map(ServiceNowStyleHTML.html)
        let elapsed = ContinuousClock().measure {
            for html in htmls { _ = StatementRenderer.render(html: html, as: .markdown) }
        }
        print("render(.markdown) of the 317 statements took \(elapsed) (informational, not asserted)")
        #expect(tally.markdown + tally.keptAsHTML == statements.count)
    }

    @Test(.enabled(if: ServiceNowStyleHTML.sharedFolder != nil, "needs ../shared/fixtures (absent)"))
    func nistControlText() throws {
        let controls = try #require(
            try ServiceNowStyleHTML.load("control-text.jsonl", as: ServiceNowStyleHTML.ControlText.self),
            "control-text.jsonl is missing from ../shared/fixtures/grc-seed")
        var tally = Tally()
        for control in controls { tally.add(ServiceNowStyleHTML.html(control)) }
        print("NIST control text: \(tally)")
        #expect(tally.markdown + tally.keptAsHTML == controls.count)
    }

    @Test(.enabled(if: ServiceNowStyleHTML.sharedFolder != nil, "needs ../shared/fixtures (absent)"))
    func corpusLayoutIsIdempotentAndEquivalent() throws {
        let statements = try ServiceNowStyleHTML.load("statements-18f.jsonl", as: ServiceNowStyleHTML.Statement.self) ?? []
        for statement in statements {
            let html = ServiceNowStyleHTML.html(statement)
            let laidOut = HTMLLayout.layOut(html)
            #expect(HTMLLayout.layOut(laidOut) == laidOut)
            #expect(HTMLEquivalence.areEquivalent(html, laidOut))
            #expect(laidOut.contains("\n\n") || !html.contains("</p><"), "\(statement.control) was not laid out")
        }
    }
}
