import Foundation

/// The emulator's tables, for tests to read and change directly.
///
/// Reads return raw values (sys_ids for references, `""` for empty fields). Writes act like a real
/// ServiceNow write by `user` — `sys_updated_on`, `sys_updated_by` and `sys_mod_count` move, a write that
/// changes nothing changes nothing — so `update` plays "a colleague edited this in ServiceNow". Unlike
/// writes over HTTP, direct writes are stored verbatim: no sanitiser, no draft-only rule, and unknown
/// fields become new columns.
public final class EmulatorStore: Sendable {
    let state: Locked<StoreState>
    private let observers = Locked<[@Sendable () -> Void]>([])

    init(randomSeed: UInt64) {
        state = Locked(StoreState(randomSeed: randomSeed))
    }

    /// Names of all tables, sorted.
    public func tableNames() -> [String] {
        state.withLock { $0.tables.keys.sorted() }
    }

    /// Creates a table if it does not exist yet (an existing table keeps its records and gains the
    /// columns and references given). `references` maps a field to the table it points at;
    /// `displayField` is what a reference to this table shows as its display value.
    public func defineTable(
        _ name: String, columns: [String] = [], references: [String: String] = [:], displayField: String? = nil
    ) {
        state.withLock { state in
            if var data = state.tables[name] {
                data.addColumns(columns + references.keys.sorted())
                data.references.merge(references) { _, new in new }
                if let displayField { data.displayField = displayField }
                state.tables[name] = data
            } else {
                state.tables[name] = TableData(
                    name: name, columns: columns + references.keys.sorted().filter { !columns.contains($0) },
                    references: references, displayField: displayField)
            }
            state.revision += 1
        }
        notify()
    }

    /// The number of records in `table` (0 when it does not exist).
    public func count(in table: String) -> Int {
        state.withLock { $0.tables[table]?.count ?? 0 }
    }

    /// All records of `table` in storage order, every column present (`""` when empty).
    public func records(in table: String) -> [[String: String]] {
        state.withLock { state in
            guard let data = state.tables[table] else { return [] }
            return data.slots.compactMap { $0.map { Self.complete($0, columns: data.columns) } }
        }
    }

    /// One record, every column present, or nil.
    public func record(table: String, sysID: String) -> [String: String]? {
        state.withLock { state in
            guard let data = state.tables[table], let record = data.record(sysID) else { return nil }
            return Self.complete(record, columns: data.columns)
        }
    }

    /// Inserts a record as `user`; a `sys_id` in `fields` is kept (32 hex), otherwise one is generated.
    @discardableResult
    public func insert(table: String, fields: [String: String], as user: String = "admin") throws
        -> [String: String]
    {
        let record = try state.withLock { state in
            if state.tables[table] == nil { state.tables[table] = TableData(name: table) }
            return try state.insert(table: table, fields: fields, user: user, now: Date(), allowNewColumns: true)
        }
        notify()
        return record
    }

    /// Appends records exactly as given, system fields included (fixtures, recorded data); a record
    /// without a `sys_id` gets one, the other system fields default to `""`. Creates the table if needed.
    public func importRecords(_ records: [[String: String]], into table: String) {
        state.withLock { state in
            if state.tables[table] == nil { state.tables[table] = TableData(name: table) }
            var data = state.tables[table] ?? TableData(name: table)
            state.tables[table] = nil
            for var record in records {
                if (record["sys_id"] ?? "").isEmpty { record["sys_id"] = state.generator.sysID() }
                if let sysID = record["sys_id"], data.record(sysID) != nil { continue }
                data.append(record)
            }
            state.tables[table] = data
            state.revision += 1
        }
        notify()
    }

    /// Updates the given fields as `user` and returns the whole record as stored.
    @discardableResult
    public func update(table: String, sysID: String, fields: [String: String], as user: String = "admin")
        throws -> [String: String]
    {
        let outcome = try state.withLock { state in
            try state.update(
                table: table, sysID: sysID, fields: fields, user: user, now: Date(), allowNewColumns: true)
        }
        if outcome.changed { notify() }
        return outcome.record
    }

    /// Deletes a record.
    public func delete(table: String, sysID: String) throws {
        try state.withLock { state in try state.delete(table: table, sysID: sysID) }
        notify()
    }

    // MARK: Internal

    /// Calls `observer` after every change (used to save the state file).
    func observe(_ observer: @escaping @Sendable () -> Void) {
        observers.withLock { $0.append(observer) }
    }

    func notify() {
        for observer in observers.withLock({ $0 }) { observer() }
    }

    static func complete(_ record: TableData.Record, columns: [String]) -> [String: String] {
        var full = record
        for column in columns where full[column] == nil { full[column] = "" }
        return full
    }
}
