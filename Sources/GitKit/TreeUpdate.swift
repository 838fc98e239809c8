/// One change to apply to a tree with `Repository.updateTree(_:_:)`.
public enum TreeUpdate: Sendable, Equatable {
    /// Puts `blob` at `path` (e.g. "statements/sys-a/AC-2.html"), creating directories as needed. An existing
    /// file keeps its executable bit; a new one is a regular file.
    case upsert(path: String, blob: ObjectID)
    /// Removes the file at `path` (nothing if absent); directories left empty disappear.
    case remove(path: String)

    /// The path the update applies to.
    public var path: String {
        switch self {
        case .upsert(let path, _), .remove(let path): path
        }
    }
}
