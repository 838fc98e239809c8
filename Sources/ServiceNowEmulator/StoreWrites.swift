import Foundation

/// The outcome of a write: the record as stored, and whether anything changed.
struct WriteOutcome: Sendable {
    var record: TableData.Record
    var changed: Bool
}

/// Writes, kept like ServiceNow keeps them: system fields are the server's, `sys_mod_count` counts the
/// updates that changed something, and a write that changes nothing leaves the record untouched.
extension StoreState {
    static let readOnlyFields: Set<String> = [
        "sys_created_on", "sys_created_by", "sys_updated_on", "sys_updated_by", "sys_mod_count",
    ]

    mutating func insert(
        table: String, fields: [String: String], user: String, now: Date, allowNewColumns: Bool
    ) throws(EmulatorStoreError) -> TableData.Record {
        guard var data = tables[table] else { throw .unknownTable(table) }
        var record: TableData.Record = [:]
        for (field, value) in fields where !Self.readOnlyFields.contains(field) {
            if allowNewColumns || data.hasColumn(field) { record[field] = value }
        }
        if let sysID = record["sys_id"], !sysID.isEmpty {
            guard SysIDGenerator.isSysID(sysID) else { throw .invalidSysID(sysID) }
            guard data.record(sysID) == nil else { throw .duplicateSysID(table: table, sysID: sysID) }
        } else {
            var sysID = generator.sysID()
            while data.record(sysID) != nil { sysID = generator.sysID() }
            record["sys_id"] = sysID
        }
        let timestamp = ServiceNowTime.string(from: now)
        record["sys_created_on"] = timestamp
        record["sys_created_by"] = user
        record["sys_updated_on"] = timestamp
        record["sys_updated_by"] = user
        record["sys_mod_count"] = "0"
        tables[table] = nil  // keep the table uniquely referenced while it grows
        data.append(record)
        tables[table] = data
        revision += 1
        return record
    }

    /// Appends a record exactly as given (seeding and state files): no system fields are touched.
    mutating func load(table: String, record: TableData.Record) {
        tables[table]?.append(record)
        revision += 1
    }

    mutating func update(
        table: String, sysID: String, fields: [String: String], user: String, now: Date, allowNewColumns: Bool
    ) throws(EmulatorStoreError) -> WriteOutcome {
        guard var data = tables[table] else { throw .unknownTable(table) }
        guard var record = data.record(sysID) else { throw .recordNotFound(table: table, sysID: sysID) }
        var changed = false
        for (field, value) in fields where !Self.readOnlyFields.contains(field) && field != "sys_id" {
            guard allowNewColumns || data.hasColumn(field) else { continue }
            if (record[field] ?? "") != value {
                record[field] = value
                changed = true
            }
        }
        guard changed else { return WriteOutcome(record: record, changed: false) }
        record["sys_updated_on"] = ServiceNowTime.string(from: now)
        record["sys_updated_by"] = user
        record["sys_mod_count"] = String((Int(record["sys_mod_count"] ?? "") ?? 0) + 1)
        tables[table] = nil
        data.replace(record)
        tables[table] = data
        revision += 1
        return WriteOutcome(record: record, changed: true)
    }

    mutating func delete(table: String, sysID: String) throws(EmulatorStoreError) {
        guard tables[table] != nil else { throw .unknownTable(table) }
        guard tables[table]?.record(sysID) != nil else { throw .recordNotFound(table: table, sysID: sysID) }
        tables[table]?.remove(sysID)
        revision += 1
    }
}

/// Why a direct store operation failed.
public enum EmulatorStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table does not exist; define it with `EmulatorStore.defineTable` first (or seed it).
    case unknownTable(String)
    /// No record has this sys_id in the table.
    case recordNotFound(table: String, sysID: String)
    /// A given sys_id is not 32 lowercase hex characters.
    case invalidSysID(String)
    /// A record with this sys_id already exists.
    case duplicateSysID(table: String, sysID: String)

    public var description: String {
        switch self {
        case .unknownTable(let table):
            return "Invalid table \(table): define it first (EmulatorStore.defineTable) or seed it."
        case .recordNotFound(let table, let sysID):
            return "No record \(sysID) in \(table): list the table to find existing sys_ids."
        case .invalidSysID(let sysID):
            return "'\(sysID)' is not a sys_id: use 32 lowercase hex characters, or omit it to get one."
        case .duplicateSysID(let table, let sysID):
            return "\(table) already has a record \(sysID): omit sys_id to get a fresh one."
        }
    }
}
