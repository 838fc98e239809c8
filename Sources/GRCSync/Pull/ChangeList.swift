/// The changes a snapshot made (`MirrorSnapshot.Result`), held compactly until the report is made.
///
/// A first pull of 100,000 statements reports 100,000 changes, and the report is made after the
/// checkout. As `PullReport.Change` values they held 28 MB through it: 104 bytes each, plus a `String`
/// of their own for every path and `sys_id` (the rest are shared). Here a change is 32 bytes and its
/// path and `sys_id` are bytes in one buffer (~72 bytes); the values that repeat (control, system,
/// title, author) are stored once. The `PullReport.Change` values are made when asked for, after the
/// checkout has let go of its own memory.
struct ChangeList: RandomAccessCollection, Sendable {
    /// One change: its path and `sys_id` as ranges of `text`, the rest as positions in `values`.
    private struct Row: Sendable {
        var pathStart: Int32
        var sysIDStart: Int32
        var sysIDEnd: Int32
        var kind: PullReport.Change.Kind
        var control: Int32
        var system: Int32
        var title: Int32
        /// -1 when not known.
        var updatedBy: Int32
    }

    private var rows: [Row] = []
    /// Every change's path then its `sys_id`, as UTF-8, back to back.
    private var text: [UInt8] = []
    /// Each control, system, title and author once.
    private var values: [String] = []
    private var positions: [String: Int32] = [:]

    init() {}

    /// The changes of a snapshot: `removed`, then the entries at `changed` positions of `entries` (their
    /// paths given), added or changed, in that order.
    init(removed: [ManifestEntry], changed: [(position: Int32, kind: PullReport.Change.Kind)], of entries: [ManifestEntry]) {
        let textBytes = removed.reduce(0) { $0 + $1.path.utf8.count + $1.sysID.utf8.count }
            + changed.reduce(0) { $0 + entries[Int($1.position)].path.utf8.count + entries[Int($1.position)].sysID.utf8.count }
        reserveCapacity(removed.count + changed.count, textBytes: textBytes)
        for entry in removed { append(.init(kind: .removed, statement: StatementRef(entry), updatedBy: nil)) }
        for (position, kind) in changed {
            let entry = entries[Int(position)]
            append(.init(kind: kind, statement: StatementRef(entry), updatedBy: entry.updatedBy.isEmpty ? nil : entry.updatedBy))
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { rows.count }

    subscript(position: Int) -> PullReport.Change {
        let row = rows[position]
        return PullReport.Change(
            kind: row.kind,
            statement: StatementRef(
                path: String(decoding: text[Int(row.pathStart)..<Int(row.sysIDStart)], as: UTF8.self),
                control: values[Int(row.control)], system: values[Int(row.system)], title: values[Int(row.title)],
                sysID: String(decoding: text[Int(row.sysIDStart)..<Int(row.sysIDEnd)], as: UTF8.self)),
            updatedBy: row.updatedBy < 0 ? nil : values[Int(row.updatedBy)])
    }

    /// Makes room for `capacity` changes in all whose paths and `sys_id`s come to `textBytes` bytes (a
    /// buffer grown by doubling instead could end up twice the size it needs).
    mutating func reserveCapacity(_ capacity: Int, textBytes: Int) {
        rows.reserveCapacity(capacity)
        text.reserveCapacity(textBytes)
    }

    mutating func append(_ change: PullReport.Change) {
        let statement = change.statement
        let pathStart = text.count
        text.append(contentsOf: statement.path.utf8)
        let sysIDStart = text.count
        text.append(contentsOf: statement.sysID.utf8)
        // Offsets are 32-bit: 2 GB of paths and ids is far beyond any instance (100,000 changes are ~7 MB).
        precondition(text.count <= Int(Int32.max), "more than 2 GB of changed paths in one snapshot")
        rows.append(Row(
            pathStart: Int32(pathStart), sysIDStart: Int32(sysIDStart), sysIDEnd: Int32(text.count), kind: change.kind,
            control: position(of: statement.control), system: position(of: statement.system),
            title: position(of: statement.title), updatedBy: change.updatedBy.map { position(of: $0) } ?? -1))
    }

    /// How many changes are of `kind`, without making them.
    func count(of kind: PullReport.Change.Kind) -> Int {
        rows.count { $0.kind == kind }
    }

    private mutating func position(of value: String) -> Int32 {
        if let known = positions[value] { return known }
        let position = Int32(values.count)
        values.append(value)
        positions[value] = position
        return position
    }
}
