import Foundation
import Statements
import Testing
@testable import GRCSync

/// The check's parallel comparison gives, pair by pair and in order, what one-by-one comparison gives.
struct PushCheckEquivalenceTests {
    @Test func parallelComparisonMatchesOneByOne() {
        var pairs: [(remote: String, ours: String)?] = []
        for index in 0..<300 {
            let remote = "<p>Control \(index) is implemented by the platform team.</p>\n<ul><li>step \(index)</li></ul>"
            switch index % 4 {
            case 0: pairs.append((remote, remote))  // identical
            case 1: pairs.append((remote, remote.replacingOccurrences(of: "\n", with: "\n\n  ")))  // layout only
            case 2: pairs.append((remote, remote + "<p>Reviewed.</p>"))  // a real change
            default: pairs.append(nil)  // the record is gone
            }
        }
        let expected = pairs.map { pair in pair.map { HTMLEquivalence.areEquivalent($0.remote, $0.ours) } ?? false }
        #expect(PushCheck.equivalence(pairs) == expected)
        #expect(expected.enumerated().allSatisfy { index, same in same == (index % 4 < 2) })
    }

    @Test func noPairsOrOnlyGoneRecords() {
        #expect(PushCheck.equivalence([]).isEmpty)
        #expect(PushCheck.equivalence([nil, nil]) == [false, false])
        #expect(PushCheck.equivalence([nil, ("<p>a</p>", "<p>b</p>")]) == [false, false])
        #expect(PushCheck.equivalence([("<p>a</p>", "<p>a</p>")]) == [true])
    }
}
