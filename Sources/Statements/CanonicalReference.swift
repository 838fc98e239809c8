/// The normalised tree of one HTML text, to be compared with others (the input of `layOut` against
/// its candidates, one side of `areEquivalent` against the other).
///
/// `matches` answers exactly what comparing the two `canonicalForm` strings with `==` answers: equal
/// trees serialise to equal bytes (`CanonicalTree.hasSameContent`), so the common case needs no
/// serialisation at all; when the trees differ, both are serialised and compared as
/// `HTMLEquivalence.sameCanonicalForm` does.
struct CanonicalReference {
    private let tree: CanonicalTree
    private var serialized: [UInt8]?

    init(_ html: String) {
        var tree = CanonicalTree.parse(html)
        tree.normalize()
        self.tree = tree
    }

    /// Whether `html`'s canonical form equals this one's.
    mutating func matches(_ html: String) -> Bool {
        var candidate = CanonicalTree.parse(html)
        candidate.normalize()
        return matches(candidate)
    }

    /// `matches(String(decoding: html, as: UTF8.self))` for valid UTF-8, without making the `String`.
    mutating func matches(utf8 html: [UInt8]) -> Bool {
        var candidate = CanonicalTree.parse(utf8: html)
        candidate.normalize()
        return matches(candidate)
    }

    private mutating func matches(_ candidate: CanonicalTree) -> Bool {
        if candidate.hasSameContent(as: tree) { return true }
        let reference = serialized ?? tree.serialized()
        serialized = reference
        return HTMLEquivalence.sameCanonicalForm(candidate.serialized(), reference)
    }
}
