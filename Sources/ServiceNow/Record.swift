/// One row of a ServiceNow table, keyed by field name.
///
/// Dot-walked fields requested in `sysparm_fields` (e.g. `profile.name`) appear under their dotted name.
public struct Record: Sendable, Equatable, Codable {
    /// Every field the server sent.
    public var fields: [String: FieldValue]

    /// A record with the given fields.
    public init(fields: [String: FieldValue]) {
        self.fields = fields
    }

    /// The raw value of a field (a reference's sys_id), or `nil` when the server did not send it.
    public subscript(field: String) -> String? {
        fields[field]?.value
    }

    /// The record's `sys_id`, when it was requested.
    public var sysID: String? { self["sys_id"] }

    /// `sys_mod_count`: how many updates the record has had, when requested and numeric.
    public var modCount: Int? { self["sys_mod_count"].flatMap { Int($0) } }

    /// `sys_updated_on` as sent: `yyyy-MM-dd HH:mm:ss` in UTC, one-second resolution.
    public var updatedOn: String? { self["sys_updated_on"] }

    /// Names of the fields present, sorted.
    public var fieldNames: [String] { fields.keys.sorted() }

    public init(from decoder: any Decoder) throws {
        fields = try decoder.singleValueContainer().decode([String: FieldValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(fields)
    }
}
