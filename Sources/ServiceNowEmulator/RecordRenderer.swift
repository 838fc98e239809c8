import Foundation

/// Renders records as the Table API does: every scalar a string, references as `{"link","value"}`,
/// shaped by `sysparm_fields`, `sysparm_display_value` and `sysparm_exclude_reference_link`.
struct RecordRenderer {
    enum DisplayMode: String {
        case raw = "false", display = "true", all = "all"
    }

    var table: String
    var fields: [String]
    /// The table each field references (nil for scalars), looked up once per request, not per record.
    var targets: [String?] = []
    var displayMode: DisplayMode
    var excludeReferenceLink: Bool
    /// `http://host:port`, used in reference links.
    var origin: String

    /// Chooses the fields to show: `sysparm_fields` in the order given (unknown names ignored), or every
    /// column of the table.
    init(table: String, parameters: QueryParameters, origin: String, state: StoreState) {
        self.table = table
        self.origin = origin
        displayMode = DisplayMode(rawValue: parameters["sysparm_display_value"]?.lowercased() ?? "") ?? .raw
        excludeReferenceLink = parameters["sysparm_exclude_reference_link"]?.lowercased() == "true"
        if let list = parameters["sysparm_fields"], !list.isEmpty {
            var seen = Set<String>()
            fields = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                state.isField($0, in: table) && seen.insert($0).inserted
            }
        } else {
            fields = state.tables[table]?.columns ?? []
        }
        targets = fields.map { state.referenceTarget(of: $0, table: table) }
    }

    func render(_ record: TableData.Record, state: StoreState, into json: inout JSONText) {
        json.raw("{")
        for (index, field) in fields.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(field)
            json.raw(":")
            renderValue(field, target: targets[index], record, state: state, into: &json)
        }
        json.raw("}")
    }

    private func renderValue(
        _ field: String, target: String?, _ record: TableData.Record, state: StoreState, into json: inout JSONText
    ) {
        let raw = state.value(of: field, in: record, table: table)
        if let target {
            let link = raw.isEmpty ? "" : "\(origin)/api/now/table/\(target)/\(raw)"
            switch displayMode {
            case .raw:
                if raw.isEmpty || excludeReferenceLink { json.string(raw) } else {
                    json.object([("link", link), ("value", raw)])
                }
            case .display:
                let display = state.displayValue(of: field, in: record, table: table)
                if raw.isEmpty || excludeReferenceLink { json.string(display) } else {
                    json.object([("display_value", display), ("link", link)])
                }
            case .all:
                let display = state.displayValue(of: field, in: record, table: table)
                if raw.isEmpty || excludeReferenceLink {
                    json.object([("display_value", display), ("value", raw)])
                } else {
                    json.object([("display_value", display), ("link", link), ("value", raw)])
                }
            }
            return
        }
        switch displayMode {
        case .raw: json.string(raw)
        case .display: json.string(state.displayValue(of: field, in: record, table: table))
        case .all:
            json.object([("display_value", state.displayValue(of: field, in: record, table: table)), ("value", raw)])
        }
    }
}
