/// One field of a record as the Table API sends it.
///
/// Every scalar arrives as a JSON string (`"true"`, `"4"`, `"2024-04-14 19:29:09"`, empty is `""`). A
/// reference arrives as `{"link": ..., "value": <sys_id>}` (or as `""` when empty, or as a plain sys_id
/// with `sysparm_exclude_reference_link=true`), and with `sysparm_display_value=all` every field arrives
/// as `{"display_value": ..., "value": ...}`.
public enum FieldValue: Sendable, Equatable, Codable {
    /// A scalar, or a reference sent without its link.
    case string(String)
    /// A reference: the target's sys_id and the API URL of the target record.
    case reference(value: String, link: String?)
    /// A field sent with `sysparm_display_value=all`: what a person sees, and the stored value.
    case displayed(displayValue: String, value: String)

    /// The raw stored value: the string, the referenced sys_id, or the stored half of a displayed value.
    public var value: String {
        switch self {
        case .string(let value), .reference(let value, _), .displayed(_, let value): value
        }
    }

    /// What a person sees in the ServiceNow UI, when the server sent it.
    public var displayValue: String? {
        if case .displayed(let displayValue, _) = self { return displayValue }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case value
        case link
        case displayValue = "display_value"
    }

    /// Decodes any of the shapes above. Numbers, booleans and `null` — which ServiceNow never sends, but
    /// proxies and other tools might — are read as their string form rather than failing the whole page.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let string = try? single.decode(String.self) {
                self = .string(string)
                return
            }
            if single.decodeNil() {
                self = .string("")
                return
            }
            if let bool = try? single.decode(Bool.self) {
                self = .string(bool ? "true" : "false")
                return
            }
            if let integer = try? single.decode(Int64.self) {
                self = .string(String(integer))
                return
            }
            if let number = try? single.decode(Double.self) {
                self = .string(String(number))
                return
            }
        }
        let object = try decoder.container(keyedBy: CodingKeys.self)
        let value = try object.decodeIfPresent(FieldValue.self, forKey: .value)?.value ?? ""
        if let display = try object.decodeIfPresent(FieldValue.self, forKey: .displayValue) {
            self = .displayed(displayValue: display.value, value: value)
        } else {
            self = .reference(value: value, link: try object.decodeIfPresent(String.self, forKey: .link))
        }
    }

    /// Encodes in the same shape the Table API uses, so an encoded record decodes back unchanged.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let string):
            var single = encoder.singleValueContainer()
            try single.encode(string)
        case .reference(let value, let link):
            var object = encoder.container(keyedBy: CodingKeys.self)
            try object.encodeIfPresent(link, forKey: .link)
            try object.encode(value, forKey: .value)
        case .displayed(let displayValue, let value):
            var object = encoder.container(keyedBy: CodingKeys.self)
            try object.encode(displayValue, forKey: .displayValue)
            try object.encode(value, forKey: .value)
        }
    }
}
