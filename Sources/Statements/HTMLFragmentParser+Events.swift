import CLibXML2

extension HTMLFragmentParser {
    /// Parses `html` (UTF-8 holding no NUL byte) exactly as `withBody(ofUTF8:_:)` does — the same
    /// document, options and encoding, through the same `htmlDoRead` — but hands libxml2's SAX events
    /// to `handler` instead of letting libxml2 build a document: `context` reaches each callback as
    /// the parser context's `_private` (the callbacks' first argument is the parser context). libxml2's
    /// messages go to the handler's `serror`, never to a thread's global handler. False when libxml2
    /// could not start a parse at all (`withBody` then has no document either).
    static func stream(
        ofUTF8 html: some Collection<UInt8>, handler: htmlSAXHandler, context: UnsafeMutableRawPointer
    ) -> Bool {
        _ = initialised
        guard let parser = htmlNewParserCtxt() else { return false }
        defer { htmlFreeParserCtxt(parser) }
        // `htmlReadMemory` starts from an XML parser context, whose dictionary of names stops growing at
        // 10 MB (a document with more distinct tag and attribute names loses the rest); an HTML one has
        // no such cap, so it is set here.
        xmlDictSetLimit(parser.pointee.dict, Int(XML_MAX_DICTIONARY_LIMIT))
        parser.pointee.sax.pointee = handler
        parser.pointee._private = context
        let source = document(around: html)
        let document = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlCtxtReadMemory(parser, characters.baseAddress, Int32(clamping: characters.count), nil, "UTF-8",
                                   options)
            }
        }
        // The handler builds nothing, so there is no document; free one should a future libxml2 make it.
        if let document { xmlFreeDoc(document) }
        return true
    }
}
