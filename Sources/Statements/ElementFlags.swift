/// What `HTMLElementKind` says about one element name, looked up once per name instead of once per
/// question (the canonical form and the layout ask several questions of every element).
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
    /// `HTMLElementKind.container`.
    static let container = ElementFlags(rawValue: 1 << 8)
    /// Containers, `<li>`, `<dd>` and `<dt>`: the layout indents their children.
    static let nesting = ElementFlags(rawValue: 1 << 9)

    /// The flags of the element named `name` (lower case), from the sets in `HTMLElementKind`.
    init(name: String) {
        self = Self.byName[name] ?? []
    }

    /// The flags of the element whose lower-case name is the UTF-8 `name`: the same as
    /// `init(name: String(decoding: name, as: UTF8.self))`, found without hashing a `String` when the
    /// name is short ASCII (then equal bytes are exactly equal strings).
    init(utf8 name: UnsafeBufferPointer<UInt8>) {
        if let key = Self.packed(name) {
            self = Self.lookUp(key)
        } else {
            self.init(name: String(decoding: name, as: UTF8.self))
        }
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
        if HTMLElementKind.container.contains(name) { flags.insert(.container) }
        if HTMLElementKind.container.contains(name) || name == "li" || name == "dd" || name == "dt" {
            flags.insert(.nesting)
        }
        self = flags
    }

    /// Every name with a flag; any other name has none.
    private static let names: Set<String> = HTMLElementKind.blockLevel.union(HTMLElementKind.preformatted)
        .union(HTMLElementKind.rawText).union(HTMLElementKind.void).union(HTMLElementKind.spaceTransparent)
        .union(HTMLElementKind.container).union(["br", "select", "button", "li", "dd", "dt"])

    private static let byName: [String: ElementFlags] = Dictionary(
        uniqueKeysWithValues: names.map { ($0, ElementFlags(computingFor: $0)) })

    // MARK: Short ASCII names as one word

    /// The bytes of a 1–8 byte ASCII name without NUL as one little-endian word (zero-padded, so
    /// names of different lengths differ), or nil.
    private static func packed(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !name.isEmpty, name.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (offset, byte) in name.enumerated() {
            guard byte != 0, byte < 0x80 else { return nil }
            key |= UInt64(byte) << UInt64(offset * 8)
        }
        return key
    }

    private static let slotCount = 512

    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55) & (slotCount - 1)
    }

    /// Open addressing over the short names in `byName`; key 0 marks an empty slot.
    private static let slots: [(key: UInt64, flags: ElementFlags)] = {
        var slots = [(key: UInt64, flags: ElementFlags)](repeating: (0, []), count: slotCount)
        for (name, flags) in byName {
            var bytes = Array(name.utf8)
            guard let key = bytes.withUnsafeMutableBufferPointer({ packed(UnsafeBufferPointer($0)) }) else { continue }
            var index = slot(key)
            while slots[index].key != 0 { index = (index + 1) & (slotCount - 1) }
            slots[index] = (key, flags)
        }
        return slots
    }()

    private static func lookUp(_ key: UInt64) -> ElementFlags {
        var index = slot(key)
        while true {
            let entry = slots[index]
            if entry.key == key { return entry.flags }
            if entry.key == 0 { return [] }
            index = (index + 1) & (slotCount - 1)
        }
    }
}
