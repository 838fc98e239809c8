import Foundation
import Hummingbird

/// The Table API for one request on one table: list, read, insert, update, delete.
struct TableAPI {
    let core: EmulatorCore
    let stateSaver: StateSaver?
    let table: String
    let user: String
    let parameters: QueryParameters
    /// `http://host:port`.
    let origin: String
    let path: String

    var tableExists: Bool {
        core.store.state.withLock { $0.tables[table] != nil }
    }

    static let defaultLimit = 10_000

    // MARK: Reads

    func list() -> Response {
        let limit = Int(parameters["sysparm_limit"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultLimit
        let offset = max(0, Int(parameters["sysparm_offset"] ?? "") ?? 0)
        let (body, total) = core.store.state.withLock { state -> (String, Int) in
            let slots = state.matchingSlots(table: table, queryText: queryText(state))
            let renderer = RecordRenderer(table: table, parameters: parameters, origin: origin, state: state)
            let page = offset < slots.count ? slots[offset..<min(slots.count, offset + limit)] : []
            var json = JSONText(capacity: 64 + page.count * 512)
            json.raw("{\"result\":[")
            guard let data = state.tables[table] else { return ("{\"result\":[]}", 0) }
            for (index, slot) in page.enumerated() {
                guard let record = data.slots[slot] else { continue }
                if index > 0 { json.raw(",") }
                renderer.render(record, state: state, into: &json)
            }
            json.raw("]}")
            return (json.text, slots.count)
        }
        var headers: HTTPFields = [:]
        let noCount = parameters["sysparm_no_count"]?.lowercased() == "true"
        if !noCount { headers[.totalCount] = String(total) }
        if parameters["sysparm_suppress_pagination_header"]?.lowercased() != "true",
            let link = linkHeader(total: total, limit: limit, offset: offset, noCount: noCount)
        {
            headers[.link] = link
        }
        return TableAPIResponse.json(.ok, body, headers: headers)
    }

    func read(_ sysID: String) -> Response {
        let body = core.store.state.withLock { state -> String? in
            guard let record = state.tables[table]?.record(sysID) else { return nil }
            return Self.resultBody(record, table: table, parameters: parameters, origin: origin, state: state)
        }
        guard let body else { return TableAPIResponse.notFound() }
        return TableAPIResponse.json(.ok, body)
    }

    static func resultBody(
        _ record: TableData.Record, table: String, parameters: QueryParameters, origin: String, state: StoreState
    ) -> String {
        var json = JSONText()
        json.raw("{\"result\":")
        RecordRenderer(table: table, parameters: parameters, origin: origin, state: state).render(
            record, state: state, into: &json)
        json.raw("}")
        return json.text
    }

    /// `sysparm_query`, or else the plain `field=value` parameters joined with `^`.
    private func queryText(_ state: StoreState) -> String {
        if let query = parameters["sysparm_query"] { return query }
        return parameters.pairs.filter { !$0.name.hasPrefix("sysparm_") && state.isField($0.name, in: table) }
            .map { "\($0.name)=\($0.value)" }.joined(separator: "^")
    }

    /// The `Link` header exactly as recorded: first, prev (negative on a first page of one), next, last;
    /// none when one page holds everything.
    private func linkHeader(total: Int, limit: Int, offset: Int, noCount: Bool) -> String? {
        if offset == 0 && total <= limit { return nil }
        let kept = parameters.pairs.filter { $0.name != "sysparm_limit" && $0.name != "sysparm_offset" }.map(\.raw)
        let base = origin + path + "?" + kept.map { $0 + "&" }.joined()
        func link(_ offset: Int, _ rel: String) -> String {
            "<\(base)sysparm_limit=\(limit)&sysparm_offset=\(offset)>;rel=\"\(rel)\""
        }
        var links = [link(0, "first")]
        if offset > 0 || offset - limit == -1 { links.append(link(offset - limit, "prev")) }
        if offset + limit < total { links.append(link(offset + limit, "next")) }
        if !noCount { links.append(link(max(0, (total - 1) / limit * limit), "last")) }
        return links.joined(separator: ",")
    }

    /// The fields of a write body: every JSON value as ServiceNow would store it (a string).
    static func fields(fromJSON data: Data) -> [String: String]? {
        guard let object = try? JSONDecoder().decode([String: WrittenValue].self, from: data) else { return nil }
        return object.mapValues(\.text)
    }
}

/// A JSON value in a write body, turned into the string ServiceNow stores: `null` → `""`, `true` →
/// `"true"`, `4` → `"4"`, a reference object → its `value`.
private struct WrittenValue: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let string = try? container.decode(String.self) {
            text = string
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else if let integer = try? container.decode(Int.self) {
            text = String(integer)
        } else if let number = try? container.decode(Double.self) {
            text = String(number)
        } else if let object = try? container.decode([String: WrittenValue].self) {
            text = object["value"]?.text ?? ""
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unsupported value")
        }
    }
}
