/// Normalises a parsed fragment so that two fragments a browser renders identically (up to whitespace
/// HTML ignores) give the same tree.
///
/// The rules follow CSS `white-space: normal`: in normal flow, runs of ASCII whitespace collapse to one
/// space, a space after another space (even across inline element boundaries) is dropped, and spaces
/// at the start and end of a line (next to block boundaries and `<br>`) are dropped. Inside `<pre>` and
/// raw-text elements every character counts, except a line break right after `<pre>` (the parser drops
/// it) and one line break at its very end (it draws no line). Spaces at the edges of `<em>`, `<strong>`,
/// `<b>` and `<i>` move outside the element: nothing is drawn under a space, so they render the same.
///
/// The canonical form runs these same passes on bytes (`CanonicalTree+Whitespace.swift`, for speed);
/// a change to a rule here must be made there too (`CanonicalFormDifferentialTests` fails otherwise).
enum HTMLNormalizer {
    static func normalize(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var nodes = nodes
        normalizeFlow(&nodes)
        return nodes
    }

    /// Normalises the children of a block-level container (or of the fragment itself).
    private static func normalizeFlow(_ nodes: inout [HTMLNode]) {
        prepare(&nodes)
        collapse(&nodes)
        hoistSpaces(&nodes)
        collapse(&nodes)
    }

    /// Recurses into block children and preformatted elements; merges adjacent text nodes.
    private static func prepare(_ nodes: inout [HTMLNode]) {
        var merged: [HTMLNode] = []
        for node in nodes {
            switch node {
            case .element(var element):
                if HTMLElementKind.preformatted.contains(element.name) {
                    trimPreformatted(&element)
                } else if HTMLElementKind.rawText.contains(element.name) {
                    // Script and style text is kept verbatim.
                } else if HTMLElementKind.isBlock(element.name) {
                    normalizeFlow(&element.children)
                } else {
                    prepare(&element.children)
                }
                merged.append(.element(element))
            case .text(let text):
                if case .text(let previous) = merged.last {
                    merged[merged.count - 1] = .text(previous + text)
                } else {
                    merged.append(.text(text))
                }
            default:
                merged.append(node)
            }
        }
        nodes = merged
    }

    // MARK: Whitespace collapsing

    private static func isHTMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// Replaces every run of HTML whitespace with one space.
    static func collapseRuns(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var inSpace = false
        for scalar in text.unicodeScalars {
            if isHTMLSpace(scalar) {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(scalar)
                inSpace = false
            }
        }
        return String(result)
    }

    private static func collapse(_ nodes: inout [HTMLNode]) {
        var afterSpace = true
        collapseForward(&nodes, afterSpace: &afterSpace)
        var beforeBreak = true
        trimBackward(&nodes, beforeBreak: &beforeBreak)
        removeEmptyText(&nodes)
    }

    /// Forward pass: collapses runs and drops a space that follows a space or a line start.
    private static func collapseForward(_ nodes: inout [HTMLNode], afterSpace: inout Bool) {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let text):
                var collapsed = collapseRuns(text)
                if afterSpace, collapsed.unicodeScalars.first == " " { collapsed.unicodeScalars.removeFirst() }
                if !collapsed.isEmpty { afterSpace = collapsed.unicodeScalars.last == " " }
                nodes[index] = .text(collapsed)
            case .element(var element):
                if isOpaqueBoundary(element) {
                    afterSpace = true
                } else if element.name == "br" {
                    afterSpace = true
                } else if HTMLElementKind.void.contains(element.name) || isAtomicInline(element) {
                    afterSpace = false
                } else {
                    collapseForward(&element.children, afterSpace: &afterSpace)
                    nodes[index] = .element(element)
                }
            case .comment, .other:
                break
            }
        }
    }

    /// Backward pass: drops a space that ends a line (before a block boundary, `<br>` or the end).
    private static func trimBackward(_ nodes: inout [HTMLNode], beforeBreak: inout Bool) {
        for index in nodes.indices.reversed() {
            switch nodes[index] {
            case .text(var text):
                if beforeBreak, text.unicodeScalars.last == " " { text.unicodeScalars.removeLast() }
                if !text.isEmpty { beforeBreak = false }
                nodes[index] = .text(text)
            case .element(var element):
                if isOpaqueBoundary(element) || element.name == "br" {
                    beforeBreak = true
                } else if HTMLElementKind.void.contains(element.name) || isAtomicInline(element) {
                    beforeBreak = false
                } else {
                    trimBackward(&element.children, beforeBreak: &beforeBreak)
                    nodes[index] = .element(element)
                }
            case .comment, .other:
                break
            }
        }
    }

    /// Block elements end the current line; preformatted and raw-text ones were handled already.
    private static func isOpaqueBoundary(_ element: HTMLElement) -> Bool {
        HTMLElementKind.isBlock(element.name) || HTMLElementKind.preformatted.contains(element.name)
    }

    /// Inline elements whose content is not part of the surrounding text flow.
    private static func isAtomicInline(_ element: HTMLElement) -> Bool {
        HTMLElementKind.rawText.contains(element.name) || element.name == "select" || element.name == "button"
    }

    private static func removeEmptyText(_ nodes: inout [HTMLNode]) {
        nodes.removeAll { $0 == .text("") }
        for index in nodes.indices {
            guard case .element(var element) = nodes[index], !isOpaqueBoundary(element) else { continue }
            removeEmptyText(&element.children)
            nodes[index] = .element(element)
        }
    }

    // MARK: Spaces at the edges of emphasis

    private static func hoistSpaces(_ nodes: inout [HTMLNode]) {
        var result: [HTMLNode] = []
        for node in nodes {
            guard case .element(var element) = node, !isOpaqueBoundary(element),
                !HTMLElementKind.void.contains(element.name), !isAtomicInline(element)
            else {
                result.append(node)
                continue
            }
            hoistSpaces(&element.children)
            guard HTMLElementKind.spaceTransparent.contains(element.name) else {
                result.append(.element(element))
                continue
            }
            var leading = false
            var trailing = false
            if case .text(var first) = element.children.first, first.unicodeScalars.first == " " {
                first.unicodeScalars.removeFirst()
                element.children[0] = .text(first)
                leading = true
            }
            if case .text(var last) = element.children.last, last.unicodeScalars.last == " " {
                last.unicodeScalars.removeLast()
                element.children[element.children.count - 1] = .text(last)
                trailing = true
            }
            element.children.removeAll { $0 == .text("") }
            if leading { result.append(.text(" ")) }
            result.append(.element(element))
            if trailing { result.append(.text(" ")) }
        }
        nodes = mergeText(result)
    }

    private static func mergeText(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var merged: [HTMLNode] = []
        for node in nodes {
            if case .text(let text) = node, case .text(let previous) = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(node)
            }
        }
        return merged
    }

    // MARK: Preformatted text

    private static func trimPreformatted(_ element: inout HTMLElement) {
        _ = editFirstText(&element.children) { text in
            if text.unicodeScalars.first == "\n" { text.unicodeScalars.removeFirst() }
        }
        _ = editLastText(&element.children) { text in
            if text.unicodeScalars.last == "\n" { text.unicodeScalars.removeLast() }
        }
    }

    private static func editFirstText(_ nodes: inout [HTMLNode], _ edit: (inout String) -> Void) -> Bool {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(var text):
                edit(&text)
                nodes[index] = .text(text)
                return true
            case .element(var element):
                if editFirstText(&element.children, edit) {
                    nodes[index] = .element(element)
                    return true
                }
                if HTMLElementKind.void.contains(element.name) { return true }
            default:
                continue
            }
        }
        return false
    }

    private static func editLastText(_ nodes: inout [HTMLNode], _ edit: (inout String) -> Void) -> Bool {
        for index in nodes.indices.reversed() {
            switch nodes[index] {
            case .text(var text):
                edit(&text)
                nodes[index] = .text(text)
                return true
            case .element(var element):
                if editLastText(&element.children, edit) {
                    nodes[index] = .element(element)
                    return true
                }
                if HTMLElementKind.void.contains(element.name) { return true }
            default:
                continue
            }
        }
        return false
    }
}
