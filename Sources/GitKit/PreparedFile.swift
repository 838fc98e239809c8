public import Foundation

/// A file the caller has already written, with exactly the content of a blob it also stored, for a
/// checkout to move into place instead of having libgit2 read the blob back and write it again.
///
/// grcsync's manifest is one 36 MB blob at 100,000 statements: libgit2 inflates such a blob whole into
/// memory to check it out (its largest allocation in a first pull) right after grcsync serialised the
/// same bytes. Written beside the blob and renamed into the work tree, it costs neither.
public struct PreparedFile: Sendable, Equatable {
    /// Where it belongs in the work tree (a repository path).
    public var path: String
    /// The blob whose content `file` holds, byte for byte.
    public var blob: ObjectID
    /// The file, on the same file system as the work tree (inside `.git`): renamed, never copied.
    public var file: URL

    public init(path: String, blob: ObjectID, file: URL) {
        self.path = path
        self.blob = blob
        self.file = file
    }
}
