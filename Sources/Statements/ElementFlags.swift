/// What `HTMLElementKind` says about one element name, looked up once per name instead of once per
/// question (the canonical form asks several questions of every element in every pass).
struct ElementFlags: OptionSet {
    let rawValue: UInt16

    init(rawValue: UInt16) { self.rawValue = rawValue }

    static let block = ElementFlags(rawValue: 1 << 0)
    static let preformatted = ElementFlags(rawValue: 1 << 1)
    static let rawText = ElementFlags(rawValue: 1 << 2)
    static let void = ElementFlags(rawValue: 1 << 3)
    static let spaceTransparent = ElementFlags(rawValue: 1 << 4)
    /// `<br>`.
    static let lineBreak = ElementFlags(rawValue: 1 << 5)
    /// Raw-text elements, `<select>` and `<button>`: their content is not part of the text flow.
    static let atomicInline = ElementFlags(rawValue: 1 << 6)
    /// Block or preformatted: ends the current line and is normalised on its own.
    static let opaqueBoundary = ElementFlags(rawValue: 1 << 7)

    /// The flags of the element named `name` (lower case), from the sets in `HTMLElementKind`.
    init(name: String) {
        self = Self.byName[name] ?? []
    }

    private init(computingFor name: String) {
        var flags: ElementFlags = []
        if HTMLElementKind.isBlock(name) { flags.insert(.block) }
        if HTMLElementKind.preformatted.contains(name) { flags.insert(.preformatted) }
        if HTMLElementKind.rawText.contains(name) { flags.insert(.rawText) }
        if HTMLElementKind.void.contains(name) { flags.insert(.void) }
        if HTMLElementKind.spaceTransparent.contains(name) { flags.insert(.spaceTransparent) }
        if name == "br" { flags.insert(.lineBreak) }
        if HTMLElementKind.rawText.contains(name) || name == "select" || name == "button" { flags.insert(.atomicInline) }
        if HTMLElementKind.isBlock(name) || HTMLElementKind.preformatted.contains(name) { flags.insert(.opaqueBoundary) }
        self = flags
    }

    /// Every name with a flag; any other name has none.
    private static let byName: [String: ElementFlags] = {
        let names = HTMLElementKind.blockLevel.union(HTMLElementKind.preformatted).union(HTMLElementKind.rawText)
            .union(HTMLElementKind.void).union(HTMLElementKind.spaceTransparent).union(["br", "select", "button"])
        return Dictionary(uniqueKeysWithValues: names.map { ($0, ElementFlags(computingFor: $0)) })
    }()
}
