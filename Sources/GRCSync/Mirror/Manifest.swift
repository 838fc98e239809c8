public import Foundation

/// The manifest: every statement file of the mirror and the record behind it, one JSON object per line,
/// sorted by path so that Git merges it line by line.
public struct Manifest: Sendable, Equatable {
    /// Where the manifest lives in a workspace tree.
    public static let path = ".grcsync/manifest.jsonl"

    /// The entries, in no particular order (`sortedEntries` gives path order). One array of entries with
    /// two small indexes instead of a dictionary of entries: at 100,000 entries a dictionary keyed by path
    /// had 262,144 buckets of 176 bytes (46 MB); the array is 16 MB and each index 1 MB (`SlotIndex`).
    private var storage: [ManifestEntry] = []
    /// Path → position in `storage`.
    private var slotByPath = SlotIndex()
    /// `sys_id` → position of its entry (its first one, should it have several), kept up to date by
    /// `insert` and `remove` so that looking up a record costs one hash, not a rebuilt dictionary.
    private var slotBySysID = SlotIndex()
    /// Further paths of a `sys_id` that has more than one entry (only a hand-edited or merged manifest
    /// has them); usually empty.
    private var otherPathsBySysID: [String: [String]] = [:]

    public init(_ entries: [ManifestEntry] = []) {
        for entry in entries { insert(entry) }
    }

    /// The same entries, whatever order they were added in.
    public static func == (lhs: Manifest, rhs: Manifest) -> Bool {
        lhs.count == rhs.count && lhs.storage.allSatisfy { rhs.entry(path: $0.path) == $0 }
    }

    /// Every entry, in no particular order.
    public var unorderedEntries: [ManifestEntry] { storage }

    /// Entries in path order.
    public var sortedEntries: [ManifestEntry] { Self.pathOrder(of: storage).map { storage[$0] } }

    /// How many entries there are.
    public var count: Int { storage.count }

    /// Makes room for `capacity` entries, so that adding 100,000 does not grow the tables step by step.
    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity)
        let storage = storage
        slotByPath.reserveCapacity(capacity) { storage[Int($0)].path }
        slotBySysID.reserveCapacity(capacity) { storage[Int($0)].sysID }
    }

    /// The entry of a record, by `sys_id`.
    public func entry(sysID: String) -> ManifestEntry? { slot(sysID: sysID).map { storage[Int($0)] } }

    /// The entry of a file, by path.
    public func entry(path: String) -> ManifestEntry? { slot(path: path).map { storage[Int($0)] } }

    // MARK: The indexes (each takes the key of a position from `storage`, so update them first)

    private func slot(path: String) -> Int32? { slotByPath.find(path) { storage[Int($0)].path } }

    private func slot(sysID: String) -> Int32? { slotBySysID.find(sysID) { storage[Int($0)].sysID } }

    @discardableResult
    private mutating func setSlot(_ slot: Int32, path: String) -> Int32? {
        let storage = storage
        return slotByPath.update(path, to: slot) { storage[Int($0)].path }
    }

    @discardableResult
    private mutating func setSlot(_ slot: Int32, sysID: String) -> Int32? {
        let storage = storage
        return slotBySysID.update(sysID, to: slot) { storage[Int($0)].sysID }
    }

    private mutating func removeSlot(path: String) -> Int32? {
        let storage = storage
        return slotByPath.remove(path) { storage[Int($0)].path }
    }

    private mutating func removeSlot(sysID: String) {
        let storage = storage
        slotBySysID.remove(sysID) { storage[Int($0)].sysID }
    }

    /// Adds or replaces an entry (keyed by path). True when the manifest changed.
    @discardableResult
    public mutating func insert(_ entry: ManifestEntry) -> Bool {
        let slot: Int32
        if let existing = self.slot(path: entry.path) {
            slot = existing
            let previous = storage[Int(slot)]
            if previous.sysID == entry.sysID {
                guard previous != entry else { return false }
                storage[Int(slot)] = entry
                return true
            }
            unindex(previous, at: slot)
            storage[Int(slot)] = entry
        } else {
            slot = Int32(storage.count)
            storage.append(entry)
            setSlot(slot, path: entry.path)
        }
        index(entry, at: slot)
        return true
    }

    /// Removes the entry of a path. True when there was one.
    @discardableResult
    public mutating func remove(path: String) -> Bool {
        guard let slot = removeSlot(path: path) else { return false }
        unindex(storage[Int(slot)], at: slot)
        // The last entry takes the freed place (its indexes first, while `storage` still has it at `last`).
        let last = Int32(storage.count - 1)
        if slot != last {
            let moved = storage[Int(last)]
            setSlot(slot, path: moved.path)
            if self.slot(sysID: moved.sysID) == last { setSlot(slot, sysID: moved.sysID) }
            storage[Int(slot)] = moved
        }
        storage.removeLast()
        return true
    }

    /// One hash in the usual case, a `sys_id` seen for the first time; the first path stays its path.
    private mutating func index(_ entry: ManifestEntry, at slot: Int32) {
        if let first = setSlot(slot, sysID: entry.sysID) {
            setSlot(first, sysID: entry.sysID)
            otherPathsBySysID[entry.sysID, default: []].append(entry.path)
        }
    }

    private mutating func unindex(_ entry: ManifestEntry, at slot: Int32) {
        if self.slot(sysID: entry.sysID) == slot {
            if var others = otherPathsBySysID[entry.sysID], !others.isEmpty {
                if let next = self.slot(path: others.removeFirst()) {
                    setSlot(next, sysID: entry.sysID)
                } else {
                    removeSlot(sysID: entry.sysID)
                }
                otherPathsBySysID[entry.sysID] = others.isEmpty ? nil : others
            } else {
                removeSlot(sysID: entry.sysID)
            }
        } else if var others = otherPathsBySysID[entry.sysID] {
            others.removeAll { $0 == entry.path }
            otherPathsBySysID[entry.sysID] = others.isEmpty ? nil : others
        }
    }

    /// The `sys_id` → entry index, for callers that want a dictionary of their own.
    public func indexBySysID() -> [String: ManifestEntry] {
        Dictionary(uniqueKeysWithValues: slotBySysID.positions.map { (storage[Int($0)].sysID, storage[Int($0)]) })
    }

    /// Parses the manifest file; `origin` names it in errors (e.g. a commit id). Lines are read in
    /// parallel when the file is large (`ManifestFileReader`); entries are then added in file order, so a
    /// path listed twice keeps its last line, as it always did.
    public init(jsonl data: consuming Data, origin: String) throws(ManifestError) {
        let entries = try ManifestFileReader.entries(in: data, origin: origin)
        // The file's bytes (36 MB at 100,000 entries) are let go before the indexes are built.
        _ = consume data
        self.init(adopting: entries)
    }

    /// A manifest of `entries` in the order read, taken over as its storage when no path repeats (a
    /// second copy of 100,000 entries is 16 MB); a repeated path keeps its last entry, as `insert` would.
    init(adopting entries: [ManifestEntry]) {
        storage = entries
        slotByPath.reserveCapacity(entries.count) { entries[Int($0)].path }
        slotBySysID.reserveCapacity(entries.count) { entries[Int($0)].sysID }
        for (slot, entry) in entries.enumerated() {
            guard setSlot(Int32(slot), path: entry.path) == nil else {
                // Only a hand-edited or badly merged file repeats a path: add the lines one by one.
                self = Manifest(entries)
                return
            }
            index(entry, at: Int32(slot))
        }
    }

    /// The file's bytes: one line per entry, keys in a fixed order, sorted by path, final newline.
    public func jsonl() -> Data {
        var out = Data(capacity: storage.count * 320)
        writeJSONL { out.append(contentsOf: $0) }
        return out
    }

    /// The size of `jsonl()`, in bytes, and a way to hand its bytes over in pieces of about 64 KB: a
    /// 100,000-entry manifest (~30 MB) can then be stored without being held whole. The paths are
    /// sorted once for both; the size is counted without writing anything.
    public func jsonlPieces() -> (size: Int, write: @Sendable ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        Self.jsonlPieces(of: storage)
    }

    /// `jsonlPieces()` of a manifest holding `entries`, whose paths are all different, without building
    /// its indexes (a new manifest that is only written: 10 MB of tables at 100,000 entries).
    static func jsonlPieces(of entries: [ManifestEntry])
        -> (size: Int, write: @Sendable ((UnsafeRawBufferPointer) throws -> Void) throws -> Void)
    {
        let order = pathOrder(of: entries)
        let size = order.reduce(0) { $0 + ManifestLineWriter.length(of: entries[$1]) }
        return (size, { write in try writeJSONL(entries, order: order, write) })
    }

    /// Hands `jsonl()`'s bytes to `write` in pieces of about 64 KB.
    public func writeJSONL(_ write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try Self.writeJSONL(storage, order: Self.pathOrder(of: storage), write)
    }

    /// The entries' positions, in path order (sorting positions moves 8 bytes, sorting entries would
    /// move 160). The paths are compared from an array of their own (1.6 MB at 100,000 entries, for the
    /// sort only): reaching each through its 160-byte entry made the sort a third slower.
    private static func pathOrder(of entries: [ManifestEntry]) -> [Int] {
        let paths = entries.map(\.path)
        return paths.indices.sorted { paths[$0] < paths[$1] }
    }

    private static func writeJSONL(
        _ entries: [ManifestEntry], order: [Int], _ write: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let chunk = 1 << 16
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunk + 4_096)
        for position in order {
            ManifestLineWriter.append(entries[position], to: &buffer)
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
