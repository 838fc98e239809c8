import Foundation

extension CanonicalTree {
    /// Whether the two (normalised) trees hold the same nodes: kinds, names, attributes in order,
    /// texts and children. `serialized()` reads nothing else, so equal trees serialise to equal bytes
    /// and this is a sufficient test of equal canonical forms that skips escaping and writing them.
    /// (Not a necessary one: two adjacent texts and one text can write the same bytes; callers compare
    /// the serialisations when this says no.)
    func hasSameContent(as other: CanonicalTree) -> Bool {
        bytes.withUnsafeBufferPointer { left in
            other.bytes.withUnsafeBufferPointer { right in
                sameChildren(Self.root, other, Self.root, left, right)
            }
        }
    }

    private func sameChildren(
        _ parent: Int32, _ other: CanonicalTree, _ otherParent: Int32,
        _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var child = nodes[Int(parent)].firstChild
        var otherChild = other.nodes[Int(otherParent)].firstChild
        while child != Self.none, otherChild != Self.none {
            let node = nodes[Int(child)], otherNode = other.nodes[Int(otherChild)]
            guard node.kind == otherNode.kind,
                Self.same(node.start, node.end, left, otherNode.start, otherNode.end, right)
            else { return false }
            if node.kind == .element {
                guard node.endAttribute - node.firstAttribute == otherNode.endAttribute - otherNode.firstAttribute
                else { return false }
                var index = Int(node.firstAttribute), otherIndex = Int(otherNode.firstAttribute)
                while index < Int(node.endAttribute) {
                    let a = attributes[index], b = other.attributes[otherIndex]
                    guard Self.same(a.nameStart, a.nameEnd, left, b.nameStart, b.nameEnd, right),
                        Self.same(a.valueStart, a.valueEnd, left, b.valueStart, b.valueEnd, right)
                    else { return false }
                    index += 1
                    otherIndex += 1
                }
                guard sameChildren(child, other, otherChild, left, right) else { return false }
            }
            child = node.next
            otherChild = otherNode.next
        }
        return child == Self.none && otherChild == Self.none
    }

    private static func same(
        _ start: Int32, _ end: Int32, _ left: UnsafeBufferPointer<UInt8>,
        _ otherStart: Int32, _ otherEnd: Int32, _ right: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard end - start == otherEnd - otherStart else { return false }
        guard end > start, let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return memcmp(leftBase + Int(start), rightBase + Int(otherStart), Int(end - start)) == 0
    }
}
