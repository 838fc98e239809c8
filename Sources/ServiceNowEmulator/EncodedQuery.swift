import Foundation

/// A parsed `sysparm_query`: ServiceNow's encoded query language.
///
/// `^` joins conditions with AND, a term starting with `OR` joins the previous condition with OR (OR binds
/// tighter than AND, as in ServiceNow), `^NQ` starts a new query whose results are added. `ORDERBY` and
/// `ORDERBYDESC` terms sort. A term whose field is unknown is dropped and the rest still applies.
struct EncodedQuery: Sendable {
    /// `^NQ` alternatives → AND terms → OR alternatives.
    var groups: [[[QueryCondition]]] = []
    var orderings: [QueryOrdering] = []

    var isUnfiltered: Bool { groups.allSatisfy { $0.isEmpty } }

    /// Parses `text`; `isField` says whether a (possibly dot-walked) field name exists.
    static func parse(_ text: String, isField: (String) -> Bool) -> EncodedQuery {
        var query = EncodedQuery()
        for groupText in text.components(separatedBy: "^NQ") {
            var terms: [[QueryCondition]] = []
            for rawTerm in groupText.components(separatedBy: "^") where !rawTerm.isEmpty {
                if rawTerm.hasPrefix("ORDERBYDESC") {
                    let field = String(rawTerm.dropFirst("ORDERBYDESC".count))
                    if isField(field) { query.orderings.append(QueryOrdering(field: field, descending: true)) }
                } else if rawTerm.hasPrefix("ORDERBY") {
                    let field = String(rawTerm.dropFirst("ORDERBY".count))
                    if isField(field) { query.orderings.append(QueryOrdering(field: field, descending: false)) }
                } else if rawTerm == "EQ" {
                    continue
                } else if rawTerm.hasPrefix("OR"), !terms.isEmpty,
                    let condition = QueryCondition.parse(String(rawTerm.dropFirst(2)), isField: isField)
                {
                    terms[terms.count - 1].append(condition)
                } else if let condition = QueryCondition.parse(rawTerm, isField: isField) {
                    terms.append([condition])
                }
            }
            query.groups.append(terms)
        }
        return query
    }

    /// Whether a record matches; `value` reads a (possibly dot-walked) field of the record.
    func matches(_ value: (String) -> String) -> Bool {
        if isUnfiltered { return true }
        return groups.contains { terms in
            terms.allSatisfy { alternatives in alternatives.contains { $0.matches(value($0.field)) } }
        }
    }

    /// The sys_ids the query is limited to, when every `^NQ` group has an AND term `sys_id=x` or
    /// `sys_idINa,b` on its own: lets the store look records up by index instead of scanning.
    var sysIDCandidates: Set<String>? {
        var result = Set<String>()
        for terms in groups {
            let restriction = terms.lazy.compactMap { alternatives -> [String]? in
                guard alternatives.count == 1, let condition = alternatives.first, condition.field == "sys_id"
                else { return nil }
                switch condition.operator {
                case .equals: return [condition.value]
                case .in: return condition.values
                default: return nil
                }
            }.first
            guard let restriction else { return nil }
            result.formUnion(restriction)
        }
        return groups.isEmpty ? nil : result
    }
}

/// A sort key from `ORDERBY` / `ORDERBYDESC`.
struct QueryOrdering: Sendable {
    var field: String
    var descending: Bool
}

/// One condition of an encoded query, such as `stateINdraft,review` or `nameSTARTSWITHAC`.
struct QueryCondition: Sendable {
    enum Operator: String, Sendable, CaseIterable {
        // Longer spellings first, so that `NOT IN` is not read as `IN` and `>=` not as `>`.
        case isNotEmpty = "ISNOTEMPTY", isEmpty = "ISEMPTY", notIn = "NOT IN", notLike = "NOT LIKE"
        case notLikeCompact = "NOTLIKE", startsWith = "STARTSWITH", endsWith = "ENDSWITH", like = "LIKE"
        case `in` = "IN", notEquals = "!=", greaterOrEqual = ">=", lessOrEqual = "<=", equals = "="
        case greater = ">", less = "<"
    }

    var field: String
    var `operator`: Operator
    var value: String
    var values: [String]

    /// Splits a term into field, operator and value. Field names may contain capitals, so every split
    /// point where a known field is followed by an operator is tried, shortest field first.
    static func parse(_ term: String, isField: (String) -> Bool) -> QueryCondition? {
        var index = term.startIndex
        while index < term.endIndex {
            index = term.index(after: index)
            let field = String(term[..<index])
            let rest = term[index...]
            guard let op = Operator.allCases.first(where: { rest.hasPrefix($0.rawValue) }) else { continue }
            guard isField(field) else { continue }
            let value = String(rest.dropFirst(op.rawValue.count))
            return QueryCondition(
                field: field, operator: op, value: Self.normalized(value),
                values: value.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                })
        }
        return nil
    }

    /// Turns `javascript:gs.dateGenerate('2024-01-01','12:00:00')` into `2024-01-01 12:00:00`.
    private static func normalized(_ value: String) -> String {
        guard value.hasPrefix("javascript:gs.dateGenerate(") else { return value }
        let parts = value.split(separator: "'").map(String.init)
        guard parts.count >= 4 else { return value }
        return parts[1] + " " + parts[3]
    }

    func matches(_ actual: String) -> Bool {
        switch `operator` {
        case .equals: return actual == value
        case .notEquals: return actual != value
        case .like: return value.isEmpty || actual.contains(value)
        case .notLike, .notLikeCompact: return value.isEmpty || !actual.contains(value)
        case .startsWith: return actual.hasPrefix(value)
        case .endsWith: return actual.hasSuffix(value)
        case .in: return values.contains(actual)
        case .notIn: return !values.contains(actual)
        case .isEmpty: return actual.isEmpty
        case .isNotEmpty: return !actual.isEmpty
        case .greater: return !actual.isEmpty && FieldOrder.compare(actual, value) > 0
        case .greaterOrEqual: return !actual.isEmpty && FieldOrder.compare(actual, value) >= 0
        case .less: return !actual.isEmpty && FieldOrder.compare(actual, value) < 0
        case .lessOrEqual: return !actual.isEmpty && FieldOrder.compare(actual, value) <= 0
        }
    }
}

/// How field values compare: as numbers when both are numbers, otherwise as strings (which orders
/// ServiceNow's `yyyy-MM-dd HH:mm:ss` date-times correctly).
enum FieldOrder {
    static func compare(_ left: String, _ right: String) -> Int {
        if let l = Double(left), let r = Double(right) {
            return l < r ? -1 : (l > r ? 1 : 0)
        }
        return left < right ? -1 : (left > right ? 1 : 0)
    }
}
