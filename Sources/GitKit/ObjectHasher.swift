import CGit2

/// The id of an object whose content is handed over in pieces, hashed by libgit2 itself (SHA-1 with
/// collision detection, as git hashes objects) without storing anything: an object database whose only
/// backend drops what it is given (`grcsync_hashing_odb_new` in the CGit2 shim). Fails, as libgit2's own
/// streams do, when the pieces add up to more or less than the size declared.
final class ObjectHasher {
    private let odb: OpaquePointer
    private let stream: UnsafeMutablePointer<git_odb_stream>

    init(type: git_object_t, size: Int) throws {
        ensureLibGit2()
        var odb: OpaquePointer?
        try check(grcsync_hashing_odb_new(&odb), "git_odb_new")
        guard let odb else { throw GitError.last(code: -1, operation: "git_odb_new") }
        var stream: UnsafeMutablePointer<git_odb_stream>?
        do {
            try check(git_odb_open_wstream(&stream, odb, git_object_size_t(size), type), "git_odb_open_wstream")
        } catch {
            git_odb_free(odb)
            throw error
        }
        guard let stream else {
            git_odb_free(odb)
            throw GitError.last(code: -1, operation: "git_odb_open_wstream")
        }
        self.odb = odb
        self.stream = stream
    }

    deinit {
        git_odb_stream_free(stream)
        git_odb_free(odb)
    }

    /// Hashes the next piece of the content.
    func update(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        try check(git_odb_stream_write(stream, base.assumingMemoryBound(to: CChar.self), bytes.count), "git_odb_stream_write")
    }

    /// The object's id, once every byte declared has been hashed.
    func finish() throws -> ObjectID {
        var oid = git_oid()
        try check(git_odb_stream_finalize_write(&oid, stream), "git_odb_stream_finalize_write")
        return ObjectID(oid)
    }
}
