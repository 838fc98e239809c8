/// Positions in an array, found by a `String` key that each element carries: an open-addressing hash
/// table (linear probing, deletion by shifting back) that stores only 4-byte positions and reads the
/// keys from the elements themselves.
///
/// `Manifest` keeps two of these (path and `sys_id`). As `[String: Int32]` dictionaries each took 5.3 MB
/// at 100,000 entries (262,144 buckets of a 16-byte key and a 4-byte value); as positions they take
/// 1 MB, and a push holds its manifest through all of its requests.
///
/// Every call takes `keyAt`, the key of the element at a position. It must give the current key of
/// every position the table holds: update the table before an element's key changes or its position is
/// reused, never after.
struct SlotIndex: Sendable {
    private static let empty: Int32 = -1
    private var cells: [Int32] = []
    /// How many positions the table holds.
    private(set) var count = 0

    /// Room for `capacity` keys without growing (at most half the cells in use).
    mutating func reserveCapacity(_ capacity: Int, keyAt: (Int32) -> String) {
        let needed = Self.cellCount(for: capacity)
        if needed > cells.count { rehash(into: needed, keyAt: keyAt) }
    }

    /// The position stored for `key`.
    func find(_ key: String, keyAt: (Int32) -> String) -> Int32? {
        guard let cell = cell(of: key, keyAt: keyAt) else { return nil }
        return cells[cell]
    }

    /// Stores `position` for `key`; returns the position it replaces, if the key was there.
    @discardableResult
    mutating func update(_ key: String, to position: Int32, keyAt: (Int32) -> String) -> Int32? {
        if let cell = cell(of: key, keyAt: keyAt) {
            defer { cells[cell] = position }
            return cells[cell]
        }
        if Self.cellCount(for: count + 1) > cells.count { rehash(into: Self.cellCount(for: count + 1), keyAt: keyAt) }
        var cell = home(of: key)
        while cells[cell] != Self.empty { cell = next(cell) }
        cells[cell] = position
        count += 1
        return nil
    }

    /// Removes `key`; returns the position it had.
    @discardableResult
    mutating func remove(_ key: String, keyAt: (Int32) -> String) -> Int32? {
        guard var hole = cell(of: key, keyAt: keyAt) else { return nil }
        let removed = cells[hole]
        cells[hole] = Self.empty
        count -= 1
        // Shift back the cells after it that would no longer be found across the hole.
        var cell = next(hole)
        while cells[cell] != Self.empty {
            let home = home(of: keyAt(cells[cell]))
            // The cell stays when its home lies cyclically in (hole, cell].
            let stays = hole <= cell ? (hole < home && home <= cell) : (hole < home || home <= cell)
            if !stays {
                cells[hole] = cells[cell]
                cells[cell] = Self.empty
                hole = cell
            }
            cell = next(cell)
        }
        return removed
    }

    /// Every position held, in no particular order.
    var positions: [Int32] { cells.filter { $0 != Self.empty } }

    // MARK: Cells

    private static func cellCount(for keys: Int) -> Int {
        var cells = 8
        while cells < keys * 2 { cells <<= 1 }
        return cells
    }

    private func home(of key: String) -> Int {
        key.hashValue & (cells.count - 1)
    }

    private func next(_ cell: Int) -> Int {
        (cell + 1) & (cells.count - 1)
    }

    private func cell(of key: String, keyAt: (Int32) -> String) -> Int? {
        guard !cells.isEmpty else { return nil }
        var cell = home(of: key)
        while cells[cell] != Self.empty {
            if keyAt(cells[cell]) == key { return cell }
            cell = next(cell)
        }
        return nil
    }

    private mutating func rehash(into cellCount: Int, keyAt: (Int32) -> String) {
        let old = cells
        cells = [Int32](repeating: Self.empty, count: cellCount)
        for position in old where position != Self.empty {
            var cell = home(of: keyAt(position))
            while cells[cell] != Self.empty { cell = next(cell) }
            cells[cell] = position
        }
    }
}
