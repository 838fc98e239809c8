import Foundation

/// One table: records in insertion order, indexed by `sys_id`.
///
/// Records live in slots so that a delete is O(1) (the slot becomes empty) and the default order stays the
/// insertion order; the slots are compacted once more than half are empty. `version` changes on every
/// write so cached query results know when they are stale.
struct TableData: Sendable {
    typealias Record = [String: String]

    /// The fields every table has, in the order ServiceNow tends to list them last.
    static let systemFields = [
        "sys_id", "sys_created_on", "sys_created_by", "sys_updated_on", "sys_updated_by", "sys_mod_count",
    ]

    let name: String
    private(set) var columns: [String]
    private var columnSet: Set<String>
    /// Reference fields: field name → the table it points at.
    var references: [String: String]
    /// The field shown as a reference's display value (`name`, `number`, … or `sys_id`).
    var displayField: String
    private(set) var slots: [Record?] = []
    private(set) var position: [String: Int] = [:]
    private(set) var version = 0

    init(name: String, columns: [String] = [], references: [String: String] = [:], displayField: String? = nil) {
        self.name = name
        self.columns = []
        self.columnSet = []
        self.references = references
        self.displayField = displayField ?? "sys_id"
        addColumns(columns + Self.systemFields)
        if displayField == nil {
            self.displayField = ["name", "number", "user_name"].first(where: { columnSet.contains($0) }) ?? "sys_id"
        }
    }

    var count: Int { position.count }

    func hasColumn(_ field: String) -> Bool { columnSet.contains(field) }

    mutating func addColumns(_ names: some Sequence<String>) {
        for name in names where !columnSet.contains(name) {
            columnSet.insert(name)
            columns.append(name)
        }
    }

    func record(_ sysID: String) -> Record? {
        position[sysID].flatMap { slots[$0] }
    }

    /// Slot indices of live records, in storage order.
    var liveSlots: [Int] {
        slots.indices.filter { slots[$0] != nil }
    }

    mutating func append(_ record: Record) {
        guard let sysID = record["sys_id"] else { return }
        addColumns(record.keys.filter { !columnSet.contains($0) }.sorted())
        position[sysID] = slots.count
        slots.append(record)
        version += 1
    }

    mutating func replace(_ record: Record) {
        guard let sysID = record["sys_id"], let slot = position[sysID] else { return }
        addColumns(record.keys.filter { !columnSet.contains($0) }.sorted())
        slots[slot] = record
        version += 1
    }

    mutating func remove(_ sysID: String) {
        guard let slot = position.removeValue(forKey: sysID) else { return }
        slots[slot] = nil
        version += 1
        if slots.count > 64 && position.count * 2 < slots.count {
            compact()
        }
    }

    private mutating func compact() {
        slots = slots.filter { $0 != nil }
        position = [:]
        position.reserveCapacity(slots.count)
        for (index, record) in slots.enumerated() {
            if let sysID = record?["sys_id"] { position[sysID] = index }
        }
    }
}
