import Foundation
import Testing

@testable import GRCSync

/// `ExactString` compares and hashes bytes: canonically equivalent spellings stay apart, equal bytes
/// meet, in strings held inline (up to 15 bytes) and on the heap alike.
struct ExactStringTests {
    @Test(arguments: ["Caf\u{E9}", "Caf\u{E9} access control policy for payroll"])
    func canonicallyEquivalentSpellingsAreDifferent(composed: String) {
        let decomposed = composed.replacingOccurrences(of: "\u{E9}", with: "e\u{301}")
        #expect(composed == decomposed, "String's own == calls them equal")
        #expect(ExactString(composed) != ExactString(decomposed))
        #expect(Set([ExactString(composed), ExactString(decomposed)]).count == 2)
    }

    @Test func equalBytesAreEqualWhereverTheStringKeepsThem() {
        let long = "System owner of the payroll records"
        // One copy made from bytes, one from a slice: different storage, the same bytes.
        let fromBytes = String(decoding: Array(long.utf8), as: UTF8.self)
        let fromSlice = String(("x" + long).dropFirst())
        #expect(ExactString(fromBytes) == ExactString(fromSlice))
        #expect(ExactString(fromBytes).hashValue == ExactString(fromSlice).hashValue)
        // Up to 15 bytes a String holds them inline.
        let short = "Caf\u{E9} policy"
        #expect(ExactString(short) == ExactString(String(decoding: Array(short.utf8), as: UTF8.self)))
        #expect(ExactString("") == ExactString(String()))
        #expect(ExactString("ab") != ExactString("abc"))
        #expect(ExactString(long) != ExactString(long + " "))
    }
}
