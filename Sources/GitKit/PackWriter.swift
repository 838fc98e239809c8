import Foundation
import CGit2

/// Writes many new blobs into the repository as one pack file, the way `git fast-import` and `git fetch`
/// do, instead of one loose object file each.
///
/// A first pull of 100,000 statements would otherwise create 100,000 files under `.git/objects` (most of
/// its time in the kernel) and leave the user's next `git commit` repacking them (`gc.auto` is 6,700 loose
/// objects). The work is split so that the expensive part runs on any thread:
///
/// 1. `PackWriter.prepare(_:)` — pure and thread-safe — hashes a blob and deflates it into a pack entry;
/// 2. `add(_:)` appends prepared entries, in any order, to a spool file under `.git/grcsync/`;
/// 3. `finish()` streams the pack (header, entries, SHA-1 trailer) through libgit2's indexer, which
///    checks every object, writes `pack-<hash>.pack` and `.idx` into `objects/pack`, and the object
///    database is refreshed so the blobs can be read and put into trees at once.
///
/// Until `finish()` returns, none of the added blobs exist in the repository; if anything fails (or the
/// writer is dropped) the spool is removed and the repository is as before. Only the pack entry
/// framing (a type-and-size header before each zlib stream) is written here; everything Git has to
/// trust — object ids, index, verification — is libgit2's.
public final class PackWriter {
    /// A blob hashed and framed as a pack entry, ready to be added.
    public struct PreparedBlob: Sendable {
        /// The blob's object id.
        public let id: ObjectID
        /// The pack entry: the object header followed by the zlib-deflated content.
        let entry: [UInt8]
    }

    private let repository: Repository
    private let spoolURL: URL
    private var spool: FileHandle?
    private var buffer: [UInt8] = []
    private var added = Set<ObjectID>()
    private var finished = false

    /// How many distinct blobs have been added.
    public var count: Int { added.count }

    /// Starts a pack for `repository`, spooling to `.git/grcsync/pack.spool` (one writer per repository
    /// at a time: grcsync's workspace lock guarantees it).
    public init(repository: Repository) throws {
        self.repository = repository
        let directory = repository.gitDirectory.appendingPathComponent("grcsync", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        spoolURL = directory.appendingPathComponent("pack.spool")
        guard FileManager.default.createFile(atPath: spoolURL.path, contents: nil) else {
            throw GitKitError.cannotWrite(spoolURL)
        }
        spool = try FileHandle(forWritingTo: spoolURL)
        buffer.reserveCapacity(Self.flushSize)
    }

    deinit {
        try? spool?.close()
        try? FileManager.default.removeItem(at: spoolURL)
    }

    /// Hashes `content` as a blob and deflates it into a pack entry. Pure: call it from any thread.
    public static func prepare(_ content: some Collection<UInt8>) -> PreparedBlob {
        ensureLibGit2()
        let bytes = Array(content)
        return bytes.withUnsafeBytes { raw in
            var oid = git_oid()
            // git_odb_hash only fails for an invalid object type; the blob type is always valid.
            _ = git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB)
            var entry = entryHeader(type: 3, size: raw.count)
            let headerCount = entry.count
            var capacity = compressBound(uLong(raw.count))
            entry += [UInt8](repeating: 0, count: Int(capacity))
            let status = entry.withUnsafeMutableBufferPointer { out in
                compress2(
                    out.baseAddress.map { $0 + headerCount }, &capacity,
                    raw.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(raw.count), Z_BEST_SPEED)
            }
            // compress2 cannot run out of room with compressBound's size, nor fail for a valid level.
            precondition(status == Z_OK, "zlib compress2 failed with \(status)")
            entry.removeLast(entry.count - headerCount - Int(capacity))
            return PreparedBlob(id: ObjectID(oid), entry: entry)
        }
    }

    /// Adds a prepared blob; a blob added twice is written once.
    public func add(_ blob: PreparedBlob) throws {
        guard !finished, let spool else { throw GitKitError.packFinished }
        guard added.insert(blob.id).inserted else { return }
        buffer += blob.entry
        if buffer.count >= Self.flushSize { try flush(to: spool) }
    }

    /// Writes the pack and its index into the repository and makes the blobs readable. Returns the
    /// pack's name (`pack-<hash>`), or nil when nothing was added (no pack is written).
    @discardableResult
    public func finish() throws -> String? {
        guard !finished, let spool else { throw GitKitError.packFinished }
        finished = true
        try flush(to: spool)
        try spool.close()
        self.spool = nil
        guard !added.isEmpty else { return nil }
        return try index()
    }

    private static let flushSize = 1 << 20

    private func flush(to spool: FileHandle) throws {
        guard !buffer.isEmpty else { return }
        try spool.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Streams "PACK", version 2, the count, the spooled entries and the SHA-1 of all of it into
    /// libgit2's indexer.
    private func index() throws -> String {
        let packDirectory = repository.gitDirectory.appendingPathComponent("objects/pack", isDirectory: true)
        try FileManager.default.createDirectory(at: packDirectory, withIntermediateDirectories: true)
        var options = git_indexer_options()
        try check(git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)), "git_indexer_options_init")
        let odb = try makeHandle("git_repository_odb", owner: repository, free: { git_odb_free($0) }) {
            git_repository_odb(&$0, repository.pointer)
        }
        let indexer = try makeHandle("git_indexer_new", owner: repository, free: { git_indexer_free($0) }) {
            git_indexer_new(&$0, packDirectory.path, 0, odb.pointer, &options)
        }
        var progress = git_indexer_progress()
        var checksum = SHA1()
        func append(_ bytes: UnsafeRawBufferPointer) throws {
            checksum.update(bytes)
            try check(git_indexer_append(indexer.pointer, bytes.baseAddress, bytes.count, &progress), "git_indexer_append")
        }
        var header: [UInt8] = Array("PACK".utf8) + Self.bigEndian(2) + Self.bigEndian(UInt32(added.count))
        try header.withUnsafeBytes(append)
        let reader = try FileHandle(forReadingFrom: spoolURL)
        defer { try? reader.close() }
        while let chunk = try reader.read(upToCount: Self.flushSize), !chunk.isEmpty {
            try chunk.withUnsafeBytes(append)
        }
        header = checksum.finish()
        _ = try header.withUnsafeBytes { bytes in
            try check(git_indexer_append(indexer.pointer, bytes.baseAddress, bytes.count, &progress), "git_indexer_append")
        }
        try check(git_indexer_commit(indexer.pointer, &progress), "git_indexer_commit")
        try check(git_odb_refresh(odb.pointer), "git_odb_refresh")
        let name = git_indexer_name(indexer.pointer).map { String(cString: $0) } ?? ""
        return "pack-" + name
    }

    /// A pack entry's header: the type in bits 4–6 of the first byte, the size in its low four bits
    /// and then seven bits per byte, each byte but the last with its high bit set.
    static func entryHeader(type: UInt8, size: Int) -> [UInt8] {
        var size = UInt64(size)
        var byte = (type << 4) | UInt8(size & 0x0f)
        size >>= 4
        var header: [UInt8] = []
        while size > 0 {
            header.append(byte | 0x80)
            byte = UInt8(size & 0x7f)
            size >>= 7
        }
        header.append(byte)
        return header
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}

/// SHA-1 over a stream, from mbedTLS (the crypto library libgit2 itself links).
private struct SHA1 {
    private var context = mbedtls_sha1_context()

    init() {
        mbedtls_sha1_init(&context)
        mbedtls_sha1_starts_ret(&context)
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        mbedtls_sha1_update_ret(&context, base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    mutating func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        mbedtls_sha1_finish_ret(&context, &digest)
        mbedtls_sha1_free(&context)
        return digest
    }
}
