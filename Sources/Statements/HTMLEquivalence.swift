/// Decides whether two statement HTML strings say the same thing: the same element tree, the same
/// attributes (in any order), the same text, ignoring the whitespace HTML ignores (see
/// `HTMLNormalizer` for the exact rules) and the spelling of entities and tags.
///
/// Used for the lossless rule of the Markdown format ("the round trip lost nothing") and by push to
/// decide that ServiceNow already holds our content.
public enum HTMLEquivalence {
    /// True when `a` and `b` render the same by the rules above.
    public static func areEquivalent(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var reference = CanonicalReference(a)
        return reference.matches(b)
    }

    /// A normalised serialisation of `html`: parsed with libxml2, whitespace normalised, attributes
    /// sorted, text escaped only where HTML requires it (`&amp;`, `&lt;`, `&gt;`, `&quot;` in
    /// attributes) and no-break spaces written as `&nbsp;`. Deterministic; equal for equivalent HTML.
    public static func canonicalForm(_ html: String) -> String {
        String(decoding: canonicalBytes(html), as: UTF8.self)
    }

    /// The UTF-8 bytes of `canonicalForm(html)`, computed on a `CanonicalTree` (one buffer, no
    /// `String` per node or pass).
    static func canonicalBytes(_ html: String) -> [UInt8] {
        var tree = CanonicalTree.parse(html)
        tree.normalize()
        return tree.serialized()
    }

    /// Whether two results of `canonicalBytes` are equal as `String`s, which is what equivalence has
    /// always meant. Equal bytes are equal strings; different bytes can still be canonically equivalent
    /// strings (`String`'s `==` is Unicode canonical equivalence), so that rare case asks `String`.
    static func sameCanonicalForm(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a == b || String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }
}

extension HTMLEquivalence {
    /// Where the canonical forms of `a` and `b` first differ, as a short human hint:
    /// `“…<p>a<u>b…” became “…<p>ab…”`. Empty when they are equivalent.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = Array(canonicalForm(a)), right = Array(canonicalForm(b))
        var index = 0
        while index < left.count, index < right.count, left[index] == right[index] { index += 1 }
        if index == left.count, index == right.count { return "" }
        func excerpt(_ characters: [Character]) -> String {
            let start = max(0, index - 20), end = min(characters.count, index + 20)
            return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        }
        return "“\(excerpt(left))” would become “\(excerpt(right))”"
    }
}
