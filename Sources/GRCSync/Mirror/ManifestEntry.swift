public import Statements

/// One line of `.grcsync/manifest.jsonl`: which ServiceNow record a statement file belongs to, and the
/// version of it that the mirror holds.
///
/// The manifest is written only by grcsync. Once a record has a path it keeps it: a remote rename of
/// the control does not move the file, so people's links and open pull requests stay valid.
public struct ManifestEntry: Sendable, Equatable, Codable {
    /// The file's path in the workspace, e.g. `statements/sys-a/AC-2.html`.
    public var path: String
    /// The ServiceNow table the record lives in.
    public var table: String
    /// The record's `sys_id`.
    public var sysID: String
    /// The field that holds the statement.
    public var field: String
    /// The format the file is stored in: `markdown` only where the statement survives the round trip.
    public var format: StatementFormat
    /// `sys_mod_count` of the version the mirror holds: a different count on the server means the record
    /// changed there (timestamps have one-second resolution and cannot tell).
    public var modCount: Int
    /// `sys_updated_on` of that version, for people (UTC, `yyyy-MM-dd HH:mm:ss`).
    public var updatedOn: String
    /// `sys_updated_by` of that version.
    public var updatedBy: String
    /// The system (entity) the statement belongs to, as named by the configured field.
    public var system: String
    /// The control id, e.g. `AC-2(1)`.
    public var control: String
    /// The control's name, for people.
    public var title: String

    public init(
        path: String, table: String, sysID: String, field: String, format: StatementFormat, modCount: Int, updatedOn: String,
        updatedBy: String, system: String, control: String, title: String
    ) {
        self.path = path
        self.table = table
        self.sysID = sysID
        self.field = field
        self.format = format
        self.modCount = modCount
        self.updatedOn = updatedOn
        self.updatedBy = updatedBy
        self.system = system
        self.control = control
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case path, table, field, format, system, control, title
        case sysID = "sys_id"
        case modCount = "sys_mod_count"
        case updatedOn = "sys_updated_on"
        case updatedBy = "sys_updated_by"
    }
}
