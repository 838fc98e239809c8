/// A record's identity and version, as a listing of `sys_id,sys_mod_count,sys_updated_on` returns them:
/// what a pull compares with its manifest to see what changed.
///
/// Decoded straight into three fields rather than a ``Record``'s dictionary: a listing of 100,000
/// records then makes no dictionary and no key strings per record (a third of a 100,000-statement
/// incremental pull's CPU time went into decoding its listing as `Record`s).
public struct RecordVersion: Sendable, Equatable, Decodable, ListedRow {
    public var sysID: String?
    /// `sys_mod_count`, when sent and numeric.
    public var modCount: Int?
    /// `sys_updated_on` as sent.
    public var updatedOn: String?

    /// The fields a listing of versions asks for.
    public static let fields = ["sys_id", "sys_mod_count", "sys_updated_on"]

    public init(sysID: String?, modCount: Int?, updatedOn: String?) {
        self.sysID = sysID
        self.modCount = modCount
        self.updatedOn = updatedOn
    }

    private enum CodingKeys: String, CodingKey {
        case sysID = "sys_id"
        case modCount = "sys_mod_count"
        case updatedOn = "sys_updated_on"
    }

    /// Each field in any shape ``FieldValue`` reads (plain, reference, displayed, `null` as empty), giving
    /// what a ``Record`` of the same row gives; other keys are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys) throws -> String? {
            try container.contains(key) ? container.decode(FieldValue.self, forKey: key).value : nil
        }
        sysID = try value(.sysID)
        modCount = try value(.modCount).flatMap { Int($0) }
        updatedOn = try value(.updatedOn)
    }
}

/// A row type a listing can decode its pages into.
public protocol ListedRow: Decodable, Sendable {
    /// The row's `sys_id`, by which pages are de-duplicated.
    var sysID: String? { get }
}

extension Record: ListedRow {}
