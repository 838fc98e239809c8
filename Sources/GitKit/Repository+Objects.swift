public import Foundation
import CGit2

extension Repository {
    /// Stores `data` as a blob and returns its id.
    ///
    /// Through `git_odb_write`, which looks for the object first: a blob the repository already has
    /// (most of what a push records) costs no file at all, where `git_blob_create_from_buffer` would
    /// create and remove a temporary one.
    public func writeBlob(_ data: Data) throws -> ObjectID {
        let odb = try makeHandle("git_repository_odb", owner: self, free: { git_odb_free($0) }) {
            git_repository_odb(&$0, pointer)
        }
        var oid = git_oid()
        let result = data.withUnsafeBytes { bytes in
            git_odb_write(&oid, odb.pointer, bytes.baseAddress, bytes.count, GIT_OBJECT_BLOB)
        }
        try check(result, "git_odb_write")
        return ObjectID(oid)
    }

    /// Stores a blob of exactly `size` bytes that `produce` hands over in pieces, without ever holding
    /// it whole (a 100,000-entry manifest is ~30 MB). Fails if the pieces do not add up to `size`.
    /// From `LooseObjectWriter.parallelSize` on, the blob is deflated on all cores while this thread
    /// hashes it (`LooseObjectWriter`); a smaller one goes through libgit2's write stream. `workerCPU`,
    /// when given, is told the CPU time spent on those other threads, piece by piece.
    public func writeBlob(
        size: Int, workerCPU: (@Sendable (Duration) -> Void)? = nil,
        _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws -> ObjectID {
        let odb = try makeHandle("git_repository_odb", owner: self, free: { git_odb_free($0) }) {
            git_repository_odb(&$0, pointer)
        }
        if size >= LooseObjectWriter.parallelSize {
            let writer = try LooseObjectWriter(
                objectsDirectory: itemPath(GIT_REPOSITORY_ITEM_OBJECTS), blobSize: size, workerCPU: workerCPU)
            try produce { try writer.write($0) }
            return try writer.finish(unlessStored: { id in
                withUnsafePointer(to: id.oid) { git_odb_exists(odb.pointer, $0) != 0 }
            })
        }
        var stream: UnsafeMutablePointer<git_odb_stream>?
        try check(git_odb_open_wstream(&stream, odb.pointer, git_object_size_t(size), GIT_OBJECT_BLOB), "git_odb_open_wstream")
        defer { git_odb_stream_free(stream) }
        try produce { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            try check(
                git_odb_stream_write(stream, base.assumingMemoryBound(to: CChar.self), bytes.count), "git_odb_stream_write")
        }
        var oid = git_oid()
        try check(git_odb_stream_finalize_write(&oid, stream), "git_odb_stream_finalize_write")
        return ObjectID(oid)
    }

    /// The id `data` would have as a blob, without storing it.
    public func hashBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        let result = data.withUnsafeBytes { bytes in
            git_odb_hash(&oid, bytes.baseAddress, bytes.count, GIT_OBJECT_BLOB)
        }
        try check(result, "git_odb_hash")
        return ObjectID(oid)
    }

    /// The content of a blob. A large blob (the manifest: 36 MB at 100,000 statements) is not copied:
    /// the `Data` reads libgit2's inflated buffer and frees it when it goes away (a copy had both
    /// alive at once, the highest point of a push's memory). That buffer belongs to this `Data` alone —
    /// libgit2 caches no blobs (GitKit caches only trees) — so a change to the `Data` changes nothing else.
    public func blobData(_ id: ObjectID) throws -> Data {
        let blob = try lookupBlob(id)
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let content = git_blob_rawcontent(blob.pointer) else { return Data() }
        guard size >= Self.sharedBlobSize else { return Data(bytes: content, count: size) }
        let owner = BlobOwner(blob)
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: content), count: size,
                    deallocator: .custom { _, _ in withExtendedLifetime(owner) {} })
    }

    /// From this size on, `blobData` hands out libgit2's buffer instead of a copy.
    static let sharedBlobSize = 1 << 20

    /// Stores the empty tree (4b825dc…) and returns its id.
    public func emptyTree() throws -> ObjectID {
        let builder = try makeHandle("git_treebuilder_new", owner: self, free: { git_treebuilder_free($0) }) {
            git_treebuilder_new(&$0, pointer, nil)
        }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder.pointer), "git_treebuilder_write")
        return ObjectID(oid)
    }
}

/// Keeps a blob, and so its inflated content, alive for as long as a `Data` reads that content. The
/// blob is only read, and freed once, by whichever thread lets go of the `Data` last.
private final class BlobOwner: @unchecked Sendable {
    private let blob: Handle

    init(_ blob: Handle) { self.blob = blob }
}
