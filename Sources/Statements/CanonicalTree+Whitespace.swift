/// `HTMLNormalizer`'s passes on a `CanonicalTree`, one function for each of its functions and in the
/// same order, so that the two can be read side by side (the rules and their reasons are documented
/// there). The differences are only in representation: children are a linked list edited in place
/// instead of arrays rebuilt per pass, and texts are byte ranges instead of `String`s.
extension CanonicalTree {
    /// `HTMLNormalizer.normalize`, on the whole fragment.
    mutating func normalize() {
        normalizeFlow(Self.root)
    }

    private mutating func normalizeFlow(_ parent: Int32) {
        prepare(parent)
        collapse(parent)
        hoistSpaces(parent)
        collapse(parent)
    }

    private mutating func prepare(_ parent: Int32) {
        var child = nodes[Int(parent)].firstChild
        while child != Self.none {
            let next = nodes[Int(child)].next
            switch nodes[Int(child)].kind {
            case .element:
                let flags = nodes[Int(child)].flags
                if flags.contains(.preformatted) {
                    trimPreformatted(child)
                } else if flags.contains(.rawText) {
                    // Script and style text is kept verbatim.
                } else if flags.contains(.block) {
                    normalizeFlow(child)
                } else {
                    prepare(child)
                }
            case .text:
                if isText(nodes[Int(child)].previous) { mergeIntoPrevious(child) }
            default:
                break
            }
            child = next
        }
    }

    // MARK: Whitespace collapsing

    private mutating func collapse(_ parent: Int32) {
        var afterSpace = true
        collapseForward(parent, afterSpace: &afterSpace)
        var beforeBreak = true
        trimBackward(parent, beforeBreak: &beforeBreak)
        removeEmptyText(parent)
    }

    private mutating func collapseForward(_ parent: Int32, afterSpace: inout Bool) {
        var child = nodes[Int(parent)].firstChild
        while child != Self.none {
            switch nodes[Int(child)].kind {
            case .text:
                collapseRuns(child)
                if afterSpace, firstByte(child) == 0x20 { dropFirstByte(child) }
                if let last = lastByte(child) { afterSpace = last == 0x20 }
            case .element:
                let flags = nodes[Int(child)].flags
                if flags.contains(.opaqueBoundary) || flags.contains(.lineBreak) {
                    afterSpace = true
                } else if flags.contains(.void) || flags.contains(.atomicInline) {
                    afterSpace = false
                } else {
                    collapseForward(child, afterSpace: &afterSpace)
                }
            default:
                break
            }
            child = nodes[Int(child)].next
        }
    }

    private mutating func trimBackward(_ parent: Int32, beforeBreak: inout Bool) {
        var child = nodes[Int(parent)].lastChild
        while child != Self.none {
            switch nodes[Int(child)].kind {
            case .text:
                if beforeBreak, lastByte(child) == 0x20 { dropLastByte(child) }
                if !isEmptyText(child) { beforeBreak = false }
            case .element:
                let flags = nodes[Int(child)].flags
                if flags.contains(.opaqueBoundary) || flags.contains(.lineBreak) {
                    beforeBreak = true
                } else if flags.contains(.void) || flags.contains(.atomicInline) {
                    beforeBreak = false
                } else {
                    trimBackward(child, beforeBreak: &beforeBreak)
                }
            default:
                break
            }
            child = nodes[Int(child)].previous
        }
    }

    private mutating func removeEmptyText(_ parent: Int32) {
        var child = nodes[Int(parent)].firstChild
        while child != Self.none {
            let next = nodes[Int(child)].next
            if isEmptyText(child) {
                unlink(child)
            } else if nodes[Int(child)].kind == .element, !nodes[Int(child)].flags.contains(.opaqueBoundary) {
                removeEmptyText(child)
            }
            child = next
        }
    }

    // MARK: Spaces at the edges of emphasis

    private mutating func hoistSpaces(_ parent: Int32) {
        var child = nodes[Int(parent)].firstChild
        while child != Self.none {
            let next = nodes[Int(child)].next
            let flags = nodes[Int(child)].flags
            if nodes[Int(child)].kind == .element,
                flags.isDisjoint(with: [.opaqueBoundary, .void, .atomicInline])
            {
                hoistSpaces(child)
                if flags.contains(.spaceTransparent) { hoistEdgeSpaces(of: child) }
            }
            child = next
        }
        mergeText(parent)
    }

    /// Moves a space at the start or end of `element`'s text outside it.
    private mutating func hoistEdgeSpaces(of element: Int32) {
        var leading = false
        var trailing = false
        let first = nodes[Int(element)].firstChild
        if isText(first), firstByte(first) == 0x20 {
            dropFirstByte(first)
            leading = true
        }
        let last = nodes[Int(element)].lastChild
        if isText(last), lastByte(last) == 0x20 {
            dropLastByte(last)
            trailing = true
        }
        var child = nodes[Int(element)].firstChild
        while child != Self.none {
            let next = nodes[Int(child)].next
            if isEmptyText(child) { unlink(child) }
            child = next
        }
        if leading { insertSpace(before: element) }
        if trailing { insertSpace(after: element) }
    }

    private mutating func mergeText(_ parent: Int32) {
        var child = nodes[Int(parent)].firstChild
        while child != Self.none {
            let next = nodes[Int(child)].next
            if nodes[Int(child)].kind == .text, isText(nodes[Int(child)].previous) { mergeIntoPrevious(child) }
            child = next
        }
    }

    // MARK: Preformatted text

    private mutating func trimPreformatted(_ element: Int32) {
        if let text = firstText(in: element), firstByte(text) == 0x0A { dropFirstByte(text) }
        if let text = lastText(in: element), lastByte(text) == 0x0A { dropLastByte(text) }
    }

    /// `HTMLNormalizer.editFirstText`'s search: the first text in document order, not looking past a
    /// void element. `.some(nil)` is "stop here, nothing to edit".
    private func firstText(in parent: Int32) -> Int32? {
        searchText(in: parent, forward: true) ?? nil
    }

    private func lastText(in parent: Int32) -> Int32? {
        searchText(in: parent, forward: false) ?? nil
    }

    /// nil: not found, keep looking; `.some(nil)`: stopped at a void element; `.some(index)`: found.
    private func searchText(in parent: Int32, forward: Bool) -> Int32?? {
        var child = forward ? nodes[Int(parent)].firstChild : nodes[Int(parent)].lastChild
        while child != Self.none {
            switch nodes[Int(child)].kind {
            case .text:
                return .some(child)
            case .element:
                if let found = searchText(in: child, forward: forward) { return found }
                if nodes[Int(child)].flags.contains(.void) { return .some(nil) }
            default:
                break
            }
            child = forward ? nodes[Int(child)].next : nodes[Int(child)].previous
        }
        return nil
    }
}
