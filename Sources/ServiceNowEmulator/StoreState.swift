import Foundation

/// Everything the store holds, guarded by the store's lock: tables, the sys_id generator and a small
/// cache of query results.
struct StoreState: Sendable {
    typealias Record = TableData.Record

    var tables: [String: TableData] = [:]
    var generator: SysIDGenerator
    /// Bumped by every write anywhere: dot-walked queries depend on other tables too.
    var revision = 0
    /// Matching slots of recent queries, so a paged walk filters and sorts once, not once per page.
    private var queryCache: [QueryCacheKey: [Int]] = [:]
    private var queryCacheOrder: [QueryCacheKey] = []

    init(randomSeed: UInt64) {
        generator = SysIDGenerator(seed: randomSeed ^ 0x5EED_5EED_5EED_5EED)
    }

    // MARK: Fields

    /// Whether `path` names a field of `table`, following references through dots (`profile.name`).
    func isField(_ path: String, in table: String) -> Bool {
        guard let data = tables[table] else { return false }
        guard let dot = path.firstIndex(of: ".") else { return data.hasColumn(path) }
        let head = String(path[..<dot])
        guard let target = data.references[head] else { return false }
        return isField(String(path[path.index(after: dot)...]), in: target)
    }

    /// The raw value of a (possibly dot-walked) field; `""` when missing.
    func value(of path: String, in record: Record, table: String) -> String {
        guard let dot = path.firstIndex(of: ".") else { return record[path] ?? "" }
        let head = String(path[..<dot])
        guard let target = tables[table]?.references[head], let sysID = record[head], !sysID.isEmpty,
            let referenced = tables[target]?.record(sysID)
        else { return "" }
        return value(of: String(path[path.index(after: dot)...]), in: referenced, table: target)
    }

    /// The display value of a field: a reference shows its target's display field.
    func displayValue(of path: String, in record: Record, table: String) -> String {
        guard let dot = path.firstIndex(of: ".") else {
            let raw = record[path] ?? ""
            guard let target = tables[table]?.references[path], !raw.isEmpty, let targetTable = tables[target]
            else { return ChoiceLabels.label(field: path, value: raw) }
            return targetTable.record(raw).map { $0[targetTable.displayField] ?? "" } ?? ""
        }
        let head = String(path[..<dot])
        guard let target = tables[table]?.references[head], let sysID = record[head], !sysID.isEmpty,
            let referenced = tables[target]?.record(sysID)
        else { return "" }
        return displayValue(of: String(path[path.index(after: dot)...]), in: referenced, table: target)
    }

    /// The table a (possibly dot-walked) reference field points at, if it is a reference.
    func referenceTarget(of path: String, table: String) -> String? {
        guard let dot = path.firstIndex(of: ".") else { return tables[table]?.references[path] }
        guard let next = tables[table]?.references[String(path[..<dot])] else { return nil }
        return referenceTarget(of: String(path[path.index(after: dot)...]), table: next)
    }

    // MARK: Queries

    /// Slots of the records of `table` matching `queryText`, sorted; cached per table version.
    mutating func matchingSlots(table: String, queryText: String) -> [Int] {
        guard let data = tables[table] else { return [] }
        let key = QueryCacheKey(table: table, query: queryText, version: revision)
        if let cached = queryCache[key] { return cached }
        let query = EncodedQuery.parse(queryText) { isField($0, in: table) }
        var slots: [Int]
        if let candidates = query.sysIDCandidates {
            slots = candidates.compactMap { data.position[$0] }.sorted()
        } else {
            slots = data.liveSlots
        }
        if !query.isUnfiltered {
            slots = slots.filter { slot in
                guard let record = data.slots[slot] else { return false }
                return query.matches { value(of: $0, in: record, table: table) }
            }
        }
        if !query.orderings.isEmpty {
            slots = sorted(slots, by: query.orderings, data: data)
        }
        remember(key, slots)
        return slots
    }

    private func sorted(_ slots: [Int], by orderings: [QueryOrdering], data: TableData) -> [Int] {
        // Decorate once so that dot-walked keys are resolved n times, not n log n times.
        let keyed = slots.compactMap { slot -> (slot: Int, keys: [String])? in
            guard let record = data.slots[slot] else { return nil }
            return (slot, orderings.map { value(of: $0.field, in: record, table: data.name) })
        }
        return keyed.sorted { left, right in
            for (index, ordering) in orderings.enumerated() {
                let order = FieldOrder.compare(left.keys[index], right.keys[index])
                if order != 0 { return ordering.descending ? order > 0 : order < 0 }
            }
            return left.slot < right.slot
        }.map(\.slot)
    }

    private mutating func remember(_ key: QueryCacheKey, _ slots: [Int]) {
        queryCache[key] = slots
        queryCacheOrder.append(key)
        if queryCacheOrder.count > 16 {
            queryCache.removeValue(forKey: queryCacheOrder.removeFirst())
        }
    }
}

private struct QueryCacheKey: Hashable, Sendable {
    var table: String
    var query: String
    var version: Int
}

/// Display labels of the choice fields grcsync reads.
enum ChoiceLabels {
    static func label(field: String, value: String) -> String {
        guard field == "state" || field == "status" else { return value }
        switch value {
        case "draft": return "Draft"
        case "assess": return "Assess"
        case "review": return "Review"
        case "monitor": return "Monitor"
        case "retired": return "Retired"
        case "compliant": return "Compliant"
        case "non_compliant": return "Non-compliant"
        case "not_applicable": return "Not applicable"
        default: return value
        }
    }
}
