public import Foundation
import CGit2

extension Repository {
    /// Stores `data` as a blob and returns its id.
    public func writeBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        let result = data.withUnsafeBytes { bytes in
            git_blob_create_from_buffer(&oid, pointer, bytes.baseAddress, bytes.count)
        }
        try check(result, "git_blob_create_from_buffer")
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

    /// The content of a blob.
    public func blobData(_ id: ObjectID) throws -> Data {
        let blob = try lookupBlob(id)
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let content = git_blob_rawcontent(blob.pointer) else { return Data() }
        return Data(bytes: content, count: size)
    }

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
