extension CanonicalTree {
    /// The canonical form's UTF-8 bytes: what `HTMLEquivalence` has always written for the normalised
    /// tree (see `canonicalForm` there), escaping each text in one pass over its bytes.
    func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 64)
        bytes.withUnsafeBufferPointer { source in
            var child = nodes[Int(Self.root)].firstChild
            while child != Self.none {
                write(child, from: source, to: &output)
                child = nodes[Int(child)].next
            }
        }
        return output
    }

    private func write(_ index: Int32, from source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let node = nodes[Int(index)]
        let content = UnsafeBufferPointer(rebasing: source[Int(node.start)..<Int(node.end)])
        switch node.kind {
        case .text:
            Self.escape(content, quotes: false, to: &output)
        case .comment:
            output.append(contentsOf: "<!--".utf8)
            output.append(contentsOf: content)
            output.append(contentsOf: "-->".utf8)
        case .processingInstruction:
            output.append(contentsOf: "<?processing instruction ".utf8)
            Self.escape(content, quotes: false, to: &output)
            output.append(contentsOf: "?>".utf8)
        case .entityReference:
            output.append(contentsOf: "<?entity reference ".utf8)
            Self.escape(content, quotes: false, to: &output)
            output.append(contentsOf: "?>".utf8)
        case .element:
            output.append(0x3C)
            output.append(contentsOf: content)
            for attribute in attributes[Int(node.firstAttribute)..<Int(node.endAttribute)] {
                output.append(0x20)
                output.append(contentsOf: source[Int(attribute.nameStart)..<Int(attribute.nameEnd)])
                output.append(contentsOf: "=\"".utf8)
                let value = UnsafeBufferPointer(rebasing: source[Int(attribute.valueStart)..<Int(attribute.valueEnd)])
                Self.escape(value, quotes: true, to: &output)
                output.append(0x22)
            }
            output.append(0x3E)
            if node.flags.contains(.void) && node.firstChild == Self.none { return }
            var child = node.firstChild
            while child != Self.none {
                write(child, from: source, to: &output)
                child = nodes[Int(child)].next
            }
            output.append(contentsOf: "</".utf8)
            output.append(contentsOf: content)
            output.append(0x3E)
        }
    }

    private static let textSpecials = ByteScan.ByteSet([0x26, 0x3C, 0x3E, 0xC2])
    private static let attributeSpecials = ByteScan.ByteSet([0x26, 0x3C, 0x3E, 0xC2, 0x22])

    /// `&`, `<`, `>` (and `"` in attributes) as entities, U+00A0 (`C2 A0`) as `&nbsp;`; runs of
    /// other bytes are copied whole.
    private static func escape(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool, to output: inout [UInt8]) {
        let specials = quotes ? attributeSpecials : textSpecials
        var runStart = 0
        var position = 0
        while position < text.count {
            let byte = text[position]
            guard specials.contains(byte) else {
                position += 1
                continue
            }
            let entity: StaticString
            var width = 1
            switch byte {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            default:
                guard position + 1 < text.count && text[position + 1] == 0xA0 else {
                    position += 1
                    continue
                }
                entity = "&nbsp;"
                width = 2
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<position]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            position += width
            runStart = position
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<position]))
    }
}
