import CLibXML2

extension CanonicalTree {
    /// The fragment of `html` as libxml2 parses it (through `HTMLFragmentParser`, like every other
    /// reader), holding what `HTMLFragmentParser.parse` would copy out of libxml2's document: the same
    /// nodes, names, texts and attributes, attributes sorted the same way. When libxml2 cannot parse
    /// the HTML at all the tree is one text node holding it, as `parse` gives.
    ///
    /// The tree is built from libxml2's SAX events (`SAXBuilder`, below) instead of from a document:
    /// the document's nodes, strings and `xmlFreeDoc` were a quarter of each parse, and `layOut` parses
    /// every statement twice. `CanonicalFormDifferentialTests` holds it to the document-based reading.
    static func parse(_ html: String) -> CanonicalTree {
        if ByteScan.containsNUL(html) {
            // `HTMLFragmentParser.withBody(of:)`'s rule for NUL, on the same bytes; the text kept when
            // libxml2 cannot parse is the original, as `HTMLFragmentParser.parse` keeps it.
            let source = html.contains("\u{0}") ? html.replacingNUL() : html
            return build(source.utf8) ?? unparsed(html.utf8)
        }
        return build(html.utf8) ?? unparsed(html.utf8)
    }

    /// `parse(String(decoding: html, as: UTF8.self))` for valid UTF-8, without making the `String`.
    static func parse(utf8 html: [UInt8]) -> CanonicalTree {
        if html.contains(0) { return parse(String(decoding: html, as: UTF8.self)) }
        return build(html) ?? unparsed(html)
    }

    /// The tree, or nil when libxml2 could not run the parse (no document, for `withBody`).
    private static func build(_ html: some Collection<UInt8>) -> CanonicalTree? {
        var builder = SAXBuilder(tree: CanonicalTree(capacity: html.count))
        let started = withUnsafeMutablePointer(to: &builder) { pointer in
            HTMLFragmentParser.stream(ofUTF8: html, handler: SAXBuilder.handler(), context: UnsafeMutableRawPointer(pointer))
        }
        // The prefix always opens a <body>; a parse that never reached it is one libxml2 could not run.
        guard started, builder.foundBody else { return nil }
        builder.finishText()
        return builder.tree
    }

    private static func unparsed(_ html: some Collection<UInt8>) -> CanonicalTree {
        var tree = CanonicalTree(capacity: html.count)
        tree.bytes.append(contentsOf: html)
        tree.append(.text, start: 0, end: tree.bytes.count, to: root)
        return tree
    }
}

/// Builds the `<body>` of the document libxml2's own tree builder (`SAX2.c`) would build from the same
/// events, node for node:
/// * an element goes under the element libxml2's name stack says is open (`nameNr`), which is also how
///   deep its tree builder's node stack is — including after a start tag without its `>`, which libxml2
///   takes off both stacks without an end event;
/// * a prefixed element name keeps its local part only (`o:p` is a `p`), by the same `xmlSplitQName`
///   call on the same parser context; an attribute keeps its whole name, and a valueless boolean
///   attribute (`checked`) its name as its value;
/// * text arrives in pieces and joins the previous piece while that is still its parent's last child
///   and of the same kind (text or CDATA);
/// * a text that would grow past `XML_MAX_TEXT_LENGTH` (10 MB) and nesting deeper than
///   `xmlParserMaxDepth` stop the parse where the tree builder stops it;
/// * only the first `<body>` counts (the one `findBody` returns): whatever comes after it closes is
///   outside, as in the document.
private struct SAXBuilder {
    private enum Phase {
        case beforeBody
        case inBody
        case afterBody
    }

    var tree: CanonicalTree
    private var phase = Phase.beforeBody
    /// libxml2's `nameNr` while `<body>` is the innermost open element.
    private var bodyLevel: Int32 = 0
    /// The open elements: `open[0]` is the tree's root, standing for `<body>`; `open[k]` is the element
    /// open at depth `k` below it.
    private var open: [Int32] = [CanonicalTree.root]
    /// The text node receiving pieces, under `parent`; `isCDATA` tells the two kinds libxml2 keeps apart.
    private var text: (node: Int32, parent: Int32, isCDATA: Bool)?
    /// Element names by libxml2's interned name pointer: a statement has a handful of distinct tags,
    /// each converted and classified once.
    private var names: [(pointer: UnsafePointer<xmlChar>, flags: ElementFlags, start: Int32, end: Int32)] = []

    init(tree: CanonicalTree) { self.tree = tree }

    var foundBody: Bool { phase != .beforeBody }

    // MARK: Events

    mutating func startElement(
        _ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        parser: htmlParserCtxtPtr
    ) {
        let level = parser.pointee.nameNr  // already counts this element
        switch phase {
        case .beforeBody:
            // <html> is level 1, the prefix's <body> level 2.
            if level == 2, let name, xmlStrEqual(name, "body") != 0 {
                phase = .inBody
                bodyLevel = level
            }
            return
        case .afterBody:
            return
        case .inBody:
            guard level > bodyLevel else { return leaveBody() }
        }
        // The tree builder refuses a node below `xmlParserMaxDepth` open ones and halts the parser.
        if UInt32(level - 1) > grcsync_xml_parser_max_depth() {
            xmlStopParser(parser)
            return leaveBody()
        }
        let parent = openElement(atDepth: level - bodyLevel - 1)
        finishText()
        let (flags, nameStart, nameEnd) = elementName(name, parser: parser)
        let index = tree.append(.element, start: nameStart, end: nameEnd, to: parent)
        tree.nodes[Int(index)].flags = flags
        appendAttributes(attributes, to: index)
        open.append(index)
    }

    mutating func endElement(parser: htmlParserCtxtPtr) {
        guard phase == .inBody else { return }
        let level = parser.pointee.nameNr  // still counts the element that ends
        guard level > bodyLevel else { return leaveBody() }
        finishText()
        if open.count > Int(level - bodyLevel) { open.removeSubrange(Int(level - bodyLevel)...) }
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int32, isCDATA: Bool, parser: htmlParserCtxtPtr) {
        guard phase == .inBody, let bytes, count > 0 else { return }
        let level = parser.pointee.nameNr
        guard level >= bodyLevel else { return leaveBody() }
        let parent = openElement(atDepth: level - bodyLevel)
        let piece = UnsafeBufferPointer(start: bytes, count: Int(count))
        // Every other event ends the receiving text (`finishText`) before it adds anything, so a text
        // still receiving is its parent's last child and the last bytes written.
        if let text, text.parent == parent, text.isCDATA == isCDATA {
            // The tree builder will not grow a text past XML_MAX_TEXT_LENGTH: it drops the piece and
            // stops the parse.
            let length = Int(tree.nodes[Int(text.node)].end - tree.nodes[Int(text.node)].start)
            if length + piece.count > Int(XML_MAX_TEXT_LENGTH), parser.pointee.options & Int32(XML_PARSE_HUGE.rawValue) == 0 {
                xmlStopParser(parser)
                return leaveBody()
            }
            tree.bytes.append(contentsOf: piece)
            tree.nodes[Int(text.node)].end = Int32(tree.bytes.count)
            return
        }
        finishText()
        let start = tree.bytes.count
        tree.bytes.append(contentsOf: piece)
        let node = tree.append(.text, start: start, end: tree.bytes.count, to: parent)
        text = (node, parent, isCDATA)
    }

    mutating func comment(_ content: UnsafePointer<xmlChar>?, parser: htmlParserCtxtPtr) {
        guard let parent = parentForLeaf(parser: parser) else { return }
        let start = tree.bytes.count
        appendText(content)
        tree.append(.comment, start: start, end: tree.bytes.count, to: parent)
    }

    mutating func processingInstruction(
        _ target: UnsafePointer<xmlChar>?, _ data: UnsafePointer<xmlChar>?, parser: htmlParserCtxtPtr
    ) {
        guard let parent = parentForLeaf(parser: parser) else { return }
        let start = tree.bytes.count
        appendLowercased(target)
        tree.bytes.append(0x20)
        appendText(data)
        tree.append(.processingInstruction, start: start, end: tree.bytes.count, to: parent)
    }

    /// Ends the text node receiving pieces: its bytes are kept as they are when they are valid UTF-8
    /// (what `String(cString:)` keeps), else replaced by the repaired string.
    mutating func finishText() {
        guard let text else { return }
        self.text = nil
        let (start, end) = (Int(tree.nodes[Int(text.node)].start), Int(tree.nodes[Int(text.node)].end))
        let valid = tree.bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            return ByteScan.isASCII(slice) || UTF8Validation.isValid(slice)
        }
        if valid { return }
        let repaired = Array(String(decoding: tree.bytes[start..<end], as: UTF8.self).utf8)
        tree.bytes.replaceSubrange(start..<end, with: repaired)  // the last bytes written (see `characters`)
        tree.nodes[Int(text.node)].end = Int32(start + repaired.count)
    }

    // MARK: Structure

    private mutating func leaveBody() {
        finishText()
        phase = .afterBody
    }

    /// The open element at `depth` below `<body>`, closing any deeper one libxml2 has closed.
    private mutating func openElement(atDepth depth: Int32) -> Int32 {
        let depth = Int(depth)
        if open.count > depth + 1 { open.removeSubrange((depth + 1)...) }
        return open[min(depth, open.count - 1)]
    }

    /// The parent of a comment or processing instruction about to be added, nil outside `<body>`.
    private mutating func parentForLeaf(parser: htmlParserCtxtPtr) -> Int32? {
        guard phase == .inBody else { return nil }
        let level = parser.pointee.nameNr
        guard level >= bodyLevel else {
            leaveBody()
            return nil
        }
        let parent = openElement(atDepth: level - bodyLevel)
        finishText()
        return parent
    }

    // MARK: Names, attributes, strings

    private mutating func elementName(_ pointer: UnsafePointer<xmlChar>?, parser: htmlParserCtxtPtr) -> (ElementFlags, Int, Int) {
        guard let pointer else { return ([], 0, 0) }
        if xmlStrchr(pointer, 0x3A) != nil {
            // The tree builder names the element by its local part.
            var prefix: UnsafeMutablePointer<xmlChar>?
            let local = xmlSplitQName(parser, pointer, &prefix)
            defer {
                grcsync_xml_free(local)
                grcsync_xml_free(prefix)
            }
            return appendName(local.map { UnsafePointer($0) } ?? pointer)
        }
        for name in names where name.pointer == pointer { return (name.flags, Int(name.start), Int(name.end)) }
        let name = appendName(pointer)
        names.append((pointer, name.flags, Int32(name.start), Int32(name.end)))
        return name
    }

    /// Appends an element's name, lower-cased, and classifies it.
    private mutating func appendName(_ pointer: UnsafePointer<xmlChar>) -> (flags: ElementFlags, start: Int, end: Int) {
        let start = tree.bytes.count
        appendLowercased(pointer)
        let flags = tree.bytes[start...].withUnsafeBufferPointer { ElementFlags(utf8: $0) }
        return (flags, start, tree.bytes.count)
    }

    private mutating func appendAttributes(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, to element: Int32) {
        let first = tree.attributes.count
        var pair = attributes
        while let current = pair, let name = current[0] {
            let nameStart = tree.bytes.count
            appendLowercased(name)
            let valueStart = tree.bytes.count
            if let value = current[1] {
                appendText(value)
            } else if htmlIsBooleanAttr(name) != 0 {
                appendText(name)
            }
            tree.attributes.append(CanonicalTree.Attribute(
                nameStart: Int32(nameStart), nameEnd: Int32(valueStart), valueStart: Int32(valueStart),
                valueEnd: Int32(tree.bytes.count)))
            pair = current + 2
        }
        if tree.attributes.count - first > 1 {
            let bytes = tree.bytes
            tree.attributes[first...].sort { Self.precedes($0, $1, in: bytes) }
        }
        tree.nodes[Int(element)].firstAttribute = Int32(first)
        tree.nodes[Int(element)].endAttribute = Int32(tree.attributes.count)
    }

    /// `HTMLElement`'s order: `String`'s `<` on the names, which for ASCII is the order of the bytes.
    private static func precedes(_ a: CanonicalTree.Attribute, _ b: CanonicalTree.Attribute, in bytes: [UInt8]) -> Bool {
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

extension SAXBuilder {
    /// The callbacks, each handing its event on with `receive`.
    static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            receive(context) { $0.startElement(name, attributes, parser: $1) }
        }
        handler.endElement = { context, _ in receive(context) { $0.endElement(parser: $1) } }
        handler.characters = { context, bytes, count in
            receive(context) { $0.characters(bytes, count: count, isCDATA: false, parser: $1) }
        }
        handler.cdataBlock = { context, bytes, count in
            receive(context) { $0.characters(bytes, count: count, isCDATA: true, parser: $1) }
        }
        handler.comment = { context, content in receive(context) { $0.comment(content, parser: $1) } }
        handler.processingInstruction = { context, target, data in
            receive(context) { $0.processingInstruction(target, data, parser: $1) }
        }
        // Messages go nowhere (the document-based reading collects them; the tree has no use for them).
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.serror = { _, _ in }
        return handler
    }

}

/// Hands an event to the builder the parser context's `_private` points to (a free function: a C
/// callback cannot capture even the type it belongs to).
private func receive(_ context: UnsafeMutableRawPointer?, _ event: (inout SAXBuilder, htmlParserCtxtPtr) -> Void) {
    guard let parser = context?.assumingMemoryBound(to: htmlParserCtxt.self),
          let builder = parser.pointee._private?.assumingMemoryBound(to: SAXBuilder.self)
    else { return }
    event(&builder.pointee, parser)
}
