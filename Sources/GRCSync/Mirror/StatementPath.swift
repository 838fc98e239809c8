/// Safe, deterministic, unique file paths for statements, made from remote data.
///
/// Names come from ServiceNow (system and control names), so they are treated as hostile: no `/`, `\`,
/// `..`, NUL or control characters, nothing that escapes `statements/`, and no two records whose names
/// differ only by case share a file (a case-insensitive file system would merge them).
public enum StatementPath {
    /// The folder all statements live under.
    public static let root = "statements"

    /// Longest file-name stem kept, in characters, so paths stay well inside every file system's limits.
    static let maximumComponentLength = 80

    /// Names Windows reserves for devices; a folder or file called so would be unusable there.
    static let reservedNames: Set<String> = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    /// Turns one remote name into a safe path component: letters, digits and `.-_()` are kept, spaces
    /// become `-`, anything else becomes `_`; a dot at either end becomes `_`; empty becomes `unnamed`.
    public static func component(_ name: String) -> String {
        // By UTF-8 byte (a first pull names 100,000 files): each scalar outside ASCII becomes one `_`,
        // written for its lead byte; its continuation bytes (0x80–0xBF) write nothing.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "("), UInt8(ascii: ")"):
                bytes.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "-"))
            case 0x80...0xBF: continue
            default: bytes.append(UInt8(ascii: "_"))
            }
        }
        // Only ASCII is left, so bytes are characters: a name cannot start or end with a dot (`.`, `..`,
        // hidden files, names Windows trims).
        if bytes.first == UInt8(ascii: ".") { bytes[0] = UInt8(ascii: "_") }
        if bytes.count > maximumComponentLength { bytes.removeLast(bytes.count - maximumComponentLength) }
        if bytes.last == UInt8(ascii: ".") { bytes[bytes.count - 1] = UInt8(ascii: "_") }
        var out = bytes.isEmpty ? "unnamed" : String(decoding: bytes, as: UTF8.self)
        // Reserved names are three or four letters: a longer stem (the name up to its first dot) is none.
        let stemLength = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        if stemLength <= 4, reservedNames.contains(out.lowercased()) || reservedNames.contains(stem(of: out).lowercased()) {
            out += "_"
        }
        return out
    }

    /// The folder of a system's statements: `statements/<system>`.
    public static func folder(system: String) -> String {
        "\(root)/\(component(system))"
    }

    /// The path for a new record: `statements/<system>/<control>.<ext>`, with `~2`, `~3`… added to the
    /// stem when another file already has that name ignoring case. `taken` holds the paths in use and
    /// is updated with the chosen one.
    public static func make(system: String, control: String, fileExtension: String, taken: inout Set<CaseFoldedPath>)
        -> String
    {
        make(inFolder: folder(system: system), control: control, fileExtension: fileExtension, taken: &taken)
    }

    /// `make(system:control:fileExtension:taken:)` with the system's `folder(system:)` already made (a
    /// first pull names hundreds of statements in each folder).
    public static func make(inFolder folder: String, control: String, fileExtension: String,
                            taken: inout Set<CaseFoldedPath>) -> String
    {
        let stem = component(control)
        var candidate = "\(folder)/\(stem).\(fileExtension)"
        var counter = 2
        while !taken.insert(CaseFoldedPath(candidate)).inserted {
            candidate = "\(folder)/\(stem)~\(counter).\(fileExtension)"
            counter += 1
        }
        return candidate
    }

    /// The same path with another extension (a statement that moves between `.md` and `.html`).
    public static func replacingExtension(of path: String, with fileExtension: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else {
            return "\(path).\(fileExtension)"
        }
        return "\(path[..<dot]).\(fileExtension)"
    }

    /// Whether a repository path is a statement file (under `statements/`, `.html` or `.md`).
    public static func isStatement(_ path: String) -> Bool {
        path.hasPrefix(root + "/") && (path.hasSuffix(".html") || path.hasSuffix(".md"))
    }

    private static func stem(of name: String) -> String {
        name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    }
}
