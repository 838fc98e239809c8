/// A parsed fragment held for computing its canonical form fast: one array of nodes linked by index
/// and one byte buffer holding every name and text, so normalising and serialising a statement costs a
/// few allocations instead of one per node, string and pass. `layOut` computes two canonical forms per
/// statement, which made this the cost of a first pull.
///
/// libxml2 stays the judge: the tree is built from the same parse as `HTMLFragmentParser.parse` (same
/// input, options and NUL rule), and the canonical form is the same function of that tree, byte for
/// byte:
/// * the build holds what `parse` copies out of libxml2's document (`CanonicalTree+LibXML2.swift`,
///   from the parser's SAX events placed as libxml2's own tree builder places them): bytes that are
///   valid UTF-8 as they are (which is what `String(cString:)` keeps), anything else through `String`;
///   ASCII names lower-cased by byte, others by `String.lowercased()`; attributes sorted with the same
///   comparison;
/// * normalisation (`CanonicalTree+Whitespace.swift`) is `HTMLNormalizer`'s passes one for one. Every
///   rule there looks at ASCII bytes only (the five HTML spaces, `\n`), so working on UTF-8 bytes
///   instead of Unicode scalars decides the same, and element kinds come from the same
///   `HTMLElementKind` sets (`ElementFlags`);
/// * serialisation escapes the same characters; U+00A0 is the byte pair `C2 A0`, which cannot occur
///   inside another character in valid UTF-8.
///
/// `CanonicalFormDifferentialTests` checks all of it against the old `String` implementation, kept in
/// the test target, and the tree against the document node for node, on the seed corpus and on fuzzed
/// markup and byte soup.
struct CanonicalTree {
    /// The kinds of `HTMLNode`.
    enum Kind: UInt8 {
        case element
        case text
        case comment
        case processingInstruction
        case entityReference
    }

    /// One node. For an element `start..<end` is its name; for every other kind, its text.
    struct Node {
        var kind: Kind
        var flags: ElementFlags = []
        var start: Int32
        var end: Int32
        /// The element's attributes: `attributes[firstAttribute..<endAttribute]`, sorted by name.
        var firstAttribute: Int32 = 0
        var endAttribute: Int32 = 0
        /// The text has no run of whitespace left (`collapseRuns` would not change it): set by
        /// `collapseRuns`, cleared when another text is merged into it.
        var collapsed = false
        var parent: Int32 = none
        var firstChild: Int32 = none
        var lastChild: Int32 = none
        var previous: Int32 = none
        var next: Int32 = none
    }

    /// An attribute's name and value, as ranges of `bytes`.
    struct Attribute {
        var nameStart: Int32
        var nameEnd: Int32
        var valueStart: Int32
        var valueEnd: Int32
    }

    /// The index that means "no node".
    static let none: Int32 = -1
    /// The fragment itself: a node without a name whose children are the top-level nodes.
    static let root: Int32 = 0

    var nodes: [Node]
    var attributes: [Attribute] = []
    var bytes: [UInt8]

    init(capacity: Int) {
        nodes = [Node(kind: .element, start: 0, end: 0)]
        nodes.reserveCapacity(capacity / 16 + 8)
        bytes = []
        bytes.reserveCapacity(capacity + capacity / 4 + 64)
    }

    // MARK: Building

    /// Adds a node of `kind` whose bytes are `start..<end`, as the last child of `parent`.
    @discardableResult
    mutating func append(_ kind: Kind, start: Int, end: Int, to parent: Int32) -> Int32 {
        let index = Int32(nodes.count)
        nodes.append(Node(kind: kind, start: Int32(start), end: Int32(end)))
        link(index, under: parent, after: nodes[Int(parent)].lastChild)
        return index
    }

    /// Adds a text node holding one space, as a sibling right before or after `sibling`.
    mutating func insertSpace(before sibling: Int32) {
        let index = newSpace()
        link(index, under: nodes[Int(sibling)].parent, after: nodes[Int(sibling)].previous)
    }

    mutating func insertSpace(after sibling: Int32) {
        let index = newSpace()
        link(index, under: nodes[Int(sibling)].parent, after: sibling)
    }

    private mutating func newSpace() -> Int32 {
        bytes.append(0x20)
        let index = Int32(nodes.count)
        nodes.append(Node(kind: .text, start: Int32(bytes.count - 1), end: Int32(bytes.count)))
        return index
    }

    /// Links the detached node `index` into `parent`'s children after `previous` (first when none).
    private mutating func link(_ index: Int32, under parent: Int32, after previous: Int32) {
        let next = previous == Self.none ? nodes[Int(parent)].firstChild : nodes[Int(previous)].next
        nodes[Int(index)].parent = parent
        nodes[Int(index)].previous = previous
        nodes[Int(index)].next = next
        if previous == Self.none { nodes[Int(parent)].firstChild = index } else { nodes[Int(previous)].next = index }
        if next == Self.none { nodes[Int(parent)].lastChild = index } else { nodes[Int(next)].previous = index }
    }

    /// Takes `index` out of its parent's children.
    mutating func unlink(_ index: Int32) {
        let node = nodes[Int(index)]
        if node.previous == Self.none {
            nodes[Int(node.parent)].firstChild = node.next
        } else {
            nodes[Int(node.previous)].next = node.next
        }
        if node.next == Self.none {
            nodes[Int(node.parent)].lastChild = node.previous
        } else {
            nodes[Int(node.next)].previous = node.previous
        }
    }

    // MARK: Text

    func isText(_ index: Int32) -> Bool { index != Self.none && nodes[Int(index)].kind == .text }

    func isEmptyText(_ index: Int32) -> Bool {
        nodes[Int(index)].kind == .text && nodes[Int(index)].start == nodes[Int(index)].end
    }

    func firstByte(_ index: Int32) -> UInt8? {
        let node = nodes[Int(index)]
        return node.start < node.end ? bytes[Int(node.start)] : nil
    }

    func lastByte(_ index: Int32) -> UInt8? {
        let node = nodes[Int(index)]
        return node.start < node.end ? bytes[Int(node.end) - 1] : nil
    }

    mutating func dropFirstByte(_ index: Int32) { nodes[Int(index)].start += 1 }

    mutating func dropLastByte(_ index: Int32) { nodes[Int(index)].end -= 1 }

    /// Appends the text of `index` to the text node before it, and unlinks `index`.
    mutating func mergeIntoPrevious(_ index: Int32) {
        let previous = Int(nodes[Int(index)].previous)
        let (start, end) = (nodes[Int(index)].start, nodes[Int(index)].end)
        if nodes[previous].end == start {
            // Contiguous in the buffer: the previous range simply grows over this one.
            nodes[previous].end = end
        } else {
            let newStart = Int32(bytes.count)
            for position in nodes[previous].start..<nodes[previous].end { bytes.append(bytes[Int(position)]) }
            for position in start..<end { bytes.append(bytes[Int(position)]) }
            nodes[previous].start = newStart
            nodes[previous].end = Int32(bytes.count)
        }
        nodes[previous].collapsed = false
        unlink(index)
    }

    /// Replaces every run of HTML whitespace in the text of `index` by one space, in place.
    mutating func collapseRuns(_ index: Int32) {
        if nodes[Int(index)].collapsed { return }
        nodes[Int(index)].collapsed = true
        let (start, end) = (Int(nodes[Int(index)].start), Int(nodes[Int(index)].end))
        let newEnd = bytes.withUnsafeMutableBufferPointer { buffer in
            // Most text has only single spaces: nothing is written until the first byte that changes.
            var read = start
            var inSpace = false
            // Eight bytes at a time while they hold no byte below 0x20 and no two spaces in a row; the
            // loop below goes on byte by byte from the first word that does.
            while read + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + read).loadUnaligned(as: UInt64.self))
                if Self.zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0) != 0 { break }
                let spaces = Self.zeroBytes(word ^ 0x2020_2020_2020_2020)
                if spaces & (spaces << 8) != 0 || (inSpace && spaces & 0x80 != 0) { break }
                inSpace = spaces >> 63 != 0
                read += 8
            }
            while read < end {
                let byte = buffer[read]
                if byte > 0x20 {
                    inSpace = false
                } else if byte == 0x20 {
                    if inSpace { break }
                    inSpace = true
                } else if HTMLTagScanner.isSpace(byte) {
                    break
                } else {
                    inSpace = false
                }
                read += 1
            }
            var write = read
            while read < end {
                let byte = buffer[read]
                if HTMLTagScanner.isSpace(byte) {
                    if !inSpace {
                        buffer[write] = 0x20
                        write += 1
                    }
                    inSpace = true
                } else {
                    buffer[write] = byte
                    write += 1
                    inSpace = false
                }
                read += 1
            }
            return write
        }
        nodes[Int(index)].end = Int32(newEnd)
    }

    /// 0x80 in each byte of `word` that is zero, 0 in every other bit (exact: no carry crosses a byte).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }
}
