/// Finds a pack entry's position by its object id, keeping the ids where they already are (the pack
/// index's entries): a table of 4-byte positions, open addressing with linear probing. A
/// `[ObjectID: Int]` held every id a second time, in a table of 262,144 buckets for 100,000 blobs
/// (8.4 MB at the peak of a first pull's build); this table is 1 MB.
struct PackSlots {
    private var table = [Int32](repeating: -1, count: 1 << 10)
    /// Entries 0..<count are in the table.
    private(set) var count = 0

    /// The position of `id` among `entries`, or nil.
    func slot(of id: ObjectID, in entries: [PackIndex.Entry]) -> Int? {
        let mask = table.count - 1
        var bucket = Self.hash(id) & mask
        while table[bucket] >= 0 {
            let slot = Int(table[bucket])
            if entries[slot].id == id { return slot }
            bucket = (bucket + 1) & mask
        }
        return nil
    }

    /// Adds `entries[count]`, the entry just appended, whose id is not in the table yet.
    mutating func addLast(of entries: [PackIndex.Entry]) {
        precondition(entries.count == count + 1, "PackSlots: add the entry just appended")
        count += 1
        // At most half full: probes stay short.
        if count * 2 > table.count {
            table = [Int32](repeating: -1, count: table.count * 2)
            for slot in 0..<count { place(entries[slot].id, slot) }
        } else {
            place(entries[count - 1].id, count - 1)
        }
    }

    private mutating func place(_ id: ObjectID, _ slot: Int) {
        let mask = table.count - 1
        var bucket = Self.hash(id) & mask
        while table[bucket] >= 0 { bucket = (bucket + 1) & mask }
        table[bucket] = Int32(slot)
    }

    /// Object ids are SHA-1 digests: their leading bytes are already evenly spread.
    private static func hash(_ id: ObjectID) -> Int { Int(truncatingIfNeeded: id.leadingWord) }
}
