import GRCSync
import Testing

struct WordDiffTests {
    @Test func anAddedSentenceShowsAsJustThatSentence() {
        let old = "<p>Access is reviewed.</p>\n\n<p>Second.</p>\n"
        let new = "<p>Access is reviewed. Every quarter.</p>\n\n<p>Second.</p>\n"
        #expect(WordDiff.render(old: old, new: new) == "<p>Access is reviewed.{+ Every quarter.+}</p>\n")
    }

    @Test func aReplacedWordShowsBothSides() {
        #expect(WordDiff.render(old: "<p>yearly review</p>", new: "<p>monthly review</p>") == "<p>[-yearly-]{+monthly+} review</p>\n")
    }

    @Test func equalTextsGiveNothing() {
        #expect(WordDiff.render(old: "<p>x</p>\n", new: "<p>x</p>\n").isEmpty)
    }
}
