import Foundation
import CGit2

/// Writes many new blobs into the repository as one pack file, the way `git fast-import` and `git fetch`
/// do, instead of one loose object file each.
///
/// A first pull of 100,000 statements would otherwise create 100,000 files under `.git/objects` (most of
/// its time in the kernel) and leave the user's next `git commit` repacking them (`gc.auto` is 6,700 loose
/// objects). The work is split so that the expensive part runs on any thread:
///
/// 1. `PackWriter.prepare(_:)` — pure and thread-safe — hashes a blob (libgit2's `git_odb_hash`) and
///    deflates it into a pack entry (zlib), with the entry's CRC-32;
/// 2. `add(_:)` appends prepared entries, in any order, to a spool file under `.git/grcsync/` that
///    already starts with the pack's header;
/// 3. `finish()` puts the count into the header and the SHA-1 trailer after the entries, writes the index
///    (`PackIndex`) from the ids, offsets and CRCs it kept, as `git fast-import` does, moves both into
///    `objects/pack` (pack first: a pack without its index is ignored), and refreshes the object
///    database so the blobs can be read and put into trees at once.
///
/// Until `finish()` returns, none of the added blobs exist in the repository; if anything fails (or the
/// writer is dropped) the spool is removed and the repository is as before. libgit2 has no API that
/// indexes a pack from what its writer already knows: its indexer inflates and hashes every object
/// again, ~1.5 s of CPU time on one thread at the end of a first pull of 100,000 statements. The tests
/// check the files against git's own (`git index-pack` writes a byte-identical index, `git verify-pack`
/// and `git fsck` accept the pack).
public final class PackWriter {
    /// A blob hashed and framed as a pack entry, ready to be added.
    public struct PreparedBlob: Sendable {
        /// The blob's object id.
        public let id: ObjectID
        /// The pack entry: the object header followed by the zlib-deflated content.
        let entry: [UInt8]
        /// The CRC-32 of `entry`, as the pack's index records it.
        let crc: UInt32
    }

    private let repository: Repository
    private let spoolURL: URL
    private var spool: FileHandle?
    private var buffer: [UInt8] = []
    /// Bytes of the pack so far, the header's included: the next entry's offset.
    private var length: UInt64 = 0
    private var added = Set<ObjectID>()
    private var index = PackIndex()
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
        spool = try FileHandle(forUpdating: spoolURL)
        buffer.reserveCapacity(Self.flushSize)
        // The object count is filled in by finish().
        buffer += Array("PACK".utf8) + Self.bigEndian(2) + Self.bigEndian(0)
        length = UInt64(buffer.count)
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
            let crc = entry.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            return PreparedBlob(id: ObjectID(oid), entry: entry, crc: crc)
        }
    }

    /// Adds a prepared blob; a blob added twice is written once.
    public func add(_ blob: PreparedBlob) throws {
        guard !finished, let spool else { throw GitKitError.packFinished }
        guard added.insert(blob.id).inserted else { return }
        index.append(PackIndex.Entry(id: blob.id, offset: length, crc: blob.crc))
        buffer += blob.entry
        length += UInt64(blob.entry.count)
        if buffer.count >= Self.flushSize { try flush(to: spool) }
    }

    /// Writes the pack and its index into the repository and makes the blobs readable. Returns the
    /// pack's name (`pack-<hash>`), or nil when nothing was added (no pack is written).
    @discardableResult
    public func finish() throws -> String? {
        guard !finished, let spool else { throw GitKitError.packFinished }
        finished = true
        defer {
            try? spool.close()
            self.spool = nil
        }
        guard !added.isEmpty else { return nil }
        try flush(to: spool)
        try spool.seek(toOffset: 8)
        try spool.write(contentsOf: Self.bigEndian(UInt32(added.count)))
        let checksum = try Self.checksum(of: spool)
        try spool.seekToEnd()
        try spool.write(contentsOf: checksum)
        try spool.close()
        self.spool = nil
        return try install(packChecksum: checksum)
    }

    private static let flushSize = 1 << 20

    private func flush(to spool: FileHandle) throws {
        guard !buffer.isEmpty else { return }
        try spool.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The SHA-1 of everything in `file`, read from its start.
    private static func checksum(of file: FileHandle) throws -> [UInt8] {
        try file.seek(toOffset: 0)
        var sha1 = SHA1()
        while let chunk = try file.read(upToCount: flushSize), !chunk.isEmpty {
            chunk.withUnsafeBytes { sha1.update($0) }
        }
        return sha1.finish()
    }

    /// Writes the index under a temporary name, moves the pack and then the index into `objects/pack`
    /// (read-only, as Git writes them), and refreshes the object database. A pack already there under the
    /// same name holds the same bytes (its name is their checksum): it is kept, and so is its index.
    private func install(packChecksum: [UInt8]) throws -> String {
        // The object database's own folder: in a linked work tree `gitDirectory` is not where it is.
        let packDirectory = try repository.itemPath(GIT_REPOSITORY_ITEM_OBJECTS).appendingPathComponent("pack", isDirectory: true)
        try FileManager.default.createDirectory(at: packDirectory, withIntermediateDirectories: true)
        let name = "pack-" + packChecksum.map { String(format: "%02x", $0) }.joined()
        let packURL = packDirectory.appendingPathComponent(name + ".pack")
        let indexURL = packDirectory.appendingPathComponent(name + ".idx")
        let temporaryIndex = packDirectory.appendingPathComponent("tmp_idx_grcsync_\(getpid())")
        defer { try? FileManager.default.removeItem(at: temporaryIndex) }
        guard FileManager.default.createFile(
            atPath: temporaryIndex.path, contents: Data(index.serialized(packChecksum: packChecksum)),
            attributes: [.posixPermissions: 0o444])
        else { throw GitKitError.cannotWrite(temporaryIndex) }
        let packExisted = FileManager.default.fileExists(atPath: packURL.path)
        if packExisted {
            try? FileManager.default.removeItem(at: spoolURL)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: spoolURL.path)
            try Self.move(spoolURL, to: packURL)
        }
        if !FileManager.default.fileExists(atPath: indexURL.path) {
            do {
                try Self.move(temporaryIndex, to: indexURL)
            } catch {
                if !packExisted { try? FileManager.default.removeItem(at: packURL) }
                throw error
            }
        }
        let odb = try makeHandle("git_repository_odb", owner: repository, free: { git_odb_free($0) }) {
            git_repository_odb(&$0, repository.pointer)
        }
        try check(git_odb_refresh(odb.pointer), "git_odb_refresh")
        return name
    }

    /// `rename(2)`: atomic.
    private static func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else { throw GitKitError.cannotWrite(destination) }
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
