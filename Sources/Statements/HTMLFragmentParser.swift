import CLibXML2

/// The result of parsing a statement's HTML with libxml2: the nodes of the fragment and the parser's
/// complaints about its structure.
struct ParsedHTML: Sendable {
    /// The fragment's top-level nodes (the children of the implied `<body>`).
    var nodes: [HTMLNode]
    /// libxml2's messages for repairs it had to make (mismatched or stray tags, invalid characters…),
    /// in order. Harmless complaints (a bare `&`, unknown tags) are left out.
    var structuralErrors: [String]
}

/// Parses statement HTML with libxml2's HTML parser (the same parser for every input, so the
/// equivalence check and the converters always agree on the tree).
enum HTMLFragmentParser {
    /// libxml2 wants one initialisation before threads use it; a static runs it once, thread-safely.
    static let initialised: Void = { xmlInitParser() }()

    /// libxml2 error codes that report a spelling HTML tolerates, not a repaired structure.
    private static let harmlessErrorCodes: Set<Int32> = [
        Int32(XML_ERR_NAME_REQUIRED.rawValue),  // "&" not followed by a name: a literal ampersand
        Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue),  // "&foo" without ";": literal text
        Int32(XML_HTML_UNKNOWN_TAG.rawValue),  // reported by the converters by name instead
    ]

    /// With `<body>` open, libxml2 keeps top-level text as it is instead of wrapping it in an implied
    /// `<p>`. Nothing is appended: a closing tag would be swallowed by an unterminated tag at the end of
    /// the input, and libxml2 closes open elements at the end anyway.
    private static let prefix = "<html><body>"

    /// What every parse asks of libxml2: no messages printed, no network, no implied `<html>`/`<body>`
    /// (the prefix supplies them), the encoding given (UTF-8) over any `<meta>`, no default DTD.
    static let options = Int32(
        HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NODEFDTD.rawValue)

    static func parse(_ html: String) -> ParsedHTML {
        let (nodes, errors) = withBody(of: html) { body in body.map(children(of:)) ?? [] }
        guard let nodes else {
            return ParsedHTML(nodes: [.text(html)], structuralErrors: ["libxml2 could not parse the HTML"])
        }
        return ParsedHTML(nodes: nodes, structuralErrors: errors)
    }

    /// Parses `html` and hands `read` the implied `<body>` (nil when the document has none) while the
    /// document is alive. The result is nil when libxml2 could not parse the HTML at all; the errors are
    /// the structural ones (see `ParsedHTML.structuralErrors`). Every reader of statement HTML goes
    /// through here, so all of them see the same tree.
    static func withBody<Result>(of html: String, _ read: (xmlNodePtr?) -> Result)
        -> (result: Result?, structuralErrors: [String])
    {
        // libxml2 stops reading at a NUL byte, which would hide everything after it from the
        // comparison; HTML parsers read NUL as U+FFFD, and so does this one. (Looking for the byte
        // first spares the search by `Character` for the text that has none, which is nearly all.)
        if ByteScan.containsNUL(html) {
            let source = html.contains("\u{0}") ? html.replacingNUL() : html
            return withBody(ofUTF8: source.utf8, read)
        }
        return withBody(ofUTF8: html.utf8, read)
    }

    /// `withBody(of:_:)` for HTML given as UTF-8 bytes that hold no NUL byte.
    static func withBody<Result>(ofUTF8 html: some Collection<UInt8>, _ read: (xmlNodePtr?) -> Result)
        -> (result: Result?, structuralErrors: [String])
    {
        _ = initialised
        let source = document(around: html)
        let collector = ErrorCollector()
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }
        // The structured error handler is per thread in libxml2; set and restore it around this
        // synchronous call so other users of libxml2 (Foundation) are not affected.
        let previousHandler = __xmlStructuredError()?.pointee
        let previousContext = __xmlStructuredErrorContext()?.pointee
        xmlSetStructuredErrorFunc(context.toOpaque()) { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
            collector.record(code: Int32(error.pointee.code), message: error.pointee.message)
        }
        defer { xmlSetStructuredErrorFunc(previousContext ?? nil, previousHandler ?? nil) }
        let document = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlReadMemory(characters.baseAddress, Int32(clamping: characters.count), nil, "UTF-8", options)
            }
        }
        let errors = { collector.errors.filter { !harmlessErrorCodes.contains($0.code) }.map(\.message) }
        guard let document else { return (nil, errors()) }
        defer { xmlFreeDoc(document) }
        let result = read(findBody(in: xmlDocGetRootElement(document)))
        return (result, errors())
    }

    /// The document libxml2 is given: the prefix, then the fragment.
    static func document(around html: some Collection<UInt8>) -> [UInt8] {
        var source: [UInt8] = []
        source.reserveCapacity(prefix.utf8.count + html.count)
        source.append(contentsOf: prefix.utf8)
        source.append(contentsOf: html)
        return source
    }

    private static func findBody(in root: xmlNodePtr?) -> xmlNodePtr? {
        var node = root?.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, name(of: current) == "body" { return current }
            node = current.pointee.next
        }
        return nil
    }

    private static func children(of parent: xmlNodePtr) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var node = parent.pointee.children
        while let current = node {
            if let converted = convert(current) { result.append(converted) }
            node = current.pointee.next
        }
        return result
    }

    private static func convert(_ node: xmlNodePtr) -> HTMLNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            return .element(HTMLElement(name: name(of: node), attributes: attributes(of: node),
                                        children: children(of: node)))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return .text(content(of: node))
        case XML_COMMENT_NODE:
            return .comment(content(of: node))
        case XML_PI_NODE:
            return .other(kind: "processing instruction", content: name(of: node) + " " + content(of: node))
        case XML_ENTITY_REF_NODE:
            return .other(kind: "entity reference", content: name(of: node))
        default:
            return nil
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [HTMLAttribute] {
        var result: [HTMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += content(of: text)
                child = text.pointee.next
            }
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            result.append(HTMLAttribute(name: name.lowercased(), value: value))
            attribute = current.pointee.next
        }
        return result
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func content(of node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }
}

/// Collects libxml2's errors during one parse (used from one thread only, inside `parse`).
private final class ErrorCollector {
    struct Entry {
        var code: Int32
        var message: String
    }

    var errors: [Entry] = []

    func record(code: Int32, message: UnsafeMutablePointer<CChar>?) {
        let text = message.map { String(cString: $0) } ?? "error \(code)"
        errors.append(Entry(code: code, message: text.trimmingTrailingNewlines()))
    }
}

extension String {
    func replacingNUL() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    func trimmingTrailingNewlines() -> String {
        var result = self
        while let last = result.last, last == "\n" || last == "\r" || last == "\r\n" { result.removeLast() }
        return result
    }
}
