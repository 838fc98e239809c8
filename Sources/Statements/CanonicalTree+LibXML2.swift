import CLibXML2

extension CanonicalTree {
    /// The fragment of `html` as libxml2 parses it (through `HTMLFragmentParser`, like every other
    /// reader), holding what `HTMLFragmentParser.parse` would copy out: the same nodes, names, texts and
    /// attributes, attributes sorted the same way. When libxml2 cannot parse the HTML at all the tree is
    /// one text node holding it, as `parse` gives.
    static func parse(_ html: String) -> CanonicalTree {
        let capacity = html.utf8.count
        let (parsed, _) = HTMLFragmentParser.withBody(of: html) { build($0, capacity: capacity) }
        return parsed ?? unparsed(html.utf8)
    }

    /// `parse(String(decoding: html, as: UTF8.self))` for valid UTF-8, without making the `String`.
    static func parse(utf8 html: [UInt8]) -> CanonicalTree {
        if html.contains(0) { return parse(String(decoding: html, as: UTF8.self)) }
        let (parsed, _) = HTMLFragmentParser.withBody(ofUTF8: html) { build($0, capacity: html.count) }
        return parsed ?? unparsed(html)
    }

    private static func build(_ body: xmlNodePtr?, capacity: Int) -> CanonicalTree {
        var builder = Builder(tree: CanonicalTree(capacity: capacity))
        if let body { builder.appendChildren(of: body, to: root) }
        return builder.tree
    }

    private static func unparsed(_ html: some Collection<UInt8>) -> CanonicalTree {
        var tree = CanonicalTree(capacity: html.count)
        tree.bytes.append(contentsOf: html)
        tree.append(.text, start: 0, end: tree.bytes.count, to: root)
        return tree
    }

    /// Copies libxml2's nodes into a tree.
    private struct Builder {
        var tree: CanonicalTree
        /// Element names by libxml2's interned name pointer: a statement has a handful of distinct
        /// tags, each converted and classified once.
        private var names: [(pointer: UnsafePointer<xmlChar>, flags: ElementFlags, start: Int32, end: Int32)] = []

        init(tree: CanonicalTree) { self.tree = tree }

        mutating func appendChildren(of parent: xmlNodePtr, to treeParent: Int32) {
            var child = parent.pointee.children
            while let current = child {
                append(current, to: treeParent)
                child = current.pointee.next
            }
        }

        private mutating func append(_ node: xmlNodePtr, to parent: Int32) {
            let start = tree.bytes.count
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let (flags, nameStart, nameEnd) = elementName(node.pointee.name)
                let index = tree.append(.element, start: nameStart, end: nameEnd, to: parent)
                tree.nodes[Int(index)].flags = flags
                appendAttributes(of: node, to: index)
                appendChildren(of: node, to: index)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendText(node.pointee.content)
                tree.append(.text, start: start, end: tree.bytes.count, to: parent)
            case XML_COMMENT_NODE:
                appendText(node.pointee.content)
                tree.append(.comment, start: start, end: tree.bytes.count, to: parent)
            case XML_PI_NODE:
                appendLowercased(node.pointee.name)
                tree.bytes.append(0x20)
                appendText(node.pointee.content)
                tree.append(.processingInstruction, start: start, end: tree.bytes.count, to: parent)
            case XML_ENTITY_REF_NODE:
                appendLowercased(node.pointee.name)
                tree.append(.entityReference, start: start, end: tree.bytes.count, to: parent)
            default:
                break
            }
        }

        private mutating func elementName(_ pointer: UnsafePointer<xmlChar>?) -> (ElementFlags, Int, Int) {
            guard let pointer else { return ([], 0, 0) }
            for name in names where name.pointer == pointer { return (name.flags, Int(name.start), Int(name.end)) }
            let start = tree.bytes.count
            appendLowercased(pointer)
            let flags = tree.bytes[start...].withUnsafeBufferPointer { ElementFlags(utf8: $0) }
            names.append((pointer, flags, Int32(start), Int32(tree.bytes.count)))
            return (flags, start, tree.bytes.count)
        }

        private mutating func appendAttributes(of node: xmlNodePtr, to element: Int32) {
            let first = tree.attributes.count
            var property = node.pointee.properties
            while let current = property {
                let nameStart = tree.bytes.count
                appendLowercased(current.pointee.name)
                let valueStart = tree.bytes.count
                var child = current.pointee.children
                while let text = child {
                    appendText(text.pointee.content)
                    child = text.pointee.next
                }
                tree.attributes.append(Attribute(
                    nameStart: Int32(nameStart), nameEnd: Int32(valueStart), valueStart: Int32(valueStart),
                    valueEnd: Int32(tree.bytes.count)))
                property = current.pointee.next
            }
            if tree.attributes.count - first > 1 {
                let bytes = tree.bytes
                tree.attributes[first...].sort { Self.precedes($0, $1, in: bytes) }
            }
            tree.nodes[Int(element)].firstAttribute = Int32(first)
            tree.nodes[Int(element)].endAttribute = Int32(tree.attributes.count)
        }

        /// `HTMLElement`'s order: `String`'s `<` on the names, which for ASCII is the order of the bytes.
        private static func precedes(_ a: Attribute, _ b: Attribute, in bytes: [UInt8]) -> Bool {
            let left = bytes[Int(a.nameStart)..<Int(a.nameEnd)], right = bytes[Int(b.nameStart)..<Int(b.nameEnd)]
            if left.allSatisfy({ $0 < 0x80 }) && right.allSatisfy({ $0 < 0x80 }) {
                return left.lexicographicallyPrecedes(right)
            }
            return String(decoding: left, as: UTF8.self) < String(decoding: right, as: UTF8.self)
        }

        /// Appends what `String(cString:)` gives for `pointer` ("" for nil): the bytes themselves when
        /// they are valid UTF-8, else the repaired string.
        private mutating func appendText(_ pointer: UnsafePointer<xmlChar>?) {
            guard let pointer else { return }
            let text = UnsafeBufferPointer(start: pointer, count: ByteScan.length(pointer))
            if ByteScan.isASCII(text) || UTF8Validation.isValid(text) {
                tree.bytes.append(contentsOf: text)
            } else {
                tree.bytes.append(contentsOf: String(cString: pointer).utf8)
            }
        }

        /// Appends what `String(cString:).lowercased()` gives for `pointer` ("" for nil).
        private mutating func appendLowercased(_ pointer: UnsafePointer<xmlChar>?) {
            guard let pointer else { return }
            let name = UnsafeBufferPointer(start: pointer, count: ByteScan.length(pointer))
            if ByteScan.isASCII(name) {
                for byte in name { tree.bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
            } else {
                tree.bytes.append(contentsOf: String(cString: pointer).lowercased().utf8)
            }
        }
    }
}
