/// A statement as people name it in reports: control, system, file.
public struct StatementRef: Sendable, Equatable, Codable {
    public var path: String
    public var control: String
    public var system: String
    public var title: String
    public var sysID: String

    public init(path: String, control: String, system: String, title: String, sysID: String) {
        self.path = path
        self.control = control
        self.system = system
        self.title = title
        self.sysID = sysID
    }

    init(_ entry: ManifestEntry) {
        self.init(
            path: entry.path, control: entry.control, system: entry.system, title: entry.title, sysID: entry.sysID)
    }

    enum CodingKeys: String, CodingKey {
        case path, control, system, title
        case sysID = "sys_id"
    }
}
