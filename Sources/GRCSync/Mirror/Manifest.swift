public import Foundation

/// The manifest: every statement file of the mirror and the record behind it, one JSON object per line,
/// sorted by path so that Git merges it line by line.
public struct Manifest: Sendable, Equatable {
    /// Where the manifest lives in a workspace tree.
    public static let path = ".grcsync/manifest.jsonl"

    /// Entries by path.
    public private(set) var entries: [String: ManifestEntry] = [:]

    /// `sys_id` → path of its entry, kept up to date by `insert` and `remove` so that looking up a record
    /// costs one hash, not a rebuilt dictionary.
    private var pathBySysID: [String: String] = [:]
    /// Further paths of a `sys_id` that has more than one entry (only a hand-edited or merged manifest
    /// has them); usually empty.
    private var otherPathsBySysID: [String: [String]] = [:]

    public init(_ entries: [ManifestEntry] = []) {
        for entry in entries { insert(entry) }
    }

    public static func == (lhs: Manifest, rhs: Manifest) -> Bool { lhs.entries == rhs.entries }

    /// Entries in path order.
    public var sortedEntries: [ManifestEntry] {
        // Sorting the keys moves 16-byte strings; sorting the entries would move whole entries.
        entries.keys.sorted().compactMap { entries[$0] }
    }

    /// How many entries there are.
    public var count: Int { entries.count }

    /// Makes room for `capacity` entries, so that adding 100,000 does not grow the tables step by step.
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
        pathBySysID.reserveCapacity(capacity)
    }

    /// The entry of a record, by `sys_id`.
    public func entry(sysID: String) -> ManifestEntry? { pathBySysID[sysID].flatMap { entries[$0] } }

    /// The entry of a file, by path.
    public func entry(path: String) -> ManifestEntry? { entries[path] }

    /// Adds or replaces an entry (keyed by path). True when the manifest changed.
    @discardableResult
    public mutating func insert(_ entry: ManifestEntry) -> Bool {
        if let previous = entries.updateValue(entry, forKey: entry.path) {
            if previous.sysID == entry.sysID { return previous != entry }
            unindex(previous)
        }
        // One hash in the usual case, a `sys_id` seen for the first time; the first path stays its path.
        if let first = pathBySysID.updateValue(entry.path, forKey: entry.sysID) {
            pathBySysID[entry.sysID] = first
            otherPathsBySysID[entry.sysID, default: []].append(entry.path)
        }
        return true
    }

    /// Removes the entry of a path. True when there was one.
    @discardableResult
    public mutating func remove(path: String) -> Bool {
        guard let previous = entries.removeValue(forKey: path) else { return false }
        unindex(previous)
        return true
    }

    private mutating func unindex(_ entry: ManifestEntry) {
        if pathBySysID[entry.sysID] == entry.path {
            if var others = otherPathsBySysID[entry.sysID], !others.isEmpty {
                pathBySysID[entry.sysID] = others.removeFirst()
                otherPathsBySysID[entry.sysID] = others.isEmpty ? nil : others
            } else {
                pathBySysID[entry.sysID] = nil
            }
        } else if var others = otherPathsBySysID[entry.sysID] {
            others.removeAll { $0 == entry.path }
            otherPathsBySysID[entry.sysID] = others.isEmpty ? nil : others
        }
    }

    /// The `sys_id` → entry index, for callers that want a dictionary of their own.
    public func indexBySysID() -> [String: ManifestEntry] { pathBySysID.compactMapValues { entries[$0] } }

    /// Parses the manifest file; `origin` names it in errors (e.g. a commit id). Lines are read in
    /// parallel when the file is large (`ManifestFileReader`); entries are then added in file order, so a
    /// path listed twice keeps its last line, as it always did.
    public init(jsonl data: Data, origin: String) throws(ManifestError) {
        let entries = try ManifestFileReader.entries(in: data, origin: origin)
        reserveCapacity(entries.count)
        for entry in entries { insert(entry) }
    }

    /// The file's bytes: one line per entry, keys in a fixed order, sorted by path, final newline.
    public func jsonl() -> Data {
        var out = Data(capacity: entries.count * 320)
        writeJSONL { out.append(contentsOf: $0) }
        return out
    }

    /// The size of `jsonl()`, in bytes, and a way to hand its bytes over in pieces of about 64 KB: a
    /// 100,000-entry manifest (~30 MB) can then be stored without being held whole. The paths are
    /// sorted once for both; the size is counted without writing anything.
    public func jsonlPieces() -> (size: Int, write: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        let order = pathOrder()
        let size = order.reduce(0) { $0 + ManifestLineWriter.length(of: entries.values[$1]) }
        return (size, { write in try writeJSONL(order: order, write) })
    }

    /// Hands `jsonl()`'s bytes to `write` in pieces of about 64 KB.
    public func writeJSONL(_ write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try writeJSONL(order: pathOrder(), write)
    }

    /// The entries' positions in the dictionary, in path order: reading an entry by position costs no
    /// hashing, where looking 100,000 paths up again did.
    private func pathOrder() -> [Dictionary<String, ManifestEntry>.Index] {
        let keys = entries.keys
        return keys.indices.sorted { keys[$0] < keys[$1] }
    }

    private func writeJSONL(order: [Dictionary<String, ManifestEntry>.Index], _ write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        let chunk = 1 << 16
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunk + 4_096)
        for position in order {
            ManifestLineWriter.append(entries.values[position], to: &buffer)
            if buffer.count >= chunk {
                try buffer.withUnsafeBytes(write)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try buffer.withUnsafeBytes(write) }
    }
}

/// The manifest could not be read.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    public var origin: String
    public var line: Int
    public var reason: String

    public var description: String {
        "\(Manifest.path) in \(origin), line \(line), is not valid (\(reason)). The manifest is written only "
            + "by grcsync: if it was edited by hand or by a merge, restore it with "
            + "'git checkout servicenow/main -- \(Manifest.path)'."
    }
}
