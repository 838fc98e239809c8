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
/// 3. `finish(inOrderOf:)` puts the count into the header and the SHA-1 trailer after the entries,
///    writes the index (`PackIndex`) from the ids, offsets and CRCs it kept, as `git fast-import` does,
///    moves both into `objects/pack` (pack first: a pack without its index is ignored), and refreshes
///    the object database so the blobs can be read at once. Given the tree that names the blobs, it first
///    rewrites the entries in that tree's order, the order a checkout reads them in.
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
        /// The entry's size in the pack, in bytes.
        public var packedSize: Int { entry.count }
        /// The CRC-32 of `entry`, as the pack's index records it.
        let crc: UInt32
    }

    private let repository: Repository
    private let spoolURL: URL
    private var spool: FileHandle?
    private var buffer: [UInt8] = []
    /// Bytes of the pack so far, the header's included: the next entry's offset.
    private var length: UInt64 = 0
    /// Each blob's position in `index.entries` (and in the spool).
    private var slots = PackSlots()
    private var index = PackIndex()
    private var finished = false

    /// How many distinct blobs have been added.
    public var count: Int { slots.count }

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
        guard slots.slot(of: blob.id, in: index.entries) == nil else { return }
        index.append(PackIndex.Entry(id: blob.id, offset: length, crc: blob.crc))
        slots.addLast(of: index.entries)
        buffer += blob.entry
        length += UInt64(blob.entry.count)
        if buffer.count >= Self.flushSize { try flush(to: spool) }
    }

    /// Writes the pack and its index into the repository and makes the blobs readable. Returns the
    /// pack's name (`pack-<hash>`), or nil when nothing was added (no pack is written).
    ///
    /// `tree`, when given, is the tree that will name the blobs (it may already be written: trees can
    /// name blobs that are not readable yet). The entries are then written in its order, which is the
    /// order a checkout of it reads them in: the checkout reads the pack front to back, and a few mapped
    /// windows of it suffice (in arrival order, the checkout of a first pull of 100,000 statements kept
    /// 29 MB of it mapped). Blobs the tree does not name follow, in the order they were added.
    @discardableResult
    public func finish(inOrderOf tree: ObjectID? = nil) throws -> String? {
        guard !finished, let spool else { throw GitKitError.packFinished }
        finished = true
        defer {
            try? spool.close()
            self.spool = nil
        }
        guard slots.count > 0 else { return nil }
        try flush(to: spool)
        let checksum: [UInt8]
        if let tree, let order = try checkoutOrder(of: tree) {
            checksum = try rewrite(spool, in: order)
        } else {
            try spool.seek(toOffset: 8)
            try spool.write(contentsOf: Self.bigEndian(UInt32(slots.count)))
            checksum = try Self.checksum(of: spool)
            try spool.seekToEnd()
            try spool.write(contentsOf: checksum)
        }
        try spool.close()
        self.spool = nil
        return try install(packChecksum: checksum)
    }

    /// The entries' positions in the order `tree` names their blobs, then those it does not name; nil
    /// when that is the order they are already in.
    private func checkoutOrder(of tree: ObjectID) throws -> [Int]? {
        var order: [Int] = []
        order.reserveCapacity(slots.count)
        var placed = [Bool](repeating: false, count: slots.count)
        let entries = index.entries
        try repository.blobIDsInOrder(of: tree) { id in
            if let slot = slots.slot(of: id, in: entries), !placed[slot] {
                placed[slot] = true
                order.append(slot)
            }
        }
        for slot in placed.indices where !placed[slot] { order.append(slot) }
        return order.elementsEqual(placed.indices) ? nil : order
    }

    /// Writes the pack with its entries in `order` next to the spool (each entry's bytes read back from
    /// the spool, hashed on their way out), then puts it in the spool's place; the index follows the
    /// entries to their new offsets. Returns the pack's checksum.
    private func rewrite(_ spool: FileHandle, in order: [Int]) throws -> [UInt8] {
        let orderedURL = spoolURL.deletingLastPathComponent().appendingPathComponent("pack.ordered")
        guard FileManager.default.createFile(atPath: orderedURL.path, contents: nil) else {
            throw GitKitError.cannotWrite(orderedURL)
        }
        var installed = false
        defer { if !installed { try? FileManager.default.removeItem(at: orderedURL) } }
        let output = try FileHandle(forWritingTo: orderedURL)
        defer { try? output.close() }

        let entries = index.entries
        var reordered = PackIndex()
        reordered.reserveCapacity(entries.count)
        var sha1 = SHA1()
        // Entries are read straight into one buffer, written out each time it is nearly full.
        let capacity = Self.flushSize * 2
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        let header = Array("PACK".utf8) + Self.bigEndian(2) + Self.bigEndian(UInt32(entries.count))
        buffer.copyBytes(from: header)
        var filled = header.count
        var offset = UInt64(filled)
        func flush() throws {
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
            sha1.update(bytes)
            try output.write(contentsOf: bytes)
            filled = 0
        }
        for slot in order {
            let entry = entries[slot]
            let end = slot + 1 < entries.count ? entries[slot + 1].offset : length
            let size = Int(end - entry.offset)
            reordered.append(PackIndex.Entry(id: entry.id, offset: offset, crc: entry.crc))
            offset += UInt64(size)
            if filled + size > capacity { try flush() }
            if size > capacity {
                // An entry larger than the buffer (a statement of megabytes) goes through on its own.
                var large = [UInt8](repeating: 0, count: size)
                try large.withUnsafeMutableBytes { try Self.read(spool, into: $0, at: entry.offset) }
                large.withUnsafeBytes { sha1.update($0) }
                try output.write(contentsOf: large)
                continue
            }
            try Self.read(spool, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<(filled + size)]), at: entry.offset)
            filled += size
            if filled >= Self.flushSize { try flush() }
        }
        try flush()
        let checksum = sha1.finish()
        try output.write(contentsOf: checksum)
        try output.close()
        guard rename(orderedURL.path, spoolURL.path) == 0 else { throw GitKitError.cannotWrite(spoolURL) }
        installed = true
        index = reordered
        return checksum
    }

    /// Fills `buffer` from `file` at `offset` (`pread(2)`: the spool is read in the tree's order, one
    /// entry at a time, without moving the handle).
    private static func read(_ file: FileHandle, into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) throws {
        var done = 0
        while done < buffer.count {
            let count = pread(file.fileDescriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: count < 0 ? errno : EIO) ?? .EIO) }
            done += count
        }
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
