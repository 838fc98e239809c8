/// One node of a parsed HTML fragment, copied out of libxml2 into plain values.
///
/// The converters and the equivalence check work on this tree, never on libxml2's pointers, so that a
/// tree can be normalised, compared and handed between threads.
enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    case text(String)
    case comment(String)
    /// A node kind statements never contain (processing instruction, CDATA…), kept so it is not lost.
    case other(kind: String, content: String)

    var element: HTMLElement? {
        if case .element(let element) = self { element } else { nil }
    }
}

/// An HTML element: lower-case name, attributes sorted by name, children in document order.
struct HTMLElement: Sendable, Equatable {
    var name: String
    var attributes: [HTMLAttribute]
    var children: [HTMLNode]

    init(name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = []) {
        self.name = name
        self.attributes = attributes.sorted { $0.name < $1.name }
        self.children = children
    }

    /// The value of the attribute `name`, or nil when absent.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// One attribute. A valueless attribute has the empty string as value, except HTML's boolean ones, which
/// libxml2 gives their own name (`<input disabled>` has `disabled="disabled"`).
struct HTMLAttribute: Sendable, Equatable {
    var name: String
    var value: String
}
